"""``python -m app`` and the ``utility-center-gui`` entry point (no console window on Windows)."""

from __future__ import annotations

import sys


def open_window(*, demo: bool = False) -> int:
    from app.ui.application import run_window

    return int(run_window(demo=demo))


def gui_main() -> int:
    from app.cli import main

    argv = sys.argv[1:]
    return main(argv)


if __name__ == "__main__":
    from app.cli import main

    raise SystemExit(main())
