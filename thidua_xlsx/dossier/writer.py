"""The award dossier written (SPEC §10): the *tờ trình*, the *danh sách đề nghị* (.docx and
.xlsx), one *báo cáo thành tích* per proposed collective and the Council's *biên bản*.

Each .docx is a template filled by docxtpl (Jinja placeholders in a Word file): the shipped
ones are in ``templates/`` (made by :mod:`~thidua_xlsx.dossier.make_templates`); a folder given
as ``templates`` replaces any of them by name (``to-trinh.docx``, ``danh-sach-de-nghi.docx``,
``bao-cao-thanh-tich.docx``, ``bien-ban-hoi-dong.docx``), so a province changes the layout in
Word without touching code. Every file is written atomically; inputs are never replaced.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2 import TemplateError

from ..core.dossier import Dossier
from ..core.vi_text import slug
from ..errors import DossierError, OutputExistsError
from ..runtime.atomic import atomic_output, output_time
from ..runtime.output_guard import check_outputs
from ..words.messages import render
from .context import common_context, minutes_context, report_context
from .make_templates import CHUYEN_DE_NOTE, TEMPLATE_NAMES

__all__ = ["TEMPLATE_FOLDER", "DossierFiles", "template_path", "write_dossier"]

TEMPLATE_FOLDER = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class DossierFiles:
    """The papers written, in the order they are filed."""

    folder: Path
    proposal: Path  # tờ trình
    listing: Path  # danh sách đề nghị (.docx)
    listing_xlsx: Path  # the same list as a workbook
    reports: tuple[Path, ...]  # one báo cáo thành tích per proposed collective
    minutes: Path  # biên bản họp Hội đồng
    templates: tuple[Path, ...]  # the templates used, in the order of TEMPLATE_NAMES

    @property
    def paths(self) -> tuple[Path, ...]:
        return (self.proposal, self.listing, self.listing_xlsx, *self.reports, self.minutes)


def template_path(name: str, override: str | Path | None = None) -> Path:
    """The template ``name`` (``to-trinh``…): the province's copy in ``override`` when it has
    one, else the shipped one."""
    if override is not None:
        own = Path(override) / f"{name}.docx"
        if own.is_file():
            return own
    return TEMPLATE_FOLDER / f"{name}.docx"


def write_dossier(
    dossier: Dossier,
    folder: str | Path,
    inputs: Iterable[str | Path] = (),
    templates: str | Path | None = None,
    force: bool = False,
    generated_at: datetime | None = None,
) -> DossierFiles:
    """Write the papers of ``dossier`` into ``folder``. Raises :class:`OutputExistsError`
    when a paper is already there (it may have been written on) unless ``force``."""
    out = Path(folder)
    check_outputs([*inputs, *(p for p in [templates] if p is not None)], output_folders=[out])
    stamp = generated_at or output_time()
    year = stamp.year
    proposed = dossier.proposed
    names = {
        "proposal": out / "01-to-trinh.docx",
        "listing": out / "02-danh-sach-de-nghi.docx",
        "listing_xlsx": out / "02-danh-sach-de-nghi.xlsx",
        "minutes": out / "04-bien-ban-hoi-dong.docx",
    }
    reports = [
        out / f"03-bao-cao-thanh-tich-{index:02d}-{p.unit.code}-{slug(p.unit.name, 50)}.docx"
        for index, p in enumerate(proposed, start=1)
    ]
    if not force:
        for path in [*names.values(), *reports]:
            if path.exists():
                raise OutputExistsError(str(path))
    used = {name: template_path(name, templates) for name in TEMPLATE_NAMES}
    common = common_context(dossier, year)
    _render(used["to-trinh"], common, names["proposal"], stamp)
    _render(used["danh-sach-de-nghi"], common, names["listing"], stamp)
    _listing_workbook(dossier, common, names["listing_xlsx"], stamp)
    for path, unit in zip(reports, proposed, strict=True):
        _render(used["bao-cao-thanh-tich"], report_context(dossier, unit, year), path, stamp)
    _render(used["bien-ban-hoi-dong"], minutes_context(dossier, year), names["minutes"], stamp)
    return DossierFiles(
        folder=out,
        proposal=names["proposal"],
        listing=names["listing"],
        listing_xlsx=names["listing_xlsx"],
        reports=tuple(reports),
        minutes=names["minutes"],
        templates=tuple(used.values()),
    )


def _render(template: Path, context: dict[str, Any], target: Path, stamp: datetime) -> None:
    """Fill ``template``; a template that cannot be opened or filled (a province's copy with
    a broken placeholder, a file that is no Word document) is said with its reason. Every part
    of the package is dated ``stamp``, so two runs give the same bytes."""
    try:
        document = DocxTemplate(str(template))
        document.render(context, autoescape=True)
    except (TemplateError, PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DossierError("template", path=str(template), detail=str(exc)) from exc
    filled = io.BytesIO()
    document.save(filled)
    with atomic_output(target) as temp:
        _dated(filled.getvalue(), temp, stamp)


def _dated(package: bytes, target: Path, stamp: datetime) -> None:
    """The .docx package again, each part dated ``stamp`` (python-docx dates them now)."""
    when = max(stamp.timetuple()[:6], (1980, 1, 1, 0, 0, 0))  # a zip date starts in 1980
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            part = zipfile.ZipInfo(info.filename, date_time=when)
            part.compress_type = zipfile.ZIP_DEFLATED
            part.external_attr = 0o644 << 16
            out.writestr(part, source.read(info.filename))


def _listing_workbook(
    dossier: Dossier, common: dict[str, Any], target: Path, stamp: datetime
) -> None:
    """The list as a workbook, A4 portrait: one row per proposed collective, numbers kept as
    numbers (shown with two decimals)."""
    with atomic_output(target) as temp:
        workbook = xlsxwriter.Workbook(
            str(temp), {"strings_to_formulas": False, "strings_to_numbers": False}
        )
        try:
            workbook.set_properties({"author": "thidua_xlsx", "created": stamp})
            _listing_sheet(workbook, dossier, common)
        finally:
            workbook.close()


def _listing_sheet(workbook: xlsxwriter.Workbook, dossier: Dossier, common: dict[str, Any]) -> None:
    base = {"font_name": "Times New Roman", "font_size": 12, "valign": "vcenter"}
    box = {**base, "border": 1, "text_wrap": True}
    title = workbook.add_format({**base, "bold": True, "align": "center", "font_size": 13})
    italic = workbook.add_format({**base, "italic": True, "align": "center", "text_wrap": True})
    note = workbook.add_format({**base, "italic": True, "text_wrap": True})
    head = workbook.add_format({**box, "bold": True, "align": "center"})
    text = workbook.add_format(box)
    cell = workbook.add_format({**box, "align": "center"})
    score = workbook.add_format({**box, "align": "center", "num_format": "0.00"})
    sheet = workbook.add_worksheet(render("dossier.list_sheet", "vi"))
    titles = ["STT", "Mã đơn vị", "Tên tập thể", "Tổng điểm", "Hạng", "Xếp loại", "Biểu quyết"]
    widths = [5, 12, 34, 10, 6, 10, 14]
    last = len(titles) - 1
    heading = render("dossier.list_title", "vi", award=common["award_title_upper"])
    sheet.merge_range(0, 0, 0, last, heading, title)
    sheet.set_row(0, 36)
    sheet.merge_range(
        1,
        0,
        1,
        last,
        render(
            "dossier.list_ref",
            "vi",
            number=common["number"],
            suffix=common["number_suffix"],
            body=common["issuing_body_name"],
        ),
        italic,
    )
    sheet.set_row(1, 32)
    for col, (name, width) in enumerate(zip(titles, widths, strict=True)):
        sheet.set_column(col, col, width)
        sheet.write_string(3, col, name, head)
    row = 4
    for index, (proposed, shown) in enumerate(
        zip(dossier.proposed, common["units"], strict=True), start=1
    ):
        sheet.write_number(row, 0, index, cell)
        sheet.write_string(row, 1, proposed.unit.code, cell)
        sheet.write_string(row, 2, proposed.unit.name, text)
        sheet.write_number(row, 3, float(proposed.total), score)
        sheet.write_number(row, 4, proposed.place.rank, cell)
        sheet.write_string(row, 5, proposed.place.band, cell)
        sheet.write_string(row, 6, shown["vote_share"], cell)
        sheet.set_row(row, 32)
        row += 1
    row += 1
    for line in (common["list_basis"], CHUYEN_DE_NOTE):
        sheet.merge_range(row, 0, row, last, line, note)
        sheet.set_row(row, 48)
        row += 1
    sheet.set_paper(9)
    sheet.set_portrait()
    sheet.set_margins(left=1.18, right=0.59, top=0.79, bottom=0.79)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(3)
