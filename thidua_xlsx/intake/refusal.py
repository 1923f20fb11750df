"""The one exception of reading a returned file (pure: no spreadsheet library)."""

from __future__ import annotations

__all__ = ["UnusableFileError"]


class UnusableFileError(Exception):
    """The file cannot be read as a workbook; ``code`` is the issue to report (from the
    catalogue), ``detail`` what was found."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code, detail)
        self.code = code
        self.detail = detail
