"""Secrets: the OS keyring (service ``UtilityCenter``, user ``<server-id>:<field>``), or an environment
variable that the server file names (``api_key_env``, ``password_env``).

There is no plaintext fallback: where no usable keyring backend exists (a headless Linux box without
a Secret Service), storing a secret is refused with a message that says how to fix it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Any, Literal

import keyring
import keyring.backend
import keyring.errors

from app import APP_NAME
from app.domain.errors import CredentialError
from app.domain.settings import ServerSettings
from app.logs import register_secret

log = logging.getLogger(__name__)

SecretField = Literal["api-key", "db-password"]
FIELDS: tuple[SecretField, ...] = ("api-key", "db-password")
SERVICE = APP_NAME

NO_KEYRING_HELP = (
    "No usable OS keyring was found to store the secret. On Windows and macOS the system keyring is used; "
    "on Linux start and unlock a Secret Service (GNOME Keyring or KWallet). Or keep the secret in an "
    "environment variable and name it in the server file (api_key_env / password_env)."
)


def _backend_usable(backend: keyring.backend.KeyringBackend) -> bool:
    name = type(backend).__module__ + "." + type(backend).__name__
    if name.startswith("keyring.backends.fail") or name.startswith("keyring.backends.null"):
        return False
    if "chainer" in name.lower():
        return bool(getattr(backend, "backends", []))
    try:
        return float(backend.priority) > 0
    except Exception:
        return False


class SecretStore:
    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> keyring.backend.KeyringBackend:
        return self._backend or keyring.get_keyring()

    def usable(self) -> bool:
        return _backend_usable(self.backend)

    def describe(self) -> str:
        backend = self.backend
        return f"{type(backend).__module__}.{type(backend).__name__}"

    @staticmethod
    def _user(server_id: str, field: SecretField) -> str:
        return f"{server_id}:{field}"

    def set(self, server_id: str, field: SecretField, value: str) -> None:
        if field not in FIELDS:
            raise CredentialError(f"Unknown secret field {field!r}; use one of {', '.join(FIELDS)}.")
        if not value:
            raise CredentialError("The secret is empty; nothing was stored.")
        if not self.usable():
            raise CredentialError(NO_KEYRING_HELP, title="No keyring")
        register_secret(value)
        try:
            self.backend.set_password(SERVICE, self._user(server_id, field), value)
        except keyring.errors.KeyringError as exc:
            raise CredentialError(
                f"The keyring refused to store the secret ({type(exc).__name__}). {NO_KEYRING_HELP}"
            ) from None

    def get(self, server_id: str, field: SecretField) -> str | None:
        if not self.usable():
            return None
        try:
            value = self.backend.get_password(SERVICE, self._user(server_id, field))
        except keyring.errors.KeyringError as exc:
            log.warning("Keyring read failed: %s", type(exc).__name__)
            return None
        register_secret(value)
        return value

    def delete(self, server_id: str, field: SecretField) -> None:
        if not self.usable():
            return
        try:
            self.backend.delete_password(SERVICE, self._user(server_id, field))
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as exc:
            log.warning("Keyring delete failed: %s", type(exc).__name__)

    def delete_all(self, server_id: str) -> None:
        for field in FIELDS:
            self.delete(server_id, field)


def _from_env(var: str, what: str, server: ServerSettings, environ: Mapping[str, str]) -> str:
    value = environ.get(var, "")
    if not value:
        raise CredentialError(
            f"The {what} of server {server.name!r} should come from the environment variable {var}, "
            "which is not set. Set it, or remove the *_env setting and store the secret with "
            f"`utility-center servers set-secret {server.name!r} ...`.",
            title="Missing secret",
        )
    register_secret(value)
    return value


def resolve_api_key(server: ServerSettings, secrets: SecretStore, environ: Mapping[str, str] | None = None) -> str:
    env: Mapping[str, Any] = os.environ if environ is None else environ
    if server.shop.api_key_env:
        return _from_env(server.shop.api_key_env, "Key", server, env)
    value = secrets.get(server.id, "api-key")
    if not value:
        raise CredentialError(
            f"Server {server.name!r} has no Key. Store it with `utility-center servers set-secret "
            f"{server.name!r} api-key` (or in the server dialog), or name an environment variable in "
            "shop.api_key_env.",
            title="Missing Key",
        )
    return value


def resolve_db_password(
    server: ServerSettings, secrets: SecretStore, environ: Mapping[str, str] | None = None
) -> str | None:
    """The warehouse database password, or ``None`` when there is none (SQLite, trusted login)."""
    env: Mapping[str, Any] = os.environ if environ is None else environ
    if server.warehouse.password_env:
        return _from_env(server.warehouse.password_env, "database password", server, env)
    return secrets.get(server.id, "db-password")
