"""AIME domain core: plain Python, no Home Assistant imports (enforced by tests/core/test_layering.py)."""
