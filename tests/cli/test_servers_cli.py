"""`utility-center servers ...` run as a real process, as a script or Task Scheduler would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.server_files import VALID_SERVER_TOML

REPO = Path(__file__).resolve().parents[2]
SECRET = "K" * 40 + "SECRETVALUE1234567890ABCD"  # shaped like a CloudCart key (64 chars)


def uc(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )


@pytest.fixture
def server_file(tmp_path: Path) -> Path:
    path = tmp_path / "shop.toml"
    path.write_text(VALID_SERVER_TOML, encoding="utf-8")
    return path


def _all_files_text(root: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in root.rglob("*") if p.is_file())


def test_add_list_export_readd_remove(server_file: Path, tmp_path: Path, uc_home: Path, keyring_file: Path) -> None:
    result = uc("servers", "add", "--file", str(server_file))
    assert result.returncode == 0, result.stderr
    assert "added" in result.stdout

    listed = uc("servers", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [r["name"] for r in rows] == ["My shop"]
    assert rows[0]["type"] == "warehouse-pro-cloudcart"
    assert rows[0]["enabled_tasks"] == ["import", "export"]

    table = uc("servers", "list")
    assert "My shop" in table.stdout and "LAST RUN" in table.stdout

    secret = uc("servers", "set-secret", "My shop", "api-key", stdin=SECRET + "\n")
    assert secret.returncode == 0, secret.stderr
    assert SECRET in keyring_file.read_text(encoding="utf-8")  # it went to the keyring

    exported = uc("servers", "export", "My shop")
    assert exported.returncode == 0, exported.stderr
    assert SECRET not in exported.stdout
    assert "id =" not in exported.stdout  # the stable id stays private to this installation

    # the same name is refused, a renamed copy is accepted
    again = uc("servers", "add", "--file", str(server_file))
    assert again.returncode == 2
    assert "already exists" in again.stderr
    copy = tmp_path / "copy.toml"
    copy.write_text(exported.stdout.replace('name = "My shop"', 'name = "Second shop"'), encoding="utf-8")
    assert uc("servers", "add", "--file", str(copy)).returncode == 0
    assert [r["name"] for r in json.loads(uc("servers", "list", "--json").stdout)] == ["My shop", "Second shop"]

    # no file in the state folder holds the secret, and neither do the logs
    assert SECRET not in _all_files_text(uc_home)

    removed = uc("servers", "remove", "My shop")
    assert removed.returncode == 0, removed.stderr
    assert SECRET not in keyring_file.read_text(encoding="utf-8")  # secrets removed with the server
    assert [r["name"] for r in json.loads(uc("servers", "list", "--json").stdout)] == ["Second shop"]


def test_unknown_server_is_exit_2_with_readable_message() -> None:
    result = uc("servers", "export", "Nope")
    assert result.returncode == 2
    assert "no server named 'Nope'" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_file_lists_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        VALID_SERVER_TOML.replace('compare_by = "sku"', 'compare_by = "ean"').replace(
            'api_identifier = "mystore.cloudcart.net"', 'api_identifier = "http://shop.example.com"'
        ),
        encoding="utf-8",
    )
    result = uc("servers", "add", "--file", str(path))
    assert result.returncode == 2
    assert "shop.compare_by" in result.stderr and "shop.api_identifier" in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_toml_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('name = "unterminated\n', encoding="utf-8")
    result = uc("servers", "add", "--file", str(path))
    assert result.returncode == 2
    assert "not valid TOML" in result.stderr


def test_set_secret_without_keyring_refuses_with_advice(server_file: Path) -> None:
    assert uc("servers", "add", "--file", str(server_file)).returncode == 0
    env_backup = os.environ["PYTHON_KEYRING_BACKEND"]
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    try:
        result = uc("servers", "set-secret", "My shop", "api-key", stdin=SECRET + "\n")
    finally:
        os.environ["PYTHON_KEYRING_BACKEND"] = env_backup
    assert result.returncode == 2
    assert "No usable OS keyring" in result.stderr
    assert "api_key_env" in result.stderr


def test_debug_shows_traceback() -> None:
    result = uc("--debug", "servers", "export", "Nope")
    assert result.returncode == 2
    assert "Traceback" in result.stderr


def test_window_without_a_display_says_so_instead_of_crashing() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(REPO)
    result = subprocess.run(
        [sys.executable, "-m", "app"], capture_output=True, text=True, env=env, cwd=REPO, timeout=60, check=False
    )
    assert result.returncode == 2
    assert "no graphical display" in result.stderr and "utility-center run NAME" in result.stderr
