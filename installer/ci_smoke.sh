#!/usr/bin/env bash
# CI smoke test of the bundled program (Linux): build the PyInstaller one-folder bundle, then use ONLY the
# built program for a real headless run: the sandbox shop, a demo Warehouse Pro database, a server from a
# server file (Key in an environment variable), `run --task export --json`.
#
#   installer/ci_smoke.sh          (from anywhere; uses ./.venv of the repository, which must exist)
#
# Exit status 0 when every check passed; non-zero, with the failing check named, otherwise.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PY="$ROOT/.venv/bin/python"
BIN="$ROOT/dist/utility-center/utility-center"
STARTED=$SECONDS

fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }
elapsed() { echo "$((SECONDS - STARTED)) s"; }

[ -x "$PY" ] || fail "no virtual environment at .venv (create it first: ./dev.sh test, or python3 -m venv .venv && .venv/bin/pip install -e .)"

echo "== pyinstaller into .venv"
"$PY" -m pip install -q pyinstaller 2>&1 | grep -v -E "^(WARNING: Location|  )" || true

echo "== build the bundle ($(elapsed))"
QT_QPA_PLATFORM=offscreen "$PY" installer/build.py --no-installer || fail "installer/build.py"

WORK="$(mktemp -d)"
SANDBOX_PID=""
DEMO_PID=""
stop_pid() {
  if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
  fi
}
cleanup() {
  stop_pid "$SANDBOX_PID"
  stop_pid "$DEMO_PID"
  rm -rf "$WORK"
}
trap cleanup EXIT

# Everything the built program keeps goes to a throw-away folder; the keyring is never used.
export UTILITY_CENTER_HOME="$WORK/home"
export QT_QPA_PLATFORM=offscreen

echo "== the built program runs ($(elapsed))"
VERSION="$("$PY" -c 'import re,sys; print(re.search(r"__version__\s*=\s*\"([^\"]+)\"", open("app/__init__.py").read()).group(1))')"
SHOWN="$("$BIN" --version)" || fail "utility-center --version exited with $?"
[ "$SHOWN" = "utility-center $VERSION" ] || fail "--version said '$SHOWN', expected 'utility-center $VERSION'"
echo "   $SHOWN"
"$BIN" --help >/dev/null || fail "utility-center --help"
[ -x "$ROOT/dist/utility-center/utility-center-gui" ] || fail "utility-center-gui is missing from the bundle"
ls "$ROOT"/dist/utility-center/_internal/keyring-*.dist-info/entry_points.txt >/dev/null 2>&1 \
  || fail "keyring's entry points are missing from the bundle (no keyring backend would be found)"

echo "== sandbox shop from the built program ($(elapsed))"
PORT="$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
SMOKE_KEY="$("$PY" -c 'import secrets; print(secrets.token_hex(32).upper())')"
"$BIN" sandbox --port "$PORT" --api-key "$SMOKE_KEY" --rate-limit 6000 >"$WORK/sandbox.log" 2>&1 &
SANDBOX_PID=$!
for _ in $(seq 1 100); do
  if "$PY" -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$PORT/admin/state', timeout=1)" 2>/dev/null; then
    break
  fi
  kill -0 "$SANDBOX_PID" 2>/dev/null || { cat "$WORK/sandbox.log" >&2; fail "the sandbox exited"; }
  sleep 0.2
done
"$PY" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/admin/state', timeout=2)" \
  || { cat "$WORK/sandbox.log" >&2; fail "the sandbox does not answer on port $PORT"; }

echo "== demo warehouse database from the built program ($(elapsed))"
"$BIN" demo-db "$WORK/warehouse.db3" || fail "demo-db exited with $?"
[ -s "$WORK/warehouse.db3" ] || fail "demo-db wrote no database"

echo "== server from a server file ($(elapsed))"
cat >"$WORK/smoke.toml" <<TOML
name = "Smoke"
type = "warehouse-pro-cloudcart"

[shop]
api_identifier = "http://127.0.0.1:$PORT"
api_key_env = "UC_SMOKE_API_KEY"
compare_by = "sku"

[warehouse]
engine = "sqlite"
database = "$WORK/warehouse.db3"

[import]
start = "off"
object = "Online shop"

[export]
start = "on-server-start"
object = "Online shop"
quantity_object_groups = ["Warehouses"]
goods_groups = ["Web shop"]
TOML
"$BIN" servers add --file "$WORK/smoke.toml" || fail "servers add exited with $?"
"$BIN" servers list --json | "$PY" -c 'import json,sys; rows=json.load(sys.stdin); assert [r["name"] for r in rows] == ["Smoke"], rows' \
  || fail "servers list does not show the Smoke server"

echo "== run Smoke --task export --json ($(elapsed))"
set +e
UC_SMOKE_API_KEY="$SMOKE_KEY" "$BIN" run Smoke --task export --json >"$WORK/report.json" 2>"$WORK/run.log"
STATUS=$?
set -e
tail -n 5 "$WORK/run.log" | sed 's/^/   /'
[ "$STATUS" -eq 0 ] || { cat "$WORK/run.log" "$WORK/report.json" >&2; fail "run exited with $STATUS"; }
"$PY" - "$WORK/report.json" <<'PYCHECK' || fail "the run report is not a successful export"
import json, sys
report = json.load(open(sys.argv[1]))
tasks = {t["task"]: t for t in report["tasks"]}
export = tasks["export"]
assert export["status"] == "ok", export
assert export["counts"]["created"] > 0, export["counts"]
assert export["counts"]["failed"] == 0, export["counts"]
print(f"   export ok: {export['counts']}, {export['api_calls']} API calls")
PYCHECK
grep -q -F "$SMOKE_KEY" -r "$UTILITY_CENTER_HOME" && fail "the Key was written to a file under the state folder"

echo "== stop the sandbox ($(elapsed))"
stop_pid "$SANDBOX_PID"
SANDBOX_PID=""

# The window on the demo (offscreen Qt from the bundle): once run_window exists, the built program must
# start the demo shop, create the Demo server and keep running until it is stopped.
if [ -f app/ui/application.py ]; then
  echo "== utility-center --demo, offscreen ($(elapsed))"
  "$BIN" --demo >"$WORK/demo.log" 2>&1 &
  DEMO_PID=$!
  "$PY" - "$UTILITY_CENTER_HOME" "$DEMO_PID" <<'PYDEMO' || { cat "$WORK/demo.log" >&2; fail "--demo did not bring up the demo shop"; }
import os, pathlib, sys, time, tomllib, urllib.request
home, pid = pathlib.Path(sys.argv[1]), int(sys.argv[2])
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    os.kill(pid, 0)  # the program must still be running
    for path in (home / "servers").glob("*.toml"):
        server = tomllib.loads(path.read_text())
        if server.get("name") == "Demo":
            url = server["shop"]["api_identifier"]
            try:
                state = urllib.request.urlopen(url + "/admin/state", timeout=2).read()
            except OSError:
                continue
            print(f"   Demo server -> {url}, shop answers ({len(state)} bytes)")
            time.sleep(2)
            os.kill(pid, 0)
            sys.exit(0)
    time.sleep(0.3)
sys.exit("timed out")
PYDEMO
  stop_pid "$DEMO_PID"
  DEMO_PID=""
else
  echo "== utility-center --demo: skipped (app/ui/application.py is not there yet)"
fi

echo "SMOKE OK in $(elapsed)"
