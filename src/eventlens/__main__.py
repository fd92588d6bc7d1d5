"""``python -m eventlens`` runs the command line."""

from eventlens.cli import main

raise SystemExit(main())
