"""``thidua web``: a local page over the library for staff who never open a terminal.

Thin: each page calls the functions the command line calls (``load_campaign``,
``write_templates``, ``merge_rank``, ``write_summary``, ``write_feedback``) and shows their
results with the words of :mod:`thidua_xlsx.words`. The returned files are read in contained
workers exactly as ``thidua merge`` reads them. See :mod:`.guard` for what a request may do
and :mod:`.workspace` for where the files go.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ...campaign.loader import load_campaign
from ...core.reports import ComposeReport, RankReport
from ...core.submissions import SubmissionStatus
from ...core.vi_text import format_decimal
from ...core.vote import VoteResult
from ...errors import ThiduaError
from ...merge.dossier import nobody_qualifies
from ...runtime.containment import DEFAULT_LIMITS, ReadLimits
from ...words.messages import Lang, Param, render, word
from .guard import (
    DEFAULT_UPLOAD_LIMITS,
    BodyTooLargeError,
    LocalOnly,
    Scope,
    UnsafeNameError,
    UploadLimits,
    safe_name,
)
from .workspace import Level, Workspace, bundled_campaigns

__all__ = ["create_app", "serve"]

HERE = Path(__file__).resolve().parent
_ZIP = "application/zip"
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def create_app(
    folder: str | Path,
    lang: Lang = "vi",
    uploads: UploadLimits = DEFAULT_UPLOAD_LIMITS,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> LocalOnly:
    """The page's application, its files kept in ``folder`` (made when missing)."""
    work = Path(folder).expanduser().resolve()
    work.mkdir(parents=True, exist_ok=True)
    space = Workspace(work, limits)
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True)
    )

    def t(code: str, **params: Param) -> str:
        return render(f"web.{code}", lang, **params)

    env.globals.update(t=t, lang=lang, folder=str(work), uploads=uploads)

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    def problem(text: str, status: int = 400, back: str = "/") -> HTMLResponse:
        return page("problem.html", status, text=text, back=back)

    titles: dict[Path, str] = {}

    def title(path: Path) -> str:
        if path not in titles:
            try:
                titles[path] = load_campaign(path).info.title
            except ThiduaError:
                titles[path] = ""
        return titles[path]

    async def home(request: Request) -> Response:
        seeds = [(p.name, title(p)) for p in bundled_campaigns()]
        mine = [(key, space.campaign_title(key)) for key in space.campaigns()]
        return page("home.html", seeds=seeds, mine=mine)

    async def choose(request: Request) -> Response:
        form = await _form(request, uploads)
        if form is None:
            return problem(t("too_many_fields", limit=uploads.files), 413)
        try:
            return await _choose(form)
        finally:
            await form.close()

    async def _choose(form: Any) -> Response:
        seed, upload = form.get("seed"), form.get("campaign")
        try:
            if isinstance(upload, UploadFile) and upload.filename:
                name = safe_name(upload.filename)
                data = await _read(upload, uploads)
                if data is None:
                    return problem(t("file_too_big", name=name, mb=uploads.file_mb), 413)
                key = space.add_campaign(name, data)
            elif isinstance(seed, str) and seed:
                found = [p for p in bundled_campaigns() if p.name == seed]
                if not found:
                    return problem(t("no_such_campaign"), 404)
                key = space.add_campaign(seed, found[0].read_bytes())
            else:
                return problem(t("pick_campaign"))
        except UnsafeNameError as exc:
            return problem(t("bad_name", name=_shown(str(exc))))
        except ThiduaError as exc:
            return problem(exc.message(lang))
        return RedirectResponse(f"/dot/{key}", status_code=303)

    async def campaign_page(request: Request) -> Response:
        key = request.path_params["key"]
        try:
            campaign = space.campaign(key)
        except ThiduaError as exc:
            return problem(exc.message(lang))
        if campaign is None:
            return problem(t("no_such_campaign"), 404)
        return page(
            "campaign.html", key=key, campaign=campaign, levels=space.levels(campaign, lang)
        )

    def _level(request: Request) -> tuple[str, Any, Any] | Response:
        key, code = request.path_params["key"], request.path_params["code"]
        try:
            found = space.level(key, code, lang)
        except ThiduaError as exc:
            return problem(exc.message(lang))
        if found is None:
            return problem(t("no_such_level"), 404)
        return key, found[0], found[1]

    async def level_page(request: Request) -> Response:
        found = _level(request)
        if isinstance(found, Response):
            return found
        key, campaign, parent = found
        job = space.job(key, parent.code)
        report = job.report if job is not None and not job.running else None
        return page(
            "level.html",
            key=key,
            campaign=campaign,
            parent=parent,
            units=parent.count,
            inbox=[p.name for p in space.inbox(key, parent.code)],
            inbox_folder=str(space.path(key, parent.code, "hop-thu")),
            results_folder=str(space.path(key, parent.code, "ket-qua")),
            job=job,
            view=_view(report, lang) if report is not None else None,
            composed=_composed(job.composed, lang) if report is not None and job else None,
            council=_council(space, key, campaign, parent.code, lang) if report else None,
        )

    async def templates_zip(request: Request) -> Response:
        found = _level(request)
        if isinstance(found, Response):
            return found
        key, campaign, parent = found
        try:
            data, _count = space.templates_zip(key, campaign, parent)
        except ThiduaError as exc:
            return problem(exc.message(lang))
        return _download(data, f"mau-phieu-{_ascii(parent.code)}.zip", _ZIP)

    async def upload(request: Request) -> Response:
        found = _level(request)
        if isinstance(found, Response):
            return found
        key, _campaign, parent = found
        back = f"/dot/{key}/cap/{parent.code}"
        job = space.job(key, parent.code)
        if job is not None and job.running:
            return problem(t("busy"), 409, back)
        form = await _form(request, uploads)
        if form is None:
            return problem(t("too_many_fields", limit=uploads.files), 413, back)
        try:
            return await _upload(form, key, parent, back)
        finally:
            await form.close()

    async def _upload(form: Any, key: str, level: Level, back: str) -> Response:
        files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
        if not files:
            return problem(t("no_files"), 400, back)
        if len(files) > uploads.files:
            return problem(t("too_many", count=len(files), limit=uploads.files), 413, back)
        received: list[tuple[str, bytes]] = []
        for item in files:
            try:
                name = safe_name(item.filename or "")
            except UnsafeNameError as exc:
                return problem(t("bad_name", name=_shown(str(exc))), 400, back)
            data = await _read(item, uploads)
            if data is None:
                return problem(t("file_too_big", name=name, mb=uploads.file_mb), 413, back)
            received.append((name, data))
        for name, data in received:
            space.receive(key, level.code, name, data)
        space.start(key, level, lang)
        return RedirectResponse(back, status_code=303)

    async def recheck(request: Request) -> Response:
        found = _level(request)
        if isinstance(found, Response):
            return found
        key, _campaign, parent = found
        back = f"/dot/{key}/cap/{parent.code}"
        if not space.inbox(key, parent.code):
            return problem(t("no_files"), 400, back)
        if space.start(key, parent, lang) is None:
            return problem(t("busy"), 409, back)
        return RedirectResponse(back, status_code=303)

    def saved_file(path_of: Callable[[str, str], Path], missing: str) -> Callable[..., Any]:
        """An endpoint downloading a workbook the level's work wrote (the summary, the
        composed card, the vote's result), or saying it is not there yet."""

        async def endpoint(request: Request) -> Response:
            found = _level(request)
            if isinstance(found, Response):
                return found
            key, _campaign, parent = found
            path = path_of(key, parent.code)
            if not path.is_file():
                return problem(t(missing), 404, f"/dot/{key}/cap/{parent.code}")
            return _download(path.read_bytes(), path.name, _XLSX)

        return endpoint

    summary = saved_file(space.summary_path, "no_summary")
    composed = saved_file(space.composed_path, "no_summary")
    vote_result = saved_file(space.vote_result_path, "no_vote_result")

    async def feedback(request: Request) -> Response:
        found = _level(request)
        if isinstance(found, Response):
            return found
        key, _campaign, parent = found
        code = _ascii(parent.code)
        return _download(space.feedback_zip(key, parent.code), f"phan-hoi-{code}.zip", _ZIP)

    async def vote_papers(request: Request) -> Response:
        found = _level(request)
        if isinstance(found, Response):
            return found
        key, campaign, parent = found
        back = f"/dot/{key}/cap/{parent.code}"
        if not space.summary_path(key, parent.code).is_file():
            return problem(t("no_summary"), 404, back)
        try:
            data = space.vote_papers_zip(key, campaign, parent.code)
        except ThiduaError as exc:
            return problem(exc.message(lang), 400, back)
        return _download(data, f"hoi-dong-{_ascii(parent.code)}.zip", _ZIP)

    async def tally(request: Request) -> Response:
        found = _level(request)
        if isinstance(found, Response):
            return found
        key, campaign, parent = found
        back = f"/dot/{key}/cap/{parent.code}"
        if not space.summary_path(key, parent.code).is_file():
            return problem(t("no_summary"), 404, back)
        form = await _form(request, uploads)
        if form is None:
            return problem(t("too_many_fields", limit=uploads.files), 413, back)
        try:
            files = [f for f in form.getlist("tally") if isinstance(f, UploadFile) and f.filename]
            if len(files) != 1:
                return problem(t("one_tally"), 400, back)
            try:
                name = safe_name(files[0].filename or "")
            except UnsafeNameError as exc:
                return problem(t("bad_name", name=_shown(str(exc))), 400, back)
            data = await _read(files[0], uploads)
            if data is None:
                return problem(t("file_too_big", name=name, mb=uploads.file_mb), 413, back)
            try:
                space.decide(key, campaign, parent.code, name, data)
            except ThiduaError as exc:
                return problem(exc.message(lang), 400, back)
        finally:
            await form.close()
        return RedirectResponse(f"{back}#step-council", status_code=303)

    async def dossier(request: Request) -> Response:
        found = _level(request)
        if isinstance(found, Response):
            return found
        key, campaign, parent = found
        back = f"/dot/{key}/cap/{parent.code}"
        summary_path = space.summary_path(key, parent.code)
        if not summary_path.is_file():
            return problem(t("no_summary"), 404, back)
        try:
            made = space.dossier_zip(key, campaign, parent.code)
        except ThiduaError as exc:
            return problem(exc.message(lang), 400, back)
        if made is None:
            return problem(nobody_qualifies(campaign.award, summary_path.name, lang), 404, back)
        return _download(made[0], f"ho-so-{_ascii(parent.code)}.zip", _ZIP)

    async def refused(reason: str, scope: Scope) -> tuple[int, bytes]:
        status = 413 if reason == "too_large" else 411 if reason == "length" else 403
        text = t(f"refused_{reason}", mb=uploads.total_mb) if reason == "too_large" else None
        text = text or t(f"refused_{reason}")
        return status, env.get_template("problem.html").render(text=text, back="/").encode()

    async def http_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        return problem(t("not_found") if status == 404 else t("bad_request"), status)

    async def too_large(request: Request, exc: Exception) -> Response:
        return problem(t("refused_too_large", mb=uploads.total_mb), 413)

    level = "/dot/{key}/cap/{code}"
    routes = [
        Route("/", home),
        Route("/dot", choose, methods=["POST"]),
        Route("/dot/{key}", campaign_page),
        Route(level, level_page),
        Route(f"{level}/mau-phieu.zip", templates_zip),
        Route(f"{level}/nop", upload, methods=["POST"]),
        Route(f"{level}/kiem-tra", recheck, methods=["POST"]),
        Route(f"{level}/tong-hop.xlsx", summary),
        Route(f"{level}/phan-hoi.zip", feedback),
        Route(f"{level}/phieu-tong-hop.xlsx", composed),
        Route(f"{level}/hoi-dong.zip", vote_papers),
        Route(f"{level}/kiem-phieu", tally, methods=["POST"]),
        Route(f"{level}/ket-qua-bieu-quyet.xlsx", vote_result),
        Route(f"{level}/ho-so.zip", dossier),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={HTTPException: http_error, BodyTooLargeError: too_large},
    )
    app.state.workspace = space
    return LocalOnly(app, uploads, refused)


