"""Inline mode (`@ThisBot words` in any chat) against the fake Bot API server."""

from __future__ import annotations

from typing import Any

import pytest

from bot.app import TelegramApp
from bot.callback_data import fingerprint
from bot.inline import result_id
from bot.settings import Settings
from index import Engine
from tests.bot.conftest import running
from tests.bot.fake_telegram import (
    EN_USER,
    FR_USER,
    FakeTelegram,
    ask,
    assert_silent,
    inline_query,
    page,
    parse_html,
    private_chat,
)


def check_results(answer: dict[str, Any]) -> list[dict[str, Any]]:
    """What every answer to an inline query must be; returns its results."""
    assert answer["cache_time"] == 300
    # personal: each user's results come from the article of their own private chat
    assert answer["is_personal"] is True
    results: list[dict[str, Any]] = answer["results"]
    assert len(results) <= 10
    for result in results:
        content = result["input_message_content"]
        assert content["parse_mode"] == "HTML"
        assert content["link_preview_options"] == {"is_disabled": True}
        assert result["title"].strip()
    return results


async def test_an_empty_query_lists_the_most_quoted_speakers_quotations(
    telegram: FakeTelegram, bot: TelegramApp, engine: Engine
) -> None:
    results = check_results(await inline_query(telegram, FR_USER, ""))
    assert results
    ranked = [entry.speaker.name for entry in engine.speakers()][:10]
    titles = [result["title"] for result in results]
    # One quotation of each speaker, most quoted first, before anyone's second one.
    assert len(titles) >= len(ranked)
    for name, title in zip(ranked, titles, strict=False):
        assert title.startswith(name)


async def test_a_query_lists_matching_quotations_titled_by_speaker(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    results = check_results(await inline_query(telegram, FR_USER, "nucléaire"))
    assert results
    assert any("nucléaire" in result["input_message_content"]["message_text"]
               for result in results)
    for result in results:
        visible = parse_html(result["input_message_content"]["message_text"])
        # The description is the start of the quotation, which the posted message holds.
        start = result["description"].rstrip("…")[:40]
        assert " ".join(start.split()) in " ".join(visible.split())


async def test_a_chosen_result_is_formatted_like_an_answer(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    results = check_results(await inline_query(telegram, FR_USER, "blague"))
    first = results[0]
    assert "Tokayev" in first["title"]
    assert first["description"].startswith("J’ai apprécié votre blague")
    reply = await ask(telegram, private_chat(FR_USER), FR_USER, "/quote blague")
    assert first["input_message_content"]["message_text"] == reply["text"]


async def test_result_ids_are_stable_and_unique(
    telegram: FakeTelegram, bot: TelegramApp, engine: Engine
) -> None:
    once = check_results(await inline_query(telegram, FR_USER, "nucléaire"))
    again = check_results(await inline_query(telegram, EN_USER, "nucléaire"))
    assert [r["id"] for r in once] == [r["id"] for r in again]
    assert len({r["id"] for r in once}) == len(once)
    blague = check_results(await inline_query(telegram, FR_USER, "blague"))[0]
    quote = next(q for q in engine.quotes() if q.paragraph == 7 and "blague" in q.text)
    assert blague["id"] == result_id(fingerprint(engine.article), 7, quote.start)


async def test_no_match_lists_nothing_and_offers_a_private_chat(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    answer = await inline_query(telegram, FR_USER, "xyzzy plugh frobnicate")
    assert check_results(answer) == []
    assert answer["button"]["start_parameter"] == "inline"
    assert answer["button"]["text"].startswith("Rien ne correspond")
    assert answer["is_personal"] is True


async def test_an_english_users_no_result_button_is_in_english(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    """The article is French; the button speaks the user's language, like every other word."""
    answer = await inline_query(telegram, EN_USER, "xyzzy plugh frobnicate")
    assert check_results(answer) == []
    assert answer["button"]["text"] == "Nothing in the article matches: ask me in a private chat"


@pytest.mark.parametrize(
    "query",
    [
        ("Kazakhstan nucléaire & <b> " * 20)[:300],
        "x" * 300,
        "😀" * 256,
        "\u202e\u0000\u200b\ufeff",
        "\ud800 lone surrogate",
        "   \n\t ",
        "'\"<>&;|v1|",
    ],
    ids=["300 words", "300 x", "emoji", "control", "surrogate", "blank", "punctuation"],
)
async def test_long_or_odd_queries_are_answered_without_error(
    telegram: FakeTelegram, bot: TelegramApp, query: str
) -> None:
    check_results(await inline_query(telegram, FR_USER, query))
    assert not telegram.rejected()


async def test_an_inline_query_too_old_to_answer_breaks_nothing(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    telegram.push(
        "inline_query",
        {"id": "777", "from": FR_USER, "query": "blague", "offset": "", "chat_type": "private"},
    )
    await telegram.wait_call("answerInlineQuery")
    await assert_silent(telegram)
    refused = telegram.rejected()
    assert [call.method for call in refused] == ["answerInlineQuery"]
    telegram.calls.remove(refused[0])
    assert check_results(await inline_query(telegram, FR_USER, "blague"))


async def test_with_allowed_chat_ids_inline_queries_go_unanswered_but_buttons_work(
    telegram: FakeTelegram, settings: Settings, engine: Engine
) -> None:
    allowed = f"{FR_USER['id']},{EN_USER['id']}"
    async with running(settings.model_copy(update={"allowed_chat_ids": allowed}), engine):
        query = {"id": "31", "from": FR_USER, "query": "blague", "offset": "", "chat_type": "group"}
        telegram.push_query("inline_query", query)
        await assert_silent(telegram)
        assert not telegram.inline_answers  # Telegram does not say which chat it comes from
        sent = await ask(telegram, private_chat(FR_USER), FR_USER, "/quote armes nucléaires")
        await page(telegram, FR_USER, sent["message"], "Contexte")
    assert not telegram.rejected()
