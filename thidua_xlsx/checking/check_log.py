"""The issues found in what is being checked (a returned file, or a unit a summary carries),
each placed at its file and sheet, and the result they make."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from ..core.cellref import CellValue
from ..core.results import FileResult, needs_feedback
from ..core.scoring import RawInput, ScoreCard
from ..words.issues import Issue
from .cell_values import CellProblem

__all__ = ["SHOWN_MAX", "CheckLog", "Checked", "clip", "message_params"]

SHOWN_MAX = 200  # a value quoted in a message is cut to this many characters


@dataclass(frozen=True)
class Checked:
    """What is being checked: a returned file, or a unit a summary carries."""

    path: Path
    sheet: str  # where its cells are: an issue at a cell names this sheet
    saved_at: datetime | None = None
    card_kind: str = ""  # "full", "sector" or "composed", as the card says
    source: str = ""  # a unit carried by a summary: the file it came from at the level below


@dataclass
class CheckLog:
    """The issues found so far in one checked file or carried unit."""

    checked: Checked
    issues: list[Issue] = field(default_factory=list)

    def add(
        self, code: str, cell: str = "", criterion: str = "", value: object = "", **params: object
    ) -> None:
        self.issues.append(
            Issue(
                code,
                file=str(self.checked.path),
                sheet=self.checked.sheet if cell else "",
                cell=cell,
                criterion=criterion,
                value="" if value is None else clip(str(value)),
                params=message_params(**params),
            )
        )

    def add_problem(self, problem: CellProblem, cell: str, criterion: str) -> None:
        """A problem found in a cell's value, placed at that cell."""
        self.add(problem.code, cell, criterion, problem.value, **problem.params)

    def result(
        self,
        unit: str | None,
        card: ScoreCard | None = None,
        inputs: Mapping[str, RawInput] | None = None,
        verified: Mapping[str, Decimal] | None = None,
        values: Mapping[tuple[str, str], CellValue] | None = None,
    ) -> FileResult:
        """The verdict: these issues, and what was read and scored (the cells as read travel
        only with a file that gets a feedback copy)."""
        issues = tuple(self.issues)
        checked = self.checked
        return FileResult(
            checked.path,
            unit,
            issues,
            card,
            {} if inputs is None else inputs,
            {} if verified is None else verified,
            values if values is not None and needs_feedback(issues) else {},
            checked.saved_at,
            source=checked.source,
            card_kind=checked.card_kind,
        )


def clip(text: str, limit: int = SHOWN_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def message_params(**params: object) -> dict[str, str]:
    """A message's fields as text."""
    return {key: str(value) for key, value in params.items()}
