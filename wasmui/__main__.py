"""``python -m wasmui`` runs the command-line interface."""

from wasmui.cli import main

raise SystemExit(main())
