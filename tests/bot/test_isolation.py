"""Isolation: chat A never sees chat B's article, in any command, button or inline result.

Two users, each in a private chat with the bot, and a group: each reads its own article."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.app import TelegramApp
from bot.settings import Settings
from tests.bot.fake_telegram import (
    EN_USER,
    FR_USER,
    SUPERGROUP,
    TOKEN,
    FakeTelegram,
    ask,
    bot_message,
    buttons_of,
    inline_query,
    press,
    private_chat,
    send,
    text_message,
    url_entities,
)
from tests.bot.fake_web import FakeWeb

A_CHAT, B_CHAT = private_chat(EN_USER), private_chat(FR_USER)
A_NAMES = ("Lefèvre", "Reilly", "Harbour")  # the English news page
B_NAMES = ("Ferrand", "Belkacem", "Grève")  # the French news page
BUNDLED_NAMES = ("Loukachenko", "Tokayev")


@pytest.fixture
async def web() -> AsyncIterator[FakeWeb]:
    server = await FakeWeb().start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
def settings(telegram: FakeTelegram, tmp_path: Path, web: FakeWeb) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token=TOKEN,
        telegram_bot_api_url=telegram.base_url,
        data_dir=tmp_path / "data",
        fetch_allow_hosts=web.allow,
    )


async def _read(fake: FakeTelegram, chat: dict[str, Any], user: dict[str, Any], url: str) -> None:
    text = url if chat["type"] == "private" else f"@ArticleTestBot {url}"
    message = text_message(fake, chat, user, text, entities=url_entities(text))
    card = (await send(fake, message))["visible"]
    assert "Now reading" in card or "Article en cours" in card, card


async def _two_chats(fake: FakeTelegram, web: FakeWeb) -> None:
    await _read(fake, A_CHAT, EN_USER, web.url("/news/bridge"))
    await _read(fake, B_CHAT, FR_USER, web.url("/fr/greve"))


def _only(text: str, mine: tuple[str, ...], others: tuple[str, ...]) -> None:
    assert any(name in text for name in mine), text
    assert not any(name in text for name in others), text


@pytest.mark.parametrize(
    ("a_text", "b_text"),
    [
        ("/speakers", "/speakers"),
        ("/article", "/article"),
        ("/who cables", "/who onze heures"),
        ("/quote shop elsewhere", "/quote usagers sans solution"),
        ("Who said trade had already fallen?", "Qui a promis de ne pas laisser les usagers ?"),
    ],
)
async def test_commands_and_questions_see_their_own_chats_article(
    bot: TelegramApp, telegram: FakeTelegram, web: FakeWeb, a_text: str, b_text: str
) -> None:
    await _two_chats(telegram, web)
    _only((await ask(telegram, A_CHAT, EN_USER, a_text))["visible"], A_NAMES,
          B_NAMES + BUNDLED_NAMES)
    _only((await ask(telegram, B_CHAT, FR_USER, b_text))["visible"], B_NAMES,
          A_NAMES + BUNDLED_NAMES)


async def test_a_button_from_chat_a_does_nothing_in_chat_b(
    bot: TelegramApp, telegram: FakeTelegram, web: FakeWeb
) -> None:
    await _two_chats(telegram, web)
    reply = await ask(telegram, A_CHAT, EN_USER, "/who cables")
    data = buttons_of(telegram, reply["message"])
    assert data, "an answer in chat A comes with buttons"
    context = next(d for label, d in data.items() if label == "Context")
    # the same data pressed under a message of chat B (forged, or a forwarded keyboard)
    elsewhere = bot_message(telegram, B_CHAT, "une réponse")
    telegram.messages[(B_CHAT["id"], elsewhere["message_id"])] = {**elsewhere, "html": "x"}
    edits = len(telegram.edits)
    answered = await press(telegram, FR_USER, elsewhere, context)
    assert answered.get("show_alert") and "ancienne version" in answered["text"]
    assert len(telegram.edits) == edits
    # in chat A it works, and shows chat A's article
    answered = await press(telegram, EN_USER, reply["message"], context)
    await telegram.wait_for(lambda: len(telegram.edits) > edits, "the edit in chat A")
    _only(telegram.edits[-1]["visible"], A_NAMES, B_NAMES + BUNDLED_NAMES)


async def test_a_switch_button_of_chat_a_does_nothing_in_chat_b(
    bot: TelegramApp, telegram: FakeTelegram, web: FakeWeb
) -> None:
    await _two_chats(telegram, web)
    listing = await ask(telegram, A_CHAT, EN_USER, "/articles")
    choose_a = next(iter(buttons_of(telegram, listing["message"]).values()))
    elsewhere = bot_message(telegram, B_CHAT, "une liste")
    telegram.messages[(B_CHAT["id"], elsewhere["message_id"])] = {**elsewhere, "html": "x"}
    answered = await press(telegram, FR_USER, elsewhere, choose_a)
    assert answered.get("show_alert") and "plus dans la liste" in answered["text"]
    _only((await ask(telegram, B_CHAT, FR_USER, "/speakers"))["visible"], B_NAMES, A_NAMES)
    listed = (await ask(telegram, B_CHAT, FR_USER, "/articles"))["message"]
    assert not any("Harbour" in label for label in buttons_of(telegram, listed))


async def test_inline_results_come_from_the_asking_users_own_article(
    bot: TelegramApp, telegram: FakeTelegram, web: FakeWeb
) -> None:
    await _two_chats(telegram, web)
    for user, mine, others in ((EN_USER, A_NAMES, B_NAMES), (FR_USER, B_NAMES, A_NAMES)):
        answered = await inline_query(telegram, user, "")
        assert answered["is_personal"] is True  # Telegram must not serve one user's to another
        shown = " ".join(
            r["title"] + " " + r["input_message_content"]["message_text"]
            for r in answered["results"]
        )
        _only(shown, mine, others + BUNDLED_NAMES)
    # a third user, who never sent an article, gets the bundled one
    stranger = {"id": 1099, "is_bot": False, "first_name": "Ola", "language_code": "en"}
    answered = await inline_query(telegram, stranger, "blague")
    shown = " ".join(r["input_message_content"]["message_text"] for r in answered["results"])
    _only(shown, BUNDLED_NAMES, A_NAMES + B_NAMES)


async def test_a_group_and_its_members_private_chats_are_apart(
    bot: TelegramApp, telegram: FakeTelegram, web: FakeWeb
) -> None:
    await _read(telegram, A_CHAT, EN_USER, web.url("/news/bridge"))
    await _read(telegram, SUPERGROUP, EN_USER, web.url("/fr/greve"))
    _only((await ask(telegram, SUPERGROUP, EN_USER, "/speakers@ArticleTestBot"))["visible"],
          B_NAMES, A_NAMES)
    _only((await ask(telegram, A_CHAT, EN_USER, "/speakers"))["visible"], A_NAMES, B_NAMES)
    # inline mode follows the user's private chat, not the group they type in
    answered = await inline_query(telegram, EN_USER, "")
    shown = " ".join(r["input_message_content"]["message_text"] for r in answered["results"])
    _only(shown, A_NAMES, B_NAMES)
    # the other user's private chat reads the bundled article
    _only((await ask(telegram, B_CHAT, FR_USER, "/who blague"))["visible"], BUNDLED_NAMES,
          A_NAMES + B_NAMES)
