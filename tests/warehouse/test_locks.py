"""Run locks across computers (uc_locks)."""

from __future__ import annotations

import pytest

from app.domain.errors import RunLocked
from app.warehouse import ConnectionParams, connect


def test_lock_lifecycle(blank: ConnectionParams) -> None:
    with connect(blank) as first, connect(blank) as second:
        first.acquire_lock("server:Shop", "PC-1 pid 10")
        first.acquire_lock("server:Shop", "PC-1 pid 10")  # re-entrant for the same holder
        with pytest.raises(RunLocked) as info:
            second.acquire_lock("server:Shop", "PC-2 pid 20")
        assert "PC-1 pid 10" in info.value.message and "since" in info.value.message
        second.acquire_lock("server:Other", "PC-2 pid 20")  # other names are independent
        first.refresh_lock("server:Shop", "PC-1 pid 10")
        first.release_lock("server:Shop", "PC-1 pid 10")
        second.acquire_lock("server:Shop", "PC-2 pid 20")
        with pytest.raises(RunLocked):
            first.acquire_lock("server:Shop", "PC-1 pid 10")


def test_stale_lock_is_taken_over_and_old_holder_notices(blank: ConnectionParams) -> None:
    with connect(blank) as first, connect(blank) as second:
        first.acquire_lock("job", "PC-1")
        second.acquire_lock("job", "PC-2", stale_after_s=0)  # PC-1 stopped answering
        with pytest.raises(RunLocked) as info:
            first.refresh_lock("job", "PC-1")
        assert "PC-2" in info.value.message
        first.release_lock("job", "PC-1")  # releasing someone else's lock does nothing
        with pytest.raises(RunLocked):
            first.acquire_lock("job", "PC-1")
