"""The exception tree: raised only when input is unusable, never for a user's bad values.

::

    ThiduaError                   anything this library raises on purpose
    ├── UnitSelectionError        a unit code asked for is not in the campaign
    ├── InboxError                nothing to check: the inbox is missing or empty
    ├── CampaignError             the campaign workbook cannot be used
    │   ├── CampaignFileError     missing, not a workbook, a sheet missing
    │   └── CampaignDefinitionError   read, but the definition is broken (``.problems``)
    ├── OutputError               an output cannot be written
    │   ├── OutputExistsError     it exists and may hold someone's work (use ``force``)
    │   ├── OutputNotEmptyError   a folder to fill already holds other files
    │   └── OutputOverlapsInputError   it is an input, or lies among the inputs
    └── DemoDataError             the sample data of ``thidua demo`` is not installed

Every error carries a Vietnamese and an English message: ``message(lang)``.
"""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .words.issues import Issue

__all__ = [
    "CampaignDefinitionError",
    "CampaignError",
    "CampaignFileError",
    "DemoDataError",
    "InboxError",
    "OutputError",
    "OutputExistsError",
    "OutputNotEmptyError",
    "OutputOverlapsInputError",
    "ThiduaError",
    "UnitSelectionError",
]


class ThiduaError(Exception):
    """Base of every exception this library raises on purpose."""

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi
        self.message_en = message_en

    def message(self, lang: str = "vi") -> str:
        return self.message_en if lang == "en" else self.message_vi


class CampaignError(ThiduaError):
    """The campaign workbook cannot be used."""


class CampaignFileError(CampaignError):
    """The campaign workbook is missing, unreadable, or lacks a required sheet."""

    def __init__(self, path: str, reason_vi: str, reason_en: str) -> None:
        super().__init__(
            f"Không dùng được tệp định nghĩa đợt thi đua {path}: {reason_vi}",
            f"Cannot use the campaign workbook {path}: {reason_en}",
        )
        self.path = path


class CampaignDefinitionError(CampaignError):
    """The campaign workbook was read but its definition is broken; ``problems`` lists all."""

    def __init__(self, path: str, problems: list[Issue]) -> None:
        count = len(problems)
        super().__init__(
            f"Tệp định nghĩa đợt thi đua {path} có {count} lỗi cần sửa",
            f"The campaign workbook {path} has {count} problem(s) to fix",
        )
        self.path = path
        self.problems = problems

    def message(self, lang: str = "vi") -> str:
        lines = [super().message(lang) + ":"]
        lines += [f"  - {problem.describe(lang)}" for problem in self.problems]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.message("vi")


class OutputError(ThiduaError):
    """An output file or folder cannot be written."""

    def __init__(self, path: str, reason: str | OSError) -> None:
        reason_vi, reason_en = _os_reason(reason) if isinstance(reason, OSError) else (reason,) * 2
        super().__init__(
            f"Không ghi được vào {path}: {reason_vi}. Hãy chọn thư mục khác hoặc kiểm tra quyền "
            "ghi.",
            f"Cannot write to {path}: {reason_en}. Choose another folder or check permissions.",
        )
        self.path = path


_OS_REASONS = {
    errno.EACCES: ("không có quyền ghi", "permission denied"),
    errno.EPERM: ("không có quyền ghi", "operation not permitted"),
    errno.ENOENT: ("thư mục không tồn tại", "no such folder"),
    errno.ENOTDIR: (
        "một phần của đường dẫn là tệp, không phải thư mục",
        "part of the path is a file",
    ),
    errno.EISDIR: ("đây là một thư mục, không phải tệp", "it is a folder, not a file"),
    errno.ENOSPC: ("ổ đĩa đã đầy", "the disk is full"),
    errno.EROFS: ("ổ đĩa chỉ cho đọc", "read-only file system"),
    errno.ENAMETOOLONG: ("tên tệp quá dài", "file name too long"),
}


def _os_reason(exc: OSError) -> tuple[str, str]:
    """An operating-system error in words for the operator (Vietnamese, English)."""
    known = _OS_REASONS.get(exc.errno or 0)
    if known is not None:
        return known
    text = exc.strerror or str(exc)
    return f"lỗi hệ thống ({text})", text


