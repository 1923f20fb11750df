"""Who has sent what (``thidua check``): the expected units, the file that counts for each,
the files a newer one replaced, and the units that sent nothing but another kind of file
(a PDF, a photo, a Word document) whose name carries their code. Pure.

The expected units are the children of ``--parent``; without it, of the one unit all the
identified files' units are under; else of the campaign's single top unit. When none of
these is known (files of several levels, several top units), there is no inbox status and
the check is the files' alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath
from typing import Any

from ..errors import UnitSelectionError
from ..words.messages import as_lang, render
from .model import Campaign, Unit
from .reports import CheckReport, submission_summary
from .results import FileResult
from .submissions import Completeness, SubmissionStatus, choose_level_submissions

__all__ = ["InboxReport", "file_kind", "inbox_status", "unit_in_name"]

# what a file that is not a workbook is, by its name's extension
_KINDS = {
    ".pdf": "pdf",
    ".doc": "word",
    ".docx": "word",
    ".odt": "word",
    ".rtf": "word",
    ".jpg": "image",
    ".jpeg": "image",
    ".png": "image",
    ".heic": "image",
    ".gif": "image",
    ".bmp": "image",
    ".tif": "image",
    ".tiff": "image",
    ".zip": "archive",
    ".rar": "archive",
    ".7z": "archive",
}
_NOT_A_CARD = {"file_not_workbook", "file_unknown_template"}


def file_kind(name: str) -> str:
    """``pdf``, ``word``, ``image``, ``archive`` or ``other``, from the name's extension."""
    return _KINDS.get(PurePath(name).suffix.lower(), "other")


def unit_in_name(campaign: Campaign, name: str) -> str | None:
    """The code of the unit whose code the file name carries as a word of its own (the
    longest such code: «NH-YT-bao-cao.pdf» is NH-YT's, not NH's); None when none does."""
    stem = PurePath(name).stem.upper()
    found: str | None = None
    for unit in campaign.units:
        code = unit.code.upper()
        if len(code) < 2 or (found is not None and len(code) <= len(found)):
            continue
        if re.search(rf"(?<![0-9A-Z]){re.escape(code)}(?![0-9A-Z])", stem):
            found = unit.code
    return found


@dataclass(frozen=True)
class InboxReport:
    """A check with the inbox's status: each expected unit's file, or none."""

    check: CheckReport
    parent: Unit | None
    completeness: Completeness
    # units that sent no card, with the other files whose names carry their code
    other_files: Mapping[str, tuple[FileResult, ...]] = field(default_factory=dict)

    @cached_property
    def superseded(self) -> frozenset[str]:
        """The paths of the files a newer file of the same unit replaced."""
        return frozenset(str(f.path) for u in self.completeness.units for f in u.superseded)

    def counts(self, result: FileResult) -> bool:
        """Whether ``result`` is a file that counts (not replaced by a newer one)."""
        return str(result.path) not in self.superseded

    @property
    def exit_code(self) -> int:
        """1 when a file that counts is rejected (a rejected file replaced by a newer good
        one no longer does)."""
        return 1 if any(not f.accepted for f in self.check.files if self.counts(f)) else 0

    def summary_line(self, lang: str = "vi") -> str:
        return submission_summary(self.completeness, lang)

    def lines(self, lang: str = "vi") -> list[str]:
        """The inbox's status for a terminal: the summary line, who sent nothing (and who
        sent another kind of file), and which file counts where a unit sent several."""
        said = as_lang(lang)
        campaign = self.check.campaign
        lines = [self.summary_line(lang)]
        missing = [u for u in self.completeness.units if u.status is SubmissionStatus.MISSING]
        if missing:
            lines.append(render("inbox.missing", said, count=len(missing)))
            for unit in missing:
                name = f"{unit.unit} {campaign.unit(unit.unit).name}"
                others = self.other_files.get(unit.unit, ())
                if others:
                    kinds = ", ".join(
                        dict.fromkeys(
                            render(f"file_kind.{file_kind(f.name)}", said) for f in others
                        )
                    )
                    files = ", ".join(f.name for f in others)
                    lines.append(
                        "  " + render("inbox.other_file", said, unit=name, kind=kinds, files=files)
                    )
                else:
                    lines.append(f"  {name}")
        for unit in self.completeness.units:
            if not unit.superseded or unit.result is None:
                continue
            older = ", ".join(f.name for f in unit.superseded)
            lines.append(
                render("inbox.counts", said, unit=unit.unit, name=unit.result.name, older=older)
            )
        return lines

    def to_json(self, lang: str = "vi") -> dict[str, Any]:
        """The check document with the inbox's facts: ``parent``, ``units`` (each with its
        status, the file that counts, the files replaced and other files), ``missing``,
        ``superseded`` and ``summary.line``; the files replaced carry ``"counts": false``."""
        document = self.check.to_json(lang)
        document["summary"]["line"] = self.summary_line(lang)
        document["summary"]["rejected_counting"] = sum(
            1 for f in self.check.files if self.counts(f) and not f.accepted
        )
        document["parent"] = self.parent.code if self.parent else None
        document["units"] = [
            {
                "unit": u.unit,
                "status": u.status.value,
                "file": str(u.result.path) if u.result is not None else None,
                "superseded": [str(f.path) for f in u.superseded],
                "other_files": [str(f.path) for f in self.other_files.get(u.unit, ())],
            }
            for u in self.completeness.units
        ]
        document["missing"] = list(self.completeness.missing)
        document["superseded"] = sorted(self.superseded)
        for entry in document["files"]:
            entry["counts"] = entry["path"] not in self.superseded
        return document


def inbox_status(check: CheckReport, parent: str | None = None) -> InboxReport | None:
    """The inbox's status of ``check`` for the children of ``parent`` (see the module's
    text for the level taken without it); None when no level is known. Raises
    :class:`UnitSelectionError` for a ``parent`` the campaign does not have."""
    campaign = check.campaign
    level = _level(campaign, check, parent)
    if level is False:
        return None
    top = level if isinstance(level, Unit) else None
    expected = [u.code for u in campaign.children_units(top.code if top else None)]
    if not expected:
        return None
    check, completeness = choose_level_submissions(check, expected, top.code if top else None)
    missing = set(completeness.missing)
    others: dict[str, list[FileResult]] = {}
    for result in completeness.unidentified:
        if not {i.code for i in result.issues} & _NOT_A_CARD:
            continue
        code = unit_in_name(campaign, result.name)
        if code in missing:
            others.setdefault(code, []).append(result)
    return InboxReport(check, top, completeness, {k: tuple(v) for k, v in others.items()})


def _level(campaign: Campaign, check: CheckReport, parent: str | None) -> Unit | bool | None:
    """The unit whose children are expected (None: the top units), or False when unknown."""
    if parent is not None:
        found = campaign.unit_by_upper_code(parent.upper())
        if found is None:
            raise UnitSelectionError([parent], [u.code for u in campaign.units])
        return campaign.unit(found)
    # the units of the cards (a summary stands for the unit it summarises; its own units are
    # a level below), else of the summaries
    units = {f.unit for f in check.files if f.unit and not f.is_summary} or {
        f.unit for f in check.files if f.unit
    }
    parents = {campaign.unit(u).parent for u in units if campaign.has_unit(u)}
    if len(parents) == 1:
        (code,) = parents
        return campaign.unit(code) if code is not None else None
    roots = campaign.root_units
    if len(roots) == 1 and not parents:
        return roots[0]
    return False
