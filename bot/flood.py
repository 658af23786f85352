"""Per-chat flood control: at most CHAT_RATE_LIMIT replies per CHAT_RATE_WINDOW_SECONDS."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Protocol

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

