"""Sub-commands that live next to the features they drive.

Each registrar adds one sub-parser (with ``handler`` set) to the command line built in :mod:`app.cli`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app import run_command
from app.domain.errors import ConfigurationError


def _cmd_sandbox(args: argparse.Namespace) -> int:
    from app.sandbox import cli as sandbox_cli

    return int(sandbox_cli.main(args))


def _register_sandbox(commands: Any) -> None:
    from app.sandbox import cli as sandbox_cli

    parser = commands.add_parser("sandbox", help="run the CloudCart-compatible sandbox shop")
    sandbox_cli.add_arguments(parser)
    parser.set_defaults(handler=_cmd_sandbox)


def _cmd_demo_db(args: argparse.Namespace) -> int:
    from app.warehouse.demo import build_demo_database

    path = Path(args.file)
    if path.exists():
        raise ConfigurationError(f"{path} already exists; remove it first or choose another file name.")
    if args.goods < 1:
        raise ConfigurationError("--goods must be at least 1.")
    summary = build_demo_database(path, goods=args.goods)
    print(f"Demo Warehouse Pro database written to {path}: {summary}")
    return 0


def _register_demo_db(commands: Any) -> None:
    parser = commands.add_parser("demo-db", help="create a Warehouse Pro database (SQLite) filled with demo data")
    parser.add_argument("file", help="the new database file")
    parser.add_argument("--goods", type=int, default=60, help="number of goods (default 60)")
    parser.set_defaults(handler=_cmd_demo_db)


REGISTRARS: list[Callable[[Any], None]] = [
    run_command.register,
    run_command.register_explain,
    _register_sandbox,
    _register_demo_db,
]
