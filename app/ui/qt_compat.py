"""Guard against a reference-counting bug of PySide6 6.12 on Python 3.11.

PySide6/shiboken6 6.12.0 returns ``None`` (and ``True``/``False``) from wrapped calls without taking a
reference: on Python 3.12+ these objects are immortal and nothing happens, but on Python 3.11 every
``processEvents()``, every void method call and every queued slot lowers their reference count by one
until the interpreter aborts with *Fatal Python error: none_dealloc* (after a few thousand event-loop
turns; measured: ``app.processEvents()`` costs one reference of ``None``; PySide6 6.11.3 is fine).

The proper fix is a PySide6 without the bug (or Python 3.12+). Until the dependency is pinned, the
window makes these three singletons effectively immortal, as Python 3.12 does: their count is raised by
2**40, which no program can lower to zero.
"""

from __future__ import annotations

import ctypes
import logging
import sys

import PySide6

log = logging.getLogger(__name__)
_BOOST = 2**40
_done = False


def affected(version: str | None = None, python: tuple[int, int] | None = None) -> bool:
    major_minor = tuple(int(p) for p in (version or PySide6.__version__).split(".")[:2])
    return (python or sys.version_info[:2]) < (3, 12) and major_minor >= (6, 12)


def guard_refcount_bug() -> bool:
    """Make None/True/False immortal when the running PySide6 needs it; True when it did."""
    global _done
    if _done or not affected():
        return _done
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _BOOST
    _done = True
    log.info(
        "PySide6 %s on Python %s: None/True/False made immortal (PySide6 refcount bug)",
        PySide6.__version__,
        sys.version.split()[0],
    )
    return True
