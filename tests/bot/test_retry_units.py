"""Unit tests of the pieces behind the fault tests: back-off, start-up 429, per-chat ordering."""

from __future__ import annotations

import asyncio
import time

import pytest
from telegram import Update
from telegram.error import BadRequest

from bot.app import build_application
from bot.retry import Backoff, RetryingRateLimiter, initialize_with_retries
from bot.settings import Settings
from bot.updates import PerChatUpdateProcessor
from index import Engine
from tests.bot.fake_telegram import EN_USER, FR_USER, FakeTelegram, private_chat


def test_backoff_doubles_up_to_its_ceiling() -> None:
    assert list(Backoff(first=0.5, factor=2.0, ceiling=3.0).delays(5)) == [0.5, 1.0, 2.0, 3.0, 3.0]


async def test_a_429_at_start_up_waits_retry_after(
    telegram: FakeTelegram, settings: Settings, engine: Engine
) -> None:
    telegram.inject("getMe", "429", retry_after=1)
    application = build_application(settings, engine)
    started = time.monotonic()
    attempts = await initialize_with_retries(
        application, settings.telegram_bot_api_url, Backoff(first=0.05)
    )
    await application.shutdown()
    # The rate limiter waits retry_after and tries again within the same attempt.
    assert attempts == 1 and time.monotonic() - started >= 1.0
    assert [c.status for c in telegram.calls if c.method == "getMe"] == [429, 200]


def _update(update_id: int, user: dict[str, object]) -> Update:
    message = {"message_id": update_id, "date": 0, "chat": private_chat(user), "text": "x"}
    return Update.de_json({"update_id": update_id, "message": message}, None)


async def test_one_chat_waits_its_turn_while_other_chats_go_ahead() -> None:
    processor = PerChatUpdateProcessor()
    done: list[str] = []
    release = asyncio.Event()

    async def slow(name: str) -> None:
        await release.wait()
        done.append(name)

    async def quick(name: str) -> None:
        done.append(name)

    async with processor:
        tasks = [
            asyncio.create_task(processor.process_update(_update(1, FR_USER), slow("fr-1"))),
            asyncio.create_task(processor.process_update(_update(2, FR_USER), quick("fr-2"))),
            asyncio.create_task(processor.process_update(_update(3, EN_USER), quick("en-1"))),
        ]
        await asyncio.sleep(0.05)
        assert done == ["en-1"]  # the other chat did not wait; fr-2 waits behind fr-1
        release.set()
        await asyncio.gather(*tasks)
    assert done == ["en-1", "fr-1", "fr-2"]
    assert not processor._chat_locks  # nothing kept once a chat is quiet


async def test_a_bad_request_is_not_retried() -> None:
    """Telegram's 400 ("message is not modified") is an answer, not a network fault."""
    limiter = RetryingRateLimiter(max_retries=0)
    await limiter.initialize()
    calls = 0

    async def refuse(*args: object, **kwargs: object) -> bool:
        nonlocal calls
        calls += 1
        raise BadRequest("Message is not modified")

    with pytest.raises(BadRequest):
        await limiter.process_request(refuse, (), {}, "editMessageText", {}, None)
    assert calls == 1
