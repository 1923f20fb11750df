"""The ``thidua`` command (SPEC §8). Thin: parse arguments, call the library, print.

Exit codes: 0 no errors, 1 some files have errors, 2 unusable command or campaign, 130
stopped by Ctrl-C, 141 the output pipe was closed (``thidua check … | head``: quietly).
``thidua`` alone prints the overview (the steps, an example per command) and exits with 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ..campaign.loader import load_campaign
from ..campaign.show import describe_campaign
from ..campaign.workbook_writer import init_campaign_workbook
from ..checking.run import run_check
from ..core.inbox import inbox_status
from ..core.model import Campaign
from ..core.reports import CheckReport, units_json
from ..core.submissions import Completeness
from ..core.vi_text import format_decimal
from ..errors import OutputExistsError, ThiduaError, UnitSelectionError
from ..merge.compose import merge_compose
from ..merge.rank import merge_rank
from ..merge.verify import plan_verification
from ..runtime.bulk import bulk_run
from ..runtime.containment import ReadLimits
from ..runtime.output_guard import check_outputs
from ..scorecard.blank_cards import write_templates
from ..scorecard.feedback import FeedbackCopy, write_feedback_copies
from ..scorecard.writer import write_composed_card
from ..summary.writer import write_summary
from ..verification.writer import write_verification_workbook
from ..words.messages import Lang, as_lang, render
from .console import EXIT_INTERRUPTED, language, quiet_closed_pipe, say_interrupted
from .console import run as console_run
from .demo import run_demo
from .feedback import feedback_json, say_feedback
from .parser import build_parser, overview
from .paths import output_file, output_folder, system_error
from .progress import ProgressBar

__all__ = ["main"]

EXIT_OK, EXIT_FILE_ERRORS, EXIT_UNUSABLE = 0, 1, 2
EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE, as a shell reports a command its pipe stopped


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit code."""
    try:
        return _main(argv, out)
    except BrokenPipeError:  # «thidua check … | head -1»: the reader has read enough
        quiet_closed_pipe()
        return EXIT_CLOSED_PIPE


def _main(argv: Sequence[str] | None, out: TextIO | None) -> int:
    out = out or sys.stdout
    err = sys.stderr if out is sys.stdout else out
    _utf8(out)
    _utf8(err)
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = as_lang(language(argv))
    try:
        args = build_parser(lang, out, err).parse_args(argv)
    except SystemExit as exc:  # -h, --version, or a refusal already said
        return exc.code if isinstance(exc.code, int) else EXIT_UNUSABLE
    if args.command is None:  # «thidua» alone: the steps, with an example per command
        print(overview(lang), file=out)
        return EXIT_OK
    try:
        if args.command == "init":
            output_file(args.path)
            path = init_campaign_workbook(args.path, force=args.force)
            print(render("cli.init_done", lang, path=str(path)), file=out)
        elif args.command == "show":
            print(describe_campaign(load_campaign(args.path), lang), file=out)
        elif args.command == "templates":
            return _templates(args, lang, out)
        elif args.command == "check":
            return _check(args, lang, out, err)
        elif args.command == "merge":
            return _merge(args, lang, out, err)
        elif args.command == "verify":
            return _verify(args, lang, out, err)
        elif args.command == "demo":
            output_folder(args.folder)
            result = run_demo(args.folder, lang)
            print(result.describe(lang), file=out)
            return result.exit_code
    except ThiduaError as exc:
        print(exc.message(lang), file=err)
        return EXIT_UNUSABLE
    except BrokenPipeError:
        raise  # said by main: quietly
    except OSError as exc:  # permission denied, disk full… : said in words, naming the path
        print(system_error(exc).message(lang), file=err)
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        say_interrupted(err, lang)  # (thidua_xlsx.faces.console ignores a second Ctrl-C by now)
        return EXIT_INTERRUPTED
    except Exception as exc:  # never a traceback for the operator (THIDUA_DEBUG=1 shows it)
        if os.environ.get("THIDUA_DEBUG"):
            raise
        print(render("cli.unexpected", lang, error=f"{type(exc).__name__}: {exc}"), file=err)
        return EXIT_UNUSABLE
    return EXIT_OK


