"""The ``thidua`` command's arguments, said in the user's language (SPEC §8).

:func:`build_parser` makes the parser for one language (``--lang`` is read before, see
:func:`thidua_xlsx.faces.console.language`): every help text, the usage line, the section
titles and every refusal come from :data:`thidua_xlsx.words.messages.MESSAGES`.

argparse's own words are replaced through its supported hooks: the section titles and the
``-h`` option are the parser's own (a subclass, :class:`ThiduaParser`), the ``usage:`` prefix is
the formatter's (:class:`_Formatter`), and a refusal goes through :meth:`ThiduaParser.error`,
which recognises argparse's few refusals (required arguments, an invalid choice, a missing
value, unrecognised arguments…) by their form and says them again; one it does not know is
shown as argparse wrote it, after the localized ``lỗi:``.

Each command is built by its own function (``_add_<command>``), so a command added later is
one more function and one more line in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, Any, NoReturn

from .._version import __version__
from ..runtime.containment import DEFAULT_LIMITS
from ..vote.layout import RESULT_FILE
from ..words.messages import Lang, render
from .demo import DEFAULT_FOLDER
from .web import DEFAULT_FOLDER as WEB_FOLDER

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = ["COMMANDS", "ThiduaParser", "build_parser", "overview"]

Adder = Callable[["argparse._SubParsersAction[ThiduaParser]", Lang], None]


class _Formatter(argparse.HelpFormatter):
    """Descriptions and examples keep their lines (each wrapped under its own indent, except
    an example command, which is copied whole); ``usage:`` in the parser's language."""

    lang: Lang = "vi"

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines = []
        for line in text.splitlines():
            body = line.lstrip(" ")
            start = indent + line[: len(line) - len(body)]
            # a hanging indent under a listed word («  rank     …»)
            hang = re.search(r"\S\s{2,}(?=\S)", body)
            rest = start + " " * (hang.end() if hang else 0)
            if not body or body.startswith("thidua "):  # a command to copy: never broken
                lines.append(start + body if body else "")
            else:
                lines.append(
                    textwrap.fill(body, width, initial_indent=start, subsequent_indent=rest)
                )
        return "\n".join(lines)

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        if prefix is None:
            prefix = render("argparse.usage", self.lang) + " "
        super().add_usage(usage, actions, groups, prefix)


class _EnglishFormatter(_Formatter):
    lang: Lang = "en"


_FORMATTERS: dict[str, type[_Formatter]] = {"vi": _Formatter, "en": _EnglishFormatter}


class ThiduaParser(argparse.ArgumentParser):
    """An argument parser that speaks ``lang`` and writes to the streams it is given."""

    def __init__(
        self,
        *args: Any,
        lang: Lang = "vi",
        out: IO[str] | None = None,
        err: IO[str] | None = None,
        **kwargs: Any,
    ) -> None:
        helped = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", _FORMATTERS[lang])
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.lang: Lang = lang
        self.out, self.err = out, err
        self._positionals.title = render("argparse.positionals", lang)
        self._optionals.title = render("argparse.options", lang)
        if helped:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help=render("argparse.help", lang),
            )

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message:
            stream = self.err if file is sys.stderr else self.out
            (stream or file or sys.stdout).write(message)

    def error(self, message: str) -> NoReturn:
        """Print the usage and the refusal in the parser's language, then exit with 2."""
        self.print_usage(self.err or sys.stderr)
        said = render("argparse.error", self.lang, prog=self.prog, message=self._said(message))
        more = render("argparse.more", self.lang, prog=self.prog)
        self.exit(2, f"{said}\n{more}\n")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self._print_message(message, sys.stderr)
        raise SystemExit(status)

    def _said(self, message: str) -> str:
        """argparse's refusal ``message`` in the parser's language (as is when unknown)."""
        for pattern, code in _REFUSALS:
            found = pattern.fullmatch(message)
            if found is None:
                continue
            params = {k: v for k, v in found.groupdict().items() if v is not None}
            if code == "argparse.invalid_choice" and params["argument"] == render(
                "argparse.command", self.lang
            ):
                code = "argparse.unknown_command"
            return render(code, self.lang, **params)
        return message


