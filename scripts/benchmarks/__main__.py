"""``python -m scripts.benchmarks``: what ``scripts/bench`` runs."""

from .runner import main

main()
