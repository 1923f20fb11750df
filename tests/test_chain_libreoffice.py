"""The three-level chain on files saved by LibreOffice (issue 5's acceptance):

sectors (typed in LibreOffice) ──compose──▶ the Nhơn Hưng ward card (re-saved in LibreOffice)
wards (typed in LibreOffice) + that card ──rank per cluster──▶ two cluster summaries (re-saved
in LibreOffice, one as .ods) ──rank──▶ the town's summary, whose totals and ranks (ties
included) equal an independent computation written here from the values typed.
The town's summary is then printed through LibreOffice (PDF → PNG) and its layout checked.
"""

from __future__ import annotations

import subprocess
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from thidua_xlsx import load_campaign
from thidua_xlsx.core.cellref import cell_name
from thidua_xlsx.core.model import Criterion, Method
from thidua_xlsx.core.scoring import RawInput
from thidua_xlsx.merge.compose import merge_compose
from thidua_xlsx.merge.rank import merge_rank
from thidua_xlsx.scorecard.blank_cards import scorecard_filename
from thidua_xlsx.scorecard.layout import COL, SCORECARD_SHEET, plan_card
from thidua_xlsx.scorecard.writer import write_composed_card, write_scorecard
from thidua_xlsx.summary.writer import write_summary

from conftest import SEED_003
from fill_helpers import open_deadline, valid_fill
from independent_scoring import competition_ranks as _competition_ranks
from independent_scoring import expected_card as _expected_card
from independent_scoring import leaf_points as _leaf_points
from libreoffice import convert, page_sizes, page_text, png_size, run_uno

pytestmark = pytest.mark.libreoffice

CLUSTERS = ("Cụm 1 - Phường", "Cụm 2 - Xã")
TWINS = ("X-ANHAO", "X-TANLAP")  # the same entries: đồng hạng


# -- an independent computation, from SPEC §4, of what was typed -------------------------


