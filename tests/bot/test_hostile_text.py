"""Rendering side of the property tests: arbitrary articles and questions (emoji, right-to-left,
zero-width and control characters, lone quotation marks, HTML, 100 kB paragraphs) go through the
engine and every renderer; each message passes the fake server's Telegram HTML check, is non-empty
and within 4096 UTF-16 units. Index-side properties are in tests/index/test_properties.py.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram import Message, MessageEntity

from bot.addressing import addressed, entity_text
from bot.render import answer_to_html, article_to_html, speakers_to_html
from index import ArticleError, Engine, parse_article
from tests.bot import figures
from tests.bot.fake_telegram import MAX_UTF16, check_text, utf16_len

ODD = (
    "“”«»\"‘’„‚‹›'`´ʼ–—-…\u00a0\u202f\u200b\u200c\u200d\u2060\ufeff\u202e\u202d\u061c\u2066"
    "😀👍🏽🇫🇷مرحباשלוםé\u0301ñ\t\x00\x07\x1b<>&;/@#"
)
odd_text = st.text(
    alphabet=st.one_of(st.characters(codec="utf-8"), st.sampled_from(ODD)), max_size=400
)
newsy = st.lists(
    st.sampled_from(
        ["Loukachenko", "a", "déclaré", "said", "«", "»", "“", "”", '"', "<b>", "&amp;", "selon",
         "le", "président", "Smith", "told", "reporters", ":", ",", ".", "il", "que", "that"]
    ),
    max_size=60,
).map(" ".join)
paragraphs = st.lists(st.one_of(odd_text, newsy), min_size=0, max_size=10)
UIS = ("en", "fr", "de")
CASES = itertools.count()


def _engine(texts: list[str], source: str) -> Engine | None:
    text = "\n".join(t.replace("\n", " ").replace("\r", " ") for t in texts)
    try:
        return Engine(parse_article(text, source=source or "x"))
    except ArticleError:
        assert not text.strip()  # only an empty article may be refused
        return None


def _check(html: str) -> None:
    visible = check_text(html, "HTML")  # raises BadRequest as Telegram would
    assert visible.strip() and utf16_len(visible) <= MAX_UTF16
    next(CASES)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs, odd_text, odd_text)
def test_every_reply_to_an_arbitrary_article_is_valid_telegram_html(
    texts: list[str], question: str, source: str
) -> None:
    engine = _engine(texts, source)
    if engine is None:
        return
    for ui in UIS:
        for mode in ("ask", "quote", "who"):
            answer = engine.answer(mode, question)
            for quote in engine.quotes():
                text = engine.article.paragraphs[quote.paragraph].text
                assert text[quote.start : quote.end] == quote.text  # span inside its paragraph
            _check(answer_to_html(answer, engine, ui))
        _check(speakers_to_html(engine, ui))
        _check(article_to_html(engine, ui))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["«", "“", '"', "„", "<", "&", "😀", "\u202e"]), odd_text)
def test_hundred_kilobyte_paragraphs_render_within_one_message(mark: str, question: str) -> None:
    speech = mark + "le président a déclaré que la paix viendra & <b>vite</b> " * 1_800
    engine = _engine([speech[:100_000], "Selon Loukachenko, « tout va bien »."], "big.txt")
    assert engine is not None
    for mode in ("ask", "quote", "who"):
        for asked in (question, "paix président", "Loukachenko"):
            _check(answer_to_html(engine.answer(mode, asked), engine, "fr"))
    _check(speakers_to_html(engine, "en"))


@pytest.mark.parametrize("text", ["", "  \n\t\n", "\n\n\n"])
def test_an_empty_article_is_refused_in_one_sentence(text: str) -> None:
    with pytest.raises(ArticleError) as refused:
        parse_article(text, source="empty.txt")
    assert str(refused.value).count(". ") == 0 and str(refused.value).endswith(".")


def test_rendering_figures() -> None:
    """Runs after the property tests above (file order): how many messages they checked."""
    figures.record("render::properties", render_cases=next(CASES))


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("𝕏 @ArticleTestBot", MessageEntity("mention", 1, 16)),  # splits the pair of 𝕏
        ("/quote", MessageEntity("bot_command", 3, 40)),  # runs past the end
        ("hi", MessageEntity("mention", -1, 2)),  # before the start
    ],
)
def test_an_entity_outside_its_text_neither_crashes_nor_addresses_us(
    text: str, entity: MessageEntity
) -> None:
    message = Message.de_json(
        {"message_id": 1, "date": 0, "chat": {"id": -5, "type": "group"}, "text": text,
         "entities": [entity.to_dict()]},
        None,
    )
    assert entity_text(message, entity) == ""
    assert addressed(message, 123456789, "ArticleTestBot") is None
