"""Updates of different chats handled concurrently, those of one chat strictly in order."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.logs import handled

#: Enough to overlap the HTTP round trips of many chats; one chat never gets two at once.
MAX_CONCURRENT_UPDATES = 64
#: Updates waiting for their chat's turn: python-telegram-bot counts them against its own limit,
#: so that limit is set this high and MAX_CONCURRENT_UPDATES applies to running updates only.
MAX_WAITING_UPDATES = 4096


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Processes updates concurrently across chats, in arrival order within a chat.

    A person who asks two questions in a row gets the two answers in that order, while a burst
    from fifty chats overlaps their network round trips instead of queueing behind one another.
    """

    def __init__(self, max_concurrent_updates: int = MAX_CONCURRENT_UPDATES) -> None:
        # A burst from one chat, waiting its turn, must not take every slot from the other chats.
        super().__init__(max(max_concurrent_updates, MAX_WAITING_UPDATES))
        self._running = asyncio.Semaphore(max_concurrent_updates)
        self._chat_locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _chat_key(update)
        if key is None:
            await handled(update, coroutine)
            return
        lock = self._chat_locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock, self._running:
                await handled(update, coroutine)  # one log line per update (bot.logs)
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:
                # Nobody else queued for this chat: forget it, so memory follows active chats.
                del self._waiting[key]
                del self._chat_locks[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""


def _chat_key(update: object) -> int | None:
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    if update.effective_user is not None:
        # Inline queries and callback queries without a chat: order per user.
        return update.effective_user.id
    return None
