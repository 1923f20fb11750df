"""Outputs never replace inputs (SPEC §9): every command that writes refuses, with exit code 2,
one sentence and nothing written, an output that is an input, lies inside an input folder,
or is a folder that holds an input file; links and ``..`` do not get around it."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
from pathlib import Path

import pytest

from thidua_xlsx.errors import OutputError, OutputOverlapsInputError, ThiduaError
from thidua_xlsx.faces.cli import main
from thidua_xlsx.merge.rank import merge_rank
from thidua_xlsx.runtime.output_guard import check_outputs
from thidua_xlsx.scorecard.feedback import write_feedback
from thidua_xlsx.summary.writer import write_summary

from conftest import ROOT, SEED_003

SAMPLE_INBOX = ROOT / "samples" / "inbox-nhon-hung"
CARD = "NH-CA-cong-an-phuong.xlsx"
WARD = "P-NHONHUNG"


@pytest.fixture
def place(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the seed campaign and of the ward's sample inbox, side by side."""
    campaign = tmp_path / "dot-thi-dua" / SEED_003.name
    campaign.parent.mkdir()
    shutil.copyfile(SEED_003, campaign)
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLE_INBOX, inbox)
    return campaign, inbox


def _tree(*folders: Path) -> dict[str, str]:
    """Every file under ``folders`` with the digest of its bytes."""
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest()
        for folder in folders
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _refused(argv: list[str], *watched: Path, words: str = "") -> str:
    """Run ``argv``: exit 2, one line, nothing under ``watched`` created or changed."""
    before = _tree(*watched)
    out = io.StringIO()
    assert main(argv, out=out) == 2, out.getvalue()
    text = out.getvalue().strip()
    assert "\n" not in text and "Traceback" not in text, text
    assert words in text, text
    assert _tree(*watched) == before
    return text


def test_merge_output_naming_an_input_card_is_refused_and_the_card_unchanged(
    place: tuple[Path, Path],
) -> None:
    campaign, inbox = place
    card = inbox / CARD
    original = card.read_bytes()
    argv = ["merge", str(campaign), str(inbox), "-o", str(card), "--parent", WARD]
    text = _refused(argv, inbox, campaign.parent, words="Không ghi vào")
    assert str(card) in text and "thư mục đầu vào" in text
    assert card.read_bytes() == original
    english = _refused([*argv, "--lang", "en"], inbox, words="Not writing to")
    assert "inside the input folder" in english
    compose = ["merge", str(campaign), str(inbox), "-o", str(card), "--mode", "compose"]
    _refused([*compose, "--parent", WARD], inbox)
    assert card.read_bytes() == original


def test_merge_output_anywhere_inside_the_inbox_is_refused(place: tuple[Path, Path]) -> None:
    campaign, inbox = place
    for target in (inbox / "tong-hop.xlsx", inbox / "moi" / "sau" / "tong-hop.xlsx"):
        _refused(["merge", str(campaign), str(inbox), "-o", str(target)], inbox)
        assert not target.exists() and not (inbox / "moi").exists()


def test_merge_output_equal_to_the_campaign_is_refused(place: tuple[Path, Path]) -> None:
    campaign, inbox = place
    original = campaign.read_bytes()
    for lang, words in (("vi", "chính là đầu vào"), ("en", "it is the input")):
        argv = ["merge", str(campaign), str(inbox), "-o", str(campaign), "--lang", lang]
        _refused(argv, inbox, campaign.parent, words=words)
    assert campaign.read_bytes() == original


def test_feedback_folder_equal_to_the_inbox_or_beside_an_input_is_refused(
    place: tuple[Path, Path], tmp_path: Path
) -> None:
    campaign, inbox = place
    check = ["check", str(campaign)]
    _refused([*check, str(inbox), "--feedback", str(inbox)], inbox)
    _refused([*check, str(inbox), "--feedback", str(inbox / "phan-hoi")], inbox)
    # a file given alone: its folder would hold the copies, read with the inputs next time
    one = inbox / "NH-CCB-hoi-cuu-chien-binh-phuong.xlsx"
    _refused([*check, str(one), "--feedback", str(inbox)], inbox, words="chứa tệp đầu vào")
    _refused([*check, str(one), "--feedback", str(inbox), "--lang", "en"], inbox, words="holds")
    # the campaign's own folder too
    _refused([*check, str(inbox), "--feedback", str(campaign.parent)], inbox, campaign.parent)
    merge = ["merge", str(campaign), str(inbox), "-o", str(tmp_path / "tong-hop.xlsx")]
    _refused([*merge, "--parent", WARD, "--feedback", str(inbox)], inbox)
    assert not (tmp_path / "tong-hop.xlsx").exists()


