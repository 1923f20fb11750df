"""Feedback copies (``check --feedback DIR``): for each file with issues, the unit's scorecard
rewritten with its own values, the problem cells marked and commented, and a sheet listing the
issues — ready to send back. A file whose unit cannot be known gets the list alone."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter

from ..core.reports import CheckReport
from ..core.vi_text import slug
from ..errors import OutputError
from ..runtime.atomic import atomic_output, output_time
from ..runtime.output_guard import check_outputs
from ..words.issues import Severity
from .layout import plan_card
from .writer import write_issue_sheet, write_scorecard

__all__ = ["FeedbackCopy", "write_feedback", "write_feedback_copies"]


@dataclass(frozen=True)
class FeedbackCopy:
    """A feedback copy written: where, for which unit (None when it cannot be told), from
    which file, and how many errors and warnings it lists."""

    path: Path
    unit: str | None
    source: str
    errors: int
    warnings: int


def write_feedback(
    report: CheckReport, out_dir: str | Path, lang: str = "vi", skip: Collection[str] = ()
) -> list[Path]:
    """:func:`write_feedback_copies`, returning the copies' paths."""
    return [c.path for c in write_feedback_copies(report, out_dir, lang, skip)]


def write_feedback_copies(
    report: CheckReport, out_dir: str | Path, lang: str = "vi", skip: Collection[str] = ()
) -> list[FeedbackCopy]:
    """Write one feedback workbook per file with something to fix in it (an error, or a
    warning about a cell); return what was written. Lateness alone needs no copy, nor a note
    (a result over its target), nor a file this tool wrote itself (an unchanged feedback
    copy, the level's own summary), nor a file in ``skip`` (the paths of files a newer file of
    the same unit replaced: only the file that counts is answered). The folder must not be
    one of the report's inputs' folders (see
    :func:`~thidua_xlsx.runtime.output_guard.check_outputs`)."""
    skipped = {str(p) for p in skip}
    folder = Path(out_dir)
    check_outputs((f.path for f in report.files), output_folders=[folder])
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(str(folder), exc) from exc
    written: list[FeedbackCopy] = []
    used: set[str] = set()
    for result in (f for top in report.files for f in top.with_members()):
        if not result.needs_feedback or str(result.path) in skipped:
            continue
        source = Path(result.source) if result.source else result.path
        name = _name(source, used)
        target = folder / name
        if result.unit is not None and result.card is not None:
            write_scorecard(
                target,
                plan_card(report.campaign, report.campaign.unit(result.unit)),
                values=result.values,  # type: ignore[arg-type]
                inputs=result.inputs,
                verified=result.verified,
                issues=result.issues,
                lang=lang,
                feedback_of=source.name,
            )
        else:
            with atomic_output(target) as temp:
                workbook = xlsxwriter.Workbook(str(temp), {"strings_to_formulas": False})
                try:
                    workbook.set_properties({"author": "thidua_xlsx", "created": output_time()})
                    write_issue_sheet(workbook, result.issues, lang)
                finally:
                    workbook.close()
        errors = sum(1 for i in result.issues if i.severity is Severity.ERROR)
        warnings = sum(1 for i in result.issues if i.severity is Severity.WARNING)
        written.append(FeedbackCopy(target, result.unit, source.name, errors, warnings))
    return written


_COPY_SUFFIX = re.compile(r"(-phan-hoi(-\d+)?)+$")


def _name(source: Path, used: set[str]) -> str:
    """``<original name>-phan-hoi.xlsx``, made safe and unique within the folder; the copy
    of a copy sent back is named as the first copy (never ``…-phan-hoi-phan-hoi.xlsx``)."""
    base = _COPY_SUFFIX.sub("", slug(source.stem, 80)) or "tep"
    name = f"{base}-phan-hoi.xlsx"
    counter = 2
    while name in used:
        name = f"{base}-phan-hoi-{counter}.xlsx"
        counter += 1
    used.add(name)
    return name
