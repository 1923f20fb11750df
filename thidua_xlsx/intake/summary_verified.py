"""The scores a summary's own level verified (its *Thẩm định* sheet), read for the dossier.

Read in this process after the summary was read and checked in a contained worker
(:func:`thidua_xlsx.checking.run.run_check`), so the file is known to be a readable summary.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

from .reader import ReturnedFileReader
from .summary_file import SummaryFile

__all__ = ["read_summary_verified"]


def read_summary_verified(path: Path) -> Mapping[str, Mapping[str, Decimal]]:
    """unit → criterion → verified score (empty when the summary has no *Thẩm định*)."""
    returned = ReturnedFileReader(summary_verified=True).read(path)
    return returned.verified if isinstance(returned, SummaryFile) else {}
