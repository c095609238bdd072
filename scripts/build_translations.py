"""Build the window's translations: ``resources/translations/uc_<lang>.ts`` -> ``uc_<lang>.qm``.

    python scripts/build_translations.py            # compile every .ts into a .qm beside it
    python scripts/build_translations.py --update   # first refresh the .ts from the sources (pyside6-lupdate)
    python scripts/build_translations.py --out DIR  # write the .qm files into DIR

The tools are Qt's own, shipped with PySide6-Essentials (``pyside6-lupdate``, ``pyside6-lrelease``).
The .qm files are generated (not in git); translate new strings in the .ts files with Qt Linguist.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
SOURCES = ROOT / "app" / "ui"


def tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials (it ships {name}).")
    return found


def update() -> None:
    sources = sorted(str(p) for p in SOURCES.glob("*.py"))
    targets = sorted(str(p) for p in TS_DIR.glob("uc_*.ts"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", *targets, "-no-obsolete"], check=True)


def build(out_dir: Path | None = None) -> list[Path]:
    built = []
    for ts in sorted(TS_DIR.glob("uc_*.ts")):
        qm = (out_dir or TS_DIR) / ts.with_suffix(".qm").name
        qm.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="refresh the .ts files from app/ui first")
    parser.add_argument("--out", type=Path, help="folder for the .qm files (default: beside the .ts)")
    args = parser.parse_args(argv)
    if args.update:
        update()
    for qm in build(args.out):
        print(qm.relative_to(ROOT) if qm.is_relative_to(ROOT) else qm)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
