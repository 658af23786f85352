"""Small talk: what counts as a greeting, thanks or "ok" (a table), and what the bot does with it
in a private chat (a short hint) and in a group (nothing), over the fake Bot API server."""

from __future__ import annotations

from typing import Any

import pytest

from bot.app import TelegramApp
from bot.smalltalk import classify
from tests.bot.fake_telegram import (
    EN_USER,
    FR_USER,
    SUPERGROUP,
    FakeTelegram,
    ask,
    assert_silent,
    bot_message,
    private_chat,
    text_message,
)


@pytest.mark.parametrize(
    ("text", "kind", "language"),
    [
        ("merci !", "thanks", "fr"),
        ("Merci beaucoup, c’est très gentil", "thanks", "fr"),
        ("merciiii", "thanks", "fr"),
        ("thanks", "thanks", "en"),
        ("Thank you so much!", "thanks", "en"),
        ("ok merci", "thanks", "fr"),
        ("hello", "greeting", None),
        ("Bonjour le bot", "greeting", "fr"),
        ("good morning", "greeting", "en"),
        ("lol 😂", "laughter", None),
        ("hahahaha", "laughter", None),
        ("ptdrrr", "laughter", None),
        ("xDDD", "laughter", None),
        ("héhé", "laughter", None),
        ("👍", "ack", None),
        ("😂😂😂", "ack", None),
        ("!!", "ack", None),
        ("ok", "ack", None),
        ("okkk", "ack", None),
        ("ça marche", "ack", "fr"),
        ("d’accord, c’est noté", "ack", "fr"),
        ("got it, that is great", "ack", "en"),
    ],
)
def test_small_talk_is_recognised_with_its_kind(text: str, kind: str, language: str | None) -> None:
    talk = classify(text)
    assert talk is not None, text
    assert (talk.kind, talk.language) == (kind, language)


@pytest.mark.parametrize(
    "text",
    [
        "Qui a dit merci ?",
        "who said hello to the minister",
        "ok, who spoke about the harbour?",
        "merci mais que pense le maire du port ?",
        "Lukashenko",
        "nucléaire",
        "2023",
        "you",  # only a filler: not enough to call it small talk
        "ok ok ok ok ok ok ok ok ok",  # longer than a remark
        "",
        "   ",
    ],
)
def test_questions_and_names_are_not_small_talk(text: str) -> None:
    assert classify(text) is None


SAID_TO_THE_BOT = ["merci", "lol", "👍", "hello"]


@pytest.mark.parametrize("text", SAID_TO_THE_BOT)
async def test_small_talk_replying_to_the_bot_in_a_group_gets_no_reply(
    telegram: FakeTelegram, bot: TelegramApp, text: str
) -> None:
    reply = text_message(
        telegram, SUPERGROUP, FR_USER, text, reply_to_message=bot_message(telegram, SUPERGROUP)
    )
    mention = text_message(telegram, SUPERGROUP, FR_USER, f"@ArticleTestBot {text}")
    await assert_silent(telegram, ("message", reply), ("message", mention))


@pytest.mark.parametrize(
    ("user", "text", "starts"),
    [
        (FR_USER, "merci", "Avec plaisir"),
        (FR_USER, "lol", "Posez-moi une question"),
        (FR_USER, "👍", "Posez-moi une question"),
        (FR_USER, "hello", "Bonjour !"),
        (EN_USER, "merci", "You’re welcome"),
        (EN_USER, "lol", "Ask me a question"),
        (EN_USER, "👍", "Ask me a question"),
        (EN_USER, "hello", "Hello!"),
    ],
)
async def test_small_talk_in_a_private_chat_gets_a_short_hint_not_a_not_found(
    telegram: FakeTelegram, bot: TelegramApp, user: dict[str, Any], text: str, starts: str
) -> None:
    visible = (await ask(telegram, private_chat(user), user, text))["visible"]
    assert visible.startswith(starts), visible
    assert "does not answer" not in visible and "ne répond pas" not in visible
    assert "\n" not in visible


async def test_a_question_after_small_talk_is_still_answered(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    chat = private_chat(FR_USER)
    await ask(telegram, chat, FR_USER, "merci !")
    visible = (await ask(telegram, chat, FR_USER, "Et qui a parlé d’une blague ?"))["visible"]
    assert "Tokayev" in visible
