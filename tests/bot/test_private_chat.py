"""A private chat with the real Application, against the fake Bot API server."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.app import TelegramApp
from tests.bot.fake_telegram import (
    DE_USER,
    EN_USER,
    FR_USER,
    FakeTelegram,
    ask,
    assert_silent,
    private_chat,
    text_message,
    utf16_len,
)

FR = private_chat(FR_USER)
EN = private_chat(EN_USER)
NUCLEAR = "Qui a dit qu’il y aurait des armes nucléaires pour tout le monde ?"


async def test_a_question_is_answered_with_the_passage_quote_speaker_and_place(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    question = text_message(telegram, FR, FR_USER, NUCLEAR)
    telegram.push("message", question)
    sent = (await telegram.wait_sent(1))[0]
    text = sent["text"]
    assert re.match(r"<blockquote( expandable)?>[^<]*“?<b>[^<]+</b>", text)
    lines = sent["visible"].splitlines()
    assert lines[-2].startswith("— ") and "Loukachenko" in lines[-2]
    assert re.fullmatch(r"§ \d+/15 · Reuters.*", lines[-1])
    assert sent["chat_id"] == FR["id"]
    assert sent["reply_parameters"]["message_id"] == question["message_id"]
    assert "message_thread_id" not in sent


async def test_start_greets_in_three_lines_with_an_example(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    sent = await ask(telegram, FR, FR_USER, "/start")
    lines = sent["visible"].splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("Bonjour")
    assert "armes nucléaires" in lines[2]


async def test_help_lists_every_command(telegram: FakeTelegram, bot: TelegramApp) -> None:
    sent = await ask(telegram, EN, EN_USER, "/help")
    for command in ("/quote", "/who", "/speakers", "/article", "/help"):
        assert command in sent["visible"]
    assert "/quote <words>" in sent["visible"]  # escaped in the HTML, shown as typed


async def test_quote_answers_with_the_quotation_in_bold_and_its_speaker(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    sent = await ask(telegram, FR, FR_USER, "/quote blague")
    assert "<b>J’ai apprécié votre blague</b>" in sent["text"]
    assert "Tokayev" in sent["visible"].split("\n— ", 1)[1]


async def test_who_names_the_speaker_first_then_the_quotation(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    sent = await ask(telegram, FR, FR_USER, "/who blague")
    first_line = sent["visible"].splitlines()[0]
    assert first_line.startswith("Dit par") and "Tokayev" in first_line
    assert "<b>J’ai apprécié votre blague</b>" in sent["text"]


async def test_speakers_lists_who_is_quoted(telegram: FakeTelegram, bot: TelegramApp) -> None:
    sent = await ask(telegram, EN, EN_USER, "/speakers")
    assert sent["visible"].startswith("Who is quoted")
    assert "Loukachenko" in sent["visible"] and "Tokayev" in sent["visible"]


async def test_article_gives_source_date_byline_and_size(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    visible = (await ask(telegram, EN, EN_USER, "/article"))["visible"]
    assert "Source: Reuters" in visible
    assert "Date: 29 mai" in visible
    assert "Olzhas Auyezov" in visible
    assert "15 paragraphs" in visible


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        ("/quote", "Usage : /quote <mots>"),
        ("/who", "Usage : /who <mots>"),
        ("/quote   ", "Usage : /quote <mots>"),
    ],
)
async def test_a_command_without_words_gets_a_one_line_usage_hint(
    telegram: FakeTelegram, bot: TelegramApp, command: str, usage: str
) -> None:
    visible = (await ask(telegram, FR, FR_USER, command))["visible"]
    assert visible.startswith(usage)
    assert "\n" not in visible


async def test_nothing_answers_in_one_line_suggesting_speakers(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    visible = (await ask(telegram, EN, EN_USER, "xyzzy plugh frobnicate"))["visible"]
    assert "\n" not in visible
    assert "/speakers" in visible


async def test_a_question_full_of_html_is_answered_without_breaking_the_html(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    question = '<b>Kazakhstan</b> & <a href="x">Loukachenko</a> </blockquote> &amp; <script>'
    sent = await ask(telegram, FR, FR_USER, question)
    assert not telegram.rejected()
    assert "<script>" not in sent["text"] and "<a " not in sent["text"]


async def test_a_5000_character_message_gets_one_reply_under_the_limit(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    question = ("Kazakhstan & <armes> nucléaires 😀 " * 200)[:5000]
    sent = await ask(telegram, FR, FR_USER, question)
    assert utf16_len(sent["visible"]) <= 4096
    assert not telegram.rejected()


async def test_a_sticker_gets_a_one_line_hint(telegram: FakeTelegram, bot: TelegramApp) -> None:
    sticker = text_message(telegram, EN, EN_USER, "")
    del sticker["text"]
    sticker["sticker"] = {
        "file_id": "CAACAgIAAxkBAAE",
        "file_unique_id": "AgADAQADAAE",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": "😀",
    }
    telegram.push("message", sticker)
    visible = (await telegram.wait_sent(1))[0]["visible"]
    assert visible.startswith("I only read text")


@pytest.mark.parametrize(
    ("user", "text", "says"),
    [
        (EN_USER, "/foo", "I don’t know /foo. My commands: "),
        (EN_USER, "/frobnicate now", "I don’t know /frobnicate. My commands: "),
        (FR_USER, "/foo@ArticleTestBot", "Je ne connais pas /foo. Mes commandes : "),
    ],
)
async def test_an_unknown_command_says_so_and_lists_the_real_ones(
    telegram: FakeTelegram, bot: TelegramApp, user: dict[str, Any], text: str, says: str
) -> None:
    visible = (await ask(telegram, private_chat(user), user, text))["visible"]
    assert visible.startswith(says), visible
    listed = visible.removeprefix(says).split(", ")
    assert listed == [
        "/start", "/help", "/quote", "/who", "/speakers", "/article", "/articles", "/forget"
    ]


async def test_who_names_the_speaker_once(telegram: FakeTelegram, bot: TelegramApp) -> None:
    sent = await ask(telegram, EN, EN_USER, "/who blague")
    lines = sent["visible"].splitlines()
    assert lines[0] == "Said by le bureau de Kassym-Jomart Tokayev:"
    assert not any(line.startswith("— ") for line in lines)
    assert sent["visible"].count("Kassym-Jomart") == 1  # the passage says "bureau de Tokayev"


async def test_an_english_user_gets_english_words(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    visible = (await ask(telegram, EN, EN_USER, "/who blague"))["visible"]
    assert visible.startswith("Said by")
    assert "§ 8/15" in visible


@pytest.mark.parametrize(
    ("user", "greeting"),
    [
        (FR_USER, "Bonjour"),
        (EN_USER, "Hello"),
        (DE_USER, "Hello"),  # no German strings: English
        ({**EN_USER, "language_code": "fr-CA"}, "Bonjour"),
    ],
)
async def test_the_ui_language_follows_the_users_language_code(
    telegram: FakeTelegram, bot: TelegramApp, user: dict[str, Any], greeting: str
) -> None:
    visible = (await ask(telegram, private_chat(user), user, "/start"))["visible"]
    assert visible.startswith(greeting)


async def test_an_edited_message_is_not_answered(telegram: FakeTelegram, bot: TelegramApp) -> None:
    edited = text_message(telegram, EN, EN_USER, "Kazakhstan", edit_date=1)
    await assert_silent(telegram, ("edited_message", edited))


async def test_an_empty_looking_question_gets_an_example(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    visible = (await ask(telegram, EN, EN_USER, "   \u00a0 "))["visible"]
    assert visible.startswith("Ask me a question")
