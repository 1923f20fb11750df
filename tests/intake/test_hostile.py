"""Issue 6, guarantees under hostile input (SPEC §9): nothing lost, nothing obeyed, the same
output every time, and a clear sentence for the operator.

The corpus (tests/hostile_corpus.py) is generated at test time. Every file must give its kind's
issue code; none may crash or hang; every file is accounted for; a merge over the corpus and 20
good cards ranks the good ones with the right totals. The run's figure is printed at the end of
the test session (tests/conftest.py).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import python_calamine

import thidua_xlsx.intake.file_bytes
import thidua_xlsx.scorecard.writer
import thidua_xlsx.summary.writer
from thidua_xlsx import load_campaign
from thidua_xlsx.checking.checker import FileChecker, check_file
from thidua_xlsx.checking.run import run_check
from thidua_xlsx.core.model import Campaign
from thidua_xlsx.core.reports import CheckReport
from thidua_xlsx.core.results import FileResult
from thidua_xlsx.core.scoring import score_card
from thidua_xlsx.faces.cli import main
from thidua_xlsx.merge.rank import merge_rank
from thidua_xlsx.runtime.containment import ReadLimits, run_contained
from thidua_xlsx.scorecard.blank_cards import scorecard_filename, write_templates
from thidua_xlsx.scorecard.feedback import write_feedback
from thidua_xlsx.scorecard.layout import plan_card
from thidua_xlsx.scorecard.writer import write_scorecard
from thidua_xlsx.summary.writer import write_summary
from thidua_xlsx.words.issues import CATALOGUE, Severity

from conftest import HOSTILE_FIGURE, SEED_003
from fill_helpers import valid_fill
from hostile_corpus import BASE_UNIT, OTHER_UNIT, TWIN_UNIT, Kind, build_corpus

HANG_SECONDS = 10.0  # per file; the slowest kind takes well under a second
GOOD_SAVED = datetime(2024, 9, 25, 8, 0, tzinfo=UTC)  # newer than the corpus, before the deadline
EXTRA_WARDS = 9  # added to Tịnh Biên so that 20 wards send good cards besides the corpus


@dataclass(frozen=True)
class CorpusRun:
    folder: Path
    kinds: list[Kind]
    report: CheckReport
    crashes: dict[str, str]  # file → what escaped (an exception, a hang, file_check_failed)


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    return load_campaign(SEED_003)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, campaign: Campaign) -> CorpusRun:
    """The corpus, each file checked on its own (timed, exceptions caught), then all of them
    in one run (which adds what only a run sees: the same unit twice)."""
    folder = tmp_path_factory.mktemp("hostile")
    kinds = build_corpus(folder, campaign)
    crashes: dict[str, str] = {}
    checker = FileChecker(campaign)

    def timed(path: Path) -> tuple[float, FileResult | str]:
        """One file checked with nothing around it but a worker (a crash of the reading
        library would take this test process down with it)."""
        start = time.perf_counter()
        try:
            result: FileResult | str = checker.check(path)
        except BaseException as exc:
            result = f"{type(exc).__name__}: {exc}"
        return time.perf_counter() - start, result

    names = [name for kind in kinds for name in kind.files]
    outcomes = run_contained(
        timed,
        lambda path, code, detail: (0.0, f"{code}: {detail}"),
        [folder / name for name in names],
        workers=2,
        limits=ReadLimits(seconds=HANG_SECONDS),
    )
    for name, (took, result) in zip(names, outcomes, strict=True):
        if isinstance(result, str):
            crashes[name] = result
            continue
        if took > HANG_SECONDS:
            crashes[name] = f"took {took:.1f} s"
        if any(i.code == "file_check_failed" for i in result.issues):
            crashes[name] = result.issues[0].message("en")
    return CorpusRun(folder, kinds, run_check(campaign, [folder]), crashes)


def _codes(result: FileResult) -> set[str]:
    return {issue.code for issue in result.issues}


def test_hostile_corpus_every_kind_refused_with_its_code(
    corpus: CorpusRun, request: pytest.FixtureRequest
) -> None:
    by_name = {r.path.name: r for r in corpus.report.files}
    present = sorted(p.name for p in corpus.folder.iterdir())
    seen = [r.path.name for r in corpus.report.files]
    unaccounted = [n for n in present if seen.count(n) != 1] + [n for n in seen if n not in present]
    refused: list[Kind] = []
    wrong: list[str] = []
    rejected = 0
    for kind in corpus.kinds:
        results = [by_name[n] for n in kind.files if n in by_name]
        error = CATALOGUE[kind.code].severity is Severity.ERROR
        ok = len(results) == len(kind.files) and all(kind.code in _codes(r) for r in results)
        ok = ok and all(r.accepted is not error for r in results)
        if ok:
            refused.append(kind)
            rejected += error
        else:
            wrong.append(
                f"{kind.name}: want {kind.code}, got {[sorted(_codes(r)) for r in results]}"
            )
    figure = (
        f"Hostile corpus: {len(corpus.kinds)} kinds tried, {len(refused)} refused with their code "
        f"({rejected} rejected, {len(refused) - rejected} accepted with a warning), "
        f"{len(corpus.crashes)} crashes, {len(unaccounted)} files unaccounted"
    )
    request.config.stash[HOSTILE_FIGURE] = figure
    assert len(corpus.kinds) >= 40
    assert not wrong, "\n".join(wrong)
    assert not corpus.crashes, corpus.crashes
    assert not unaccounted, unaccounted
    assert len(corpus.report.files) == len(present)


def test_every_hostile_issue_renders_a_clean_message(corpus: CorpusRun) -> None:
    """Values from hostile cells are quoted cut short, never as a 32,000-character message."""
    for result in corpus.report.files:
        for issue in result.issues:
            for lang in ("vi", "en"):
                text = issue.message(lang)
                assert text and "{" not in text and len(text) < 1000, (result.path.name, text)


def test_kinds_named_in_the_issue_are_all_in_the_corpus(corpus: CorpusRun) -> None:
    names = {kind.name for kind in corpus.kinds}
    assert names >= {
        "zero_bytes",
        "csv_renamed",
        "png_renamed",
        "truncated_zip",
        "zip_bomb",
        "billion_laughs",
        "external_entity",
        "encrypted",
        "xlsm_macro",
        "external_link",
        "million_rows",
        "scorecard_sheet_deleted",
        "scorecard_sheet_renamed",
        "metadata_deleted",
        "metadata_unhidden",
        "metadata_other_fingerprint",
        "another_unit_code",
        "cells_merged",
        "row_inserted",
        "long_text_evidence",
        "nan_in_number",
        "inf_in_number",
        "date_in_number",
        "bool_in_number",
        "formula_hyperlink_input",
        "formula_dde_input",
        "formula_div0_input",
        "formula_hyperlink_text",
        "formula_dde_text",
        "unit_code_equals",
        "unit_code_plus",
        "unit_code_minus",
        "unit_code_at",
        "unit_code_dotdot",
        "unit_code_slash",
        "unit_code_backslash",
        "unit_code_colon",
        "nfd_text",
        "tcvn3_text",
        "same_unit_twice",
    }
    bomb = corpus.folder / "zip_bomb.xlsx"
    with zipfile.ZipFile(bomb) as archive:
        assert max(i.file_size for i in archive.infolist()) > 2**30  # inflates past 1 GB
    assert bomb.stat().st_size < 4 * 2**20


# -- safety ------------------------------------------------------------------------------------

_PEAK = """
import resource, sys
from pathlib import Path
from thidua_xlsx import load_campaign
from thidua_xlsx.checking.checker import check_file

