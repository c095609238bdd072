#!/usr/bin/env bash
# Newcomer's entry point (see README.md):
#   ./dev.sh demo   install into .venv and open the program on its demo shop and warehouse
#   ./dev.sh test   install into .venv (with test tools) and run the whole test suite
# Extra arguments are passed on (e.g. ./dev.sh test -k export).
set -euo pipefail
cd "$(dirname "$0")"
cmd="${1:-}"; shift || true

PY="${PYTHON:-python3}"
DEBIAN_PACKAGES_TEST="unixodbc odbc-mariadb chromium fonts-dejavu-core gnome-keyring dbus"
DEBIAN_PACKAGES_RUN="unixodbc libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0"

debian_packages() {
  # Debian/Ubuntu only, and only what is missing; elsewhere say what is needed.
  local missing=()
  if command -v dpkg-query >/dev/null 2>&1; then
    for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
    if [ "${#missing[@]}" -gt 0 ]; then
      local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
      echo "Installing Debian packages: ${missing[*]}"
      $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
  else
    echo "Note: install these system packages (or your OS's equivalent) if tests need them: $*" >&2
  fi
}

venv() {
  [ -x .venv/bin/python ] || "$PY" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
  .venv/bin/python -m pip install -q -e ".$1" 2>&1 | grep -v -E "^(WARNING: Location|  )" || true
}

case "$cmd" in
  demo)
    debian_packages $DEBIAN_PACKAGES_RUN
    venv ""
    .venv/bin/python scripts/build_translations.py >/dev/null 2>&1 || echo "Note: translations not built; the window stays in English." >&2
    exec .venv/bin/utility-center --demo "$@"
    ;;
  test)
    debian_packages $DEBIAN_PACKAGES_TEST
    venv "[test,dev]"
    export QT_QPA_PLATFORM=offscreen
    exec .venv/bin/python -m pytest -q "$@"
    ;;
  *)
    echo "usage: ./dev.sh demo | ./dev.sh test [pytest args]" >&2
    exit 64
    ;;
esac
