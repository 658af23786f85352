"""A flaky Bot API: start-up retried with back-off, calls after network errors."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import AIORateLimiter, Application

from bot.settings import SettingsError

log = logging.getLogger(__name__)

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
OWN_RETRIES = frozenset({"getMe"})  # start-up retries getMe itself, logging each attempt


async def initialize_with_retries(
    application: Application[Any, Any, Any, Any, Any, Any],
    api_url: str,
    backoff: Backoff = STARTUP_BACKOFF,
) -> int:
    """``application.initialize()`` (getMe) until it works; returns the attempts it took.

    An unreachable or failing Bot API is retried without end, one log line per attempt; a token
    the Bot API refuses is a bad setting, raised as :class:`SettingsError`.
    """
    where = urlparse(api_url).netloc or api_url
    for attempt, delay in enumerate(backoff.delays(), start=1):
        try:
            await application.initialize()
        except InvalidToken:
            raise SettingsError(
                f"The setting TELEGRAM_BOT_TOKEN is refused by the Bot API at {where} "
                "(check the token and TELEGRAM_BOT_API_URL)."
            ) from None
        except TelegramError as error:
            if isinstance(error, RetryAfter):  # Telegram said how long: wait at least that
                wait = error.retry_after  # an int or a timedelta, by python-telegram-bot version
                delay = max(delay, wait if isinstance(wait, int | float) else wait.total_seconds())
            log.warning(
                "Start-up attempt %d: the Bot API at %s did not answer (%s: %s); "
                "retrying in %.1f s",
                attempt, where, type(error).__name__, error, delay,
            )
            await asyncio.sleep(delay)
        else:
            if attempt > 1:
                log.info("Start-up attempt %d: the Bot API at %s answered", attempt, where)
            return attempt
    raise AssertionError("unreachable: the back-off never ends")  # pragma: no cover


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
