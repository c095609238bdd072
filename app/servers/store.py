"""Server store: one TOML file per server under ``<home>/servers/<id>.toml``.

The id (a UUID) is stable and apart from the display name, so renaming keeps secrets and state. Files
are written atomically (temp file, fsync, ``os.replace``): a crash while saving leaves the previous
file intact.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import tomllib
import uuid
from dataclasses import replace
from pathlib import Path

import tomli_w

from app import paths
from app.domain.errors import ConfigurationError
from app.domain.server_types import parse_server, server_type
from app.domain.settings import ServerSettings

log = logging.getLogger(__name__)


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see either the old or the new file, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_server_file(path: Path) -> ServerSettings:
    """Read a server file given by the operator (``servers add --file``)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigurationError(f"Server file {path} does not exist.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigurationError(f"Cannot read server file {path}: {exc}") from None
    return parse_server_text(raw, source=str(path))


def parse_server_text(raw: str, *, source: str = "server file", stored: bool = False) -> ServerSettings:
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError(f"{source} is not valid TOML: {exc}. Check quotes and brackets.") from None
    return parse_server(data, stored=stored)


def dump_server(settings: ServerSettings, *, stored: bool = False) -> str:
    return tomli_w.dumps(server_type(settings.type).to_dict(settings, stored=stored))


class ServerStore:
    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or paths.servers_dir()
        self.directory.mkdir(parents=True, exist_ok=True)

    def _path(self, server_id: str) -> Path:
        return self.directory / f"{server_id}.toml"

    def load_all(self) -> tuple[list[ServerSettings], list[str]]:
        """Every readable server (sorted by name) and a message per unreadable file."""
        servers: list[ServerSettings] = []
        broken: list[str] = []
        for path in sorted(self.directory.glob("*.toml")):
            try:
                settings = parse_server_text(path.read_text(encoding="utf-8"), source=str(path), stored=True)
            except (ConfigurationError, OSError, UnicodeDecodeError) as exc:
                broken.append(f"{path.name}: {exc}")
                log.warning("Skipping unreadable server file %s: %s", path, exc)
                continue
            if settings.id != path.stem:
                settings = replace(settings, id=path.stem)
            servers.append(settings)
        servers.sort(key=lambda s: s.name.lower())
        return servers, broken

    def list(self) -> list[ServerSettings]:
        return self.load_all()[0]

    def find(self, name_or_id: str) -> ServerSettings | None:
        wanted = name_or_id.strip().lower()
        for settings in self.list():
            if settings.id == name_or_id or settings.name.lower() == wanted:
                return settings
        return None

    def get(self, name_or_id: str) -> ServerSettings:
        settings = self.find(name_or_id)
        if settings is None:
            names = ", ".join(repr(s.name) for s in self.list()) or "none yet"
            raise ConfigurationError(
                f"There is no server named {name_or_id!r}. Servers: {names}. See `utility-center servers list`.",
                title="Unknown server",
            )
        return settings

    def _check_name_free(self, name: str, own_id: str | None) -> None:
        for other in self.list():
            if other.name.lower() == name.strip().lower() and other.id != own_id:
                raise ConfigurationError(
                    f"A server named {other.name!r} already exists. Choose another name "
                    "(or remove the old one with `utility-center servers remove`).",
                    title="Name in use",
                )

    def add(self, settings: ServerSettings) -> ServerSettings:
        self._check_name_free(settings.name, None)
        stored = replace(settings, id=str(uuid.uuid4()))
        atomic_write_text(self._path(stored.id), dump_server(stored, stored=True))
        log.info("Server %r added (%s)", stored.name, stored.id)
        return stored

    def save(self, settings: ServerSettings) -> ServerSettings:
        """Update an existing server (by id), or add it when it has no id yet."""
        if not settings.id:
            return self.add(settings)
        if not self._path(settings.id).exists():
            raise ConfigurationError(f"Server {settings.name!r} no longer exists; it may have been removed.")
        self._check_name_free(settings.name, settings.id)
        atomic_write_text(self._path(settings.id), dump_server(settings, stored=True))
        log.info("Server %r saved (%s)", settings.name, settings.id)
        return settings

    def remove(self, settings: ServerSettings) -> None:
        self._path(settings.id).unlink(missing_ok=True)
        state = paths.state_dir() / settings.id
        if state.exists():
            shutil.rmtree(state, ignore_errors=True)
        log.info("Server %r removed (%s)", settings.name, settings.id)
