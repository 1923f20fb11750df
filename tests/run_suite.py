#!/usr/bin/env python3
"""Install everything the tests need, then run the whole suite: ruff, mypy and pytest.

    python3 tests/run_suite.py [pytest arguments…]

* installs the package in editable mode with its ``test`` extra (pip);
* installs LibreOffice (``libreoffice-calc-nogui``, ``libreoffice-writer-nogui``, ``python3-uno``
  and the Liberation fonts) with apt when it is missing and this user is root — the tests drive
  it as a real spreadsheet client and print the Word papers through it;
* installs Debian's Chromium (``chromium``, ``chromium-driver``) the same way: the web page's
  tests drive it through Playwright (no browser download);
* runs ``ruff check``, ``ruff format --check``, ``mypy`` (strict on the package),
  ``lint-imports`` (the layer contracts in pyproject.toml) and pytest (warnings are errors).
  The LibreOffice and browser tests fail rather than skip when they are missing here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# LibreOffice as the real client; Liberation fonts (metric-compatible with Times New Roman)
# so its PDFs lay out as in Excel; poppler-utils to inspect those PDFs.
APT_PACKAGES = [
    "libreoffice-calc-nogui",
    "libreoffice-writer-nogui",  # the dossier's .docx printed to PDF
    "python3-uno",
    "fonts-liberation",
    "fonts-liberation2",  # Liberation Serif with the Vietnamese letters (1.07 has none)
    "poppler-utils",
]
WRITER = Path("/usr/lib/libreoffice/program/libswlo.so")
SYSTEM_PYTHON = "/usr/bin/python3"
# the browser the web page's tests drive (tests/faces/test_web_browser.py)
BROWSER_PACKAGES = ["chromium", "chromium-driver"]
CHROMIUM = "/usr/bin/chromium"


def run(cmd: list[str], **kwargs: object) -> int:
    print("+", " ".join(cmd), flush=True)
    return subprocess.call(cmd, cwd=ROOT, **kwargs)  # type: ignore[arg-type]


def have_libreoffice() -> bool:
    tools = ("soffice", "pdfinfo", "pdftoppm", "fc-list")
    if any(shutil.which(t) is None for t in tools) or not Path(SYSTEM_PYTHON).exists():
        return False
    if not WRITER.exists():
        return False
    vietnamese = ["fc-list", ":charset=1b0", "family"]  # ư: Liberation Serif 2 draws it
    if "Liberation Serif" not in subprocess.run(vietnamese, capture_output=True, text=True).stdout:
        return False
    fonts = subprocess.run(["fc-list"], capture_output=True, text=True).stdout
    if "Liberation Serif" not in fonts:
        return False
    probe = [SYSTEM_PYTHON, "-c", "import uno"]
    return subprocess.call(probe, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0


def install_libreoffice() -> bool:
    if have_libreoffice():
        return True
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        print(
            "! LibreOffice is missing and apt-get is not usable here (need root): "
            f"install {' '.join(APT_PACKAGES)} by hand.",
            flush=True,
        )
        return False
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(["apt-get", "update", "-qq"], env=env)
    run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *APT_PACKAGES], env=env)
    return have_libreoffice()


def install_chromium() -> bool:
    if Path(CHROMIUM).exists():
        return True
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        print(
            "! Chromium is missing and apt-get is not usable here (need root): "
            f"install {' '.join(BROWSER_PACKAGES)} by hand.",
            flush=True,
        )
        return False
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(["apt-get", "update", "-qq"], env=env)
    run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *BROWSER_PACKAGES], env=env)
    return Path(CHROMIUM).exists()


def main() -> int:
    pip = [sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    if run([*pip, "-e", ".[test]"]) != 0:
        return 1
    env = dict(os.environ)
    if install_libreoffice():
        env["THIDUA_REQUIRE_LIBREOFFICE"] = "1"
    elif env.get("CI"):
        print("! CI needs LibreOffice for the real-client tests.", flush=True)
        return 1
    if install_chromium():
        env["THIDUA_REQUIRE_BROWSER"] = "1"
    elif env.get("CI"):
        print("! CI needs Chromium for the web page's tests.", flush=True)
        return 1
    steps = [
        [sys.executable, "-m", "ruff", "check", "."],
        [sys.executable, "-m", "ruff", "format", "--check", "."],
        [sys.executable, "-m", "mypy"],
        [str(Path(sys.executable).parent / "lint-imports")],  # the layers (pyproject.toml)
        [sys.executable, "-m", "pytest", *sys.argv[1:]],
    ]
    failed = [" ".join(step[2:] or step) for step in steps if run(step, env=env) != 0]
    if failed:
        print(f"! failed: {', '.join(failed)}", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
