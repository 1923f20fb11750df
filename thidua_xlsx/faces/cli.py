"""The ``thidua`` command (SPEC §8). Thin: parse arguments, call the library, print.

Exit codes: 0 no errors, 1 some files have errors, 2 unusable command or campaign.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from .._version import __version__
from ..campaign.loader import load_campaign
from ..campaign.show import describe_campaign
from ..campaign.workbook_writer import init_campaign_workbook
from ..checking.run import run_check
from ..core.model import Campaign
from ..core.reports import units_json
from ..core.vi_text import format_decimal
from ..dossier.writer import write_dossier
from ..errors import OutputExistsError, ThiduaError
from ..merge.compose import merge_compose
from ..merge.dossier import build_dossier
from ..merge.rank import merge_rank
from ..merge.verify import plan_verification
from ..merge.vote import decide_vote, plan_vote, read_vote_result
from ..runtime.bulk import bulk_run
from ..runtime.containment import DEFAULT_LIMITS, ReadLimits
from ..runtime.output_guard import check_outputs
from ..scorecard.blank_cards import write_templates
from ..scorecard.feedback import write_feedback
from ..scorecard.writer import write_composed_card
from ..summary.writer import write_summary
from ..verification.writer import write_verification_workbook
from ..vote.layout import RESULT_FILE
from ..vote.writer import write_vote_papers, write_vote_result
from ..words.messages import Lang, as_lang, render
from .console import EXIT_INTERRUPTED, say_interrupted
from .console import run as console_run
from .demo import DEFAULT_FOLDER, run_demo
from .progress import ProgressBar
from .web import DEFAULT_FOLDER as WEB_FOLDER

__all__ = ["main"]

EXIT_OK, EXIT_FILE_ERRORS, EXIT_UNUSABLE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang",
        choices=("vi", "en"),
        default=argparse.SUPPRESS,
        help="ngôn ngữ thông báo / message language (vi mặc định, en)",
    )
    parser = argparse.ArgumentParser(
        prog="thidua",
        description="Chấm điểm thi đua qua Excel: định nghĩa đợt thi đua, phát phiếu chấm, "
        "kiểm tra và tổng hợp.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"thidua {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="LỆNH", required=True)

    init = commands.add_parser(
        "init", parents=[common], help="tạo tệp định nghĩa đợt thi đua trống, có hướng dẫn"
    )
    init.add_argument("path", metavar="CAMPAIGN.xlsx")
    init.add_argument("--force", action="store_true", help="ghi đè tệp đã có")

    show = commands.add_parser(
        "show", parents=[common], help="in cây tiêu chí, xếp loại, đơn vị; báo lỗi định nghĩa"
    )
    show.add_argument("path", metavar="CAMPAIGN.xlsx")

    templates = commands.add_parser(
        "templates", parents=[common], help="ghi một phiếu chấm điểm .xlsx cho mỗi đơn vị"
    )
    templates.add_argument("path", metavar="CAMPAIGN.xlsx")
    templates.add_argument("-o", "--output", required=True, metavar="DIR", help="thư mục ghi")
    templates.add_argument("--parent", metavar="CODE", help="chỉ các đơn vị trực thuộc CODE")
    templates.add_argument(
        "--unit", action="append", default=[], metavar="CODE", help="chỉ đơn vị CODE (lặp lại)"
    )
    templates.add_argument("--force", action="store_true", help="ghi đè tệp đã có")

    check = commands.add_parser(
        "check", parents=[common], help="kiểm tra các phiếu chấm đã nhận (tệp hoặc thư mục)"
    )
    check.add_argument("path", metavar="CAMPAIGN.xlsx")
    check.add_argument("inputs", nargs="+", metavar="PATH", help="tệp hoặc thư mục phiếu chấm")
    check.add_argument("--json", action="store_true", help="in một tài liệu JSON")
    check.add_argument("--feedback", metavar="DIR", help="ghi bản phản hồi cho tệp có lỗi")
    check.add_argument("--workers", type=int, default=0, help="số tiến trình (mặc định: số CPU)")
    _limit_options(check)

    merge = commands.add_parser(
        "merge", parents=[common], help="tổng hợp, xếp hạng các đơn vị thành bảng tổng hợp"
    )
    merge.add_argument("path", metavar="CAMPAIGN.xlsx")
    merge.add_argument("inbox", metavar="INBOX_DIR", help="thư mục phiếu chấm đã nhận")
    merge.add_argument("-o", "--output", required=True, metavar="OUT.xlsx")
    merge.add_argument("--mode", choices=("rank", "compose"), default="rank")
    merge.add_argument("--parent", metavar="CODE", help="đơn vị cấp trên của các đơn vị xếp hạng")
    merge.add_argument(
        "--cluster", metavar="TÊN", help="chỉ xếp hạng các đơn vị của một cụm thi đua"
    )
    merge.add_argument(
        "--verified",
        action="append",
        default=[],
        metavar="THAM-DINH.xlsx",
        help="bảng thẩm định của cấp trên (do «thidua verify» ghi) để áp dụng (lặp lại)",
    )
    merge.add_argument("--json", action="store_true", help="in một tài liệu JSON")
    merge.add_argument("--feedback", metavar="DIR", help="ghi bản phản hồi cho tệp có lỗi")
    merge.add_argument("--workers", type=int, default=0, help="số tiến trình (mặc định: số CPU)")
    _limit_options(merge)

    verify = commands.add_parser(
        "verify",
        parents=[common],
        help="ghi bảng thẩm định của cấp trên cho các đơn vị có phiếu được chấp nhận",
    )
    verify.add_argument("path", metavar="CAMPAIGN.xlsx")
    verify.add_argument("inbox", metavar="INBOX_DIR", help="thư mục phiếu chấm đã nhận")
    verify.add_argument("-o", "--output", required=True, metavar="THAM-DINH.xlsx")
    verify.add_argument("--parent", metavar="CODE", help="đơn vị cấp trên của các đơn vị")
    verify.add_argument("--cluster", metavar="TÊN", help="chỉ các đơn vị của một cụm thi đua")
    verify.add_argument(
        "--force", action="store_true", help="ghi đè bảng thẩm định đã có (mất điểm đã nhập)"
    )
    verify.add_argument("--json", action="store_true", help="in một tài liệu JSON")
    verify.add_argument("--workers", type=int, default=0, help="số tiến trình (mặc định: số CPU)")
    _limit_options(verify)

    vote = commands.add_parser(
        "vote",
        parents=[common],
        help="Hội đồng biểu quyết danh sách đề nghị: ghi phiếu và bảng kiểm phiếu, hoặc đọc "
        "bảng kiểm phiếu đã nhập và quyết định",
    )
    vote.add_argument("path", metavar="CAMPAIGN.xlsx")
    vote.add_argument("summary", metavar="SUMMARY.xlsx", help="bảng tổng hợp (merge --mode rank)")
    vote.add_argument(
        "-o",
        "--output",
        metavar="DIR | RESULT.xlsx",
        help="thư mục ghi phiếu và bảng kiểm phiếu; với --tally: tệp kết quả (mặc định "
        f"{RESULT_FILE} cạnh bảng kiểm phiếu)",
    )
    vote.add_argument(
        "--tally", metavar="KIEM-PHIEU.xlsx", help="bảng kiểm phiếu thư ký đã nhập, để quyết định"
    )
    vote.add_argument(
        "--verified",
        action="append",
        default=[],
        metavar="THAM-DINH.xlsx",
        help="bảng thẩm định đã dùng khi lập bảng tổng hợp (merge --verified), lặp lại",
    )
    vote.add_argument("--force", action="store_true", help="ghi đè tệp đã có")
    vote.add_argument("--json", action="store_true", help="in một tài liệu JSON")
    _limit_options(vote)
    dossier = commands.add_parser(
        "dossier",
        parents=[common],
        help="lập hồ sơ khen thưởng (.docx): tờ trình, danh sách, báo cáo thành tích, biên bản",
    )
    dossier.add_argument("path", metavar="CAMPAIGN.xlsx")
    dossier.add_argument("summary", metavar="SUMMARY.xlsx", help="bảng tổng hợp do merge ghi")
    dossier.add_argument("-o", "--output", required=True, metavar="DIR", help="thư mục ghi")
    dossier.add_argument(
        "--vote",
        metavar="RESULT",
        help=f"kết quả biểu quyết do «thidua vote … --tally» ghi ({RESULT_FILE}; không có: "
        "bảng biểu quyết để trống)",
    )
    dossier.add_argument(
        "--templates", metavar="DIR", help="thư mục mẫu .docx của tỉnh (thay mẫu cùng tên)"
    )
    dossier.add_argument("--force", action="store_true", help="ghi đè hồ sơ đã có")
    _limit_options(dossier)

    demo = commands.add_parser(
        "demo", parents=[common], help="chạy thử toàn bộ quy trình trên dữ liệu mẫu đi kèm"
    )
    demo.add_argument(
        "folder",
        nargs="?",
        default=DEFAULT_FOLDER,
        metavar="DIR",
        help=f"thư mục ghi kết quả (mặc định: {DEFAULT_FOLDER})",
    )
    _web_parser(commands, common)
    return parser


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
    out = out or sys.stdout
    err = sys.stderr if out is sys.stdout else out
    _utf8(out)
    _utf8(err)
    args = _parser().parse_args(argv)
    lang = as_lang(getattr(args, "lang", None) or os.environ.get("THIDUA_LANG", "vi"))
    try:
        if args.command == "init":
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
        elif args.command == "web":
            return _web(args, lang, out, err)
        elif args.command == "demo":
            result = run_demo(args.folder, lang)
            print(result.describe(lang), file=out)
            return result.exit_code
    except ThiduaError as exc:
        print(exc.message(lang), file=err)
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


def _limit_options(command: argparse.ArgumentParser) -> None:
    """What one returned file may cost while it is read (see thidua_xlsx.runtime.containment)."""
    command.add_argument(
        "--file-timeout",
        type=_positive(float),
        default=DEFAULT_LIMITS.seconds,
        metavar="GIÂY",
        help=f"thời gian tối đa đọc một tệp (mặc định {DEFAULT_LIMITS.seconds:g} giây)",
    )
    command.add_argument(
        "--file-memory",
        type=_positive(int),
        default=DEFAULT_LIMITS.memory_mb,
        metavar="MB",
        help=f"bộ nhớ tối đa để đọc một tệp (mặc định {DEFAULT_LIMITS.memory_mb} MB, ít nhất 64)",
    )


def _positive(kind: Callable[[str], float]) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"không phải số: {text!r}") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"phải lớn hơn 0: {text!r}")
        return value

    return parse


def _limits(args: argparse.Namespace) -> ReadLimits:
    return ReadLimits(memory_mb=max(int(args.file_memory), 64), seconds=float(args.file_timeout))


@bulk_run()  # the whole command in one bulk run (see runtime/bulk.py)
def _check(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    check_outputs(
        [args.path, *args.inputs], output_folders=[args.feedback] if args.feedback else []
    )
    campaign = load_campaign(args.path)
    progress = ProgressBar(err, render("cli.checking", lang))
    report = run_check(
        campaign, args.inputs, workers=args.workers, progress=progress, limits=_limits(args)
    )
    written: list[Path] = []
    if args.feedback:
        written = write_feedback(report, args.feedback, lang)
    if args.json:
        document = report.to_json(lang)
        document["feedback"] = [str(p) for p in written]
        print(json.dumps(document, ensure_ascii=False, indent=2), file=out)
    else:
        print(report.table(lang), file=out)
        if written:
            said = render("cli.feedback_written", lang, folder=args.feedback, count=len(written))
            print(said, file=out)
    return report.exit_code


@bulk_run()  # the whole command in one bulk run (see runtime/bulk.py)
def _merge(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
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
    written = write_feedback(report.check, args.feedback, lang) if args.feedback else []
    if args.json:
        document = report.to_json(lang)
        document["output"] = str(output)
        document["feedback"] = [str(p) for p in written]
        print(json.dumps(document, ensure_ascii=False, indent=2), file=out)
    else:
        print(report.check.table(lang), file=out)
        for line in report.verification_lines(lang):
            print(line, file=out)
        print(report.summary_line(lang), file=out)
        print(render("cli.merge_done", lang, path=str(output)), file=out)
    return report.exit_code


@bulk_run()  # the whole command in one bulk run (see runtime/bulk.py)
def _verify(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
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


def _vote(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    """``thidua vote``: the papers (ballots and tally) into a folder, or, with ``--tally``,
    the filled tally read back, decided, printed and written as the result workbook."""
    if args.tally is None:
        if not args.output:
            print(render("cli.vote_output", lang), file=err)
            return EXIT_UNUSABLE
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
    inputs = [args.path, args.summary, *(p for p in (args.vote, args.templates) if p)]
    check_outputs(inputs, output_folders=[args.output])
    campaign = load_campaign(args.path)
    vote = read_vote_result(campaign, args.vote, _limits(args)) if args.vote else None
    dossier = build_dossier(campaign, args.summary, vote=vote, limits=_limits(args))
    if not dossier.candidates:
        award = dossier.award
        rule = [
            render("dossier.rule_top", lang, count=award.top_n) if award.top_n else "",
            render("dossier.rule_band", lang, band=award.min_band) if award.min_band else "",
        ]
        said = render(
            "cli.dossier_none",
            lang,
            award=award.title,
            path=str(args.summary),
            rule=", ".join(r for r in rule if r) or render("word.none", lang),
        )
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
    written = write_feedback(report.check, args.feedback, lang) if args.feedback else []
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
        document["feedback"] = [str(p) for p in written]
        print(json.dumps(document, ensure_ascii=False, indent=2), file=out)
    else:
        print(report.check.table(lang), file=out)
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
    return report.exit_code


def _utf8(stream: TextIO) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
    if reconfigure is not None and encoding != "utf8":
        reconfigure(encoding="utf-8", errors="replace")


def run() -> None:
    """Console-script entry point of earlier installs; see :mod:`thidua_xlsx.faces.console`."""
    console_run()