def peak_mb():
    # this process's own high-water mark: VmHWM belongs to its memory since exec, whereas
    # ru_maxrss keeps the peak of the process it was spawned from (Linux records the parent's
    # high-water mark at exec), so a test run that grew past 200 MB would be measured instead
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024

campaign = load_campaign(sys.argv[1])
before = peak_mb()
codes = [[i.code for i in check_file(campaign, Path(p)).issues] for p in sys.argv[2:]]
print(before, peak_mb(), codes)
"""


@pytest.mark.parametrize(
    "name",
    ["zip_bomb.xlsx", "zip_bomb_forged_size.xlsx", "million_rows.xlsx", "far_cell.xlsx"],
)
def test_bombs_are_refused_with_peak_memory_under_200_mb(corpus: CorpusRun, name: str) -> None:
    """In a fresh process, so that its peak resident memory (VmHWM) is this check's."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, str(SEED_003), str(corpus.folder / name)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    before, peak, codes = done.stdout.split(" ", 2)
    assert int(peak) < 200, f"peak {peak} MB (after imports: {before} MB)"
    kind = next(k for k in corpus.kinds if name in k.files)
    assert kind.code in codes


def test_nothing_from_a_file_is_run_or_followed(corpus: CorpusRun) -> None:
    """Formulas are read as their cached values, never evaluated: =HYPERLINK, DDE, =1/0,
    WEBSERVICE and the external link give formula_in_input; the macro part is never opened;
    the external entity's target is never read (its text is not in any result)."""
    results = {r.path.name: r for r in corpus.report.files}
    for name in ("formula_dde_input.xlsx", "formula_hyperlink_text.xlsx", "external_link.xlsx"):
        assert "formula_in_input" in _codes(results[name])
    xxe = results["external_entity.xlsx"]
    assert xxe.card is None and "root:" not in json.dumps(corpus.report.to_json())
    macro = results["xlsm_macro.xlsm"]
    assert macro.accepted and "file_has_macro" in _codes(macro)


