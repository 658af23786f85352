"""One INFO line per update the bot answers: what it did, never what was said, never the token."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from bot.logs import FIELDS, JsonLines, describe
from bot.settings import Settings
from index import Engine
from tests.bot.conftest import running
from tests.bot.fake_telegram import (
    EN_USER,
    FR_USER,
    SUPERGROUP,
    TOKEN,
    FakeTelegram,
    ask,
    assert_silent,
    inline_query,
    private_chat,
    text_message,
)
from tests.bot.processes import start_bot, stop_all

QUESTION = "Qui a parlé d’une blague au président ?"  # its words must appear in no log line


def update_lines(
    caplog: pytest.LogCaptureFixture, level: int = logging.INFO
) -> list[dict[str, object]]:
    return [
        getattr(record, FIELDS)
        for record in caplog.records
        if record.name == "bot.updates" and record.levelno == level
    ]


async def test_each_answered_update_makes_one_info_line_without_the_question(
    telegram: FakeTelegram, settings: Settings, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with running(settings, engine):
        await ask(telegram, private_chat(FR_USER), FR_USER, QUESTION)
        await ask(telegram, private_chat(EN_USER), EN_USER, "/quote zzzz qqqq")
        await ask(telegram, private_chat(EN_USER), EN_USER, "/help")
        await inline_query(telegram, EN_USER, "blague")
        chatter = text_message(telegram, SUPERGROUP, FR_USER, "On se voit demain ?")
        await assert_silent(telegram, ("message", chatter))
    lines = update_lines(caplog)
    assert [(line["kind"], line["chat_type"], line["action"]) for line in lines] == [
        ("message", "private", "ask"),
        ("message", "private", "quote"),
        ("message", "private", "/help"),
        ("inline_query", "supergroup", "inline"),
        ("message", "private", "/help"),  # assert_silent's own /help
    ]
    asked = lines[0]
    assert asked["found"] is True and asked["paragraph"] == 7 and asked["language"] == "fr"
    assert isinstance(asked["latency_ms"], float) and asked["latency_ms"] >= 0
    assert lines[1]["found"] is False and lines[1]["paragraph"] is None
    assert lines[3]["found"] is True and isinstance(lines[3]["results"], int)
    # The group's chatter, which was not for the bot, is a DEBUG line only.
    silent = update_lines(caplog, logging.DEBUG)
    assert [(line["chat_type"], line["action"], line["replied"]) for line in silent] == [
        ("supergroup", "ignored", False)
    ]
    # At INFO and above, nothing of what was said; the fake server's own access log and httpx
    # (which `run` turns down to WARNING, bot.redact) are not the bot's lines.
    ours = [
        record.getMessage()
        for record in caplog.records
        if record.levelno >= logging.INFO and not record.name.startswith(("tornado", "httpx"))
    ]
    assert len(ours) > 5
    everything = "\n".join(ours)
    for word in ("blague au président", "zzzz", "On se voit demain"):
        assert word not in everything
    assert TOKEN not in everything


def test_the_text_line_reads_as_a_sentence() -> None:
    line = describe(
        {"kind": "message", "chat_type": "private", "action": "who", "found": True,
         "paragraph": 7, "results": 3, "language": "en", "replied": True, "error": None,
         "latency_ms": 12.5}
    )
    assert line == "private message who: found, paragraph 7, 3 results, in en, 12.5 ms"


def test_json_lines_carry_the_fields_and_the_traceback() -> None:
    try:
        raise ValueError("boom")
    except ValueError as error:
        record = logging.LogRecord("bot.updates", logging.INFO, __file__, 1, "private %s", ("x",),
                                   (type(error), error, error.__traceback__))
    setattr(record, FIELDS, {"kind": "message", "found": False})
    entry = json.loads(JsonLines().format(record))
    assert entry["level"] == "INFO" and entry["logger"] == "bot.updates"
    assert entry["message"] == "private x"
    assert entry["kind"] == "message" and entry["found"] is False
    assert "ValueError: boom" in entry["traceback"]
    assert entry["time"].endswith("+00:00")


async def test_log_format_json_makes_every_line_of_article_bot_run_a_json_object(
    telegram: FakeTelegram, tmp_path: Path
) -> None:
    telegram.push("message", text_message(telegram, private_chat(FR_USER), FR_USER, QUESTION))
    bot = await start_bot(telegram.base_url, tmp_path, log_format="json")
    try:
        await telegram.wait_sent(1, timeout=30)
        await bot.wait_log('"action": "ask"')
        status = await bot.stop()
    finally:
        await stop_all(bot)
    assert status == 0
    entries = [json.loads(line) for line in bot.logs().splitlines()]  # each line parses
    answered = [e for e in entries if e.get("logger") == "bot.updates"]
    assert len(answered) == 1
    assert answered[0]["found"] is True and answered[0]["chat_type"] == "private"
    assert "blague" not in bot.logs() and TOKEN not in bot.logs()
