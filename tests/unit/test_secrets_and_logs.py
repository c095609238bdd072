from __future__ import annotations

import logging
from pathlib import Path

import pytest
from keyring.backends import fail

from app.domain.errors import CredentialError
from app.domain.settings import parse_settings
from app.logs import redact, register_secret, setup_logging
from app.servers.secrets import SecretStore, resolve_api_key, resolve_db_password
from tests.support.server_files import valid_server

KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ01"


def _server(**shop: str):
    data = valid_server()
    data["shop"].update(shop)
    return parse_settings(data)


def test_key_from_named_environment_variable() -> None:
    server = _server(api_key_env="SHOP_KEY")
    assert resolve_api_key(server, SecretStore(), {"SHOP_KEY": KEY}) == KEY


def test_missing_environment_variable_says_what_to_do() -> None:
    server = _server(api_key_env="SHOP_KEY")
    with pytest.raises(CredentialError, match="SHOP_KEY, which is not set"):
        resolve_api_key(server, SecretStore(), {})


def test_key_from_keyring_and_missing_key_message() -> None:
    server = _server()
    store = SecretStore()
    with pytest.raises(CredentialError, match="set-secret"):
        resolve_api_key(server, store, {})
    store.set(server.id or "sid", "api-key", KEY)
    assert store.get(server.id or "sid", "api-key") == KEY


def test_no_keyring_refuses_without_plaintext_fallback(tmp_path: Path) -> None:
    store = SecretStore(fail.Keyring())
    assert not store.usable()
    with pytest.raises(CredentialError, match="No usable OS keyring"):
        store.set("sid", "api-key", KEY)
    assert store.get("sid", "api-key") is None


def test_db_password_env_and_none() -> None:
    server = parse_settings(valid_server())  # password_env = WP_DB_PASSWORD
    assert resolve_db_password(server, SecretStore(), {"WP_DB_PASSWORD": "s3cret-pw"}) == "s3cret-pw"
    data = valid_server()
    del data["warehouse"]["password_env"]
    assert resolve_db_password(parse_settings(data), SecretStore(), {}) is None


def test_redaction_masks_registered_and_key_shaped_values() -> None:
    register_secret("hunter2-db-pass")
    text = f"key {KEY} and password=abc123 and hunter2-db-pass"
    masked = redact(text)
    assert KEY not in masked and "abc123" not in masked and "hunter2-db-pass" not in masked
    assert masked.count("***") == 3


def test_log_file_never_holds_a_secret(tmp_path: Path) -> None:
    setup_logging(tmp_path)
    register_secret("pw-XYZ-123")
    log = logging.getLogger("test.secret")
    log.error("connect failed with %s", "pw-XYZ-123")
    try:
        raise RuntimeError(f"header X-CloudCart-ApiKey: {KEY}")
    except RuntimeError:
        log.exception("boom")
    for handler in logging.getLogger().handlers:
        handler.flush()
    content = (tmp_path / "utility-center.log").read_text(encoding="utf-8")
    assert "boom" in content and "connect failed" in content
    assert "pw-XYZ-123" not in content and KEY not in content