def test_outputs_hold_input_text_as_text_and_names_stay_inside(
    corpus: CorpusRun, campaign: Campaign, tmp_path: Path
) -> None:
    """Feedback copies and the summary: text that came from a file (formula-like unit codes,
    file names, cached formula results) is written as text; no output cell holds a formula
    that was not the template's own; feedback names are sanitised and stay in their folder."""
    feedback = tmp_path / "phan-hoi"
    written = write_feedback(corpus.report, feedback)
    assert len(written) >= 40
    for path in written:
        assert path.resolve().parent == feedback.resolve()
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*-phan-hoi(-\d+)?\.xlsx", path.name), path.name
    formula_cells = {p.name: _formula_count(p) for p in written}
    template = plan_card(campaign, campaign.unit(BASE_UNIT)).formula_count
    assert max(formula_cells.values()) <= template  # the template's totals, nothing typed in
    report = merge_rank(campaign, [corpus.folder])
    summary = tmp_path / "tong-hop.xlsx"
    write_summary(summary, report)
    assert _formula_count(summary) == 0
    texts = _strings(summary)
    assert any(t.startswith('=HYPERLINK("x")') for t in texts)  # a file name, kept as text
    assert any("=HYPERLINK(" in t and "evil.example" in t for t in texts)  # a unit code, quoted


def _formula_count(path: Path) -> int:
    with zipfile.ZipFile(path) as archive:
        return sum(
            len(re.findall(rb"<f[ >]", archive.read(n)))
            for n in archive.namelist()
            if n.startswith("xl/worksheets/")
        )


def _strings(path: Path) -> list[str]:
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return [
        value
        for name in book.sheet_names
        for row in book.get_sheet_by_name(name).to_python()
        for value in row
        if isinstance(value, str)
    ]


