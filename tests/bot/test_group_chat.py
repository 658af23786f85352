"""Groups, supergroups and forum topics: answered when addressed, silent otherwise."""

from __future__ import annotations

from typing import Any

import pytest

from bot.app import TelegramApp
from tests.bot.fake_telegram import (
    BOT_USER,
    CHANNEL,
    FORUM,
    FR_USER,
    GROUP,
    OTHER_USER,
    SUPERGROUP,
    FakeTelegram,
    ask,
    assert_silent,
    bot_message,
    send,
    text_message,
)

TOPIC = 77


def topic_opening(fake: FakeTelegram, creator: dict[str, Any]) -> dict[str, Any]:
    """The service message that opens a forum topic; every message of the topic replies to it."""
    message = text_message(fake, FORUM, creator, "")
    del message["text"]
    message["message_id"] = TOPIC
    message["forum_topic_created"] = {"name": "Biélorussie", "icon_color": 7322096}
    return message


def in_topic(fake: FakeTelegram, text: str, creator: dict[str, Any] = OTHER_USER,
             reply_to: dict[str, Any] | None = None) -> dict[str, Any]:
    return text_message(
        fake,
        FORUM,
        FR_USER,
        text,
        message_thread_id=TOPIC,
        is_topic_message=True,
        reply_to_message=reply_to or topic_opening(fake, creator),
    )


@pytest.mark.parametrize(
    "text",
    [
        "/quote@ArticleTestBot blague",
        "/quote@articletestbot blague",
        "/quote blague",
        "/who@ArticleTestBot blague",
        "/who blague",
    ],
)
async def test_commands_bare_or_to_us_are_answered_threaded(
    telegram: FakeTelegram, bot: TelegramApp, text: str
) -> None:
    question = text_message(telegram, SUPERGROUP, FR_USER, text)
    sent = await send(telegram, question)
    assert sent["chat_id"] == SUPERGROUP["id"]
    assert sent["reply_parameters"]["message_id"] == question["message_id"]
    assert "Tokayev" in sent["visible"]
    assert "message_thread_id" not in sent


async def test_a_basic_group_is_served_too(telegram: FakeTelegram, bot: TelegramApp) -> None:
    sent = await ask(telegram, GROUP, FR_USER, "/quote blague")
    assert "Tokayev" in sent["visible"]


@pytest.mark.parametrize(
    "text",
    [
        "Qui a parlé du Kazakhstan ?",
        "/quote@OtherBot Kazakhstan",
        "/who@OtherBot blague",
        "/help@OtherBot",
        "Ask @SomeoneElse about Kazakhstan",
        "email ArticleTestBot about Kazakhstan",
    ],
)
async def test_other_text_is_not_answered(
    telegram: FakeTelegram, bot: TelegramApp, text: str
) -> None:
    await assert_silent(telegram, ("message", text_message(telegram, SUPERGROUP, FR_USER, text)))


@pytest.mark.parametrize(
    "text",
    [
        "@ArticleTestBot qui a dit qu’il y aurait des armes nucléaires pour tout le monde ?",
        "@articletestbot qui a dit qu’il y aurait des armes nucléaires pour tout le monde ?",
        "Dis @ARTICLETESTBOT : qui a dit qu’il y aurait des armes nucléaires pour tout le monde ?",
    ],
)
async def test_a_mention_in_any_letter_case_is_answered(
    telegram: FakeTelegram, bot: TelegramApp, text: str
) -> None:
    question = text_message(telegram, SUPERGROUP, FR_USER, text)
    sent = await send(telegram, question)
    assert sent["reply_parameters"]["message_id"] == question["message_id"]
    assert "Loukachenko" in sent["visible"]


async def test_a_bare_mention_gets_an_example(telegram: FakeTelegram, bot: TelegramApp) -> None:
    visible = (await ask(telegram, SUPERGROUP, FR_USER, "@ArticleTestBot"))["visible"]
    assert visible.startswith("Posez-moi une question")


