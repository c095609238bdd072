"""Run every benchmark, collect the figures, rewrite docs/performance.md.

    .venv/bin/python benchmarks/run_all.py            # full sizes, 7-10 minutes on 2 CPUs
    .venv/bin/python benchmarks/run_all.py --quick    # small sizes, a smoke test of the runner (1-2 minutes)
    .venv/bin/python benchmarks/run_all.py --no-write # print the table, leave docs/performance.md alone

Each script runs in its own subprocess with a time bound (killed when it overruns; the table then says so).
The CPU-bound scripts run one after the other so that they do not disturb each other's figures; the order
latency benchmark, which mostly waits for its one-minute schedule, runs beside them from the start. A script
that is missing or fails is reported in the table instead of stopping the others.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "performance.md"
PYTHON = sys.executable


@dataclass
class Bench:
    name: str
    script: str
    args: list[str]
    quick_args: list[str]
    timeout_s: float
    background: bool = False  # runs beside the sequential chain
    env: dict[str, str] = field(default_factory=dict)
    # filled in by run()
    output: str = ""
    status: str = "not run"
    seconds: float = 0.0

    @property
    def path(self) -> Path:
        return ROOT / "benchmarks" / self.script


BENCHES = [
    Bench("API efficiency", "export_api_calls.py", ["--goods", "10000", "--changed", "100", "--naive-sample", "1000"],
          ["--goods", "1000", "--changed", "20", "--naive-sample", "200"], 600),
    Bench("Rate-limit use", "rate_limit_use.py", ["--calls", "1000", "--limit", "100", "--window", "6"],
          ["--calls", "300", "--limit", "50", "--window", "3"], 300),
    Bench("Warehouse reads", "warehouse_reads.py", ["--goods", "100000"], ["--goods", "10000"], 600),
    Bench("Window responsiveness", "ui_event_loop_lag.py", ["--goods", "10000", "--timeout", "600"],
          ["--goods", "1000", "--timeout", "300"], 720, env={"QT_QPA_PLATFORM": "offscreen"}),
    Bench("Order latency", "order_latency.py", ["--seconds", "100", "--orders", "8", "--every", "every:1m"],
          ["--seconds", "20", "--orders", "3", "--every", "every:1m"], 420, background=True),
]  # fmt: skip


def run(bench: Bench, quick: bool) -> None:
    if not bench.path.exists():
        bench.status = "missing"
        return
    command = [PYTHON, str(bench.path), *(bench.quick_args if quick else bench.args)]
    env = {**os.environ, "PYTHONPATH": str(ROOT), **bench.env}
    started = time.monotonic()
    print(f"[run_all] start  {bench.name}: {' '.join(command[1:])}", flush=True)
    try:
        done = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=bench.timeout_s, check=False
        )
        bench.output = done.stdout + ("\n" + done.stderr if done.returncode not in (0, 1) else "")
        bench.status = "ok" if done.returncode == 0 else f"exit {done.returncode}"
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        bench.output = out
        bench.status = f"killed after {bench.timeout_s:.0f} s"
    bench.seconds = time.monotonic() - started
    print(f"[run_all] finish {bench.name}: {bench.status} in {bench.seconds:.0f} s", flush=True)


# -- the machine -------------------------------------------------------------------------------------------
def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gb() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 1024 / 1024:.0f} GB RAM"
    except OSError:
        pass
    return "RAM unknown"


def _mariadb_version() -> str:
    try:
        import pymysql

        connection = pymysql.connect(host="127.0.0.1", port=3306, user="root", password="", connect_timeout=3)
        with connection.cursor() as cursor:
            cursor.execute("SELECT VERSION()")
            version = str(cursor.fetchone()[0])
        connection.close()
        return f"MariaDB {version}"
    except Exception as exc:
        return f"MariaDB not reachable ({type(exc).__name__})"


def machine() -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return (
        f"{_cpu_model()}, {os.cpu_count()} logical CPUs, {_memory_gb()}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; {_mariadb_version()}; load average at start {load}"
    )


# -- figures -----------------------------------------------------------------------------------------------
Row = tuple[str, str, str]  # figure, value, goal


def _find(pattern: str, text: str) -> re.Match[str] | None:
    return re.search(pattern, text, re.MULTILINE)


def export_rows(b: Bench) -> list[Row]:
    out, rows = b.output, []
    for label, goal in (("first export", "⌈N/100⌉ + ≈ N creations"), ("no-change re-export", "⌈N/100⌉"),
                        (r"\d+ prices changed", "⌈N/100⌉ + k")):  # fmt: skip
        m = _find(rf"^({label})\s+(\d+)\s+([\d.]+)", out)
        if m:
            rows.append((f"Export: {m.group(1)}", f"{int(m.group(2)):,} calls, {m.group(3)} s", goal))
    m = _find(r"calls per changed item \(beyond the (\d+) reading calls\): ([\d.]+)", out)
    if m:
        rows.append(("Export: calls per changed item", f"{m.group(2)} (beyond {m.group(1)} reading calls)", "≈ 1"))
    m = _find(r"naive per-good approach: (\d+) calls for (\d+) goods in ([\d.]+) s -> about (\d+) calls for (\d+)", out)
    if m:
        rows.append((
            "Naive per-good tool (2 calls per good)",
            f"{int(m.group(4)):,} calls for {int(m.group(5)):,} goods, every run (measured {m.group(1)} calls "
            f"for {m.group(2)} goods in {m.group(3)} s)",
            "for comparison",
        ))  # fmt: skip
    m = _find(r"demo warehouse with (\d+) goods", out)
    if m and rows:
        rows[0] = (rows[0][0] + f" (N = {int(m.group(1)):,} goods)", rows[0][1], rows[0][2])
    return rows


def rate_rows(b: Bench) -> list[Row]:
    out, rows = b.output, []
    setup = _find(r"^limit (\d+) per ([\d.]+) s window, concurrency (\d+)", out)
    m = _find(r"^budget use\s+([\d.]+) %", out)
    if m:
        where = f" (limit {setup.group(1)} per {setup.group(2)} s, concurrency {setup.group(3)})" if setup else ""
        rows.append((f"Rate-limit budget used{where}", f"{m.group(1)} %", "≥ 90 %"))
    m = _find(r"^429 answers\s+(\d+) = ([\d.]+) per 1,000 calls", out)
    if m:
        rows.append(("429 answers per 1,000 calls", f"{m.group(2)} ({m.group(1)} in all)", "≤ 1"))
    return rows


def reads_rows(b: Bench) -> list[Row]:
    rows = []
    engines = ["SQLite", "MariaDB (pymysql)", "MariaDB (ODBC)"]
    goods = _find(r"^SQLite, (\d+) goods", b.output)
    size = f"{int(goods.group(1)):,} goods" if goods else "goods"
    pattern = r"goods\+stock\+open orders:\s+([\d.]+) s, peak Python memory\s+([\d.]+) MB"
    for engine, m in zip(engines, re.finditer(pattern, b.output), strict=False):
        rows.append((f"Warehouse reads, {size} over 5 objects: {engine}", f"{m.group(1)} s, peak {m.group(2)} MB",
                     "seconds, bounded memory"))  # fmt: skip
    return rows


def lag_rows(b: Bench) -> list[Row]:
    rows = []
    run_line = _find(r"^run: ([\d.]+) s", b.output)
    goods = _find(r"^demo database: (\d+) goods", b.output)
    during = f" during a {int(goods.group(1)):,}-goods export" if goods else ""
    for name in ("asyncio lag", "Qt lag"):
        m = _find(rf"^{name}\s+samples\s+(\d+)\s+p50\s+([\d.]+) ms\s+p99\s+([\d.]+) ms\s+max\s+([\d.]+) ms", b.output)
        if m:
            took = f"; the export took {run_line.group(1)} s" if run_line and name == "Qt lag" else ""
            value = f"p50 {m.group(2)} ms, p99 {m.group(3)} ms, max {m.group(4)} ms{took}"
            rows.append((f"Window event-loop lag ({name}){during}", value, "p99 < 100 ms"))
    return rows


def latency_rows(b: Bench) -> list[Row]:
    m = _find(r"^latency: min ([\d.]+) s, median ([\d.]+) s, p90 ([\d.]+) s, max ([\d.]+) s", b.output)
    setup = _find(r"^schedule (\S+), (\d+) orders over (\d+) s", b.output)
    if not m:
        return []
    where = f" ({setup.group(1)}, {setup.group(2)} orders)" if setup else ""
    runs = len(re.findall(r"^\s+run at ", b.output, re.MULTILINE))
    return [(f"Order latency, shop -> Warehouse document{where}",
             f"median {m.group(2)} s, p90 {m.group(3)} s, max {m.group(4)} s (min {m.group(1)} s; {runs} runs)",
             "≈ interval/2 on average, ≤ interval + one run")]  # fmt: skip


PARSERS: dict[str, Callable[[Bench], list[Row]]] = {
    "export_api_calls.py": export_rows,
    "rate_limit_use.py": rate_rows,
    "warehouse_reads.py": reads_rows,
    "ui_event_loop_lag.py": lag_rows,
    "order_latency.py": latency_rows,
}


def table(benches: list[Bench]) -> str:
    lines = ["| Figure | Measured | Goal | Script |", "|---|---|---|---|"]
    for bench in benches:
        rows = PARSERS[bench.script](bench) if bench.status not in ("missing", "not run") else []
        if bench.status == "missing":
            rows = [(bench.name, f"not measured: benchmarks/{bench.script} does not exist yet", "")]
        elif not rows:
            rows = [(bench.name, f"no figures ({bench.status}); see the output below", "")]
        for figure, value, goal in rows:
            note = "" if bench.status == "ok" else f" ({bench.status})"
            lines.append(f"| {figure} | {value}{note} | {goal} | `{bench.script}` |")
    return "\n".join(lines)


def document(benches: list[Bench], quick: bool, started: dt.datetime, total_s: float, host: str) -> str:
    outputs = []
    for bench in benches:
        args = " ".join(bench.quick_args if quick else bench.args)
        body = bench.output.strip() or "(no output)"
        outputs.append(
            f"### {bench.name}: `benchmarks/{bench.script} {args}`\n\n{bench.status}, {bench.seconds:.0f} s\n\n"
            f"```\n{body}\n```"
        )
    size = "quick sizes (`--quick`), not the tracker's" if quick else "the tracker's sizes"
    return f"""# Performance

