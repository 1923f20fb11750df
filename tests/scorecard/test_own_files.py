"""The tool knows its own files (SPEC §9): a feedback copy sent back unchanged and the level's
own summary, found in an inbox, are rejected with their code, accounted for once, and never
stand for a unit; a copy the unit edited is the unit's card again; a summary of a level
below still counts."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from thidua_xlsx import load_campaign
from thidua_xlsx.checking.checker import check_file
from thidua_xlsx.core.model import Campaign
from thidua_xlsx.faces.cli import main
from thidua_xlsx.intake.reader import read_returned_file
from thidua_xlsx.merge.compose import merge_compose
from thidua_xlsx.merge.rank import merge_rank
from thidua_xlsx.scorecard import writer as writer_module
from thidua_xlsx.scorecard.feedback import write_feedback
from thidua_xlsx.scorecard.layout import FEEDBACK_KIND, SCORECARD_SHEET, plan_card, values_digest
from thidua_xlsx.scorecard.writer import write_scorecard
from thidua_xlsx.summary.writer import write_summary

from conftest import ROOT, SEED_003
from libreoffice import run_uno

SECTORS = ROOT / "samples" / "inbox-nhon-hung"
WARDS = ROOT / "samples" / "inbox-tinh-bien"
WARD = "P-NHONHUNG"
DTN = "NH-DTN-doan-tncs-ho-chi-minh-phuong.xlsx"  # accepted, a number stored as text at F18
DTN_COPY = "nh-dtn-doan-tncs-ho-chi-minh-phuong-phan-hoi.xlsx"


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    return load_campaign(SEED_003)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    shutil.copytree(SECTORS, folder)
    return folder


@pytest.fixture
def copies(inbox: Path, tmp_path: Path) -> list[Path]:
    """The feedback copies ``thidua check --feedback`` writes for the sample inbox."""
    feedback = tmp_path / "phan-hoi"
    out = io.StringIO()
    assert main(["check", str(SEED_003), str(inbox), "--feedback", str(feedback)], out=out) == 1
    return sorted(feedback.iterdir())


def _codes(result: object) -> list[str]:
    return [i.code for i in result.issues]  # type: ignore[attr-defined]


def test_a_feedback_copy_says_what_it_is(campaign: Campaign, copies: list[Path]) -> None:
    assert DTN_COPY in [p.name for p in copies] and len(copies) == 5  # NH-THB: the blank template
    for copy in copies:
        meta = read_returned_file(copy).metadata
        assert meta["kind"] == FEEDBACK_KIND
        assert meta["feedback_of"].endswith(".xlsx") and meta["feedback_of"] in {
            p.name for p in SECTORS.iterdir()
        }
        # read back unchanged (texts converted from TCVN3, numbers as text, words with a
        # number…): the digest of the values read equals the one written
        result = check_file(campaign, copy)
        assert _codes(result) == ["file_feedback_copy"], result.issues
        assert not result.accepted and result.card is None
        assert result.unit is not None and result.unit in result.issues[0].message("vi")
        assert "bản phản hồi" in result.issues[0].message("vi")
        assert "feedback copy" in result.issues[0].message("en")


def test_an_unchanged_copy_in_the_inbox_is_not_a_submission(
    campaign: Campaign, inbox: Path, copies: list[Path], tmp_path: Path
) -> None:
    clean = merge_compose(campaign, [inbox], WARD)
    for copy in copies:
        shutil.copyfile(copy, inbox / copy.name)
    out = io.StringIO()
    assert main(["check", str(SEED_003), str(inbox), "--json"], out=out) == 1
    files = {Path(f["path"]).name: f for f in json.loads(out.getvalue())["files"]}
    assert len(files) == len(list(inbox.iterdir()))  # every file once
    for copy in copies:
        entry = files[copy.name]
        assert entry["status"] == "rejected"
        assert [i["code"] for i in entry["issues"]] == ["file_feedback_copy"]
    own = files[DTN]
    assert own["status"] == "accepted"
    # no unit_duplicate but the sample's own (NH-VP sent two files)
    duplicated = {
        n for n, f in files.items() if "unit_duplicate" in [i["code"] for i in f["issues"]]
    }
    assert duplicated == {n for n in files if n.startswith("NH-VP")}

    composed = merge_compose(campaign, [inbox], WARD)
    dtn = next(u for u in composed.completeness.units if u.unit == "NH-DTN")
    assert dtn.status.value == "accepted" and dtn.result is not None
    assert dtn.result.path.name == DTN and not dtn.superseded
    assert sorted(f.path.name for f in composed.completeness.own_files) == [p.name for p in copies]
    accounted = sorted(f.path.name for f in composed.completeness.accounted_files())
    assert accounted == sorted(p.name for p in inbox.iterdir())
    assert composed.card.total == clean.card.total
    assert [(u.unit, u.status) for u in composed.completeness.units] == [
        (u.unit, u.status) for u in clean.completeness.units
    ]
    ranked = merge_rank(campaign, [inbox], parent=WARD)
    assert ranked.ranking == merge_rank(campaign, [SECTORS], parent=WARD).ranking
    # no copy of a copy: only the units' own files get feedback again
    again = write_feedback(ranked.check, tmp_path / "phan-hoi-2")
    assert sorted(p.name for p in again) == [p.name for p in copies]


def test_a_copy_the_unit_changed_is_its_card(
    campaign: Campaign, inbox: Path, copies: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The unit retyped «2» as the number 2 in its copy and sent it back: the hidden sheet
    still says feedback, with the digest of the values it was sent with."""
    copy = next(p for p in copies if p.name == DTN_COPY)
    sent = read_returned_file(copy).metadata["values_digest"]
    original = check_file(campaign, inbox / DTN)
    layout = plan_card(campaign, campaign.unit(original.unit or ""))
    flagged = next(i for i in original.issues if i.code == "value_number_as_text")
    assert flagged.cell == "F18"
    values = dict(original.values)
    assert values[(flagged.criterion, "result")] == "2"
    values[(flagged.criterion, "result")] = 2.0
    assert values_digest(layout, values) != sent
    monkeypatch.setattr(writer_module, "values_digest", lambda layout, values: sent)
    edited = inbox / DTN_COPY
    write_scorecard(
        edited,
        layout,
        values,  # type: ignore[arg-type]
        original.inputs,
        feedback_of=DTN,
    )
    monkeypatch.undo()
    assert read_returned_file(edited).metadata["kind"] == FEEDBACK_KIND
    result = check_file(campaign, edited)
    assert result.accepted and "file_feedback_copy" not in _codes(result)
    composed = merge_compose(campaign, [inbox], WARD)
    dtn = next(u for u in composed.completeness.units if u.unit == "NH-DTN")
    assert dtn.result is not None and dtn.result.path == edited  # the newer file counts
    assert [f.path.name for f in dtn.superseded] == [DTN]
    assert "unit_duplicate" in _codes(dtn.result)  # two files of one unit, as always
    assert not composed.completeness.own_files


