"""One run of a server's tasks: credentials, adapters, the run lock, the tasks, the report.

The import runs before the export, so that orders the shop has already taken are reserved in the
warehouse (OperType 19) before quantities are computed and pushed. A task-wide problem (configuration,
credential, connection) ends that task with ``status = failed`` and a title + message; it never escapes
as an exception. Cancellation (``asyncio`` task cancel) propagates after the adapters are closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime

from app.bootstrap import connection_params, holder_is_gone, server_state, shop_client, this_computer
from app.domain.errors import AppError, ConfigurationError
from app.domain.report import RunReport, TaskName, TaskReport
from app.domain.settings import ServerSettings
from app.logs import redact
from app.servers.history import save_last_run
from app.servers.secrets import SecretStore, resolve_api_key, resolve_db_password
from app.sync.context import TaskContext
from app.sync.events import Reporter, TaskFinished, null_reporter
from app.sync.warehouse_gateway import WarehouseGateway

log = logging.getLogger(__name__)

TASK_ORDER: tuple[TaskName, ...] = ("import", "export")
TaskFunction = Callable[[TaskContext], Awaitable[None]]

LOCK_STALE_S = 900.0  # a lock whose heartbeat is older is taken over (its holder is presumed dead)
LOCK_HEARTBEAT_S = 60.0

# One job per server inside this process; the warehouse lock covers other processes and computers.
_server_locks: dict[str, asyncio.Lock] = {}


def _task_function(task: TaskName) -> TaskFunction:
    if task == "export":
        from app.sync.export_task import run_export

        return run_export
    from app.sync.import_task import run_import

    return run_import


def select_tasks(server: ServerSettings, tasks: Sequence[str] | None) -> list[TaskName]:
    if tasks is None:
        wanted = set(server.enabled_tasks())
    else:
        unknown = [t for t in tasks if t not in TASK_ORDER]
        if unknown:
            raise ConfigurationError(f"Unknown task {unknown[0]!r}; use import, export or all.")
        wanted = set(tasks)
    return [t for t in TASK_ORDER if t in wanted]


def summarize(report: TaskReport) -> str:
    if report.fatal is not None:
        return f"{report.fatal_title or 'Failed'}: {report.fatal}"
    counts = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in report.counts.items() if v) or "nothing to do"
    return counts


async def run_server(
    server: ServerSettings,
    *,
    tasks: Sequence[str] | None = None,
    dry_run: bool = False,
    reporter: Reporter = null_reporter,
    secrets: SecretStore | None = None,
) -> RunReport:
    report = RunReport(server=server.name, dry_run=dry_run)
    started = time.monotonic()
    selected = select_tasks(server, tasks)
    lock = _server_locks.setdefault(server.id, asyncio.Lock())
    if lock.locked():
        return failed_report(
            server,
            selected,
            "Server is busy",
            f"Server {server.name!r} is already running; wait for it to finish or press Stop.",
            dry_run=dry_run,
        )
    async with lock:
        try:
            await _run_tasks(server, selected, report, dry_run, reporter, secrets or SecretStore())
        finally:
            report.duration_s = time.monotonic() - started
            if not dry_run and report.tasks:
                _save_history(server, report)
    return report


def _fail(task_report: TaskReport, title: str, message: str) -> TaskReport:
    """Mark a task failed as a whole (status ``failed``), with an operator title and a redacted message."""
    task_report.fatal_title = title
    task_report.fatal = redact(message)
    return task_report


def failed_report(
    server: ServerSettings, tasks: Sequence[TaskName], title: str, message: str, *, dry_run: bool = False
) -> RunReport:
    """A report in which every task failed before it could start (busy, crashed runner...)."""
    report = RunReport(server=server.name, dry_run=dry_run)
    report.tasks.extend(_fail(TaskReport(task), title, message) for task in tasks)
    return report


def _fail_all(report: RunReport, selected: Sequence[TaskName], exc: AppError) -> None:
    report.tasks.extend(_fail(TaskReport(task), exc.title, exc.message) for task in selected)


async def _run_tasks(
    server: ServerSettings,
    selected: list[TaskName],
    report: RunReport,
    dry_run: bool,
    reporter: Reporter,
    secrets: SecretStore,
) -> None:
    if not selected:
        return
    try:
        api_key = resolve_api_key(server, secrets)
        password = resolve_db_password(server, secrets)
        gateway = WarehouseGateway(connection_params(server.warehouse, password))
        await gateway.open()
    except AppError as exc:
        _fail_all(report, selected, exc)
        return
    state = server_state(server)
    holder = this_computer()
    lock_name = f"utility-center:{server.id}"
    try:
        if not dry_run:
            try:
                await gateway.call(lambda db: db.acquire_lock(lock_name, holder, LOCK_STALE_S, holder_is_gone))
            except AppError as exc:
                _fail_all(report, selected, exc)
                return
        heartbeat = None if dry_run else asyncio.get_running_loop().create_task(_heartbeat(gateway, lock_name, holder))
        try:
            async with shop_client(server.shop.api_identifier, api_key) as client:
                for task in selected:
                    task_report = TaskReport(task)
                    report.tasks.append(task_report)
                    ctx = TaskContext(server, gateway, client, state, task_report, reporter, dry_run)
                    calls_before = client.stats.total
                    try:
                        await _task_function(task)(ctx)
                    except AppError as exc:
                        _fail(task_report, exc.title, exc.message)
                        ctx.log(logging.ERROR, exc.for_operator())
                    except Exception as exc:  # a bug must not take the window down with it
                        log.exception("Task %s of %s crashed", task, server.name)
                        _fail(
                            task_report,
                            "Unexpected error",
                            f"{type(exc).__name__}: {exc}. Nothing more was done in this task; see the log.",
                        )
                    finally:
                        task_report.api_calls = client.stats.total - calls_before
                    reporter(TaskFinished(server.id, task, task_report.status, summarize(task_report)))
        except AppError as exc:  # e.g. a bad API identifier when the client is built
            if not report.tasks:
                _fail_all(report, selected, exc)
        finally:
            if heartbeat is not None:
                heartbeat.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await heartbeat
            if not dry_run:
                try:
                    await gateway.call(lambda db: db.release_lock(lock_name, holder))
                except AppError as exc:
                    log.warning("Could not release the run lock: %s", exc)
    finally:
        state.close()
        await gateway.close()


async def _heartbeat(gateway: WarehouseGateway, lock_name: str, holder: str) -> None:
    """Keep the run lock fresh during a long run, so another computer does not take it over."""
    while True:
        await asyncio.sleep(LOCK_HEARTBEAT_S)
        try:
            await gateway.call(lambda db: db.refresh_lock(lock_name, holder))
        except AppError as exc:
            log.warning("Could not refresh the run lock: %s", exc)


def _save_history(server: ServerSettings, report: RunReport) -> None:
    summary = {
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "status": report.status,
        "summary": "; ".join(f"{t.task}: {summarize(t)}" for t in report.tasks),
        "tasks": {t.task: {"status": t.status, "counts": t.counts} for t in report.tasks},
    }
    try:
        save_last_run(server.id, summary)
    except OSError as exc:
        log.warning("Could not save the last run of %s: %s", server.name, exc)