Measured by `benchmarks/run_all.py` on {started:%Y-%m-%d %H:%M} UTC ({size}; the whole run took {total_s / 60:.1f}
minutes). Everything runs on one machine over loopback: the sandbox shop (`app/sandbox`), demo Warehouse Pro
databases (SQLite files and scratch MariaDB databases) and the real sync code. Loopback has no network
latency, so the seconds below are this computer's work; against the real CloudCart the rate limit decides
(e.g. 100 requests a minute on the Pro plan: every 100 API calls of the table take about a minute).

**Machine:** {host}

## Latest figures

{table(benches)}

What the figures mean:

* **API efficiency**: the export reads the shop once (`GET /variants?include=product`, 100 per page:
  ⌈N/100⌉ calls) and writes only the differences, so a run with k changed goods of N costs ⌈N/100⌉ + k calls;
  a naive tool that looks every good up and writes it costs 2 calls per good on every run.
* **Rate-limit use**: the share of the shop's request budget the client turns into requests (the best possible
  duration for that many calls under the sliding window, divided by the measured duration), and how often it
  still meets a 429 (the window is shortened from 60 s so the run is short; the pacing logic is the same).
* **Warehouse reads**: goods + stock + open orders of 100,000 goods over an object group of 5 objects, wall
  time and peak Python memory (tracemalloc), per engine/driver.