async def test_a_reply_to_the_bot_is_answered(telegram: FakeTelegram, bot: TelegramApp) -> None:
    previous = bot_message(telegram, SUPERGROUP)
    sent = await ask(
        telegram, SUPERGROUP, FR_USER, "Et qui a parlé d’une blague ?", reply_to_message=previous
    )
    assert "Tokayev" in sent["visible"]


async def test_a_reply_to_someone_else_is_not_answered(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    someone = text_message(telegram, SUPERGROUP, OTHER_USER, "J’ai lu l’article")
    reply = text_message(
        telegram, SUPERGROUP, FR_USER, "Qui a parlé du Kazakhstan ?", reply_to_message=someone
    )
    await assert_silent(telegram, ("message", reply))


@pytest.mark.parametrize("creator", [OTHER_USER, BOT_USER], ids=["user topic", "bot's own topic"])
async def test_plain_text_in_a_forum_topic_is_not_a_reply_to_the_bot(
    telegram: FakeTelegram, bot: TelegramApp, creator: dict[str, Any]
) -> None:
    message = in_topic(telegram, "Qui a parlé du Kazakhstan ?", creator=creator)
    await assert_silent(telegram, ("message", message))


async def test_a_mention_in_a_forum_topic_is_answered_in_that_topic(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    question = in_topic(telegram, "@ArticleTestBot qui a parlé du Kazakhstan ?")
    sent = await send(telegram, question)
    assert sent["message_thread_id"] == TOPIC
    assert sent["reply_parameters"]["message_id"] == question["message_id"]


async def test_a_command_and_a_reply_in_a_forum_topic_stay_in_it(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    sent = await send(telegram, in_topic(telegram, "/who blague"))
    assert sent["message_thread_id"] == TOPIC
    ours = bot_message(telegram, FORUM)
    ours.update(message_thread_id=TOPIC, is_topic_message=True)
    sent = await send(telegram, in_topic(telegram, "Et Kazakhstan ?", reply_to=ours))
    assert sent["message_thread_id"] == TOPIC


async def test_help_in_a_group_is_one_short_line(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    visible = (await ask(telegram, SUPERGROUP, FR_USER, "/help@ArticleTestBot"))["visible"]
    assert "\n" not in visible
    assert "@ArticleTestBot" in visible


async def test_edited_messages_and_channel_posts_are_not_answered(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    edited = text_message(
        telegram, SUPERGROUP, FR_USER, "@ArticleTestBot Kazakhstan ?", edit_date=1
    )
    edited_command = text_message(telegram, SUPERGROUP, FR_USER, "/quote Kazakhstan", edit_date=1)
    post = text_message(telegram, CHANNEL, None, "/quote@ArticleTestBot Kazakhstan")
    post["sender_chat"] = CHANNEL
    await assert_silent(
        telegram,
        ("edited_message", edited),
        ("edited_message", edited_command),
        ("channel_post", post),
        ("edited_channel_post", {**post, "edit_date": 1}),
    )


async def test_a_sticker_in_a_group_is_not_answered(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    sticker = text_message(telegram, SUPERGROUP, FR_USER, "")
    del sticker["text"]
    sticker["sticker"] = {
        "file_id": "CAACAgIAAxkBAAE",
        "file_unique_id": "AgADAQADAAE",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    }
    await assert_silent(telegram, ("message", sticker))


async def test_an_unknown_command_to_us_in_a_group_lists_the_group_commands(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    visible = (await ask(telegram, SUPERGROUP, FR_USER, "/foo@ArticleTestBot"))["visible"]
    assert visible == (
        "Je ne connais pas /foo. Mes commandes : /quote, /who, /speakers, /article, /articles, "
        "/forget, /help"
    )


@pytest.mark.parametrize("text", ["/foo", "/foo@OtherBot", "/start@OtherBot"])
async def test_an_unknown_bare_command_in_a_group_is_another_bots(
    telegram: FakeTelegram, bot: TelegramApp, text: str
) -> None:
    await assert_silent(telegram, ("message", text_message(telegram, SUPERGROUP, FR_USER, text)))
