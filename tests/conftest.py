"""Every test runs with its own state folder and a keyring that keeps secrets in a temporary file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from tests.support.file_keyring import FileKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def uc_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("uc-home")
    keyring_file = tmp_path_factory.mktemp("keyring") / "secrets.json"
    monkeypatch.setenv("UTILITY_CENTER_HOME", str(home))
    monkeypatch.setenv("UC_TEST_KEYRING_FILE", str(keyring_file))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.support.file_keyring.FileKeyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield home
    keyring.set_keyring(previous)


@pytest.fixture
def keyring_file() -> Path:
    return Path(os.environ["UC_TEST_KEYRING_FILE"])