# argparse's refusals (Python 3.11 to 3.13), recognised by their form: the argument's name and
# the values are taken from them, the words are ours
_ARGUMENT = r"argument (?P<argument>.+?): "
_REFUSALS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.S), code)
    for pattern, code in (
        (r"the following arguments are required: (?P<names>.+)", "argparse.required"),
        (
            _ARGUMENT + r"invalid choice: '?(?P<value>.*?)'? \(choose from (?P<choices>.*)\)",
            "argparse.invalid_choice",
        ),
        (_ARGUMENT + r"expected one argument", "argparse.expected_one"),
        (r"unrecognized arguments: (?P<names>.+)", "argparse.unrecognized"),
        (
            r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)",
            "argparse.ambiguous",
        ),
        (_ARGUMENT + r"invalid \S+ value: '?(?P<value>.*?)'?", "argparse.invalid_value"),
        (_ARGUMENT + r"(?P<detail>.+)", "argparse.other"),
    )
)


def overview(lang: Lang) -> str:
    """What ``thidua`` alone prints: the steps, with one example per command."""
    return render("overview.text", lang, version=__version__)


def build_parser(
    lang: Lang = "vi", out: IO[str] | None = None, err: IO[str] | None = None
) -> ThiduaParser:
    """The ``thidua`` parser in ``lang``, writing its help to ``out`` and refusals to ``err``."""
    parser = ThiduaParser(
        prog="thidua",
        description=render("help.main", lang),
        epilog=render("help.main_epilog", lang),
        lang=lang,
        out=out,
        err=err,
    )
    _lang_option(parser, lang)
    parser.add_argument(
        "--version",
        action="version",
        version=f"thidua {__version__}",
        help=render("argparse.version", lang),
    )
    commands = parser.add_subparsers(
        dest="command",
        metavar=render("argparse.command", lang),
        title=render("argparse.commands", lang),
    )
    for add in COMMANDS:
        add(commands, lang)
    for command in commands.choices.values():
        command.out, command.err = out, err
    return parser


def _lang_option(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        default=argparse.SUPPRESS,
        help=render("argparse.lang", lang),
    )


def _command(
    commands: argparse._SubParsersAction[ThiduaParser], name: str, lang: Lang
) -> ThiduaParser:
    """A command's parser: its one-line help in the list, its text, and its examples last."""
    lines = render(f"help.{name}_examples", lang).splitlines()
    examples = "\n".join([render("help.examples", lang), *(f"  {line}" for line in lines)])
    parser = commands.add_parser(
        name,
        help=render(f"help.{name}", lang),
        description=render(f"help.{name}_text", lang),
        epilog=examples,
        lang=lang,
    )
    _lang_option(parser, lang)
    return parser


def _add_init(commands: argparse._SubParsersAction[ThiduaParser], lang: Lang) -> None:
    init = _command(commands, "init", lang)
    init.add_argument("path", metavar="CAMPAIGN.xlsx", help=render("help.campaign", lang))
    init.add_argument("--force", action="store_true", help=render("help.force", lang))


def _add_show(commands: argparse._SubParsersAction[ThiduaParser], lang: Lang) -> None:
    show = _command(commands, "show", lang)
    show.add_argument("path", metavar="CAMPAIGN.xlsx", help=render("help.campaign", lang))


def _add_templates(commands: argparse._SubParsersAction[ThiduaParser], lang: Lang) -> None:
    templates = _command(commands, "templates", lang)
    templates.add_argument("path", metavar="CAMPAIGN.xlsx", help=render("help.campaign", lang))
    templates.add_argument(
        "-o", "--output", required=True, metavar="DIR", help=render("help.templates_output", lang)
    )
    templates.add_argument("--parent", metavar="CODE", help=render("help.parent", lang))
    templates.add_argument(
        "--unit",
        action="append",
        default=[],
        metavar="CODE",
        help=render("help.templates_unit", lang),
    )
    templates.add_argument("--force", action="store_true", help=render("help.force", lang))
    templates.add_argument(
        "--period",
        metavar=render("argparse.metavar_period", lang),
        help=render("help.period", lang),
    )
    templates.add_argument(
        "--earlier",
        nargs="+",
        default=[],
        metavar="SUMMARY.xlsx",
        help=render("help.templates_earlier", lang),
    )


