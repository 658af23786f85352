"""`article-bot fetch SOURCE [--json]` and `--article` with a link or an .html/.pdf/.docx file, run
as a user runs them (a real `python -m bot` subprocess) against the local web server."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.bot.fake_web import FakeWeb
from tests.bot.test_cli import REPO, WORKDIR
from tests.fixtures.documents import FR_AUTHOR, FR_PARAGRAPHS, FR_TITLE, PAGES, make_docx, make_pdf


@pytest.fixture
async def web() -> AsyncIterator[FakeWeb]:
    server = await FakeWeb().start()
    try:
        yield server
    finally:
        await server.stop()


async def run_cli(*args: str, allow: str = "") -> tuple[int, str, str]:
    """The CLI in a subprocess while this event loop serves the web server."""
    environment = {
        k: v for k, v in os.environ.items()
        if not k.startswith(("TELEGRAM_", "ARTICLE_", "FETCH_", "DATA_DIR", "DATABASE_URL"))
    }
    environment["PYTHONPATH"] = str(REPO)
    if allow:
        environment["FETCH_ALLOW_HOSTS"] = allow
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=WORKDIR, env=environment,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        stdin=asyncio.subprocess.DEVNULL,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    return process.returncode or 0, out.decode(), err.decode()


async def test_fetch_json_of_a_news_page(web: FakeWeb) -> None:
    url = web.url("/news/bridge")
    status, out, err = await run_cli("fetch", url, "--json", allow=web.allow)
    assert status == 0, err
    payload = json.loads(out)
    assert list(payload) == ["source", "title", "site", "author", "date", "language",
                             "paragraphs"]
    assert payload["source"] == url
    assert payload["title"] == "Harbour bridge to close for a year, council says"
    assert (payload["site"], payload["author"], payload["date"], payload["language"]) == (
        "The Ellery Courier", "Nadia Okafor", "2026-03-14", "en"
    )
    assert len(payload["paragraphs"]) == 7
    assert payload["paragraphs"][0].startswith("The Old Harbour bridge")


async def test_fetch_text_of_a_file(tmp_path: Path) -> None:
    path = tmp_path / "piscine.pdf"
    path.write_bytes(make_pdf(FR_PARAGRAPHS, title=FR_TITLE, author=FR_AUTHOR))
    status, out, err = await run_cli("fetch", str(path))
    assert status == 0, err
    assert f"Title: {FR_TITLE}" in out and f"Author: {FR_AUTHOR}" in out
    assert out.rstrip().endswith(FR_PARAGRAPHS[-1])
    assert "\n\n".join(FR_PARAGRAPHS) in out


async def test_unknown_metadata_is_null(tmp_path: Path) -> None:
    path = tmp_path / "nu.docx"
    path.write_bytes(make_docx(FR_PARAGRAPHS))
    status, out, err = await run_cli("fetch", str(path), "--json")
    assert status == 0, err
    payload = json.loads(out)
    assert payload["title"] is None and payload["author"] is None and payload["site"] is None


@pytest.mark.parametrize(
    ("path", "fragment"),
    [
        ("/to-loopback", "private or local address"),
        ("/img/photo.png", "serves image/png, not a page"),
        ("/nowhere", "answered 404"),
        ("/r/6", "redirects more than 5 times"),
    ],
)
async def test_a_link_that_cannot_be_read_is_one_line_and_status_2(
    web: FakeWeb, path: str, fragment: str
) -> None:
    status, out, err = await run_cli("fetch", web.url(path), "--json", allow=web.allow)
    assert status == 2 and out == ""
    assert fragment in err and err.count("\n") == 1 and "Traceback" not in err


async def test_a_private_address_without_the_allow_list(web: FakeWeb) -> None:
    status, _, err = await run_cli("fetch", web.url("/news/bridge"))
    assert status == 2 and "private or local address" in err


@pytest.mark.parametrize(
    ("source", "question", "speaker"),
    [
        ("url:/news/bridge", "cables at the end of their life", "Marie Lefèvre"),
        ("file:news_fr.html", "journées de onze heures", "Karim Belkacem"),
        ("file:piscine.pdf", "fuites", "Hervé Castagnol"),
        ("file:piscine.docx", "arrive trop tard", "Sylvie Daumas"),
    ],
)
async def test_article_option_takes_links_and_documents(
    web: FakeWeb, tmp_path: Path, source: str, question: str, speaker: str
) -> None:
    (tmp_path / "news_fr.html").write_bytes((PAGES / "news_fr.html").read_bytes())
    (tmp_path / "piscine.pdf").write_bytes(make_pdf(FR_PARAGRAPHS))
    (tmp_path / "piscine.docx").write_bytes(make_docx(FR_PARAGRAPHS))
    kind, _, where = source.partition(":")
    article = web.url(where) if kind == "url" else str(tmp_path / where)
    status, out, err = await run_cli("who", question, "--json", "--article", article,
                                     allow=web.allow)
    assert status == 0, err
    answer = json.loads(out)
    assert answer["found"] and speaker in answer["results"][0]["quote"]["speaker"]


async def test_a_link_as_article_keeps_its_double_slash() -> None:
    # the link is never taken for a path ("The article file https:/www… does not exist")
    status, _, err = await run_cli("ask", "x", "--article", "https://127.0.0.1:9/none")
    assert status == 2
    assert "does not exist" not in err and "https:/1" not in err
    assert "private or local address" in err
