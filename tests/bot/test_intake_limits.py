"""The time budget and the size cap of taking an article in: one sentence each, the chat keeps
its article, and the next article is taken in by a fresh worker."""

from __future__ import annotations

from pathlib import Path

from bot.settings import Settings
from index import Engine
from tests.bot.conftest import running
from tests.bot.fake_telegram import (
    EN_USER,
    FakeTelegram,
    ask,
    document_message,
    private_chat,
    send,
)
from tests.bot.fake_web import EN_TEXT
from tests.fixtures.documents import corpus_article

CHAT = private_chat(EN_USER)


async def test_over_the_time_budget_then_a_fresh_worker(
    telegram: FakeTelegram, settings: Settings, engine: Engine, tmp_path: Path
) -> None:
    # a budget a long document cannot meet on any machine: 4,000 paragraphs take well over a
    # second to read, a few small ones a few milliseconds
    tight = settings.model_copy(
        update={"intake_timeout_seconds": 0.25, "intake_max_paragraphs": 4000}
    )
    async with running(tight, engine):
        # (the first job also starts the worker: a small one first, so that only the big one
        # meets the budget)
        small = document_message(telegram, CHAT, EN_USER, EN_TEXT.encode(), "lib.txt",
                                 "text/plain")
        first = (await send(telegram, small))["visible"]
        for _ in range(4):  # a slow or busy machine: the worker's start alone took the budget
            if "took over" not in first:
                break
            first = (await send(telegram, document_message(
                telegram, CHAT, EN_USER, EN_TEXT.encode(), "lib.txt", "text/plain"
            )))["visible"]
        assert "Library fines scrapped" in first
        big = document_message(telegram, CHAT, EN_USER, corpus_article(4000).encode(),
                               "report.txt", "text/plain")
        shown = (await send(telegram, big))["visible"]
        assert shown == "That article took over 0.25 seconds to read: try a shorter one."
        # the chat keeps its article, and a fresh worker takes the next one
        assert "Helen Marsh" in (await ask(telegram, CHAT, EN_USER, "/speakers"))["visible"]


async def test_over_the_paragraph_cap(
    telegram: FakeTelegram, settings: Settings, engine: Engine
) -> None:
    capped = settings.model_copy(update={"intake_max_paragraphs": 10})
    async with running(capped, engine):
        data = corpus_article(30).encode()
        shown = (await send(telegram, document_message(
            telegram, CHAT, EN_USER, data, "long.txt", "text/plain"
        )))["visible"]
        assert shown == "That article has 30 paragraphs; I take at most 10."
        assert "Tokayev" in (await ask(telegram, CHAT, EN_USER, "/who blague"))["visible"]
