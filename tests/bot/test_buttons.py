"""The buttons under an answer, pressed for real against the fake Bot API server."""

from __future__ import annotations

from typing import Any

import pytest

from bot.app import TelegramApp
from bot.buttons import outermost, overlaps
from bot.callback_data import ButtonState, Item, decode, encode, fingerprint
from bot.settings import Settings
from index import Engine
from tests.bot.conftest import running
from tests.bot.fake_telegram import (
    EN_USER,
    FR_USER,
    OTHER_USER,
    SUPERGROUP,
    FakeTelegram,
    ask,
    assert_silent,
    bot_message,
    buttons_of,
    page,
    press,
    press_data,
    private_chat,
    text_message,
)

FR = private_chat(FR_USER)
NUCLEAR = "Qui a dit qu’il y aurait des armes nucléaires pour tout le monde ?"
NEXT, PREVIOUS, CONTEXT, BACK = "Suivant ▶", "◀", "Contexte", "↩ Réponse"


def state_of(fake: FakeTelegram, message: dict[str, Any]) -> ButtonState:
    """The state the message's buttons carry (they all share the answer)."""
    state = decode(next(iter(buttons_of(fake, message).values())))
    assert state is not None
    return state


def place(engine: Engine, paragraph: int) -> str:
    return f"§ {paragraph + 1}/{len(engine.article.paragraphs)}"


def calls_in_order(fake: FakeTelegram) -> list[str]:
    wanted = ("answerCallbackQuery", "editMessageText")
    return [call.method for call in fake.calls if call.method in wanted]


async def test_an_answer_comes_with_next_and_context_buttons(
    telegram: FakeTelegram, bot: TelegramApp, engine: Engine
) -> None:
    sent = await ask(telegram, FR, FR_USER, NUCLEAR)
    labels = list(buttons_of(telegram, sent["message"]))
    assert PREVIOUS not in labels  # the first result: nothing before it
    assert NEXT in labels and CONTEXT in labels
    state = state_of(telegram, sent["message"])
    assert state.fingerprint == fingerprint(engine.article)
    assert state.asker == FR_USER["id"]
    expected = [r.paragraph for r in engine.answer("ask", NUCLEAR, limit=3).results]
    assert [item.paragraph for item in state.items] == expected


async def test_next_pages_to_the_last_result_and_back_to_the_first(
    telegram: FakeTelegram, bot: TelegramApp, engine: Engine
) -> None:
    sent = await ask(telegram, FR, FR_USER, NUCLEAR)
    message = sent["message"]
    paragraphs = [item.paragraph for item in state_of(telegram, message).items]
    assert len(paragraphs) >= 2
    for paragraph in paragraphs[1:]:
        shown = await page(telegram, FR_USER, message, NEXT)
        assert place(engine, paragraph) in shown["text"].splitlines()[-1]
        assert PREVIOUS in buttons_of(telegram, message)
    assert NEXT not in buttons_of(telegram, message)  # the last result
    for paragraph in reversed(paragraphs[:-1]):
        shown = await page(telegram, FR_USER, message, PREVIOUS)
        assert place(engine, paragraph) in shown["text"].splitlines()[-1]
    assert PREVIOUS not in buttons_of(telegram, message)
    assert shown["html"] == sent["text"]  # back at the start: the very reply it was
    # Every press is answered at once, before its edit.
    assert calls_in_order(telegram) == ["answerCallbackQuery", "editMessageText"] * (
        2 * (len(paragraphs) - 1)
    )


async def test_context_shows_the_paragraphs_around_and_goes_back(
    telegram: FakeTelegram, bot: TelegramApp, engine: Engine
) -> None:
    sent = await ask(telegram, FR, FR_USER, "/quote blague")
    message = sent["message"]
    assert state_of(telegram, message).item.paragraph == 7
    shown = await page(telegram, FR_USER, message, CONTEXT)
    for paragraph in (6, 7, 8):
        assert place(engine, paragraph) in shown["text"]
        assert engine.article.paragraphs[paragraph].text[:100] in shown["text"]
    assert place(engine, 5) not in shown["text"] and place(engine, 9) not in shown["text"]
    assert f"<b>{place(engine, 7)}</b>" in shown["html"]
    assert "<b>J’ai apprécié votre blague</b>" in shown["html"]  # the quotation, as answered
    assert list(buttons_of(telegram, message)) == [BACK]
    shown = await page(telegram, FR_USER, message, BACK)
    assert shown["html"] == sent["text"]
    assert CONTEXT in buttons_of(telegram, message)


