"""Entry point: `python -m scripts.devhass`."""

from scripts.devhass.cli import main

raise SystemExit(main())