def test_a_copy_through_libreoffice(
    soffice: str, campaign: Campaign, copies: list[Path], tmp_path: Path
) -> None:
    """Saved again by LibreOffice unchanged, a copy is still recognised; with one value
    retyped, it is the unit's card."""
    copy = next(p for p in copies if p.name == DTN_COPY)
    same, edited = tmp_path / "lo" / "same.xlsx", tmp_path / "lo" / "edited.xlsx"
    document = {
        "source": str(copy),
        "sheet": SCORECARD_SHEET,
        "unprotect": True,
        "fills": [{"save_as": [str(same)]}, {"cells": {"F18": 2}, "save_as": [str(edited)]}],
    }
    run_uno({"documents": [document]}, tmp_path / "uno")
    unchanged = check_file(campaign, same)
    assert _codes(unchanged) == ["file_feedback_copy"], unchanged.issues
    changed = check_file(campaign, edited)
    assert changed.unit == "NH-DTN" and "file_feedback_copy" not in _codes(changed)
    assert changed.accepted, changed.issues
    assert "value_number_as_text" not in _codes(changed)


def test_the_levels_own_summary_is_not_a_roll_up(
    campaign: Campaign, inbox: Path, tmp_path: Path
) -> None:
    first = merge_rank(campaign, [inbox], parent=WARD)
    summary = inbox / "tong-hop-phuong.xlsx"
    write_summary(tmp_path / summary.name, first)
    shutil.copyfile(tmp_path / summary.name, summary)  # saved into the inbox by hand

    again = merge_rank(campaign, [inbox], parent=WARD)
    found = [f for f in again.check.files if f.path == summary]
    assert len(found) == 1 and found[0].is_summary and not found[0].accepted
    assert "file_own_summary" in _codes(found[0])
    assert again.ranking == first.ranking
    for unit in again.completeness.units:
        files = [unit.result, *unit.superseded] if unit.result else list(unit.superseded)
        assert all(f.path != summary for f in files), unit
    assert [(u.unit, u.status) for u in again.completeness.units] == [
        (u.unit, u.status) for u in first.completeness.units
    ]
    accounted = sorted(f.path.name for f in again.completeness.accounted_files())
    assert accounted == sorted(p.name for p in inbox.iterdir())
    message = next(i for i in found[0].issues if i.code == "file_own_summary")
    assert "bảng tổng hợp" in message.message("vi") and "summary" in message.message("en")

    # compose for the same level: rejected too, the composed card unchanged
    composed = merge_compose(campaign, [inbox], WARD)
    assert composed.card.total == merge_compose(campaign, [SECTORS], WARD).card.total
    rejected = next(f for f in composed.check.files if f.path == summary)
    assert "file_own_summary" in _codes(rejected)

    # the command line shows it, and exits 1 (a file with an error)
    out = io.StringIO()
    argv = ["merge", str(SEED_003), str(inbox), "-o", str(tmp_path / "lan-2.xlsx"), "--json"]
    assert main([*argv, "--parent", WARD], out=out) == 1
    files = {Path(f["path"]).name: f for f in json.loads(out.getvalue())["files"]}
    assert [i["code"] for i in files[summary.name]["issues"]] == ["file_own_summary"]


def test_a_summary_of_a_level_below_still_counts(campaign: Campaign, tmp_path: Path) -> None:
    """The ward's summary in the town's inbox, and a cluster's summary in the merge of all
    the town's wards, are roll-up inputs as before."""
    ward_summary = tmp_path / "town" / "tong-hop-phuong-nhon-hung.xlsx"
    write_summary(ward_summary, merge_rank(campaign, [SECTORS], parent=WARD))
    cluster = "Cụm 1 - Phường"
    write_summary(
        tmp_path / "town" / "tong-hop-cum-1.xlsx", merge_rank(campaign, [WARDS], cluster=cluster)
    )
    town = merge_rank(campaign, [tmp_path / "town"])
    for result in town.check.files:
        assert "file_own_summary" not in _codes(result), result.path
        assert result.is_summary and result.accepted
    counted = {u.unit for u in town.completeness.counted}
    members = {u.code for u in campaign.children_units("TXTB") if u.cluster == cluster}
    assert counted and counted <= members
    # the same cluster's own merge rejects its own summary
    again = merge_rank(campaign, [tmp_path / "town"], cluster=cluster)
    own = next(f for f in again.check.files if f.path.name == "tong-hop-cum-1.xlsx")
    assert "file_own_summary" in _codes(own) and not again.ranking