def _add_check(commands: argparse._SubParsersAction[ThiduaParser], lang: Lang) -> None:
    check = _command(commands, "check", lang)
    check.add_argument("path", metavar="CAMPAIGN.xlsx", help=render("help.campaign", lang))
    check.add_argument("inputs", nargs="+", metavar="PATH", help=render("help.check_inputs", lang))
    check.add_argument("--parent", metavar="CODE", help=render("help.check_parent", lang))
    check.add_argument(
        "--period",
        metavar=render("argparse.metavar_period", lang),
        help=render("help.period", lang),
    )
    check.add_argument("--json", action="store_true", help=render("help.json", lang))
    check.add_argument("--feedback", metavar="DIR", help=render("help.feedback", lang))
    _reading_options(check, lang)


def _add_merge(commands: argparse._SubParsersAction[ThiduaParser], lang: Lang) -> None:
    merge = _command(commands, "merge", lang)
    merge.add_argument("path", metavar="CAMPAIGN.xlsx", help=render("help.campaign", lang))
    merge.add_argument("inbox", metavar="INBOX_DIR", help=render("help.inbox", lang))
    merge.add_argument(
        "-o", "--output", required=True, metavar="OUT.xlsx", help=render("help.merge_output", lang)
    )
    merge.add_argument(
        "--mode", choices=("rank", "compose"), default="rank", help=render("help.merge_mode", lang)
    )
    merge.add_argument("--parent", metavar="CODE", help=render("help.merge_parent", lang))
    merge.add_argument(
        "--period",
        metavar=render("argparse.metavar_period", lang),
        help=render("help.period", lang),
    )
    merge.add_argument(
        "--cluster",
        metavar=render("argparse.metavar_cluster", lang),
        help=render("help.cluster", lang),
    )
    merge.add_argument(
        "--verified",
        action="append",
        default=[],
        metavar=render("argparse.metavar_verification", lang),
        help=render("help.merge_verified", lang),
    )
    merge.add_argument("--json", action="store_true", help=render("help.json", lang))
    merge.add_argument("--feedback", metavar="DIR", help=render("help.feedback", lang))
    merge.add_argument("--lock", action="store_true", help=render("help.merge_lock", lang))
    merge.add_argument(
        "--reopen",
        metavar=render("argparse.metavar_reason", lang),
        help=render("help.merge_reopen", lang),
    )
    _reading_options(merge, lang)


def _add_verify(commands: argparse._SubParsersAction[ThiduaParser], lang: Lang) -> None:
    verify = _command(commands, "verify", lang)
    verify.add_argument("path", metavar="CAMPAIGN.xlsx", help=render("help.campaign", lang))
    verify.add_argument("inbox", metavar="INBOX_DIR", help=render("help.inbox", lang))
    verify.add_argument(
        "-o",
        "--output",
        required=True,
        metavar=render("argparse.metavar_verification", lang),
        help=render("help.verify_output", lang),
    )
    verify.add_argument("--parent", metavar="CODE", help=render("help.parent", lang))
    verify.add_argument(
        "--period",
        metavar=render("argparse.metavar_period", lang),
        help=render("help.period", lang),
    )
    verify.add_argument(
        "--cluster",
        metavar=render("argparse.metavar_cluster", lang),
        help=render("help.cluster", lang),
    )
    verify.add_argument("--force", action="store_true", help=render("help.verify_force", lang))
    verify.add_argument("--json", action="store_true", help=render("help.json", lang))
    _reading_options(verify, lang)


def _add_vote(commands: argparse._SubParsersAction[ThiduaParser], lang: Lang) -> None:
    vote = _command(commands, "vote", lang)
    vote.add_argument("path", metavar="CAMPAIGN.xlsx", help=render("help.campaign", lang))
    vote.add_argument("summary", metavar="SUMMARY.xlsx", help=render("help.vote_summary", lang))
    vote.add_argument(
        "-o",
        "--output",
        metavar="DIR | RESULT.xlsx",
        help=render("help.vote_output", lang, result=RESULT_FILE),
    )
    vote.add_argument("--tally", metavar="KIEM-PHIEU.xlsx", help=render("help.vote_tally", lang))
    vote.add_argument(
        "--verified",
        action="append",
        default=[],
        metavar=render("argparse.metavar_verification", lang),
        help=render("help.vote_verified", lang),
    )
    vote.add_argument("--force", action="store_true", help=render("help.force", lang))
    vote.add_argument("--json", action="store_true", help=render("help.json", lang))
    _limit_options(vote, lang)