* **Window responsiveness**: how late a 10 ms `asyncio.sleep` and a 10 ms `QTimer` wake up while the window
  runs a 10,000-goods export (what the operator feels as stutter).
* **Order latency**: from placing an order in the shop to its Warehouse document, with the import started
  `every:1m` by the same scheduler the window uses.

## How to reproduce

```
.venv/bin/python benchmarks/run_all.py          # all of them, rewrites this file (7-10 minutes on 2 CPUs)
.venv/bin/python benchmarks/run_all.py --quick  # small sizes: checks the scripts and the runner (1-2 minutes)
```

Each script also runs on its own (see its docstring for its options), e.g.
`.venv/bin/python benchmarks/export_api_calls.py --goods 10000`. MariaDB is expected on 127.0.0.1:3306
(root, no password); without it the MariaDB rows are missing. The window benchmark needs PySide6 and runs
offscreen (`QT_QPA_PLATFORM=offscreen`). Figures vary with the load of the machine (the load average at the
start is printed above): compare runs on an idle machine.

## Raw output of the latest run

{chr(10).join(outputs)}
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes (a smoke test of the runner)")
    parser.add_argument("--no-write", action="store_true", help="print the table, do not rewrite the doc")
    parser.add_argument("--only", nargs="*", help="run only these scripts (e.g. rate_limit_use.py)")
    args = parser.parse_args()
    benches = [b for b in BENCHES if not args.only or b.script in args.only]
    host = machine()
    print(f"[run_all] machine: {host}", flush=True)
    started, t0 = dt.datetime.now(dt.UTC), time.monotonic()
    background = [threading.Thread(target=run, args=(b, args.quick)) for b in benches if b.background]
    for thread in background:
        thread.start()
    for bench in benches:
        if not bench.background:
            run(bench, args.quick)
    for thread in background:
        thread.join()
    total = time.monotonic() - t0
    print(table(benches))
    if not args.no_write:
        DOC.write_text(document(benches, args.quick, started, total, host), encoding="utf-8")
        print(f"[run_all] wrote {DOC.relative_to(ROOT)}")
    return 0 if all(b.status == "ok" for b in benches) else 1


if __name__ == "__main__":
    raise SystemExit(main())
