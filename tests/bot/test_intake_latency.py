"""While a 1,000-paragraph document is taken in by one chat, another chat's questions are answered
at their usual speed: extraction and attribution run in a worker process, indexing in a thread.
The figures (median, 90th percentile, worst, how many questions) go to .reliability/figures.json
and are printed."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest

from bot.app import TelegramApp
from bot.settings import Settings
from tests.bot import figures
from tests.bot.fake_telegram import (
    EN_USER,
    FR_USER,
    TOKEN,
    FakeTelegram,
    document_message,
    private_chat,
    text_message,
)
from tests.fixtures.documents import corpus_article

pytestmark = pytest.mark.slow

PARAGRAPHS = 1000
MEDIAN_LIMIT = 0.050  # seconds, from the question reaching the Bot API to the answer sent
QUESTIONS = ["/who blague", "Qui a parlé du Kazakhstan ?", "/quote armes nucléaires",
             "nuclear weapons for everyone", "/speakers"]


async def _ask_timed(telegram: FakeTelegram, chat: dict[str, object], n: int) -> float:
    """Ask one question in ``chat``; seconds until its answer was sent."""
    question = text_message(telegram, chat, FR_USER, QUESTIONS[n % len(QUESTIONS)])
    asked = time.monotonic()
    telegram.push("message", question)
    await telegram.wait_for(
        lambda: any(s["reply_parameters"]["message_id"] == question["message_id"]
                    for s in telegram.sent),
        "the other chat's answer", timeout=30,
    )
    return time.monotonic() - asked


@pytest.fixture
def settings(telegram: FakeTelegram, tmp_path: Path) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token=TOKEN,
        telegram_bot_api_url=telegram.base_url,
        data_dir=tmp_path / "data",
        chat_rate_limit=1000,  # the asking chat asks fast on purpose
        overall_rate_limit=0,  # no pacing at 30 messages a second: it would be what we measure
        intake_timeout_seconds=120,
    )


async def test_other_chats_are_answered_while_a_big_document_is_taken_in(
    bot: TelegramApp, telegram: FakeTelegram
) -> None:
    big, asking = private_chat(EN_USER), private_chat(FR_USER)
    # warm the intake worker with a small document first: its start is not what is measured
    small = document_message(telegram, big, EN_USER, b"Un.\nDeux.\nTrois.", "a.txt",
                             "text/plain")
    telegram.push("message", small)
    await telegram.wait_sent(len(telegram.sent) + 1, timeout=60)
    baseline = [await _ask_timed(telegram, asking, n) for n in range(20)]
    data = corpus_article(PARAGRAPHS).encode()
    document = document_message(telegram, big, EN_USER, data, "report.txt", "text/plain")
    started = time.monotonic()
    telegram.push("message", document)
    latencies: list[float] = []
    card_sent = None
    while card_sent is None and time.monotonic() - started < 110:
        before = len(telegram.sent)
        latencies.append(await _ask_timed(telegram, asking, len(latencies)))
        for sent in telegram.sent[before:]:
            if sent["reply_parameters"]["message_id"] == document["message_id"]:
                card_sent = time.monotonic() - started
    assert card_sent is not None, "the 1,000-paragraph document was never taken in"
    card = next(s for s in telegram.sent
                if s["reply_parameters"]["message_id"] == document["message_id"])
    assert f"{PARAGRAPHS} paragraphs" in card["visible"], card["visible"]
    median = statistics.median(latencies)
    p90 = sorted(latencies)[int(0.9 * (len(latencies) - 1))]
    figures.record(
        "articles::latency_while_taking_in", questions_asked=len(latencies),
        intake_seconds=round(card_sent, 2), median_ms=round(median * 1000, 1),
        p90_ms=round(p90 * 1000, 1), worst_ms=round(max(latencies) * 1000, 1),
        median_ms_before=round(statistics.median(baseline) * 1000, 1),
    )
    print(f"\n{len(latencies)} questions while a {PARAGRAPHS}-paragraph document was taken in "
          f"({card_sent:.1f} s): median {median * 1000:.1f} ms, p90 {p90 * 1000:.1f} ms, "
          f"worst {max(latencies) * 1000:.1f} ms; before it: median "
          f"{statistics.median(baseline) * 1000:.1f} ms")
    assert len(latencies) >= 10
    assert median < MEDIAN_LIMIT