def test_output_file_names_from_unit_text_are_sanitised(campaign: Campaign, tmp_path: Path) -> None:
    """Unit codes and names are the campaign's, yet a typo or a paste can put anything there:
    scorecard file names stay plain and inside the output folder."""
    hostile = [
        ("../../etc/passwd", '=HYPERLINK("http://evil.example")'),
        ("..\\..\\win.ini", "+cmd|' /C calc'!A0"),
        ("C:evil", "@SUM(1)"),
        ("/abs", "-2+3 ../../x"),
    ]
    ward = campaign.unit("X-ANCU")
    units = [replace(ward, code=code, name=name) for code, name in hostile]
    widened = replace(campaign, units=(*campaign.units, *units))
    out = tmp_path / "phieu"
    result = write_templates(widened, out, units=[u.code for u in units])
    assert len(result.written) == len(units)
    for path in result.written:
        assert path.resolve().parent == out.resolve()
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*(-[a-z0-9-]+)?\.xlsx", path.name), path.name
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in result.written)


# -- the merge over the corpus and 20 good cards ------------------------------------------------


@pytest.fixture(scope="module")
def merge_inbox(
    tmp_path_factory: pytest.TempPathFactory, corpus: CorpusRun
) -> tuple[Path, Path, dict[str, Decimal]]:
    """A campaign with 9 more wards, an inbox with the whole corpus and 20 good cards (every
    ward but the three the corpus speaks for); the good cards' totals, computed by the core."""
    root = tmp_path_factory.mktemp("merge")
    book = openpyxl.load_workbook(SEED_003)
    for index in range(1, EXTRA_WARDS + 1):
        book["Đơn vị"].append(
            [f"X-MAU{index:02d}", f"UBND xã Mẫu {index:02d}", "xã", "TXTB", "Cụm 2 - Xã"]
        )
    campaign_path = root / "dot-thi-dua.xlsx"
    book.save(campaign_path)
    campaign = load_campaign(campaign_path)
    inbox = root / "hop-thu"
    shutil.copytree(corpus.folder, inbox, symlinks=True, ignore=_pipes)
    for name in _pipes(str(corpus.folder), os.listdir(corpus.folder)):
        os.mkfifo(inbox / name)  # made anew: a copy would wait for a writer
    skip = {BASE_UNIT, TWIN_UNIT, OTHER_UNIT}
    wards = [u for u in campaign.children_units("TXTB") if u.code not in skip]
    assert len(wards) == 20
    totals: dict[str, Decimal] = {}
    for seed, ward in enumerate(wards):
        layout = plan_card(campaign, ward)
        values, inputs = valid_fill(layout, 500 + seed)
        name = scorecard_filename(ward)
        write_scorecard(inbox / name, layout, values, inputs, generated_at=GOOD_SAVED)  # type: ignore[arg-type]
        totals[name] = score_card(campaign, inputs).total
    return campaign_path, inbox, totals


def test_merge_over_the_corpus_and_20_good_cards(
    merge_inbox: tuple[Path, Path, dict[str, Decimal]], corpus: CorpusRun, tmp_path: Path
) -> None:
    campaign_path, inbox, totals = merge_inbox
    out = io.StringIO()
    summary = tmp_path / "tong-hop.xlsx"
    code = main(["merge", str(campaign_path), str(inbox), "-o", str(summary), "--json"], out=out)
    assert code == 1
    document = json.loads(out.getvalue())
    files = {Path(f["path"]).name: f for f in document["files"]}
    assert sorted(files) == sorted(p.name for p in inbox.iterdir())  # every file, once
    good = {name: files[name] for name in totals}
    assert all(f["status"] == "accepted" and not f["issues"] for f in good.values())
    assert {name: Decimal(f["scores"]["total"]) for name, f in good.items()} == totals
    for kind in corpus.kinds:
        error = CATALOGUE[kind.code].severity is Severity.ERROR
        for name in kind.files:
            codes = {i["code"] for i in files[name]["issues"]}
            assert kind.code in codes, (name, codes)
            assert files[name]["status"] == ("rejected" if error else "accepted"), name
    hostile_errors = sum(
        len(k.files) for k in corpus.kinds if CATALOGUE[k.code].severity is Severity.ERROR
    )
    rejected = [n for n, f in files.items() if f["status"] == "rejected"]
    assert len(rejected) == hostile_errors
    ranked = {r["unit"]: Decimal(r["total"]) for r in document["ranking"]}
    campaign = load_campaign(campaign_path)
    for name, total in totals.items():
        unit = next(u.code for u in campaign.units if scorecard_filename(u) == name)
        assert ranked[unit] == total
    assert summary.exists()


