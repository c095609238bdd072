"""Serve the sandbox shop over HTTP: in a background thread (tests, demo) or blocking (command line)."""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType

import uvicorn
from starlette.applications import Starlette

from app.sandbox.app import create_app
from app.sandbox.config import SandboxConfig
from app.sandbox.shop import Shop


def bind_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP lets asyncio set TCP_NODELAY on accepted connections (else keep-alive
    # requests wait ~40 ms for delayed ACKs).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def _uvicorn(app: Starlette) -> uvicorn.Server:
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on", timeout_graceful_shutdown=1,
                            timeout_keep_alive=5)  # fmt: skip
    return uvicorn.Server(config)


class SandboxServer:
    """The sandbox on a loopback port, in a background thread.

    >>> with SandboxServer(SandboxConfig(rate_limit=0)) as srv:   # doctest: +SKIP
    ...     httpx.get(srv.api_url + "/products", headers={"X-CloudCart-ApiKey": srv.config.api_key})
    """

    def __init__(self, config: SandboxConfig | None = None, host: str = "127.0.0.1", port: int = 0) -> None:
        self.config = config or SandboxConfig()
        self.app = create_app(self.config)
        self.host = host
        self.port = port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def shop(self) -> Shop:
        shop: Shop = self.app.state.shop
        return shop

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def api_url(self) -> str:
        return self.url + "/api/v2"

    def start(self) -> SandboxServer:
        if self._thread is not None:
            return self
        sock = bind_socket(self.host, self.port)
        self.port = sock.getsockname()[1]
        server = _uvicorn(self.app)
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="sandbox-server", daemon=True)
        self._server, self._thread = server, thread
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                sock.close()
                raise RuntimeError(f"the sandbox shop did not start on {self.url}")
            time.sleep(0.005)
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        server.should_exit = True
        thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def serve(app: Starlette, sock: socket.socket) -> None:
    """Serve ``app`` on a bound socket until interrupted (Ctrl+C), in the calling thread."""
    _uvicorn(app).run(sockets=[sock])


def run(config: SandboxConfig, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Serve a new sandbox shop until interrupted, in the calling thread."""
    serve(create_app(config), bind_socket(host, port))
