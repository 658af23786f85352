"""bot.fetch against a real web server on 127.0.0.1: what is read, and every refusal."""

from __future__ import annotations

import ipaddress
import time
from collections.abc import AsyncIterator

import pytest

from bot.fetch import Fetcher, FetchError, FetchLimits, is_public, parse_allow_hosts
from tests.bot.fake_web import FakeWeb


@pytest.fixture
async def web() -> AsyncIterator[FakeWeb]:
    server = await FakeWeb().start()
    try:
        yield server
    finally:
        await server.stop()


def _fetcher(web: FakeWeb, **limits: object) -> Fetcher:
    allow = parse_allow_hosts(web.allow)
    return Fetcher(FetchLimits(allow_hosts=allow, **limits))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:4700::1111", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.9", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("224.0.0.1", False),  # multicast, which Python calls global
        ("239.255.255.250", False),
        ("240.0.0.1", False),  # reserved
        ("255.255.255.255", False),
        ("::1", False),
        ("::", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("ff02::1", False),
        ("::ffff:127.0.0.1", False),  # IPv4-mapped loopback
        ("64:ff9b::a00:1", False),  # NAT64 of 10.0.0.1
        ("2002:7f00:1::", False),  # 6to4 of 127.0.0.1
    ],
)
def test_is_public(address: str, public: bool) -> None:
    assert is_public(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", frozenset()),
        ("127.0.0.1:8080", {("127.0.0.1", 8080)}),
        (" Intranet.Example , 10.0.0.5:443", {("intranet.example", None), ("10.0.0.5", 443)}),
        ("[::1]:9000", {("::1", 9000)}),
    ],
)
def test_parse_allow_hosts(value: str, expected: set[tuple[str, int | None]]) -> None:
    assert parse_allow_hosts(value) == expected


@pytest.mark.parametrize("value", ["127.0.0.1:http", "host:0", "host:70000", "http://x/y"])
def test_parse_allow_hosts_refuses(value: str) -> None:
    with pytest.raises(ValueError):
        parse_allow_hosts(value)


async def test_reads_a_page_with_an_honest_user_agent(web: FakeWeb) -> None:
    fetcher = _fetcher(web)
    try:
        fetched = await fetcher.fetch(web.url("/news/bridge"))
    finally:
        await fetcher.aclose()
    assert fetched.content_type == "text/html" and fetched.charset == "utf-8"
    assert b"Old Harbour bridge" in fetched.data
    assert web.user_agents[-1].startswith("article-bot/")


async def test_follows_five_redirects_not_six(web: FakeWeb) -> None:
    fetcher = _fetcher(web)
    try:
        fetched = await fetcher.fetch(web.url("/r/5"))
        assert fetched.url.endswith("/news/bridge") and len(fetched.redirects) == 5
        with pytest.raises(FetchError) as raised:
            await fetcher.fetch(web.url("/r/6"))
    finally:
        await fetcher.aclose()
    assert raised.value.reason == "too_many_redirects"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/to-loopback", "private_address"),
        ("/huge", "too_big"),
        ("/huge-announced", "too_big"),
        ("/img/photo.png", "unsupported_type"),
        ("/docs/piscine.docx", "unsupported_type"),
        ("/nowhere", "http_status"),
    ],
)
async def test_refusals(web: FakeWeb, path: str, reason: str) -> None:
    fetcher = _fetcher(web)
    try:
        with pytest.raises(FetchError) as raised:
            await fetcher.fetch(web.url(path))
    finally:
        await fetcher.aclose()
    assert raised.value.reason == reason
    if path == "/to-loopback":
        # the page on the other port was never requested: the guard stopped the redirect
        assert web.requests.count("/news/bridge") == 0


async def test_a_body_over_the_cap_is_not_read_to_the_end(web: FakeWeb) -> None:
    fetcher = _fetcher(web, max_bytes=1_000_000)
    started = time.monotonic()
    try:
        with pytest.raises(FetchError) as raised:
            await fetcher.fetch(web.url("/huge"))
    finally:
        await fetcher.aclose()
    assert raised.value.reason == "too_big"
    assert time.monotonic() - started < 5


async def test_a_server_that_never_answers_costs_the_time_budget_only(web: FakeWeb) -> None:
    fetcher = _fetcher(web, timeout=1.0)
    started = time.monotonic()
    try:
        with pytest.raises(FetchError) as raised:
            await fetcher.fetch(web.url("/hang"))
    finally:
        await fetcher.aclose()
    assert raised.value.reason == "timeout"
    assert 0.9 < time.monotonic() - started < 3


@pytest.mark.parametrize(
    "link",
    [
        "http://localhost:{port}/news/bridge",  # a name that resolves to loopback
        "http://127.0.0.1:{other}/news/bridge",  # loopback, a port not allow-listed
        "http://[::1]:{port}/news/bridge",
        "http://2130706433:{port}/news/bridge",  # 127.0.0.1 written as one number
        "http://0x7f.1:{port}/news/bridge",
        "http://169.254.169.254/latest/meta-data/",
    ],
)
async def test_private_addresses_are_refused_before_any_request(web: FakeWeb, link: str) -> None:
    fetcher = _fetcher(web, timeout=2.0)
    try:
        with pytest.raises(FetchError) as raised:
            await fetcher.fetch(link.format(port=web.port, other=web.other_port))
    finally:
        await fetcher.aclose()
    assert raised.value.reason in ("private_address", "unreachable", "bad_url")
    assert raised.value.reason == "private_address" or "0x7f" in link
    assert web.requests == []


async def test_the_connection_is_checked_too(
    web: FakeWeb, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name that resolved to a public address a moment ago but reaches loopback now (DNS
    rebinding) is stopped where the connection is made (httpx-secure)."""

    async def resolved_public(self: Fetcher, url: object) -> None:
        return None

    monkeypatch.setattr(Fetcher, "_check_host", resolved_public)
    fetcher = _fetcher(web)
    try:
        with pytest.raises(FetchError) as raised:
            await fetcher.fetch(f"http://localhost:{web.port}/news/bridge")
    finally:
        await fetcher.aclose()
    assert raised.value.reason == "private_address"
    assert web.requests == []


@pytest.mark.parametrize(
    "link", ["ftp://example.org/a", "file:///etc/passwd", "javascript:alert(1)",
             "http://user:secret@example.org/", "not a link"],
)
async def test_bad_links(link: str) -> None:
    fetcher = Fetcher()
    try:
        with pytest.raises(FetchError) as raised:
            await fetcher.fetch(link)
    finally:
        await fetcher.aclose()
    assert raised.value.reason in ("bad_url",)


async def test_untyped_bytes_are_sniffed(web: FakeWeb) -> None:
    fetcher = _fetcher(web)
    try:
        fetched = await fetcher.fetch(web.url("/untyped"))
    finally:
        await fetcher.aclose()
    assert fetched.content_type in ("", "application/octet-stream")
    assert b"Old Harbour" in fetched.data
