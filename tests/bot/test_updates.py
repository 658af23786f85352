"""Concurrent update handling: chats overlap, one chat's updates keep their order."""

from __future__ import annotations

import asyncio

import pytest
from telegram import Chat, Message, Update, User

from bot.updates import PerChatUpdateProcessor

USER = User(id=7, first_name="Ann", is_bot=False)


def update(update_id: int, chat_id: int) -> Update:
    chat = Chat(id=chat_id, type=Chat.PRIVATE)
    message = Message(message_id=update_id, date=None, chat=chat, from_user=USER, text="q")  # type: ignore[arg-type]
    return Update(update_id=update_id, message=message)


async def test_one_chat_in_order_other_chats_meanwhile() -> None:
    processor = PerChatUpdateProcessor()
    finished: list[str] = []

    async def handle(name: str, delay: float) -> None:
        await asyncio.sleep(delay)
        finished.append(name)

    # A's first question is slow: A's second waits for it, B's question does not.
    jobs = [
        asyncio.create_task(processor.process_update(update(1, 100), handle("A1", 0.2))),
        asyncio.create_task(processor.process_update(update(2, 100), handle("A2", 0.0))),
        asyncio.create_task(processor.process_update(update(3, 200), handle("B1", 0.0))),
    ]
    await asyncio.gather(*jobs)
    assert finished.index("A1") < finished.index("A2")
    assert finished.index("B1") < finished.index("A1")


async def test_locks_are_forgotten_when_a_chat_is_quiet() -> None:
    processor = PerChatUpdateProcessor()

    async def nothing() -> None:
        await asyncio.sleep(0)

    await asyncio.gather(*(processor.process_update(update(i, i), nothing()) for i in range(50)))
    assert processor._chat_locks == {}
    assert processor._waiting == {}


async def test_a_failing_handler_releases_its_chat() -> None:
    processor = PerChatUpdateProcessor()

    async def boom() -> None:
        raise RuntimeError("handler bug")

    async def fine() -> str:
        return "ok"

    with pytest.raises(RuntimeError, match="handler bug"):
        await processor.process_update(update(1, 5), boom())
    await asyncio.wait_for(processor.process_update(update(2, 5), fine()), timeout=1)
    assert processor._chat_locks == {}
