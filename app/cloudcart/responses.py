"""Reading CloudCart's answers: JSON bodies, ``Retry-After``, and the mapping of error answers to
the typed errors of :mod:`app.cloudcart.errors`.

Two error body shapes exist: the JSON:API envelope ``{"errors": [{"status", "title", "detail",
"source": {"pointer" | "parameter"}}]}`` and the edge rate limiter's
``{"error", "message", "retry_after"}``. Anything else (HTML pages, truncated JSON) is mapped by
status alone.
"""

from __future__ import annotations

import email.utils
import json
import re
import time
from dataclasses import dataclass, field

import httpx

from app.cloudcart.errors import (
    AccessDenied,
    AuthenticationFailed,
    Blocked,
    CloudCartError,
    FeatureUnavailable,
    FieldProblem,
    GatewayTimeout,
    Maintenance,
    NotFound,
    PlanExpired,
    RateLimited,
    Redirected,
    RequestRejected,
    ServerError,
    ShopNotFound,
    UnexpectedResponse,
    ValidationFailed,
)

_APP_MISSING = re.compile(r"([\w-]+)\s+app\s+(?:is\s+)?not\s+installed", re.IGNORECASE)
_NO_API_ACCESS = "do not have api access"


@dataclass(frozen=True)
class RequestInfo:
    """What was asked: ``resource`` is the first path segment, ``object_id`` the second if any."""

    method: str
    path: str
    resource: str
    object_id: str | None = None

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def item_key(self) -> str:
        return f"{self.resource}/{self.object_id}" if self.object_id else self.resource


def is_html(response: httpx.Response) -> bool:
    if "html" in response.headers.get("content-type", "").lower():
        return True
    return response.content[:200].lstrip()[:1] == b"<"


def read_json(response: httpx.Response, info: RequestInfo) -> object:
    """The parsed body; :class:`UnexpectedResponse` for HTML, empty, truncated or non-JSON bodies."""
    if is_html(response):
        raise UnexpectedResponse(
            f"CloudCart answered {info.label} with a web page ({response.status_code}) instead of API data. "
            "Check that the API identifier is the store's primary domain, then try again later.",
            status=response.status_code,
            request=info.label,
        )
    try:
        return json.loads(response.content)
    except (ValueError, RecursionError):
        raise UnexpectedResponse(
            f"CloudCart's answer to {info.label} ({response.status_code}) is not valid JSON (cut off or damaged). "
            "Try again; if it repeats, send the log file to support.",
            status=response.status_code,
            request=info.label,
        ) from None


@dataclass(frozen=True)
class ErrorBody:
    """What an error answer says, whatever its shape."""

    problems: list[FieldProblem] = field(default_factory=list)
    message: str = ""
    retry_after: float | None = None
    log_id: str | None = None

    @property
    def text(self) -> str:
        if self.problems:
            return "; ".join(str(p) for p in self.problems)
        return self.message

    @property
    def missing_app(self) -> str | None:
        for text in [self.message, *(p.detail for p in self.problems), *(p.title or "" for p in self.problems)]:
            if found := _APP_MISSING.search(text):
                return found.group(1)
        return None


def _text(value: object) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if value == value and value >= 0 else None
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
        return number if number == number and 0 <= number < float("inf") else None
    return None


def parse_error_body(payload: object) -> ErrorBody:
    """Read either error shape; tolerate anything else (returns an empty :class:`ErrorBody`)."""
    if not isinstance(payload, dict):
        return ErrorBody()
    problems: list[FieldProblem] = []
    errors = payload.get("errors")
    if isinstance(errors, list):
        for item in errors:
            if not isinstance(item, dict):
                continue
            source = item.get("source") if isinstance(item.get("source"), dict) else {}
            assert isinstance(source, dict)
            problems.append(
                FieldProblem(
                    detail=_text(item.get("detail")) or _text(item.get("title")) or "",
                    pointer=_text(source.get("pointer")),
                    parameter=_text(source.get("parameter")),
                    title=_text(item.get("title")),
                )
            )
    message = _text(payload.get("message")) or _text(payload.get("error")) or ""
    return ErrorBody(
        problems=problems,
        message=message,
        retry_after=_number(payload.get("retry_after")),
        log_id=_text(payload.get("details")),
    )


def error_body(response: httpx.Response) -> ErrorBody:
    if is_html(response):
        return ErrorBody()
    try:
        return parse_error_body(json.loads(response.content))
    except (ValueError, RecursionError):
        return ErrorBody()


def retry_after(response: httpx.Response, body: ErrorBody, *, default: float = 60.0) -> float:
    """Seconds to wait after a 429: the ``Retry-After`` header (seconds or HTTP date), else the body's
    ``retry_after``, else ``default``."""
    header = response.headers.get("Retry-After")
    if header:
        seconds = _number(header)
        if seconds is not None:
            return seconds
        try:
            when = email.utils.parsedate_to_datetime(header)
        except (TypeError, ValueError, IndexError):
            when = None
        if when is not None and when.tzinfo is not None:
            return max(0.0, when.timestamp() - time.time())
    return body.retry_after if body.retry_after is not None else default