@bulk_run()  # the whole command in one bulk run (see runtime/bulk.py)
def _templates(args: argparse.Namespace, lang: Lang, out: TextIO) -> int:
    output_folder(args.output)
    check_outputs([args.path], output_folders=[args.output])
    campaign = load_campaign(args.path)
    result = write_templates(
        campaign, args.output, parent=args.parent, units=args.unit, force=args.force
    )
    done = render("cli.templates_done", lang, count=len(result.written), folder=args.output)
    print(done, file=out)
    for path in result.written:
        print(f"  {path.name}", file=out)
    if result.empty:
        print(render("cli.templates_empty", lang, count=len(result.empty)), file=out)
        for unit in result.empty:
            print(f"  {unit.code} {unit.name}", file=out)
    if result.kept:
        print(render("cli.templates_kept", lang, count=len(result.kept)), file=out)
        for path in result.kept:
            print(f"  {path.name}", file=out)
        return EXIT_FILE_ERRORS
    return EXIT_OK


def _limits(args: argparse.Namespace) -> ReadLimits:
    return ReadLimits(memory_mb=max(int(args.file_memory), 64), seconds=float(args.file_timeout))


@bulk_run()  # the whole command in one bulk run (see runtime/bulk.py)
def _check(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    if args.feedback:
        output_folder(args.feedback)
    check_outputs(
        [args.path, *args.inputs], output_folders=[args.feedback] if args.feedback else []
    )
    campaign = load_campaign(args.path)
    if args.parent and campaign.unit_by_upper_code(args.parent.upper()) is None:
        raise UnitSelectionError([args.parent], [u.code for u in campaign.units])  # said first
    progress = ProgressBar(err, render("cli.checking", lang))
    report = run_check(
        campaign, args.inputs, workers=args.workers, progress=progress, limits=_limits(args)
    )
    # who has not sent: for an inbox (a folder given) or a level named (--parent); not
    # when a few files are checked one by one
    folder = any(Path(p).is_dir() for p in args.inputs)
    inbox = inbox_status(report, args.parent) if folder or args.parent else None
    if inbox is not None:
        report = inbox.check  # (this level's own summary rejected)
    written: list[FeedbackCopy] = []
    if args.feedback:
        skip = inbox.superseded if inbox is not None else frozenset()
        written = write_feedback_copies(report, args.feedback, lang, skip=skip)
    if args.json:
        document = inbox.to_json(lang) if inbox is not None else report.to_json(lang)
        document["feedback"] = [str(c.path) for c in written]
        document["feedback_copies"] = feedback_json(written)
        print(json.dumps(document, ensure_ascii=False, indent=2), file=out)
    else:
        superseded = inbox.superseded if inbox is not None else frozenset()
        print(report.table(lang, superseded), file=out)
        for line in inbox.lines(lang) if inbox is not None else []:
            print(line, file=out)
        if args.feedback:
            say_feedback(report.campaign, written, args.feedback, lang, out)
    return inbox.exit_code if inbox is not None else report.exit_code


@bulk_run()  # the whole command in one bulk run (see runtime/bulk.py)
def _merge(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    output_file(args.output)
    if args.feedback:
        output_folder(args.feedback)
    check_outputs(
        [args.path, args.inbox, *args.verified],
        output_files=[args.output],
        output_folders=[args.feedback] if args.feedback else [],
    )
    if args.mode == "compose" and args.verified:
        print(render("cli.verify_compose", lang), file=err)
        return EXIT_UNUSABLE
    campaign = load_campaign(args.path)
    if args.mode == "compose":
        return _compose(args, campaign, lang, out, err)
    progress = ProgressBar(err, render("cli.merging", lang))
    output = Path(args.output)
    report = merge_rank(
        campaign,
        [args.inbox],
        parent=args.parent,
        workers=args.workers,
        progress=progress,
        cluster=args.cluster,
        limits=_limits(args),
        verified=args.verified,
    )
    write_summary(output, report)
    written = _copies(report.check, report.completeness, args.feedback, lang)
    if args.json:
        document = report.to_json(lang)
        document["output"] = str(output)
        document["feedback"] = [str(c.path) for c in written]
        document["feedback_copies"] = feedback_json(written)
        print(json.dumps(document, ensure_ascii=False, indent=2), file=out)
    else:
        print(report.check.table(lang, _superseded(report.completeness)), file=out)
        for line in report.verification_lines(lang):
            print(line, file=out)
        print(report.summary_line(lang), file=out)
        print(render("cli.merge_done", lang, path=str(output)), file=out)
        if args.feedback:
            say_feedback(campaign, written, args.feedback, lang, out)
    return report.exit_code


@bulk_run()  # the whole command in one bulk run (see runtime/bulk.py)
def _verify(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    output_file(args.output)
    check_outputs([args.path, args.inbox], output_files=[args.output])
    if Path(args.output).exists() and not args.force:  # said before the inbox is read
        raise OutputExistsError(args.output)
    campaign = load_campaign(args.path)
    progress = ProgressBar(err, render("cli.checking", lang))
    plan = plan_verification(
        campaign,
        [args.inbox],
        parent=args.parent,
        workers=args.workers,
        progress=progress,
        cluster=args.cluster,
        limits=_limits(args),
    )
    output = write_verification_workbook(args.output, plan, force=args.force)
    rows = sum(len(u.criteria) for u in plan.units)
    if args.json:
        document = plan.check.to_json(lang)
        document["output"] = str(output)
        document["units"] = [
            {"unit": u.unit.code, "self_total": str(u.self_total), "criteria": len(u.criteria)}
            for u in plan.units
        ]
        print(json.dumps(document, ensure_ascii=False, indent=2), file=out)
    else:
        print(plan.check.table(lang), file=out)
        said = render("cli.verify_done", lang, path=str(output), units=len(plan.units), rows=rows)
        print(said, file=out)
    return plan.exit_code


def _compose(
    args: argparse.Namespace, campaign: Campaign, lang: Lang, out: TextIO, err: TextIO
) -> int:
    if not args.parent:
        print(render("cli.compose_parent", lang), file=err)
        return EXIT_UNUSABLE
    progress = ProgressBar(err, render("cli.composing", lang))
    report = merge_compose(
        campaign,
        [args.inbox],
        args.parent,
        workers=args.workers,
        progress=progress,
        limits=_limits(args),
    )
    output = Path(args.output)
    write_composed_card(output, report, lang)
    written = _copies(report.check, report.completeness, args.feedback, lang)
    if args.json:
        document = report.check.to_json(lang)
        document["output"] = str(output)
        document["composed"] = {
            "unit": report.parent.code,
            "total": str(report.card.total),
            "sections": {c: str(v) for c, v in report.card.section_scores(campaign).items()},
            "sectors": list(report.parts),
        }
        document["missing"] = list(report.completeness.missing)
        document["units"] = units_json(report.completeness)
        document["compose_issues"] = [
            {"code": i.code, "criterion": i.criterion, "value": i.value, "message": i.message(lang)}
            for i in report.issues
        ]
        document["feedback"] = [str(c.path) for c in written]
        document["feedback_copies"] = feedback_json(written)
        print(json.dumps(document, ensure_ascii=False, indent=2), file=out)
    else:
        print(report.check.table(lang, _superseded(report.completeness)), file=out)
        for issue in report.issues:
            print(f"  {issue.message(lang)} [{issue.code}]", file=out)
        said = render(
            "cli.compose_done",
            lang,
            path=str(output),
            total=format_decimal(report.card.total, lang),
            count=len(report.parts),
        )
        print(said, file=out)
        if args.feedback:
            say_feedback(campaign, written, args.feedback, lang, out)
    return report.exit_code


def _superseded(completeness: Completeness) -> set[str]:
    """The paths of the files a newer file of the same unit replaced."""
    return {str(f.path) for u in completeness.units for f in u.superseded}


def _copies(
    check: CheckReport, completeness: Completeness, folder: str | None, lang: Lang
) -> list[FeedbackCopy]:
    """The feedback copies of a merge: for the files that count (not those a newer file of
    the same unit replaced)."""
    if not folder:
        return []
    return write_feedback_copies(check, folder, lang, skip=_superseded(completeness))


def _utf8(stream: TextIO) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
    if reconfigure is not None and encoding != "utf8":
        reconfigure(encoding="utf-8", errors="replace")


def run() -> None:
    """Console-script entry point of earlier installs; see :mod:`thidua_xlsx.faces.console`."""
    console_run()
