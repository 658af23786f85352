"""Keep the bot token out of the logs: httpx logs every request URL, and the URL holds the token."""

from __future__ import annotations

import logging
from typing import Any

from telegram.ext import ExtBot

PLACEHOLDER = "<token>"
NOISY_LOGGERS = ("httpx", "httpcore")


class TokenRedactor(logging.Filter):
    """Replaces the token by ``<token>`` in a record's message, arguments and traceback."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.token in message:
            record.msg = message.replace(self.token, PLACEHOLDER)
            record.args = None
        if record.exc_info and not record.exc_text:
            # Format the traceback now so that the handler prints the redacted copy.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self.token in record.exc_text:
            record.exc_text = record.exc_text.replace(self.token, PLACEHOLDER)
        if record.stack_info and self.token in record.stack_info:
            record.stack_info = record.stack_info.replace(self.token, PLACEHOLDER)
        return True


def protect_logs(token: str, root: logging.Logger | None = None) -> TokenRedactor:
    """Quieten httpx/httpcore and redact the token in every handler of the root logger.

    A filter on a handler sees records of every logger; a filter on a logger would miss its
    children's records.
    """
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    redactor = TokenRedactor(token)
    root = root or logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.StreamHandler())
    for handler in root.handlers:
        handler.addFilter(redactor)
    return redactor


class TokenSafeExtBot(ExtBot[Any]):
    """python-telegram-bot's ExtBot, whose repr (``ExtBot[token=…]``) would show the token."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"ExtBot[id={self.token.split(':', 1)[0]}]"


def hide_token_in_repr(bot: ExtBot[Any]) -> None:
    """Make ``repr(bot)`` (and so ``repr(application)``) name the bot by its public id only."""
    # The builder makes a plain ExtBot; the subclass adds no state, only the repr.
    bot.__class__ = TokenSafeExtBot
