"""The interface's and the exceptions' texts, in Vietnamese and English, and the one renderer.

Every sentence the library says to a person outside an issue — the command's lines, the
reports' words, the demo's account, the labels of ``thidua show``, every exception — is an entry
of :data:`MESSAGES`: a stable code, a Vietnamese and an English template. That is the shape of
the issue catalogue (:data:`thidua_xlsx.words.issues.CATALOGUE`), which adds a severity, and
:func:`render` fills the entries of both.

Placeholders:

- ``{name}``: the parameter ``name`` as given: a text, a number, or anything with a
  ``message(lang)`` method (an :class:`~thidua_xlsx.words.issues.Issue`, an exception, a
  :class:`Message`), which is rendered in the same language;
- ``{name:family}``: the parameter holds a key and the entry ``family.<key>`` of
  :data:`MESSAGES` is shown, in the reader's language: ``{what:column}`` with ``what="max"``
  reads «điểm tối đa» or "maximum points". A parameter names a thing; the catalogue says it.

A template is checked when its entry is made: each placeholder is a plain name, and both
languages use the same ones (:class:`TemplateError` otherwise: a catalogue with a bad entry does
not import). Rendering without a placeholder's parameter raises :class:`MissingFieldError`, so
a misspelled placeholder fails instead of showing as empty text; issues and exceptions check
their parameters when they are made (:func:`check_params`).
"""

from __future__ import annotations

import errno
import string
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Literal, Protocol, TypeAlias

__all__ = [
    "LANGS",
    "MESSAGES",
    "Lang",
    "Localized",
    "Message",
    "MissingFieldError",
    "Param",
    "TemplateError",
    "Text",
    "as_lang",
    "check_params",
    "placeholders",
    "render",
    "word",
]

Lang: TypeAlias = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")


def as_lang(value: str | None) -> Lang:
    """The language a caller asked for: English for ``"en"``, Vietnamese for anything else."""
    return "en" if value == "en" else "vi"


class TemplateError(ValueError):
    """A template that cannot be filled safely: a placeholder that is not a plain name, or
    placeholders that differ between the Vietnamese and the English text."""


class MissingFieldError(KeyError):
    """A placeholder without its parameter: a misspelling in the template or at the call."""


class Localized(Protocol):
    """Anything that says itself in either language (issues, exceptions, messages)."""

    def message(self, lang: str = "vi") -> str: ...


Param: TypeAlias = "str | int | Decimal | Localized"