async def test_more_from_the_speaker_lists_their_other_quotations(
    telegram: FakeTelegram, bot: TelegramApp, engine: Engine
) -> None:
    sent = await ask(telegram, FR, FR_USER, "/who blague")
    message = sent["message"]
    more = [label for label in buttons_of(telegram, message) if label.startswith("Encore ")]
    assert len(more) == 1
    shown = await page(telegram, FR_USER, message, more[0])
    assert "Tokayev" in shown["text"].splitlines()[0]
    said = next(q for q in engine.quotes() if q.paragraph == 7 and "blague" in q.text)
    others = outermost(
        q for q in engine.quotes() if q.speaker == said.speaker and not overlaps(q, said)
    )
    for other in others:
        assert other.text[:50] in shown["text"]
    if not others:
        assert "nulle part ailleurs" in shown["text"]
    assert said.text not in shown["text"]
    shown = await page(telegram, FR_USER, message, BACK)
    assert shown["html"] == sent["text"]


async def test_more_from_lists_a_quotation_once_not_again_as_its_fragment(
    telegram: FakeTelegram, bot: TelegramApp, engine: Engine
) -> None:
    """Loukachenko's indirect quotations hold direct fragments; each sentence is listed once."""
    sent = await ask(telegram, FR, FR_USER, "/who Kazakhstan rejoindre")
    message = sent["message"]
    more = next(label for label in buttons_of(telegram, message) if label.startswith("Encore "))
    shown = await page(telegram, FR_USER, message, more)
    items = [line for line in shown["text"].splitlines() if line.startswith("• ")]
    texts = [line.split("«", 1)[1].rsplit("»", 1)[0].removesuffix("…") for line in items]
    assert len(texts) >= 2
    for one in texts:
        assert not any(one != other and one in other for other in texts), texts
    fragments = [  # direct quotations lying inside an indirect one of the same speaker
        q for q in engine.quotes()
        if any(o is not q and o.paragraph == q.paragraph and o.start <= q.start
               and q.end <= o.end and o.speaker == q.speaker for o in engine.quotes())
    ]
    assert fragments  # the article has some: the test means something
    assert not any(f"«{fragment.text}»" in shown["text"] for fragment in fragments)


