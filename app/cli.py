"""The command line of ``interfaces.md``: ``utility-center [--demo] [COMMAND ...]``.

Errors are one or two readable lines and the documented exit status; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from app import __version__, paths
from app.domain.errors import AppError
from app.domain.server_types import REGISTRY
from app.logs import redact, setup_logging
from app.servers.history import load_last_run
from app.servers.secrets import FIELDS, SecretStore
from app.servers.store import ServerStore, dump_server, read_server_file

log = logging.getLogger(__name__)
Handler = Callable[[argparse.Namespace], int]


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


# --- servers -------------------------------------------------------------------------------------


def _server_row(server: Any) -> dict[str, Any]:
    last = load_last_run(server.id) or {}
    return {
        "name": server.name,
        "id": server.id,
        "type": server.type,
        "type_name": REGISTRY[server.type].display_name,
        "tasks": {"import": str(server.import_.start), "export": str(server.export.start)},
        "enabled_tasks": server.enabled_tasks(),
        "last_run": last.get("finished_at"),
        "last_result": last.get("status"),
    }


def cmd_servers_list(args: argparse.Namespace) -> int:
    servers, broken = ServerStore().load_all()
    rows = [_server_row(s) for s in servers]
    if args.json:
        _out(json.dumps(rows, indent=2))
    elif not rows:
        _out("No servers yet. Add one with `utility-center servers add --file server.toml`.")
    else:
        headers = ("NAME", "TYPE", "TASKS", "LAST RUN", "RESULT")
        table = [
            (
                r["name"],
                r["type"],
                ", ".join(r["enabled_tasks"]) or "none",
                r["last_run"] or "never",
                r["last_result"] or "-",
            )
            for r in rows
        ]
        widths = [max(len(str(row[i])) for row in [headers, *table]) for i in range(len(headers))]
        for row in [headers, *table]:
            _out("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    for message in broken:
        _err(f"Warning: unreadable server file skipped: {message}")
    return 0


def cmd_servers_add(args: argparse.Namespace) -> int:
    settings = read_server_file(Path(args.file))
    stored = ServerStore().add(settings)
    _out(f"Server {stored.name!r} added.")
    if not stored.shop.api_key_env:
        _out(f"Next: store its Key with `utility-center servers set-secret {stored.name!r} api-key`.")
    return 0


def cmd_servers_export(args: argparse.Namespace) -> int:
    server = ServerStore().get(args.name)
    sys.stdout.write(dump_server(server))
    return 0


def cmd_servers_remove(args: argparse.Namespace) -> int:
    store = ServerStore()
    server = store.get(args.name)
    SecretStore().delete_all(server.id)
    store.remove(server)
    _out(f"Server {server.name!r} removed, with its state and secrets.")
    return 0


def cmd_servers_set_secret(args: argparse.Namespace) -> int:
    server = ServerStore().get(args.name)
    secrets = SecretStore()
    if not secrets.usable():
        # Refuse before reading the secret, so nothing is typed in vain.
        secrets.set(server.id, args.field, "x" * 8)
    if sys.stdin is not None and sys.stdin.isatty():
        value = getpass.getpass(f"{args.field} for {server.name}: ")
    else:
        value = sys.stdin.readline().rstrip("\r\n") if sys.stdin is not None else ""
    secrets.set(server.id, args.field, value.strip())
    _out(f"The {args.field} of server {server.name!r} is stored in the OS keyring ({secrets.describe()}).")
    return 0


# --- parser --------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="utility-center",
        description="Utility Center for Warehouse Pro <-> CloudCart. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    parser.add_argument("--demo", action="store_true", help="open the window on the demo shop and warehouse")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    servers = commands.add_parser("servers", help="list, add, export and remove servers")
    servers_cmds = servers.add_subparsers(dest="servers_command", metavar="SUBCOMMAND", required=True)
    p = servers_cmds.add_parser("list", help="list servers")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_servers_list)
    p = servers_cmds.add_parser("add", help="add a server from a server file")
    p.add_argument("--file", required=True, help="server file (TOML)")
    p.set_defaults(handler=cmd_servers_add)
    p = servers_cmds.add_parser("export", help="print the server file of NAME (never a secret)")
    p.add_argument("name")
    p.set_defaults(handler=cmd_servers_export)
    p = servers_cmds.add_parser("remove", help="remove a server, its state and its secrets")
    p.add_argument("name")
    p.set_defaults(handler=cmd_servers_remove)
    p = servers_cmds.add_parser("set-secret", help="read one line from standard input into the OS keyring")
    p.add_argument("name")
    p.add_argument("field", choices=FIELDS)
    p.set_defaults(handler=cmd_servers_set_secret)

    for register in _extra_commands():
        register(commands)
    return parser


def _extra_commands() -> list[Callable[[Any], None]]:
    """Commands that live next to the features they drive (run, sandbox, demo-db)."""
    from app import commands

    return commands.REGISTRARS


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = bool(args.debug)
    try:
        setup_logging(paths.logs_dir(), console_level=logging.DEBUG if debug else None, debug=debug)
        handler: Handler | None = getattr(args, "handler", None)
        if handler is None:
            from app.__main__ import open_window

            return open_window(demo=bool(args.demo))
        return handler(args)
    except AppError as exc:
        log.error("%s", exc.for_operator())
        _err(redact(exc.for_operator()))
        if debug:
            traceback.print_exc()
        return exc.exit_status
    except KeyboardInterrupt:
        _err("Interrupted.")
        return 2
    except Exception as exc:
        log.exception("Unexpected error")
        _err(redact(f"Unexpected error: {type(exc).__name__}: {exc}"))
        _err(f"Nothing more was done. Details are in the log at {paths.logs_dir()}; run with --debug to see them here.")
        if debug:
            traceback.print_exc()
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