def _pipes(folder: str, names: list[str]) -> list[str]:
    """The named pipes among ``names`` (links are copied as links)."""
    return [n for n in names if stat.S_ISFIFO(os.lstat(os.path.join(folder, n)).st_mode)]


# -- durability --------------------------------------------------------------------------------


def _hashes(folder: Path) -> dict[str, tuple[str, int]]:
    """Each entry's content (a regular file's hash, a link's target, a pipe as such) and
    modification time, links and pipes looked at themselves, never opened."""
    found = {}
    for p in sorted(folder.iterdir()):
        info = p.lstat()
        if p.is_symlink():
            content = f"link → {os.readlink(p)}"
        elif stat.S_ISREG(info.st_mode):
            content = hashlib.sha256(p.read_bytes()).hexdigest()
        else:
            content = stat.filemode(info.st_mode)
        found[p.name] = (content, info.st_mtime_ns)
    return found


def test_inputs_are_never_modified(
    merge_inbox: tuple[Path, Path, dict[str, Decimal]], tmp_path: Path
) -> None:
    campaign_path, inbox, _ = merge_inbox
    before = _hashes(inbox)
    campaign_before = hashlib.sha256(campaign_path.read_bytes()).hexdigest()
    for command in (
        ["check", str(campaign_path), str(inbox), "--feedback", str(tmp_path / "fb1")],
        ["merge", str(campaign_path), str(inbox), "-o", str(tmp_path / "t.xlsx")],
        [
            "merge",
            str(campaign_path),
            str(inbox),
            "-o",
            str(tmp_path / "c.xlsx"),
            "--mode",
            "compose",
            "--parent",
            "P-NHONHUNG",
            "--feedback",
            str(tmp_path / "fb2"),
        ],
    ):
        assert main(command, out=io.StringIO()) in (0, 1)
    assert _hashes(inbox) == before
    assert hashlib.sha256(campaign_path.read_bytes()).hexdigest() == campaign_before


def _cells(path: Path) -> dict[str, list[list[object]]]:
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return {
        name: book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        for name in book.sheet_names
    }


def _merge_run(campaign_path: Path, inbox: Path, folder: Path) -> list[Path]:
    """``thidua merge`` with feedback copies; the summary, then the copies by name."""
    summary, feedback = folder / "tong-hop.xlsx", folder / "phan-hoi"
    argv = ["merge", str(campaign_path), str(inbox), "-o", str(summary)]
    assert main([*argv, "--feedback", str(feedback)], out=io.StringIO()) == 1
    return [summary, *sorted(feedback.iterdir())]


def _contents(paths: list[Path]) -> dict[str, dict[str, list[list[object]]]]:
    """Every cell of every sheet of every file, the hidden ones too, less the time stamp."""
    contents = {}
    for path in paths:
        cells = _cells(path)
        if "_thidua" in cells:  # a card (a list of issues alone has no hidden sheet)
            stamps = [row for row in cells["_thidua"] if row and row[0] == "generated_at"]
            assert len(stamps) == 1, path.name
            cells["_thidua"] = [row for row in cells["_thidua"] if row not in stamps]
        contents[path.name] = cells
    return contents