class OutputExistsError(OutputError):
    """The output exists and may hold someone's work; overwrite only when asked to."""

    def __init__(self, path: str) -> None:
        ThiduaError.__init__(
            self,
            f"Tệp {path} đã có và có thể chứa dữ liệu đã nhập; không ghi đè. "
            "Thêm --force nếu thật sự muốn ghi đè.",
            f"{path} already exists and may hold entered data; not overwritten. "
            "Add --force to overwrite it.",
        )
        self.path = path


class OutputNotEmptyError(OutputError):
    """A folder the command fills (``thidua demo DIR``) already holds files it did not write."""

    def __init__(self, path: str) -> None:
        ThiduaError.__init__(
            self,
            f"Thư mục {path} đã có tệp khác; không ghi vào đó để khỏi lẫn hoặc mất dữ liệu. "
            "Hãy chọn một thư mục mới hoặc trống.",
            f"The folder {path} already holds other files; nothing is written into it, so "
            "nothing is mixed up or lost. Choose a new or empty folder.",
        )
        self.path = path


class OutputOverlapsInputError(OutputError):
    """An output would replace an input or land among the inputs (SPEC §9: outputs never
    replace inputs). ``how``: ``same`` (it is the input), ``inside`` (it lies inside an input
    folder) or ``beside`` (a folder to write into holds an input file)."""

    def __init__(self, path: str, input_path: str, how: str) -> None:
        if how == "inside":
            vi = (
                f"Không ghi vào {path} vì nơi này nằm trong thư mục đầu vào {input_path}; hãy "
                "chọn chỗ ghi ở ngoài thư mục đó để kết quả không lẫn vào các tệp đã nhận."
            )
            en = (
                f"Not writing to {path}: it lies inside the input folder {input_path}; choose "
                "a place outside it so that outputs do not mix with the files received."
            )
        elif how == "beside":
            vi = (
                f"Không ghi vào thư mục {path} vì thư mục này chứa tệp đầu vào {input_path}; "
                "hãy chọn thư mục khác để kết quả không lẫn vào các tệp đã nhận."
            )
            en = (
                f"Not writing into the folder {path}: it holds the input file {input_path}; "
                "choose another folder so that outputs do not mix with the files received."
            )
        else:
            vi = (
                f"Không ghi vào {path} vì đó chính là đầu vào {input_path}; hãy chọn tên hoặc "
                "thư mục khác để kết quả không ghi đè lên dữ liệu đã nhận."
            )
            en = (
                f"Not writing to {path}: it is the input {input_path}; choose another name or "
                "folder so that no output replaces the data received."
            )
        ThiduaError.__init__(self, vi, en)
        self.path = path
        self.input_path = input_path
        self.how = how


class DemoDataError(ThiduaError):
    """The sample inboxes or the campaign workbook shipped for ``thidua demo`` are missing."""

    def __init__(self, path: str) -> None:
        super().__init__(
            f"Không tìm thấy dữ liệu mẫu đi kèm chương trình ({path}). Hãy cài lại: "
            "python3 -m pip install .",
            f"The bundled sample data is missing ({path}). Reinstall: python3 -m pip install .",
        )
        self.path = path


class UnitSelectionError(ThiduaError):
    """A unit code given on the command line (``--unit``, ``--parent``) is not in the campaign."""

    def __init__(self, unknown: list[str], known: list[str], cluster: bool = False) -> None:
        listed = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
        names = ", ".join(unknown)
        if cluster:
            super().__init__(
                f"Không có cụm thi đua «{names}» trong các đơn vị được xếp hạng. "
                f"Các cụm có: {listed or 'không có'}.",
                f"No cluster «{names}» among the units ranked. Clusters: {listed or 'none'}.",
            )
        else:
            super().__init__(
                f"Không có đơn vị mã {names} trong đợt thi đua. Các mã có: {listed}.",
                f"No unit with code {names} in the campaign. Codes: {listed}.",
            )
        self.unknown = unknown


class InboxError(ThiduaError):
    """There is nothing to check or merge: a path given does not exist, or holds no file."""

    def __init__(self, path: str, reason: str) -> None:
        if reason == "missing":
            vi = f"Không tìm thấy {path}. Hãy kiểm tra lại đường dẫn thư mục hoặc tệp."
            en = f"{path} does not exist. Check the folder or file path."
        else:
            vi = f"Không có tệp nào trong {path}. Hãy chép các phiếu chấm đã nhận vào thư mục này."
            en = f"There are no files in {path}. Copy the received scorecards into it."
        super().__init__(vi, en)
        self.path = path
