"""Abuse: a chat flooding the bot is throttled (one polite notice) without slowing other chats;
ALLOWED_CHAT_IDS turns other chats away with one refusal line; huge or binary articles are refused.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from bot.settings import Settings
from index import Engine
from index.article import MAX_ARTICLE_BYTES
from tests.bot import figures
from tests.bot.conftest import running
from tests.bot.fake_telegram import (
    EN_USER,
    FR_USER,
    OTHER_USER,
    SUPERGROUP,
    FakeTelegram,
    assert_silent,
    private_chat,
    text_message,
)
from tests.bot.processes import ROOT

FLOOD = 100  # questions from one chat
FLOOD_SECONDS = 5.0  # … within this time (the issue says ten seconds; faster is harder)
LATENCY_LIMIT = 1.0  # seconds another chat may wait for its answer during the flood


async def _latency(telegram: FakeTelegram, chat: dict[str, Any], user: dict[str, Any]) -> float:
    """Ask one question in ``chat``; the seconds until it is answered."""
    message = text_message(telegram, chat, user, "/who blague")
    started = time.monotonic()
    telegram.push("message", message)
    while not telegram.answered().get(message["message_id"]):
        await asyncio.sleep(0.005)
        assert time.monotonic() - started < 20, "never answered"
    return time.monotonic() - started


@pytest.mark.slow
@pytest.mark.parametrize(
    ("flooder", "user", "text"),
    [
        (private_chat(FR_USER), FR_USER, "Qui a parlé du Kazakhstan ?"),
        (SUPERGROUP, FR_USER, "@ArticleTestBot qui a parlé du Kazakhstan ?"),
    ],
    ids=["private", "supergroup"],
)
async def test_a_flooding_chat_gets_one_notice_and_others_are_not_slowed(
    telegram: FakeTelegram, settings: Settings, engine: Engine,
    flooder: dict[str, Any], user: dict[str, Any], text: str,
) -> None:
    others = [(private_chat(EN_USER), EN_USER), (private_chat(OTHER_USER), OTHER_USER)]
    async with running(settings, engine):
        quiet = [await _latency(telegram, chat, who) for chat, who in others * 3]
        flood_ids = []
        during: list[float] = []
        started = time.monotonic()
        for number in range(FLOOD):
            message = text_message(telegram, flooder, user, text)
            telegram.push("message", message)
            flood_ids.append(message["message_id"])
            if number % 10 == 5:
                chat, who = others[number // 10 % 2]
                during.append(await _latency(telegram, chat, who))
            await asyncio.sleep(FLOOD_SECONDS / FLOOD)
        flood_seconds = time.monotonic() - started
        await assert_silent(telegram)  # every flood message has been handled
    replies = [s for s in telegram.sent if s["reply_parameters"]["message_id"] in flood_ids]
    notices = [s for s in replies if s["visible"].startswith("Beaucoup de questions")]
    assert len(notices) == 1
    assert len(replies) == settings.chat_rate_limit + 1  # the limit, then the one notice
    assert flood_seconds <= 10.5
    assert max(during) < LATENCY_LIMIT, (quiet, during)
    figures.record(
        f"abuse::flood-{flooder['type']}", flood_questions=FLOOD,
        flood_seconds=round(flood_seconds, 2), flood_replies=len(replies),
        other_latency_quiet_median_ms=round(statistics.median(quiet) * 1000, 1),
        other_latency_flood_median_ms=round(statistics.median(during) * 1000, 1),
        other_latency_flood_max_ms=round(max(during) * 1000, 1),
    )


async def test_a_chat_outside_allowed_chat_ids_gets_one_refusal_line_then_silence(
    telegram: FakeTelegram, settings: Settings, engine: Engine
) -> None:
    limited = settings.model_copy(update={"allowed_chat_ids": str(EN_USER["id"])})
    french = private_chat(FR_USER)
    async with running(limited, engine):
        first = text_message(telegram, french, FR_USER, "/start")
        telegram.push("message", first)
        refusal = (await telegram.wait_sent(1))[0]
        assert refusal["reply_parameters"]["message_id"] == first["message_id"]
        assert refusal["visible"].count("\n") == 0 and "bot" in refusal["visible"].lower()
        # Then silence, for questions and commands alike, and for a group that is not allowed.
        await assert_silent(
            telegram,
            ("message", text_message(telegram, french, FR_USER, "Qui a parlé ?")),
            ("message", text_message(telegram, french, FR_USER, "/who blague")),
            ("message", text_message(telegram, SUPERGROUP, FR_USER, "bonjour à tous")),
        )


async def test_a_group_outside_allowed_chat_ids_is_refused_only_when_it_addresses_the_bot(
    telegram: FakeTelegram, settings: Settings, engine: Engine
) -> None:
    limited = settings.model_copy(update={"allowed_chat_ids": str(EN_USER["id"])})
    async with running(limited, engine):
        await assert_silent(
            telegram, ("message", text_message(telegram, SUPERGROUP, FR_USER, "bonjour"))
        )
        before = len(telegram.sent)
        telegram.push("message", text_message(telegram, SUPERGROUP, FR_USER, "/who blague"))
        refusal = (await telegram.wait_sent(before + 1))[-1]
        assert refusal["chat_id"] == SUPERGROUP["id"]
        await assert_silent(
            telegram, ("message", text_message(telegram, SUPERGROUP, FR_USER, "/who blague"))
        )


def _group_replies(telegram: FakeTelegram) -> int:
    return sum(1 for sent in telegram.sent if sent["chat_id"] == SUPERGROUP["id"])


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=cwd, capture_output=True, text=True,
        timeout=60, env={"PYTHONPATH": str(ROOT), "HOME": str(cwd), "PATH": "/usr/bin:/bin"},
    )


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("huge.txt", b"Le ministre a dit.\n" * (MAX_ARTICLE_BYTES // 19 + 1),
         f"the limit is {MAX_ARTICLE_BYTES:,} bytes"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
         "is binary, not plain text"),
        ("latin1.txt", "Le président a déclaré".encode("latin-1"), "is not UTF-8 text"),
    ],
)
def test_a_huge_or_binary_article_is_refused_in_one_line(
    tmp_path: Path, name: str, content: bytes, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    for command in (["quotes"], ["ask", "paix"], ["chat"]):
        done = _cli(*command, "--article", str(path), cwd=tmp_path)
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1 and says in done.stderr, done.stderr
        assert "Traceback" not in done.stderr and not done.stdout


@pytest.mark.slow
async def test_a_burst_of_a_hundred_group_questions_in_one_batch_does_not_hold_up_others(
    telegram: FakeTelegram, settings: Settings, engine: Engine
) -> None:
    """The flood arrives in one getUpdates batch: its waiting updates must not take every slot."""
    async with running(settings, engine):
        await _latency(telegram, private_chat(EN_USER), EN_USER)  # warmed up
        text = "@ArticleTestBot qui a parlé du Kazakhstan ?"
        for _ in range(FLOOD):
            telegram.push("message", text_message(telegram, SUPERGROUP, FR_USER, text))
        waited = await _latency(telegram, private_chat(OTHER_USER), OTHER_USER)
        # The group's last reply waits for Telegram's 20 messages a minute in a group (~3 s).
        expected = settings.chat_rate_limit + 1
        deadline = time.monotonic() + 20
        while _group_replies(telegram) < expected and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.5)  # nothing more comes
    assert _group_replies(telegram) == expected
    assert waited < LATENCY_LIMIT
    figures.record("abuse::burst-supergroup", burst_latency_ms=round(waited * 1000, 1))
