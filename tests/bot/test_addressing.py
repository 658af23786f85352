"""Whether a group message is for us: one case per line."""

from __future__ import annotations

from typing import Any

import pytest
from telegram import Message

from bot.addressing import Addressed, addressed, strip_mention
from tests.bot.fake_telegram import (
    BOT_ID,
    BOT_USER,
    BOT_USERNAME,
    CHANNEL,
    FORUM,
    FR_USER,
    OTHER_USER,
    SUPERGROUP,
    FakeTelegram,
    private_chat,
    text_message,
)

FAKE = FakeTelegram()


def message(chat: dict[str, Any], text: str, **extra: Any) -> Message:
    return Message.de_json(text_message(FAKE, chat, FR_USER, text, **extra), None)


def ours() -> dict[str, Any]:
    return text_message(FAKE, SUPERGROUP, BOT_USER, "an answer")


def topic_opening(creator: dict[str, Any]) -> dict[str, Any]:
    opening = text_message(FAKE, FORUM, creator, "")
    del opening["text"]
    opening["forum_topic_created"] = {"name": "Topic", "icon_color": 7322096}
    return opening


CASES = [
    ("any text in a private chat", private_chat(FR_USER), "bonjour", {}, Addressed.PRIVATE),
    ("a command in a private chat", private_chat(FR_USER), "/quote x", {}, Addressed.PRIVATE),
    ("plain text in a group", SUPERGROUP, "qui a parlé ?", {}, None),
    ("a bare command", SUPERGROUP, "/quote Kazakhstan", {}, Addressed.COMMAND),
    ("a command to us", SUPERGROUP, "/quote@ArticleTestBot x", {}, Addressed.COMMAND),
    ("a command to us, lower case", SUPERGROUP, "/who@articletestbot x", {}, Addressed.COMMAND),
    ("a command to another bot", SUPERGROUP, "/quote@OtherBot x", {}, None),
    ("a command not at the start", SUPERGROUP, "try /quote x", {}, None),
    ("a mention of us", SUPERGROUP, "@ArticleTestBot qui ?", {}, Addressed.MENTION),
    ("a mention in capitals", SUPERGROUP, "dis @ARTICLETESTBOT qui ?", {}, Addressed.MENTION),
    ("a mention of someone else", SUPERGROUP, "@SomeoneElse qui ?", {}, None),
    ("our name without @", SUPERGROUP, "ArticleTestBot qui ?", {}, None),
    ("a reply to us", SUPERGROUP, "et lui ?", {"reply_to_message": ours()}, Addressed.REPLY),
    (
        "a reply to someone else",
        SUPERGROUP,
        "et lui ?",
        {"reply_to_message": text_message(FAKE, SUPERGROUP, OTHER_USER, "hi")},
        None,
    ),
    (
        "a forum topic message (formally a reply to the topic opening)",
        FORUM,
        "et lui ?",
        {"reply_to_message": topic_opening(OTHER_USER), "is_topic_message": True},
        None,
    ),
    (
        "a message in a topic the bot opened",
        FORUM,
        "et lui ?",
        {"reply_to_message": topic_opening(BOT_USER), "is_topic_message": True},
        None,
    ),
    (
        "a text mention of the bot",
        SUPERGROUP,
        "Article, qui ?",
        {"entities": [{"type": "text_mention", "offset": 0, "length": 7, "user": BOT_USER}]},
        Addressed.MENTION,
    ),
    ("a channel post", CHANNEL, "@ArticleTestBot qui ?", {}, None),
]


@pytest.mark.parametrize(
    ("chat", "text", "extra", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_addressed(
    chat: dict[str, Any], text: str, extra: dict[str, Any], expected: Addressed | None
) -> None:
    assert addressed(message(chat, text, **extra), BOT_ID, BOT_USERNAME) is expected


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("@ArticleTestBot qui a parlé ?", "qui a parlé ?"),
        ("Dis @articletestbot, qui ?", "Dis qui ?"),
        ("@ArticleTestBot: qui ?", "qui ?"),
        ("@ArticleTestBot", ""),
        ("@ArticleTestBotX qui ?", "@ArticleTestBotX qui ?"),
    ],
)
def test_strip_mention(text: str, question: str) -> None:
    assert strip_mention(text, BOT_USERNAME) == question
