"""``utility-center sandbox`` — run the CloudCart-compatible sandbox shop."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.sandbox.config import SandboxConfig
from app.sandbox.faults import parse_faults

DEFAULT_PORT = 8765


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0 = any free)")
    parser.add_argument("--data", type=Path, default=None, help="SQLite file that keeps the shop between runs")
    parser.add_argument("--api-key", default=None, help="the API key clients must send (default: the demo key)")
    parser.add_argument("--rate-limit", type=int, default=100, metavar="PER_MIN",
                        help="requests per minute per store domain (0 = plan without API access)")  # fmt: skip
    example = "500:0.1,503:0.05,timeout:0.02,slow:0.1@2s,429:0.05@3,html:0.01"
    parser.add_argument("--faults", default="", metavar="SPEC", help=f'injected faults, e.g. "{example}"')
    parser.add_argument("--fault-seed", type=int, default=0, help="seed of the fault injector")
    parser.add_argument("--stores-app", action="store_true", help="install the Stores app (stores, store-quantity)")
    parser.add_argument("--grocery-app", action="store_true", help="install the Grocery Store app (units)")
    parser.add_argument("--demo-data", action="store_true", help="load the demo catalogue when the shop is empty")


def build_config(args: argparse.Namespace) -> SandboxConfig:
    parse_faults(args.faults)  # a readable ValueError before anything starts
    config = SandboxConfig(
        rate_limit=args.rate_limit,
        data_path=args.data,
        faults=args.faults,
        fault_seed=args.fault_seed,
        stores_app=args.stores_app,
        grocery_app=args.grocery_app,
    )
    if args.api_key:
        config.api_key = args.api_key
    return config


def main(args: argparse.Namespace) -> int:
    from app.sandbox.app import create_app
    from app.sandbox.seed import load_demo
    from app.sandbox.server import bind_socket, serve

    try:
        config = build_config(args)
        sock = bind_socket(args.host, args.port)
    except ValueError as error:
        print(f"Sandbox settings are wrong: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"Cannot listen on {args.host}:{args.port}: {error.strerror or error}. Choose another --port.",
              file=sys.stderr)  # fmt: skip
        return 2
    app = create_app(config)
    if args.demo_data and not app.state.shop.store.rows("products"):
        load_demo(app.state.shop)
    host = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{host}:{sock.getsockname()[1]}"
    print(f"Sandbox shop: {url}/  API: {url}/api/v2  key: {config.api_key}", flush=True)
    print("Press Ctrl+C to stop.", file=sys.stderr, flush=True)
    serve(app, sock)
    return 0
