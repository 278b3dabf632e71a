"""Browser tests of the AIME panel (see conftest.py)."""
