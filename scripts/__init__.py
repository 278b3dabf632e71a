"""Developer scripts for AIME (run from the repository root, e.g. `python -m scripts.devhass`)."""
