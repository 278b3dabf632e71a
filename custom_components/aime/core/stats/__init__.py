"""Statistics: rollups kept at ingest, and the queries every sensor and dashboard reads."""
