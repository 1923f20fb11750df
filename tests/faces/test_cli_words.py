"""The command line in the user's language: the overview, each command's help, every refusal
of the arguments (argparse's own words included), in Vietnamese and with ``--lang en``."""

from __future__ import annotations

import io

import pytest

from thidua_xlsx.faces.cli import main

COMMANDS = (
    "init",
    "show",
    "templates",
    "check",
    "merge",
    "verify",
    "vote",
    "dossier",
    "lock",
    "web",
    "demo",
)
# argparse's English, which must not reach a Vietnamese reader
ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "error:", "required")


def _run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out=out)
    return code, out.getvalue()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_thidua_alone_prints_the_steps_with_an_example_per_command(lang: str) -> None:
    code, text = _run(*(["--lang", "en"] if lang == "en" else []))
    assert code == 0
    for command in COMMANDS:
        assert f"thidua {command}" in text, command
    if lang == "vi":
        assert "Các bước:" in text and "thidua LỆNH -h" in text
        assert not any(word in text.lower() for word in ENGLISH)
    else:
        assert "The steps:" in text and "thidua COMMAND -h" in text
        assert "Các bước" not in text


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_help_is_vietnamese_and_ends_with_examples(command: str) -> None:
    code, text = _run(command, "-h")
    assert code == 0
    assert text.startswith(f"Cách dùng: thidua {command}")
    assert "Tùy chọn:" in text and "in hướng dẫn này rồi thoát" in text
    assert not any(word in text.lower() for word in ENGLISH), text
    examples = text.rstrip().split("Ví dụ:")[-1].strip().splitlines()
    assert examples and all(line.strip().startswith(f"thidua {command}") for line in examples)


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_help_is_english_with_lang_en(command: str) -> None:
    code, text = _run(command, "-h", "--lang", "en")
    assert code == 0
    assert text.startswith(f"Usage: thidua {command}")
    assert "Options:" in text and "show this help and exit" in text
    assert "Cách dùng" not in text and "Tùy chọn" not in text and "Ví dụ" not in text
    examples = text.rstrip().split("Examples:")[-1].strip().splitlines()
    assert examples and all(line.strip().startswith(f"thidua {command}") for line in examples)


def test_the_lang_option_may_come_first_and_thidua_lang_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _run("--lang", "en", "check", "-h")[1].startswith("Usage: thidua check")
    monkeypatch.setenv("THIDUA_LANG", "en")
    assert _run("merge", "-h")[1].startswith("Usage: thidua merge")
    assert _run("merge", "-h", "--lang", "vi")[1].startswith("Cách dùng: thidua merge")


@pytest.mark.parametrize(
    ("lang", "rank", "compose"),
    [
        ("vi", "rank     (mặc định) xếp hạng", "compose  gộp phiếu của các ngành"),
        ("en", "rank     (the default) rank", "compose  combine the cards of the sectors"),
    ],
)
def test_merge_help_explains_both_modes(lang: str, rank: str, compose: str) -> None:
    _, text = _run("merge", "-h", "--lang", lang)
    assert rank in text and compose in text
    assert "--mode compose --parent NH" in text  # an example of each mode


@pytest.mark.parametrize(
    ("lang", "titles"),
    [("vi", ("Tham số:", "Tùy chọn:", "Ví dụ:")), ("en", ("Arguments:", "Options:", "Examples:"))],
)
def test_the_help_sections_are_titled_in_the_language(lang: str, titles: tuple[str, ...]) -> None:
    _, text = _run("check", "-h", "--lang", lang)
    positions = [text.index(f"\n{title}\n") for title in titles]
    assert positions == sorted(positions)
    _, text = _run("-h", "--lang", lang)
    assert ("\nCác lệnh:\n" if lang == "vi" else "\nCommands:\n") in text


def test_the_top_help_lists_the_commands_in_vietnamese() -> None:
    code, text = _run("-h")
    assert code == 0
    assert text.startswith("Cách dùng: thidua")
    assert "Các lệnh:" in text and "LỆNH" in text
    assert "kiểm tra các phiếu chấm đã nhận: ai chưa gửi" in text
    assert "in số phiên bản rồi thoát" in text
    code, text = _run("--version")
    assert code == 0 and text.startswith("thidua ")


REFUSALS = [
    (
        ("check",),
        "thiếu tham số bắt buộc: CAMPAIGN.xlsx, PATH",
        "the following arguments are required: CAMPAIGN.xlsx, PATH",
    ),
    (
        ("merge", "c.xlsx", "inbox", "-o", "o.xlsx", "--mode", "tong"),
        "--mode: không có lựa chọn «tong»; chọn một trong: 'rank', 'compose'",
        "--mode: invalid choice «tong»; choose from: 'rank', 'compose'",
    ),
    (
        ("kiemtra",),
        "không có lệnh «kiemtra»; các lệnh: 'init'",
        "no command «kiemtra»; the commands: 'init'",
    ),
    (
        ("merge", "c.xlsx", "inbox", "-o"),
        "-o/--output: cần một giá trị sau tùy chọn này",
        "-o/--output: expected one value after it",
    ),
    (
        ("check", "c.xlsx", "x", "--file", "2"),
        "tùy chọn --file chưa rõ, có thể là: --file-timeout, --file-memory",
        "ambiguous option --file, could be: --file-timeout, --file-memory",
    ),
    (("show", "c.xlsx", "--zzz"), "không hiểu các tham số: --zzz", "unrecognized arguments: --zzz"),
    (
        ("check", "c.xlsx", "x", "--workers", "hai"),
        "--workers: giá trị không hợp lệ «hai»",
        "--workers: invalid value «hai»",
    ),
    (
        ("check", "c.xlsx", "x", "--file-timeout", "0"),
        "--file-timeout: phải lớn hơn 0: «0»",
        "--file-timeout: must be above 0: «0»",
    ),
    (
        ("check", "c.xlsx", "x", "--file-memory", "nhiều"),
        "--file-memory: không phải số: «nhiều»",
        "--file-memory: not a number: «nhiều»",
    ),
    (
        ("show", "c.xlsx", "--lang", "fr"),
        "--lang: không có lựa chọn «fr»; chọn một trong: 'vi', 'en'",
        "--lang: invalid choice «fr»; choose from: 'vi', 'en'",
    ),
]


@pytest.mark.parametrize(("args", "vi", "en"), REFUSALS)
def test_every_refusal_is_said_in_both_languages(args: tuple[str, ...], vi: str, en: str) -> None:
    code, text = _run(*args)
    assert code == 2
    assert text.startswith("Cách dùng: thidua")
    assert ": lỗi: " + vi in text, text
    assert "Xem hướng dẫn: thidua" in text
    assert not any(word in text.lower() for word in ENGLISH), text
    if "--lang" in args:
        return  # the refused language cannot be the one it is said in
    code, text = _run(*args, "--lang", "en")
    assert code == 2
    assert text.startswith("Usage: thidua")
    assert ": error: " + en in text, text
    assert "See the help: thidua" in text
