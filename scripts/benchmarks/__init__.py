"""AIME's benchmarks, behind ``scripts/bench`` and ``scripts/bench-panel``.

``runner.py`` runs the sections, one module each; ``panel.py`` and its ``panel_*`` parts time
the panel. Every module imports ``common.py`` and its own parts, never the runner, so the
imports go one way.
"""
