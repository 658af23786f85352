"""A private chat with the real Application, against the fake Bot API server."""

from __future__ import annotations

from fake_telegram import DE_USER, EN_USER, FR_USER, FakeTelegram, ask, private_chat

from bot.app import TelegramApp

FR = private_chat(FR_USER)
EN = private_chat(EN_USER)


async def test_a_question_is_answered_with_the_passage_quote_speaker_and_place(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    sent = await ask(telegram, FR, FR_USER, "Qui a parlé de Kazakhstan ?")
    text = sent["text"]
    assert text.startswith("<blockquote")
    assert "<b>Personne n’est contre le Kazakhstan" in text
    assert "— " in sent["visible"] and "Loukachenko" in sent["visible"].split("— ", 1)[1]
    assert "§ 4/15" in sent["visible"]
    assert "Reuters" in sent["visible"].splitlines()[-1]
