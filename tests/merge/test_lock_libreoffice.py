"""A locked period through LibreOffice (issue 18): the summary opened and saved again in
LibreOffice, as an officer does before printing it (.ods and back to .xlsx), locks the same
result as the file the tool wrote, and a merge into its folder is held against that lock."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from test_lock import CHANGED, ON_TIME, _card, _inbox

from thidua_xlsx import load_campaign, merge_rank, write_summary
from thidua_xlsx.faces.cli import main
from thidua_xlsx.merge.lock import LOCK_BOOK_NAME, lock_summary

from conftest import SEED_003
from libreoffice import convert

pytestmark = pytest.mark.libreoffice


def test_a_summary_saved_by_libreoffice_locks_the_same_result(soffice: str, tmp_path: Path) -> None:
    campaign = load_campaign(SEED_003)
    inbox = _inbox(campaign, tmp_path / "hop-thu")
    written = tmp_path / "tool" / "tong-hop.xlsx"
    write_summary(written, merge_rank(campaign, [inbox]))
    ods = convert(soffice, written, "ods", tmp_path / "ods")
    xlsx = convert(soffice, ods, "xlsx", tmp_path / "xlsx")
    original = lock_summary(campaign, written).entry
    for saved in (ods, xlsx):
        entry = lock_summary(campaign, saved).entry
        assert entry.units == original.units, saved.suffix
        assert entry.key == original.key and entry.summary == saved.name
    # a merge into the folder of the summary LibreOffice saved is held against its lock
    changed = tmp_path / "hop-thu-2"
    shutil.copytree(inbox, changed)
    _card(campaign, changed, CHANGED, 42, ON_TIME)
    out = io.StringIO()
    target = xlsx.parent / "tong-hop-2.xlsx"
    code = main(["merge", str(SEED_003), str(changed), "-o", str(target)], out=out)
    assert code == 2 and "[period_locked]" in out.getvalue()
    assert f"{CHANGED}: tổng" in out.getvalue()
    assert not target.exists()
    assert sorted(p.name for p in xlsx.parent.iterdir()) == [LOCK_BOOK_NAME, xlsx.name]
