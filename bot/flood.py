"""Per-chat flood control (at most CHAT_RATE_LIMIT replies per CHAT_RATE_WINDOW_SECONDS) and
per-chat ordering of updates, so that one chat never holds up the others."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any, Protocol

from telegram import Update
from telegram.ext import BaseUpdateProcessor

_PRUNE_OVER = 10_000  # chats remembered before the quiet ones are forgotten


class ReplyCounter(Protocol):
    """Where reply times are counted: local for one instance, a shared store (Redis) for several."""

    def record(self, chat_id: int, now: float, window: float) -> int:
        """Count a reply at ``now``; return how many the chat had in the last ``window`` seconds."""
        ...


class LocalReplyCounter:
    """Reply times in this process's memory (right for a single instance)."""

    def __init__(self) -> None:
        self._times: dict[int, deque[float]] = {}

    def record(self, chat_id: int, now: float, window: float) -> int:
        if len(self._times) > _PRUNE_OVER:
            self._times = {c: t for c, t in self._times.items() if t and t[-1] > now - window}
        times = self._times.setdefault(chat_id, deque())
        while times and times[0] <= now - window:
            times.popleft()
        times.append(now)
        return len(times)


@dataclass(frozen=True)
class FloodControl:
    """The limit, its window and the counter; ``verdict`` says whether to reply."""

    limit: int
    window: float
    counter: ReplyCounter = field(default_factory=LocalReplyCounter)

    def verdict(self, chat_id: int, now: float) -> str:
        """"reply", "warn" (the first reply over the limit: say so once) or "drop"."""
        count = self.counter.record(chat_id, now, self.window)
        if count <= self.limit:
            return "reply"
        return "warn" if count == self.limit + 1 else "drop"


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Updates of different chats run concurrently; those of one chat run one at a time, in order.

    A chat whose reply waits (Telegram allows 20 messages a minute in a group) then never delays
    the answers to other chats, and each chat still gets its answers in the order it asked.
    """

    def __init__(self, max_concurrent_updates: int = 1024) -> None:
        # Generous: an update waiting for its chat's turn holds a slot while it waits.
        super().__init__(max_concurrent_updates)
        self._locks: dict[object, asyncio.Lock] = {}
        self._users: dict[object, int] = {}  # how many updates hold or await each lock

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _chat_key(update)
        if key is None:
            await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._users[key] = self._users.get(key, 0) + 1
        try:
            async with lock:  # FIFO: the chat's updates run in the order they came
                await coroutine
        finally:
            self._users[key] -= 1
            if not self._users[key]:
                del self._users[key], self._locks[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""


def _chat_key(update: object) -> object:
    """What orders an update: its chat, else its user (inline queries), else nothing."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return ("chat", update.effective_chat.id)
    if update.effective_user is not None:
        return ("user", update.effective_user.id)
    return None