def no_api_access(response: httpx.Response, body: ErrorBody) -> bool:
    """A 429 that waiting cannot cure: limit 0 (plan without API, or not the primary domain)."""
    if response.headers.get("X-RateLimit-Limit", "").strip() == "0":
        return True
    return _NO_API_ACCESS in body.text.lower()


def _suffix(text: str) -> str:
    return f": {text.rstrip('. ')}" if text else ""


def error_for(response: httpx.Response, info: RequestInfo) -> CloudCartError:
    """The typed error for a non-2xx answer."""
    status = response.status_code
    html = is_html(response)
    body = error_body(response)
    if 300 <= status < 400:
        location = response.headers.get("Location")
        return Redirected(
            f"CloudCart redirects {info.label} to {location or 'another address'}. Put the store's primary "
            "domain, with https://, in the API identifier.",
            location=location,
            status=status, request=info.label,
        )
    if html and status in (403, 429):
        return Blocked(
            f"A protection layer in front of CloudCart answered {status} with a web page. Wait 15 minutes "
            "before running again; if it repeats, ask CloudCart support whether this computer's address is blocked.",
            status=status, request=info.label,
        )
    if html and status < 500:
        return UnexpectedResponse(
            f"CloudCart answered {info.label} with a web page ({status}) instead of API data. Check that the "
            "API identifier is the store's primary domain.",
            status=status, request=info.label,
        )
    if status == 401:
        return AuthenticationFailed(
            "CloudCart refused the API key (401). Copy the key again from CloudCart > Settings > API keys, "
            "check that it is active and that the API identifier is the store's primary domain.",
            status=status, request=info.label,
        )
    if status == 402:
        return PlanExpired(
            f"CloudCart answered 402 Payment Required{_suffix(body.text)}. The store's plan has expired or "
            "reached a limit; renew or upgrade it in CloudCart, then run again.",
            status=status, request=info.label,
        )
    if status == 403:
        return AccessDenied(
            f"CloudCart refused {info.label} (403){_suffix(body.text)}. Check the API key in "
            "CloudCart > Settings > API keys.",
            status=status, request=info.label,
        )
    app = body.missing_app
    if app and status in (404, 422):
        return FeatureUnavailable(
            f"The CloudCart '{app}' app is not installed on this store, so '{info.resource}' cannot be used. "
            "Install the app in CloudCart > Apps, or turn off the option that needs it.",
            feature=app,
            status=status, request=info.label,
        )
    if status == 404:
        if info.object_id is not None:
            return NotFound(
                info.item_key,
                f"CloudCart has no {info.resource} with id {info.object_id} (deleted or never created). "
                "Check it in the CloudCart admin.",
                status=status,
                request=info.label,
            )
        return ShopNotFound(
            f"CloudCart answered 404 for {info.label}: this address is not a CloudCart store's API. Check the "
            "API identifier: it must be the store's primary domain (e.g. mystore.cloudcart.net).",
            status=status, request=info.label,
        )
    if status in (400, 409, 422):
        return ValidationFailed(
            info.item_key,
            f"CloudCart refused the {info.resource} data ({status}){_suffix(body.text)}. Correct the value "
            "and run again.",
            problems=body.problems,
            status=status,
            request=info.label,
        )
    if status == 429:
        if no_api_access(response, body):
            return RateLimited(
                "CloudCart allows no API requests for this address (429, limit 0). Either the plan has no API "
                "access (upgrade it), or the API identifier is not the store's primary domain (www. and alias "
                "domains get no requests).",
                no_api_access=True,
                status=status, request=info.label,
            )
        return RateLimited(
            "CloudCart kept answering 429 Too Many Requests. Another program may be using this store's API "
            "budget; run again later or upgrade the plan for a higher limit.",
            retry_after=retry_after(response, body),
            status=status, request=info.label,
        )
    if status == 503:
        return Maintenance(
            f"The CloudCart store is in maintenance mode (503){_suffix(body.text)}. Try again in a few minutes.",
            status=status, request=info.label,
        )
    if status == 504:
        return GatewayTimeout(
            f"CloudCart did not finish {info.label} within its 30 second limit (504). Try again later.",
            status=status, request=info.label,
        )
    if status >= 500:
        log_id = f" (CloudCart log id {body.log_id})" if body.log_id else ""
        return ServerError(
            f"CloudCart had an internal error ({status}) on {info.label}{log_id}. Try again later; if it "
            "repeats, report it to CloudCart support.",
            status=status, request=info.label,
        )
    return RequestRejected(
        f"CloudCart refused {info.label} ({status}){_suffix(body.text)}. This is a problem in Utility Center; "
        "please report it with the log file.",
        status=status, request=info.label,
    )
