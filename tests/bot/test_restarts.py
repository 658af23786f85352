"""Restarts of a real `python -m bot run` against the fake Bot API: 50 questions waiting, the bot
stopped mid-stream (SIGTERM, then SIGKILL) and started again; start-up while the API is down.
"""

from __future__ import annotations

import asyncio
import signal
import socket
from pathlib import Path
from typing import Any

import pytest

from tests.bot import figures
from tests.bot.fake_telegram import (
    DE_USER,
    EN_USER,
    FR_USER,
    OTHER_USER,
    TOKEN,
    FakeTelegram,
    private_chat,
    text_message,
)
from tests.bot.processes import BotProcess, start_bot, stop_all

pytestmark = pytest.mark.slow

QUESTION_COUNT = 50
USERS = [EN_USER, FR_USER, DE_USER, OTHER_USER, {**EN_USER, "id": 1005}]
TEXTS = ["/who blague", "Qui a parlé du Kazakhstan ?", "/quote Kazakhstan", "nuclear weapons",
         "/speakers"]
BATCH = 5  # updates per getUpdates in these tests
FETCH_DELAY = 0.15  # each getUpdates answers this late, so that a stop falls mid-stream


def _queue_50(telegram: FakeTelegram) -> dict[int, int]:
    """Queue QUESTION_COUNT questions from five chats; return message id → update id."""
    queued = {}
    for number in range(QUESTION_COUNT):
        user = USERS[number % len(USERS)]
        message = text_message(telegram, private_chat(user), user, TEXTS[number // len(USERS) % 5])
        update = telegram.push("message", message)
        queued[message["message_id"]] = update["update_id"]
    return queued


async def _wait_all_answered(telegram: FakeTelegram, queued: dict[int, int]) -> None:
    for _ in range(600):
        answered = telegram.answered()
        if all(answered.get(message_id) for message_id in queued):
            return
        await asyncio.sleep(0.05)
    missing = [m for m in queued if m not in telegram.answered()]
    raise AssertionError(f"{len(missing)} questions never answered")


async def _poll_once_more(telegram: FakeTelegram) -> None:
    """A last question answered after all the others: any late duplicate would have shown."""
    sentinel = text_message(telegram, private_chat(EN_USER), EN_USER, "/help")
    telegram.push("message", sentinel)
    for _ in range(400):
        if telegram.answered().get(sentinel["message_id"]):
            await asyncio.sleep(0.2)
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the last question was never answered")


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
async def test_fifty_waiting_questions_survive_a_stop_mid_stream_and_a_restart(
    telegram: FakeTelegram, tmp_path: Path, how: signal.Signals
) -> None:
    # Small, slow batches: most questions are still waiting at Telegram when the stop comes.
    telegram.max_batch = BATCH
    telegram.outage(3600, "slow", methods=("getUpdates",), delay=FETCH_DELAY)
    queued = _queue_50(telegram)
    first = await start_bot(telegram.base_url, tmp_path)
    second: BotProcess | None = None
    try:
        await telegram.wait_sent(10, timeout=30)
        status = await first.stop(how)
        answered_before = len(telegram.sent)
        # Fetched but not yet confirmed: the only updates a SIGKILL may answer twice.
        in_flight = {u for u in queued.values() if u >= telegram.confirmed}
        assert 10 <= answered_before < QUESTION_COUNT, "the stop did not fall mid-stream"
        second = await start_bot(telegram.base_url, tmp_path)
        await _wait_all_answered(telegram, queued)
        await _poll_once_more(telegram)
        assert await second.stop() == 0, second.logs()
    finally:
        await stop_all(first, *([second] if second else []))
    answered = telegram.answered()
    lost = [m for m in queued if m not in answered]
    duplicated = [m for m in queued if answered.get(m, 0) > 1]
    assert not lost
    if how == signal.SIGTERM:
        assert status == 0, first.logs()
        assert not duplicated
    else:
        assert status == -signal.SIGKILL
        assert all(queued[m] in in_flight for m in duplicated), (duplicated, in_flight)
    assert not telegram.rejected()
    assert second is not None
    logs = first.logs() + second.logs()
    assert "Traceback" not in logs
    secret = TOKEN.split(":")[1]
    assert secret not in logs
    figures.record(
        f"restarts::{how.name}", restarts=1, questions_asked=QUESTION_COUNT,
        questions_lost=len(lost), duplicates=len(duplicated),
        answered_before_stop=answered_before, token_occurrences=logs.count(secret),
        log_lines_checked=len(logs.splitlines()),
    )


def _reserved_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def test_start_up_while_the_bot_api_is_unreachable_retries_then_serves(
    tmp_path: Path,
) -> None:
    port = _reserved_port()  # nothing listens there yet: connection refused
    bot = await start_bot(f"http://127.0.0.1:{port}/bot", tmp_path)
    telegram: FakeTelegram | None = None
    try:
        await bot.wait_log("Start-up attempt 3:", timeout=30)
        assert bot.process.returncode is None  # still trying, not exited
        telegram = await FakeTelegram().start(port=port)
        message: dict[str, Any] = text_message(
            telegram, private_chat(EN_USER), EN_USER, "/who blague"
        )
        telegram.push("message", message)
        sent = await telegram.wait_sent(1, timeout=30)
        assert "Tokayev" in sent[0]["visible"]
        assert await bot.stop() == 0
    finally:
        await stop_all(bot)
        if telegram is not None:
            await telegram.stop()
    logs = bot.logs()
    attempts = [line for line in logs.splitlines() if "Start-up attempt" in line]
    assert attempts[0].endswith("retrying in 0.5 s") and "retrying in 1.0 s" in attempts[1]
    assert f"the Bot API at 127.0.0.1:{port} did not answer" in attempts[0]
    assert TOKEN not in logs and TOKEN.split(":")[1] not in logs
    assert "Traceback" not in logs
    figures.record(
        "restarts::start-up-unreachable", faults_injected=len(attempts) - 1,
        questions_asked=1, token_occurrences=logs.count(TOKEN.split(":")[1]),
        log_lines_checked=len(logs.splitlines()),
    )


async def test_sigterm_during_start_up_retries_exits_cleanly(tmp_path: Path) -> None:
    bot = await start_bot(f"http://127.0.0.1:{_reserved_port()}/bot", tmp_path)
    try:
        await bot.wait_log("Start-up attempt 1:", timeout=30)
        assert await bot.stop(signal.SIGTERM, timeout=5) == 0
    finally:
        await stop_all(bot)
    assert "Stopped before start-up completed" in bot.logs()
    assert "Traceback" not in bot.logs()
