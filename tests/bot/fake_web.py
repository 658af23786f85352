"""A small web server on 127.0.0.1 serving pages the tests wrote: news pages, a redirect chain, a
redirect to the loopback address, a 50 MB body, a server that never answers, an image, a 404, a
PDF, a .docx and plain text. Served with tornado, as the fake Bot API is."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field
from typing import Any

import tornado.httpserver
import tornado.iostream
import tornado.netutil
import tornado.web

from tests.fixtures.documents import (
    FR_AUTHOR,
    FR_PARAGRAPHS,
    FR_TITLE,
    PAGES,
    make_docx,
    make_pdf,
)

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
HUGE_BYTES = 50_000_000
EN_TEXT = (
    "Library fines scrapped across the county\n"
    "By Owen Pritchard\n"
    "Published 12 January 2026\n\n"
    "The county council has scrapped late fines at its 23 libraries, saying they kept poorer "
    "families away.\n\n"
    "“A fine of a few pounds can stop a child borrowing books for years,” said Helen Marsh, "
    "who leads the library service.\n"
    "Read more: Mobile library returns to the hills\n\n"
    "Overdue books will still have to be returned, and lost ones paid for, the council said."
)


@dataclass
class FakeWeb:
    """The server and what it was asked."""

    port: int = 0
    requests: list[str] = field(default_factory=list)
    user_agents: list[str] = field(default_factory=list)
    other_port: int = 0  # a port on 127.0.0.1 that is not allow-listed (the redirect target)
    _server: tornado.httpserver.HTTPServer | None = None
    _hang: asyncio.Event = field(default_factory=asyncio.Event)
    pages: dict[str, tuple[str, bytes]] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def allow(self) -> str:
        """FETCH_ALLOW_HOSTS naming this server only."""
        return f"127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    async def start(self) -> FakeWeb:
        self.pages = {
            "/news/bridge": ("text/html; charset=utf-8", (PAGES / "news_en.html").read_bytes()),
            "/fr/greve": ("text/html; charset=utf-8", (PAGES / "news_fr.html").read_bytes()),
            "/notes/library.txt": ("text/plain; charset=utf-8", EN_TEXT.encode()),
            "/docs/piscine.pdf": ("application/pdf", make_pdf(
                FR_PARAGRAPHS, title=FR_TITLE, author=FR_AUTHOR, created="D:20260310120000Z"
            )),
            "/docs/piscine.docx": (
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                make_docx(FR_PARAGRAPHS, title=FR_TITLE, author=FR_AUTHOR),
            ),
            "/img/photo.png": ("image/png", PNG),
            "/untyped": ("", (PAGES / "news_en.html").read_bytes()),
        }
        app = tornado.web.Application([
            (r"/r/(\d+)", _Redirect, {"web": self}),
            (r"/to-loopback", _ToLoopback, {"web": self}),
            (r"/huge", _Huge, {"web": self}),
            (r"/huge-announced", _HugeAnnounced, {"web": self}),
            (r"/hang", _Hang, {"web": self}),
            (r"(/.*)", _Page, {"web": self}),
        ])
        sockets = tornado.netutil.bind_sockets(0, "127.0.0.1")
        self.port = sockets[0].getsockname()[1]
        other = tornado.netutil.bind_sockets(0, "127.0.0.1")
        self.other_port = other[0].getsockname()[1]
        self._other = other
        self._server = tornado.httpserver.HTTPServer(app)
        self._server.add_sockets(sockets)
        # the not-allowed port serves the same pages: only the guard keeps the bot away
        self._server.add_sockets(other)
        return self

    async def stop(self) -> None:
        self._hang.set()
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()


class _Handler(tornado.web.RequestHandler):
    def initialize(self, web: FakeWeb) -> None:
        self.web = web
        web.requests.append(self.request.path)
        web.user_agents.append(self.request.headers.get("User-Agent", ""))

    def compute_etag(self) -> None:
        return None


class _Page(_Handler):
    async def get(self, path: str) -> None:
        page = self.web.pages.get(path)
        if page is None:
            self.set_status(404)
            self.set_header("Content-Type", "text/html")
            self.finish("<html><body><h1>Not found</h1></body></html>")
            return
        content_type, body = page
        if content_type:
            self.set_header("Content-Type", content_type)
        else:
            self.clear_header("Content-Type")
        self.finish(body)


class _Redirect(_Handler):
    """/r/N redirects to /r/N-1 … /r/1 to the news page: N redirects in all."""

    async def get(self, count: str) -> None:
        left = int(count) - 1
        self.redirect(f"/r/{left}" if left > 0 else "/news/bridge", status=302)


class _ToLoopback(_Handler):
    async def get(self) -> None:
        self.redirect(f"http://127.0.0.1:{self.web.other_port}/news/bridge", status=302)


class _Huge(_Handler):
    """50 MB of HTML, chunked, with no Content-Length: only a capped reader stops it."""

    async def get(self) -> None:
        self.set_header("Content-Type", "text/html")
        chunk = b"<p>" + b"filler text " * 5000 + b"</p>\n"
        sent = 0
        with contextlib.suppress(tornado.iostream.StreamClosedError):
            while sent < HUGE_BYTES:
                self.write(chunk)
                await self.flush()
                sent += len(chunk)
            await self.finish()


class _HugeAnnounced(_Handler):
    async def get(self) -> None:
        self.set_header("Content-Type", "text/html")
        self.set_header("Content-Length", str(HUGE_BYTES))
        with contextlib.suppress(tornado.iostream.StreamClosedError):
            self.write(b"<p>start</p>")
            await self.flush()
            await self.web._hang.wait()


class _Hang(_Handler):
    """Never answers (until the server stops)."""

    async def get(self) -> None:
        await self.web._hang.wait()
        with contextlib.suppress(tornado.iostream.StreamClosedError):
            self.finish("too late")


async def serve() -> Any:
    return await FakeWeb().start()
