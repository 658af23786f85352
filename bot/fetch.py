"""Safe download of a link a user sent: public addresses only, few redirects, seconds, bytes.

A link comes from anyone, so it may point the bot at its own machine or network (SSRF). Every hop
(the link and each redirect) is checked twice: its host name is resolved and every address must be
public before a request goes out; then httpx-secure checks the address the connection really
reaches, so that a name which resolves differently a moment later (DNS rebinding) is caught too.
Loopback, private, link-local, shared, multicast, reserved and unspecified addresses are refused,
whatever their spelling (IPv4-mapped, NAT64, 6to4 and Teredo IPv6 addresses are unwrapped);
``FETCH_ALLOW_HOSTS`` names the ``host[:port]`` that tests or an intranet may reach all the same.

At most ``max_redirects`` redirects, ``timeout`` seconds in all, ``max_bytes`` read as a stream
(the body is never read past the cap, redirect bodies not at all), HTML, plain text and PDF only,
proxies and ``.netrc`` of the environment ignored (``trust_env=False``), an honest user agent.
Every refusal is a :class:`FetchError` whose ``reason`` the bot turns into one sentence.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import socket
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx

from index.sources import SourceError, kind_of

log = logging.getLogger(__name__)

USER_AGENT = (
    "article-bot/0.1 (a Telegram bot reading one article a user shared with it; "
    "python-httpx)"
)
#: What a link may serve: a web page, plain text or a PDF.
ACCEPTED_TYPES: frozenset[str] = frozenset(
    {"text/html", "application/xhtml+xml", "text/plain", "application/pdf"}
)
# Served without a useful type: the first bytes tell (index.sources.kind_of).
_SNIFFED_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_CHUNK = 65_536

Reason = Literal[
    "bad_url",  # not an http(s) URL with a host
    "private_address",  # loopback, private, link-local, multicast, reserved …
    "too_many_redirects",
    "timeout",  # no complete answer within the time budget
    "too_big",  # over max_bytes (announced or read)
    "unsupported_type",  # an image, a video, a zip …
    "http_status",  # 4xx or 5xx
    "unreachable",  # no such host, connection refused or reset, TLS failure
]


class FetchError(Exception):
    """A link the bot will not or cannot read; ``reason`` says why (see :data:`Reason`)."""

    def __init__(self, reason: Reason, message: str, **detail: object) -> None:
        super().__init__(message)
        self.reason: Reason = reason
        self.detail: dict[str, object] = detail


@dataclass(frozen=True)
class FetchLimits:
    """How far a download may go (settings FETCH_*)."""

    timeout: float = 10.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    #: (host, port or None): reachable even on a private or loopback address
    allow_hosts: frozenset[tuple[str, int | None]] = frozenset()
    user_agent: str = USER_AGENT

    @classmethod
    def of(cls, settings: Any) -> FetchLimits:
        """The limits that FETCH_* settings (bot.settings.Settings) set."""
        return cls(
            timeout=settings.fetch_timeout_seconds,
            max_bytes=settings.fetch_max_bytes,
            max_redirects=settings.fetch_max_redirects,
            allow_hosts=parse_allow_hosts(settings.fetch_allow_hosts),
        )


@dataclass(frozen=True)
class Fetched:
    """What a link served: the bytes and what the server said they are."""

    url: str  # the address the content came from, after redirects
    data: bytes
    content_type: str  # "text/html", … ("" when the server gave none)
    charset: str | None = None
    redirects: tuple[str, ...] = field(default=())


def parse_allow_hosts(value: str | None) -> frozenset[tuple[str, int | None]]:
    """``"127.0.0.1:8080, intranet.example"`` → {("127.0.0.1", 8080), ("intranet.example", None)}.

    Raises ValueError naming the entry that is not ``host[:port]``.
    """
    hosts: set[tuple[str, int | None]] = set()
    for raw in (value or "").split(","):
        entry = raw.strip().lower()
        if not entry:
            continue
        host, port = entry, None
        if entry.startswith("["):  # [::1]:8080
            inner, _, rest = entry[1:].partition("]")
            host = inner
            if rest:
                if not rest.startswith(":") or not rest[1:].isdigit():
                    raise ValueError(f"{raw.strip()!r} is not host[:port]")
                port = int(rest[1:])
        elif entry.count(":") == 1:
            host, _, digits = entry.partition(":")
            if not digits.isdigit():
                raise ValueError(f"{raw.strip()!r} is not host[:port]")
            port = int(digits)
        if not host or (port is not None and not 0 < port < 65536) or "/" in host:
            raise ValueError(f"{raw.strip()!r} is not host[:port]")
        hosts.add((host, port))
    return frozenset(hosts)


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address is on the public internet (and so not the bot's own network)."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(address.packed[-4:])
        if embedded is None and address.teredo is not None:
            embedded = address.teredo[1]
        if embedded is not None and not is_public(embedded):
            return False
    return address.is_global and not (
        address.is_multicast
        or address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_unspecified
    )


def is_allowed(host: str, port: int, allow_hosts: Iterable[tuple[str, int | None]]) -> bool:
    """Whether ``host:port`` is named by FETCH_ALLOW_HOSTS."""
    name = host.lower().strip("[]")
    return any(name == allowed and wanted in (None, port) for allowed, wanted in allow_hosts)


def _default_port(url: httpx.URL) -> int:
    return url.port or (443 if url.scheme == "https" else 80)


def _check_url(url: httpx.URL) -> None:
    if url.scheme not in ("http", "https") or not url.host:
        raise FetchError("bad_url", f"{url} is not an http or https link.")
    if url.userinfo:
        raise FetchError("bad_url", "Links with a user name or password are not read.")


class Fetcher:
    """One HTTP client for the bot's life (connections reused), every download checked.

    Open it in the event loop that uses it; :meth:`aclose` at shutdown.
    """

    def __init__(self, limits: FetchLimits | None = None) -> None:
        self.limits = limits or FetchLimits()
        self._client: httpx.AsyncClient | None = None

    def _validator(self, hostname: str, ip: ipaddress.IPv4Address | ipaddress.IPv6Address,
                   port: int) -> bool:
        """httpx-secure's check of the address a connection really reaches."""
        return is_allowed(hostname, port, self.limits.allow_hosts) or is_public(ip)

    def _client_for_loop(self) -> httpx.AsyncClient:
        # loaded at the first link, not at start-up (~0.07 s)
        from httpx_secure import httpx_ssrf_protection

        if self._client is None or self._client.is_closed:
            client = httpx.AsyncClient(
                trust_env=False,  # no proxy, no .netrc, no SSL_CERT_FILE from the environment
                follow_redirects=False,  # each hop is checked here before it is requested
                timeout=httpx.Timeout(self.limits.timeout),
                headers={
                    "User-Agent": self.limits.user_agent,
                    "Accept": "text/html,application/xhtml+xml,text/plain,application/pdf;"
                    "q=0.9,*/*;q=0.1",
                    "Accept-Encoding": "gzip, deflate",
                },
                limits=httpx.Limits(max_connections=20, max_keepalive_connections=10),
            )
            self._client = httpx_ssrf_protection(
                client,
                check_globally_reachable=False,  # _validator decides, allow-list included
                custom_validator=self._validator,
                dns_cache_ttl=60,
            )
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def _check_host(self, url: httpx.URL) -> None:
        """Resolve the hop's host: every address must be public (or the host allow-listed)."""
        host, port = url.host, _default_port(url)
        if is_allowed(host, port, self.limits.allow_hosts):
            return
        try:
            addresses = [ipaddress.ip_address(host)]
        except ValueError:
            loop = asyncio.get_running_loop()
            try:
                infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except (socket.gaierror, UnicodeError) as error:
                raise FetchError("unreachable", f"{host} cannot be found.", host=host) from error
            addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
        if not addresses or not all(is_public(address) for address in addresses):
            raise FetchError(
                "private_address", f"{host} is a private or local address.", host=host
            )

    async def fetch(self, link: str) -> Fetched:
        """The bytes a link serves, within the limits; :class:`FetchError` otherwise."""
        try:
            url = httpx.URL(link.strip())
        except (httpx.InvalidURL, TypeError, ValueError):
            raise FetchError("bad_url", "That is not a link the bot can read.") from None
        _check_url(url)
        try:
            async with asyncio.timeout(self.limits.timeout):
                return await self._follow(url)
        except TimeoutError:
            raise FetchError(
                "timeout", f"{url.host} did not answer within {self.limits.timeout:g} s.",
                host=url.host,
            ) from None

    async def _follow(self, url: httpx.URL) -> Fetched:
        from httpx_secure import SSRFProtectionError

        client = self._client_for_loop()
        hops: list[str] = []
        while True:
            _check_url(url)
            await self._check_host(url)
            try:
                request = client.build_request("GET", url)
                response = await client.send(request, stream=True)
            except SSRFProtectionError:
                raise FetchError(
                    "private_address", f"{url.host} is a private or local address.",
                    host=url.host,
                ) from None
            except httpx.TimeoutException:
                raise FetchError("timeout", f"{url.host} did not answer in time.",
                                 host=url.host) from None
            except (httpx.HTTPError, OSError) as error:
                log.info("Fetching %s failed: %s", url.host, error)
                raise FetchError("unreachable", f"{url.host} cannot be reached.",
                                 host=url.host) from None
            try:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    if len(hops) >= self.limits.max_redirects:
                        raise FetchError(
                            "too_many_redirects",
                            f"The link redirects more than {self.limits.max_redirects} times.",
                        )
                    hops.append(str(url))
                    try:
                        url = url.join(response.headers["location"])
                    except (httpx.InvalidURL, ValueError):
                        raise FetchError("bad_url", "The link redirects to a bad address.") \
                            from None
                    continue  # the redirect's own body is never read
                return await self._body(response, url, tuple(hops))
            finally:
                with contextlib.suppress(httpx.HTTPError, OSError):
                    await response.aclose()

    async def _body(
        self, response: httpx.Response, url: httpx.URL, hops: tuple[str, ...]
    ) -> Fetched:
        if response.status_code >= 400:
            raise FetchError(
                "http_status", f"{url.host} answered {response.status_code}.",
                status=response.status_code, phrase=response.reason_phrase,
            )
        mime, charset = _content_type(response.headers.get("content-type", ""))
        if mime not in ACCEPTED_TYPES and mime not in _SNIFFED_TYPES:
            raise FetchError(
                "unsupported_type", f"The link serves {mime}, not a page, text or PDF.",
                content_type=mime,
            )
        limit = self.limits.max_bytes
        announced = response.headers.get("content-length", "")
        if announced.isdigit() and int(announced) > limit:
            raise FetchError("too_big", f"The page is over {limit:,} bytes.", limit=limit)
        chunks: list[bytes] = []
        size = 0
        try:
            async for chunk in response.aiter_bytes(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise FetchError("too_big", f"The page is over {limit:,} bytes.",
                                     limit=limit)
                chunks.append(chunk)
        except httpx.TimeoutException:
            raise FetchError("timeout", f"{url.host} did not send the page in time.",
                             host=url.host) from None
        except (httpx.HTTPError, OSError) as error:
            log.info("Reading %s failed: %s", url.host, error)
            raise FetchError("unreachable", f"{url.host} broke off the download.",
                             host=url.host) from None
        data = b"".join(chunks)
        if mime in _SNIFFED_TYPES and not _looks_like_article(data):
            raise FetchError(
                "unsupported_type", "The link serves something other than a page, text or PDF.",
                content_type=mime or "unknown",
            )
        return Fetched(str(url), data, mime, charset, hops)


def _content_type(header: str) -> tuple[str, str | None]:
    mime, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return mime.strip().lower(), charset


def _looks_like_article(data: bytes) -> bool:
    """Untyped bytes that are a PDF, an HTML page or text (never an image or an archive)."""
    try:
        kind = kind_of(data)
    except SourceError:
        return False
    return kind in ("pdf", "html", "text")


def describe(error: FetchError) -> dict[str, Any]:
    """The values a refusal sentence names (status, content type, limit, host)."""
    return dict(error.detail)
