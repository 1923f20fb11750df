"""What a command says about the feedback copies it wrote: where, and for whom."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ..core.model import Campaign
from ..scorecard.feedback import FeedbackCopy
from ..words.messages import Lang, render

__all__ = ["feedback_json", "say_feedback"]


def say_feedback(
    campaign: Campaign, copies: Sequence[FeedbackCopy], folder: str, lang: Lang, out: TextIO
) -> None:
    """One line for the folder, then one per copy: its name, the unit to send it to, what it
    lists and the file it answers."""
    if not copies:
        print(render("feedback.none", lang, folder=folder), file=out)
        return
    print(render("feedback.written", lang, count=len(copies), folder=folder), file=out)
    for copy in copies:
        if copy.unit is None or not campaign.has_unit(copy.unit):
            line = render("feedback.copy_unknown", lang, name=copy.path.name, source=copy.source)
        else:
            what = [
                render(code, lang, count=count)
                for code, count in (
                    ("feedback.errors", copy.errors),
                    ("feedback.warnings", copy.warnings),
                )
                if count
            ]
            unit = f"{copy.unit} {campaign.unit(copy.unit).name}"
            line = render(
                "feedback.copy",
                lang,
                name=copy.path.name,
                unit=unit,
                what=", ".join(what),
                source=copy.source,
            )
        print(f"  {line}", file=out)


def feedback_json(copies: Sequence[FeedbackCopy]) -> list[dict[str, object]]:
    """``--json``'s ``feedback``: each copy's path, unit and the file it answers."""
    return [
        {
            "path": str(c.path),
            "unit": c.unit,
            "source": c.source,
            "errors": c.errors,
            "warnings": c.warnings,
        }
        for c in copies
    ]
