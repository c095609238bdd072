"""The real Secret Service (GNOME Keyring on D-Bus), not the test keyring: `servers set-secret` stores the
Key there, a later process reads it, `servers remove` deletes it, and no file holds it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.server_files import VALID_SERVER_TOML

REPO = Path(__file__).resolve().parents[2]
KEY = "SS" + "7" * 40 + "SECRETSERVICEKEY0123456"

SCRIPT = r"""
set -e
printf 'session-password' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
"$PY" -m app servers add --file "$FILE" >/dev/null
printf '%s\n' "$KEY" | "$PY" -m app servers set-secret "My shop" api-key
"$PY" - <<'PYEOF'
from app.servers.secrets import SecretStore
from app.servers.store import ServerStore
server = ServerStore().get("My shop")
store = SecretStore()
print("BACKEND", store.describe())
print("READ", store.get(server.id, "api-key"))
open(__import__("os").environ["IDFILE"], "w").write(server.id)
PYEOF
"$PY" -m app servers remove "My shop" >/dev/null
"$PY" - <<'PYEOF'
import os, keyring
server_id = open(os.environ["IDFILE"]).read()
print("LEFT", keyring.get_password("UtilityCenter", server_id + ":api-key"))
PYEOF
"""


@pytest.mark.skipif(
    not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")),
    reason="needs dbus and gnome-keyring (Debian packages dbus, gnome-keyring)",
)
def test_secret_service_round_trip(tmp_path: Path, uc_home: Path) -> None:
    server_file = tmp_path / "shop.toml"
    server_file.write_text(VALID_SERVER_TOML, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    env.update(PY=sys.executable, FILE=str(server_file), KEY=KEY, PYTHONPATH=str(REPO), HOME=str(tmp_path))
    env["IDFILE"] = str(tmp_path / "server-id")
    result = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "BACKEND keyring.backends.SecretService.Keyring" in out
    assert f"READ {KEY}" in out
    assert "LEFT None" in out  # removed with the server
    for path in uc_home.rglob("*"):
        if path.is_file():
            assert KEY not in path.read_text(encoding="utf-8", errors="replace"), path
