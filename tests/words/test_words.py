"""The words: both catalogues (issues, and the interface's and exceptions' messages) render in
both languages, their placeholders agree, and a missing or misspelled placeholder fails, in the
catalogue, at the call, or in the package's source."""

from __future__ import annotations

import ast
import pickle
import unicodedata
from collections.abc import Iterator, Mapping
from decimal import Decimal

import pytest

from thidua_xlsx import errors
from thidua_xlsx.core.model import Method, RankingStyle
from thidua_xlsx.core.results import FileStatus
from thidua_xlsx.core.submissions import SubmissionStatus
from thidua_xlsx.words.issues import CATALOGUE, CatalogueEntry, Issue, Severity
from thidua_xlsx.words.messages import (
    LANGS,
    MESSAGES,
    Message,
    MissingFieldError,
    TemplateError,
    Text,
    placeholders,
    render,
    word,
)

from conftest import ROOT

PACKAGE = ROOT / "thidua_xlsx"
OWN_FIELDS = {"value", "criterion"}  # an Issue's own fields, always given
WHERE_FIELDS = {"file", "sheet", "row", "cell", "column", "params"}  # where, not what


def _sample(fields: Mapping[str, str]) -> dict[str, str]:
    """A value for every placeholder: ``<name>``, or a key that has a word for a family."""
    params = {}
    for name, family in fields.items():
        keys = [code.partition(".")[2] for code in MESSAGES if code.startswith(f"{family}.")]
        params[name] = keys[0] if family else f"<{name}>"
    return params


def _entries() -> Iterator[tuple[str, str, Text | CatalogueEntry]]:
    yield from (("issue", code, entry) for code, entry in CATALOGUE.items())
    yield from (("message", code, entry) for code, entry in MESSAGES.items())


# -- the catalogues ----------------------------------------------------------------------------


def test_every_template_uses_the_same_placeholders_in_both_languages() -> None:
    families = {code.partition(".")[0] for code in MESSAGES if "." in code}
    for kind, code, entry in _entries():
        assert placeholders(entry.vi, entry.en) == entry.fields, (kind, code)
        for name, family in entry.fields.items():
            assert not family or family in families, (kind, code, name, family)
        for text in (entry.vi, entry.en):
            assert unicodedata.is_normalized("NFC", text), (kind, code)
            assert text.strip() == text and text, (kind, code)


def test_every_message_code_renders_in_both_languages() -> None:
    """Each placeholder shows its value, in each language; nothing is left in braces."""
    for kind, code, entry in _entries():
        params = _sample(entry.fields)
        texts = {lang: render(entry, lang, **params) for lang in LANGS}
        for name, family in entry.fields.items():
            for lang, text in texts.items():
                shown = word(family, params[name], lang) if family else params[name]
                assert shown in text, (kind, code, lang, name)
        for text in texts.values():
            assert "{" not in text and "}" not in text, (kind, code, text)
        if kind == "issue":
            assert texts["vi"] != texts["en"], code


def test_every_key_that_is_shown_has_its_word() -> None:
    for lang in LANGS:
        assert {word("severity", s.value, lang) for s in Severity}
        assert {word("file_status", s.value, lang) for s in FileStatus}
        assert {word("submission", s.value, lang) for s in SubmissionStatus}
        assert {word("method", m.value, lang) for m in Method}
        assert {word("ranking_style", r.value, lang) for r in RankingStyle}
    assert word("column", "max", "vi") == "điểm tối đa"
    assert word("column", "max", "en") == "maximum points"
    with pytest.raises(KeyError):
        word("column", "maxx", "vi")


# -- a bad template, or a bad call, fails --------------------------------------------------------


@pytest.mark.parametrize(
    ("vi", "en"),
    [
        ("Giá trị «{valeu}» sai.", "The value «{value}» is wrong."),  # misspelled in one
        ("Giá trị «{value}» sai.", "The value is wrong."),  # missing in one
        ("Giá trị «{value!r}» sai.", "The value «{value!r}» is wrong."),  # not a plain name
        ("Giá trị «{value.x}» sai.", "The value «{value.x}» is wrong."),
        ("Giá trị «{}» sai.", "The value «{}» is wrong."),
        ("Giá trị «{value» sai.", "The value «{value» is wrong."),
        ("{what:column} sai.", "{what} is wrong."),  # a word in one language only
    ],
)
def test_a_fabricated_bad_entry_is_refused_when_it_is_made(vi: str, en: str) -> None:
    with pytest.raises(TemplateError):
        Text(vi, en)
    with pytest.raises(TemplateError):
        CatalogueEntry(Severity.ERROR, vi, en)


