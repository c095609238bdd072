"""Build the one-folder program with PyInstaller and, on Windows with Inno Setup, the installer.

Run from anywhere with the project's Python (the one that has the program and PyInstaller installed)::

    python installer/build.py                 # dist/utility-center/ (+ dist/UtilityCenter-<v>-setup.exe on Windows)
    python installer/build.py --clean         # forget PyInstaller's cache first
    python installer/build.py --no-installer  # only the folder
    python installer/build.py --iscc "C:/Program Files (x86)/Inno Setup 6/ISCC.exe"

The version comes from ``app.__version__`` and is passed to Inno Setup as ``/DAppVersion=...``.
Exit status 0 when everything asked for was built; otherwise 1 with the failing step named.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "utility-center.spec"
ISS = INSTALLER / "utility-center.iss"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
BUNDLE = DIST / "utility-center"
WINDOWS = sys.platform == "win32"
EXE_SUFFIX = ".exe" if WINDOWS else ""
ISCC_PLACES = (
    r"%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe",
    r"%ProgramFiles%\Inno Setup 6\ISCC.exe",
    r"%LocalAppData%\Programs\Inno Setup 6\ISCC.exe",
)


class BuildError(Exception):
    pass


def app_version() -> str:
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    if not match:
        raise BuildError('app/__init__.py has no __version__ = "..."')
    return match.group(1)


def step(title: str) -> None:
    print(f"== {title}", flush=True)


def run(cmd: list[str], **kwargs: object) -> None:
    print("$ " + " ".join(f'"{c}"' if " " in c else c for c in cmd), flush=True)
    result = subprocess.run(cmd, cwd=ROOT, check=False, **kwargs)  # type: ignore[call-overload]
    if result.returncode != 0:
        raise BuildError(f"{Path(cmd[0]).name} {' '.join(cmd[1:3])} ... failed with exit status {result.returncode}")


def windows_version_tuple(version: str) -> tuple[int, int, int, int]:
    numbers = [int(n) for n in re.findall(r"\d+", version)[:4]]
    return tuple([*numbers, 0, 0, 0, 0][:4])  # type: ignore[return-value]


def write_version_info(version: str) -> Path:
    """The Windows version resource of both executables (File properties > Details)."""
    v = windows_version_tuple(version)
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={v}, prodvers={v}, mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1, subtype=0x0,
                    date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'Utility Center for Warehouse Pro and CloudCart'),
      StringStruct('FileDescription', 'Utility Center for Warehouse Pro <-> CloudCart'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('ProductName', 'Utility Center CloudCart'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
    path = BUILD / "version_info.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


ICON_SCRIPT = """
import sys
from PySide6.QtGui import QGuiApplication, QImageWriter
app = QGuiApplication(["icon"])
from app.ui.icons import app_pixmap
writer = QImageWriter(sys.argv[1], b"ico")
ok = writer.write(app_pixmap(256).toImage())
sys.exit(0 if ok else 1)
"""


def write_icon() -> Path | None:
    """``build/utility-center.ico`` drawn by the program's own icon code (best effort)."""
    path = BUILD / "utility-center.ico"
    path.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", ICON_SCRIPT, str(path)], cwd=ROOT, env=env, capture_output=True, check=False
    )
    if result.returncode != 0 or not path.exists():
        print("   (no icon: the executables keep the default one)", flush=True)
        return None
    return path


def translations() -> list[Path]:
    """Build the .qm files (not in git) from the .ts sources, so that the bundle carries them."""
    script = ROOT / "scripts" / "build_translations.py"
    sources = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    if not script.exists() or not sources:
        print("   (no translations to build)", flush=True)
        return []
    run([sys.executable, str(script)])
    return [ts.with_suffix(".qm") for ts in sources]


def pyinstaller(clean: bool) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise BuildError(
            f"PyInstaller is not installed for {sys.executable}; run: {sys.executable} -m pip install pyinstaller"
        ) from None
    cmd = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller")]  # fmt: skip
    if clean:
        cmd.append("--clean")
    run(cmd)
    program = BUNDLE / f"utility-center{EXE_SUFFIX}"
    if not program.exists():
        raise BuildError(f"PyInstaller finished but {program} is missing")
    return program


def check_bundle(program: Path, version: str, qm_files: list[Path]) -> None:
    bundled = BUNDLE / "_internal" / "resources" / "translations"
    missing = [qm.name for qm in qm_files if not (bundled / qm.name).exists()]
    if missing:
        raise BuildError(f"the bundle lacks the translations {', '.join(missing)}")
    result = subprocess.run([str(program), "--version"], capture_output=True, text=True, check=False, timeout=120)
    shown = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or version not in shown:
        raise BuildError(f"{program.name} --version said {shown!r} (exit {result.returncode}); expected {version}")
    print(f"   {shown}", flush=True)


def find_iscc(given: str | None) -> Path | None:
    candidates = [given, os.environ.get("ISCC"), shutil.which("ISCC"), shutil.which("iscc")]
    candidates += [os.path.expandvars(place) for place in ISCC_PLACES]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def inno_setup(iscc: Path, version: str) -> Path:
    run([str(iscc), f"/DAppVersion={version}", f"/DSourceDir={BUNDLE}", f"/DRootDir={ROOT}", f"/O{DIST}", str(ISS)])
    setup = DIST / f"UtilityCenter-{version}-setup.exe"
    if not setup.exists():
        raise BuildError(f"Inno Setup finished but {setup} is missing")
    return setup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Utility Center bundle (and the Windows installer).")
    parser.add_argument("--clean", action="store_true", help="forget PyInstaller's cache and the old bundle first")
    parser.add_argument("--no-installer", action="store_true", help="do not run Inno Setup even on Windows")
    parser.add_argument("--iscc", help="path of ISCC.exe (default: $ISCC, PATH, the usual install folders)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        version = app_version()
        step(f"Utility Center {version} for {sys.platform} with {sys.executable}")
        if args.clean:
            shutil.rmtree(BUNDLE, ignore_errors=True)
            shutil.rmtree(BUILD / "pyinstaller", ignore_errors=True)
        if WINDOWS:
            step("Windows version resource and icon")
            write_version_info(version)
            write_icon()
        step("Translations (.ts -> .qm)")
        qm_files = translations()
        step("PyInstaller (one folder)")
        program = pyinstaller(args.clean)
        step("Check the bundle")
        check_bundle(program, version, qm_files)
        if WINDOWS and not args.no_installer:
            iscc = find_iscc(args.iscc)
            if iscc is None:
                print("== Inno Setup not found (install Inno Setup 6 or pass --iscc): no installer built", flush=True)
            else:
                step("Inno Setup")
                print(f"   {inno_setup(iscc, version)}", flush=True)
    except BuildError as error:
        print(f"Build failed: {error}", file=sys.stderr, flush=True)
        return 1
    print(f"== Done in {time.monotonic() - started:.0f} s: {BUNDLE}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
