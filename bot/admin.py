"""Error reports to the operator's chat (ADMIN_CHAT_ID), one per burst of errors.

As python-telegram-bot's error-handler example does, a bug while handling an update is sent to a
chat of the operator's with its traceback; unlike it, the report never holds the user's message
or the token, and a burst of errors makes one report, the next one saying how many were held back.
"""

from __future__ import annotations

import html
import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from telegram import Update

log = logging.getLogger(__name__)

TRACEBACK_MAX: Final = 3000  # characters of the traceback's end: a report stays one message


@dataclass
class AdminReports:
    """When to report: the first error, then none until ``interval`` seconds have passed."""

    chat_id: int
    interval: float
    clock: Callable[[], float] = time.monotonic
    _last: float | None = field(default=None, init=False)
    _held_back: int = field(default=0, init=False)

    def take(self) -> int | None:
        """Report this error? None: no (it is counted); else how many errors were held back."""
        now = self.clock()
        if self._last is not None and now - self._last < self.interval:
            self._held_back += 1
            return None
        held_back, self._last, self._held_back = self._held_back, now, 0
        return held_back


def describe_update(update: object) -> str:
    """What the update was, without its text: "a message in a private chat", "an inline query"."""
    if not isinstance(update, Update):
        return "no update (a job or the bot itself)"
    kind = next((name for name in Update.ALL_TYPES if getattr(update, name, None) is not None),
                "update")
    chat = update.effective_chat
    where = f" in a {chat.type} chat" if chat is not None else ""
    return f"{kind.replace('_', ' ')}{where} (update {update.update_id})"


def report_html(error: BaseException, update: object, held_back: int, token: str | None) -> str:
    """The report, in Telegram HTML: what failed, on what, the traceback's end; no token."""
    lines = "".join(traceback.format_exception(error))
    if token:
        lines = lines.replace(token, "<token>")
    if len(lines) > TRACEBACK_MAX:
        lines = "…" + lines[-TRACEBACK_MAX:]
    message = f"{type(error).__name__}: {error}"
    if token:
        message = message.replace(token, "<token>")
    parts = [
        "<b>article-bot: an error while handling an update</b>",
        f"Update: {html.escape(describe_update(update))}",
        f"Error: {html.escape(message[:500])}",
    ]
    if held_back:
        parts.append(f"{held_back} more error(s) since the last report were not reported.")
    parts.append(f"<pre>{html.escape(lines)}</pre>")
    return "\n".join(parts)
