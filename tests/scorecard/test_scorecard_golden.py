"""Golden files: the XML we write is exactly the reviewed XML (in the manner of XlsxWriter's
comparison tests), ignoring only the parts that always differ (document dates, calcPr)."""

from __future__ import annotations

import difflib
import re
import zipfile
from pathlib import Path

import pytest

from scorecard_fixtures import GOLDEN, GOLDEN_CARDS, write_golden_card

IGNORED_PARTS = {"docProps/core.xml"}
_CALC_PR = re.compile(r"<calcPr[^>]*/>")


def _parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {
            name: _CALC_PR.sub("<calcPr/>", archive.read(name).decode("utf-8"))
            for name in sorted(archive.namelist())
            if name not in IGNORED_PARTS
        }


@pytest.mark.parametrize(
    ("name", "campaign", "unit"), GOLDEN_CARDS, ids=[c[2] for c in GOLDEN_CARDS]
)
def test_written_xml_matches_golden(tmp_path: Path, name: str, campaign: Path, unit: str) -> None:
    got = _parts(write_golden_card(campaign, unit, tmp_path / name))
    want = _parts(GOLDEN / name)
    assert sorted(got) == sorted(want)
    for part, text in want.items():
        if got[part] != text:
            diff = difflib.unified_diff(
                text.replace(">", ">\n").splitlines(),
                got[part].replace(">", ">\n").splitlines(),
                lineterm="",
                n=2,
            )
            pytest.fail(
                f"{part} differs from {name} (run tests/golden/regenerate.py if intended):\n"
                + "\n".join(list(diff)[:60])
            )


def test_golden_check_notices_a_change(tmp_path: Path) -> None:
    """The comparison is not vacuous: another unit's card differs from the golden one."""
    name, campaign, _ = GOLDEN_CARDS[0]
    other = _parts(write_golden_card(campaign, "NH-CA", tmp_path / name))
    assert other["xl/worksheets/sheet1.xml"] != _parts(GOLDEN / name)["xl/worksheets/sheet1.xml"]
