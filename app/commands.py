"""Sub-commands that live next to the features they drive.

Each registrar adds one sub-parser (with ``handler`` set) to the command line built in :mod:`app.cli`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

REGISTRARS: list[Callable[[Any], None]] = []
