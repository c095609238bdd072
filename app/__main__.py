"""``python -m app`` and the ``utility-center-gui`` entry point (no console window on Windows)."""

from __future__ import annotations

import os
import sys


def _no_display() -> bool:
    """On Linux/BSD without X11/Wayland (and no QT_QPA_PLATFORM chosen) Qt would abort the process."""
    if sys.platform.startswith(("win", "darwin")) or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_window(*, demo: bool = False) -> int:
    if _no_display():
        from app.domain.errors import ConfigurationError

        raise ConfigurationError(
            "There is no graphical display here (DISPLAY and WAYLAND_DISPLAY are not set), so the window cannot "
            "open. Start it from a desktop session, or work headless: `utility-center servers list`, "
            "`utility-center run NAME`.",
            title="No display",
        )
    from app.ui.application import run_window  # Qt is imported only for the window

    return int(run_window(demo=demo))


def gui_main() -> int:
    from app.cli import main

    argv = sys.argv[1:]
    return main(argv)


if __name__ == "__main__":
    from app.cli import main

    raise SystemExit(main())
