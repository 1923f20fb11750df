"""thidua web refuses what is not this machine's page: other hosts and origins, oversized
uploads, file names with a path. Driven through Starlette's TestClient (the browser tests in
test_web_browser.py use the real server)."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("httpx2")
from starlette.testclient import TestClient

from thidua_xlsx.faces.web.app import create_app
from thidua_xlsx.faces.web.guard import UnsafeNameError, UploadLimits, inside, safe_name
from thidua_xlsx.words.messages import render

from conftest import SEED_003

BASE = "http://127.0.0.1:8000"
ORIGIN = {"Origin": BASE}
SMALL = UploadLimits(files=3, file_mb=1, total_mb=2)


def client(folder: Path, limits: UploadLimits = SMALL, lang: str = "vi") -> TestClient:
    return TestClient(create_app(folder, lang, limits), base_url=BASE)  # type: ignore[arg-type]


def opened(folder: Path, limits: UploadLimits = SMALL) -> tuple[TestClient, str]:
    """A client with the seed campaign open; the level page of the town."""
    web = client(folder, limits)
    picked = web.post("/dot", data={"seed": SEED_003.name}, headers=ORIGIN, follow_redirects=False)
    assert picked.status_code == 303, picked.text
    return web, f"{picked.headers['location']}/cap/TXTB"


def said(code: str, **params: Any) -> str:
    import html

    return html.escape(render(f"web.{code}", "vi", **params), quote=False)


def test_the_page_names_its_work_folder(tmp_path: Path) -> None:
    page = client(tmp_path / "work").get("/")
    assert page.status_code == 200
    assert str((tmp_path / "work").resolve()) in page.text
    assert render("web.home_title", "vi") in page.text
    english = client(tmp_path / "work", lang="en").get("/")
    assert render("web.home_title", "en") in english.text


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.nip.io:8000", "192.168.1.5:8000"])
def test_a_request_for_another_host_is_refused(tmp_path: Path, host: str) -> None:
    """DNS rebinding: a page elsewhere whose name now points at 127.0.0.1."""
    page = client(tmp_path).get("/", headers={"Host": host})
    assert page.status_code == 403
    assert said("refused_host") in page.text


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "http://127.0.0.1:9999"},
        {"Origin": "null"},
        {"Referer": "http://evil.example/form"},
        {},
    ],
)
def test_a_post_from_another_origin_is_refused(tmp_path: Path, headers: dict[str, str]) -> None:
    """CSRF: another site's form posting to the page; nothing is stored."""
    web = client(tmp_path / "work")
    answer = web.post("/dot", data={"seed": SEED_003.name}, headers=headers)
    assert answer.status_code == 403
    assert said("refused_origin") in answer.text
    assert list((tmp_path / "work").iterdir()) == []


def test_a_post_from_the_page_itself_is_taken(tmp_path: Path) -> None:
    web, level = opened(tmp_path / "work")
    page = web.get(level)
    assert page.status_code == 200
    assert "Thị xã Tịnh Biên" in page.text


@pytest.mark.parametrize(
    "name",
    [
        "../../x.xlsx",
        "../x.xlsx",
        "/tmp/x.xlsx",
        "a/b.xlsx",
        "..\\..\\x.xlsx",
        "C:x.xlsx",
        "..",
        ".hidden.xlsx",
        "a\x00.xlsx",
        "a\nb.xlsx",
        "",
        " x.xlsx",
    ],
)
def test_unsafe_names_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(UnsafeNameError):
        inside(tmp_path, name)
    assert safe_name("NH-CA (1).xlsx") == "NH-CA (1).xlsx"


@pytest.mark.parametrize("name", ["../../x.xlsx", "/tmp/evil-abs.xlsx", "..\\..\\x.xlsx"])
def test_an_upload_named_with_a_path_is_refused(tmp_path: Path, name: str) -> None:
    """A crafted request (a browser never sends a folder part) stores nothing anywhere."""
    work = tmp_path / "a" / "b" / "work"
    web, level = opened(work)
    answer = web.post(
        f"{level}/nop", files=[("files", (name, b"PK\x03\x04 not a card"))], headers=ORIGIN
    )
    assert answer.status_code == 400
    assert said("bad_name", name=name) in answer.text
    assert not list(tmp_path.rglob("x.xlsx")) and not Path("/tmp/evil-abs.xlsx").exists()
    assert not (work / "nhon-hung-2024-bdg" / "TXTB" / "hop-thu").exists()


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    web, level = opened(tmp_path / "work")
    big = b"\0" * (SMALL.file_bytes + 1)
    answer = web.post(f"{level}/nop", files=[("files", ("big.xlsx", big))], headers=ORIGIN)
    assert answer.status_code == 413
    assert said("file_too_big", name="big.xlsx", mb=1) in answer.text
    assert not (tmp_path / "work" / "nhon-hung-2024-bdg" / "TXTB" / "hop-thu").exists()


def test_an_upload_over_the_total_is_refused_before_it_is_read(tmp_path: Path) -> None:
    web, level = opened(tmp_path / "work")
    part = b"\0" * (SMALL.file_bytes - 10)
    files = [("files", (f"{i}.xlsx", part)) for i in range(3)]
    answer = web.post(f"{level}/nop", files=files, headers=ORIGIN)
    assert answer.status_code == 413
    assert said("refused_too_large", mb=2) in answer.text