def test_two_runs_give_identical_cells(
    merge_inbox: tuple[Path, Path, dict[str, Decimal]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two runs over the same inbox: every cell of the summary and of every feedback copy is
    the same but the time they were made; with SOURCE_DATE_EPOCH set (the reproducible-builds
    convention), the files are the same byte for byte."""
    campaign_path, inbox, _ = merge_inbox
    free = _merge_run(campaign_path, inbox, tmp_path / "a")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1727251200")
    first, second = (_merge_run(campaign_path, inbox, tmp_path / run) for run in ("b", "c"))
    assert len(free) > 40
    assert _contents(free) == _contents(first)
    assert [p.name for p in first] == [p.name for p in second]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


@pytest.fixture
def previous_summary(
    merge_inbox: tuple[Path, Path, dict[str, Decimal]], tmp_path: Path
) -> Iterator[tuple[Path, Path, bytes]]:
    campaign_path, inbox, _ = merge_inbox
    summary = tmp_path / "out" / "tong-hop.xlsx"
    assert (
        main(["merge", str(campaign_path), str(inbox), "-o", str(summary)], out=io.StringIO()) == 1
    )
    yield campaign_path, summary, summary.read_bytes()


def test_a_run_interrupted_mid_write_leaves_the_previous_summary(
    merge_inbox: tuple[Path, Path, dict[str, Decimal]],
    previous_summary: tuple[Path, Path, bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A failure injected half-way through writing (after some sheets): the old summary is
    untouched, no temporary file is left, and the command says so in one sentence (exit 2)."""
    _, inbox, _ = merge_inbox
    campaign_path, summary, before = previous_summary

    def disk_pulled(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(thidua_xlsx.summary.writer, "_issues_sheet", disk_pulled)
    out = io.StringIO()
    code = main(["merge", str(campaign_path), str(inbox), "-o", str(summary)], out=out)
    assert code == 2
    message = out.getvalue().strip().splitlines()[-1]
    assert "Traceback" not in out.getvalue() and "ổ đĩa đã đầy" in message
    assert summary.read_bytes() == before
    assert sorted(p.name for p in summary.parent.iterdir()) == [summary.name]

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(thidua_xlsx.summary.writer, "_issues_sheet", interrupted)
    assert main(["merge", str(campaign_path), str(inbox), "-o", str(summary)], out=out) == 130
    assert summary.read_bytes() == before
    assert sorted(p.name for p in summary.parent.iterdir()) == [summary.name]


def test_an_interrupted_scorecard_write_keeps_the_previous_card(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layout = plan_card(campaign, campaign.unit(BASE_UNIT))
    target = tmp_path / "phieu.xlsx"
    write_scorecard(target, layout)
    before = target.read_bytes()

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(thidua_xlsx.scorecard.writer, "_write_guide", fail)
    with pytest.raises(RuntimeError):
        write_scorecard(target, layout, values={("I.5", "result"): 2})
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["phieu.xlsx"]


# -- the operator: one Vietnamese sentence, exit 2, never a traceback ----------------------------


def _one_sentence(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    assert len(lines) == 1, text
    assert "Traceback" not in text
    assert re.search(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", lines[0].lower()), lines[0]
    return lines[0]


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("campaign_text", "Không dùng được tệp định nghĩa đợt thi đua"),
        ("campaign_zero_bytes", "Không dùng được tệp định nghĩa đợt thi đua"),
        ("campaign_missing", "Không dùng được tệp định nghĩa đợt thi đua"),
        ("inbox_missing", "Không tìm thấy"),
        ("inbox_empty", "Không có tệp nào"),
        ("output_under_a_file", "Không ghi được vào"),
        ("output_is_a_folder", "là một thư mục; cần tên tệp .xlsx"),
        ("output_unwritable", "Không ghi được vào"),
        ("feedback_under_a_file", "Không ghi được vào"),
    ],
)
def test_operator_failures_are_one_vietnamese_sentence_and_exit_2(
    merge_inbox: tuple[Path, Path, dict[str, Decimal]], tmp_path: Path, case: str, words: str
) -> None:
    campaign_path, inbox, _ = merge_inbox
    campaign, output = str(campaign_path), str(tmp_path / "tong-hop.xlsx")
    extra: list[str] = []
    a_file = tmp_path / "ghi-chu.txt"
    a_file.write_text("không phải thư mục")
    if case == "campaign_text":
        campaign = str(a_file)
    elif case == "campaign_zero_bytes":
        (tmp_path / "rong.xlsx").write_bytes(b"")
        campaign = str(tmp_path / "rong.xlsx")
    elif case == "campaign_missing":
        campaign = str(tmp_path / "khong-co.xlsx")
    elif case == "inbox_missing":
        inbox = tmp_path / "khong-co-thu-muc"
    elif case == "inbox_empty":
        inbox = tmp_path / "rong"
        inbox.mkdir()
    elif case == "output_under_a_file":
        output = str(a_file / "tong-hop.xlsx")
    elif case == "output_is_a_folder":
        output = str(tmp_path)
    elif case == "output_unwritable":
        output = "/proc/thidua-tong-hop.xlsx"  # nobody can create files there, root included
    elif case == "feedback_under_a_file":
        extra = ["--feedback", str(a_file / "phan-hoi")]
    out = io.StringIO()
    code = main(["merge", campaign, str(inbox), "-o", output, *extra], out=out)
    assert code == 2, out.getvalue()
    assert words in _one_sentence(out.getvalue())


def test_a_real_thidua_process_says_one_sentence_and_no_traceback(
    merge_inbox: tuple[Path, Path, dict[str, Decimal]], tmp_path: Path
) -> None:
    campaign_path, inbox, _ = merge_inbox
    script = Path(sys.executable).with_name("thidua")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "thidua_xlsx"]
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    env = {k: v for k, v in os.environ.items() if k != "THIDUA_DEBUG"}
    for argv in (
        ["merge", str(campaign_path), str(inbox), "-o", str(blocker / "out.xlsx")],
        ["merge", str(blocker), str(inbox), "-o", str(tmp_path / "out.xlsx")],
        ["check", str(campaign_path), str(tmp_path / "khong-co")],
    ):
        done = subprocess.run(
            [*command, *argv],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=300,
        )
        assert done.returncode == 2, done.stderr
        assert done.stdout == ""
        _one_sentence(done.stderr)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(
    campaign: Campaign, tmp_path: Path
) -> None:
    """A named pipe (its size reads 0, and opening it would wait for a writer) is refused as
    not a regular file, at once, whether or not anyone writes into it."""
    pipe = tmp_path / "pipe.xlsx"
    os.mkfifo(pipe)
    started = time.monotonic()
    assert _codes(check_file(campaign, pipe)) == {"file_not_regular"}
    assert time.monotonic() - started < HANG_SECONDS


def test_a_file_larger_than_its_size_said_is_read_whole_and_capped(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The size is checked before reading and again on what was read: a file that grew after
    its size was read (here: whose size reads 0) is read to its end, and refused past the
    limit."""
    layout = plan_card(campaign, campaign.unit(BASE_UNIT))
    values, inputs = valid_fill(layout, 7)
    card = tmp_path / "card.xlsx"
    write_scorecard(card, layout, values, inputs)  # type: ignore[arg-type]
    expected = check_file(campaign, card)
    assert expected.card is not None

    real_fstat = os.fstat

    def size_reads_zero(handle: int) -> os.stat_result:
        info = real_fstat(handle)
        return os.stat_result((*info[:6], 0, *info[7:10]))

    monkeypatch.setattr(thidua_xlsx.intake.file_bytes.os, "fstat", size_reads_zero)
    grown = check_file(campaign, card)
    assert grown.card is not None
    assert grown.card.self_total == expected.card.self_total
    assert grown.inputs == expected.inputs

    limit = card.stat().st_size - 1
    monkeypatch.setattr(thidua_xlsx.intake.file_bytes, "MAX_FILE_BYTES", limit)
    assert _codes(check_file(campaign, card)) == {"file_too_large"}  # refused on what was read
    monkeypatch.setattr(thidua_xlsx.intake.file_bytes.os, "fstat", real_fstat)
    assert _codes(check_file(campaign, card)) == {"file_too_large"}  # refused before reading