def test_a_missing_field_raises_instead_of_rendering_empty() -> None:
    entry = Text("Thiếu trang «{name}».", "The sheet «{name}» is missing.")
    with pytest.raises(MissingFieldError):
        render(entry, "vi")
    with pytest.raises(MissingFieldError):
        render(entry, "en", nam="Tiêu chí")  # misspelled at the call
    assert render(entry, "vi", name="Tiêu chí") == "Thiếu trang «Tiêu chí»."


def test_an_issue_or_an_error_missing_a_parameter_fails_where_it_is_made() -> None:
    with pytest.raises(MissingFieldError):
        Issue("def_sheet_missing")
    with pytest.raises(MissingFieldError):
        Issue("def_sheet_missing", params={"nmae": "Tiêu chí"})
    with pytest.raises(KeyError):  # a key with no word
        Issue("locked_cell_changed", params={"what": "maxx", "expected": "10"})
    with pytest.raises(MissingFieldError):
        errors.ThiduaError("error.output_exists", paht="x.xlsx")
    with pytest.raises(MissingFieldError):
        Message("error.inbox_missing")
    with pytest.raises(KeyError):
        errors.ThiduaError("error.no_such_code")


def test_a_localized_parameter_is_said_in_the_readers_language() -> None:
    """The locked-cell issue names its column by key; the catalogue says it (no what/what_en)."""
    issue = Issue(
        "locked_cell_changed", criterion="I.1", value="99", params={"what": "max", "expected": "10"}
    )
    assert "điểm tối đa của tiêu chí I.1" in issue.message("vi")
    assert "the maximum points of criterion I.1" in issue.message("en")
    target = Issue("locked_cell_changed", params={"what": "target", "expected": "5"})
    assert "chỉ tiêu" in target.message("vi") and "the target of" in target.message("en")


def test_where_an_issue_is_in_both_languages() -> None:
    issue = Issue("value_negative", sheet="Phiếu", row=7, cell="D7", value="-1")
    assert issue.where("vi") == "trang «Phiếu», dòng 7, ô D7"
    assert issue.where("en") == "sheet «Phiếu», row 7, cell D7"


# -- the call sites, read from the source -----------------------------------------------------

# callee name → (catalogue, the code's position among the arguments, a prefix of the code,
# whether the keywords are an issue's: its own fields and where it is, besides its params)
CALLS: dict[str, tuple[str, int, str, bool]] = {
    "Issue": ("issues", 0, "", True),
    "issue": ("issues", 0, "", True),
    "add": ("issues", 0, "", True),  # the checker's CheckLog
    "problem": ("issues", 0, "", True),  # the campaign loader's
    "_problem": ("issues", 0, "", True),
    "UnusableFileError": ("issues", 0, "", True),
    "render": ("messages", 0, "", False),
    "Message": ("messages", 0, "", False),
    "ThiduaError": ("messages", 0, "", False),
    "say": ("messages", 0, "", False),  # the demo's
    "_w": ("messages", 0, "show.", False),  # thidua show's labels
    "_word": ("messages", 0, "trend.", False),  # the trend workbook's words
    "CampaignFileError": ("messages", 1, "", False),
}


