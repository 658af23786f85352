"""10,000 generated updates through the real Application: text, commands, entities, replies, edits,
odd chat types, missing fields. No crash, no invalid reply, no answer where none is due, at most
one where one may be due, exactly one where one is due.

Most updates go through ``Application.process_update`` for speed; POLLED of them go through the
fake server's getUpdates in batches of 100, Telegram's maximum. The generator is seeded: a failure
names its seed and update, and replays.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from telegram import Update

from bot.app import TelegramApp, build_application, polling_options
from bot.settings import Settings
from index import Engine
from tests.bot import figures
from tests.bot.fake_telegram import BOT_ID, BOT_USER, BOT_USERNAME, FakeTelegram, entities_of

pytestmark = pytest.mark.slow

TOTAL = 10_000
POLLED = 1_000  # of TOTAL, through the real polling path
SEED = int(os.environ.get("FUZZ_SEED", "20260"))  # another seed explores further
COMMANDS = ["start", "help", "quote", "who", "speakers", "article"]
QUESTIONS = [
    "Qui a parlé du Kazakhstan ?", "nuclear weapons", "blague", "Loukachenko", "Tokayev",
    "qui a dit « personne n’est contre » ?", "what did he say", "", " ", "?",
]
ODD = [
    "😀", "👍🏽", "🇫🇷", "مرحبا", "שלום", "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff",
    "\x00", "\x07", "\x1b", "\r\n", "\t", "«", "»", "“", "”", '"', "„", "‘", "’", "<b>", "</i>",
    "&amp;", "&", "<", ">", "<a href='x'>", "é\u0301", "\U0001d54f", "\ud7ff", "@", "/", "#tag",
    "$CASH", "https://t.me/x", "@" + BOT_USERNAME, "@OtherBot", "@" + BOT_USERNAME.lower(),
]
USERS = [
    {"id": 2000 + n, "is_bot": False, "first_name": name}
    | ({"language_code": code} if code else {})
    for n, (name, code) in enumerate(
        [("Ana", "fr"), ("Bob", "en"), ("Cem", "tr"), ("Dan", None), ("Eve", "pt-BR"),
         ("\u202eFoo", "de"), ("😀", "xx"), ("<b>", "fr-CA")]
    )
]
GROUPS = [
    {"id": -500 - n, "type": "group", "title": f"G{n}"} for n in range(4)
] + [
    {"id": -1000000000100 - n, "type": "supergroup", "title": "S<&>", "username": "s"}
    for n in range(4)
] + [{"id": -1000000000900, "type": "supergroup", "title": "Forum", "is_forum": True}]
CHANNEL = {"id": -1000000000777, "type": "channel", "title": "News"}


class Generator:
    """Seeded updates; ``due`` tells for each message id whether an answer is due."""

    def __init__(self, seed: int, fake: FakeTelegram) -> None:
        self.random = random.Random(seed)
        self.fake = fake
        self.next_update = 1
        self.due: dict[int, tuple[int, str]] = {}  # message id → (chat id, must|never|maybe)

    def text(self) -> str:
        r = self.random
        parts: list[str] = []
        for _ in range(r.choice([0, 1, 1, 2, 3, 5, 12])):
            pick = r.random()
            if pick < 0.35:
                parts.append(r.choice(QUESTIONS))
            elif pick < 0.75:
                parts.append(r.choice(ODD))
            else:
                parts.append("".join(chr(r.randrange(0x20, 0x2FFF)) for _ in range(r.randrange(9))))
        text = r.choice([" ", "", "\n"]).join(parts)
        if r.random() < 0.01:
            text = (text or "Kazakhstan ") * r.randrange(300, 2000)  # up to tens of kB
        if r.random() < 0.3:
            text = self.command() + r.choice([" ", "\n", ""]) + text
        return text

    def command(self) -> str:
        r = self.random
        name = r.choice([*COMMANDS, "unknown", "QUOTE", "start_1"])
        target = r.choice(["", "", "", "@" + BOT_USERNAME, "@OtherBot", "@" + BOT_USERNAME.upper()])
        return f"/{name}{target}"

    def message(self, chat: dict[str, Any]) -> dict[str, Any]:
        r = self.random
        message: dict[str, Any] = {
            "message_id": self.fake.new_message_id(), "date": int(time.time()), "chat": chat,
        }
        if r.random() < 0.93:
            user = r.choice(USERS)
            message["from"] = user if chat["type"] != "private" else {**user, "id": chat["id"]}
        content = r.random()
        if content < 0.82:
            message["text"] = self.text()
            entities = entities_of(message["text"])
            if r.random() < 0.05:
                entities.append({"type": r.choice(["bold", "bot_command", "mention", "url"]),
                                 "offset": r.randrange(0, 50), "length": r.randrange(1, 40)})
            if r.random() < 0.03:
                entities.append({"type": "text_mention", "offset": 0, "length": 1,
                                 "user": BOT_USER})
            if entities and r.random() < 0.97:
                message["entities"] = entities
        elif content < 0.9:
            message["sticker"] = {"file_id": "s", "file_unique_id": "u", "type": "regular",
                                  "width": 1, "height": 1, "is_animated": False,
                                  "is_video": False}
        elif content < 0.95:
            message["photo"] = [{"file_id": "p", "file_unique_id": "q", "width": 1, "height": 1}]
            message["caption"] = self.text()
        if r.random() < 0.15:
            replied: dict[str, Any] = {
                "message_id": self.fake.new_message_id(), "date": 0, "chat": chat,
                "text": "an earlier message",
            }
            if r.random() < 0.6:
                replied["from"] = BOT_USER if r.random() < 0.7 else r.choice(USERS)
            message["reply_to_message"] = replied
        if chat.get("is_forum") and r.random() < 0.7:
            message["message_thread_id"] = r.randrange(1, 50)
            message["is_topic_message"] = True
        return message

    def update(self) -> dict[str, Any]:
        r = self.random
        update: dict[str, Any] = {"update_id": self.next_update}
        self.next_update += 1
        kind = r.choices(
            ["message", "edited_message", "channel_post", "edited_channel_post",
             "callback_query", "inline_query", "my_chat_member", "future_kind"],
            weights=[74, 9, 5, 3, 3, 3, 2, 1],
        )[0]
        if kind in ("message", "edited_message"):
            chat = (
                r.choice(GROUPS) if r.random() < 0.5
                else {"id": r.choice(USERS)["id"] + r.randrange(3) * 100, "type": "private",
                      "first_name": "P"}
            )
            message = self.message(chat)
            if kind == "edited_message":
                message["edit_date"] = int(time.time())
            update[kind] = message
            self.fake.chats[chat["id"]] = chat
            self.due[message["message_id"]] = (chat["id"], self.expect(kind, message))
        elif kind in ("channel_post", "edited_channel_post"):
            message = self.message(CHANNEL)
            message.pop("from", None)
            update[kind] = message
            self.due[message["message_id"]] = (CHANNEL["id"], "never")
        elif kind == "callback_query":
            query_id = f"cb{self.next_update}"  # unique: each may be answered once
            self.fake.open_query(query_id)
            update[kind] = {"id": query_id, "from": r.choice(USERS),
                            "chat_instance": "c", "data": self.text()[:64] or "x"}
        elif kind == "inline_query":
            query_id = f"iq{self.next_update}"
            self.fake.open_query(query_id)
            update[kind] = {"id": query_id, "from": r.choice(USERS),
                            "query": self.text()[:256], "offset": ""}
        elif kind == "my_chat_member":
            chat = r.choice(GROUPS)
            member = {"status": "member", "user": BOT_USER}
            update[kind] = {"chat": chat, "from": r.choice(USERS), "date": 0,
                            "old_chat_member": {"status": "left", "user": BOT_USER},
                            "new_chat_member": member}
        else:
            update[kind] = {"id": "p", "anything": [1, {"x": None}]}  # a kind from the future
        return update

    @staticmethod
    def expect(kind: str, message: dict[str, Any]) -> str:
        """Whether an answer is due: "must", "never", or "maybe" (addressing decides)."""
        if kind != "message":
            return "never"  # edits are never answered
        if message["chat"]["type"] == "private":
            return "must"
        text = message.get("text") or ""
        replied = (message.get("reply_to_message") or {}).get("from") or {}
        entities = message.get("entities") or []
        to_us = (
            BOT_USERNAME.lower() in text.lower()
            or replied.get("id") == BOT_ID
            or any(e["type"] == "text_mention" for e in entities)
            or any(e["type"] == "bot_command" and e["offset"] == 0 for e in entities)
        )
        return "maybe" if to_us else "never"


@asynccontextmanager
async def unpaced(settings: Settings, engine: Engine) -> AsyncIterator[TelegramApp]:
    """The real Application without Telegram's pacing (30/s) so that 10,000 updates fit in ~1 min;
    flood control off for the same reason (it has its own tests)."""
    fast = settings.model_copy(update={"chat_rate_limit": 1000, "chat_rate_window_seconds": 1.0})
    application = build_application(fast, engine)
    application.bot._rate_limiter = None  # pacing only: the handlers and sends stay the same
    await application.initialize()
    try:
        yield application
    finally:
        await application.shutdown()


async def test_ten_thousand_generated_updates(
    telegram: FakeTelegram, settings: Settings, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    generator = Generator(SEED, telegram)
    started = time.monotonic()
    async with unpaced(settings, engine) as application:
        for _ in range(TOTAL - POLLED):
            data = generator.update()
            update = Update.de_json(data, application.bot)
            try:
                await application.process_update(update)
            except Exception as error:
                raise AssertionError(f"seed {SEED}, update {data}") from error
        assert application.updater is not None
        for _ in range(POLLED):
            telegram.push_raw(generator.update())
        await application.updater.start_polling(**{**polling_options(settings), "timeout": 1})
        await application.start()
        try:
            deadline = time.monotonic() + 60
            # Confirmed (offset past the last one): every polled update reached the Application.
            while telegram.confirmed < generator.next_update and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
        finally:
            await application.updater.stop()
            await application.stop()
    elapsed = time.monotonic() - started
    polled_batches = [c for c in telegram.calls if c.method == "getUpdates"]
    assert telegram.confirmed == generator.next_update, "some polled updates were never fetched"

    assert not telegram.rejected(), [(c.params.get("text"), c.error) for c in telegram.rejected()]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, errors[0].getMessage()
    answered: dict[int, int] = {}
    for sent in telegram.sent:
        message_id = sent["reply_parameters"]["message_id"]
        chat_id, _ = generator.due[message_id]
        assert sent["chat_id"] == chat_id
        assert sent["parse_mode"] == "HTML"
        answered[message_id] = answered.get(message_id, 0) + 1
    wrong = {
        m: (due, answered.get(m, 0)) for m, (_, due) in generator.due.items()
        if (due == "must" and answered.get(m, 0) != 1)
        or (due == "never" and answered.get(m, 0) != 0)
        or (due == "maybe" and answered.get(m, 0) > 1)
    }
    assert not wrong, list(wrong.items())[:5]
    apologies = [s for s in telegram.sent if s["visible"].startswith(("Sorry", "Désolé"))]
    assert not apologies
    counts = {due: sum(1 for _, d in generator.due.values() if d == due)
              for due in ("must", "never", "maybe")}
    figures.record(
        "fuzz::updates", updates_generated=TOTAL, updates_through_polling=POLLED,
        getupdates_calls=len(polled_batches), replies=len(telegram.sent), seconds=round(elapsed, 1),
        **{f"due_{k}": v for k, v in counts.items()},
    )
