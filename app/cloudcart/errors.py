"""Typed errors of the CloudCart client, each with a title and a message that says what to do.

Every class derives from :class:`CloudCartError` *and* from the domain error that says how bad it is
(:class:`CredentialError` for a refused key, :class:`ItemError` for a problem with one object,
:class:`ConnectionFailed` for an unreachable shop, ...), so callers can catch either family.
Messages never contain the API key: texts taken from the shop pass through :func:`app.logs.redact`.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import (
    AppError,
    ConfigurationError,
    ConnectionFailed,
    CredentialError,
    ItemError,
    ShopError,
)
from app.logs import redact


class CloudCartError(AppError):
    """Base of every error raised by :mod:`app.cloudcart`.

    ``status`` is the HTTP status when the shop answered, ``request`` the method and path
    (``"PATCH /variants/101"``) without host or key.
    """

    title = "CloudCart error"

    def __init__(
        self,
        message: str,
        *,
        title: str | None = None,
        details: str | None = None,
        status: int | None = None,
        request: str | None = None,
    ) -> None:
        super().__init__(redact(message), title=title, details=redact(details) if details else None)
        self.status = status
        self.request = request


class AuthenticationFailed(CredentialError, CloudCartError):
    """401: the key is missing, wrong or deactivated."""

    title = "CloudCart API key refused"


class AccessDenied(CredentialError, CloudCartError):
    """403 in the JSON:API envelope (practically never sent by CloudCart)."""

    title = "CloudCart refused access"


class PlanExpired(ShopError, CloudCartError):
    """402: the plan expired, is past due, or a plan limit (product slots) was reached."""

    title = "CloudCart plan expired or limit reached"


class ShopNotFound(ConfigurationError, CloudCartError):
    """404 on a collection: the host is not a CloudCart store or the address is wrong."""

    title = "CloudCart shop not found"


class Redirected(ConfigurationError, CloudCartError):
    """3xx: the address is not the one the shop answers on (http -> https, www -> primary...)."""

    title = "CloudCart address redirects"

    def __init__(
        self, message: str, *, location: str | None = None, status: int | None = None, request: str | None = None
    ) -> None:
        super().__init__(message, status=status, request=request)
        self.location = location


class FeatureUnavailable(ShopError, CloudCartError):
    """404 "... app not installed" (or a 422 wrapping it): the resource needs a CloudCart app."""

    title = "CloudCart app not installed"

    def __init__(self, message: str, *, feature: str, status: int | None = None, request: str | None = None) -> None:
        super().__init__(message, status=status, request=request)
        self.feature = feature


class RateLimited(ShopError, CloudCartError):
    """429 that waiting did not cure (bounded wait exceeded), or a plan/domain without API access."""

    title = "CloudCart rate limit"

    def __init__(
        self,
        message: str,
        *,
        retry_after: float | None = None,
        no_api_access: bool = False,
        status: int | None = None,
        request: str | None = None,
    ) -> None:
        super().__init__(message, status=status, request=request)
        self.retry_after = retry_after
        self.no_api_access = no_api_access


class Blocked(ShopError, CloudCartError):
    """An HTML 403/429: an anti-abuse layer in front of the API, not the API's own rate limit."""

    title = "Blocked by CloudCart's firewall"


class Maintenance(ConnectionFailed, CloudCartError):
    """503: the store is in maintenance mode."""

    title = "CloudCart shop in maintenance"


class ServerError(ShopError, CloudCartError):
    """500/502/504 and other 5xx after the retries ran out."""

    title = "CloudCart server error"


class GatewayTimeout(ServerError):
    """504: the shop did not finish the request within its 30 s limit."""

    title = "CloudCart request took too long"


class NetworkError(ConnectionFailed, CloudCartError):
    """No HTTP answer: DNS, refused connection, TLS failure, reset."""

    title = "Cannot reach CloudCart"


class RequestTimeout(NetworkError):
    """No answer within the client's timeout."""

    title = "CloudCart did not answer in time"


class UnexpectedResponse(ShopError, CloudCartError):
    """An answer that is not what the API promises: HTML, truncated or malformed JSON:API."""

    title = "Unexpected answer from CloudCart"


class UnexpectedValue(UnexpectedResponse, ValueError):
    """A value inside a well-formed answer has the wrong shape (used by :mod:`app.cloudcart.codec`)."""


class RequestRejected(ShopError, CloudCartError):
    """Another 4xx (400, 405, 406, 409, 415 ...): the request itself is wrong — a program bug."""

    title = "CloudCart rejected the request"


@dataclass(frozen=True)
class FieldProblem:
    """One entry of a JSON:API ``errors`` list."""

    detail: str
    pointer: str | None = None
    parameter: str | None = None
    title: str | None = None

    @property
    def field(self) -> str | None:
        """The attribute, relationship or query parameter concerned (``"sku"``, ``"page[size]"``)."""
        if self.parameter:
            return self.parameter
        if self.pointer:
            return self.pointer.rstrip("/").rsplit("/", 1)[-1] or None
        return None

    def __str__(self) -> str:
        text = self.detail or self.title or "invalid"
        return f"{self.field}: {text}" if self.field else text


class ValidationFailed(ItemError, CloudCartError):
    """422: the shop refused one object's data; ``problems`` says which fields and why."""

    title = "CloudCart refused the data"

    def __init__(
        self,
        key: str,
        message: str,
        *,
        problems: list[FieldProblem] | None = None,
        status: int | None = 422,
        request: str | None = None,
        title: str | None = None,
    ) -> None:
        ItemError.__init__(self, key, redact(message), title=title)
        self.status = status
        self.request = request
        self.problems: list[FieldProblem] = list(problems or [])

    @property
    def fields(self) -> list[str]:
        """Pointers and parameters named by the shop, e.g. ``["/data/attributes/sku"]``."""
        return [p.pointer or p.parameter or "" for p in self.problems if p.pointer or p.parameter]


class NotFound(ItemError, CloudCartError):
    """404 on one object: it does not exist or was deleted."""

    title = "Not found in CloudCart"

    def __init__(self, key: str, message: str, *, status: int | None = 404, request: str | None = None) -> None:
        ItemError.__init__(self, key, redact(message))
        self.status = status
        self.request = request


class AnswerLost(ItemError, CloudCartError):
    """A create was sent but its answer was lost and there is no natural key to check the result."""

    title = "CloudCart answer lost"

    def __init__(self, key: str, message: str, *, cause: CloudCartError, request: str | None = None) -> None:
        ItemError.__init__(self, key, redact(message))
        self.status = cause.status
        self.request = request
        self.cause = cause