def _callee(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "__init__":  # super().__init__(code…)
        return "ThiduaError"
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _codes(node: ast.expr) -> list[str] | None:
    """The literal codes an argument can be (both sides of ``a if c else b``), or None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _codes(node.body), _codes(node.orelse)
        return body + orelse if body is not None and orelse is not None else None
    return None


def _supplied(call: ast.Call, callee: str, issue_like: bool) -> set[str] | None:
    """The parameter names a call gives (None: not knowable from the source)."""
    names: set[str] = set()
    for keyword in call.keywords:
        if keyword.arg is None:  # **params
            return None
        if keyword.arg == "params" and issue_like:
            value = keyword.value
            if isinstance(value, ast.Dict) and all(
                isinstance(k, ast.Constant) and isinstance(k.value, str) for k in value.keys
            ):
                names |= {k.value for k in value.keys if isinstance(k, ast.Constant)}
            elif isinstance(value, ast.Call) and all(k.arg for k in value.keywords):
                names |= {k.arg for k in value.keywords if k.arg}  # _p(...), dict(...)
            else:
                return None
        else:
            names.add(keyword.arg)
    if callee == "UnusableFileError":
        names.add("detail")
    return names | OWN_FIELDS if issue_like else names


def call_site_problems(
    source: str,
    where: str,
    issues: Mapping[str, CatalogueEntry] = CATALOGUE,
    messages: Mapping[str, Text] = MESSAGES,
) -> tuple[list[str], int]:
    """Every call in ``source`` with a literal code: the code exists, and the call gives each
    placeholder of its text and no parameter the text does not have. Returns the problems
    and how many calls were checked."""
    problems: list[str] = []
    checked = 0
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        callee = _callee(node)
        if callee not in CALLS:
            continue
        catalogue_name, position, prefix, issue_like = CALLS[callee]
        args = [a for a in node.args if not (isinstance(a, ast.Name) and a.id == "self")]
        codes = _codes(args[position]) if len(args) > position else None
        if codes is None:
            continue  # a code known only at run time: checked when the issue/error is made
        catalogue: Mapping[str, Text | CatalogueEntry] = (
            issues if catalogue_name == "issues" else messages
        )
        at = f"{where}:{node.lineno}"
        supplied = _supplied(node, callee, issue_like)
        for code in (prefix + c for c in codes):
            checked += 1
            entry = catalogue.get(code)
            if entry is None:
                problems.append(f"{at}: {code} is not in the {catalogue_name} catalogue")
                continue
            if supplied is None:
                problems.append(f"{at}: {code}: parameters given through ** cannot be checked")
                continue
            missing = entry.fields.keys() - supplied
            extra = supplied - entry.fields.keys() - (OWN_FIELDS | WHERE_FIELDS)
            if callee == "UnusableFileError":
                extra.discard("detail")  # the refusal's detail, shown by the codes that have it
            if missing:
                problems.append(f"{at}: {code} needs {sorted(missing)}")
            if extra:
                problems.append(f"{at}: {code} has no placeholder {sorted(extra)}")
    return problems, checked


def _sources() -> Iterator[tuple[str, str]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.read_text(encoding="utf-8"), str(path.relative_to(ROOT))


def test_every_call_site_gives_every_placeholder() -> None:
    """Read from the source, so a call no test runs is checked too."""
    problems: list[str] = []
    checked = 0
    for source, where in _sources():
        found, count = call_site_problems(source, where)
        problems += found
        checked += count
    assert not problems, "\n".join(problems)
    assert checked > 150  # the scan sees the package's calls (not vacuous)


def test_the_call_site_check_catches_a_misspelling() -> None:
    """A fabricated call with a misspelled parameter, and a catalogue whose placeholder is
    misspelled the same way in both languages (so the entry itself is well formed)."""
    source = (
        "self.issue('value_over_max', cell=ref, criterion=code, value=v, maxmum=m)\n"
        "Issue('def_sheet_missing', params={'name': n, 'nmae': n})\n"
        "raise CampaignFileError(path, 'reason.not_a_spreadsheet', detial=d)\n"
        "render('cli.merge_done', lang, pth=p)\n"
        "Issue('no_such_code')\n"
    )
    problems, checked = call_site_problems(source, "fabricated.py")
    assert checked == 5
    assert [p.split(": ", 1)[1] for p in problems] == [
        "value_over_max needs ['maximum']",
        "value_over_max has no placeholder ['maxmum']",
        "def_sheet_missing has no placeholder ['nmae']",
        "reason.not_a_spreadsheet needs ['detail']",
        "reason.not_a_spreadsheet has no placeholder ['detial']",
        "cli.merge_done needs ['path']",
        "cli.merge_done has no placeholder ['pth']",
        "no_such_code is not in the issues catalogue",
    ]
    late = CatalogueEntry(Severity.WARNING, "Nộp muộn, hạn {deadlien}.", "Late: {deadlien}.")
    bad = {**CATALOGUE, "file_late": late}
    card = (PACKAGE / "checking" / "identity.py").read_text(encoding="utf-8")
    problems, _ = call_site_problems(card, "identity.py", issues=bad)
    assert any("file_late needs ['deadlien']" in p for p in problems), problems


# -- the exceptions -------------------------------------------------------------------------


def _errors() -> list[errors.ThiduaError]:
    problem = Issue("def_sheet_missing", sheet="Tiêu chí", params={"name": "Tiêu chí"})
    return [
        errors.CampaignFileError("c.xlsx", "reason.file_not_found"),
        errors.CampaignFileError("c.xlsx", "reason.not_a_spreadsheet", detail="zip"),
        errors.CampaignDefinitionError("c.xlsx", [problem]),
        errors.OutputError("out", "Permission denied"),
        errors.OutputError("out", PermissionError(13, "Permission denied")),
        errors.OutputError("out", OSError(5, "Input/output error")),
        errors.OutputExistsError("out.xlsx"),
        errors.OutputNotEmptyError("out"),
        errors.OutputOverlapsInputError("out", "in", "same"),
        errors.OutputOverlapsInputError("out", "in", "inside"),
        errors.OutputOverlapsInputError("out", "in", "beside"),
        errors.DemoDataError("samples"),
        errors.UnitSelectionError(["X"], ["A", "B"]),
        errors.UnitSelectionError(["X"], [], cluster=True),
        errors.InboxError("inbox", "missing"),
        errors.InboxError("inbox", "empty"),
        errors.NoSectorsError("TXTB", "Thị xã Tịnh Biên", ["P-ANPHU", "P-NHONHUNG"]),
        errors.NoSectorsError("P-ANPHU", "UBND phường An Phú", []),
        errors.UnusableFileError("file_truncated", "xl/workbook.xml?"),
        errors.UnusableFileError("file_too_large", "60 MB"),
        errors.VoteError("vote.no_council", campaign="NH-BDG-2024"),
        errors.VoteError("vote.no_award"),
        errors.VoteError("vote.result_unusable", path="kq.xlsx", reason="summary"),
        errors.VoteError("vote.verified_unusable", path="t.xlsx", reason="verification_damaged"),
        errors.VoteError("vote.summary_unusable", path="t.xlsx", reason="file_truncated"),
        errors.DossierError("not_summary", "tong-hop.xlsx", detail="file_not_workbook"),
        errors.DossierError("no_award", "tong-hop.xlsx"),
        errors.DossierError("template", "to-trinh.docx", detail="unexpected end of template"),
        errors.DossierError("vote", "bieu-quyet.json", detail="members: empty"),
        errors.PeriodError("error.period_needed", listed="Tháng 10/2025, Tháng 11/2025"),
        errors.PeriodError("error.period_unknown", typed="13", listed="Tháng 10/2025"),
        errors.PeriodError("error.no_periods", typed="2"),
        errors.LockError(
            "lock_book_damaged",
            path="so-khoa-ky.json",
            detail=Message("lock.damage_checksum", where="checksum"),
        ),
        errors.LockError("lock_not_summary", path="a.xlsx", detail="file_truncated"),
        errors.LockError(
            "period_locked",
            key="NH-BDG-2024, TXTB",
            at="03/12/2026 09:30 UTC",
            summary="tong-hop.xlsx",
            book="so-khoa-ky.json",
            changes="  X-VANGIAO: tổng 183,89 → 180,00",
        ),
        errors.TrendError(1, [Issue("trend_not_summary", file="x.xlsx", value="x.xlsx")]),
    ]


def test_every_exception_renders_in_both_languages() -> None:
    made = _errors()
    every = {getattr(errors, name) for name in errors.__all__}
    assert every - {errors.ThiduaError, errors.CampaignError} <= {type(e) for e in made}
    for error in made:
        vi, en = error.message("vi"), error.message("en")
        assert vi and en and vi != en, (error, vi)
        assert "{" not in vi + en
        assert str(error) == vi
        assert unicodedata.is_normalized("NFC", vi)
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert copy.message("en") == en and str(copy) == str(error)


def test_exception_texts_are_the_same_as_before() -> None:
    """The texts moved, they did not change (a few, said in full)."""
    assert errors.InboxError("x", "empty").message("en") == (
        "There are no files in x. Copy the received scorecards into it."
    )
    assert str(errors.OutputError("d", PermissionError(13, "Permission denied"))) == (
        "Không ghi được vào d: không có quyền ghi. Hãy chọn thư mục khác hoặc kiểm tra quyền ghi."
    )
    assert errors.OutputError("d", OSError(5, "I/O error")).message("en") == (
        "Cannot write to d: I/O error. Choose another folder or check permissions."
    )
    assert str(errors.OutputError("d", OSError(5, "I/O error"))).startswith(
        "Không ghi được vào d: lỗi hệ thống (I/O error)."
    )
    assert str(errors.UnitSelectionError(["X"], [], cluster=True)) == (
        "Không có cụm thi đua «X» trong các đơn vị được xếp hạng. Các cụm có: không có."
    )
    assert (
        errors.UnitSelectionError(["X"], [], cluster=True).message("en").endswith("Clusters: none.")
    )
    assert str(errors.CampaignFileError("c.xlsx", "reason.file_not_found")) == (
        "Không dùng được tệp định nghĩa đợt thi đua c.xlsx: không tìm thấy tệp"
    )
    definition = errors.CampaignDefinitionError(
        "c.xlsx", [Issue("def_sheet_missing", params={"name": "Đơn vị"})]
    )
    assert definition.message("en").splitlines() == [
        "The campaign workbook c.xlsx has 1 problem(s) to fix:",
        "  - The sheet «Đơn vị» is missing. Add a sheet with exactly this name (see «thidua "
        "init»).",
    ]


def test_unusable_file_error_is_in_the_tree_and_keeps_its_code() -> None:
    error = errors.UnusableFileError("file_not_workbook", "PNG")
    assert isinstance(error, errors.ThiduaError)
    assert (error.code, error.detail) == ("file_not_workbook", "PNG")
    issue = Issue("file_not_workbook", params={"detail": "PNG"})
    assert error.message("en") == f"{issue.message('en')} [file_not_workbook]"
    assert "(nội dung: PNG)" in str(error)
    import thidua_xlsx

    assert thidua_xlsx.UnusableFileError is errors.UnusableFileError
    assert errors.UnusableFileError("file_empty").detail == ""


def test_a_message_parameter_is_said_in_the_same_language() -> None:
    reason = Message("reason.not_a_spreadsheet", detail="zip")
    assert render("error.campaign_file", "en", path="c", reason=reason) == (
        "Cannot use the campaign workbook c: not a readable spreadsheet (zip)"
    )
    assert pickle.loads(pickle.dumps(reason)) == reason
    assert render("cli.compose_done", "vi", count=3, total=Decimal("85.5"), path="p").startswith(
        "Phiếu tổng hợp của đơn vị (từ 3 ngành, tổng điểm 85.5)"
    )


def test_the_interrupted_sentence_follows_the_catalogue_rules() -> None:
    """The one text kept outside the catalogue (it is said before the package loads)."""
    from thidua_xlsx.faces.console import INTERRUPTED

    assert placeholders(INTERRUPTED["vi"], INTERRUPTED["en"]) == {}
    assert all(unicodedata.is_normalized("NFC", text) for text in INTERRUPTED.values())


def test_no_interface_text_is_chosen_by_language_outside_the_words() -> None:
    """Texts are picked from a catalogue, not by ``if lang == "en"`` in the code."""
    allowed = {
        "thidua_xlsx/words/messages.py",  # the renderer
        "thidua_xlsx/core/vi_text.py",  # the decimal comma: a number's format, not a text
        "thidua_xlsx/faces/console.py",  # reads --lang before any of the package loads
    }
    found = []
    for source, where in _sources():
        if where in allowed:
            continue
        for number, line in enumerate(source.splitlines(), 1):
            if 'lang == "en"' in line or 'lang != "en"' in line or 'lang == "vi"' in line:
                found.append(f"{where}:{number}: {line.strip()}")
    assert not found, "\n".join(found)