def _combine(criterion: Criterion, entries: dict[str, RawInput], step: Decimal) -> RawInput:
    """SPEC §4's compose rules, written again: counts, deductions and % results summed (a %
    against the campaign's target: the results' average against it), Đạt and points from the
    lead sector or the best of the others; or the rule the campaign writes for the leaf."""
    given = [r for r in entries.values() if r.amount is not None or r.met is not None]
    points = lambda r: _leaf_points(criterion, r, step)  # noqa: E731
    method = criterion.method
    summed = method in (Method.SO_LUONG, Method.TRU, Method.TY_LE)
    rule = criterion.compose.value if criterion.compose else "cong" if summed else "chu_tri"
    amounts = [r.amount for r in given if r.amount is not None]
    if rule == "cong" and method is Method.TY_LE and criterion.target is not None:
        rule = "trung_binh"
    if rule == "cong":
        targets = [r.target for r in given if r.target is not None]
        mets = [r.met for r in given if r.met is not None]
        return RawInput(
            sum(amounts, Decimal(0)) if amounts else None,
            (True in mets) if mets else None,
            sum(targets, Decimal(0)) if targets else None,
        )
    if rule == "trung_binh":
        mean = sum(amounts, Decimal(0)) / len(amounts) if amounts else None
        if mean is not None and len(amounts) > 1:
            mean = (mean / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
        mets = [r.met for r in given if r.met is not None]
        return RawInput(mean, mets.count(True) >= mets.count(False) if mets else None)
    lead = entries.get(criterion.sectors[0]) if rule == "chu_tri" else None
    if lead is not None and (lead.amount is not None or lead.met is not None):
        return lead
    others = [r for s, r in entries.items() if rule != "chu_tri" or s != criterion.sectors[0]]
    return max(others, key=points, default=RawInput())


# -- typing the cards in LibreOffice ------------------------------------------------------


def _typed_cells(values: dict[tuple[str, str], object], rows: dict[str, int]) -> dict[str, object]:
    return {
        cell_name(rows[code], COL[column]): float(v) if isinstance(v, Decimal) else v
        for (code, column), v in values.items()
    }


def test_three_level_chain_on_libreoffice_files(soffice: str, tmp_path: Path) -> None:
    campaign = open_deadline(load_campaign(SEED_003))
    blank, sectors_in, wards_in = tmp_path / "blank", tmp_path / "sectors", tmp_path / "wards"
    blank.mkdir()
    documents = []
    typed: dict[str, dict[str, RawInput]] = {}
    units = [u for u in campaign.children_units("P-NHONHUNG") if u.code != "NH-MG"]
    units += [u for u in campaign.children_units("TXTB") if u.code != "P-NHONHUNG"]
    for seed, unit in enumerate(units):
        layout = plan_card(campaign, unit)
        values, inputs = valid_fill(layout, 500 if unit.code in TWINS else seed)
        typed[unit.code] = inputs
        card = blank / scorecard_filename(unit)
        write_scorecard(card, layout)
        folder = sectors_in if unit.parent == "P-NHONHUNG" else wards_in
        suffix = ".ods" if unit.code in ("NH-CA", "X-ANCU") else ".xlsx"
        fill = {
            "cells": _typed_cells(values, layout.rows),
            "save_as": [str(folder / card.stem) + suffix],
        }
        documents.append({"source": str(card), "sheet": SCORECARD_SHEET, "fills": [fill]})
    run_uno({"documents": documents}, tmp_path / "uno")

    # level 1: the sectors composed into the ward's own card, which the ward re-saves
    composed = merge_compose(campaign, [sectors_in], "P-NHONHUNG")
    assert composed.exit_code == 0, composed.check.table()
    assert composed.completeness.missing == ("NH-MG",)
    ward = campaign.unit("P-NHONHUNG")
    card = tmp_path / "composed" / scorecard_filename(ward)
    card.parent.mkdir()
    write_composed_card(card, composed)
    convert(soffice, card, "xlsx", wards_in)
    gathered: dict[str, dict[str, RawInput]] = {}
    for unit in campaign.children_units("P-NHONHUNG"):
        for code, raw in typed.pop(unit.code, {}).items():
            gathered.setdefault(code, {})[unit.code] = raw
    step = campaign.rounding_step
    typed["P-NHONHUNG"] = {
        code: _combine(campaign.criterion(code), raws, step) for code, raws in gathered.items()
    }

    # level 2: each cluster ranked by its lead ward; the summaries re-saved in LibreOffice
    summaries, town = tmp_path / "summaries", tmp_path / "town"
    for index, cluster in enumerate(CLUSTERS, start=1):
        report = merge_rank(campaign, [wards_in], cluster=cluster)
        assert report.exit_code == 0, report.check.table()
        path = summaries / f"tong-hop-cum-{index}.xlsx"
        summaries.mkdir(exist_ok=True)
        write_summary(path, report)
        convert(soffice, path, "ods" if index == 2 else "xlsx", town)

    # level 3: the town ranks every ward from the two summaries
    final = merge_rank(campaign, [town])
    assert final.exit_code == 0, final.check.table()
    assert sorted(f.path.name for f in final.completeness.accounted_files()) == [
        "tong-hop-cum-1.xlsx",
        "tong-hop-cum-2.ods",
    ]
    expected = {code: _expected_card(campaign, inputs) for code, inputs in typed.items()}
    got = {r.unit: r for r in final.ranking}
    assert set(got) == {u.code for u in campaign.children_units("TXTB")}
    assert {u: r.total for u, r in got.items()} == {u: e["TOTAL"] for u, e in expected.items()}
    keys = {u: (e["TOTAL"], e["II"], -e["V"]) for u, e in expected.items()}
    assert {u: r.rank for u, r in got.items()} == _competition_ranks(keys)
    for cluster in CLUSTERS:
        members = {u.code for u in campaign.children_units("TXTB") if u.cluster == cluster}
        want = _competition_ranks({u: k for u, k in keys.items() if u in members})
        assert {u: got[u].cluster_rank for u in members} == want
    assert got[TWINS[0]].rank == got[TWINS[1]].rank and got[TWINS[0]].tied
    for code in got:
        card_found = final.card(code)
        assert card_found is not None
        assert {s: card_found.final_nodes[s] for s in ("I", "II", "III", "IV", "V")} == {
            s: expected[code][s] for s in ("I", "II", "III", "IV", "V")
        }

    # the town's summary, printed through LibreOffice
    summary = tmp_path / "out" / "tong-hop-thi-xa.xlsx"
    summary.parent.mkdir()
    write_summary(summary, final)
    _assert_print_layout(soffice, summary, tmp_path / "pdf")


def _assert_print_layout(soffice: str, summary: Path, out: Path) -> None:
    pdf = convert(soffice, summary, "pdf", out)
    sizes = page_sizes(pdf)
    assert sizes and all(abs(w - 841.89) < 2 and abs(h - 595.28) < 2 for w, h in sizes)

    first = page_text(
        pdf, 1
    )  # the signed copy: header, the whole table one page wide, the signatures
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
    assert "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA" in first
    assert "14/14 đơn vị đã nộp" in first
    for title in ("STT", "Tổng", "Xếp loại", "Tình trạng"):
        assert title in first
    assert "Trang 1/" in first
    # 12 pt type: the signatures close the table on the first page or on the next, with the
    # table's last rows (tests/summary/test_summary_print_libreoffice.py checks the type)
    signed = next(page_text(pdf, n) for n in (1, 2) if "TM. " in page_text(pdf, n))
    assert "NGƯỜI LẬP BIỂU" in signed and "Nơi nhận:" in signed
    png = out / "page1"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(png)],
        check=True,
        capture_output=True,
    )
    width, height = png_size(png.with_suffix(".png"))
    assert width > height and abs(width / height - 841.89 / 595.28) < 0.02
