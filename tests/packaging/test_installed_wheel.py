"""The Quick start's first command as a newcomer runs it: ``pip install .`` (a wheel, not the
editable checkout the other tests import), then ``thidua demo`` from that installation.

The wheel is built from the working tree as pip builds it for ``pip install .`` (in an
isolated build environment) and installed without its dependencies into a
virtual environment that sees this interpreter's packages; the command then runs from a folder
outside the checkout, so nothing can be imported from the repository by accident.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

from conftest import ROOT


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=600
    )


def test_the_installed_package_runs_the_demo(tmp_path: Path) -> None:
    # a fresh copy of the source: a build/ folder left by an earlier build would fill gaps
    source = tmp_path / "source"
    leftovers = shutil.ignore_patterns(".git", "build", "*.egg-info", "__pycache__", ".*cache")
    shutil.copytree(ROOT, source, ignore=leftovers)
    built = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(source),
        ],
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("thidua_xlsx-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    # every package of the source tree is in the wheel
    for init in sorted((ROOT / "thidua_xlsx").rglob("__init__.py")):
        assert str(init.relative_to(ROOT)) in names, init
    assert "thidua_xlsx/samples/tham-dinh-tinh-bien.xlsx" in names
    assert "thidua_xlsx/faces/web/templates/level.html" in names  # thidua web's page
    assert any(n.startswith("thidua_xlsx/workbook_templates/") for n in names)

    env_dir = tmp_path / "venv"
    venv.create(env_dir, system_site_packages=True, with_pip=False)
    python = env_dir / "bin" / "python"
    installed = _run(
        [str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)], cwd=tmp_path
    )
    assert installed.returncode == 0, installed.stderr
    where = _run([str(python), "-c", "import thidua_xlsx; print(thidua_xlsx.__file__)"], tmp_path)
    assert str(env_dir) in where.stdout, where  # the wheel's copy, not the checkout
    demo = _run([str(env_dir / "bin" / "thidua"), "demo", str(tmp_path / "demo")], tmp_path)
    assert demo.returncode == 0, demo.stdout[-2000:] + demo.stderr[-2000:]
    assert (tmp_path / "demo" / "4-xep-hang-thi-xa" / "TXTB-bang-tham-dinh.xlsx").exists()
    # the Council decided with the bundled tally, and the dossier (templates in the wheel)
    assert (tmp_path / "demo" / "5-hoi-dong" / "KET-QUA-BIEU-QUYET.xlsx").exists()
    assert (tmp_path / "demo" / "6-ho-so-khen-thuong" / "04-bien-ban-hoi-dong.docx").exists()
    assert "✔" in demo.stdout
