"""Enrichment: Discogs collection, Spotify images and links, exports; options and sensors."""
