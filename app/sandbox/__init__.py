"""A CloudCart-compatible sandbox shop (JSON:API v2) for the demo and the integration tests.

``create_app(SandboxConfig(...))`` gives an ASGI app (use it in-process with
``httpx.ASGITransport``); :class:`app.sandbox.server.SandboxServer` serves it on loopback.
"""

from __future__ import annotations

from app.sandbox.app import create_app
from app.sandbox.config import DEMO_API_KEY, SandboxConfig

__all__ = ["DEMO_API_KEY", "SandboxConfig", "create_app"]
