"""Asynchronous CloudCart JSON:API v2 client: auth, paging, rate limit, retries, typed errors.

Imports only :mod:`app.domain` and :mod:`app.logs`; no Qt. See ``docs/cloudcart-client.md``.
"""

from app.cloudcart.client import CloudCartClient, ConnectionCheck
from app.cloudcart.codec import from_minor, parse_datetime, parse_quantity, parse_yes_no, to_minor, yes_no
from app.cloudcart.errors import (
    AccessDenied,
    AnswerLost,
    AuthenticationFailed,
    Blocked,
    CloudCartError,
    FeatureUnavailable,
    FieldProblem,
    GatewayTimeout,
    Maintenance,
    NetworkError,
    NotFound,
    PlanExpired,
    RateLimited,
    Redirected,
    RequestRejected,
    RequestTimeout,
    ServerError,
    ShopNotFound,
    UnexpectedResponse,
    UnexpectedValue,
    ValidationFailed,
)
from app.cloudcart.jsonapi import Ref, Resource
from app.cloudcart.ratelimit import Budget, RateLimiter
from app.cloudcart.stats import TrafficStats
from app.domain.shop_address import base_url_from_identifier, domain_warning

__all__ = [
    "AccessDenied",
    "AnswerLost",
    "AuthenticationFailed",
    "Blocked",
    "Budget",
    "CloudCartClient",
    "CloudCartError",
    "ConnectionCheck",
    "FeatureUnavailable",
    "FieldProblem",
    "GatewayTimeout",
    "Maintenance",
    "NetworkError",
    "NotFound",
    "PlanExpired",
    "RateLimited",
    "RateLimiter",
    "Redirected",
    "Ref",
    "RequestRejected",
    "RequestTimeout",
    "Resource",
    "ServerError",
    "ShopNotFound",
    "TrafficStats",
    "UnexpectedResponse",
    "UnexpectedValue",
    "ValidationFailed",
    "base_url_from_identifier",
    "domain_warning",
    "from_minor",
    "parse_datetime",
    "parse_quantity",
    "parse_yes_no",
    "to_minor",
    "yes_no",
]
