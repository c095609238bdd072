"""Test doubles for the CloudCart client: a fake clock whose sleep advances time, and a scripted
httpx.MockTransport that records requests."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import httpx

from app.cloudcart import CloudCartClient

KEY = "K" * 40 + "0123456789ABCDEFGHIJKLMNOPQRSTUV"  # 72 chars, key-shaped
JSONAPI = {"content-type": "application/vnd.api+json"}


@dataclass
class FakeClock:
    now: float = 1000.0
    sleeps: list[float] = field(default_factory=list)

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(0.0, seconds)

    @property
    def slept(self) -> float:
        return sum(self.sleeps)


def jsonapi(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, content=json.dumps(body).encode(), headers={**JSONAPI, **(headers or {})})


def resource(kind: str, ident: str, **attributes: Any) -> dict[str, Any]:
    return {"type": kind, "id": ident, "attributes": attributes}


def page(items: list[dict[str, Any]], current: int, last: int, size: int = 100, **extra: Any) -> dict[str, Any]:
    return {
        "data": items,
        "meta": {
            "page": {
                "current-page": current,
                "per-page": size,
                "total": extra.get("total", len(items)),
                "last-page": last,
            }
        },
        "jsonapi": {"version": "1.0"},
    }


class Script:
    """A transport answering from a list of responses/exceptions or a handler; records every request."""

    def __init__(self, answers: Iterable[httpx.Response | Exception] | Callable[[httpx.Request], httpx.Response]):
        self.requests: list[httpx.Request] = []
        self._handler = answers if callable(answers) else None
        self._answers = [] if callable(answers) else list(answers)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self._handler is not None:
            return self._handler(request)
        answer = self._answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)


def client(script: Script, clock: FakeClock | None = None, **kwargs: Any) -> CloudCartClient:
    clock = clock or FakeClock()
    return CloudCartClient(
        "mystore.cloudcart.net", KEY, transport=script.transport, sleep=clock.sleep, clock=clock, **kwargs
    )
