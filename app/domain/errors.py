"""Errors the operator can meet, each with a short title and an actionable message.

Adapters (warehouse, cloudcart, servers) translate driver and HTTP exceptions into these at their
boundary; the command line and the dialogs print ``title`` and ``message`` and never a traceback.

``exit_status`` follows ``interfaces.md``: 2 = configuration, credential or connection error (nothing
done); 1 = some items failed, the rest done.
"""

from __future__ import annotations


class AppError(Exception):
    """Base class of every error meant for the operator."""

    title: str = "Error"
    exit_status: int = 2

    def __init__(self, message: str, *, title: str | None = None, details: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if title is not None:
            self.title = title
        self.details = details

    def __str__(self) -> str:
        return self.message

    def for_operator(self) -> str:
        """One or two lines: the title, then what is wrong and what to do."""
        return f"{self.title}: {self.message}"


class ConfigurationError(AppError):
    """A setting is missing or wrong (server file, dialog)."""

    title = "Configuration error"


class CredentialError(AppError):
    """A key or password is missing, refused or cannot be stored."""

    title = "Credential error"


class ConnectionFailed(AppError):
    """The warehouse database or the shop cannot be reached."""

    title = "Connection failed"


class WarehouseError(AppError):
    """The warehouse database refused an operation or has an unexpected layout."""

    title = "Warehouse Pro database error"


class ShopError(AppError):
    """The shop answered with an error that is not about one item."""

    title = "CloudCart error"


class ItemError(AppError):
    """One product, variant or order could not be processed; the rest of the run goes on."""

    title = "Item error"
    exit_status = 1

    def __init__(self, key: str, message: str, *, title: str | None = None, details: str | None = None) -> None:
        super().__init__(message, title=title, details=details)
        self.key = key


class Cancelled(AppError):
    """The operator stopped the run."""

    title = "Cancelled"
    exit_status = 2


class RunLocked(AppError):
    """Another process or computer is running the same server."""

    title = "Server is busy"
