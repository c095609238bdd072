"""Bad input, item by item: every bad thing gets a precise message naming the item and the problem, and
everything else is still done.

Three sources of bad input, each table-driven:

A. **Server files** given to the real command line (``servers add --file``). The 30 in-process cases of
   ``tests/unit/test_settings.py::BAD_FILES`` cover the keys one by one; the cases here go through the
   process: secrets written into the file, unreadable and missing files, a name in use, an empty file.
   Each: exit status 2, the message names the key, nothing is stored, the good server stays.
B. **Warehouse data** for the export (one SQLite demo database with every bad good added, one export run):
   duplicate, empty and NULL keys, catalog values without a hyphen, a type twice, too-short types, empty
   values, different dimension sets, a family member without catalog values, two goods with the same
   options, 501 variants, NaN/negative/text/NULL prices, 300-character and empty names, 4-byte characters,
   goods in the service group, a good whose group row is missing, a deleted good; plus shop-side traps
   (a shop variant with a null price, unknown attributes, one shop key held by two variants, a variant
   whose product is missing from the answer). Each case is one test on the shared run.
C. **Shop data** for the import and the pull (the sandbox is strict, so a small ASGI middleware in front
   of it rewrites its JSON answers per case): an order line without a SKU, a customer without e-mail, keys
   that match no good or two goods, a deleted good, a line missing from ``included``, no lines, unknown
   attributes, quantity 0, an unknown status, a non-numeric price, a bad date, a non-numeric quantity;
   variants with a null price, without their product, without a SKU, with a shared SKU; whole answers that
   are malformed JSON:API, HTML pages or truncated JSON (the import fails with a precise message, the export
   of the same run is still done).
D. **4-byte characters on utf8 (utf8mb3) MariaDB tables** (Warehouse's own DDL declares every table
   ``CHARSET=utf8``): a customer name and a shop product name with an emoji.

Expected failures (``xfail(strict=True)``) are product bugs; their reasons say where and what.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import tomllib
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import tomli_w

from app.domain.report import RunReport
from app.domain.settings import ServerSettings
from app.sandbox import SandboxConfig
from app.sandbox.server import SandboxServer
from app.servers.store import ServerStore, parse_server_text
from app.sync.runner import run_server
from app.warehouse import ConnectionParams
from app.warehouse.demo import build_demo_database, build_demo_mysql
from tests.support.server_files import VALID_SERVER_TOML
from tests.support.sync_env import (
    KEY_ENV,
    admin_state,
    make_server,
    mysql_available,
    scratch_mysql_database,
    warehouse_section,
)
from tests.sync.conftest import ShopAdmin, ledger_rows, order_documents, sql_rows

ROOT = Path(__file__).resolve().parents[2]
EMOJI = "\U0001f600"  # 😀, four bytes in UTF-8

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


def _cases_with_bugs(cases: list[Any]) -> list[Any]:
    """``pytest.param`` per case; a case with a ``bug`` is an expected failure (strict)."""
    return [
        pytest.param(c, id=c.id, marks=[pytest.mark.xfail(strict=True, reason=c.bug)] if c.bug else []) for c in cases
    ]


# ======================================================================================================
# A. server files through the real command line
# ======================================================================================================
def valid_file_data(name: str) -> dict[str, Any]:
    data = tomllib.loads(VALID_SERVER_TOML)
    data["name"] = name
    return data


@dataclass(frozen=True)
class FileCase:
    id: str
    content: bytes | None  # None: the file does not exist
    fragments: tuple[str, ...]  # all must appear in stderr
    secret: str | None = None  # must NOT appear anywhere in the output
    bug: str = ""


def _toml(data: dict[str, Any]) -> bytes:
    return tomli_w.dumps(data).encode()


def _with(section: str, key: str, value: Any, name: str = "Bad shop") -> bytes:
    data = valid_file_data(name)
    data[section][key] = value
    return _toml(data)


API_KEY_IN_FILE = "QWERTYUIOPASDFGHJKLZXCVBNM0123456789QWERTYUIOPASDFGHJKLZXCVBNM01"
PASSWORD_IN_FILE = "hunter2-in-the-file"
FILE_CASES = [
    FileCase("api key written into the file", _with("shop", "api_key", API_KEY_IN_FILE),
             ("shop.api_key", "unknown key"), API_KEY_IN_FILE),
    FileCase("db password written into the file", _with("warehouse", "password", PASSWORD_IN_FILE),
             ("warehouse.password", "unknown key"), PASSWORD_IN_FILE),
    FileCase("not UTF-8", b'name = "Caf\xe9 shop"\n', ("Cannot read server file",)),
    FileCase("file missing", None, ("does not exist",)),
    FileCase("name already used (other case)", _toml(valid_file_data("GOOD SHOP")), ("already exists", "Good shop")),
    FileCase("empty file", b"", ("name", "is required", "shop", "warehouse")),
    FileCase("name of 101 characters", _toml(valid_file_data("N" * 101)), ("name", "longer than 100 characters")),
    FileCase("key env var names a secret, not a variable", _with("shop", "api_key_env", API_KEY_IN_FILE[:20] + "-x"),
             ("shop.api_key_env", "not an environment variable name")),
]  # fmt: skip


def add_bad_file(case: FileCase, tmp_path: Path, uc_home: Path) -> subprocess.CompletedProcess[str]:
    """``servers add --file`` with the bad file next to a stored good server; checks nothing else changed."""
    store = ServerStore()
    good = store.add(parse_server_text(tomli_w.dumps(valid_file_data("Good shop"))))
    before = {p.name: p.read_bytes() for p in (uc_home / "servers").glob("*")}
    path = tmp_path / "bad.toml"
    if case.content is not None:
        path.write_bytes(case.content)
    result = subprocess.run(
        [sys.executable, "-m", "app", "servers", "add", "--file", str(path)],
        cwd=ROOT, env=os.environ.copy(), capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    # Nothing stored, the good server untouched.
    assert {p.name: p.read_bytes() for p in (uc_home / "servers").glob("*")} == before
    assert [(s.name, s.id) for s in ServerStore().list()] == [("Good shop", good.id)]
    return result


@pytest.mark.parametrize("case", _cases_with_bugs(FILE_CASES))
def test_a_bad_server_file_is_refused_through_the_cli_and_nothing_else_changes(
    case: FileCase, tmp_path: Path, uc_home: Path
) -> None:
    result = add_bad_file(case, tmp_path, uc_home)
    for fragment in case.fragments:
        assert fragment in result.stderr, result.stderr


@pytest.mark.parametrize("case", [c for c in FILE_CASES if c.secret], ids=[c.id for c in FILE_CASES if c.secret])
def test_a_secret_written_into_a_server_file_is_refused_and_never_echoed(
    case: FileCase, tmp_path: Path, uc_home: Path
) -> None:
    assert case.secret is not None
    result = add_bad_file(case, tmp_path, uc_home)
    assert case.secret not in result.stdout + result.stderr
    key = case.fragments[0]
    assert key in result.stderr and "allowed here" in result.stderr, result.stderr


def test_the_unit_corpus_of_bad_server_files_is_still_thirty_strong() -> None:
    from tests.unit.test_settings import BAD_FILES

    assert len(BAD_FILES) >= 30
    assert len({case[2] for case in BAD_FILES}) >= 20  # distinct keys, not thirty times the same one


# ======================================================================================================
# The middleware that lets the sandbox send what it never would
# ======================================================================================================
Rewrite = Callable[[str, dict[str, Any]], None]  # (path, JSON document) -> None, mutates the document
Replace = Callable[[str, str], tuple[int, str, bytes] | None]  # (path, query) -> (status, type, body)


@dataclass
class Rules:
    rewrites: list[Rewrite] = field(default_factory=list)
    replaces: list[Replace] = field(default_factory=list)


class Mangler:
    """Pure ASGI middleware in front of the sandbox: GET /api/v2 answers pass through ``rules``."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], rules: Rules) -> None:
        self.app, self.rules = app, rules

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith("/api/v2"):
            await self.app(scope, receive, send)
            return
        path, query = scope["path"], scope.get("query_string", b"").decode()
        for replace in self.rules.replaces:
            answer = replace(path, query)
            if answer is not None:
                status, content_type, body = answer
                headers = [(b"content-type", content_type.encode()), (b"content-length", str(len(body)).encode())]
                await send({"type": "http.response.start", "status": status, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
        held: list[Message] = []

        async def hold(message: Message) -> None:
            held.append(message)

        await self.app(scope, receive, hold)
        start = held[0]
        body = b"".join(m.get("body", b"") for m in held[1:])
        if start["status"] == 200 and self.rules.rewrites:
            document = json.loads(body)
            for rewrite in self.rules.rewrites:
                rewrite(path, document)
            body = json.dumps(document).encode()
        headers = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": start["status"], "headers": headers})
        await send({"type": "http.response.body", "body": body})


def mangled_sandbox(rules: Rules) -> SandboxServer:
    server = SandboxServer(SandboxConfig(rate_limit=100_000))
    server.app.add_middleware(Mangler, rules=rules)
    return server


def resources(document: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    data = document.get("data")
    found = data if isinstance(data, list) else [data] if isinstance(data, dict) else []
    found = found + (document.get("included") or [])
    return [r for r in found if isinstance(r, dict) and r.get("type") == kind]


def on_order(order_id: str, change: Callable[[dict[str, Any], list[dict[str, Any]], dict[str, Any]], None]) -> Rewrite:
    """A rewrite of one order in /orders answers: ``change(order, its included lines, document)``."""

    def rewrite(path: str, document: dict[str, Any]) -> None:
        if not path.startswith("/api/v2/orders"):
            return
        for order in resources(document, "orders"):
            if str(order["id"]) == order_id:
                ids = {ref["id"] for ref in order["relationships"]["products"]["data"]}
                lines = [r for r in resources(document, "order-products") if r["id"] in ids]
                change(order, lines, document)

    return rewrite


def on_variant(sku: str, change: Callable[[dict[str, Any], dict[str, Any]], None]) -> Rewrite:
    """A rewrite of the variant with ``sku`` in /variants answers: ``change(variant, document)``."""

    def rewrite(path: str, document: dict[str, Any]) -> None:
        if path.startswith("/api/v2/variants"):
            for variant in resources(document, "variants"):
                if variant["attributes"].get("sku") == sku:
                    change(variant, document)

    return rewrite


def isolate(mp: pytest.MonkeyPatch, tmp: Path) -> None:
    """Module fixtures run before the autouse per-test state folder and keyring: give them their own."""
    mp.setenv("UTILITY_CENTER_HOME", str(tmp / "home"))
    mp.setenv("UC_TEST_KEYRING_FILE", str(tmp / "keyring.json"))


def shop_date(delta_minutes: int) -> str:
    moment = dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=6) + dt.timedelta(minutes=delta_minutes)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


# ======================================================================================================
# B. warehouse data -> export
# ======================================================================================================
GOODS_COLUMNS_SQL = "SELECT name FROM pragma_table_info('goods') WHERE name <> 'ID'"


class GoodsFactory:
    """Clones a template good (with its store rows) into new, changed goods in a SQLite demo database."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path)
        self.columns = [r[0] for r in self.conn.execute(GOODS_COLUMNS_SQL)]

    def clone(self, template: int, **changes: Any) -> int:
        cols = ", ".join(f'"{c}"' for c in self.columns)
        new_id = int(self.conn.execute("SELECT MAX(ID) + 1 FROM goods").fetchone()[0])
        insert = f'INSERT INTO goods ("ID", {cols}) SELECT ?, {cols} FROM goods WHERE ID = ?'
        self.conn.execute(insert, (new_id, template))
        for column, value in changes.items():
            self.conn.execute(f'UPDATE goods SET "{column}" = ? WHERE ID = ?', (value, new_id))
        self.conn.execute(
            "INSERT INTO store (ObjectID, GoodID, Qtty, Price, Lot, LotID, LotOrder) "
            "SELECT ObjectID, ?, 7, Price, Lot, LotID, LotOrder FROM store WHERE GoodID = ?",
            (new_id, template),
        )
        return new_id

    def close(self) -> None:
        self.conn.commit()
        self.conn.close()


SIMPLE = 12  # AC00002 "Wallet 2", SKU AC2, Accessories (demo, 60 goods, seed 7)
FAMILY = 14  # TS00004 "Hoodie 4", Color-White / Size-S, Clothing


@dataclass(frozen=True)
class ExportCase:
    """A bad (or merely odd) good. ``expect``: "error" (an error item for ``key`` whose message contains every
    fragment), "exported" (created in the shop, ``check`` on its variant) or "absent" (neither)."""

    id: str
    goods: tuple[dict[str, Any], ...]  # changes applied to clones of the template
    expect: str
    key: str = ""  # the error key; "{id0}" is replaced by the first clone's ID
    fragments: tuple[str, ...] = ()
    template: int = SIMPLE
    check: dict[str, Any] = field(default_factory=dict)
    bug: str = ""
    exported_too: tuple[str, ...] = ()  # goods of the case that are fine and do reach the shop


def simple(code: str, **changes: Any) -> dict[str, Any]:
    return {"Code": code, "BarCode2": code, "Name": f"Case {code}", **changes}


EXPORT_CASES = [
    ExportCase("duplicate key", (simple("DUP-A", BarCode2="DUP-SKU"), simple("DUP-B", BarCode2="DUP-SKU")), "error",
               "DUP-SKU", ("SKU (BarCode2) 'DUP-SKU' is used by 2 goods", "must be unique")),
    ExportCase("empty key", (simple("EMPTY-KEY", BarCode2=" "),), "error", "ID {id0}",
               ("good 'Case EMPTY-KEY'", "has no SKU (BarCode2)")),
    ExportCase("NULL key", (simple("NULL-KEY", BarCode2=None),), "error", "ID {id0}",
               ("good 'Case NULL-KEY'", "has no SKU (BarCode2)")),
    ExportCase("catalog value without hyphen", (simple("NOHYPHEN", Catalog1="Red"),), "error", "NOHYPHEN",
               ("Case NOHYPHEN", "Catalog1 'Red' has no hyphen")),
    ExportCase("a type twice in one good", (simple("TWICE", Catalog1="Color-Red", Catalog2="Color-Blue"),), "error",
               "TWICE", ("Case TWICE", "'Color' appears twice")),
    ExportCase("type shorter than 3 characters", (simple("SHORTTYPE", Catalog1="Sz-M"),), "error", "SHORTTYPE",
               ("Case SHORTTYPE", "the type 'Sz' must be 3 to 191 characters")),
    ExportCase("catalog value without a value", (simple("NOVALUE", Catalog1="Color-"),), "error", "NOVALUE",
               ("Case NOVALUE", "needs both a type and a value")),
    ExportCase("different dimension sets",
               (simple("DIFF-1", Code="FAM-DIFF", Catalog1="Color-Red", Catalog2="Size-M"),
                simple("DIFF-2", Code="FAM-DIFF", Catalog1="Color-Red", Catalog2="Material-Wool")),
               "error", "DIFF-2", ("Code 'FAM-DIFF'", "different dimension sets")),
    ExportCase("family member without catalog values",
               (simple("NOCAT-1", Code="FAM-NOCAT", Catalog1="Color-Red"), simple("NOCAT-2", Code="FAM-NOCAT")),
               "error", "NOCAT-2", ("2 goods share Code 'FAM-NOCAT'", "not all have Catalog values")),
    ExportCase("two goods with the same options",
               (simple("SAME-1", Code="FAM-SAME", Catalog1="Color-Red", Catalog2="Size-M"),
                simple("SAME-2", Code="FAM-SAME", Catalog1="Color-red", Catalog2="Size-M")),
               "error", "SAME-2", ("Case SAME-2", "has the same options as 'SAME-1'"), exported_too=("SAME-1",)),
    ExportCase("501 variants in one product",
               tuple(simple(f"BIG-{n}", Code="FAM-BIG", Catalog1=f"Size-{n}") for n in range(501)),
               "error", "BIG-250", ("Code 'FAM-BIG' has 501 variants; CloudCart allows 500",)),
    ExportCase("NaN price", (simple("NAN-PRICE", PriceOut2="NaN"),), "error", "NAN-PRICE",
               ("Case NAN-PRICE", "PriceOut2 is not a number (nan)")),
    ExportCase("negative price", (simple("NEG-PRICE", PriceOut2=-5),), "error", "NEG-PRICE",
               ("Case NEG-PRICE", "PriceOut2 is negative (-5.0)")),
    ExportCase("non-numeric text price (SQLite dynamic typing)", (simple("TEXT-PRICE", PriceOut2="abc"),), "error",
               "TEXT-PRICE", ("Case TEXT-PRICE", "PriceOut2 is not a number")),
    ExportCase("NULL price", (simple("NULL-PRICE", PriceOut2=None),), "error", "NULL-PRICE",
               ("Case NULL-PRICE", "PriceOut2 is not a number")),
    ExportCase("numeric text price (SQLite dynamic typing)", (simple("NUMTEXT-PRICE", PriceOut2="12.50"),), "exported",
               "NUMTEXT-PRICE", check={"price": 1250}),
    ExportCase("empty name", (simple("NO-NAME", Name=" "),), "error", "NO-NAME", ("(Code NO-NAME", "has no name")),
    ExportCase("300-character name", (simple("LONG-NAME", Name="Ж" * 300),), "exported", "LONG-NAME",
               check={"name": "Ж" * 191}),
    ExportCase("4-byte characters on SQLite", (simple("EMOJI-NAME", Name=f"Mug {EMOJI}"),), "exported",
               "EMOJI-NAME", check={"name": f"Mug {EMOJI}"}),
    ExportCase("good in the service group (deleted group)", (simple("SERVICE-GROUP", GroupID=1),), "absent",
               "SERVICE-GROUP"),
    ExportCase("good whose group row is missing", (simple("NO-GROUP-ROW", GroupID=9999),), "absent", "NO-GROUP-ROW"),
    ExportCase("soft-deleted good", (simple("DELETED-GOOD", Deleted=-1),), "absent", "DELETED-GOOD"),
]  # fmt: skip
# Shop-side traps of the same run (the shop is seeded, its answers rewritten): see export_run().
SHOP_EXPORT_CASES = {
    "shop variant with a null price": "AC6",
    "shop variant and product with unknown attributes": "AC10",
    "one shop key held by two variants": "SH9-GREEN-39",
    "shop variant whose product is missing from the answer": "TS8-RED-XL",
}


@dataclass
class ExportRun:
    report: RunReport
    errors: dict[str, str]
    ids: dict[str, list[int]]
    variants: dict[str, dict[str, Any]]
    products: dict[int, dict[str, Any]]
    expected_skus: set[str]


@pytest.fixture(scope="module")
def export_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ExportRun]:
    tmp = tmp_path_factory.mktemp("bad-goods")
    db = tmp / "demo.db3"
    build_demo_database(db, goods=60, seed=7)
    conn = sqlite3.connect(db)
    untouched = {
        str(r[0]).strip()
        for r in conn.execute(
            "SELECT BarCode2 FROM goods WHERE ID > 1 AND (Deleted IS NULL OR Deleted = 0) AND ABS(GroupID) IN (3, 4, 5)"
        )
    }
    conn.close()
    factory = GoodsFactory(db)
    ids = {case.id: [factory.clone(case.template, **changes) for changes in case.goods] for case in EXPORT_CASES}
    factory.close()

    rules = Rules()
    with pytest.MonkeyPatch.context() as mp, mangled_sandbox(rules) as shop:
        isolate(mp, tmp)
        mp.setenv(KEY_ENV, shop.config.api_key)
        admin = ShopAdmin(shop)
        admin.seed(
            {
                "products": [
                    {"name": "Scarf 6", "category": "Accessories", "sku": "AC6", "price": 100, "quantity": 1},
                    {"name": "Cap 10", "category": "Accessories", "sku": "AC10", "price": 100, "quantity": 1},
                    {"name": "Boots 9", "category": "Shoes", "sku": "SH9-GREEN-39", "price": 100, "quantity": 1},
                    {"name": "Other boots", "category": "Shoes", "sku": "OTHER-BOOT", "price": 100, "quantity": 1},
                    {"name": "Jacket 8", "category": "Clothing", "parameters": ["Color", "Size"], "variants": [
                        {"sku": f"TS8-RED-{s}", "price": 1310, "quantity": 1, "options": ["Red", s]}
                        for s in ("S", "M", "L")
                    ]},
                ]
            }
        )  # fmt: skip

        def null_price(variant: dict[str, Any], document: dict[str, Any]) -> None:
            variant["attributes"]["price"] = None

        def unknown_attributes(variant: dict[str, Any], document: dict[str, Any]) -> None:
            variant["attributes"]["x_loyalty"] = {"points": 3}
            for product in resources(document, "products"):
                product["attributes"]["x_badges"] = ["new", None, 7]

        def second_holder(variant: dict[str, Any], document: dict[str, Any]) -> None:
            variant["attributes"]["sku"] = "SH9-GREEN-39"  # OTHER-BOOT now claims the same SKU

        def product_missing(variant: dict[str, Any], document: dict[str, Any]) -> None:
            product_id = variant["relationships"]["product"]["data"]["id"]
            document["included"] = [
                r for r in document.get("included", []) if not (r["type"] == "products" and r["id"] == product_id)
            ]

        rules.rewrites += [
            on_variant("AC6", null_price),
            on_variant("AC10", unknown_attributes),
            on_variant("OTHER-BOOT", second_holder),
            on_variant("TS8-RED-S", product_missing),
        ]
        server = make_server(shop.url, {"engine": "sqlite", "database": str(db)})
        report = asyncio.run(run_server(server, tasks=["export"]))
        rules.rewrites.clear()
        state = admin_state(shop.url)
        admin.close()
    [task] = report.tasks
    errors: dict[str, str] = {}
    for problem in task.errors:
        errors.setdefault(problem.key, problem.message)
    yield ExportRun(
        report,
        errors,
        ids,
        {v["sku"]: v for v in state["variants"] if v["sku"]},
        {p["id"]: p for p in state["products"]},
        untouched,
    )


@pytest.mark.parametrize("case", _cases_with_bugs(EXPORT_CASES))
def test_bad_good_gets_its_own_error_or_is_handled(case: ExportCase, export_run: ExportRun) -> None:
    key = case.key.replace("{id0}", str(export_run.ids[case.id][0]))
    skus = {changes.get("BarCode2") or "" for changes in case.goods}
    if case.expect == "error":
        assert key in export_run.errors, f"no error for {key!r}; errors: {sorted(export_run.errors)[:40]}"
        for fragment in case.fragments:
            assert fragment in export_run.errors[key], export_run.errors[key]
        assert not (skus - set(case.exported_too)) & set(export_run.variants), "an offender reached the shop"
        assert set(case.exported_too) <= set(export_run.variants)
    elif case.expect == "exported":
        assert key not in export_run.errors, export_run.errors.get(key)
        variant = export_run.variants[key]
        for attribute, value in case.check.items():
            if attribute == "name":
                assert export_run.products[variant["item_id"]]["name"] == value
            else:
                assert variant[attribute] == value, (attribute, variant)
    else:
        assert key not in export_run.errors and key not in export_run.variants


def test_the_other_goods_are_all_exported_despite_the_bad_ones(export_run: ExportRun) -> None:
    task = export_run.report.tasks[0]
    assert task.status == "partial" and task.fatal is None
    # The shop-side traps that must stay errors: the ambiguous key takes its whole product (Boots 9) with it.
    bad_keys = {"TS8-RED-XL"} | {f"SH9-GREEN-{size}" for size in range(39, 44)}
    missing = export_run.expected_skus - bad_keys - set(export_run.variants)
    assert not missing, f"good goods not exported: {sorted(missing)}"
    # Every error names a bad item: nothing good was reported.
    assert not (set(export_run.errors) & (export_run.expected_skus - bad_keys)), export_run.errors


def test_shop_side_traps_of_the_export(export_run: ExportRun) -> None:
    errors, variants = export_run.errors, export_run.variants
    # A null price in the shop is simply different from the warehouse's: it is written.
    assert variants["AC6"]["price"] == 9730 and "AC6" not in errors
    # Unknown attributes are ignored.
    assert variants["AC10"]["price"] == 8870 and "AC10" not in errors
    # One key, two shop variants: never guessed.
    assert "the shop has 2 variants with this key" in errors["SH9-GREEN-39"]
    assert variants["SH9-GREEN-39"]["price"] == 100 and "make it unique" in errors["SH9-GREEN-39"]
    for size in range(40, 44):  # its siblings are not created next to a product that cannot be told apart
        assert "another good of its product has an ambiguous key" in errors[f"SH9-GREEN-{size}"]
    # The new variant of a product the answer did not include is not created blind; its siblings are updated.
    assert "TS8-RED-XL" in errors and "TS8-RED-XL" not in variants
    assert "could not be read" in errors["TS8-RED-XL"] or "ambiguous" in errors["TS8-RED-XL"], errors["TS8-RED-XL"]
    assert {variants[f"TS8-RED-{s}"]["quantity"] for s in ("S", "M", "L")} != {1}


# ======================================================================================================
# C. shop data -> import
# ======================================================================================================


@dataclass(frozen=True)
class OrderCase:
    """One order. ``expect``: "imported" (a document with ``lines`` lines), "waits" (an error item keyed by the
    order id containing every fragment, no document) or "skipped" (neither document nor error)."""

    id: str
    skus: tuple[str, ...]
    expect: str
    fragments: tuple[str, ...] = ()
    lines: int = 0
    change: Callable[[dict[str, Any], list[dict[str, Any]], dict[str, Any]], None] | None = None
    bug: str = ""


def _no_email(order: dict[str, Any], lines: list[dict[str, Any]], doc: dict[str, Any]) -> None:
    order["attributes"]["customer_email"] = None


def _drop_second_line(order: dict[str, Any], lines: list[dict[str, Any]], doc: dict[str, Any]) -> None:
    second = order["relationships"]["products"]["data"][1]["id"]
    doc["included"] = [r for r in doc["included"] if not (r["type"] == "order-products" and r["id"] == second)]


def _no_lines(order: dict[str, Any], lines: list[dict[str, Any]], doc: dict[str, Any]) -> None:
    order["relationships"]["products"]["data"] = []


def _unknown_attributes(order: dict[str, Any], lines: list[dict[str, Any]], doc: dict[str, Any]) -> None:
    order["attributes"].update(x_gift_wrap={"paper": "red"}, x_loyalty_points=12)
    order["relationships"]["x_coupon"] = {"data": {"type": "coupons", "id": "9"}}
    for line in lines:
        line["attributes"]["x_engraving"] = "To Ivan"


def _quantity_zero(order: dict[str, Any], lines: list[dict[str, Any]], doc: dict[str, Any]) -> None:
    lines[0]["attributes"]["quantity"] = 0


def _unknown_status(order: dict[str, Any], lines: list[dict[str, Any]], doc: dict[str, Any]) -> None:
    order["attributes"]["status"] = "on-hold"


def _text_price(order: dict[str, Any], lines: list[dict[str, Any]], doc: dict[str, Any]) -> None:
    lines[0]["attributes"].update(order_price="12,50 EUR", price="12,50 EUR")


IMPORT_CASES = [
    OrderCase("plain order", ("AC2", "SH1-RED-39"), "imported", lines=2),
    OrderCase("an order line with no SKU", ("AC2", "NOSKU-PRODUCT"), "waits",
              ("Line 2 'No SKU product' has no SKU in the shop", "enter this order in Warehouse Pro by hand")),
    OrderCase("a customer without e-mail", ("AC6",), "imported", lines=1, change=_no_email),
    OrderCase("a SKU that matches no good", ("GHOST-1",), "waits",
              ("SKU GHOST-1 (line 1 'Ghost') matches no good in Warehouse Pro", "BarCode2")),
    OrderCase("a SKU that matches two goods", ("TWIN-SKU",), "waits",
              ("SKU TWIN-SKU (line 1 'Twin') matches 2 goods (IDs 13, 33)", "make BarCode2 unique")),
    OrderCase("a SKU of a soft-deleted good", ("OF11",), "waits", ("SKU OF11 (line 1 'Pen 11') matches no good",)),
    OrderCase("a line missing from 'included'", ("AC10", "SH1-RED-40"), "waits", ("line",), change=_drop_second_line),
    OrderCase("no lines at all", ("AC10",), "waits", ("The order has no lines in the shop's answer",),
              change=_no_lines),
    OrderCase("unknown attributes and relationships", ("AC10",), "imported", lines=1, change=_unknown_attributes),
    OrderCase("quantity 0", ("AC10",), "waits", ("Line 1 'Cap 10' has quantity 0; expected more than 0",),
              change=_quantity_zero),
    OrderCase("an unknown status", ("AC10",), "skipped", change=_unknown_status),
    OrderCase("a non-numeric line price", ("AC10",), "waits", ("line 1", "price"), change=_text_price),
    OrderCase("another plain order", ("SH5-RED-39",), "imported", lines=1),
]  # fmt: skip


@dataclass
class ImportRun:
    report: RunReport
    errors: dict[str, str]
    order_ids: dict[str, str]
    documents: dict[str, list[tuple[Any, ...]]]
    partners: dict[str, tuple[str, str]]
    db: ConnectionParams


def import_shop_products() -> list[dict[str, Any]]:
    named = {"AC2": "Wallet 2", "AC6": "Scarf 6", "AC10": "Cap 10", "SH1-RED-39": "Sandals 39",
             "SH1-RED-40": "Sandals 40", "SH5-RED-39": "Boots 39", "OF11": "Pen 11"}  # fmt: skip
    products = [{"name": n, "category": "Shop", "sku": s, "price": 1000, "quantity": 50} for s, n in named.items()]
    products += [
        {"name": "No SKU product", "category": "Shop", "price": 500, "quantity": 50},
        {"name": "Ghost", "category": "Shop", "sku": "GHOST-1", "price": 500, "quantity": 50},
        {"name": "Twin", "category": "Shop", "sku": "TWIN-SKU", "price": 500, "quantity": 50},
    ]
    return products


@pytest.fixture(scope="module")
def import_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ImportRun]:
    tmp = tmp_path_factory.mktemp("bad-orders")
    db = tmp / "demo.db3"
    build_demo_database(db, goods=60, seed=7)
    params = ConnectionParams("sqlite", str(db))
    sql_rows(params, "UPDATE goods SET BarCode2 = 'TWIN-SKU' WHERE ID IN (13, 33)")
    sql_rows(params, "UPDATE goods SET Deleted = -1 WHERE BarCode2 = 'OF11'")
    rules = Rules()
    with pytest.MonkeyPatch.context() as mp, mangled_sandbox(rules) as sandbox:
        isolate(mp, tmp)
        mp.setenv(KEY_ENV, sandbox.config.api_key)
        shop = ShopAdmin(sandbox)
        created = shop.seed({"products": import_shop_products()})["created"]["products"]
        nosku_product = created[7]
        order_ids: dict[str, str] = {}
        for n, case in enumerate(IMPORT_CASES):
            lines = [{"product_id": nosku_product} if s == "NOSKU-PRODUCT" else {"sku": s} for s in case.skus]
            body = {
                "customer": {"first_name": "Case", "last_name": f"No{n}", "email": f"case{n}@example.com"},
                "status": "paid",
                "date_added": shop_date(n),
                "lines": lines,
            }
            order_ids[case.id] = str(shop._ok(shop.http.post("/admin/orders", json=body))["id"])
            if case.change is not None:
                rules.rewrites.append(on_order(order_ids[case.id], case.change))
        server = make_server(sandbox.url, warehouse_section(params))
        report = asyncio.run(run_server(server, tasks=["import"]))
        shop.close()
    [task] = report.tasks
    errors: dict[str, str] = {}
    for problem in task.errors:
        errors.setdefault(problem.key, problem.message)
    partners = {
        str(r[0]).split(" (")[0].removeprefix("CloudCart order "): (str(r[1]).strip(), str(r[2]).strip())
        for r in sql_rows(
            params,
            "SELECT DISTINCT o.Note, p.Company, p.eMail FROM operations o JOIN partners p ON p.ID = o.PartnerID "
            "WHERE o.OperType = 19 AND o.Note LIKE 'CloudCart order %'",
        )
    }
    yield ImportRun(report, errors, order_ids, order_documents(params), partners, params)


@pytest.mark.parametrize("case", _cases_with_bugs(IMPORT_CASES))
def test_bad_order_gets_its_own_error_or_is_handled(case: OrderCase, import_run: ImportRun) -> None:
    order_id = import_run.order_ids[case.id]
    if case.expect == "imported":
        assert order_id not in import_run.errors, import_run.errors.get(order_id)
        assert len(import_run.documents[order_id]) == case.lines
    elif case.expect == "waits":
        assert order_id not in import_run.documents, "a document was written for an order that should wait"
        message = import_run.errors.get(order_id, "")
        assert message.startswith(f"Order {order_id} waits (needs attention): "), import_run.errors
        for fragment in case.fragments:  # (the case of the product name: see the test below)
            assert fragment.lower() in message.lower(), message
    else:
        assert order_id not in import_run.documents and order_id not in import_run.errors


def test_the_line_named_in_a_waiting_order_keeps_its_product_name(import_run: ImportRun) -> None:
    message = import_run.errors[import_run.order_ids["quantity 0"]]
    assert "Line 1 'Cap 10' has quantity 0" in message, message


def test_a_customer_without_e_mail_becomes_a_partner_by_name(import_run: ImportRun) -> None:
    order_id = import_run.order_ids["a customer without e-mail"]
    n = [c.id for c in IMPORT_CASES].index("a customer without e-mail")
    assert import_run.partners[order_id] == (f"Case No{n}", "")


def test_the_good_orders_are_imported_despite_the_bad_ones(import_run: ImportRun) -> None:
    task = import_run.report.tasks[0]
    assert task.fatal is None and task.status == "partial"
    good = [c for c in IMPORT_CASES if c.expect == "imported"]
    assert task.counts["orders_imported"] >= len(good)
    for case in good:
        assert import_run.order_ids[case.id] in import_run.documents
    assert set(ledger_rows(import_run.db)) == set(import_run.documents)
    waiting = {import_run.order_ids[c.id] for c in IMPORT_CASES if c.expect == "waits" and not c.bug}
    assert waiting <= set(import_run.errors)
    assert set(import_run.errors) <= {import_run.order_ids[c.id] for c in IMPORT_CASES if c.expect == "waits"}


# -- pull products --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PullCase:
    id: str
    sku: str
    expect: str  # "created" (check: column -> value), "skipped" (an item with the fragments) or "not-created"
    fragments: tuple[str, ...] = ()
    check: dict[str, Any] = field(default_factory=dict)
    change: Callable[[dict[str, Any], dict[str, Any]], None] | None = None
    bug: str = ""
    absent: tuple[str, ...] = ()  # SKUs that must not become goods


def _variant_null_price(variant: dict[str, Any], doc: dict[str, Any]) -> None:
    variant["attributes"]["price"] = None


def _variant_without_product(variant: dict[str, Any], doc: dict[str, Any]) -> None:
    variant["relationships"].pop("product", None)


def _variant_without_any_product_id(variant: dict[str, Any], doc: dict[str, Any]) -> None:
    variant["relationships"].pop("product", None)
    variant["attributes"].pop("item_id", None)


def _variant_unknown_attributes(variant: dict[str, Any], doc: dict[str, Any]) -> None:
    variant["attributes"].update(x_color_hex="#ff0000", x_tags=[1, 2])
    variant["relationships"]["x_supplier"] = {"data": None}


def _variant_shares_sku(variant: dict[str, Any], doc: dict[str, Any]) -> None:
    variant["attributes"]["sku"] = "PULL-SHARED"


PULL_CASES = [
    PullCase("a plain product", "PULL-OK", "created", check={"Name": "Plain lamp", "PriceOut2": 19.9}),
    PullCase("a variant with a null price", "PULL-NULLPRICE", "created", check={"PriceOut2": 0.0},
             change=_variant_null_price),
    PullCase("a variant whose product relationship is missing (item_id kept)", "PULL-NOREL", "created",
             check={"Name": "PULL-NOREL"}, change=_variant_without_product),
    PullCase("unknown attributes", "PULL-EXTRA", "created", check={"Name": "Extra vase"},
             change=_variant_unknown_attributes),
    PullCase("a variant without a SKU", "", "skipped", ("'No key product' has no SKU in the shop",)),
    PullCase("two variants sharing a SKU", "PULL-SHARED", "skipped",
             ("SKU PULL-SHARED is used by 2 shop variants", "make it unique in CloudCart"),
             absent=("PULL-SHARED", "PULL-SHARED-2")),
    PullCase("variants without any product id", "PULL-ORPHAN-1", "skipped", ("PULL-ORPHAN-1",),
             change=_variant_without_any_product_id, absent=("PULL-ORPHAN-1", "PULL-ORPHAN-2")),
]  # fmt: skip


@dataclass
class PullRun:
    report: RunReport
    items: dict[str, str]
    goods: dict[str, dict[str, Any]]


@pytest.fixture(scope="module")
def pull_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PullRun]:
    tmp = tmp_path_factory.mktemp("bad-pull")
    db = tmp / "demo.db3"
    build_demo_database(db, goods=60, seed=7)
    params = ConnectionParams("sqlite", str(db))
    rules = Rules(
        rewrites=[
            on_variant("PULL-NULLPRICE", _variant_null_price),
            on_variant("PULL-NOREL", _variant_without_product),
            on_variant("PULL-EXTRA", _variant_unknown_attributes),
            on_variant("PULL-SHARED-2", _variant_shares_sku),
            on_variant("PULL-ORPHAN-1", _variant_without_any_product_id),
            on_variant("PULL-ORPHAN-2", _variant_without_any_product_id),
        ]
    )
    with pytest.MonkeyPatch.context() as mp, mangled_sandbox(rules) as sandbox:
        isolate(mp, tmp)
        mp.setenv(KEY_ENV, sandbox.config.api_key)
        products = [
            ("Plain lamp", "PULL-OK"), ("Null price vase", "PULL-NULLPRICE"), ("No relationship", "PULL-NOREL"),
            ("Extra vase", "PULL-EXTRA"), ("Shared A", "PULL-SHARED"), ("Shared B", "PULL-SHARED-2"),
            ("Orphan one", "PULL-ORPHAN-1"), ("Orphan two", "PULL-ORPHAN-2"), ("No key product", None),
            ("Wallet 2", "AC2"),
        ]  # fmt: skip
        spec = [{"name": n, "category": "Pull", "price": 1990, "quantity": 3, **({"sku": s} if s else {})}
                for n, s in products]  # fmt: skip
        httpx.post(sandbox.url + "/admin/seed", json={"products": spec}, timeout=10).raise_for_status()
        server = make_server(sandbox.url, warehouse_section(params), **{"import": {"pull_products": True}})
        report = asyncio.run(run_server(server, tasks=["import"]))
    [task] = report.tasks
    items = {item.key: item.detail for item in task.items if item.action == "skipped"}
    columns = ("BarCode2", "Code", "Name", "PriceOut2", "Catalog1")
    goods = {
        str(r[0]).strip(): dict(zip(columns, [str(v).strip() if isinstance(v, str) else v for v in r], strict=True))
        for r in sql_rows(params, f"SELECT {', '.join(columns)} FROM goods WHERE BarCode2 LIKE 'PULL-%'")
    }
    yield PullRun(report, items, goods)


@pytest.mark.parametrize("case", _cases_with_bugs(PULL_CASES))
def test_bad_shop_variant_is_pulled_or_skipped_precisely(case: PullCase, pull_run: PullRun) -> None:
    if case.expect == "created":
        good = pull_run.goods[case.sku]
        for column, value in case.check.items():
            assert good[column] == value, good
    else:
        texts = [f"{k}: {v}" for k, v in pull_run.items.items()]
        matching = [t for t in texts if all(f in t for f in case.fragments)]
        assert matching, texts
        assert not set(case.absent) & set(pull_run.goods)


def test_the_pull_goes_on_past_the_bad_variants(pull_run: PullRun) -> None:
    task = pull_run.report.tasks[0]
    assert task.status == "ok" and task.fatal is None
    assert {"PULL-OK", "PULL-NULLPRICE", "PULL-NOREL", "PULL-EXTRA"} <= set(pull_run.goods)
    assert task.counts["goods_matched"] == 1  # AC2 exists in the warehouse
    assert "PULL-SHARED" not in pull_run.goods and "PULL-SHARED-2" not in pull_run.goods


# -- whole answers that are not what the API promises -----------------------------------------------------
def _orders_list(path: str) -> bool:
    return path == "/api/v2/orders"


WHOLE_ANSWERS: list[tuple[str, Replace | None, Rewrite | None, tuple[str, ...]]] = [
    ("malformed JSON:API (an order without id)", None,
     lambda path, doc: doc["data"][0].pop("id") if _orders_list(path) and doc.get("data") else None,
     ("Unexpected answer from CloudCart", "malformed JSON:API document (data[0] has no id)")),
    ("an HTML page with status 200", lambda path, query: (
        200, "text/html", b"<html><body><h1>Please log in to the Wi-Fi</h1></body></html>")
     if _orders_list(path) else None, None, ("Unexpected answer from CloudCart", "GET /orders with a web page (200)")),
    ("truncated JSON", lambda path, query: (200, "application/vnd.api+json", b'{"data": [{"type": "orders", "id": "1"')
     if _orders_list(path) else None, None, ("Unexpected answer from CloudCart",)),
    ("'included' is not a list", None,
     lambda path, doc: doc.update(included={"oops": 1}) if _orders_list(path) else None,
     ("malformed JSON:API document ('included' is not a list)",)),
]  # fmt: skip


@pytest.mark.parametrize(("case", "replace", "rewrite", "fragments"), WHOLE_ANSWERS, ids=[w[0] for w in WHOLE_ANSWERS])
async def test_a_broken_answer_fails_the_import_precisely_and_the_export_still_runs(
    case: str,
    replace: Replace | None,
    rewrite: Rewrite | None,
    fragments: tuple[str, ...],
    demo_db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rules = Rules(rewrites=[rewrite] if rewrite else [], replaces=[replace] if replace else [])
    with mangled_sandbox(rules) as sandbox:
        monkeypatch.setenv(KEY_ENV, sandbox.config.api_key)
        shop = ShopAdmin(sandbox)
        shop.seed({"products": [{"name": "Wallet", "category": "Shop", "sku": "AC2", "price": 100, "quantity": 1}]})
        shop.order(["AC2"], date_added=shop_date(0))
        server = make_server(sandbox.url, {"engine": "sqlite", "database": str(demo_db_path)},
                             **{"import": {"start": "on-server-start"}})  # fmt: skip
        report = await run_server(server)
        shop.close()
        variants = admin_state(sandbox.url)["counts"]["variants"]
    imp, exp = report.tasks
    assert imp.task == "import" and imp.status == "failed", imp.to_dict()
    for fragment in fragments:
        assert fragment in f"{imp.fatal_title}: {imp.fatal}", imp.fatal
    assert exp.task == "export" and exp.status == "ok", exp.to_dict()
    assert variants > 40 and exp.counts["created"] > 40
    assert order_documents(ConnectionParams("sqlite", str(demo_db_path))) == {}


@pytest.fixture
def demo_db_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db3"
    build_demo_database(path, goods=60, seed=7)
    return path


def _bad_date(order: dict[str, Any], lines: list[dict[str, Any]], doc: dict[str, Any]) -> None:
    order["attributes"]["date_added"] = "yesterday at noon"


def _bad_quantity(order: dict[str, Any], lines: list[dict[str, Any]], doc: dict[str, Any]) -> None:
    lines[0]["attributes"]["quantity"] = "two"


@pytest.mark.parametrize(
    ("change", "fragment"), [(_bad_date, "yesterday at noon"), (_bad_quantity, "'two'")], ids=["date", "quantity"]
)
async def test_one_order_with_a_malformed_value_does_not_stop_the_others(
    change: Callable[[dict[str, Any], list[dict[str, Any]], dict[str, Any]], None],
    fragment: str,
    demo_db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rules = Rules()
    with mangled_sandbox(rules) as sandbox:
        monkeypatch.setenv(KEY_ENV, sandbox.config.api_key)
        shop = ShopAdmin(sandbox)
        shop.seed({"products": [{"name": "Wallet", "category": "Shop", "sku": "AC2", "price": 100, "quantity": 9}]})
        ids = [str(shop.order(["AC2"], date_added=shop_date(n))["id"]) for n in range(3)]
        rules.rewrites.append(on_order(ids[1], change))
        report = await run_server(make_server(sandbox.url, {"engine": "sqlite", "database": str(demo_db_path)}),
                                  tasks=["import"])  # fmt: skip
        shop.close()
    [task] = report.tasks
    assert task.fatal is None, f"{task.fatal_title}: {task.fatal}"
    assert set(order_documents(ConnectionParams("sqlite", str(demo_db_path)))) == {ids[0], ids[2]}
    assert [e.key for e in task.errors] == [ids[1]] and fragment in task.errors[0].message


# ======================================================================================================
# D. 4-byte characters on utf8 (utf8mb3) MariaDB tables
# ======================================================================================================


@dataclass
class MariaRun:
    report: RunReport
    errors: dict[str, str]
    documents: dict[str, list[tuple[Any, ...]]]
    order_ids: list[str]
    charset: str
    params: ConnectionParams


def _utf8_mariadb(params: ConnectionParams) -> str:
    rows = sql_rows(
        params,
        "SELECT CHARACTER_SET_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
        "AND TABLE_NAME IN ('goods', 'partners') AND COLUMN_NAME IN ('Name', 'Company')",
    )
    return ",".join(sorted({str(r[0]) for r in rows}))


def _maria_run(pull: bool, tmp: Path) -> Iterator[MariaRun]:
    reason = mysql_available()
    if reason:
        pytest.skip(reason)
    with scratch_mysql_database() as params, pytest.MonkeyPatch.context() as mp, SandboxServer(
        SandboxConfig(rate_limit=100_000)
    ) as sandbox:  # fmt: skip
        build_demo_mysql(params, goods=60, seed=7)
        isolate(mp, tmp)
        mp.setenv(KEY_ENV, sandbox.config.api_key)
        shop = ShopAdmin(sandbox)
        products = [{"name": "Wallet", "category": "Shop", "sku": "AC2", "price": 100, "quantity": 9}]
        if pull:
            products += [
                {"name": f"Party mug {EMOJI}", "category": "Shop", "sku": "EMOJI-MUG", "price": 100, "quantity": 9},
                {"name": "Plain mug", "category": "Shop", "sku": "PLAIN-MUG", "price": 100, "quantity": 9},
            ]
        shop.seed({"products": products})
        ids = [
            str(shop.order(["AC2"], first_name=name, email=f"m{n}@example.com", date_added=shop_date(n))["id"])
            for n, name in enumerate(["Maria", f"Ivan {EMOJI}", "Petar"])
        ]
        sections = {"import": {"pull_products": pull}}
        server: ServerSettings = make_server(sandbox.url, warehouse_section(params), **sections)
        report = asyncio.run(run_server(server, tasks=["import"]))
        shop.close()
        [task] = report.tasks
        errors = {e.key: e.message for e in task.errors}
        yield MariaRun(report, errors, order_documents(params), ids, _utf8_mariadb(params), params)


@pytest.fixture(scope="module")
def maria_orders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MariaRun]:
    yield from _maria_run(False, tmp_path_factory.mktemp("maria-orders"))


@pytest.fixture(scope="module")
def maria_pull(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MariaRun]:
    yield from _maria_run(True, tmp_path_factory.mktemp("maria-pull"))


@pytest.mark.mariadb
def test_an_emoji_customer_name_on_utf8_tables_waits_alone(maria_orders: MariaRun) -> None:
    assert maria_orders.charset == "utf8mb3"  # Warehouse's own DDL: CHARSET=utf8
    maria, ivan, petar = maria_orders.order_ids
    assert set(maria_orders.documents) == {maria, petar}
    message = maria_orders.errors[ivan]
    assert message.startswith(f"Order {ivan} waits (needs attention): ")
    assert f"Company (partners) contains '{EMOJI}'" in message and "utf8mb4" in message
    assert set(maria_orders.errors) == {ivan}


@pytest.mark.mariadb
def test_an_emoji_product_name_on_utf8_tables_is_one_error_in_the_pull(maria_pull: MariaRun) -> None:
    task = maria_pull.report.tasks[0]
    assert task.fatal is None, f"{task.fatal_title}: {task.fatal}"
    assert "EMOJI-MUG" in maria_pull.errors and f"'{EMOJI}'" in maria_pull.errors["EMOJI-MUG"]
    plain = sql_rows(maria_pull.params, "SELECT COUNT(*) FROM goods WHERE BarCode2 = 'PLAIN-MUG'")[0][0]
    assert plain == 1
    maria, _, petar = maria_pull.order_ids
    assert {maria, petar} <= set(maria_pull.documents)