async def _form(request: Request, uploads: UploadLimits) -> Any:
    """The request's form, or None when it holds more files than an upload may."""
    try:
        return await request.form(max_files=uploads.files, max_fields=50)
    except HTTPException:
        return None


async def _read(upload: UploadFile, uploads: UploadLimits) -> bytes | None:
    """The uploaded file's bytes, or None when it is over the per-file limit."""
    if upload.size is not None and upload.size > uploads.file_bytes:
        return None
    data = await upload.read(uploads.file_bytes + 1)
    return None if len(data) > uploads.file_bytes else data


def _shown(name: str) -> str:
    """A refused name as it can be read: control characters as ``\\xNN``."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in name)


def _download(data: bytes, name: str, media: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(data, media_type=media, headers=headers)


def _ascii(code: str) -> str:
    return "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in code)


def _composed(report: ComposeReport | None, lang: Lang) -> dict[str, Any] | None:
    """The parent's own card composed from its sectors' cards: its total and what was found."""
    if report is None:
        return None
    return {
        "total": format_decimal(report.card.total, lang),
        "count": len(report.parts),
        "issues": [f"{i.message(lang)} [{i.code}]" for i in report.issues],
    }


def _council(space: Workspace, key: str, campaign: Any, code: str, lang: Lang) -> dict[str, Any]:
    """Step 4: whether the campaign has a Council voting on its award, and the last tally's
    decisions (or its refusal, cell by cell), as ``thidua vote --tally`` prints them."""
    if not space.has_council(campaign):
        return {"ready": False}
    shown: dict[str, Any] = {"ready": True, "title": campaign.award.title, "vote": None}
    result: VoteResult | None = space.vote(key, code)
    shown["has_result"] = space.vote_result_path(key, code).is_file()
    if result is None:
        return shown
    issues = [
        {
            "severity": i.severity.value,
            "tag": word("severity", i.severity.value, lang),
            "cell": i.cell or "",
            "sheet": i.sheet or "",
            "message": i.message(lang),
            "code": i.code,
        }
        for i in result.issues
    ]
    decision = result.decision
    vote: dict[str, Any] = {"issues": issues, "refused": None, "meeting": "", "decisions": []}
    if decision is None:
        vote["refused"] = render("vote.tally_refused", lang, path=result.tally.name)
    else:
        quota = result.plan.rule.quota
        vote["meeting"] = render(
            "vote.meeting",
            lang,
            members=decision.members,
            present=decision.present,
            quorum=decision.quorum.text(),
            counted=decision.counted,
            title=decision.title,
            share=decision.rule.share.text(),
            quota=render("vote.quota", lang, quota=quota) if quota else "",
        )
        vote["notes"] = [i.message(lang) for i in decision.issues]
        vote["decisions"] = [
            {
                "unit": d.candidate.unit,
                "name": d.candidate.name,
                "yes": d.yes,
                "no": d.no,
                "outcome": d.outcome.value,
                "word": render(f"vote.outcome.{d.outcome.value}", lang),
                "reason": f"{d.reason.message(lang)} [{d.reason.code}]",
            }
            for d in decision.decisions
        ]
    shown["vote"] = vote
    return shown


def _view(report: RankReport, lang: Lang) -> dict[str, Any]:
    """What the results table shows, in plain values the template prints."""
    campaign = report.campaign
    names = {u.code: u.name for u in campaign.units}
    units = []
    for submission in report.completeness.units:
        result = submission.result
        place = report.place(submission.unit)
        units.append(
            {
                "code": submission.unit,
                "name": names.get(submission.unit, ""),
                "status": submission.status.value,
                "word": report.status_word(submission.status, lang),
                "file": result.name if result is not None else "",
                "superseded": [f.name for f in submission.superseded],
                "total": format_decimal(place.total, lang) if place else "",
                "rank": place.rank if place else "",
                "band": place.band or "" if place else "",
            }
        )
    files = []
    for result in (f for top in report.check.files for f in top.with_members()):
        status = "blank" if result.is_blank else result.status.value
        files.append(
            {
                "name": result.name,
                "unit": result.unit or "?",
                "accepted": result.accepted,
                "status": word("file_status", status, lang),
                "total": format_decimal(result.card.total, lang) if result.card else "",
                "carried": bool(result.source),
                "issues": [
                    {
                        "severity": issue.severity.value,
                        "tag": word("severity", issue.severity.value, lang),
                        "cell": issue.cell or "",
                        "sheet": issue.sheet or "",
                        "message": issue.message(lang),
                        "code": issue.code,
                    }
                    for issue in result.issues
                ],
            }
        )
    missing = [u for u in units if u["status"] == SubmissionStatus.MISSING.value]
    return {
        "line": report.summary_line(lang),
        "table_line": report.check.table(lang).splitlines()[-1],
        "units": units,
        "missing": missing,
        "files": files,
        "ranked": len(report.ranking),
    }


def serve(folder: str | Path, port: int = 8000, lang: Lang = "vi") -> None:
    """Serve the page on 127.0.0.1:``port`` until Ctrl-C (this machine only)."""
    import uvicorn

    app = create_app(folder, lang)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", server_header=False)
