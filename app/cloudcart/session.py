"""One HTTP request to CloudCart, done properly: bounded concurrency, rate-limit pacing, waiting out
429s, retries with back-off, traffic accounting, a debug log line, and typed errors.

:class:`ApiSession` knows nothing of JSON:API documents; :class:`app.cloudcart.client.CloudCartClient`
builds on it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from types import TracebackType
from urllib.parse import unquote

import httpx

from app.cloudcart.errors import AnswerLost, CloudCartError, NetworkError, RequestTimeout, UnexpectedResponse
from app.cloudcart.ratelimit import Clock, RateLimiter, Sleep
from app.cloudcart.responses import RequestInfo, error_body, error_for, is_html, no_api_access, retry_after
from app.cloudcart.retry import NOTHING_DONE_STATUSES, RETRYABLE_STATUSES, RetryPolicy
from app.cloudcart.stats import TrafficStats
from app.logs import register_secret

log = logging.getLogger("app.cloudcart")

MEDIA_TYPE = "application/vnd.api+json"

# Failures that happen before the request reaches the shop: safe to repeat even for a create.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class ApiSession:
    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        concurrency: int,
        timeout: float,
        retry: RetryPolicy,
        limiter: RateLimiter,
        sleep: Sleep,
        clock: Clock,
        transport: httpx.AsyncBaseTransport | None = None,
        max_rate_wait: float = 300.0,
    ) -> None:
        register_secret(api_key)
        self.base_url = base_url
        self.stats = TrafficStats()
        self.retry = retry
        self.limiter = limiter
        self.timeout = timeout
        self.max_rate_wait = max_rate_wait
        self._sleep = sleep
        self._clock = clock
        self._semaphore = asyncio.Semaphore(max(1, concurrency))
        self._http = httpx.AsyncClient(
            base_url=base_url,
            headers={"X-CloudCart-ApiKey": api_key, "Accept": MEDIA_TYPE, "Content-Type": MEDIA_TYPE},
            timeout=httpx.Timeout(timeout),
            limits=httpx.Limits(max_connections=max(1, concurrency), max_keepalive_connections=max(1, concurrency)),
            transport=transport,
            verify=True,
            follow_redirects=False,
        )

    def __repr__(self) -> str:
        return f"ApiSession({self.base_url!r})"

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> ApiSession:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def backoff(self, retries_done: int) -> None:
        """Sleep before retry number ``retries_done + 1`` and count it."""
        self.stats.retries += 1
        await self._sleep(self.retry.delay(retries_done))

    async def send(
        self,
        method: str,
        info: RequestInfo,
        *,
        params: Mapping[str, str] | None = None,
        content: bytes | None = None,
        idempotent: bool = True,
        no_retry_statuses: frozenset[int] = frozenset(),
    ) -> httpx.Response:
        """Send one request; return a 2xx answer or raise a :class:`CloudCartError`.

        A non-idempotent request (POST) whose answer is lost after it was sent raises
        :class:`AnswerLost` instead of being repeated.
        """
        retries = 0
        rate_waited = 0.0
        while True:
            error: CloudCartError
            async with self._semaphore:
                ticket = await self.limiter.acquire()
                self.stats.count(method, info.resource)
                started = self._clock()
                try:
                    response = await self._http.request(method, info.path, params=params, content=content)
                except httpx.RequestError as exc:
                    elapsed = self._clock() - started
                    log.debug("%s %s -> %s (%d ms)", method, info.path, type(exc).__name__, elapsed * 1000)
                    error = self._transport_error(exc, info)
                    sent = not isinstance(exc, _NOT_SENT)
                    response = None
            if response is not None:
                elapsed = self._clock() - started
                self.limiter.observe(ticket, response.headers, elapsed)
                log.debug(
                    "%s %s -> %d (%d ms)", method, unquote(str(response.request.url.raw_path, "ascii", "replace")),
                    response.status_code, elapsed * 1000,
                )
                status = response.status_code
                if 200 <= status < 300:
                    return response
                if status == 429 and not is_html(response):
                    self.stats.rate_limited += 1
                    body = error_body(response)
                    # At least one second, so that "Retry-After: 0" cannot make us hammer the shop forever.
                    wait = max(retry_after(response, body), 1.0)
                    if no_api_access(response, body) or rate_waited + wait > self.max_rate_wait:
                        raise error_for(response, info)
                    rate_waited += wait
                    self.limiter.hold(wait)
                    log.info("CloudCart rate limit reached; waiting %g s before %s", wait, info.label)
                    continue
                error = error_for(response, info)
                if status not in RETRYABLE_STATUSES or status in no_retry_statuses:
                    raise error
                sent = status not in NOTHING_DONE_STATUSES
            if not idempotent and sent:
                raise AnswerLost(
                    info.item_key,
                    f"{info.label} was sent but its answer was lost ({error.message}). CloudCart may or may not "
                    "have saved it: check in the CloudCart admin before running again.",
                    cause=error,
                    request=info.label,
                )
            if not self.retry.should_retry(retries):
                raise error
            log.info("%s failed (%s); retrying", info.label, error.title)
            await self.backoff(retries)
            retries += 1

    def _transport_error(self, exc: httpx.RequestError, info: RequestInfo) -> CloudCartError:
        host = httpx.URL(self.base_url).host
        if isinstance(exc, httpx.TimeoutException):
            return RequestTimeout(
                f"CloudCart ({host}) did not answer {info.label} within {self.timeout:g} s. Check the internet "
                "connection and try again later.",
                request=info.label,
            )
        if isinstance(exc, httpx.DecodingError):
            return UnexpectedResponse(
                f"CloudCart's answer to {info.label} could not be decoded. Try again; if it repeats, send the "
                "log file to support.",
                request=info.label,
            )
        text = str(exc) or type(exc).__name__
        if "CERTIFICATE_VERIFY_FAILED" in text or "certificate" in text.lower():
            return NetworkError(
                f"The security certificate of {host} could not be verified ({text}). Check the API identifier "
                "and the computer's date and time; a company proxy may be intercepting the connection.",
                request=info.label,
            )
        if isinstance(exc, httpx.ConnectError):
            return NetworkError(
                f"Cannot connect to {host} ({text}). Check the internet connection and the API identifier.",
                request=info.label,
            )
        return NetworkError(
            f"The connection to {host} broke during {info.label} ({text}). Check the internet connection and "
            "try again.",
            request=info.label,
        )