@cache
def _pieces(template: str) -> tuple[tuple[str, str | None, str], ...]:
    """The template as (literal text, placeholder or None, family) pieces; checked."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:  # a lone { or }
        raise TemplateError(f"{exc}: {template!r}") from None
    pieces = []
    for literal, name, spec, conversion in parsed:
        if name is not None and (
            not name.isidentifier() or conversion or (spec and not spec.isidentifier())
        ):
            raise TemplateError(f"{{{name}}} is not a plain placeholder: {template!r}")
        pieces.append((literal, name, spec or ""))
    return tuple(pieces)


def _fields(template: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for _, name, family in _pieces(template):
        if name is None:
            continue
        if fields.setdefault(name, family) != family:
            raise TemplateError(f"{{{name}}} is used with two families: {template!r}")
    return fields


def placeholders(vi: str, en: str) -> Mapping[str, str]:
    """The placeholders of a pair of templates (name → family, ``""`` for none); raises
    :class:`TemplateError` unless both languages use the same ones."""
    fields_vi, fields_en = _fields(vi), _fields(en)
    if fields_vi != fields_en:
        only_vi = sorted(fields_vi.items() - fields_en.items())
        only_en = sorted(fields_en.items() - fields_vi.items())
        raise TemplateError(
            f"the placeholders differ: only in Vietnamese {only_vi}, only in English {only_en}: "
            f"{vi!r} / {en!r}"
        )
    return fields_vi


class Bilingual(Protocol):
    """An entry of either catalogue: two templates and their (checked) placeholders."""

    @property
    def vi(self) -> str: ...

    @property
    def en(self) -> str: ...

    @property
    def fields(self) -> Mapping[str, str]: ...


@dataclass(frozen=True)
class Text:
    """One entry of :data:`MESSAGES`: a Vietnamese and an English template."""

    vi: str
    en: str
    fields: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", placeholders(self.vi, self.en))


def render(text: str | Bilingual, lang: Lang, /, **params: Param) -> str:
    """``text`` (a code of :data:`MESSAGES`, or an entry of either catalogue) in ``lang``.

    Raises :class:`MissingFieldError` when a placeholder has no parameter, ``KeyError`` for a
    code or a ``{name:family}`` word that is not in :data:`MESSAGES`.
    """
    entry = MESSAGES[text] if isinstance(text, str) else text
    parts: list[str] = []
    for literal, name, family in _pieces(entry.en if lang == "en" else entry.vi):
        parts.append(literal)
        if name is None:
            continue
        if name not in params:
            raise MissingFieldError(f"no value for {{{name}}} in {entry.vi!r}")
        value = params[name]
        if family:
            parts.append(word(family, str(value), lang))
        elif isinstance(value, (str, int, Decimal)):
            parts.append(str(value))
        else:
            parts.append(value.message(lang))
    return "".join(parts)


def word(family: str, key: str, lang: Lang) -> str:
    """The entry ``family.key`` of :data:`MESSAGES` in ``lang``: a localized name for a key
    (a column, a method, a status)."""
    code = f"{family}.{key}"
    if code not in MESSAGES:
        raise KeyError(f"no word {code!r} in the messages")
    return render(MESSAGES[code], lang)


def check_params(
    entry: Bilingual, params: Collection[str] | Mapping[str, object], given: Collection[str] = ()
) -> None:
    """Raise :class:`MissingFieldError` unless ``params`` (with the names in ``given``) fill
    every placeholder of ``entry``, and ``KeyError`` for a ``{name:family}`` key that has no
    word. Issues and exceptions call it when they are made, so a bad call fails where it is."""
    missing = entry.fields.keys() - params - set(given)
    if missing:
        raise MissingFieldError(f"no value for {sorted(missing)} in {entry.vi!r}")
    if isinstance(params, Mapping):
        for name, family in entry.fields.items():
            if family and name in params and f"{family}.{params[name]}" not in MESSAGES:
                raise KeyError(f"no word {family}.{params[name]} in the messages")


@dataclass(frozen=True, init=False)
class Message:
    """A text of :data:`MESSAGES` with its parameters, said once the language is known: the
    parameter of another text (an operating system's reason inside an error), or kept."""

    code: str
    params: Mapping[str, Param]

    def __init__(self, code: str, /, **params: Param) -> None:
        check_params(MESSAGES[code], params)
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", params)

    def message(self, lang: str = "vi") -> str:
        return render(self.code, as_lang(lang), **self.params)

    def __reduce__(self) -> tuple[object, ...]:
        return (_message, (self.code, dict(self.params)))


def _message(code: str, params: dict[str, Param]) -> Message:
    return Message(code, **params)


def _os_words() -> dict[str, Text]:
    """Operating-system errors in words for the operator (``os.<errno name>``)."""
    words = {
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
    return {f"os.{errno.errorcode[number]}": Text(*pair) for number, pair in words.items()}


MESSAGES: Mapping[str, Text] = {
    # -- words for keys: {name:family} placeholders and lookups ---------------------------
    "word.none": Text("không có", "none"),
    "column.max": Text("điểm tối đa", "maximum points"),
    "column.target": Text("chỉ tiêu", "target"),
    "severity.error": Text("LỖI", "ERROR"),
    "severity.warning": Text("cảnh báo", "warning"),
    "file_status.accepted": Text("nhận", "accepted"),
    "file_status.rejected": Text("trả lại", "rejected"),
    "submission.accepted": Text("đã nộp", "submitted"),
    "submission.late": Text("nộp muộn", "late"),
    "submission.rejected": Text("bị trả lại", "rejected"),
    "submission.missing": Text("chưa nộp", "missing"),
    "method.diem": Text("Chấm điểm", "Direct points"),
    "method.dat": Text("Đạt/Không đạt", "Met/not met"),
    "method.ty_le": Text("Tỷ lệ % chỉ tiêu", "% of target"),
    "method.so_luong": Text("Theo số lượng", "Per count"),
    "method.thuong": Text("Điểm thưởng", "Bonus"),
    "method.tru": Text("Điểm trừ", "Deduction"),
    "ranking_style.competition": Text("đồng hạng (1, 2, 2, 4)", "competition (1, 2, 2, 4)"),
    "ranking_style.dense": Text("liền mạch (1, 2, 2, 3)", "dense (1, 2, 2, 3)"),
    # -- where an issue is ----------------------------------------------------------------
    "where.sheet": Text("trang «{sheet}»", "sheet «{sheet}»"),
    "where.row": Text("dòng {row}", "row {row}"),
    "where.cell": Text("ô {cell}", "cell {cell}"),
    # -- the command (thidua_xlsx.faces.cli) ----------------------------------------------
    "cli.init_done": Text(
        "Đã ghi tệp định nghĩa đợt thi đua: {path}\n"
        "Mở bằng Excel để nhập tiêu chí, rồi kiểm tra bằng: thidua show {path}",
        "Wrote the campaign workbook: {path}\n"
        "Open it in Excel to enter the criteria, then check it with: thidua show {path}",
    ),
    "cli.unexpected": Text(
        "Lỗi không lường trước ({error}); không có tệp kết quả nào bị ghi dở. "
        "Hãy báo cho người quản trị phần mềm, kèm lệnh đã chạy.",
        "Unexpected error ({error}); no output was left half-written. Tell the "
        "software's administrator, with the command you ran.",
    ),
    "cli.templates_done": Text(
        "Đã ghi {count} phiếu chấm điểm vào {folder}:",
        "Wrote {count} scorecard(s) into {folder}:",
    ),
    "cli.templates_kept": Text(
        "Giữ nguyên {count} tệp đã có (có thể đã được điền); thêm --force để ghi đè:",
        "Kept {count} existing file(s) (they may have been filled in); add --force to overwrite:",
    ),
    "cli.templates_empty": Text(
        "Không ghi phiếu cho {count} ngành chưa được giao tiêu chí nào (xem cột Ngành phụ trách):",
        "No scorecard for {count} sector(s) responsible for no criterion (see the Ngành phụ "
        "trách column):",
    ),
    "cli.checking": Text("Đang kiểm tra", "Checking"),
    "cli.merging": Text("Đang tổng hợp", "Merging"),
    "cli.composing": Text("Đang tổng hợp", "Composing"),
    "cli.feedback_written": Text(
        "Bản phản hồi: {folder} ({count})", "Feedback copies: {folder} ({count})"
    ),
    "cli.merge_done": Text("Bảng tổng hợp: {path}", "Summary workbook: {path}"),
    "cli.compose_parent": Text(
        "Chế độ --mode compose cần --parent CODE: mã đơn vị nhận tổng hợp (ví dụ phường).",
        "--mode compose needs --parent CODE: the unit the sectors belong to.",
    ),
    "cli.compose_done": Text(
        "Phiếu tổng hợp của đơn vị (từ {count} ngành, tổng điểm {total}): {path}",
        "The unit's composed scorecard ({count} sectors, total {total}): {path}",
    ),
    # -- the reports (thidua_xlsx.core.reports) -------------------------------------------
    "report.file_line": Text(
        "{mark} {name}  [{unit}]  {status:file_status}  tổng điểm: {total}",
        "{mark} {name}  [{unit}]  {status:file_status}  total: {total}",
    ),
    "report.units": Text("{count} đơn vị", "{count} units"),
    "report.files": Text(
        "{files} tệp: {accepted} được nhận, {rejected} bị trả lại, {warned} có cảnh báo.",
        "{files} file(s): {accepted} accepted, {rejected} rejected, {warned} with warnings.",
    ),
    "report.rank_summary": Text(
        "{sent}/{units} đơn vị đã nộp, {late} nộp muộn, {rejected} bị trả lại{others}, "
        "{missing} chưa nộp; {ranked} đơn vị được xếp hạng.",
        "{sent}/{units} units submitted, {late} late, {rejected} rejected{others}, {missing} "
        "missing; {ranked} ranked.",
    ),
    # -- the demo (thidua_xlsx.faces.demo) ------------------------------------------------
    "demo.intro": Text(
        "Chạy thử toàn bộ quy trình trên dữ liệu mẫu: «{title}»; các ngành của {ward} → các "
        "phường, xã của {town}.",
        "A run of the whole chain on the sample data: «{title}»; the sectors of {ward} → the "
        "wards and communes of {town}.",
    ),
    "demo.folder": Text("Toàn bộ kết quả nằm trong {folder}:", "Everything is in {folder}:"),
    "demo.inputs": Text(
        "Dữ liệu mẫu (bản sao; tệp gốc đi kèm chương trình không bị sửa): {folder}",
        "The sample data (copies; the bundled files are not changed): {folder}",
    ),
    "demo.templates": Text(
        "Mẫu phiếu chấm trống: {sectors} phiếu cho các ngành của {ward}, {wards} phiếu cho các "
        "phường, xã của {town}: {folder}",
        "Blank scorecards: {sectors} for the sectors of {ward}, {wards} for the wards and "
        "communes of {town}: {folder}",
    ),
    "demo.check": Text(
        "Kiểm tra hộp thư của các ngành, {files}: {report}",
        "Check of the sectors' inbox, {files}: {report}",
    ),
    "demo.files": Text(
        "{files} tệp: {accepted} được nhận, {rejected} bị trả lại, {warned} có cảnh báo",
        "{files} files: {accepted} accepted, {rejected} rejected, {warned} with warnings",
    ),
    "demo.feedback": Text(
        "Bản phản hồi để gửi lại ({count}): {folder}",
        "Feedback copies to send back ({count}): {folder}",
    ),
    "demo.composed": Text(
        "Phiếu tổng hợp của {ward} (từ {sectors} ngành, tổng điểm {total}): {card}",
        "The composed card of {ward} (from {sectors} sectors, total {total}): {card}",
    ),
    "demo.sectors_missing": Text("Ngành chưa nộp: {units}", "Sectors that sent nothing: {units}"),
    "demo.warning": Text("cảnh báo: {message}", "warning: {message}"),
    "demo.summary": Text(
        "Bảng tổng hợp xếp hạng của {town}: {summary}", "The ranked summary of {town}: {summary}"
    ),
    "demo.top": Text("Dẫn đầu: {units}", "Top: {units}"),
    "demo.units_missing": Text("Chưa nộp: {units}", "Missing: {units}"),
    "demo.planted": Text(
        "Các tệp bị trả lại, phiếu trống, cảnh báo, tệp nộp muộn và đơn vị chưa nộp ở trên "
        "được cài sẵn trong dữ liệu mẫu để minh họa (xem {readme}): quy trình đã chạy hết. "
        "Các tệp do LibreOffice lưu mang ngày lưu là hôm nay nên bị tính là nộp muộn.",
        "The rejected files, empty card, warnings, late files and missing units above are "
        "planted in the sample data on purpose (see {readme}): the chain ran to the end. The "
        "files LibreOffice saved carry today's date, so they are late.",
    ),
    # -- the issue sheet of a feedback copy or a composed card (thidua_xlsx.scorecard.writer)
    "issue_sheet.name": Text("Lỗi cần sửa", "Issues"),
    "issue_sheet_column.no": Text("STT", "No."),
    "issue_sheet_column.cell": Text("Ô", "Cell"),
    "issue_sheet_column.criterion": Text("Tiêu chí", "Criterion"),
    "issue_sheet_column.severity": Text("Mức độ", "Severity"),
    "issue_sheet_column.what": Text("Nội dung cần sửa", "What to fix"),
    "issue_sheet_column.code": Text("Mã lỗi", "Code"),
    "issue_sheet_severity.error": Text("Lỗi", "Error"),
    "issue_sheet_severity.warning": Text("Cảnh báo", "Warning"),
    # -- a campaign as text (thidua_xlsx.campaign.show) -----------------------------------
    "show.campaign": Text("ĐỢT THI ĐUA", "CAMPAIGN"),
    "show.id": Text("Mã", "Id"),
    "show.plan": Text("Số kế hoạch", "Plan number"),
    "show.issuer": Text("Cơ quan ban hành", "Issuing body"),
    "show.superior": Text("Cơ quan cấp trên", "Superior body"),
    "show.place": Text("Địa danh", "Place"),
    "show.issued": Text("Ngày ban hành", "Issued"),
    "show.period": Text("Thời gian thi đua", "Period"),
    "show.deadline": Text("Hạn nộp", "Deadline"),
    "show.award_window": Text("Thời gian xét khen thưởng", "Award window"),
    "show.cap": Text("Tổng điểm tối đa", "Total cap"),
    "show.no_ded": Text("không gồm điểm trừ", "excluding deductions"),
    "show.step": Text("Bước làm tròn", "Rounding step"),
    "show.style": Text("Cách xếp hạng", "Ranking"),
    "show.ties": Text("Xét khi bằng điểm", "Tie-breaks"),
    "show.fewer": Text("ít hơn xếp trên", "fewer ranks higher"),
    "show.higher": Text("cao hơn xếp trên", "higher ranks higher"),
    "show.award": Text("Khen thưởng", "Award"),
    "show.top": Text("{n} đơn vị đứng đầu", "top {n} units"),
    "show.band_min": Text("xếp loại {band} trở lên", "band {band} or better"),
    "show.criteria": Text("TIÊU CHÍ", "CRITERIA"),
    "show.criteria_cols": Text(
        "mã · nội dung · điểm tối đa · cách chấm · ngành phụ trách · cách tổng hợp",
        "code · content · max points · method · responsible sectors · compose rule",
    ),
    "show.target": Text("chỉ tiêu", "target"),
    "show.own_target": Text("đơn vị tự ghi chỉ tiêu", "unit enters its target"),
    "show.per": Text("× {rate} điểm", "× {rate} pts"),
    "show.evidence": Text("cần minh chứng", "evidence required"),
    "show.bonus": Text("cộng thưởng", "bonus"),
    "show.deduction": Text("trừ vào tổng", "subtracted"),
    "show.sum": Text("Cộng", "Sum"),
    "show.bands": Text("XẾP LOẠI", "BANDS"),
    "show.units": Text("ĐƠN VỊ", "UNITS"),
    "show.cluster": Text("cụm", "cluster"),
    "show.fingerprint": Text("Dấu vân tay tiêu chí", "Criteria fingerprint"),
    "show.none": Text("(chưa có)", "(none)"),
    # -- the exceptions (thidua_xlsx.errors) ----------------------------------------------
    "error.campaign_file": Text(
        "Không dùng được tệp định nghĩa đợt thi đua {path}: {reason}",
        "Cannot use the campaign workbook {path}: {reason}",
    ),
    "reason.file_not_found": Text("không tìm thấy tệp", "file not found"),
    "reason.not_a_spreadsheet": Text(
        "không phải tệp bảng tính đọc được ({detail})", "not a readable spreadsheet ({detail})"
    ),
    "error.campaign_definition": Text(
        "Tệp định nghĩa đợt thi đua {path} có {count} lỗi cần sửa",
        "The campaign workbook {path} has {count} problem(s) to fix",
    ),
    "error.output": Text(
        "Không ghi được vào {path}: {reason}. Hãy chọn thư mục khác hoặc kiểm tra quyền ghi.",
        "Cannot write to {path}: {reason}. Choose another folder or check permissions.",
    ),
    **_os_words(),
    "os.other": Text("lỗi hệ thống ({detail})", "{detail}"),
    "error.output_exists": Text(
        "Tệp {path} đã có và có thể chứa dữ liệu đã nhập; không ghi đè. "
        "Thêm --force nếu thật sự muốn ghi đè.",
        "{path} already exists and may hold entered data; not overwritten. "
        "Add --force to overwrite it.",
    ),
    "error.output_not_empty": Text(
        "Thư mục {path} đã có tệp khác; không ghi vào đó để khỏi lẫn hoặc mất dữ liệu. "
        "Hãy chọn một thư mục mới hoặc trống.",
        "The folder {path} already holds other files; nothing is written into it, so "
        "nothing is mixed up or lost. Choose a new or empty folder.",
    ),
    "error.output_inside_input": Text(
        "Không ghi vào {path} vì nơi này nằm trong thư mục đầu vào {input_path}; hãy chọn chỗ "
        "ghi ở ngoài thư mục đó để kết quả không lẫn vào các tệp đã nhận.",
        "Not writing to {path}: it lies inside the input folder {input_path}; choose a place "
        "outside it so that outputs do not mix with the files received.",
    ),
    "error.output_beside_input": Text(
        "Không ghi vào thư mục {path} vì thư mục này chứa tệp đầu vào {input_path}; hãy chọn "
        "thư mục khác để kết quả không lẫn vào các tệp đã nhận.",
        "Not writing into the folder {path}: it holds the input file {input_path}; choose "
        "another folder so that outputs do not mix with the files received.",
    ),
    "error.output_is_input": Text(
        "Không ghi vào {path} vì đó chính là đầu vào {input_path}; hãy chọn tên hoặc thư mục "
        "khác để kết quả không ghi đè lên dữ liệu đã nhận.",
        "Not writing to {path}: it is the input {input_path}; choose another name or folder "
        "so that no output replaces the data received.",
    ),
    "error.demo_data": Text(
        "Không tìm thấy dữ liệu mẫu đi kèm chương trình ({path}). Hãy cài lại: "
        "python3 -m pip install .",
        "The bundled sample data is missing ({path}). Reinstall: python3 -m pip install .",
    ),
    "error.unknown_cluster": Text(
        "Không có cụm thi đua «{names}» trong các đơn vị được xếp hạng. Các cụm có: {listed}.",
        "No cluster «{names}» among the units ranked. Clusters: {listed}.",
    ),
    "error.unknown_unit": Text(
        "Không có đơn vị mã {names} trong đợt thi đua. Các mã có: {listed}.",
        "No unit with code {names} in the campaign. Codes: {listed}.",
    ),
    "error.inbox_missing": Text(
        "Không tìm thấy {path}. Hãy kiểm tra lại đường dẫn thư mục hoặc tệp.",
        "{path} does not exist. Check the folder or file path.",
    ),
    "error.inbox_empty": Text(
        "Không có tệp nào trong {path}. Hãy chép các phiếu chấm đã nhận vào thư mục này.",
        "There are no files in {path}. Copy the received scorecards into it.",
    ),
    "error.unusable_file": Text("{issue} [{code}]", "{issue} [{code}]"),
    # -- issue 15: compose rules per criterion, definition typos, compose without sectors --
    "compose_rule.cong": Text("cộng", "sum"),
    "compose_rule.cao_nhat": Text("cao nhất", "highest"),
    "compose_rule.trung_binh": Text("trung bình", "average"),
    "compose_rule.chu_tri": Text("ngành chủ trì", "lead sector"),
    "show.compose": Text("tổng hợp: {rule}", "compose: {rule}"),
    "show.compose_default": Text("mặc định", "default"),
    "show.warnings": Text(
        "CẢNH BÁO VỀ ĐỊNH NGHĨA ({count})", "WARNINGS ABOUT THE DEFINITION ({count})"
    ),
    "error.compose_no_sectors": Text(
        "Không tổng hợp được cho {unit} ({name}): không có ngành nào trực thuộc đơn vị này "
        "(ở trang «Đơn vị», không ngành nào ghi mã cấp trên là {unit}; đơn vị trực thuộc: "
        "{listed}). Không ghi phiếu 0 điểm. Hãy kiểm tra mã ghi sau --parent, hoặc dùng "
        "--mode rank để xếp hạng các đơn vị trực thuộc.",
        "Nothing to compose for {unit} ({name}): no sector belongs to this unit (on the "
        "«Đơn vị» sheet no sector has {unit} as its parent; units under it: {listed}). No card "
        "of 0 points was written. Check the code after --parent, or use --mode rank to rank "
        "the units under it.",
    ),
    # -- issue 15: blank cards and statuses kept in a roll-up -------------------------------
    "submission.blank": Text("gửi phiếu trống", "empty card"),
    "submission.rejected_below": Text("bị trả lại ở cấp dưới", "rejected below"),
    "file_status.blank": Text("trả lại (phiếu trống)", "rejected (empty card)"),
    "card_found.nothing": Text(
        "không ô nhập nào có số liệu (các ô tô màu còn nguyên như phiếu mẫu)",
        "no input cell holds anything (the tinted cells are as on the blank template)",
    ),
    "card_found.no_result": Text(
        "không ô Kết quả nào được ghi, chỉ có chỉ tiêu, minh chứng hoặc giải trình",
        "no result entered, only targets, evidence or explanations",
    ),
    "report.rank_blank": Text(", {count} gửi phiếu trống", ", {count} sent an empty card"),
    "report.rank_below": Text(
        ", {count} bị trả lại ở cấp dưới", ", {count} rejected at the level below"
    ),
    "summary.note_blank": Text(
        "phiếu trống, xem trang «{sheet}»", "empty card, see the sheet «{sheet}»"
    ),
    "summary.note_below": Text(
        "{status:submission} ở cấp dưới: {lower} của {lower_unit} ({codes})",
        "at the level below, {status:submission}: {lower} of {lower_unit} ({codes})",
    ),
    "summary.status_column": Text("Tình trạng", "Status"),
    # -- issue 15: verification by the upper level only --------------------------------------
    "cli.verify_done": Text(
        "Bảng thẩm định: {path} ({units} đơn vị, {rows} tiêu chí). Nhập điểm thẩm định và lý "
        "do vào các ô tô màu, rồi dùng «thidua merge … --verified {path}».",
        "Verification workbook: {path} ({units} units, {rows} criteria). Type the verified "
        "scores and reasons into the tinted cells, then run «thidua merge … --verified {path}».",
    ),
    "cli.verify_compose": Text(
        "--verified chỉ dùng khi xếp hạng (--mode rank): thẩm định là việc của cấp trên.",
        "--verified is for ranking only (--mode rank): verification is the upper level's.",
    ),
    "report.verification_line": Text(
        "{mark} Bảng thẩm định {name}: {status:file_status}, {count} tiêu chí được áp dụng",
        "{mark} Verification workbook {name}: {status:file_status}, {count} criteria applied",
    ),
    # -- issue 15: why a card's total differs from the one counted (card_total_differs) ----
    "card_total_why.text": Text(
        "là chữ nên Excel không cộng", "holds text, which Excel does not add"
    ),
    "card_total_why.percent": Text(
        "có định dạng phần trăm nên công thức của phiếu tính 86% là 0,86, còn khi tính điểm "
        "hiểu là 86",
        "has a percent format, so the card's formulas take 86% as 0.86, while 86 is counted",
    ),
    "card_total_why.mixed": Text(
        "được Excel tính khác (số nhập dạng chữ Excel không cộng; ô định dạng phần trăm Excel "
        "tính 86% là 0,86, còn khi tính điểm hiểu là 86)",
        "are taken otherwise by Excel (numbers typed as text are not added; in a percent cell "
        "86% is 0.86 to Excel, while 86 is counted)",
    ),
    # -- demo: verification --------------------------------------------------------------------
    "demo.sectors_line": Text(
        "Các ngành: {summary} Được tổng hợp: {composed} ngành.",
        "Sectors: {summary} Composed: {composed} sectors.",
    ),
    "demo.sectors_blank": Text(
        "; gửi phiếu trống (đính kèm nhầm phiếu mẫu): {units}",
        "; an empty card (the blank template attached): {units}",
    ),
    "demo.verify_blank": Text(
        "Thẩm định của {town}: bảng thẩm định để nhập ({units} đơn vị, {rows} tiêu chí): {path}",
        "Verification by {town}: the workbook to fill ({units} units, {rows} criteria): {path}",
    ),
    "demo.verify_applied": Text(
        "Bảng thẩm định đã nhập (dữ liệu mẫu) được áp dụng khi xếp hạng, {count} tiêu chí: "
        "{changes}",
        "The filled verification workbook (sample data) applied to the ranking, {count} "
        "criteria: {changes}",
    ),
    "demo.verify_change": Text("{unit} {before} → {after}", "{unit} {before} → {after}"),
    # -- issue 16: the Council's vote --------------------------------------------------------
    "severity.info": Text("thông tin", "info"),
    "issue_sheet_severity.info": Text("Thông tin", "Info"),
    "vote.no_council": Text(
        "Đợt thi đua {campaign} chưa có trang «Hội đồng» (thành viên và quy tắc biểu quyết). "
        "Hãy thêm trang này vào tệp đợt thi đua (xem tệp mẫu của «thidua init»).",
        "The campaign {campaign} has no «Hội đồng» sheet (the members and the voting rules). "
        "Add it to the campaign workbook (see the workbook «thidua init» writes).",
    ),
    "vote.no_award": Text(
        "Đợt thi đua chưa có «Hình thức khen thưởng» ở trang «Thông tin»: không có gì để biểu "
        "quyết.",
        "The campaign has no «Hình thức khen thưởng» (award) on its «Thông tin» sheet: there "
        "is nothing to vote on.",
    ),
    "vote.summary_unusable": Text(
        "Không dùng được bảng tổng hợp {path}: {reason}",
        "The summary {path} cannot be used: {reason}",
    ),
    "vote.verified_unusable": Text(
        "Không dùng được bảng thẩm định {path}: {reason}",
        "The verification workbook {path} cannot be used: {reason}",
    ),
    "vote.result_unusable": Text(
        "Không dùng được kết quả biểu quyết {path} ({reason}): hãy dùng tệp do «thidua vote … "
        "--tally» ghi cho đợt thi đua này.",
        "The result of the vote {path} cannot be used ({reason}): use the file «thidua vote … "
        "--tally» wrote for this campaign.",
    ),
    "vote.summary_not_summary": Text(
        "tệp này không phải bảng tổng hợp của «thidua merge --mode rank»",
        "this file is not a summary written by «thidua merge --mode rank»",
    ),
    "vote.tally_missing": Text(
        "Không tìm thấy bảng kiểm phiếu {path}.", "The tally workbook {path} does not exist."
    ),
    "vote.written": Text(
        "Đã ghi {ballots} phiếu biểu quyết ({ballots_path}) và bảng kiểm phiếu ({tally_path}) "
        "cho {candidates} đơn vị đề nghị {title}. Thư ký nhập có mặt/vắng mặt và từng phiếu "
        "vào các ô tô màu, rồi dùng «thidua vote … --tally {tally_path}».",
        "Wrote {ballots} ballots ({ballots_path}) and the tally ({tally_path}) for {candidates} "
        "units proposed for {title}. The secretary types who was present and every vote into "
        "the tinted cells, then runs «thidua vote … --tally {tally_path}».",
    ),
    "vote.meeting": Text(
        "Hội đồng {members} thành viên, có mặt {present} (cần {quorum}); số phiếu được tính: "
        "{counted}. Hình thức: {title}, mức đồng ý cần đạt {share} tổng số thành viên{quota}.",
        "Council of {members} members, {present} present (needed: {quorum}); votes counted: "
        "{counted}. Award: {title}, agreement needed: {share} of all members{quota}.",
    ),
    "vote.quota": Text(", tối đa {quota} đơn vị", ", at most {quota} units"),
    "vote.tally_refused": Text(
        "Bảng kiểm phiếu {path} có lỗi: chưa quyết định được. Sửa các ô nêu trên rồi chạy lại.",
        "The tally {path} has errors: nothing is decided. Fix the cells above and run again.",
    ),
    "cli.vote_output": Text(
        "Cần -o THƯ_MỤC để ghi phiếu biểu quyết và bảng kiểm phiếu (hoặc --tally để quyết định).",
        "Give -o DIR to write the ballots and the tally (or --tally to decide).",
    ),
    "vote.result_written": Text("Kết quả biểu quyết: {path}", "Result of the vote: {path}"),
    "show.council": Text(
        "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG ({count} thành viên)",
        "EMULATION AND COMMENDATION COUNCIL ({count} members)",
    ),
    "show.council_quorum": Text(
        "Số thành viên có mặt tối thiểu: {share} tổng số thành viên",
        "Quorum: {share} of all members present",
    ),
    "show.council_written": Text(
        "Tính ý kiến bằng văn bản của thành viên vắng mặt: {answer}",
        "Written opinions of absent members count: {answer}",
    ),
    "show.council_title": Text(
        "{title}: đồng ý {share} tổng số thành viên",
        "{title}: agreement of {share} of all members",
    ),
    "show.council_quota": Text(", tối đa {quota} đơn vị", ", at most {quota} units"),
    "show.yes": Text("có", "yes"),
    "show.no": Text("không", "no"),
    "vote.outcome.selected": Text("Được đề nghị", "Proposed"),
    "vote.outcome.below_share": Text("Không đủ tỷ lệ", "Short of the share"),
    "vote.outcome.over_quota": Text("Ngoài số lượng", "Beyond the quota"),
    "vote.outcome.tie": Text("Bằng phiếu: biểu quyết lại", "Tie: vote again"),
    "vote.outcome.no_quorum": Text("Không đủ số thành viên có mặt", "No quorum"),
    # -- issue 16: the dossier in Word ----------------------------------------------------
    "error.dossier_not_summary": Text(
        "{path} không phải bảng tổng hợp dùng được của đợt thi đua này ({detail}). Hãy dùng "
        "bảng tổng hợp do «thidua merge» ghi cho đợt thi đua này.",
        "{path} is not a usable summary of this campaign ({detail}). Use the summary that "
        "«thidua merge» wrote for this campaign.",
    ),
    "error.dossier_no_award": Text(
        "Đợt thi đua chưa ghi «Hình thức khen thưởng» ở trang «Thông tin», nên chưa có danh "
        "sách đề nghị để lập hồ sơ cho {path}. Hãy ghi hình thức khen thưởng (và số đơn vị, "
        "xếp loại được đề nghị), rồi chạy lại «thidua merge» và «thidua dossier».",
        "The campaign has no «Hình thức khen thưởng» on its «Thông tin» sheet, so there is no "
        "list of proposals to make papers for {path}. Fill in the award (and how many units, "
        "from which band), then run «thidua merge» and «thidua dossier» again.",
    ),
    "error.dossier_vote": Text(
        "Không đọc được kết quả biểu quyết {path}: {detail}.",
        "Cannot read the Council's vote {path}: {detail}.",
    ),
    "error.dossier_template": Text(
        "Mẫu {path} không dùng được: {detail}. Hãy sửa chỗ giữ chỗ trong mẫu (tên đặt giữa "
        "hai cặp ngoặc nhọn), hoặc bỏ tệp này khỏi thư mục --templates để dùng mẫu có sẵn.",
        "The template {path} cannot be used: {detail}. Fix its placeholders (a name between "
        "double curly braces), or take the file out of the --templates folder to use the "
        "shipped one.",
    ),
    "cli.dossier_issues": Text(
        "Có đơn vị trong bảng tổng hợp không còn hợp lệ khi kiểm tra lại ({count} lỗi), nên "
        "không có trong hồ sơ (bảng tổng hợp bị sửa hoặc hỏng?):",
        "Some units of the summary no longer check ({count} errors), so they are not in the "
        "dossier (was the summary edited or damaged?):",
    ),
    "cli.dossier_none": Text(
        "Không có đơn vị nào đạt điều kiện đề nghị {award} trong {path} ({rule}): không lập hồ sơ.",
        "No unit in {path} qualifies for {award} ({rule}): no dossier written.",
    ),
    "cli.dossier_done": Text(
        "Hồ sơ khen thưởng: {folder} ({count} tệp, {proposed} tập thể đề nghị).",
        "Award dossier: {folder} ({count} files, {proposed} collectives proposed).",
    ),
    "cli.dossier_no_vote": Text(
        "Chưa có kết quả biểu quyết (--vote): danh sách đề nghị theo thứ hạng; bảng biểu "
        "quyết trong biên bản để trống, ghi tay sau cuộc họp Hội đồng.",
        "No vote given (--vote): the list proposes by rank; the minutes' vote table is left "
        "blank, to fill in by hand after the Council's meeting.",
    ),
    "cli.dossier_fill": Text(
        "Các chỗ tô vàng «[Phần tự viết: …]» là phần cần viết trước khi ký.",
        "The yellow «[Phần tự viết: …]» places are to be written before signing.",
    ),
    "dossier.chuyen_de": Text(
        "Khen thưởng theo đợt thi đua chuyên đề. Theo Điều 4 Nghị định số 152/2025/NĐ-CP, "
        "kết quả khen thưởng thi đua theo chuyên đề không dùng làm căn cứ đề nghị khen thưởng "
        "thành tích thường xuyên hằng năm lên cấp trên.",
        "A campaign (chuyên đề) award. Under Article 4 of Decree 152/2025/NĐ-CP, the results "
        "of a campaign award are no basis for proposing annual merit awards upward.",
    ),
    "dossier.fill_name": Text("[Họ và tên]", "[Full name]"),
    "dossier.chair": Text("CHỦ TRÌ", "CHAIR"),
    "dossier.list_sheet": Text("Danh sách đề nghị", "Proposals"),
    "dossier.list_title": Text("DANH SÁCH ĐỀ NGHỊ TẶNG {award}", "PROPOSED FOR {award}"),
    "dossier.list_ref": Text(
        "(Kèm theo Tờ trình số {number}/TTr-{suffix} của {body})",
        "(Attached to proposal no. {number}/TTr-{suffix} of {body})",
    ),
    "dossier.rule_top": Text("{count} đơn vị đứng đầu", "the top {count} units"),
    "dossier.rule_band": Text("xếp loại {band} trở lên", "band {band} or better"),
    "dossier.decided_vote": Text(
        "đã được Hội đồng Thi đua - Khen thưởng biểu quyết thông qua",
        "passed by the vote of the Council",
    ),
    "dossier.decided_rank": Text(
        "được đề nghị theo thứ hạng và xếp loại trong bảng tổng hợp",
        "proposed by their rank and band in the summary",
    ),
    "dossier.basis_vote": Text(
        "Danh sách gồm các tập thể được Hội đồng biểu quyết thông qua ({rule}).",
        "The list holds the collectives the Council passed ({rule}).",
    ),
    "dossier.basis_rank": Text(
        "Danh sách đề nghị theo thứ hạng ({rule}); Hội đồng chưa biểu quyết.",
        "Proposed by rank ({rule}); the Council has not voted yet.",
    ),
    "dossier.meeting_blank": Text("tại cuộc họp ngày {blank}", "at its meeting of {blank}"),
    "dossier.meeting_on": Text("tại cuộc họp ngày {date}", "at its meeting of {date}"),
    "dossier.not_voted": Text("chưa biểu quyết", "not voted"),
    "dossier.status_vote": Text("Hội đồng thông qua", "passed by the Council"),
    "dossier.status_rank": Text("Đề nghị theo thứ hạng", "proposed by rank"),
    "dossier.verified": Text(
        "(đã thẩm định {count} tiêu chí; điểm tự chấm {self_total})",
        "(verified on {count} criteria; self score {self_total})",
    ),
    "dossier.cluster": Text("; cụm thi đua: {cluster}", "; cluster: {cluster}"),
    "dossier.cluster_rank": Text(
        ", hạng {rank} trong cụm {cluster}", ", rank {rank} in the cluster {cluster}"
    ),
    "dossier.deducted": Text("(trừ vào tổng)", "(subtracted)"),
    "dossier.targets": Text(
        "Tập thể đạt trọn {met}/{count} chỉ tiêu tính theo tỷ lệ %:",
        "The collective fully met {met} of {count} percentage targets:",
    ),
    "dossier.targets_none": Text(
        "Đợt thi đua không có chỉ tiêu tính theo tỷ lệ % mà tập thể đã ghi ({met}/{count}).",
        "The campaign has no percentage target the collective entered ({met}/{count}).",
    ),
    "dossier.evidence_none": Text(
        "Phiếu chấm không nêu minh chứng.", "The scorecard cites no evidence."
    ),
    "dossier.meeting_time_blank": Text("….. giờ ….. ngày {blank}", "….. o'clock on {blank}"),
    "dossier.vote_blank": Text(
        "Ghi số phiếu đồng ý của từng tập thể; tỷ lệ tính trên tổng số thành viên Hội đồng "
        "(kể cả thành viên vắng mặt có ý kiến bằng văn bản).",
        "Write each collective's votes in favour; shares are of all the Council's members "
        "(absent members' written opinions count).",
    ),
    "dossier.vote_intro": Text(
        "Tỷ lệ tính trên tổng số {total} thành viên Hội đồng.",
        "Shares are of all {total} members of the Council.",
    ),
    "dossier.conclusion_blank": Text(
        "Hội đồng thống nhất đề nghị tặng {award} cho {blank} tập thể có tên trong danh sách.",
        "The Council agrees to propose {award} for {blank} collectives on the list.",
    ),
    "dossier.conclusion": Text(
        "Hội đồng thống nhất đề nghị tặng {award} cho {count} tập thể: {names}.",
        "The Council agrees to propose {award} for {count} collectives: {names}.",
    ),
    "dossier.passed": Text("Đề nghị", "Proposed"),
    "dossier.not_passed": Text("Không đề nghị", "Not proposed"),
    "dossier.quorum_met": Text(
        "Đủ số thành viên dự họp theo quy định (ít nhất hai phần ba).",
        "Quorum met (at least two thirds of the members).",
    ),
    "dossier.quorum_short": Text(
        "Chưa đủ hai phần ba số thành viên dự họp.",
        "Fewer than two thirds of the members are present.",
    ),
    "dossier.member": Text("Ủy viên", "member"),
    "dossier.absent": Text("(vắng mặt)", "(absent)"),
    # -- demo: vote and dossier ------------------------------------------------------------
    "error.dossier_vote_summary": Text(
        "Kết quả biểu quyết {path} không phải của bảng tổng hợp này: {detail}. Hãy chạy "
        "«thidua vote … --tally» trên đúng bảng tổng hợp (với cùng các bảng thẩm định "
        "--verified) rồi lập hồ sơ lại.",
        "The result of the vote {path} is not this summary's: {detail}. Run «thidua vote … "
        "--tally» on this very summary (with the same --verified workbooks), then make the "
        "dossier again.",
    ),
    "dossier.vote_differs": Text(
        "{summary} đề nghị {proposed}; Hội đồng đã biểu quyết {voted}",
        "{summary} proposes {proposed}; the Council voted on {voted}",
    ),
    "dossier.why.below_share": Text("chưa đạt mức {share}", "short of {share}"),
    "dossier.why.over_quota": Text(
        "ngoài số lượng {quota} theo số phiếu", "beyond the quota of {quota} by votes"
    ),
    "dossier.why.tie": Text(
        "bằng phiếu ở giới hạn số lượng: bỏ phiếu lại", "a tie at the quota: vote again"
    ),
    "dossier.why.no_quorum": Text("không đủ số thành viên dự họp", "not enough members present"),
    "dossier.why.tie_chair": Text(
        "bằng phiếu, theo ý kiến Chủ tịch Hội đồng", "a tie, settled by the chairman's vote"
    ),
    "demo.vote_papers": Text(
        "Hội đồng Thi đua - Khen thưởng ({members} thành viên): phiếu biểu quyết và bảng kiểm "
        "phiếu cho {units} đơn vị được đề nghị {award}: {folder}",
        "The Council ({members} members): ballots and the tally for the {units} units proposed "
        "for {award}: {folder}",
    ),
    "demo.vote_decided": Text(
        "Bảng kiểm phiếu thư ký đã nhập (dữ liệu mẫu, {tally}): có mặt {present}/{members}; "
        "kết quả biểu quyết: {result}",
        "The tally as the secretary filled it (sample data, {tally}): {present}/{members} "
        "present; the result: {result}",
    ),
    "demo.vote_line": Text(
        "{name}: {yes}/{members} đồng ý — {outcome}", "{name}: {yes}/{members} agreed — {outcome}"
    ),
    "demo.dossier": Text(
        "Hồ sơ khen thưởng (Word), {proposed} tập thể được đề nghị, {files} tệp: {folder}",
        "The award dossier (Word), {proposed} collectives proposed, {files} files: {folder}",
    ),
    # -- issue 17: the web page (thidua web) ------------------------------------------------
    "web.app_title": Text("Chấm điểm thi đua", "Emulation scoring"),
    "web.work_folder": Text("Thư mục làm việc:", "Work folder:"),
    "web.footer": Text(
        "Trang chạy trên máy này (127.0.0.1); tệp không rời khỏi máy.",
        "This page runs on this computer (127.0.0.1); files never leave it.",
    ),
    "web.home_title": Text("Chọn đợt thi đua", "Choose a campaign"),
    "web.home_lead": Text(
        "Chọn một đợt thi đua có sẵn hoặc tải lên tệp định nghĩa đợt thi đua của đơn vị. "
        "Sau đó: tải phiếu chấm trống gửi các đơn vị, nhận lại phiếu, xem tệp nào được nhận, "
        "tệp nào bị trả lại, đơn vị nào chưa nộp, và tải bảng tổng hợp.",
        "Pick a ready campaign or upload your own campaign workbook. Then: download the blank "
        "scorecards to send to the units, drop the returned cards, see which files are accepted "
        "or rejected and who has not sent, and download the summary.",
    ),
    "web.mine_title": Text("Đợt thi đua đã mở", "Campaigns already open"),
    "web.seed_title": Text("Đợt thi đua có sẵn", "Ready campaigns"),
    "web.open_campaign": Text("Mở đợt thi đua", "Open the campaign"),
    "web.own_title": Text("Tệp đợt thi đua của đơn vị", "Your own campaign workbook"),
    "web.upload_campaign": Text("Tải lên và mở", "Upload and open"),
    "web.loading": Text("Đang xử lý…", "Working…"),
    "web.uploading": Text(
        "Đang tải tệp lên và kiểm tra, xin chờ…", "Uploading and checking the files, please wait…"
    ),
    "web.levels_lead": Text(
        "Chọn cấp nhận phiếu: đơn vị cấp trên mà các đơn vị trực thuộc gửi phiếu chấm về.",
        "Choose the level that collects the cards: the unit whose units send their cards to it.",
    ),
    "web.all_units": Text("Tất cả đơn vị cấp cao nhất", "Every top unit"),
    "web.level_units": Text("{count} đơn vị trực thuộc", "{count} units under it"),
    "web.step_templates": Text("Phiếu chấm trống", "Blank scorecards"),
    "web.templates_lead": Text(
        "Một phiếu chấm cho mỗi đơn vị trực thuộc ({count} đơn vị), trong một tệp nén .zip, "
        "để gửi các đơn vị tự chấm.",
        "One scorecard for each unit under it ({count} units), in one .zip file, to send to "
        "the units for their self-assessment.",
    ),
    "web.download_templates": Text(
        "Tải phiếu chấm trống (.zip)", "Download the blank cards (.zip)"
    ),
    "web.step_upload": Text("Phiếu các đơn vị gửi về", "Cards sent back by the units"),
    "web.upload_lead": Text(
        "Chọn hoặc kéo thả các tệp nhận được (nhiều tệp cùng lúc; tối đa {files} tệp, mỗi tệp "
        "tối đa {mb} MB). Các tệp được kiểm tra như lệnh «thidua merge».",
        "Choose or drop the files you received (several at once; at most {files} files, "
        "{mb} MB each). They are checked as «thidua merge» checks them.",
    ),
    "web.choose_files": Text("Chọn tệp…", "Choose files…"),
    "web.choose_file": Text("Chọn tệp…", "Choose a file…"),
    "web.none_chosen": Text("Chưa chọn tệp nào", "No file chosen"),
    "web.chosen": Text("Đã chọn {count} tệp", "{count} files chosen"),
    "web.send_files": Text("Gửi và kiểm tra", "Send and check"),
    "web.inbox_folder": Text("Tệp nhận được lưu tại", "Received files are kept in"),
    "web.inbox_count": Text("{count} tệp", "{count} files"),
    "web.recheck": Text("Kiểm tra lại tất cả", "Check everything again"),
    "web.step_results": Text("Kết quả", "Results"),
    "web.checking": Text("Đang kiểm tra: {done}/{total} tệp…", "Checking: {done}/{total} files…"),
    "web.no_results": Text(
        "Chưa có kết quả: hãy gửi các tệp nhận được.",
        "No results yet: send the files you received.",
    ),
    "web.missing_title": Text("Đơn vị chưa nộp: {count}", "Units that have not sent: {count}"),
    "web.none_missing": Text("Tất cả đơn vị đã gửi phiếu.", "Every unit has sent its card."),
    "web.download_summary": Text("Tải bảng tổng hợp (.xlsx)", "Download the summary (.xlsx)"),
    "web.download_feedback": Text(
        "Tải bản phản hồi ({count} tệp, .zip)", "Download the feedback copies ({count} files, .zip)"
    ),
    "web.composed": Text(
        "Phiếu của {name}, tổng hợp từ phiếu của {count} ngành (như «thidua merge --mode "
        "compose»): {total} điểm.",
        "The card of {name}, composed from {count} sectors' cards (as «thidua merge --mode "
        "compose»): {total} points.",
    ),
    "web.download_composed": Text(
        "Tải phiếu tổng hợp (.xlsx)", "Download the composed card (.xlsx)"
    ),
    "web.results_folder": Text("Kết quả lưu tại", "Results are kept in"),
    "web.units_title": Text("Các đơn vị", "Units"),
    "web.files_title": Text("Các tệp đã nhận", "Files received"),
    "web.col_unit": Text("Mã đơn vị", "Unit"),
    "web.col_name": Text("Tên đơn vị", "Name"),
    "web.col_status": Text("Tình trạng", "Status"),
    "web.col_file": Text("Tệp", "File"),
    "web.col_total": Text("Tổng điểm", "Total"),
    "web.col_rank": Text("Xếp hạng", "Rank"),
    "web.col_result": Text("Kết quả", "Result"),
    "web.superseded": Text("(thay cho tệp cũ hơn: {name})", "(replaces the older file: {name})"),
    "web.problem_title": Text("Không thực hiện được", "This could not be done"),
    "web.back": Text("Quay lại", "Back"),
    "web.pick_campaign": Text(
        "Hãy chọn một đợt thi đua có sẵn hoặc chọn tệp đợt thi đua để tải lên.",
        "Pick a ready campaign or choose a campaign workbook to upload.",
    ),
    "web.no_such_campaign": Text("Không có đợt thi đua này.", "There is no such campaign."),
    "web.no_such_level": Text(
        "Đợt thi đua không có cấp nhận phiếu này.", "The campaign has no such level."
    ),
    "web.no_summary": Text(
        "Chưa có bảng tổng hợp: hãy gửi các tệp nhận được trước.",
        "There is no summary yet: send the files you received first.",
    ),
    "web.no_files": Text("Chưa chọn tệp nào.", "No file was chosen."),
    "web.busy": Text(
        "Đang kiểm tra các tệp của cấp này; chờ xong rồi gửi tiếp.",
        "The files of this level are being checked; wait until it is done.",
    ),
    "web.bad_name": Text(
        "Tên tệp không hợp lệ: «{name}». Tên tệp không được chứa thư mục (/, \\, ..), ký tự "
        "điều khiển, hoặc bắt đầu bằng dấu chấm.",
        "Invalid file name: «{name}». A file name may not hold a folder (/, \\, ..), a "
        "control character, or start with a dot.",
    ),
    "web.file_too_big": Text(
        "Tệp «{name}» lớn hơn {mb} MB: không nhận. Hãy xem lại tệp (phiếu chấm thường dưới 1 MB).",
        "The file «{name}» is larger than {mb} MB and was not taken. Check the file (a "
        "scorecard is usually under 1 MB).",
    ),
    "web.too_many": Text(
        "Đã chọn {count} tệp, quá {limit} tệp một lần: hãy gửi thành nhiều lần.",
        "{count} files chosen, more than {limit} at once: send them in several goes.",
    ),
    "web.too_many_fields": Text(
        "Quá nhiều tệp trong một lần gửi (tối đa {limit} tệp): hãy gửi thành nhiều lần.",
        "Too many files in one go (at most {limit}): send them in several goes.",
    ),
    "web.refused_too_large": Text(
        "Dữ liệu gửi lên quá {mb} MB một lần: không nhận. Hãy gửi ít tệp hơn mỗi lần.",
        "More than {mb} MB sent at once: refused. Send fewer files at a time.",
    ),
    "web.refused_length": Text(
        "Yêu cầu không cho biết kích thước dữ liệu: không nhận.",
        "The request does not say how large it is: refused.",
    ),
    "web.refused_host": Text(
        "Trang này chỉ mở được từ chính máy này (http://127.0.0.1).",
        "This page only opens from this computer (http://127.0.0.1).",
    ),
    "web.refused_origin": Text(
        "Yêu cầu không đến từ trang này trên máy này: không nhận.",
        "The request does not come from this page on this computer: refused.",
    ),
    "web.not_found": Text("Không có trang này.", "There is no such page."),
    "web.bad_request": Text("Yêu cầu không hợp lệ.", "The request is not valid."),
    "web.port_busy": Text(
        "Không mở được trang ở cổng {port}: cổng đang được chương trình khác dùng hoặc không "
        "dùng được. Hãy chọn cổng khác, ví dụ --port 8080.",
        "Cannot open the page on port {port}: another program uses it, or it cannot be used. "
        "Choose another port, for example --port 8080.",
    ),
    "web.serving": Text(
        "Trang chấm điểm thi đua: {url}\nThư mục làm việc: {folder}\nNhấn Ctrl-C để dừng.",
        "The emulation-scoring page: {url}\nWork folder: {folder}\nPress Ctrl-C to stop.",
    ),
    # -- issue 17: the command line speaks the user's language (thidua_xlsx.faces.parser) ---
    "argparse.usage": Text("Cách dùng:", "Usage:"),
    "argparse.positionals": Text("Tham số", "Arguments"),
    "argparse.options": Text("Tùy chọn", "Options"),
    "argparse.commands": Text("Các lệnh", "Commands"),
    "argparse.command": Text("LỆNH", "COMMAND"),
    "argparse.help": Text("in hướng dẫn này rồi thoát", "show this help and exit"),
    "argparse.version": Text("in số phiên bản rồi thoát", "show the version number and exit"),
    "argparse.metavar_seconds": Text("GIÂY", "SECONDS"),
    "argparse.metavar_cluster": Text("TÊN-CỤM", "CLUSTER"),
    "argparse.metavar_verification": Text("THAM-DINH.xlsx", "VERIFICATION.xlsx"),
    "argparse.lang": Text(
        "ngôn ngữ thông báo: vi (tiếng Việt, mặc định) hoặc en (tiếng Anh)",
        "message language: vi (Vietnamese, the default) or en (English)",
    ),
    "argparse.error": Text("{prog}: lỗi: {message}", "{prog}: error: {message}"),
    "argparse.more": Text("Xem hướng dẫn: {prog} -h", "See the help: {prog} -h"),
    "argparse.required": Text(
        "thiếu tham số bắt buộc: {names}", "the following arguments are required: {names}"
    ),
    "argparse.invalid_choice": Text(
        "{argument}: không có lựa chọn «{value}»; chọn một trong: {choices}",
        "{argument}: invalid choice «{value}»; choose from: {choices}",
    ),
    "argparse.unknown_command": Text(
        "không có lệnh «{value}»; các lệnh: {choices}",
        "no command «{value}»; the commands: {choices}",
    ),
    "argparse.expected_one": Text(
        "{argument}: cần một giá trị sau tùy chọn này", "{argument}: expected one value after it"
    ),
    "argparse.unrecognized": Text(
        "không hiểu các tham số: {names}", "unrecognized arguments: {names}"
    ),
    "argparse.ambiguous": Text(
        "tùy chọn {option} chưa rõ, có thể là: {matches}",
        "ambiguous option {option}, could be: {matches}",
    ),
    "argparse.invalid_value": Text(
        "{argument}: giá trị không hợp lệ «{value}»", "{argument}: invalid value «{value}»"
    ),
    "argparse.other": Text("{argument}: {detail}", "{argument}: {detail}"),
    "argparse.not_a_number": Text("không phải số: «{value}»", "not a number: «{value}»"),
    "argparse.not_positive": Text("phải lớn hơn 0: «{value}»", "must be above 0: «{value}»"),
    "overview.text": Text(
        "thidua {version}: chấm điểm thi đua qua Excel.\n"
        "\n"
        "Các bước:\n"
        "  1. thidua init dot-thi-dua.xlsx        tạo tệp định nghĩa đợt thi đua, mở bằng Excel "
        "để nhập tiêu chí, đơn vị\n"
        "  2. thidua show dot-thi-dua.xlsx        xem lại tiêu chí, đơn vị; báo lỗi định nghĩa\n"
        "  3. thidua templates dot-thi-dua.xlsx -o phieu/\n"
        "                                         ghi phiếu chấm điểm trống cho từng đơn vị để "
        "gửi đi\n"
        "  4. thidua check dot-thi-dua.xlsx hop-thu/ --feedback phan-hoi/\n"
        "                                         kiểm tra phiếu đã nhận: ai chưa gửi, tệp nào "
        "phải sửa\n"
        "  5. thidua merge dot-thi-dua.xlsx hop-thu/ -o tong-hop.xlsx\n"
        "                                         tổng hợp, xếp hạng các đơn vị\n"
        "     thidua merge dot-thi-dua.xlsx hop-thu/ --mode compose --parent NH -o NH.xlsx\n"
        "                                         gộp phiếu của các ngành thành phiếu của "
        "phường\n"
        "     thidua lock dot-thi-dua.xlsx tong-hop.xlsx\n"
        "                                         khóa kết quả của kỳ: lần tổng hợp sau không "
        "được làm thay đổi\n"
        "  6. thidua verify dot-thi-dua.xlsx hop-thu/ -o tham-dinh.xlsx\n"
        "                                         bảng để cấp trên nhập điểm thẩm định\n"
        "  7. thidua vote dot-thi-dua.xlsx tong-hop.xlsx -o hoi-dong/\n"
        "                                         phiếu biểu quyết của Hội đồng thi đua\n"
        "  8. thidua dossier dot-thi-dua.xlsx tong-hop.xlsx -o ho-so/\n"
        "                                         hồ sơ khen thưởng (Word)\n"
        "  9. thidua trend tong-hop-thang-*.xlsx -o XU-HUONG.xlsx\n"
        "                                         xu hướng qua các kỳ: điểm, hạng, xếp loại\n"
        "\n"
        "Làm trên trang web, không cần dòng lệnh: thidua web\n"
        "Chạy thử trên dữ liệu mẫu: thidua demo\n"
        "Hướng dẫn từng lệnh: thidua LỆNH -h (ví dụ: thidua check -h). "
        "Tiếng Anh: thêm --lang en.",
        "thidua {version}: emulation scoring through Excel.\n"
        "\n"
        "The steps:\n"
        "  1. thidua init campaign.xlsx           write a campaign workbook; open it in Excel "
        "to enter the criteria and units\n"
        "  2. thidua show campaign.xlsx           review the criteria and units; definition "
        "errors\n"
        "  3. thidua templates campaign.xlsx -o cards/\n"
        "                                         write a blank scorecard per unit, to send out\n"
        "  4. thidua check campaign.xlsx inbox/ --feedback feedback/\n"
        "                                         check the returned cards: who has not sent, "
        "which file to fix\n"
        "  5. thidua merge campaign.xlsx inbox/ -o summary.xlsx\n"
        "                                         merge and rank the units\n"
        "     thidua merge campaign.xlsx inbox/ --mode compose --parent NH -o NH.xlsx\n"
        "                                         combine the sectors' cards into the ward's "
        "card\n"
        "     thidua lock campaign.xlsx summary.xlsx\n"
        "                                         lock the period's result: a later run may "
        "not change it\n"
        "  6. thidua verify campaign.xlsx inbox/ -o verification.xlsx\n"
        "                                         a workbook for the upper level's verified "
        "scores\n"
        "  7. thidua vote campaign.xlsx summary.xlsx -o council/\n"
        "                                         the Council's ballots and tally\n"
        "  8. thidua dossier campaign.xlsx summary.xlsx -o dossier/\n"
        "                                         the award dossier (Word)\n"
        "  9. thidua trend summary-*.xlsx -o XU-HUONG.xlsx\n"
        "                                         the trend over periods: totals, ranks, bands\n"
        "\n"
        "The same on a web page, without a command line: thidua web\n"
        "A trial run on the sample data: thidua demo\n"
        "Help on a command: thidua COMMAND -h (for example: thidua check -h).",
    ),
    "help.main": Text(
        "Chấm điểm thi đua qua Excel: định nghĩa đợt thi đua, phát phiếu chấm, kiểm tra và "
        "tổng hợp.",
        "Emulation scoring through Excel: define a campaign, send out scorecards, check and "
        "merge them.",
    ),
    "help.main_epilog": Text(
        "Chạy «thidua» không kèm gì để xem các bước và ví dụ; «thidua LỆNH -h» cho từng lệnh.",
        "Run «thidua» alone for the steps and examples; «thidua COMMAND -h» for each command.",
    ),
    "help.examples": Text("Ví dụ:", "Examples:"),
    "help.campaign": Text("tệp định nghĩa đợt thi đua (.xlsx)", "the campaign workbook (.xlsx)"),
    "help.force": Text("ghi đè tệp đã có", "overwrite an existing file"),
    "help.json": Text("in một tài liệu JSON thay cho bảng", "print a JSON document instead"),
    "help.feedback": Text(
        "ghi vào thư mục DIR một bản phản hồi cho mỗi tệp cần sửa, để gửi lại đơn vị",
        "write into DIR a feedback copy for each file to fix, to send back to its unit",
    ),
    "help.workers": Text(
        "số tiến trình đọc tệp (mặc định: số CPU)", "processes reading files (default: CPUs)"
    ),
    "help.file_timeout": Text(
        "thời gian tối đa đọc một tệp (mặc định {seconds} giây)",
        "the longest time to read one file (default {seconds} seconds)",
    ),
    "help.file_memory": Text(
        "bộ nhớ tối đa để đọc một tệp (mặc định {mb} MB, ít nhất 64)",
        "the most memory to read one file (default {mb} MB, at least 64)",
    ),
    "help.parent": Text(
        "mã đơn vị cấp trên: chỉ các đơn vị trực thuộc CODE",
        "the parent unit's code: only the units under CODE",
    ),
    "help.cluster": Text("chỉ các đơn vị của một cụm thi đua", "only the units of one cluster"),
    "help.inbox": Text("thư mục phiếu chấm đã nhận", "the folder of the returned scorecards"),
    "help.init": Text(
        "tạo tệp định nghĩa đợt thi đua trống, có hướng dẫn",
        "write an empty campaign workbook, with instructions",
    ),
    "help.init_text": Text(
        "Ghi một tệp định nghĩa đợt thi đua trống (.xlsx) có hướng dẫn ở từng trang. Mở bằng "
        "Excel để nhập thông tin đợt, tiêu chí, xếp loại và đơn vị, rồi kiểm tra bằng "
        "«thidua show».",
        "Write an empty campaign workbook (.xlsx) with instructions on each sheet. Open it in "
        "Excel to enter the campaign, criteria, bands and units, then check it with "
        "«thidua show».",
    ),
    "help.init_examples": Text(
        "thidua init dot-thi-dua-2025.xlsx\nthidua init dot-thi-dua-2025.xlsx --force",
        "thidua init campaign-2025.xlsx\nthidua init campaign-2025.xlsx --force",
    ),
    "help.show": Text(
        "in cây tiêu chí, xếp loại, đơn vị; báo lỗi định nghĩa",
        "print the criteria, bands and units; report definition errors",
    ),
    "help.show_text": Text(
        "In nội dung tệp định nghĩa đợt thi đua: tiêu chí và điểm tối đa, cách chấm, xếp "
        "loại, đơn vị. Nếu tệp có lỗi, liệt kê từng lỗi kèm ô cần sửa (mã thoát 2).",
        "Print the campaign workbook: criteria and maximum points, methods, bands, units. If "
        "the workbook has errors, each is listed with its cell (exit code 2).",
    ),
    "help.show_examples": Text(
        "thidua show dot-thi-dua-2025.xlsx\nthidua show dot-thi-dua-2025.xlsx --lang en",
        "thidua show campaign-2025.xlsx\nthidua show campaign-2025.xlsx --lang en",
    ),
    "help.templates": Text(
        "ghi một phiếu chấm điểm .xlsx cho mỗi đơn vị",
        "write a .xlsx scorecard for each unit",
    ),
    "help.templates_text": Text(
        "Ghi vào thư mục DIR một phiếu chấm điểm trống cho mỗi đơn vị (hoặc chỉ các đơn vị "
        "được chọn), để gửi đi. Tệp đã có không bị ghi đè, trừ khi thêm --force.",
        "Write into DIR a blank scorecard for each unit (or the units chosen), to send out. "
        "Existing files are kept unless --force is given.",
    ),
    "help.templates_examples": Text(
        "thidua templates dot-thi-dua.xlsx -o phieu/\n"
        "thidua templates dot-thi-dua.xlsx -o phieu/ --parent NH\n"
        "thidua templates dot-thi-dua.xlsx -o phieu/ --unit NH-CA --unit NH-YT",
        "thidua templates campaign.xlsx -o cards/\n"
        "thidua templates campaign.xlsx -o cards/ --parent NH\n"
        "thidua templates campaign.xlsx -o cards/ --unit NH-CA --unit NH-YT",
    ),
    "help.templates_output": Text("thư mục ghi phiếu", "the folder to write into"),
    "help.templates_unit": Text(
        "chỉ đơn vị CODE (lặp lại được)", "only the unit CODE (may be repeated)"
    ),
    "help.check": Text(
        "kiểm tra các phiếu chấm đã nhận: ai chưa gửi, tệp nào phải sửa",
        "check the returned scorecards: who has not sent, which file to fix",
    ),
    "help.check_text": Text(
        "Kiểm tra từng phiếu chấm đã nhận (tệp hoặc thư mục) và nêu ô có lỗi. Khi đợt thi "
        "đua có các đơn vị trực thuộc một đơn vị cấp trên (--parent, hoặc đơn vị cao nhất "
        "duy nhất), cho biết đơn vị nào chưa gửi, tệp nào được tính cho mỗi đơn vị và tệp nào "
        "đã được thay bằng tệp mới hơn. Mã thoát 1 khi một tệp được tính bị trả lại.",
        "Check each returned scorecard (files or folders) and name the cells in error. When "
        "the campaign lists units under a parent (--parent, or the single top unit), say "
        "which units have not sent anything, which file counts for each unit and which files "
        "a newer one replaced. Exit code 1 when a file that counts is rejected.",
    ),
    "help.check_examples": Text(
        "thidua check dot-thi-dua.xlsx hop-thu/\n"
        "thidua check dot-thi-dua.xlsx hop-thu/ --parent NH --feedback phan-hoi/\n"
        "thidua check dot-thi-dua.xlsx NH-CA.xlsx --json",
        "thidua check campaign.xlsx inbox/\n"
        "thidua check campaign.xlsx inbox/ --parent NH --feedback feedback/\n"
        "thidua check campaign.xlsx NH-CA.xlsx --json",
    ),
    "help.check_inputs": Text("tệp hoặc thư mục phiếu chấm", "scorecard files or folders"),
    "help.check_parent": Text(
        "mã đơn vị cấp trên: các đơn vị trực thuộc là những đơn vị phải gửi",
        "the parent unit's code: the units under it are those expected to send",
    ),
    "help.merge": Text(
        "tổng hợp, xếp hạng các đơn vị (hoặc gộp phiếu các ngành)",
        "merge and rank the units (or combine the sectors' cards)",
    ),
    "help.merge_text": Text(
        "Hai chế độ (--mode):\n"
        "  rank     (mặc định) xếp hạng các đơn vị trực thuộc --parent vào bảng tổng hợp "
        "OUT.xlsx; có thể áp dụng bảng thẩm định của cấp trên (--verified).\n"
        "  compose  gộp phiếu của các ngành trực thuộc --parent (ví dụ phường) thành một "
        "phiếu chấm của đơn vị đó, theo cách tổng hợp của từng tiêu chí; cần --parent.",
        "Two modes (--mode):\n"
        "  rank     (the default) rank the units under --parent into the summary workbook "
        "OUT.xlsx; the upper level's verification workbooks may be applied (--verified).\n"
        "  compose  combine the cards of the sectors under --parent (a ward, say) into that "
        "unit's scorecard, by each criterion's compose rule; needs --parent.",
    ),
    "help.merge_examples": Text(
        "thidua merge dot-thi-dua.xlsx hop-thu/ -o tong-hop.xlsx\n"
        "thidua merge dot-thi-dua.xlsx hop-thu/ -o tong-hop.xlsx --verified tham-dinh.xlsx\n"
        "thidua merge dot-thi-dua.xlsx hop-thu/ -o tong-hop.xlsx --lock\n"
        "thidua merge dot-thi-dua.xlsx hop-thu-nganh/ --mode compose --parent NH -o NH.xlsx",
        "thidua merge campaign.xlsx inbox/ -o summary.xlsx\n"
        "thidua merge campaign.xlsx inbox/ -o summary.xlsx --verified verification.xlsx\n"
        "thidua merge campaign.xlsx inbox/ -o summary.xlsx --lock\n"
        "thidua merge campaign.xlsx sectors-inbox/ --mode compose --parent NH -o NH.xlsx",
    ),
    "help.merge_output": Text(
        "tệp kết quả (.xlsx): bảng tổng hợp, hoặc phiếu gộp khi --mode compose",
        "the output (.xlsx): the summary, or the combined card with --mode compose",
    ),
    "help.merge_mode": Text(
        "rank: xếp hạng (mặc định); compose: gộp phiếu các ngành",
        "rank: rank the units (default); compose: combine the sectors' cards",
    ),
    "help.merge_parent": Text(
        "đơn vị cấp trên của các đơn vị xếp hạng (compose: đơn vị nhận phiếu gộp)",
        "the parent of the ranked units (compose: the unit whose card is combined)",
    ),
    "help.merge_verified": Text(
        "bảng thẩm định của cấp trên (do «thidua verify» ghi) để áp dụng (lặp lại được)",
        "an upper level's verification workbook (from «thidua verify») to apply (repeatable)",
    ),
    "help.verify": Text(
        "ghi bảng thẩm định của cấp trên cho các đơn vị có phiếu được nhận",
        "write the upper level's verification workbook for the accepted units",
    ),
    "help.verify_text": Text(
        "Ghi bảng thẩm định (.xlsx): mỗi đơn vị có phiếu được nhận, từng tiêu chí với điểm "
        "tự chấm, và ô để cấp trên nhập điểm thẩm định và lý do. Sau đó dùng «thidua merge … "
        "--verified THAM-DINH.xlsx».",
        "Write the verification workbook (.xlsx): each accepted unit, each criterion with its "
        "self-assessed score and cells for the upper level's verified score and reason. Then "
        "run «thidua merge … --verified VERIFICATION.xlsx».",
    ),
    "help.verify_examples": Text(
        "thidua verify dot-thi-dua.xlsx hop-thu/ -o tham-dinh.xlsx\n"
        '  thidua verify dot-thi-dua.xlsx hop-thu/ -o tham-dinh.xlsx --cluster "Cụm 1"',
        "thidua verify campaign.xlsx inbox/ -o verification.xlsx\n"
        '  thidua verify campaign.xlsx inbox/ -o verification.xlsx --cluster "Cụm 1"',
    ),
    "help.verify_output": Text("bảng thẩm định sẽ ghi (.xlsx)", "the workbook to write (.xlsx)"),
    "help.verify_force": Text(
        "ghi đè bảng thẩm định đã có (mất điểm đã nhập)",
        "overwrite an existing workbook (the scores typed in are lost)",
    ),
    "help.demo": Text(
        "chạy thử toàn bộ quy trình trên dữ liệu mẫu đi kèm",
        "run the whole chain on the bundled sample data",
    ),
    "help.demo_text": Text(
        "Chạy thử toàn bộ quy trình (phiếu trống, kiểm tra, phản hồi, gộp phiếu, xếp hạng, "
        "thẩm định) trên bản sao dữ liệu mẫu, ghi mọi kết quả vào thư mục DIR.",
        "Run the whole chain (blank cards, check, feedback, compose, ranking, verification) "
        "on a copy of the sample data, writing everything into DIR.",
    ),
    "help.demo_examples": Text(
        "thidua demo\nthidua demo chay-thu/ --lang en",
        "thidua demo\nthidua demo trial/ --lang en",
    ),
    "help.demo_folder": Text(
        "thư mục ghi kết quả (mặc định: {folder})", "the folder to write into (default: {folder})"
    ),
    # -- issue 17: mistakes recognised for what they are (campaign/loader.py, faces/paths.py)
    "reason.is_folder": Text(
        "đây là một thư mục; cần tệp định nghĩa đợt thi đua (.xlsx)",
        "it is a folder; the campaign workbook (.xlsx) is needed",
    ),
    "reason.is_scorecard": Text(
        "đây là phiếu chấm điểm của {unit}, không phải tệp định nghĩa đợt thi đua. Hãy dùng "
        "tệp định nghĩa đã dùng để ghi phiếu (thidua templates)",
        "this is the scorecard of {unit}, not the campaign workbook. Give the campaign "
        "workbook the scorecards were made from (thidua templates)",
    ),
    "reason.is_feedback": Text(
        "đây là bản phản hồi gửi lại {unit}, không phải tệp định nghĩa đợt thi đua",
        "this is a feedback copy for {unit}, not the campaign workbook",
    ),
    "reason.is_summary": Text(
        "đây là bảng tổng hợp (thidua merge), không phải tệp định nghĩa đợt thi đua",
        "this is a summary workbook (thidua merge), not the campaign workbook",
    ),
    "reason.is_verification": Text(
        "đây là bảng thẩm định (thidua verify), không phải tệp định nghĩa đợt thi đua",
        "this is a verification workbook (thidua verify), not the campaign workbook",
    ),
    "error.output_is_folder": Text(
        "{path} là một thư mục; cần tên tệp {ext} (ví dụ {example})",
        "{path} is a folder; a {ext} file name is needed (for example {example})",
    ),
    "error.output_extension": Text(
        "Tệp kết quả {path} phải có đuôi {ext} (nội dung là bảng tính {ext}); ví dụ {example}",
        "The output {path} must end in {ext} (it is a {ext} workbook); for example {example}",
    ),
    "error.output_is_file": Text(
        "{path} là một tệp; cần một thư mục để ghi vào",
        "{path} is a file; a folder to write into is needed",
    ),
    "os.EEXIST": Text("đã có một tệp trùng tên ở đó", "a file of that name is already there"),
    "error.system": Text(
        "Không làm được việc với {path}: {reason}.", "Could not use {path}: {reason}."
    ),
    # -- issue 17: inbox status in check (thidua_xlsx.core.inbox) -----------------------------
    "report.inbox_summary": Text(
        "{sent}/{units} đơn vị đã nộp, {late} nộp muộn, {rejected} bị trả lại{others}, "
        "{missing} chưa nộp.",
        "{sent}/{units} units submitted, {late} late, {rejected} rejected{others}, {missing} "
        "missing.",
    ),
    "report.superseded_mark": Text(
        "(không tính: đã có tệp mới hơn)", "(not counted: a newer file replaced it)"
    ),
    "inbox.missing": Text("Đơn vị chưa gửi phiếu ({count}):", "Units that sent no card ({count}):"),
    "inbox.other_file": Text(
        "{unit}: đã gửi tệp {kind} ({files}), chưa gửi phiếu",
        "{unit}: sent {kind} file(s) ({files}), no scorecard",
    ),
    "inbox.counts": Text(
        "{unit}: tính tệp mới nhất {name}; không tính tệp cũ hơn: {older}",
        "{unit}: the newest file counts, {name}; not counted (older): {older}",
    ),
    "file_kind.pdf": Text("PDF", "PDF"),
    "file_kind.word": Text("Word", "Word"),
    "file_kind.image": Text("ảnh", "image"),
    "file_kind.archive": Text("nén", "archive"),
    "file_kind.other": Text("khác", "other"),
    # -- issue 17: feedback that can be sent as is (thidua_xlsx.scorecard.feedback) ----------
    "issue_sheet.name_to_note": Text("Điểm cần lưu ý", "Points to note"),
    "issue_sheet_column.what_to_note": Text("Nội dung cần lưu ý", "What to note"),
    "feedback.written": Text(
        "Đã ghi {count} bản phản hồi vào {folder}, để gửi lại từng đơn vị:",
        "Wrote {count} feedback copies into {folder}, to send back to each unit:",
    ),
    "feedback.copy": Text(
        "{name} → gửi {unit} ({what}; từ tệp {source})",
        "{name} → send to {unit} ({what}; from {source})",
    ),
    "feedback.copy_unknown": Text(
        "{name} → gửi người đã gửi tệp {source} (không xác định được đơn vị)",
        "{name} → send to whoever sent {source} (its unit cannot be told)",
    ),
    "feedback.errors": Text("{count} lỗi cần sửa", "{count} error(s) to fix"),
    "feedback.warnings": Text("{count} điểm cần lưu ý", "{count} point(s) to note"),
    "feedback.none": Text(
        "Không có tệp nào cần gửi bản phản hồi ({folder} không được ghi thêm).",
        "No file needs a feedback copy (nothing written into {folder}).",
    ),
    # -- issue 17: the help of the commands of issue 16 (thidua_xlsx.faces.parser) -----------
    "help.vote": Text(
        "Hội đồng biểu quyết danh sách đề nghị: ghi phiếu và bảng kiểm phiếu, hoặc đọc bảng "
        "kiểm phiếu đã nhập và quyết định",
        "the Council's vote on the award list: write the ballots and the tally, or read the "
        "filled tally and decide",
    ),
    "help.vote_text": Text(
        "Hai bước:\n"
        "  -o DIR           ghi phiếu biểu quyết (mỗi thành viên một phiếu) và bảng kiểm phiếu "
        "cho danh sách đề nghị khen thưởng của bảng tổng hợp.\n"
        "  --tally TỆP      đọc bảng kiểm phiếu thư ký đã nhập, quyết định từng đơn vị, in kết "
        "quả và ghi bảng kết quả biểu quyết.",
        "Two steps:\n"
        "  -o DIR           write the ballots (one per member) and the tally sheet for the "
        "summary's award list.\n"
        "  --tally FILE     read the tally the secretary filled in, decide each unit, print the "
        "decisions and write the result workbook.",
    ),
    "help.vote_examples": Text(
        "thidua vote dot-thi-dua.xlsx tong-hop.xlsx -o hoi-dong/\n"
        "thidua vote dot-thi-dua.xlsx tong-hop.xlsx --tally hoi-dong/KIEM-PHIEU.xlsx",
        "thidua vote campaign.xlsx summary.xlsx -o council/\n"
        "thidua vote campaign.xlsx summary.xlsx --tally council/KIEM-PHIEU.xlsx",
    ),
    "help.vote_summary": Text(
        "bảng tổng hợp (merge --mode rank)", "the summary workbook (merge --mode rank)"
    ),
    "help.vote_output": Text(
        "thư mục ghi phiếu và bảng kiểm phiếu; với --tally: tệp kết quả (mặc định {result} "
        "cạnh bảng kiểm phiếu)",
        "the folder for the ballots and the tally; with --tally: the result file (default "
        "{result} beside the tally)",
    ),
    "help.vote_tally": Text(
        "bảng kiểm phiếu thư ký đã nhập, để quyết định",
        "the tally the secretary filled in, to decide",
    ),
    "help.vote_verified": Text(
        "bảng thẩm định đã dùng khi lập bảng tổng hợp (merge --verified), lặp lại được",
        "a verification workbook used for the summary (merge --verified), repeatable",
    ),
    "help.dossier": Text(
        "lập hồ sơ khen thưởng (.docx): tờ trình, danh sách, báo cáo thành tích, biên bản",
        "write the award dossier (.docx): submission, list, achievement reports, minutes",
    ),
    "help.dossier_text": Text(
        "Lập hồ sơ khen thưởng từ bảng tổng hợp do «thidua merge» ghi: các văn bản Word (sửa "
        "được) và danh sách dạng bảng tính. Có --vote: ghi kết quả biểu quyết của Hội đồng vào "
        "biên bản.",
        "Write the award dossier from a summary written by «thidua merge»: the papers in Word "
        "(editable) and the list as a workbook. With --vote: the Council's vote goes into the "
        "minutes.",
    ),
    "help.dossier_examples": Text(
        "thidua dossier dot-thi-dua.xlsx tong-hop.xlsx -o ho-so-khen-thuong/\n"
        "thidua dossier dot-thi-dua.xlsx tong-hop.xlsx -o ho-so/ --vote "
        "hoi-dong/KET-QUA-BIEU-QUYET.xlsx",
        "thidua dossier campaign.xlsx summary.xlsx -o award-dossier/\n"
        "thidua dossier campaign.xlsx summary.xlsx -o dossier/ --vote "
        "council/KET-QUA-BIEU-QUYET.xlsx",
    ),
    "help.dossier_summary": Text(
        "bảng tổng hợp do merge ghi", "the summary workbook written by merge"
    ),
    "help.dossier_vote": Text(
        "kết quả biểu quyết do «thidua vote … --tally» ghi ({result}; không có: bảng biểu quyết "
        "để trống)",
        "the vote's result written by «thidua vote … --tally» ({result}; without it: the vote "
        "table is left blank)",
    ),
    "help.dossier_templates": Text(
        "thư mục mẫu .docx của tỉnh (thay mẫu cùng tên)",
        "a folder of the province's .docx templates (replacing those of the same name)",
    ),
    "help.dossier_force": Text("ghi đè hồ sơ đã có", "overwrite an existing dossier"),
    "help.web": Text(
        "mở trang web trên máy này (127.0.0.1) để làm mọi việc không cần dòng lệnh",
        "open a web page on this machine (127.0.0.1) to do everything without a command line",
    ),
    "help.web_text": Text(
        "Mở một trang web chỉ trên máy này (127.0.0.1): chọn đợt thi đua, tải phiếu trống, "
        "thả các phiếu đã nhận, xem tệp nào được nhận, ai chưa gửi, tải bản phản hồi và bảng "
        "tổng hợp, rồi phiếu biểu quyết của Hội đồng, kết quả kiểm phiếu và hồ sơ khen thưởng. "
        "Các tệp nằm trong thư mục --folder. Dừng bằng Ctrl-C.",
        "Open a web page on this machine only (127.0.0.1): pick a campaign, download the blank "
        "cards, drop the returned cards, see which files are accepted and who has not sent, "
        "download feedback copies and the summary, then the Council's ballots, the tally's "
        "decision and the award dossier. The files stay in the --folder folder. "
        "Stop with Ctrl-C.",
    ),
    "help.web_examples": Text(
        "thidua web\nthidua web --port 8080 --folder thi-dua/",
        "thidua web\nthidua web --port 8080 --folder emulation/",
    ),
    "help.web_port": Text("cổng (mặc định 8000)", "the port (default 8000)"),
    "argparse.metavar_port": Text("CỔNG", "PORT"),
    "help.web_folder": Text(
        "thư mục lưu phiếu và kết quả (mặc định {folder})",
        "the folder for the cards and results (default {folder})",
    ),
    # -- issue 17: the web page's Council and dossier -----------------------------------------
    "web.step_council": Text(
        "Hội đồng thi đua, khen thưởng và hồ sơ", "The Council and the dossier"
    ),
    "web.council_lead": Text(
        "Hình thức khen thưởng: {title}. In phiếu biểu quyết cho Hội đồng, nhập kết quả vào bảng "
        "kiểm phiếu rồi gửi lại bảng đó ở đây; hồ sơ khen thưởng ghi kèm kết quả biểu quyết.",
        "Award: {title}. Print the ballots for the Council, type the votes into the tally and "
        "send the tally back here; the dossier then carries the Council's vote.",
    ),
    "web.council_none": Text(
        "Đợt thi đua này không có hình thức khen thưởng hoặc Hội đồng thi đua, khen thưởng "
        "(trang Hội đồng), nên không có phiếu biểu quyết và hồ sơ khen thưởng.",
        "This campaign names no award or has no Council (the Hội đồng sheet), so there are no "
        "ballots and no dossier.",
    ),
    "web.download_vote_papers": Text(
        "Phiếu biểu quyết và bảng kiểm phiếu (.zip)", "Ballots and tally (.zip)"
    ),
    "web.send_tally": Text("Gửi bảng kiểm phiếu đã nhập", "Send the filled tally"),
    "web.tally_lead": Text(
        "Bảng kiểm phiếu đã nhập (một tệp .xlsx, .ods hoặc .xls):",
        "The filled tally (one .xlsx, .ods or .xls file):",
    ),
    "web.one_tally": Text("Chọn đúng một tệp bảng kiểm phiếu.", "Choose exactly one tally file."),
    "web.vote_title": Text("Kết quả biểu quyết", "The Council's vote"),
    "web.col_votes": Text("Đồng ý / Không đồng ý", "Agree / Disagree"),
    "web.col_outcome": Text("Kết quả", "Outcome"),
    "web.col_reason": Text("Lý do", "Reason"),
    "web.download_vote_result": Text(
        "Tải kết quả biểu quyết (KET-QUA-BIEU-QUYET.xlsx)",
        "Download the vote's result (KET-QUA-BIEU-QUYET.xlsx)",
    ),
    "web.download_dossier": Text("Hồ sơ khen thưởng (.zip)", "The award dossier (.zip)"),
    "web.dossier_with_vote": Text(
        "Hồ sơ ghi kèm kết quả biểu quyết của Hội đồng.",
        "The dossier carries the Council's vote.",
    ),
    "web.dossier_without_vote": Text(
        "Chưa có kết quả biểu quyết: hồ sơ để trống phần biểu quyết trong biên bản.",
        "No vote yet: the minutes leave the vote blank.",
    ),
    "web.no_vote_result": Text(
        "Chưa có kết quả biểu quyết. Gửi bảng kiểm phiếu đã nhập trước.",
        "There is no vote result yet. Send the filled tally first.",
    ),
    # -- issue 18: periods --
    "error.period_needed": Text(
        "Đợt thi đua chia theo kỳ báo cáo: hãy chọn kỳ bằng --period. Các kỳ: {listed}.",
        "The campaign is reported period by period: choose one with --period. Periods: {listed}.",
    ),
    "error.period_unknown": Text(
        "Không có kỳ báo cáo «{typed}» trong đợt thi đua. Các kỳ: {listed} (gõ tên kỳ hoặc số "
        "thứ tự của kỳ).",
        "No reporting period «{typed}» in the campaign. Periods: {listed} (type the period's "
        "name or its number).",
    ),
    "error.no_periods": Text(
        "Đợt thi đua không chia kỳ báo cáo (trang Thông tin không có mục «Kỳ báo cáo»): bỏ "
        "--period «{typed}».",
        "The campaign has no reporting periods (no «Kỳ báo cáo» on its Thông tin sheet): leave "
        "out --period «{typed}».",
    ),
    "help.period": Text(
        "kỳ báo cáo (tên hoặc số thứ tự, ví dụ «Tháng 11/2025» hoặc 2) khi đợt thi đua chia kỳ",
        "the reporting period (its name or number, e.g. «Tháng 11/2025» or 2) when the "
        "campaign has periods",
    ),
    "argparse.metavar_period": Text("KỲ", "PERIOD"),
    "help.templates_earlier": Text(
        "bảng tổng hợp của các kỳ trước: phiếu ghi những gì đơn vị đã báo cáo ở các tiêu chí "
        "cộng dồn",
        "summaries of earlier periods: the cards show what each unit already reported on "
        "cumulative criteria",
    ),
    "cli.templates_period": Text("Kỳ báo cáo: {period}.", "Reporting period: {period}."),
    "cli.earlier_used": Text(
        "Số liệu cộng dồn lấy từ: {files}.", "Cumulative figures taken from: {files}."
    ),
    "cli.earlier_skipped": Text("Không dùng {file}: {reason}", "Not used, {file}: {reason}"),
    "demo.months": Text(
        "Đợt thi đua báo cáo hàng tháng «{title}»: xếp hạng từng tháng ({count} tháng).",
        "A campaign reported monthly, «{title}»: each month ranked ({count} months).",
    ),
    "demo.month": Text("{period}: {summary} Dẫn đầu: {top}.", "{period}: {summary} Top: {top}."),
    "demo.month_cards": Text(
        "{count} phiếu chấm của tháng cuối, ghi sẵn những gì các tháng trước đã báo cáo ở các "
        "tiêu chí cộng dồn: {folder}",
        "{count} blank cards of the last month, showing what the earlier months reported on the "
        "cumulative criteria: {folder}",
    ),
    "demo.next_year": Text(
        "Năm thứ hai (2025) của phong trào, các phường, xã của thị xã: {summary} Bảng tổng hợp: "
        "{path}",
        "The movement's second year (2025), the town's wards and communes: {summary} Summary: "
        "{path}",
    ),
    "demo.months_locked": Text(
        "Đã khóa kết quả các tháng đã qua (thidua lock): {files}; sổ khóa kỳ so-khoa-ky.json.",
        "The results of the months gone by are locked (thidua lock): {files}; lock book "
        "so-khoa-ky.json.",
    ),
    "demo.trend": Text(
        "Xu hướng qua {labels} ({units} đơn vị): {path}",
        "The trend over {labels} ({units} units): {path}",
    ),
    "demo.trend_mover": Text("{unit}: hạng {before} → {after}", "{unit}: rank {before} → {after}"),
    "show.periods": Text("Kỳ báo cáo", "Reporting period"),
    "show.cumulative": Text("cộng dồn", "cumulative"),
    # -- issue 18: a locked period ------------------------------------------------------------
    "lock.key": Text("đợt {campaign}, đơn vị {unit}", "campaign {campaign}, unit {unit}"),
    "lock.key_cluster": Text("cụm {cluster}", "cluster {cluster}"),
    "lock.key_period": Text("kỳ {period}", "period {period}"),
    "lock.change": Text("{unit}: {parts}", "{unit}: {parts}"),
    "lock.change_part": Text(
        "{field:lock_field} {before} → {after}", "{field:lock_field} {before} → {after}"
    ),
    "lock_field.total": Text("tổng", "total"),
    "lock_field.rank": Text("hạng", "rank"),
    "lock_field.cluster_rank": Text("hạng trong cụm", "rank in cluster"),
    "lock_field.band": Text("xếp loại", "band"),
    "lock_field.status": Text("tình trạng", "status"),
    "lock.change_added": Text(
        "{unit}: có trong kết quả mới nhưng không có trong kết quả đã khóa",
        "{unit}: in the new result but not in the locked one",
    ),
    "lock.change_gone": Text(
        "{unit}: có trong kết quả đã khóa nhưng không còn trong kết quả mới",
        "{unit}: in the locked result but gone from the new one",
    ),
    "lock.damage_format": Text(
        "tệp không phải sổ khóa kỳ do thidua ghi", "the file is not a lock book written by thidua"
    ),
    "lock.damage_version": Text(
        "sổ ghi theo phiên bản khác ({where})", "the book is of another version ({where})"
    ),
    "lock.damage_checksum": Text(
        "nội dung sổ đã bị sửa ngoài thidua (mã kiểm tra không khớp)",
        "its content was changed outside thidua (the checksum does not match)",
    ),
    "lock.damage_field": Text(
        "mục {where} bị thiếu hoặc sai", "the entry {where} is missing or wrong"
    ),
    "lock.damage_json": Text(
        "không đọc được nội dung sổ ({where})", "its content cannot be read ({where})"
    ),
    "lock.book_note": Text(
        "Sổ khóa kỳ do thidua ghi (thidua lock, thidua merge --lock). Đừng sửa bằng tay: sổ bị "
        "sửa sẽ bị từ chối. Xóa sổ này là bỏ mọi khóa trong thư mục.",
        "The lock book written by thidua (thidua lock, thidua merge --lock). Do not edit it by "
        "hand: an edited book is refused. Deleting it removes every lock in the folder.",
    ),
    "lock.other_period": Text(
        "bảng tổng hợp của kỳ «{period}», đợt thi đua không có kỳ này",
        "a summary of the period «{period}», which the campaign does not have",
    ),
    "lock.kind.card": Text("phiếu chấm điểm", "a scorecard"),
    "lock.kind.feedback": Text("bản phản hồi", "a feedback copy"),
    "lock.kind.verification": Text("bảng thẩm định", "a verification workbook"),
    "lock.not_summary": Text(
        "tệp không phải bảng tổng hợp (loại: {kind})", "the file is not a summary (kind: {kind})"
    ),
    "error.lock_book_damaged": Text(
        "Sổ khóa kỳ {path} bị hỏng hoặc đã bị sửa bằng tay: {detail}. Không làm gì thêm. Lấy "
        "lại bản sổ đúng (bản sao lưu); hoặc, nếu đơn vị quyết định bỏ mọi khóa, xóa sổ rồi "
        "khóa lại các kỳ. [lock_book_damaged]",
        "The lock book {path} is damaged or was edited by hand: {detail}. Nothing was done. "
        "Restore the right book (a backup); or, if the office decides to drop every lock, "
        "delete the book and lock the periods again. [lock_book_damaged]",
    ),
    "error.period_locked": Text(
        "Kết quả của {key} đã khóa ngày {at} (bảng tổng hợp {summary}, sổ khóa kỳ {book}). "
        "Lần tổng hợp này sẽ thay đổi kết quả đó:\n{changes}\nKhông ghi tệp nào. Nếu thật sự "
        'phải sửa, chạy lại lệnh với --reopen "LÝ DO": kỳ được mở lại và việc mở lại được ghi '
        "vào sổ. [period_locked]",
        "The result of {key} was locked on {at} (summary {summary}, lock book {book}). This "
        "run would change it:\n{changes}\nNothing was written. If it really must change, run "
        'the command again with --reopen "REASON": the period is reopened and the reopening '
        "is recorded in the book. [period_locked]",
    ),
    "error.lock_not_summary": Text(
        "Không khóa được {path}: {detail}. Chỉ khóa được bảng tổng hợp do «thidua merge» ghi "
        "cho đợt thi đua này. [lock_not_summary]",
        "Cannot lock {path}: {detail}. Only a summary written by «thidua merge» for this "
        "campaign can be locked. [lock_not_summary]",
    ),
    "summary.note_reopened": Text(
        "Kết quả kỳ này đã khóa ngày {at}, được mở lại ngày {now}. Lý do: {reason}.",
        "This period's result was locked on {at} and reopened on {now}. Reason: {reason}.",
    ),
    "cli.lock_done": Text(
        "Đã khóa kết quả của {key}: {units} đơn vị, {ranked} được xếp hạng (bảng tổng hợp "
        "{summary}). Sổ khóa kỳ: {book}. Từ nay lần tổng hợp nào làm thay đổi kết quả này sẽ "
        'bị từ chối, trừ khi mở lại bằng --reopen "LÝ DO".',
        "Locked the result of {key}: {units} units, {ranked} ranked (summary {summary}). Lock "
        "book: {book}. From now on a run that would change this result is refused, unless it "
        'is reopened with --reopen "REASON".',
    ),
    "cli.lock_already": Text(
        "Kết quả của {key} đã khóa từ ngày {at} (bảng tổng hợp {summary}) và không thay đổi; "
        "sổ khóa kỳ giữ nguyên: {book}.",
        "The result of {key} has been locked since {at} (summary {summary}) and is unchanged; "
        "the lock book stays as it was: {book}.",
    ),
    "cli.lock_same": Text(
        "Kết quả của {key} đã khóa ngày {at}; lần tổng hợp này cho đúng kết quả đã khóa.",
        "The result of {key} was locked on {at}; this run gives the locked result.",
    ),
    "cli.lock_reopened": Text(
        "Đã mở lại kết quả đã khóa của {key} (lý do: {reason}); {count} thay đổi đã ghi vào "
        "sổ khóa kỳ {book}:",
        "Reopened the locked result of {key} (reason: {reason}); {count} changes recorded in "
        "the lock book {book}:",
    ),
    "cli.lock_reopen_unused": Text(
        "--reopen không dùng đến: {key} không có kết quả nào đang khóa bị thay đổi.",
        "--reopen was not needed: {key} has no locked result that changes.",
    ),
    "cli.lock_reopen_empty": Text(
        '--reopen cần một lý do, ví dụ: --reopen "Sửa điểm tiêu chí I.2 theo kết luận thẩm định".',
        '--reopen needs a reason, e.g. --reopen "Criterion I.2 corrected after verification".',
    ),
    "help.lock": Text(
        "khóa kết quả của một kỳ: lần tổng hợp sau làm thay đổi kết quả sẽ bị từ chối",
        "lock a period's result: a later run that would change it is refused",
    ),
    "help.lock_text": Text(
        "Ghi vào sổ khóa kỳ (so-khoa-ky.json, cạnh bảng tổng hợp) rằng kết quả trong bảng "
        "tổng hợp là kết quả cuối cùng của kỳ: tổng điểm, hạng, xếp loại và tình trạng của "
        "từng đơn vị, tính lại từ dữ liệu trong bảng. Bảng tổng hợp không bị sửa. Sau đó "
        "«thidua merge» cùng kỳ, cùng đơn vị, ghi vào cùng thư mục, nếu làm thay đổi kết quả "
        'sẽ bị từ chối, trừ khi có --reopen "LÝ DO". Sổ chỉ giúp văn phòng giữ kết quả, không '
        "phải hàng rào bảo mật: ai cũng xóa được sổ.",
        "Record in the lock book (so-khoa-ky.json, beside the summary) that the result in the "
        "summary is the period's final result: every unit's total, rank, band and status, "
        "scored again from the data in the summary. The summary is not changed. From then "
        "on, «thidua merge» of the same period and unit into the same folder is refused when "
        'it would change the result, unless --reopen "REASON" is given. The book helps the '
        "office keep its result; it is not a security barrier: anyone can delete it.",
    ),
    "help.lock_examples": Text(
        "thidua lock dot-thi-dua.xlsx tong-hop/tong-hop-thang-11.xlsx\n"
        'thidua lock dot-thi-dua.xlsx tong-hop/tong-hop-thang-11-sua.xlsx --reopen "Sửa '
        'điểm theo kết luận thẩm định"',
        "thidua lock campaign.xlsx summaries/summary-november.xlsx\n"
        'thidua lock campaign.xlsx summaries/summary-november-2.xlsx --reopen "Scores '
        'corrected after verification"',
    ),
    "help.lock_summary": Text(
        "bảng tổng hợp do «thidua merge» ghi", "the summary written by «thidua merge»"
    ),
    "help.lock_reopen": Text(
        "mở lại kết quả đã khóa khi bảng này khác kết quả đó, với lý do (ghi vào sổ)",
        "reopen the locked result when this summary differs from it, giving the reason "
        "(recorded in the book)",
    ),
    "help.merge_lock": Text(
        "khóa kết quả vừa ghi (như «thidua lock»)",
        "lock the result written (as «thidua lock» does)",
    ),
    "help.merge_reopen": Text(
        "mở lại kết quả đã khóa của kỳ này nếu lần tổng hợp làm thay đổi nó, với lý do (ghi "
        "vào sổ khóa kỳ và vào bảng tổng hợp)",
        "reopen this period's locked result if the run changes it, giving the reason "
        "(recorded in the lock book and on the summary)",
    ),
    "argparse.metavar_reason": Text("LÝ_DO", "REASON"),
    "cli.lock_compose": Text(
        "--lock và --reopen dùng với bảng xếp hạng (--mode rank), không dùng khi gộp phiếu "
        "(--mode compose).",
        "--lock and --reopen go with a ranking (--mode rank), not with --mode compose.",
    ),
    # -- issue 18: trend (thidua trend) ---------------------------------------------------
    "help.trend": Text(
        "xem xu hướng qua các kỳ: so sánh các bảng tổng hợp của nhiều tháng, quý, năm",
        "see the trend over periods: compare the summaries of several months, quarters, years",
    ),
    "help.trend_text": Text(
        "So sánh các bảng tổng hợp do «thidua merge» ghi ở nhiều kỳ (cùng một đợt thi đua, "
        "hoặc các đợt nối tiếp nhau có mã tiêu chí giống nhau). Mọi điểm đều được chấm lại "
        "từ số liệu các đơn vị đã nhập, không lấy lại tổng điểm ghi sẵn. Tệp XU-HUONG.xlsx có: "
        "điểm và hạng từng kỳ cùng mức tăng giảm, thay đổi xếp loại và số kỳ liên tiếp, tỷ lệ "
        "nộp đúng hạn, các tiêu chí bị giảm điểm nhiều kỳ liền, các biến động lớn cần xem lại, "
        "biểu đồ theo cụm và theo từng đơn vị. Bảng tổng hợp ghi bằng bản thidua cũ (chưa lưu "
        "kèm định nghĩa đợt thi đua) cần thêm --campaign.",
        "Compare the summaries «thidua merge» wrote for several periods (of one campaign, or "
        "of successive campaigns whose criterion codes match). Every score is computed again "
        "from what the units entered, never taken from the totals written in the files. "
        "XU-HUONG.xlsx holds: each period's total and rank with their change, band changes "
        "and runs, the on-time rate, the criteria losing points period after period, the jumps "
        "that deserve a look, charts per cluster and per unit. Summaries written by an older "
        "thidua (without the campaign's definition in them) need --campaign.",
    ),
    "help.trend_examples": Text(
        "thidua trend tong-hop-thang-10.xlsx tong-hop-thang-11.xlsx tong-hop-thang-12.xlsx "
        "-o XU-HUONG.xlsx\n"
        "thidua trend tong-hop/*.xlsx -o XU-HUONG.xlsx --campaign dot-thi-dua-2024.xlsx",
        "thidua trend summary-october.xlsx summary-november.xlsx summary-december.xlsx "
        "-o XU-HUONG.xlsx\n"
        "thidua trend summaries/*.xlsx -o XU-HUONG.xlsx --campaign campaign-2024.xlsx",
    ),
    "help.trend_summaries": Text(
        "các bảng tổng hợp do merge ghi, mỗi kỳ một tệp (ít nhất hai), hoặc thư mục chứa chúng",
        "the summaries written by merge, one per period (at least two), or a folder of them",
    ),
    "help.trend_output": Text("tệp xu hướng sẽ ghi (.xlsx)", "the trend workbook to write (.xlsx)"),
    "help.trend_campaign": Text(
        "tệp định nghĩa đợt thi đua, cho bảng tổng hợp ghi bằng bản thidua cũ (lặp lại được)",
        "a campaign workbook, for summaries written by an older thidua (may be repeated)",
    ),
    "error.trend_too_few": Text(
        "Cần ít nhất hai bảng tổng hợp so sánh được để xem xu hướng; chỉ dùng được {count}. "
        "Các tệp không dùng được: {files}",
        "The trend needs at least two summaries that can be compared; only {count} can be "
        "used. The files not used: {files}",
    ),
    "cli.trend_periods": Text(
        "Xu hướng qua {count} kỳ ({labels}) của {level}: {units} đơn vị.",
        "Trend over {count} periods ({labels}) of {level}: {units} units.",
    ),
    "cli.trend_movers": Text(
        "Thay đổi hạng nhiều nhất ({before} → {after}):",
        "The biggest rank changes ({before} → {after}):",
    ),
    "cli.trend_mover": Text(
        "{unit}: hạng {rank_before} → {rank_after} ({change} bậc), điểm {total_before} → "
        "{total_after}",
        "{unit}: rank {rank_before} → {rank_after} ({change} places), total {total_before} → "
        "{total_after}",
    ),
    "cli.trend_no_movers": Text(
        "Không đơn vị nào đổi hạng giữa hai kỳ cuối.",
        "No unit changed rank between the last two periods.",
    ),
    "cli.trend_counts": Text(
        "{falls} trường hợp giảm điểm liên tiếp ở một tiêu chí, {jumps} biến động lớn cần xem "
        "lại, {not_comparable} tiêu chí không so sánh được.",
        "{falls} cases of a unit losing points on a criterion period after period, {jumps} "
        "jumps that deserve a look, {not_comparable} criteria not comparable.",
    ),
    "cli.trend_refused": Text("Số tệp không được dùng: {count}", "Files not used: {count}"),
    "cli.trend_issues": Text(
        "{count} đơn vị trong các bảng tổng hợp không chấm lại được (xem trang «{sheet}»).",
        "{count} units in the summaries could not be scored again (see the sheet «{sheet}»).",
    ),
    "cli.trend_done": Text("Đã ghi tệp xu hướng: {path}", "Trend workbook written: {path}"),
    # the trend workbook's words (written in Vietnamese, like the summaries it compares)
    "trend.sheet_trend": Text("Xu hướng", "Trend"),
    "trend.sheet_bands": Text("Xếp loại", "Bands"),
    "trend.sheet_on_time": Text("Đúng hạn", "On time"),
    "trend.sheet_falls": Text("Tiêu chí giảm điểm", "Criteria losing points"),
    "trend.sheet_jumps": Text("Biến động lớn", "Jumps"),
    "trend.sheet_not_comparable": Text("Không so sánh được", "Not comparable"),
    "trend.sheet_cluster_chart": Text("Biểu đồ cụm", "Cluster chart"),
    "trend.sheet_unit_chart": Text("Biểu đồ đơn vị", "Unit chart"),
    "trend.sheet_unit_charts": Text("Biểu đồ từng đơn vị", "Chart per unit"),
    "trend.sheet_data": Text("Dữ liệu", "Data"),
    "trend.sheet_files": Text("Tệp đã dùng", "Files used"),
    "trend.motto1": Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "trend.motto2": Text("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "trend.place_date": Text(
        "{place}, ngày …… tháng …… năm ……", "{place}, on …… (day) …… (month) …… (year)"
    ),
    "trend.title": Text(
        "BẢNG THEO DÕI XU HƯỚNG KẾT QUẢ THI ĐUA QUA CÁC KỲ", "EMULATION RESULTS OVER THE PERIODS"
    ),
    "trend.periods_line": Text("{count} kỳ: {labels}", "{count} periods: {labels}"),
    "trend.level_line": Text(
        "Đơn vị tổng hợp: {level} — {units} đơn vị được so sánh",
        "Summarised by: {level} — {units} units compared",
    ),
    "trend.col_no": Text("STT", "No."),
    "trend.col_code": Text("Mã", "Code"),
    "trend.col_unit": Text("Đơn vị", "Unit"),
    "trend.col_cluster": Text("Cụm thi đua", "Cluster"),
    "trend.col_total": Text("Điểm", "Total"),
    "trend.col_rank": Text("Hạng", "Rank"),
    "trend.col_total_change": Text("± điểm", "± total"),
    "trend.col_rank_change": Text("± hạng", "± rank"),
    "trend.col_band_last": Text("Xếp loại kỳ cuối", "Last band"),
    "trend.col_run": Text("Liên tiếp", "In a row"),
    "trend.col_band_changes": Text("Thay đổi xếp loại", "Band changes"),
    "trend.col_runs": Text("Cùng xếp loại nhiều kỳ liên tiếp", "Same band in a row"),
    "trend.col_expected": Text("Số kỳ phải nộp", "Periods expected"),
    "trend.col_on_time": Text("Đúng hạn", "On time"),
    "trend.col_late": Text("Nộp muộn", "Late"),
    "trend.col_missing": Text("Không nộp / bị trả lại", "Missing / rejected"),
    "trend.col_rate": Text("Tỷ lệ đúng hạn", "On-time rate"),
    "trend.col_criterion": Text("Tiêu chí", "Criterion"),
    "trend.col_content": Text("Nội dung", "Content"),
    "trend.col_from": Text("Từ kỳ", "From"),
    "trend.col_to": Text("Đến kỳ", "To"),
    "trend.col_falls": Text("Số lần giảm", "Falls"),
    "trend.col_scores": Text("Điểm qua các kỳ", "Scores"),
    "trend.col_before": Text("Kỳ trước", "Period before"),
    "trend.col_after": Text("Kỳ này", "Period"),
    "trend.col_total_before": Text("Điểm kỳ trước", "Total before"),
    "trend.col_total_after": Text("Điểm kỳ này", "Total"),
    "trend.col_rank_before": Text("Hạng kỳ trước", "Rank before"),
    "trend.col_rank_after": Text("Hạng kỳ này", "Rank"),
    "trend.col_why": Text("Lý do", "Why"),
    "trend.col_status": Text("Tình trạng", "Status"),
    "trend.col_period": Text("Kỳ", "Period"),
    "trend.col_file": Text("Tệp", "File"),
    "trend.col_campaign": Text("Đợt thi đua", "Campaign"),
    "trend.col_level": Text("Đơn vị tổng hợp", "Summarised by"),
    "trend.col_ranked": Text("Số đơn vị xếp hạng", "Units ranked"),
    "trend.col_written": Text("Ngày ghi", "Written"),
    "trend.col_definition": Text("Chấm lại theo", "Scored again with"),
    "trend.col_code_issue": Text("Mã lỗi", "Code"),
    "trend.not_ranked": Text("—", "—"),
    "trend.run": Text("{band} {count} kỳ liên tiếp", "{band} {count} periods in a row"),
    "trend.run_between": Text(
        "{band} {count} kỳ liên tiếp ({first} – {last})",
        "{band} {count} periods in a row ({first} – {last})",
    ),
    "trend.band_change": Text("{period}: {before} → {after}", "{period}: {before} → {after}"),
    "trend.bands_title": Text(
        "XẾP LOẠI TỪNG KỲ, THAY ĐỔI VÀ SỐ KỲ LIÊN TIẾP",
        "BANDS IN EACH PERIOD, CHANGES AND RUNS",
    ),
    "trend.on_time_title": Text("TỶ LỆ NỘP ĐÚNG HẠN", "ON-TIME RATE"),
    "trend.on_time_rule": Text(
        "Tỷ lệ đúng hạn = số kỳ nộp đúng hạn / số kỳ phải nộp. Nộp muộn: tệp lưu sau hạn nộp "
        "của kỳ. Không nộp / bị trả lại: đơn vị phải nộp nhưng không có trong bảng tổng hợp "
        "của kỳ (chưa nộp, hoặc phiếu bị trả lại).",
        "On-time rate = periods sent on time / periods expected. Late: the file was saved "
        "after the period's deadline. Missing / rejected: expected but not counted in the "
        "period's summary (not sent, or the card was rejected).",
    ),
    "trend.falls_title": Text(
        "TIÊU CHÍ BỊ GIẢM ĐIỂM NHIỀU KỲ LIÊN TIẾP", "CRITERIA LOSING POINTS PERIOD AFTER PERIOD"
    ),
    "trend.falls_rule": Text(
        "Tiêu chí mà đơn vị bị giảm điểm ít nhất hai kỳ liền (tiêu chí trừ điểm: điểm trừ "
        "tăng). Chỉ xét các tiêu chí so sánh được (xem trang «Không so sánh được»).",
        "Criteria where a unit lost points at least twice in a row (a deduction criterion: "
        "its deduction grew). Only criteria that can be compared (see «Không so sánh được»).",
    ),
    "trend.jumps_title": Text("BIẾN ĐỘNG LỚN CẦN XEM LẠI", "JUMPS THAT DESERVE A LOOK"),
    "trend.jumps_rule": Text(
        "Quy tắc: so với kỳ liền trước, tổng điểm tăng hoặc giảm từ {share}% điểm tối đa trở "
        "lên (từ {points} điểm), hoặc hạng tăng hoặc giảm từ {quarter} số đơn vị được xếp hạng "
        "trở lên (làm tròn lên; chỉ khi có từ 4 đơn vị).",
        "Rule: against the period before, the total rose or fell by {share}% of the maximum "
        "or more ({points} points or more), or the rank moved by {quarter} of the units ranked "
        "or more (rounded up; only with 4 units or more).",
    ),
    "trend.why_points": Text(
        "điểm thay đổi từ {points} trở lên", "total moved by {points} or more"
    ),
    "trend.why_rank": Text("hạng thay đổi từ {ranks} bậc trở lên", "rank moved by {ranks} or more"),
    "trend.not_comparable_title": Text(
        "TIÊU CHÍ KHÔNG SO SÁNH ĐƯỢC GIỮA CÁC KỲ", "CRITERIA NOT COMPARABLE BETWEEN PERIODS"
    ),
    "trend.not_comparable_rule": Text(
        "Tiêu chí có điểm tối đa hoặc cách chấm khác nhau giữa các kỳ, hoặc không có ở mọi kỳ, "
        "không được đưa vào trang «Tiêu chí giảm điểm». Số tiêu chí so sánh được: {compared}.",
        "Criteria whose maximum or method differ between periods, or that are not in every "
        "period, are left out of «Tiêu chí giảm điểm». Criteria compared: {compared}.",
    ),
    "trend.not_comparable": Text("không so sánh được", "not comparable"),
    "trend.why_max": Text("điểm tối đa thay đổi: {detail}", "maximum changed: {detail}"),
    "trend.why_method": Text("cách chấm thay đổi: {detail}", "method changed: {detail}"),
    "trend.why_absent": Text("không có ở kỳ: {detail}", "absent from: {detail}"),
    "trend.all_comparable": Text(
        "Mọi tiêu chí đều so sánh được.", "Every criterion can be compared."
    ),
    "trend.none": Text("Không có.", "None."),
    "trend.all_units": Text("Bình quân các đơn vị", "Average of all units"),
    "trend.cluster_chart_title": Text(
        "Điểm bình quân theo cụm thi đua qua các kỳ", "Average total per cluster over the periods"
    ),
    "trend.axis_average": Text("Điểm bình quân", "Average total"),
    "trend.axis_total": Text("Tổng điểm", "Total"),
    "trend.unit_chart_title": Text(
        "Tổng điểm của đơn vị qua các kỳ", "The unit's total over the periods"
    ),
    "trend.pick_unit": Text("Chọn đơn vị:", "Pick a unit:"),
    "trend.pick_hint": Text(
        "Bấm vào ô màu vàng, chọn tên đơn vị trong danh sách: bảng và biểu đồ đổi theo.",
        "Click the yellow cell and pick a unit's name from the list: the table and the chart "
        "follow.",
    ),
    "trend.pick_error_title": Text("Không có đơn vị này", "No such unit"),
    "trend.pick_error": Text("Hãy chọn một tên trong danh sách.", "Pick a name from the list."),
    "trend.rank_of": Text("Hạng {label}", "Rank {label}"),
    "trend.files_title": Text("CÁC BẢNG TỔNG HỢP ĐÃ DÙNG", "THE SUMMARIES USED"),
    "trend.definition_carried": Text(
        "định nghĩa lưu trong bảng tổng hợp", "the definition kept in the summary"
    ),
    "trend.definition_given": Text("tệp --campaign", "the --campaign workbook"),
    "trend.refused_title": Text("CÁC TỆP KHÔNG ĐƯỢC DÙNG", "FILES NOT USED"),
    "trend.issues_title": Text(
        "ĐƠN VỊ KHÔNG CHẤM LẠI ĐƯỢC TRONG CÁC BẢNG TỔNG HỢP",
        "UNITS THAT COULD NOT BE SCORED AGAIN",
    ),
}
