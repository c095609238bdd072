"""Registry of server types, so that another shop or warehouse pairing can be added without touching
the existing one. Each type knows its key (the ``type`` of the server file), its display name and how
to read and write its settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.domain import settings as wpcc
from app.domain.errors import ConfigurationError


@dataclass(frozen=True)
class ServerType:
    key: str
    display_name: str
    parse: Callable[..., wpcc.ServerSettings]
    to_dict: Callable[..., dict[str, Any]]


REGISTRY: dict[str, ServerType] = {
    wpcc.TYPE_KEY: ServerType(wpcc.TYPE_KEY, wpcc.TYPE_NAME, wpcc.parse_settings, wpcc.settings_to_dict),
}


def server_type(key: str) -> ServerType:
    try:
        return REGISTRY[key]
    except KeyError:
        known = ", ".join(f"{k!r} ({t.display_name})" for k, t in REGISTRY.items())
        raise ConfigurationError(f"Unknown server type {key!r}; known types: {known}") from None


def parse_server(data: Any, *, stored: bool = False) -> wpcc.ServerSettings:
    """Read a server file of any registered type (the type defaults to the only one we have)."""
    key = data.get("type", wpcc.TYPE_KEY) if isinstance(data, dict) else wpcc.TYPE_KEY
    kind = REGISTRY.get(key) if isinstance(key, str) else None
    # An unknown type is reported by the default parser together with every other problem.
    return (kind or REGISTRY[wpcc.TYPE_KEY]).parse(data, stored=stored)
