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
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from ..campaign.loader import load_campaign
from ..campaign.periods import campaign_for_period
from ..campaign.show import describe_campaign
from ..campaign.workbook_writer import init_campaign_workbook
from ..checking.run import run_check
from ..core.inbox import inbox_status
from ..core.model import Campaign
from ..core.reports import CheckReport, units_json
from ..core.submissions import Completeness
from ..core.vi_text import format_decimal
from ..dossier.writer import write_dossier
from ..errors import OutputExistsError, ThiduaError, UnitSelectionError
from ..merge.compose import merge_compose
from ..merge.dossier import build_dossier, nobody_qualifies
from ..merge.earlier import earlier_reports
from ..merge.lock import (
    check_merge_lock,
    lock_book_path,
    lock_summary,
    read_lock_book,
    record_merge_lock,
)
from ..merge.rank import merge_rank
from ..merge.trend import build_trend
from ..merge.verify import plan_verification
from ..merge.vote import decide_vote, plan_vote, read_vote_result
from ..runtime.bulk import bulk_run
from ..runtime.containment import ReadLimits
from ..runtime.output_guard import check_outputs
from ..scorecard.blank_cards import write_templates
from ..scorecard.feedback import FeedbackCopy, write_feedback_copies
from ..scorecard.writer import write_composed_card
from ..summary.writer import write_summary
from ..trend.writer import FILES_SHEET as TREND_FILES_SHEET
from ..trend.writer import write_trend
from ..verification.writer import write_verification_workbook
from ..vote.layout import RESULT_FILE
from ..vote.writer import write_vote_papers, write_vote_result
from ..words.messages import Lang, as_lang, render
from .console import EXIT_INTERRUPTED, language, quiet_closed_pipe, say_interrupted
from .console import run as console_run
from .demo import run_demo
from .feedback import feedback_json, say_feedback
from .parser import build_parser, overview
from .paths import output_file, output_folder, system_error
from .progress import ProgressBar
from .web import DEFAULT_FOLDER as WEB_FOLDER

__all__ = ["main"]

EXIT_OK, EXIT_FILE_ERRORS, EXIT_UNUSABLE = 0, 1, 2
EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE, as a shell reports a command its pipe stopped


def _web_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """``thidua web``: the local page (thidua_xlsx.faces.web), loaded only when asked for."""
    web = commands.add_parser(
        "web",
        parents=[common],
        help="mở trang web trên máy này (127.0.0.1) để làm mọi việc không cần dòng lệnh",
    )
    web.add_argument("--port", type=int, default=8000, help="cổng (mặc định 8000)")
    web.add_argument(
        "--folder",
        default=WEB_FOLDER,
        metavar="DIR",
        help=f"thư mục lưu phiếu và kết quả (mặc định {WEB_FOLDER})",
    )