def _add_dossier(commands: argparse._SubParsersAction[ThiduaParser], lang: Lang) -> None:
    dossier = _command(commands, "dossier", lang)
    dossier.add_argument("path", metavar="CAMPAIGN.xlsx", help=render("help.campaign", lang))
    dossier.add_argument(
        "summary", metavar="SUMMARY.xlsx", help=render("help.dossier_summary", lang)
    )
    dossier.add_argument(
        "-o", "--output", required=True, metavar="DIR", help=render("help.templates_output", lang)
    )
    dossier.add_argument(
        "--vote", metavar="RESULT", help=render("help.dossier_vote", lang, result=RESULT_FILE)
    )
    dossier.add_argument("--templates", metavar="DIR", help=render("help.dossier_templates", lang))
    dossier.add_argument("--force", action="store_true", help=render("help.dossier_force", lang))
    _limit_options(dossier, lang)


def _add_lock(commands: argparse._SubParsersAction[ThiduaParser], lang: Lang) -> None:
    lock = _command(commands, "lock", lang)
    lock.add_argument("path", metavar="CAMPAIGN.xlsx", help=render("help.campaign", lang))
    lock.add_argument("summary", metavar="SUMMARY.xlsx", help=render("help.lock_summary", lang))
    lock.add_argument(
        "--reopen",
        metavar=render("argparse.metavar_reason", lang),
        help=render("help.lock_reopen", lang),
    )
    _limit_options(lock, lang)


def _add_trend(commands: argparse._SubParsersAction[ThiduaParser], lang: Lang) -> None:
    trend = _command(commands, "trend", lang)
    trend.add_argument(
        "summaries", nargs="+", metavar="SUMMARY.xlsx", help=render("help.trend_summaries", lang)
    )
    trend.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="XU-HUONG.xlsx",
        help=render("help.trend_output", lang),
    )
    trend.add_argument(
        "--campaign",
        action="append",
        default=[],
        metavar="CAMPAIGN.xlsx",
        help=render("help.trend_campaign", lang),
    )
    trend.add_argument("--json", action="store_true", help=render("help.json", lang))
    _reading_options(trend, lang)


def _add_web(commands: argparse._SubParsersAction[ThiduaParser], lang: Lang) -> None:
    web = _command(commands, "web", lang)
    web.add_argument(
        "--port",
        type=int,
        default=8000,
        metavar=render("argparse.metavar_port", lang),
        help=render("help.web_port", lang),
    )
    web.add_argument(
        "--folder",
        default=WEB_FOLDER,
        metavar="DIR",
        help=render("help.web_folder", lang, folder=str(WEB_FOLDER)),
    )


def _add_demo(commands: argparse._SubParsersAction[ThiduaParser], lang: Lang) -> None:
    demo = _command(commands, "demo", lang)
    demo.add_argument(
        "folder",
        nargs="?",
        default=DEFAULT_FOLDER,
        metavar="DIR",
        help=render("help.demo_folder", lang, folder=str(DEFAULT_FOLDER)),
    )


COMMANDS: Sequence[Adder] = (
    _add_init,
    _add_show,
    _add_templates,
    _add_check,
    _add_merge,
    _add_verify,
    _add_vote,
    _add_dossier,
    _add_lock,
    _add_trend,
    _add_web,
    _add_demo,
)


def _reading_options(command: argparse.ArgumentParser, lang: Lang) -> None:
    """How many processes read the returned files, and what one file may cost while it is
    read (see :mod:`thidua_xlsx.runtime.containment`)."""
    command.add_argument(
        "--workers", type=int, default=0, metavar="N", help=render("help.workers", lang)
    )
    _limit_options(command, lang)


def _limit_options(command: argparse.ArgumentParser, lang: Lang) -> None:
    """What one file may cost while it is read."""
    command.add_argument(
        "--file-timeout",
        type=_positive(float, lang),
        default=DEFAULT_LIMITS.seconds,
        metavar=render("argparse.metavar_seconds", lang),
        help=render("help.file_timeout", lang, seconds=f"{DEFAULT_LIMITS.seconds:g}"),
    )
    command.add_argument(
        "--file-memory",
        type=_positive(int, lang),
        default=DEFAULT_LIMITS.memory_mb,
        metavar="MB",
        help=render("help.file_memory", lang, mb=DEFAULT_LIMITS.memory_mb),
    )


def _positive(kind: Callable[[str], float], lang: Lang) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                render("argparse.not_a_number", lang, value=text)
            ) from None
        if value <= 0:
            raise argparse.ArgumentTypeError(render("argparse.not_positive", lang, value=text))
        return value

    return parse
