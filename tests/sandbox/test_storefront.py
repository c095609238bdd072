"""The storefront page: catalogue, stock, the test-order form; and a real headless browser."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import httpx
import pytest

from app.sandbox import SandboxConfig
from app.sandbox.seed import load_demo
from app.sandbox.server import SandboxServer
from tests.sandbox.conftest import Sandbox

CHROMIUM = Path("/usr/bin/chromium")


async def test_home_lists_products_variants_stock_and_prices(seeded: Sandbox) -> None:
    response = await seeded.client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    html = response.text
    for text in ("Cotton T-Shirt", "TS-M-RED", "M / Red", "19.99 EUR", "unlimited", "not tracked", "<form"):
        assert text in html, text
    assert "<script" not in html


async def test_form_places_an_order_and_shows_it(seeded: Sandbox) -> None:
    form = {"first_name": "Elena", "last_name": "Ivanova", "email": "elena@example.com", "status": "paid",
            "sku0": "MUG-1", "qty0": "2", "sku1": "", "qty1": "1"}  # fmt: skip
    response = await seeded.client.post("/storefront/orders", data=form)
    assert response.status_code == 303
    page = await seeded.client.get(response.headers["location"])
    assert "Order #1" in page.text and "Elena Ivanova" in page.text and "MUG-1" in page.text
    assert await seeded.quantity("MUG-1") == 28


async def test_form_errors_are_shown_and_nothing_is_placed(seeded: Sandbox) -> None:
    form = {"first_name": "E", "last_name": "I", "email": "e@example.com", "status": "paid", "sku0": "", "qty0": "1"}
    response = await seeded.client.post("/storefront/orders", data=form)
    assert response.status_code == 422
    assert "An order needs at least one line." in response.text
    assert 'value="e@example.com"' in response.text  # the form keeps what was typed
    assert (await seeded.state())["counts"]["orders"] == 0


async def test_unknown_order_page_is_404(sandbox: Sandbox) -> None:
    assert (await sandbox.client.get("/storefront/orders/99")).status_code == 404


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)")
def test_storefront_renders_in_a_headless_browser(tmp_path: Path) -> None:
    with SandboxServer(SandboxConfig()) as srv:
        load_demo(srv.shop)
        httpx.post(srv.url + "/storefront/orders", data={
            "first_name": "Elena", "last_name": "Ivanova", "email": "elena@example.com", "status": "paid",
            "sku0": "MUG-001", "qty0": "1"})  # fmt: skip
        result = subprocess.run(
            [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", "--window-size=1200,900", srv.url + "/"],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    for text in ("Sandbox shop", "Cotton T-Shirt", "TSHIRT-M-RED", "Place order", "Elena"):
        assert text in dom, text
    shutil.rmtree(tmp_path / "profile", ignore_errors=True)
