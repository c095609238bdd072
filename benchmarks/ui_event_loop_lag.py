"""Event-loop lag of the window while an export of 10,000 goods runs (a script, not a test).

    QT_QPA_PLATFORM=offscreen python benchmarks/ui_event_loop_lag.py [--goods 10000]

It builds a demo Warehouse Pro SQLite database with N goods, starts the sandbox shop on loopback, opens
the real main window on the qasync loop, presses **Start** and, until the success dialog opens, measures:

* asyncio lag: how late ``asyncio.sleep(0.01)`` wakes up;
* Qt lag: how late a 10 ms ``QTimer`` fires (what the operator feels: repaint, clicks).

Prints p50 / p99 / max of both (ms), the run time and the number of progress events. A responsive
window keeps p99 well under 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["UTILITY_CENTER_HOME"] = tempfile.mkdtemp(prefix="uc-lag-")

import qasync  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.domain.settings import parse_settings  # noqa: E402
from app.sandbox import DEMO_API_KEY, SandboxConfig  # noqa: E402
from app.sandbox.server import SandboxServer  # noqa: E402
from app.servers.secrets import SecretStore  # noqa: E402
from app.servers.store import ServerStore  # noqa: E402
from app.ui.qt_compat import guard_refcount_bug  # noqa: E402
from app.warehouse.demo import build_demo_database  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def line(name: str, lags: list[float]) -> str:
    ms = [v * 1000 for v in lags]
    mean = statistics.fmean(ms) if ms else float("nan")
    return (f"{name:<12} samples {len(ms):>6}  p50 {percentile(ms, 0.5):7.1f} ms  p99 {percentile(ms, 0.99):7.1f} ms"
            f"  max {max(ms, default=float('nan')):7.1f} ms  mean {mean:6.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--goods", type=int, default=10_000)
    parser.add_argument("--timeout", type=float, default=1800)
    args = parser.parse_args()

    import keyring

    from tests.support.file_keyring import FileKeyring

    os.environ["UC_TEST_KEYRING_FILE"] = str(Path(os.environ["UTILITY_CENTER_HOME"]) / "keyring.json")
    keyring.set_keyring(FileKeyring())
    guard_refcount_bug()

    db = Path(os.environ["UTILITY_CENTER_HOME"]) / "warehouse.db3"
    started = time.monotonic()
    build_demo_database(db, goods=args.goods)
    print(f"demo database: {args.goods} goods in {time.monotonic() - started:.1f} s")

    app = QApplication(sys.argv)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    from app.ui.main_window import MainWindow

    with SandboxServer(SandboxConfig(rate_limit=1_000_000)) as shop:
        data = {
            "name": "Lag benchmark",
            "shop": {"api_identifier": shop.url},
            "warehouse": {"engine": "sqlite", "database": str(db)},
            "import": {"start": "off"},
            "export": {"start": "on-server-start", "object": "Online shop",
                       "quantity_object_groups": ["Warehouses"], "goods_groups": ["Web shop"]},
        }
        server = ServerStore().add(parse_settings(data))
        SecretStore().set(server.id, "api-key", DEMO_API_KEY)
        window = MainWindow()
        window.show()
        progress: list[object] = []
        window.bridge.progress.connect(progress.append)

        asyncio_lags: list[float] = []
        qt_lags: list[float] = []
        last_tick = [time.monotonic()]
        timer = QTimer()
        timer.setInterval(10)

        def tick() -> None:
            now = time.monotonic()
            qt_lags.append(max(0.0, now - last_tick[0] - 0.010))
            last_tick[0] = now

        timer.timeout.connect(tick)

        async def measure() -> float:
            window.servers.select(server.id)
            window.start_action.trigger()
            last_tick[0] = time.monotonic()
            timer.start()
            begin = time.monotonic()
            while window.presenter.last() is None:
                t0 = time.monotonic()
                await asyncio.sleep(0.010)
                asyncio_lags.append(max(0.0, time.monotonic() - t0 - 0.010))
                if time.monotonic() - begin > args.timeout:
                    raise SystemExit("timed out")
            timer.stop()
            return time.monotonic() - begin

        with loop:
            duration = loop.run_until_complete(measure())
            shown = window.presenter.last()
            print(f"run: {duration:.1f} s, {len(progress)} progress events; dialog: {shown.title}: {shown.text}")
            print(line("asyncio lag", asyncio_lags))
            print(line("Qt lag", qt_lags))
            window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
