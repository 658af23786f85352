"""A flaky Bot API: start-up retried with back-off (refusals a few times only), calls after
network errors."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlparse

from telegram.error import (
    BadRequest,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import AIORateLimiter, Application

from bot.settings import SettingsError

log = logging.getLogger(__name__)

# python-telegram-bot 22 gives RetryAfter.retry_after as a timedelta from its next major version
# on, and warns on every 429 until one opts in; the opt-in is this variable. `seconds` reads both.
os.environ.setdefault("PTB_TIMEDELTA", "true")

JSONResult = bool | dict[str, Any] | list[dict[str, Any]]


@dataclass(frozen=True)
class Backoff:
    """Exponential back-off: ``first`` seconds, times ``factor`` each time, at most ``ceiling``."""

    first: float = 0.5
    factor: float = 2.0
    ceiling: float = 30.0

    def delays(self, count: int | None = None) -> Iterator[float]:
        """The successive waits (``count`` of them, or without end)."""
        delay = self.first
        made = 0
        while count is None or made < count:
            yield delay
            made += 1
            delay = min(self.ceiling, delay * self.factor)


STARTUP_BACKOFF = Backoff(first=0.5, factor=2.0, ceiling=30.0)
SEND_BACKOFF = Backoff(first=0.5, factor=2.0, ceiling=4.0)
SEND_NETWORK_RETRIES = 4  # a reply outlives a few seconds of 5xx or resets instead of being lost
STARTUP_REFUSAL_RETRIES = 3  # a refused getMe or setWebhook is asked again this many times
# Start-up calls retry themselves (call_with_retries, python-telegram-bot's bootstrap), logging
# each attempt.
OWN_RETRIES = frozenset({"getMe", "setWebhook", "deleteWebhook"})


class StartUpRefused(Exception):
    """The Bot API kept refusing a start-up call; the message is one sentence with its reason."""


def seconds(wait: float | timedelta) -> float:
    """``RetryAfter.retry_after`` in seconds: a timedelta with PTB_TIMEDELTA on, else a number."""
    return wait.total_seconds() if isinstance(wait, timedelta) else float(wait)


def is_refusal(error: TelegramError) -> bool:
    """Telegram answered and said no (400, 401, 403, 404, 409): asking again rarely helps.

    Anything else (no answer, a 5xx, a body that is not JSON, a 429) is the network's or the
    server's trouble, and passes.
    """
    return isinstance(error, BadRequest | Forbidden | Conflict | InvalidToken)


async def call_with_retries(
    action: Callable[[], Awaitable[object]],
    method: str,
    api_url: str,
    backoff: Backoff = STARTUP_BACKOFF,
    refusals: int = STARTUP_REFUSAL_RETRIES,
) -> int:
    """Call a start-up ``action`` (``method`` of the Bot API) until it works; the attempts taken.

    An unreachable or failing Bot API is retried without end, one WARNING line per attempt. A
    refusal is logged at ERROR with Telegram's own description and retried ``refusals`` times,
    then raised as :class:`StartUpRefused`: a bot that cannot start must stop, visibly, rather
    than wait for ever.
    """
    where = urlparse(api_url).netloc or api_url
    refused = 0
    for attempt, delay in enumerate(backoff.delays(), start=1):
        try:
            await action()
        except TelegramError as error:
            if isinstance(error, RetryAfter):  # Telegram said how long: wait at least that
                delay = max(delay, seconds(error.retry_after))
            if is_refusal(error):
                refused += 1
                if refused > refusals:
                    raise StartUpRefused(
                        f"The Bot API at {where} refused {method} {refused} times, the last "
                        f"time with \"{error.message}\"; stopping"
                    ) from None
                log.error(
                    "Start-up attempt %d: the Bot API at %s refused %s: %s (retry %d of %d in "
                    "%.1f s)",
                    attempt, where, method, error.message, refused, refusals, delay,
                )
            else:
                log.warning(
                    "Start-up attempt %d: the Bot API at %s did not answer %s (%s: %s); "
                    "retrying in %.1f s",
                    attempt, where, method, type(error).__name__, error, delay,
                )
            await asyncio.sleep(delay)
        else:
            if attempt > 1:
                log.info("Start-up attempt %d: the Bot API at %s answered", attempt, where)
            return attempt
    raise AssertionError("unreachable: the back-off never ends")  # pragma: no cover


async def initialize_with_retries(
    application: Application[Any, Any, Any, Any, Any, Any],
    api_url: str,
    backoff: Backoff = STARTUP_BACKOFF,
    refusals: int = STARTUP_REFUSAL_RETRIES,
) -> int:
    """``application.initialize()`` (getMe) until it works; returns the attempts it took.

    A token the Bot API refuses is a bad setting, raised at once as :class:`SettingsError`;
    other refusals and failures are retried as :func:`call_with_retries` says.
    """
    where = urlparse(api_url).netloc or api_url

    async def get_me() -> None:
        try:
            await application.initialize()
        except InvalidToken:
            # Not Telegram's text: python-telegram-bot's message for a 401 quotes the token.
            raise SettingsError(
                f"The setting TELEGRAM_BOT_TOKEN is refused by the Bot API at {where} "
                "(check the token and TELEGRAM_BOT_API_URL)."
            ) from None

    return await call_with_retries(get_me, "getMe", api_url, backoff, refusals)


class RetryingRateLimiter(AIORateLimiter):
    """AIORateLimiter (waits out 429s) that also retries a call after a network error or a 5xx.

    A timed-out send may have reached Telegram: retrying it can duplicate a reply, which is
    better than losing the answer.
    """

    def __init__(
        self,
        *,
        network_retries: int = SEND_NETWORK_RETRIES,
        backoff: Backoff = SEND_BACKOFF,
        **limits: Any,
    ) -> None:
        """``limits`` are AIORateLimiter's (max_retries, overall_max_rate, group_max_rate …)."""
        super().__init__(**limits)
        self.network_retries = network_retries
        self.backoff = backoff

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSONResult]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSONResult:
        waits = self.backoff.delays(self.network_retries)
        while True:
            try:
                return await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
            except NetworkError as error:  # TimedOut too; RetryAfter is not a NetworkError
                # BadRequest derives from NetworkError, but Telegram's "no" does not change.
                retryable = not isinstance(error, BadRequest) and endpoint not in OWN_RETRIES
                delay = next(waits, None) if retryable else None
                if delay is None:
                    raise
                log.warning(
                    "%s failed (%s: %s); retrying in %.1f s",
                    endpoint, type(error).__name__, error, delay,
                )
                await asyncio.sleep(delay)