def test_links_and_dot_dot_do_not_get_around_the_rule(
    place: tuple[Path, Path], tmp_path: Path
) -> None:
    campaign, inbox = place
    card = inbox / CARD
    original = card.read_bytes()
    detour = tmp_path / "khac" / ".." / "inbox" / CARD
    (tmp_path / "khac").mkdir()
    link_to_inbox = tmp_path / "hop-thu"
    link_to_inbox.symlink_to(inbox, target_is_directory=True)
    link_to_card = tmp_path / "tong-hop.xlsx"
    link_to_card.symlink_to(card)
    hard_link = tmp_path / "cung-tep.xlsx"
    os.link(card, hard_link)
    merge = ["merge", str(campaign), str(inbox), "--parent", WARD, "-o"]
    for target in (detour, link_to_inbox / CARD, link_to_card, hard_link):
        _refused([*merge, str(target)], inbox)
    # the inbox given through a link, the output into the real folder
    _refused(["merge", str(campaign), str(link_to_inbox), "-o", str(card)], inbox)
    feedback = ["check", str(campaign), str(inbox), "--feedback"]
    _refused([*feedback, str(link_to_inbox)], inbox)
    _refused([*feedback, str(tmp_path / "khac" / ".." / "inbox")], inbox)
    assert card.read_bytes() == original


def test_templates_into_the_folder_of_the_campaign_is_refused(
    place: tuple[Path, Path], tmp_path: Path
) -> None:
    campaign, _ = place
    argv = ["templates", str(campaign), "--parent", WARD, "-o"]
    _refused([*argv, str(campaign.parent)], campaign.parent, words="chứa tệp đầu vào")
    assert sorted(p.name for p in campaign.parent.iterdir()) == [campaign.name]
    out = io.StringIO()
    assert main([*argv, str(tmp_path / "mau-phieu")], out=out) == 0, out.getvalue()
    assert len(list((tmp_path / "mau-phieu").iterdir())) > 5


def test_demo_inside_the_bundled_samples_is_refused() -> None:
    target = ROOT / "samples" / "inbox-nhon-hung" / "thidua-demo-guard-test"
    try:
        _refused(["demo", str(target)], ROOT / "samples", words="thư mục đầu vào")
        assert not target.exists()
    finally:
        if target.exists():  # only if the guard failed: never leave it in the samples
            shutil.rmtree(target)


def test_outputs_beside_the_inputs_but_elsewhere_still_work(
    place: tuple[Path, Path], tmp_path: Path
) -> None:
    campaign, inbox = place
    before = _tree(inbox, campaign.parent)
    summary, feedback = tmp_path / "ket-qua" / "tong-hop.xlsx", tmp_path / "phan-hoi"
    out = io.StringIO()
    argv = ["merge", str(campaign), str(inbox), "-o", str(summary), "--parent", WARD]
    assert main([*argv, "--feedback", str(feedback)], out=out) == 1, out.getvalue()
    assert summary.is_file() and len(list(feedback.iterdir())) == 5
    # a summary beside the campaign (an output file may sit beside an input file)
    beside = campaign.parent / "tong-hop.xlsx"
    assert main(["merge", str(campaign), str(inbox), "-o", str(beside)], out=out) == 1
    assert beside.is_file()
    # a feedback folder beside the inbox (not in it)
    out = io.StringIO()
    assert main(["check", str(campaign), str(inbox), "--feedback", str(tmp_path)], out=out) == 1
    assert before.items() <= _tree(inbox, campaign.parent).items()


def test_check_outputs_rule(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    card = inbox / "sub" / "a.xlsx"
    card.write_bytes(b"x")
    loose = tmp_path / "rieng" / "b.xlsx"
    loose.parent.mkdir()
    loose.write_bytes(b"y")
    inputs = [inbox, loose]
    cases = {
        "same": ([card], []),
        "inside": ([inbox / "new.xlsx"], [inbox / "sub" / "more"]),
        "beside": ([], [loose.parent]),
    }
    for how, (files, folders) in cases.items():
        for one_file in files:
            with pytest.raises(OutputOverlapsInputError) as caught:
                check_outputs(inputs, output_files=[one_file])
            assert caught.value.how in (how, "inside")
        for folder in folders:
            with pytest.raises(OutputOverlapsInputError) as caught:
                check_outputs(inputs, output_folders=[folder])
            assert caught.value.how == how
    with pytest.raises(OutputOverlapsInputError) as caught:
        check_outputs(inputs, output_files=[loose])
    assert caught.value.how == "same"
    with pytest.raises(OutputOverlapsInputError) as caught:
        check_outputs(inputs, output_folders=[inbox])
    assert caught.value.how == "same"
    # an exception of the tree, with both languages
    error = caught.value
    assert isinstance(error, OutputError) and isinstance(error, ThiduaError)
    assert error.message("vi") != error.message("en")
    # fine: elsewhere, beside a file, a parent of the inbox
    check_outputs(inputs, [tmp_path / "out.xlsx", loose.parent / "c.xlsx"], [tmp_path / "fb"])
    check_outputs(inputs, output_folders=[tmp_path])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inbox", "rieng"]  # nothing created


def test_library_writers_refuse_to_replace_their_inputs(place: tuple[Path, Path]) -> None:
    from thidua_xlsx import load_campaign

    campaign_path, inbox = place
    campaign = load_campaign(campaign_path)
    report = merge_rank(campaign, [inbox], parent=WARD)
    card = inbox / CARD
    original = card.read_bytes()
    with pytest.raises(OutputOverlapsInputError):
        write_summary(card, report)
    with pytest.raises(OutputOverlapsInputError):
        write_feedback(report.check, inbox)
    assert card.read_bytes() == original
    assert sorted(p.name for p in inbox.iterdir()) == sorted(p.name for p in SAMPLE_INBOX.iterdir())
