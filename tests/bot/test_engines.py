"""bot.engines: the LRU cache and its memory budget, the stored attribution and its version, and
the engine each chat gets (built once however many ask at the same time)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot import engines as engines_module
from bot.engines import (
    ChatEngines,
    EngineCache,
    article_of,
    attribution_version,
    decode_attribution,
    encode_attribution,
    estimate_bytes,
)
from bot.store import Store, content_hash
from index import Engine, parse_article
from index.quotes import extract_quotes

TEXTS = [
    "“We will reopen the bridge in June,” said Mayor Alma Ruiz.\nThe works cost 3 million.",
    "« Le pont rouvrira en juin », a déclaré le maire, Paul Girard.\nLes travaux ont coûté cher.",
    "“Fares will rise,” said Tom Avery, who runs the ferry.\nPassengers were angry.",
]


def _engine(text: str) -> Engine:
    return Engine(parse_article(text, source="t.txt"))


def test_cache_keeps_the_most_recently_used_within_its_budget() -> None:
    built = [_engine(text) for text in TEXTS]
    one = estimate_bytes(built[0].article)
    cache = EngineCache(budget_bytes=int(2.5 * one))
    hashes = [content_hash(e.article) for e in built]
    cache.put(hashes[0], built[0])
    cache.put(hashes[1], built[1])
    assert cache.get(hashes[0]) is not None  # 0 is now the most recent
    cache.put(hashes[2], built[2])
    assert hashes[1] not in cache and hashes[0] in cache and hashes[2] in cache
    assert cache.size <= cache.budget
    assert (cache.hits, cache.misses) == (1, 0)
    assert cache.get("missing") is None and cache.misses == 1


def test_an_engine_over_budget_alone_stays_while_in_use() -> None:
    engine = _engine(TEXTS[0])
    cache = EngineCache(budget_bytes=1)
    entry = cache.put(content_hash(engine.article), engine)
    assert len(cache) == 1 and entry.engine is engine


def test_attribution_round_trip_and_version() -> None:
    article = parse_article(TEXTS[1])
    quotes = tuple(q for q in extract_quotes(article) if q.start < q.end)
    blob = encode_attribution(quotes)
    assert decode_attribution(blob, attribution_version()) == quotes
    assert decode_attribution(blob, "another-version") is None
    assert decode_attribution(b"not a pickle", attribution_version()) is None
    assert decode_attribution(None, attribution_version()) is None
    # an engine built with the stored quotations answers as one that found them itself
    fresh, cached = Engine(article), Engine(article, quotes=quotes)
    for question in ("Qui a parlé du pont ?", "/who juin", "travaux"):
        assert fresh.answer("who", question) == cached.answer("who", question)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(None, tmp_path)
    try:
        yield opened
    finally:
        await opened.close()


async def test_a_chat_gets_its_own_engine_built_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = _engine(TEXTS[2])
    chats = ChatEngines(store, default, content_hash(default.article)[:6], 50_000_000)
    try:
        assert await chats.for_chat(1) is default
        article = parse_article(TEXTS[0], source="bridge.txt")
        stored = await store.add(1, article, "text")  # no attribution stored yet
        built = []
        real_build = engines_module._build

        def counting_build(*args: object) -> Engine:
            built.append(args)
            return real_build(*args)  # type: ignore[arg-type]

        monkeypatch.setattr(engines_module, "_build", counting_build)
        first, second = await asyncio.gather(chats.for_chat(1), chats.for_chat(1))
        assert first is second and len(built) == 1
        assert first.article == article_of(stored) == article
        # the quotations found were stored for the next time
        again = await store.current(1)
        assert again is not None
        assert decode_attribution(again.attribution, again.attribution_version) == first.quotes()
        # chat 2 holds nothing: the default engine, and no button of chat 1's article
        assert await chats.for_chat(2) is default
        print_ = chats.fingerprint(first)
        assert await chats.for_fingerprint(2, print_) is None
        assert await chats.for_fingerprint(1, print_) is first
        assert await chats.for_fingerprint(2, chats.default_fingerprint) is default
    finally:
        chats.close()
