"""Fault injection: kinds, determinism, and that /admin is never faulted."""

from __future__ import annotations

import time

import pytest

from app.sandbox.faults import FaultInjector, parse_faults
from tests.sandbox.conftest import Sandbox


def sequence(spec: str, seed: int, n: int = 300) -> list[str | None]:
    injector = FaultInjector(spec, seed)
    return [f.kind if (f := injector.draw()) else None for _ in range(n)]


def test_same_seed_same_faults() -> None:
    spec = "500:0.1,503:0.05,timeout:0.02,slow:0.1@2s,429:0.05,html:0.02"
    assert sequence(spec, 7) == sequence(spec, 7)
    assert sequence(spec, 7) != sequence(spec, 8)
    kinds = set(sequence(spec, 7))
    assert {"500", "503", "slow", "429", None} <= kinds


def test_probabilities_are_respected() -> None:
    drawn = sequence("500:0.25", 1, 4000)
    assert 0.2 < drawn.count("500") / len(drawn) < 0.3


def test_429_bursts() -> None:
    drawn = sequence("429:0.05@3", 3, 2000)
    runs = []
    run = 0
    for kind in [*drawn, None]:
        if kind == "429":
            run += 1
        elif run:
            runs.append(run)
            run = 0
    assert runs and all(r % 3 == 0 for r in runs)


@pytest.mark.parametrize("spec", ["500", "boom:0.1", "500:2", "500:x", "500:0.6,503:0.6", "slow:0.1@fast"])
def test_bad_specs_are_refused(spec: str) -> None:
    with pytest.raises(ValueError):
        parse_faults(spec)


async def test_500_fault_has_jsonapi_body_with_details(sandbox: Sandbox) -> None:
    await sandbox.settings(faults="500:1")
    response = await sandbox.get("/products")
    assert response.status_code == 500
    error = response.json()["errors"][0]
    assert error["status"] == "500" and error["details"]
    assert response.headers["X-RateLimit-Limit"] == "100"


async def test_503_and_429_faults(sandbox: Sandbox) -> None:
    await sandbox.settings(faults="503:1")
    assert (await sandbox.get("/products")).json()["errors"][0]["title"] == "Maintenance mode"
    await sandbox.settings(faults="429:1")
    response = await sandbox.get("/products")
    assert response.status_code == 429 and response.headers["Retry-After"] == "60"
    assert response.json()["error"] == "Too Many Requests"


async def test_html_fault(sandbox: Sandbox) -> None:
    await sandbox.settings(faults="html:1")
    response = await sandbox.get("/products")
    assert response.status_code == 502
    assert response.headers["content-type"].startswith("text/html")
    assert "<html>" in response.text


async def test_slow_fault_answers_normally_after_the_delay(sandbox: Sandbox) -> None:
    await sandbox.settings(faults="slow:1@0.2s")
    started = time.monotonic()
    response = await sandbox.get("/products")
    assert response.status_code == 200
    assert time.monotonic() - started >= 0.2


async def test_timeout_fault_holds_then_504(sandbox: Sandbox) -> None:
    await sandbox.settings(faults="timeout:1", timeout_s=0.2)
    started = time.monotonic()
    response = await sandbox.get("/products")
    assert response.status_code == 504
    assert time.monotonic() - started >= 0.2


async def test_faults_are_deterministic_over_the_wire(sandbox: Sandbox) -> None:
    async def run() -> list[int]:
        await sandbox.settings(faults="500:0.3,503:0.2", fault_seed=42)
        return [(await sandbox.get("/products")).status_code for _ in range(20)]

    first = await run()
    assert first == await run()
    assert {200, 500, 503} <= set(first)


async def test_admin_is_never_faulted(sandbox: Sandbox) -> None:
    await sandbox.settings(faults="500:1")
    assert (await sandbox.client.get("/admin/state")).status_code == 200
    assert (await sandbox.client.post("/admin/seed", json={"vendors": [{"name": "ACME"}]})).status_code == 201


async def test_bad_fault_spec_is_refused_by_settings(sandbox: Sandbox) -> None:
    response = await sandbox.client.post("/admin/settings", json={"faults": "boom:1"})
    assert response.status_code == 422
