"""Reliability suite: the secrets check runs last in the session, after everything else has run."""

from __future__ import annotations

import pytest

LAST = "tests/reliability/test_no_secrets_left.py"


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    last = [item for item in items if item.nodeid.startswith(LAST)]
    if last:
        items[:] = [item for item in items if not item.nodeid.startswith(LAST)] + last
