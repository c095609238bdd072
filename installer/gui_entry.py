"""Entry script of the bundled ``utility-center-gui`` program (no console window on Windows)."""

from app.__main__ import gui_main

raise SystemExit(gui_main())
