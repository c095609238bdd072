"""The scheduler's loop with a fake clock: start modes, one job at a time, every outcome reported."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any

import pytest

from app.domain.report import RunReport
from app.domain.settings import parse_settings
from app.sync import scheduler as scheduler_module
from app.sync.scheduler import ServerScheduler
from tests.support.server_files import valid_server

T0 = datetime(2026, 12, 4, 8, 0, 0)


class FakeTime:
    def __init__(self) -> None:
        self.now = T0

    def clock(self) -> datetime:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
        await asyncio.sleep(0)


def _server(import_start: str, export_start: str):
    data = valid_server()
    data["import"]["start"] = import_start
    data["export"]["start"] = export_start
    settings = parse_settings(data)
    return settings.__class__(**{**settings.__dict__, "id": "sched-test"})


@pytest.fixture
def runs() -> list[tuple[datetime, tuple[str, ...]]]:
    return []


async def _run(server, fake: FakeTime, calls, monkeypatch, until: int, crash: bool = False) -> list[RunReport]:
    reports: list[RunReport] = []

    async def fake_run_server(settings, *, tasks, dry_run, reporter, secrets) -> RunReport:
        calls.append((fake.now, tuple(tasks)))
        if crash:
            raise RuntimeError("boom")
        return RunReport(server=settings.name)

    monkeypatch.setattr(scheduler_module, "run_server", fake_run_server)
    events: list[Any] = []
    scheduler = ServerScheduler(
        server, reporter=events.append, on_report=reports.append, clock=fake.clock, sleep=fake.sleep
    )
    scheduler.start()
    for _ in range(2000):
        await asyncio.sleep(0)
        if len(reports) >= until or not scheduler.running:
            break
    await scheduler.stop()
    return reports


async def test_on_server_start_and_after(monkeypatch: pytest.MonkeyPatch, runs) -> None:
    fake = FakeTime()
    reports = await _run(_server("on-server-start", "after:15m"), fake, runs, monkeypatch, until=2)
    assert runs == [(T0, ("import",)), (T0 + timedelta(minutes=15), ("export",))]
    assert len(reports) == 2


async def test_every_repeats_and_due_tasks_share_one_job(monkeypatch: pytest.MonkeyPatch, runs) -> None:
    fake = FakeTime()
    await _run(_server("every:5m", "every:10m"), fake, runs, monkeypatch, until=4)
    assert runs[0] == (T0, ("import", "export"))  # both due at start: one job, import first
    assert runs[1] == (T0 + timedelta(minutes=5), ("import",))
    assert runs[2] == (T0 + timedelta(minutes=10), ("import", "export"))


async def test_a_crashing_run_is_reported_and_the_schedule_goes_on(monkeypatch: pytest.MonkeyPatch, runs) -> None:
    fake = FakeTime()
    reports = await _run(_server("every:1m", "off"), fake, runs, monkeypatch, until=3, crash=True)
    assert len(runs) >= 3
    assert reports and all(r.tasks[0].fatal_title == "Unexpected error" for r in reports)


async def test_off_and_off_runs_nothing(monkeypatch: pytest.MonkeyPatch, runs) -> None:
    data = valid_server()
    data["import"]["start"] = "off"
    data["export"]["start"] = "off"
    settings = parse_settings(data)
    fake = FakeTime()
    await _run(settings.__class__(**{**settings.__dict__, "id": "x"}), fake, runs, monkeypatch, until=1)
    assert runs == []
