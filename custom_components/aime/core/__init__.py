"""AIME domain core: plain Python, no Home Assistant imports (see tests/core/test_layering.py)."""
