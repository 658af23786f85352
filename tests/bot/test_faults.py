"""Faults of the Bot API (429, 500, 502, connection reset, slow and invalid answers, outages):
the bot keeps running, backs off, and answers every question once, after the server recovers.

Time is compressed 20×: the issue's "getUpdates failing for a minute" is OUTAGE_SECONDS (3 s)
here; the client's back-off (1 s, then ×1.5, up to 30 s) is the same as in production.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time

import pytest

from bot.app import build_application
from bot.retry import Backoff, initialize_with_retries
from bot.settings import Settings, SettingsError
from index import Engine
from tests.bot import figures
from tests.bot.conftest import running
from tests.bot.fake_telegram import (
    EN_USER,
    FR_USER,
    OTHER_USER,
    SUPERGROUP,
    TOKEN,
    FakeTelegram,
    private_chat,
    text_message,
)

# Stands for the minute of failing getUpdates (20× compressed); OUTAGE_SECONDS=60 in the
# environment runs the real minute.
OUTAGE_SECONDS = float(os.environ.get("OUTAGE_SECONDS", "3"))
QUESTIONS = [
    (EN_USER, "/who blague"),
    (FR_USER, "Qui a parlé du Kazakhstan ?"),
    (OTHER_USER, "/quote Kazakhstan"),
    (EN_USER, "nuclear weapons"),
]


def _queue_questions(telegram: FakeTelegram, rounds: int = 1) -> list[int]:
    """Queue the questions (``rounds`` times) from private chats; return their message ids."""
    ids = []
    for _ in range(rounds):
        for user, text in QUESTIONS:
            message = text_message(telegram, private_chat(user), user, text)
            telegram.push("message", message)
            ids.append(message["message_id"])
    return ids


async def _wait_faults(telegram: FakeTelegram, method: str, count: int, timeout: float) -> None:
    """Wait until ``count`` faults were served to ``method`` calls (polls come and go freely)."""
    deadline = time.monotonic() + timeout
    while sum(1 for served, _ in telegram.faults_served if served == method) < count:
        assert time.monotonic() < deadline, f"fewer than {count} faults met by {method}"
        await asyncio.sleep(0.02)


def _assert_each_answered_once(telegram: FakeTelegram, ids: list[int]) -> None:
    answered = telegram.answered()
    assert {i: answered.get(i, 0) for i in ids} == dict.fromkeys(ids, 1)
    assert not telegram.rejected()
    apologies = [s for s in telegram.sent if "Sorry" in s["visible"] or "Désolé" in s["visible"]]
    assert not apologies


@pytest.mark.parametrize(
    ("method", "kind", "times"),
    [
        ("getUpdates", "429", 2),
        ("getUpdates", "500", 2),
        ("getUpdates", "502", 2),
        ("getUpdates", "reset", 2),
        ("getUpdates", "bad_json", 2),
        ("sendMessage", "429", 2),
        ("sendMessage", "500", 2),
        ("sendMessage", "502", 2),
        ("sendMessage", "reset", 2),
    ],
)
async def test_a_failing_call_is_retried_and_every_question_answered_once(
    telegram: FakeTelegram, settings: Settings, engine: Engine, method: str, kind: str, times: int
) -> None:
    async with running(settings, engine):
        await telegram.wait_call("getUpdates")
        telegram.inject(method, kind, times=times)
        ids = _queue_questions(telegram)
        await telegram.wait_sent(len(ids), timeout=20)
        # A poll already waiting may deliver before the faults: they still meet later polls.
        await _wait_faults(telegram, method, times, timeout=20)
    _assert_each_answered_once(telegram, ids)
    served = [f for f in telegram.faults_served if f == (method, kind)]
    assert len(served) == times
    figures.record(
        f"faults::{method}-{kind}", faults_injected=len(served), questions_asked=len(ids),
        questions_lost=sum(1 for i in ids if i not in telegram.answered()),
    )


@pytest.mark.slow
async def test_a_getupdates_answer_slower_than_the_timeout_loses_nothing(
    telegram: FakeTelegram, settings: Settings, engine: Engine
) -> None:
    async with running(settings, engine):
        await telegram.wait_call("getUpdates")
        # The long poll is 1 s in the tests, plus python-telegram-bot's 5 s read timeout.
        telegram.inject("getUpdates", "slow", delay=7.0)
        await _wait_faults(telegram, "getUpdates", 1, timeout=5)  # the slow poll has begun
        ids = _queue_questions(telegram)  # … and will hold these when it answers, too late
        await telegram.wait_sent(len(ids), timeout=30)
    _assert_each_answered_once(telegram, ids)
    figures.record("faults::getUpdates-slow", faults_injected=1, questions_asked=len(ids))


@pytest.mark.slow
async def test_getupdates_failing_for_a_while_then_every_question_is_answered_once(
    telegram: FakeTelegram, settings: Settings, engine: Engine
) -> None:
    async with running(settings, engine):
        await telegram.wait_call("getUpdates")
        started = time.monotonic()
        # Half the outage answers 502, the other half resets the connection.
        telegram.outage(OUTAGE_SECONDS / 2, "502", methods=("getUpdates",))
        telegram.outage(OUTAGE_SECONDS, "reset", methods=("getUpdates",))
        # Questions come once the outage is met: a poll begun before it cannot deliver them.
        await _wait_faults(telegram, "getUpdates", 1, timeout=5)
        ids = _queue_questions(telegram, rounds=5)
        group = text_message(
            telegram, SUPERGROUP, FR_USER, "@ArticleTestBot qui a parlé du Kazakhstan ?"
        )
        telegram.push("message", group)
        ids.append(group["message_id"])
        sent = await telegram.wait_sent(len(ids), timeout=30 + OUTAGE_SECONDS * 1.5)
        assert time.monotonic() - started >= OUTAGE_SECONDS  # nothing got through early
        calls_during = [
            c for c in telegram.calls
            if c.method == "getUpdates" and (c.error or "").startswith("fault")
        ]
        # Backed off: a handful of attempts in the outage, not a busy loop.
        assert 2 <= len(calls_during) <= max(8, OUTAGE_SECONDS / 4)
    assert len(sent) == len(ids)
    _assert_each_answered_once(telegram, ids)
    figures.record(
        "faults::getUpdates-outage", faults_injected=len(calls_during),
        outage_seconds=OUTAGE_SECONDS, questions_asked=len(ids), questions_lost=0,
    )


async def test_sendmessage_failing_for_two_seconds_delays_answers_without_losing_them(
    telegram: FakeTelegram, settings: Settings, engine: Engine
) -> None:
    async with running(settings, engine):
        await telegram.wait_call("getUpdates")
        telegram.outage(2.0, "500", methods=("sendMessage",))
        ids = _queue_questions(telegram)
        await telegram.wait_sent(len(ids), timeout=30)
    _assert_each_answered_once(telegram, ids)
    served = [f for f in telegram.faults_served if f[0] == "sendMessage"]
    assert served
    figures.record(
        "faults::sendMessage-outage", faults_injected=len(served), outage_seconds=2.0,
        questions_asked=len(ids), questions_lost=0,
    )


async def test_start_up_retries_getme_with_back_off_and_one_line_per_attempt(
    telegram: FakeTelegram, settings: Settings, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    telegram.inject("getMe", "reset")
    telegram.inject("getMe", "502")
    telegram.inject("getMe", "bad_json")
    application = build_application(settings, engine)
    started = time.monotonic()
    attempts = await initialize_with_retries(
        application, settings.telegram_bot_api_url, Backoff(first=0.1, factor=2.0, ceiling=1.0)
    )
    elapsed = time.monotonic() - started
    await application.shutdown()
    assert attempts == 4
    assert elapsed >= 0.1 + 0.2 + 0.4  # waited, doubling each time
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.retry"]
    retries = [line for line in lines if "retrying in" in line]
    assert [line.split(":")[0] for line in retries] == [
        "Start-up attempt 1", "Start-up attempt 2", "Start-up attempt 3"
    ]
    assert f"127.0.0.1:{telegram.port}" in retries[0]
    assert all(TOKEN not in line for line in lines)
    figures.record("faults::getMe-start-up", faults_injected=3)


async def test_a_token_the_bot_api_refuses_stops_start_up_in_one_sentence(
    telegram: FakeTelegram, settings: Settings, engine: Engine
) -> None:
    refused = settings
    telegram.token = "987654321:" + "B" * 35  # the server knows another bot
    application = build_application(refused, engine)
    with pytest.raises(SettingsError, match=r"^The setting TELEGRAM_BOT_TOKEN is refused") as error:
        await initialize_with_retries(application, refused.telegram_bot_api_url)
    assert TOKEN not in str(error.value) and str(error.value).count(". ") == 0


@pytest.mark.slow
async def test_a_sendmessage_answer_slower_than_the_timeout_is_retried_at_least_once(
    telegram: FakeTelegram, settings: Settings, engine: Engine
) -> None:
    """At-least-once: the slow call did reach Telegram, so its retry makes one duplicate."""
    async with running(settings, engine):
        await telegram.wait_call("getUpdates")
        # python-telegram-bot's read timeout is 5 s: the first answer comes too late.
        telegram.inject("sendMessage", "slow", delay=5.5)
        ids = _queue_questions(telegram)
        await telegram.wait_sent(len(ids) + 1, timeout=30)
    answered = telegram.answered()
    assert all(answered.get(i, 0) >= 1 for i in ids)
    duplicates = sum(answered[i] - 1 for i in ids)
    assert duplicates == 1  # only the question whose answer was in flight at the timeout
    figures.record(
        "faults::sendMessage-slow", faults_injected=1, questions_asked=len(ids),
        questions_lost=0, duplicates=duplicates,
    )
