"""What the operator reads: the log set-up (text or JSON lines) and one INFO line per update.

The line per update says what kind of update it was, in which kind of chat, what the bot did
(mode, found or not, paragraph) and how long it took. It never holds the text of a message, a
name or the token: a question can be personal, and logs travel further than chats.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from collections.abc import Awaitable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any, Final

from telegram import Update

from bot.addressing import command_target

log = logging.getLogger("bot.updates")

_HANDLER_NAME: Final = "article-bot"
_COMMAND_NAME: Final = re.compile(r"[a-z0-9_]{1,32}")
TEXT_FORMAT: Final = "%(asctime)s %(levelname)s %(name)s: %(message)s"
#: The attribute of a log record that carries an update's fields (``extra={FIELDS: {...}}``).
FIELDS: Final = "fields"
# A LogRecord's own attributes: anything else on a record was passed through ``extra``.
_RECORD_ATTRIBUTES: Final = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


@dataclass
class Outcome:
    """What the bot did with one update; handlers fill it in while the update is handled."""

    kind: str  # message, callback_query, inline_query …
    chat_type: str | None  # private, group, supergroup, channel; None when Telegram gives none
    action: str = "ignored"  # ask | quote | who | command name | smalltalk | button | inline …
    found: bool | None = None  # did the article answer (modes ask, quote, who, inline)
    paragraph: int | None = None  # the paragraph shown, counted from 0 as in --json
    results: int | None = None  # how many results were offered (inline queries, answers)
    language: str | None = None  # the UI language the reply was written in
    replied: bool = False  # the bot sent, edited or answered something
    error: str | None = None  # the type of the exception a handler raised


_current: ContextVar[Outcome | None] = ContextVar("article_bot_outcome", default=None)


def note(**fields: Any) -> None:
    """Record what the handler did on the update being handled (no-op outside one)."""
    outcome = _current.get()
    if outcome is None:
        return
    for name, value in fields.items():
        setattr(outcome, name, value)


def outcome_of(update: object) -> Outcome:
    """A fresh outcome for ``update``: its kind and the type of its chat, nothing of its text."""
    if not isinstance(update, Update):
        return Outcome(kind=type(update).__name__, chat_type=None)
    kind = next(
        (name for name in Update.ALL_TYPES if getattr(update, name, None) is not None), "other"
    )
    chat = update.effective_chat
    chat_type = chat.type if chat is not None else None
    if update.inline_query is not None:
        chat_type = update.inline_query.chat_type
    outcome = Outcome(kind=kind, chat_type=chat_type)
    command = command_target(update.message) if update.message is not None else None
    if command is not None and _COMMAND_NAME.fullmatch(command[0]):
        outcome.action = "/" + command[0]  # a command's name is not its text: it may be logged
    return outcome


@contextmanager
def observed(update: object) -> Iterator[Outcome]:
    """Handle one update inside this block: afterwards one line says what became of it.

    INFO when the bot replied (or the update failed), DEBUG when it stayed silent: a group with
    privacy mode off sends every message, and silence is the normal answer to most of them.
    """
    outcome = outcome_of(update)
    token = _current.set(outcome)
    started = time.perf_counter()
    failed = False
    try:
        yield outcome
    except Exception:  # a cancellation at shutdown is not a failure of the update
        failed = True
        raise
    finally:
        _current.reset(token)
        level = logging.INFO if outcome.replied or failed or outcome.error else logging.DEBUG
        if log.isEnabledFor(level):  # the line is not even made at a quieter LOG_LEVEL
            latency_ms = round((time.perf_counter() - started) * 1000, 1)
            fields = {**asdict(outcome), "latency_ms": latency_ms}
            if failed:
                fields["action"] = f"{outcome.action} (failed)"
            log.log(level, describe(fields), extra={FIELDS: fields})


async def handled(update: object, coroutine: Awaitable[Any]) -> None:
    """Await the handling of ``update`` inside :func:`observed`."""
    with observed(update):
        await coroutine


def describe(fields: dict[str, Any]) -> str:
    """The text form of an update's line: ``private message ask: found §8, 3 results, 12.5 ms``."""
    where = fields.get("chat_type") or "no chat"
    head = f"{where} {fields['kind']} {fields['action']}"
    details = []
    if fields.get("found") is not None:
        details.append("found" if fields["found"] else "not found")
    if fields.get("paragraph") is not None:
        details.append(f"paragraph {fields['paragraph']}")
    if fields.get("results") is not None:
        count = fields["results"]
        details.append(f"{count} result{'' if count == 1 else 's'}")
    if fields.get("language"):
        details.append(f"in {fields['language']}")
    if fields.get("error"):
        details.append(f"error {fields['error']}")
    if not fields.get("replied"):
        details.append("no reply")
    details.append(f"{fields['latency_ms']} ms")
    return f"{head}: {', '.join(details)}"


class JsonLines(logging.Formatter):
    """One JSON object per line: time, level, logger, message, the update's fields, traceback."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        fields = getattr(record, FIELDS, None)
        if isinstance(fields, dict):
            entry.update(fields)
        for name, value in vars(record).items():
            if name not in _RECORD_ATTRIBUTES and name != FIELDS and name not in entry:
                entry[name] = value if isinstance(value, str | int | float | bool) else repr(value)
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["traceback"] = record.exc_text
        if record.stack_info:
            entry["stack"] = record.stack_info
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(level: str, log_format: str = "text") -> None:
    """Log to standard error at ``level``, as text lines or JSON lines (``LOG_FORMAT``)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines() if log_format == "json" else logging.Formatter(TEXT_FORMAT))
    handler.set_name(_HANDLER_NAME)
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(old)  # configured twice: the second set-up replaces the first
    root.addHandler(handler)
    root.setLevel(level)
