from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.domain.schedule import StartMode, next_run, parse_start_mode

T0 = datetime(2026, 12, 4, 8, 0, 0)


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("off", StartMode("off")),
        ("on-server-start", StartMode("on-server-start")),
        ("after:15m", StartMode("after", 900)),
        ("after:30s", StartMode("after", 30)),
        ("every:60m", StartMode("every", 3600)),
        ("every:2h", StartMode("every", 7200)),
        ("EVERY:5", StartMode("every", 300)),
    ],
)
def test_parse_and_print(text: str, mode: StartMode) -> None:
    assert parse_start_mode(text) == mode
    assert parse_start_mode(str(mode)) == mode


@pytest.mark.parametrize("text", ["", "daily", "every:", "every:10s", "after:-5m", "every:5d", "on"])
def test_bad_modes(text: str) -> None:
    with pytest.raises(ValueError, match=r"start mode|too often"):
        parse_start_mode(text)


def test_off_never_runs() -> None:
    assert next_run(StartMode("off"), T0, None) is None


def test_on_server_start_runs_once_per_start() -> None:
    mode = StartMode("on-server-start")
    assert next_run(mode, T0, None) == T0
    assert next_run(mode, T0, T0 + timedelta(seconds=1)) is None
    # started again the next day: runs again
    assert next_run(mode, T0 + timedelta(days=1), T0) == T0 + timedelta(days=1)


def test_after_is_delayed_and_runs_once() -> None:
    mode = StartMode("after", 900)
    assert next_run(mode, T0, None) == T0 + timedelta(minutes=15)
    assert next_run(mode, T0, T0 + timedelta(minutes=15)) is None


def test_every_runs_at_once_then_every_interval() -> None:
    mode = StartMode("every", 60)
    assert next_run(mode, T0, None) == T0
    last = T0 + timedelta(minutes=7, seconds=3)
    assert next_run(mode, T0, last) == last + timedelta(minutes=1)