async def test_an_english_user_gets_english_buttons(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    sent = await ask(telegram, private_chat(EN_USER), EN_USER, "/who blague")
    labels = list(buttons_of(telegram, sent["message"]))
    assert "Context" in labels
    assert any(label.startswith("More from ") for label in labels)


async def test_an_unanswered_question_has_no_buttons(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    sent = await ask(telegram, FR, FR_USER, "xyzzy plugh frobnicate")
    assert "reply_markup" not in sent or sent["reply_markup"] is None
    sent = await ask(telegram, FR, FR_USER, "/quote")
    assert sent.get("reply_markup") is None


async def test_a_declined_question_s_nearest_passage_has_its_buttons(
    telegram: FakeTelegram, bot: TelegramApp, engine: Engine
) -> None:
    """The article never names China: the reply says so and shows what Tokayev's office said,
    with its context and that speaker's other quotations a button away."""
    sent = await ask(telegram, FR, FR_USER, "/quote Tokayev Chine")
    assert "ne parle pas de « Chine »" in sent["text"]
    labels = list(buttons_of(telegram, sent["message"]))
    assert CONTEXT in labels and NEXT not in labels
    assert any(label.startswith("Encore ") for label in labels)
    closest = engine.answer("quote", "Tokayev Chine").closest
    assert closest is not None
    assert [item.paragraph for item in state_of(telegram, sent["message"]).items] == [
        closest.paragraph
    ]
    shown = await page(telegram, FR_USER, sent["message"], CONTEXT)
    assert engine.article.paragraphs[closest.paragraph].text[:40] in shown["text"]


def other_article_data(engine: Engine) -> str:
    other = Engine.from_text("“Bonjour”, a déclaré Marie Curie.\n\nUn autre paragraphe.")
    assert fingerprint(other.article) != fingerprint(engine.article)
    return encode(ButtonState(fingerprint(other.article), "show", "ask", 0, 0, (Item(1, None),)))


@pytest.mark.parametrize(
    "data",
    [
        "other article",
        "v0|abcdef|sa|0|0|07z",
        "v2|abcdef|sa|0|0|07z",
        "hello",
        "v1|",
        "v1|zzzzzz|sa|0|0|zz0",
    ],
)
async def test_a_stale_or_foreign_button_gets_a_notice_and_no_edit(
    telegram: FakeTelegram, bot: TelegramApp, engine: Engine, data: str
) -> None:
    sent = await ask(telegram, FR, FR_USER, NUCLEAR)
    if data == "other article":
        data = other_article_data(engine)
    answer = await press(telegram, FR_USER, sent["message"], data)
    assert answer["text"].startswith("Cette réponse vient d’une ancienne version")
    assert answer["show_alert"] is True
    await assert_silent(telegram)
    assert not telegram.edits


async def test_a_button_from_the_same_article_on_a_bumped_paragraph_count_is_stale(
    telegram: FakeTelegram, bot: TelegramApp, engine: Engine
) -> None:
    sent = await ask(telegram, FR, FR_USER, NUCLEAR)
    beyond = len(engine.article.paragraphs)  # same fingerprint, a paragraph that does not exist
    data = encode(
        ButtonState(fingerprint(engine.article), "show", "ask", 0, 0, (Item(beyond, None),))
    )
    answer = await press(telegram, FR_USER, sent["message"], data)
    assert "ancienne version" in answer["text"]


async def test_buttons_still_work_after_a_restart(
    telegram: FakeTelegram, settings: Settings, engine: Engine
) -> None:
    async with running(settings, engine):
        sent = await ask(telegram, FR, FR_USER, NUCLEAR)
    second = state_of(telegram, sent["message"]).items[1].paragraph
    async with running(settings, engine):
        shown = await page(telegram, FR_USER, sent["message"], NEXT)
    assert place(engine, second) in shown["text"].splitlines()[-1]
    assert not telegram.rejected()


async def test_in_a_group_only_the_asker_may_press(
    telegram: FakeTelegram, bot: TelegramApp, engine: Engine
) -> None:
    sent = await ask(telegram, SUPERGROUP, FR_USER, "/quote@ArticleTestBot armes nucléaires")
    message = sent["message"]
    data = buttons_of(telegram, message)[NEXT]
    answer = await press(telegram, OTHER_USER, message, data)
    assert answer["text"] == "Seule la personne qui a posé la question peut utiliser ces boutons."
    assert not answer.get("show_alert")
    await assert_silent(telegram)
    assert not telegram.edits
    shown = await page(telegram, FR_USER, message, NEXT)
    assert shown["html"] != sent["text"]


async def test_a_button_of_an_anonymous_admin_is_anyones(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    anonymous = {"id": 1087968824, "is_bot": True, "first_name": "Group", "language_code": "fr"}
    question = text_message(
        telegram, SUPERGROUP, anonymous, "/quote@ArticleTestBot armes nucléaires",
        sender_chat=SUPERGROUP,
    )
    telegram.push("message", question)
    sent = (await telegram.wait_sent(1))[0]
    assert state_of(telegram, sent["message"]).asker == 0
    await page(telegram, OTHER_USER, sent["message"], NEXT)


async def test_a_double_tap_edits_once_and_breaks_nothing(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    sent = await ask(telegram, FR, FR_USER, NUCLEAR)
    message = sent["message"]
    data = buttons_of(telegram, message)[NEXT]
    first = await press(telegram, FR_USER, message, data)
    second = await press(telegram, FR_USER, message, data)
    assert "text" not in first and "text" not in second
    await assert_silent(telegram)  # no apology: "message is not modified" is expected
    assert len(telegram.edits) == 1
    refused = telegram.rejected()
    assert [call.method for call in refused] == ["editMessageText"]
    assert refused[0].error is not None and "message is not modified" in refused[0].error
    telegram.calls.remove(refused[0])  # Telegram's refusal was the point of this test


async def test_a_button_on_a_message_gone_from_the_chat_breaks_nothing(
    telegram: FakeTelegram, bot: TelegramApp, engine: Engine
) -> None:
    gone = bot_message(telegram, FR)  # never sent through the fake: Telegram cannot find it
    data = encode(ButtonState(fingerprint(engine.article), "show", "ask", 0, 0, (Item(7, 0),)))
    answer = await press(telegram, FR_USER, gone, data)
    assert "text" not in answer
    await assert_silent(telegram)  # no apology
    refused = telegram.rejected()
    assert [call.error for call in refused] == ["Bad Request: message to edit not found"]
    telegram.calls.remove(refused[0])


async def test_a_press_too_old_to_answer_still_edits_without_an_apology(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    sent = await ask(telegram, FR, FR_USER, NUCLEAR)
    message = sent["message"]
    press_data(telegram, FR_USER, message, buttons_of(telegram, message)[NEXT], expired=True)
    await telegram.wait_for(lambda: len(telegram.edits) == 1, "the edit")
    await assert_silent(telegram)  # no apology
    refused = telegram.rejected()
    assert [call.method for call in refused] == ["answerCallbackQuery"]
    assert refused[0].error is not None and "query is too old" in refused[0].error
    telegram.calls.remove(refused[0])