def _web(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    import socket

    from .web.app import serve

    with socket.socket() as probe:  # said in the user's words, before the server starts
        try:
            probe.bind(("127.0.0.1", args.port))
        except (OSError, OverflowError):
            print(render("web.port_busy", lang, port=args.port), file=err)
            return EXIT_UNUSABLE
    folder = Path(args.folder).expanduser().resolve()
    url = f"http://127.0.0.1:{args.port}/"
    print(render("web.serving", lang, url=url, folder=str(folder)), file=out, flush=True)
    serve(folder, args.port, lang)
    return EXIT_OK


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
        elif args.command == "vote":
            return _vote(args, lang, out, err)
        elif args.command == "dossier":
            return _dossier(args, lang, out)
        elif args.command == "lock":
            return _lock(args, lang, out, err)
        elif args.command == "trend":
            return _trend(args, lang, out, err)
        elif args.command == "web":
            return _web(args, lang, out, err)
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
    check_outputs([args.path, *args.earlier], output_folders=[args.output])
    campaign = campaign_for_period(load_campaign(args.path), args.period)
    earlier = earlier_reports(campaign, args.earlier) if args.earlier else None
    result = write_templates(
        campaign,
        args.output,
        parent=args.parent,
        units=args.unit,
        force=args.force,
        earlier=earlier,
    )
    if campaign.period is not None:
        print(render("cli.templates_period", lang, period=campaign.period.name), file=out)
    if earlier is not None:
        for path, issue in earlier.skipped:
            print(
                render("cli.earlier_skipped", lang, file=path.name, reason=issue.message(lang)),
                file=out,
            )
        if earlier.used:
            files = ", ".join(p.name for p in earlier.used)
            print(render("cli.earlier_used", lang, files=files), file=out)
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
    campaign = campaign_for_period(load_campaign(args.path), args.period)
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
    book = lock_book_path(args.output)
    locking = args.lock or args.reopen is not None
    check_outputs(
        [args.path, args.inbox, *args.verified],
        output_files=[args.output, *([book] if locking else [])],
        output_folders=[args.feedback] if args.feedback else [],
    )
    if args.mode == "compose" and args.verified:
        print(render("cli.verify_compose", lang), file=err)
        return EXIT_UNUSABLE
    if args.mode == "compose" and locking:
        print(render("cli.lock_compose", lang), file=err)
        return EXIT_UNUSABLE
    if args.reopen is not None and not args.reopen.strip():
        print(render("cli.lock_reopen_empty", lang), file=err)
        return EXIT_UNUSABLE
    if args.mode == "rank":
        read_lock_book(book)  # a damaged lock book is said before the inbox is read
    campaign = campaign_for_period(load_campaign(args.path), args.period)
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
    lock = check_merge_lock(report, output, args.reopen)  # a locked result: nothing written
    report = replace(report, notes=lock.notes)
    write_summary(output, report)
    record = record_merge_lock(lock, output, lock_it=args.lock)
    written = _copies(report.check, report.completeness, args.feedback, lang)
    if args.json:
        document = report.to_json(lang)
        document["output"] = str(output)
        document["lock"] = record.to_json()
        document["feedback"] = [str(c.path) for c in written]
        document["feedback_copies"] = feedback_json(written)
        print(json.dumps(document, ensure_ascii=False, indent=2), file=out)
    else:
        print(report.check.table(lang, _superseded(report.completeness)), file=out)
        for line in report.verification_lines(lang):
            print(line, file=out)
        print(report.summary_line(lang), file=out)
        print(render("cli.merge_done", lang, path=str(output)), file=out)
        for line in record.lines(lang):
            print(line, file=out)
        if args.feedback:
            say_feedback(campaign, written, args.feedback, lang, out)
    return report.exit_code


@bulk_run()  # the whole command in one bulk run (see runtime/bulk.py)
def _verify(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    output_file(args.output)
    check_outputs([args.path, args.inbox], output_files=[args.output])
    if Path(args.output).exists() and not args.force:  # said before the inbox is read
        raise OutputExistsError(args.output)
    campaign = campaign_for_period(load_campaign(args.path), args.period)
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


def _vote(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    """``thidua vote``: the papers (ballots and tally) into a folder, or, with ``--tally``,
    the filled tally read back, decided, printed and written as the result workbook."""
    if args.tally is None:
        if not args.output:
            print(render("cli.vote_output", lang), file=err)
            return EXIT_UNUSABLE
        output_folder(args.output)
        check_outputs([args.path, args.summary, *args.verified], output_folders=[args.output])
        campaign = load_campaign(args.path)
        plan = plan_vote(campaign, args.summary, limits=_limits(args), verified=args.verified)
        ballots, tally = write_vote_papers(plan, args.output, force=args.force)
        if args.json:
            document = {
                "campaign_id": campaign.info.campaign_id,
                "title": plan.rule.title,
                "ballots": str(ballots),
                "tally": str(tally),
                "members": [m.name for m in plan.council.members],
                "candidates": [
                    {"unit": c.unit, "name": c.name, "total": str(c.total), "rank": c.rank}
                    for c in plan.candidates
                ],
            }
            print(json.dumps(document, ensure_ascii=False, indent=2), file=out)
        else:
            said = render(
                "vote.written",
                lang,
                ballots=len(plan.council.members),
                ballots_path=str(ballots),
                tally_path=str(tally),
                candidates=len(plan.candidates),
                title=plan.rule.title,
            )
            print(said, file=out)
        return EXIT_OK
    output = Path(args.output) if args.output else Path(args.tally).parent / RESULT_FILE
    output_file(output)
    check_outputs([args.path, args.summary, args.tally, *args.verified], output_files=[output])
    if output.exists() and not args.force:  # said before anything is read
        raise OutputExistsError(str(output))
    campaign = load_campaign(args.path)
    result = decide_vote(
        campaign, args.summary, args.tally, limits=_limits(args), verified=args.verified
    )
    written = write_vote_result(result, output, force=args.force) if result.accepted else None
    if args.json:
        decided = result.to_json(lang)
        decided["output"] = str(written) if written else None
        print(json.dumps(decided, ensure_ascii=False, indent=2), file=out)
        return result.exit_code
    for issue in result.issues:
        print(f"  {issue.describe(lang)}", file=out)
    decision = result.decision
    if decision is None:
        print(render("vote.tally_refused", lang, path=args.tally), file=out)
        return result.exit_code
    quota = (
        render("vote.quota", lang, quota=result.plan.rule.quota) if result.plan.rule.quota else ""
    )
    meeting = render(
        "vote.meeting",
        lang,
        members=decision.members,
        present=decision.present,
        quorum=decision.quorum.text(),
        counted=decision.counted,
        title=decision.title,
        share=decision.rule.share.text(),
        quota=quota,
    )
    print(meeting, file=out)
    for issue in decision.issues:
        print(issue.message(lang), file=out)
    marks = {"selected": "✔", "tie": "?", "no_quorum": "–"}
    for d in decision.decisions:
        mark = marks.get(d.outcome.value, "✘")
        outcome = render(f"vote.outcome.{d.outcome.value}", lang)
        print(f"{mark} {d.candidate.name} [{d.candidate.unit}]  {outcome}", file=out)
        print(f"    {d.reason.message(lang)} [{d.reason.code}]", file=out)
    if written is not None:
        print(render("vote.result_written", lang, path=str(written)), file=out)
    return result.exit_code


def _dossier(args: argparse.Namespace, lang: Lang, out: TextIO) -> int:
    output_folder(args.output)
    inputs = [args.path, args.summary, *(p for p in (args.vote, args.templates) if p)]
    check_outputs(inputs, output_folders=[args.output])
    campaign = load_campaign(args.path)
    vote = read_vote_result(campaign, args.vote, _limits(args)) if args.vote else None
    dossier = build_dossier(campaign, args.summary, vote=vote, limits=_limits(args))
    if not dossier.candidates:
        said = nobody_qualifies(dossier.award, str(args.summary), lang)
        print(said, file=out)
        return dossier.exit_code
    files = write_dossier(
        dossier, args.output, inputs=inputs, templates=args.templates, force=args.force
    )
    said = render(
        "cli.dossier_done",
        lang,
        folder=str(files.folder),
        count=len(files.paths),
        proposed=len(dossier.proposed),
    )
    print(said, file=out)
    for path in files.paths:
        print(f"  {path.name}", file=out)
    if dossier.issues:
        print(render("cli.dossier_issues", lang, count=len(dossier.issues)), file=out)
        for issue in dossier.issues:
            print(f"    {issue.message(lang)} [{issue.code}]", file=out)
    if vote is None:
        print(render("cli.dossier_no_vote", lang), file=out)
    print(render("cli.dossier_fill", lang), file=out)
    return dossier.exit_code


def _lock(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    """``thidua lock``: the result in a summary recorded as final in the lock book."""
    if args.reopen is not None and not args.reopen.strip():
        print(render("cli.lock_reopen_empty", lang), file=err)
        return EXIT_UNUSABLE
    check_outputs([args.path, args.summary], output_files=[lock_book_path(args.summary)])
    campaign = load_campaign(args.path)
    result = lock_summary(campaign, args.summary, limits=_limits(args), reopen=args.reopen)
    for line in result.lines(lang):
        print(line, file=out)
    return EXIT_OK


@bulk_run()  # the whole command in one bulk run (see runtime/bulk.py)
def _trend(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    """``thidua trend``: the summaries compared, the workbook written, a short account."""
    output = Path(args.output)
    output_file(output)
    check_outputs([*args.summaries, *args.campaign], output_files=[output])
    campaigns = [load_campaign(path) for path in args.campaign]
    trend = build_trend(args.summaries, campaigns, workers=args.workers, limits=_limits(args))
    write_trend(output, trend, inputs=args.campaign)
    if args.json:
        document = trend.to_json(lang)
        document["output"] = str(output)
        print(json.dumps(document, ensure_ascii=False, indent=2), file=out)
        return trend.exit_code
    level = trend.periods[-1].level_name
    print(
        render(
            "cli.trend_periods",
            lang,
            count=len(trend.periods),
            labels=", ".join(trend.labels),
            level=level,
            units=len(trend.units),
        ),
        file=out,
    )
    movers = trend.movers()
    if movers:
        before, after = trend.labels[-2], trend.labels[-1]
        print(render("cli.trend_movers", lang, before=before, after=after), file=out)
        for u in movers:
            now, then = u.points[-1], u.points[-2]
            assert now is not None and then is not None
            print(
                "  "
                + render(
                    "cli.trend_mover",
                    lang,
                    unit=u.name,
                    rank_before=then.rank,
                    rank_after=now.rank,
                    change=f"{now.rank_change:+d}" if now.rank_change is not None else "0",
                    total_before=format_decimal(then.total, lang),
                    total_after=format_decimal(now.total, lang),
                ),
                file=out,
            )
    else:
        print(render("cli.trend_no_movers", lang), file=out)
    print(
        render(
            "cli.trend_counts",
            lang,
            falls=len(trend.falls),
            jumps=len(trend.jumps),
            not_comparable=len(trend.not_comparable),
        ),
        file=out,
    )
    if trend.refused:
        print(render("cli.trend_refused", lang, count=len(trend.refused)), file=out)
        for issue in trend.refused:
            print(f"  {Path(issue.file).name}: {issue.message(lang)} [{issue.code}]", file=out)
    if trend.issues:
        print(
            render("cli.trend_issues", lang, count=len(trend.issues), sheet=TREND_FILES_SHEET),
            file=out,
        )
    print(render("cli.trend_done", lang, path=str(output)), file=out)
    return trend.exit_code


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
