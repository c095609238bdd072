"""SandboxServer start/stop, and the ``sandbox`` command line."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from app.sandbox import SandboxConfig
from app.sandbox.cli import add_arguments, build_config, main
from app.sandbox.server import SandboxServer

ROOT = Path(__file__).resolve().parents[2]


def test_server_starts_and_stops_fast() -> None:
    started = time.monotonic()
    with SandboxServer(SandboxConfig(rate_limit=7)) as srv:
        assert time.monotonic() - started < 1
        assert srv.running
        assert srv.url.startswith("http://127.0.0.1:") and srv.api_url == srv.url + "/api/v2"
        response = httpx.get(srv.api_url + "/products", headers={"X-CloudCart-ApiKey": srv.config.api_key})
        assert response.status_code == 200 and response.headers["X-RateLimit-Limit"] == "7"
        with httpx.Client() as keep_alive:  # an open keep-alive connection must not slow the stop
            keep_alive.get(srv.url + "/admin/state")
            stopping = time.monotonic()
            srv.stop()
            assert time.monotonic() - stopping < 1
            assert not srv.running
    with pytest.raises(httpx.ConnectError):
        httpx.get(srv.url + "/admin/state", timeout=1)


def test_keep_alive_requests_are_fast() -> None:
    """Accepted sockets get TCP_NODELAY: no ~40 ms delayed-ACK stall per keep-alive request."""
    with SandboxServer() as srv, httpx.Client(base_url=srv.url) as client:
        client.get("/admin/state")
        started = time.monotonic()
        for _ in range(20):
            client.get("/admin/state")
        assert (time.monotonic() - started) / 20 < 0.02


def test_two_servers_get_different_ports() -> None:
    with SandboxServer() as one, SandboxServer() as two:
        assert one.port != two.port
        assert httpx.get(one.url + "/admin/state").status_code == 200
        assert httpx.get(two.url + "/admin/state").status_code == 200


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(argv)


def test_cli_arguments_build_the_config(tmp_path: Path) -> None:
    args = parse("--port", "0", "--data", str(tmp_path / "s.db"), "--api-key", "K" * 64, "--rate-limit", "50",
                 "--faults", "500:0.1", "--stores-app")  # fmt: skip
    config = build_config(args)
    assert (config.rate_limit, config.faults, config.api_key, config.stores_app) == (50, "500:0.1", "K" * 64, True)
    assert config.data_path == tmp_path / "s.db"


def test_cli_refuses_a_bad_fault_spec(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(parse("--faults", "boom")) == 2
    assert "Sandbox settings are wrong" in capsys.readouterr().err


def test_cli_refuses_a_busy_port(capsys: pytest.CaptureFixture[str]) -> None:
    with SandboxServer() as srv:
        assert main(parse("--port", str(srv.port))) == 2
    assert "Choose another --port" in capsys.readouterr().err


def test_cli_serves_until_interrupted(tmp_path: Path) -> None:
    script = (
        "import argparse, sys\n"
        "from app.sandbox.cli import add_arguments, main\n"
        "p = argparse.ArgumentParser(); add_arguments(p)\n"
        "sys.exit(main(p.parse_args(sys.argv[1:])))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", script, "--port", "0", "--demo-data", "--data", str(tmp_path / "shop.db")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("Sandbox shop: http://127.0.0.1:"), line
        url = line.split()[2].rstrip("/")
        assert httpx.get(url + "/admin/state", timeout=5).json()["counts"]["products"] == 5
    finally:
        proc.terminate()
        proc.wait(timeout=10)