def test_too_many_files_are_refused(tmp_path: Path) -> None:
    web, level = opened(tmp_path / "work")
    files = [("files", (f"{i}.xlsx", b"x")) for i in range(4)]
    answer = web.post(f"{level}/nop", files=files, headers=ORIGIN)
    assert answer.status_code == 413
    assert said("too_many_fields", limit=3) in answer.text
    assert not (tmp_path / "work" / "nhon-hung-2024-bdg" / "TXTB" / "hop-thu").exists()


def test_a_body_longer_than_it_declared_is_cut_off(tmp_path: Path) -> None:
    """The length header says little; the bytes that come are counted all the same."""
    app = create_app(tmp_path / "work", "vi", SMALL)
    chunk = b"\0" * (512 * 1024)
    chunks = [chunk] * 6  # 3 MB, declared as 100 bytes
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        body = chunks.pop() if chunks else b""
        return {"type": "http.request", "body": body, "more_body": bool(chunks)}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/dot",
        "raw_path": b"/dot",
        "query_string": b"",
        "root_path": "",
        "server": ("127.0.0.1", 8000),
        "client": ("127.0.0.1", 5000),
        "headers": [
            (b"host", b"127.0.0.1:8000"),
            (b"origin", BASE.encode()),
            (b"content-type", b"multipart/form-data; boundary=xyz"),
            (b"content-length", b"100"),
        ],
    }
    asyncio.run(app(scope, receive, send))  # type: ignore[arg-type]
    assert sent[0]["status"] == 413
    assert list((tmp_path / "work").iterdir()) == []


@pytest.mark.parametrize(
    "path",
    [
        "/dot/..%2F..%2Fetc",
        "/dot/nhon-hung-2024-bdg/cap/..%2F..",
        "/dot/nhon-hung-2024-bdg/cap/NOPE",
        "/static/..%2F..%2Fapp.py",
        "/dot/nhon-hung-2024-bdg/cap/TXTB/tong-hop.xlsx",
    ],
)
def test_paths_in_the_address_stay_in_the_work_folder(tmp_path: Path, path: str) -> None:
    web, _level = opened(tmp_path / "work")
    answer = web.get(path)
    assert answer.status_code == 404
    assert "import" not in answer.text


def test_a_campaign_that_cannot_be_used_is_said_and_not_kept(tmp_path: Path) -> None:
    web = client(tmp_path / "work")
    answer = web.post("/dot", files=[("campaign", ("dot.xlsx", b"not a workbook"))], headers=ORIGIN)
    assert answer.status_code == 400
    assert "dot.xlsx" in answer.text  # the campaign error names the file as it was sent
    assert [p.name for p in (tmp_path / "work").iterdir()] == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_port_in_use_is_said_in_words(lang: str, tmp_path: Path) -> None:
    import socket

    from thidua_xlsx.faces.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        out = io.StringIO()
        code = main(["web", "--port", str(port), "--folder", str(tmp_path), "--lang", lang], out)
    assert code == 2
    assert out.getvalue().strip() == render("web.port_busy", lang, port=port)  # type: ignore[arg-type]


def test_a_name_sent_twice_keeps_both_files(tmp_path: Path) -> None:
    """A unit that sends again under the same name: nothing it sent is lost."""
    from thidua_xlsx.faces.web.workspace import Workspace

    space = Workspace(tmp_path)
    first = space.receive("dot", "TXTB", "P-ANPHU.xlsx", b"first")
    second = space.receive("dot", "TXTB", "P-ANPHU.xlsx", b"second")
    assert (first.name, second.name) == ("P-ANPHU.xlsx", "P-ANPHU (2).xlsx")
    assert [p.read_bytes() for p in space.inbox("dot", "TXTB")] == [b"second", b"first"]


@pytest.mark.parametrize("name", ["../../x.xlsx", "/tmp/evil-campaign.xlsx"])
def test_a_campaign_named_with_a_path_is_refused(tmp_path: Path, name: str) -> None:
    work = tmp_path / "a" / "work"
    web = client(work)
    answer = web.post("/dot", files=[("campaign", (name, SEED_003.read_bytes()))], headers=ORIGIN)
    assert answer.status_code == 400
    assert said("bad_name", name=name) in answer.text
    assert not list(tmp_path.rglob("x.xlsx")) and not Path("/tmp/evil-campaign.xlsx").exists()
    assert [p.name for p in work.iterdir()] == []


def test_a_campaign_with_several_top_units_collects_them_all(tmp_path: Path) -> None:
    """Without one top unit, the level of every top unit (as ``merge`` without ``--parent``)."""
    import copy
    import zipfile

    from thidua_xlsx.campaign.workbook_writer import (
        blank_campaign_sheets,
        write_campaign_workbook,
    )

    sheets = copy.deepcopy(blank_campaign_sheets())
    sheets.units = [*sheets.units, ["XB", "UBND xã B", "xã", None, None]]
    source = tmp_path / "hai-xa.xlsx"
    write_campaign_workbook(source, sheets)
    web = client(tmp_path / "work")
    opened = web.post(
        "/dot", files=[("campaign", (source.name, source.read_bytes()))], headers=ORIGIN
    )
    assert opened.status_code == 200, opened.text
    assert said("all_units") in opened.text and "/cap/tat-ca" in opened.text
    cards = web.get(f"{opened.url.path}/cap/tat-ca/mau-phieu.zip")
    assert cards.status_code == 200
    with zipfile.ZipFile(io.BytesIO(cards.content)) as archive:
        assert sorted(n.split("-")[0] for n in archive.namelist()) == ["XA", "XB"]
