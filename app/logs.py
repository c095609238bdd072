"""Logging with secret redaction.

Every secret the program learns (API keys, database passwords) is registered here with
:func:`register_secret`; a filter on every handler replaces it, and anything shaped like a CloudCart
API key (a long run of upper-case letters and digits), with ``***`` before a record is written.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import threading
from pathlib import Path
from typing import Any

_lock = threading.Lock()
_secrets: set[str] = set()

# CloudCart keys are 64 upper-case alphanumerics; mask any run of 32+ such characters, and any
# "key=..."/"password=..." pair, whatever the value looks like.
_KEY_SHAPE = re.compile(r"\b[A-Z0-9]{32,}\b")
# "password=..." / "api_key=..." (connection strings, URLs). Not "key: value": that is how our own messages
# name a setting ("shop.api_key: unknown key") and how MySQL says "(using password: YES)".
_PAIR_SHAPE = re.compile(r"(?i)((?:api[_-]?key|x-cloudcart-apikey|password|passwd|pwd)\s*=\s*)([^\s,;'\"]+)")
_HEADER_SHAPE = re.compile(r"(?i)(x-cloudcart-apikey\s*:\s*)(\S+)")
MASK = "***"


def register_secret(value: str | None) -> None:
    """Remember a secret so that it never reaches a log line, a report or a message."""
    if value and len(value) >= 4:
        with _lock:
            _secrets.add(value)


def redact(text: str) -> str:
    """Return ``text`` with every registered secret and key-shaped token masked."""
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    text = _KEY_SHAPE.sub(MASK, text)
    text = _HEADER_SHAPE.sub(lambda m: m.group(1) + MASK, text)
    return _PAIR_SHAPE.sub(lambda m: m.group(1) + MASK, text)


def redact_value(value: Any) -> Any:
    """Redact strings nested in dicts/lists (for reports)."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {k: redact_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact_value(v) for v in value]
    return value


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg = redact(message)
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            # Render the traceback now, redacted, and drop the exception object.
            formatter = logging.Formatter()
            record.exc_text = redact(formatter.formatException(record.exc_info))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
_configured: list[logging.Handler] = []


def setup_logging(logs_dir: Path, *, console_level: int | None = None, debug: bool = False) -> None:
    """Rotating file log in ``logs_dir`` (5 x 2 MB), optionally a console handler; all redacted."""
    root = logging.getLogger()
    for handler in _configured:
        root.removeHandler(handler)
        handler.close()
    _configured.clear()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    file_handler = logging.handlers.RotatingFileHandler(
        logs_dir / "utility-center.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    file_handler.addFilter(RedactingFilter())
    root.addHandler(file_handler)
    _configured.append(file_handler)
    if console_level is not None:
        console = logging.StreamHandler()
        console.setLevel(console_level)
        console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        console.addFilter(RedactingFilter())
        root.addHandler(console)
        _configured.append(console)
    for noisy in ("httpx", "httpcore", "uvicorn.access", "asyncio"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
