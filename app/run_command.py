"""``utility-center run NAME [--task import|export|all] [--dry-run] [--json]``: one headless run.

A progress line goes to stderr (rewritten in place on a terminal, one line per stage otherwise); with
``--json`` the run report goes to stdout. Exit status: 0 all fine, 1 some items failed, 2 nothing done.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import time
from typing import Any

from app.domain.report import RunReport
from app.logs import redact_value
from app.servers.store import ServerStore
from app.sync.events import Event, LogEvent, ProgressEvent, TaskFinished
from app.sync.runner import run_server


class ProgressLine:
    """Renders events on stderr: one rewritten line on a terminal, stage changes and warnings otherwise."""

    def __init__(self, stream: Any = None) -> None:
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_stage: tuple[str, str] | None = None
        self._last_draw = 0.0
        self._width = 0

    def _write_line(self, text: str) -> None:
        if self.tty:
            self.stream.write("\r" + text.ljust(self._width) + "\n")
            self._width = 0
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def __call__(self, event: Event) -> None:
        if isinstance(event, ProgressEvent):
            self._progress(event)
        elif isinstance(event, LogEvent) and event.level >= logging.WARNING:
            self._write_line(f"{logging.getLevelName(event.level).lower()}: {event.message}")
        elif isinstance(event, TaskFinished):
            self._write_line(f"{event.task}: {event.status} - {event.summary}")

    def _progress(self, event: ProgressEvent) -> None:
        amount = f" {event.done}/{event.total}" if event.total else (f" {event.done}" if event.done else "")
        eta = f" (about {event.eta_s:.0f} s left)" if event.eta_s and event.eta_s >= 1 else ""
        text = f"{event.task}: {event.stage}{amount}{eta}"
        stage = (event.task, event.stage)
        if self.tty:
            now = time.monotonic()
            if stage == self._last_stage and now - self._last_draw < 0.2 and event.done != event.total:
                return
            self._last_draw = now
            self._width = max(self._width, len(text))
            self.stream.write("\r" + text.ljust(self._width))
            self.stream.flush()
        elif stage != self._last_stage:
            self.stream.write(text + "\n")
            self.stream.flush()
        self._last_stage = stage


def human_summary(report: RunReport) -> str:
    lines = [f"Server {report.server!r}: {report.status}{' (preview, nothing written)' if report.dry_run else ''}"]
    for task in report.tasks:
        if task.fatal is not None:
            lines.append(f"  {task.task}: FAILED - {task.fatal_title}: {task.fatal}")
            continue
        counts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in task.counts.items())
        lines.append(f"  {task.task}: {task.status} - {counts}; {task.api_calls} API calls")
        for error in task.errors[:20]:
            lines.append(f"    ! {error.key}: {error.message}")
        if len(task.errors) > 20:
            lines.append(f"    ... and {len(task.errors) - 20} more problems (see --json)")
        if report.dry_run:
            for item in task.items[:50]:
                changes = ", ".join(f"{k} {v[0]} -> {v[1]}" for k, v in item.changes.items())
                lines.append(f"    {item.action} {item.key}: {changes}{' - ' + item.detail if item.detail else ''}")
    return "\n".join(lines)


def cmd_run(args: argparse.Namespace) -> int:
    server = ServerStore().get(args.name)
    tasks = None if args.task is None else (["import", "export"] if args.task == "all" else [args.task])
    report = asyncio.run(run_server(server, tasks=tasks, dry_run=args.dry_run, reporter=ProgressLine()))
    if not report.tasks:
        sys.stderr.write(
            f"Server {server.name!r} has no task to run (both start modes are off); use --task import|export|all.\n"
        )
        return 2
    if args.json:
        sys.stdout.write(json.dumps(redact_value(report.to_dict()), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(human_summary(report) + "\n")
    return report.exit_status


def cmd_explain(args: argparse.Namespace) -> int:
    from app.sync.explain import explain_quantity

    server = ServerStore().get(args.name)
    explanation = asyncio.run(explain_quantity(server, args.key))
    sys.stdout.write(f"{explanation.key}: {explanation.good}\n")
    for line in explanation.lines:
        sys.stdout.write(line + "\n")
    return 0


def register_explain(commands: Any) -> None:
    parser = commands.add_parser("explain", help="explain the quantity and price the export sends for one SKU/barcode")
    parser.add_argument("name", help="server name")
    parser.add_argument("key", help="the SKU or barcode (per the server's Compare by)")
    parser.set_defaults(handler=cmd_explain)


def register(commands: Any) -> None:
    parser = commands.add_parser("run", help="run a server's tasks once, headless")
    parser.add_argument("name", help="server name")
    parser.add_argument("--task", choices=("import", "export", "all"), help="default: every task not set to off")
    parser.add_argument("--dry-run", action="store_true", help="compute and report the changes, write nothing")
    parser.add_argument("--json", action="store_true", help="print the run report as JSON on stdout")
    parser.set_defaults(handler=cmd_run)
