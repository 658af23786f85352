"""Telegram HTML of an answer: escaped, well-formed, never over 4096 UTF-16 units."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.render import answer_to_html, article_to_html, fit_lines, speakers_to_html
from index import Answer, Engine, Quote, Result, Speaker
from index.engine import Unsaid
from tests.bot.fake_telegram import BadRequest, check_text, parse_html, utf16_len

HTML_ARTICLE = """PARIS, 1er juin (Reuters) – Le PDG de <Acme & Fils> a parlé aux journalistes.

“Les prix <b>baissent</b> & les marges > 5 %”, a déclaré Jean Dupont, PDG de <Acme & Fils>.

Reportage de <Reuters> & Co
"""


@pytest.fixture(scope="module")
def html_engine() -> Engine:
    return Engine.from_text(HTML_ARTICLE, source="<script>alert(1)</script> & Co")


def test_article_text_is_escaped_everywhere(html_engine: Engine) -> None:
    answer = html_engine.answer("quote", "prix baissent marges")
    text = answer_to_html(answer, html_engine, "fr")
    visible = check_text(text, "HTML")
    assert "&lt;b&gt;baissent&lt;/b&gt;" in text
    assert "<b>baissent</b>" in visible  # shown as the article wrote it
    assert "<script>alert(1)</script> & Co" in visible
    for rendered in (
        speakers_to_html(html_engine, "en"),
        article_to_html(html_engine, "fr"),
    ):
        check_text(rendered, "HTML")


def _answer(passage: str, quote: str | None, mode: str = "ask", speaker: str = "Jean") -> Answer:
    found = None
    if quote is not None:
        start = passage.index(quote)
        found = Quote(
            paragraph=0, start=start, end=start + len(quote), text=quote, kind="direct",
            speaker=Speaker(name=speaker, role="PDG"), cue=None,
        )
    result = Result(paragraph=0, score=1.0, passage=passage, quote=found)
    return Answer(query="q", mode=mode, found=True, results=(result,), language="fr")  # type: ignore[arg-type]


def test_a_long_passage_is_trimmed_around_the_quotation_in_an_expandable_blockquote(
    engine: Engine,
) -> None:
    filler = "Des armes & des <ogives> 😀 pour tout le monde. " * 120
    passage = filler + "“Il y aura des armes nucléaires”, a-t-il dit. " + filler
    text = answer_to_html(_answer(passage, "Il y aura des armes nucléaires"), engine, "fr")
    visible = check_text(text, "HTML")
    assert utf16_len(text) <= 4096
    assert text.startswith("<blockquote expandable>")
    assert "<b>Il y aura des armes nucléaires</b>" in text
    assert "…" in visible and "— Jean, PDG" in visible


def test_a_quotation_longer_than_a_message_is_cut(engine: Engine) -> None:
    quote = "&<>😀 " * 2000
    text = answer_to_html(_answer("“" + quote + "”", quote, mode="who"), engine, "en")
    check_text(text, "HTML")
    assert utf16_len(text) <= 4096
    assert text.startswith("Said by <b>Jean, PDG</b>:")


@settings(max_examples=150, deadline=None)
@given(
    before=st.text(max_size=3000),
    quote=st.text(min_size=1, max_size=3000),
    after=st.text(max_size=3000),
    speaker=st.text(min_size=1, max_size=300),
    limit=st.integers(min_value=300, max_value=4096),
    mode=st.sampled_from(["ask", "quote", "who"]),
)
def test_any_passage_renders_to_valid_html_within_the_limit(
    engine: Engine, before: str, quote: str, after: str, speaker: str, limit: int, mode: str
) -> None:
    answer = _answer(before + quote + after, quote, mode=mode, speaker=speaker)
    text = answer_to_html(answer, engine, "fr", limit=limit)
    assert utf16_len(text) <= limit
    parse_html(text)


@settings(max_examples=100, deadline=None)
@given(question=st.text(max_size=500))
def test_any_question_gets_valid_html(engine: Engine, question: str) -> None:
    for mode in ("ask", "quote", "who"):
        try:
            check_text(answer_to_html(engine.answer(mode, question), engine, "en"), "HTML")
        except BadRequest as error:  # pragma: no cover - the message says what broke
            raise AssertionError(f"{mode} {question!r}: {error}") from error


def test_not_found_is_one_line(engine: Engine) -> None:
    text = answer_to_html(engine.answer("ask", "zzzz qqqq"), engine, "fr")
    assert "\n" not in text and "/speakers" in text


def test_fit_lines_drops_the_last_lines_and_says_how_many() -> None:
    lines = [f"• speaker {n} " + "x" * 90 for n in range(100)]
    text = fit_lines(lines, "… and {count} more", limit=1000)
    assert utf16_len(text) <= 1000
    assert text.endswith("more") and text.startswith("• speaker 0")


_MAIRIE = (
    "Le maire de Tulle, Paul Girard, a présenté mardi son plan pour le centre-ville.\n\n"
    "« Nous voulons une ville plus verte », a déclaré Paul Girard devant les habitants.\n\n"
    "Des commerçants craignent la fermeture de la rue aux voitures.\n"
)
_HARBOUR = (
    "The mayor of Ardmore, Anne Cole, presented her harbour plan on Monday.\n\n"
    '"We want a cleaner harbour," said Anne Cole at the town hall.\n\n'
    "Fishermen fear higher rents on the docks.\n"
)


@pytest.mark.parametrize(
    ("article", "ui", "question", "first_line"),
    [
        (_MAIRIE, "fr", "Qu'a dit Paul Girard sur la Chine ?",
         "Paul Girard ne parle pas de « Chine » dans cet article. Ce que dit Paul Girard :"),
        (_HARBOUR, "en", "What did Anne Cole say about <Brexit>?",
         "Anne Cole does not speak about Brexit in this article. What Anne Cole does say:"),
    ],
)
def test_x_does_not_speak_about_y_then_what_x_does_say(
    article: str, ui: str, question: str, first_line: str
) -> None:
    engine = Engine.from_text(article)
    answer = engine.answer("quote", question)
    assert not answer.found and answer.closest is not None
    text = answer_to_html(answer, engine, ui)
    check_text(text, "HTML")
    assert text.startswith(f"<i>{first_line}</i>\n<blockquote>")
    assert "<b>" in text  # X's own quotation, in bold


@pytest.mark.parametrize(
    ("asks", "ui", "first_line"),
    [
        ("who", "en", "The article does not seem to say who. Nearest passage:"),
        ("when", "fr", "L’article ne semble pas dire quand. Passage le plus proche :"),
        ("where", "en", "The article does not seem to say where. Nearest passage:"),
        ("how_many", "fr", "L’article ne semble pas donner ce nombre. Passage le plus proche :"),
        ("why", "en", "The article does not seem to say why. Nearest passage:"),
        ("what", "fr", "Je n’ai pas trouvé cela dans l’article. Passage le plus proche :"),
    ],
)
def test_the_article_does_not_say_then_the_nearest_passage(
    asks: str, ui: str, first_line: str
) -> None:
    engine = Engine.from_text(_HARBOUR)
    nearest = Result(2, 1.5, engine.paragraph(2).text, None, ("rents",))
    answer = Answer("q", "ask", False, (), "en", "fact", closest=nearest, unsaid=Unsaid(asks))
    text = answer_to_html(answer, engine, ui)
    check_text(text, "HTML")
    assert text.startswith(f"<i>{first_line}</i>\n<blockquote>Fishermen fear higher rents")
    # without a nearest passage, the plain one line
    plain = Answer("q", "ask", False, (), "en", "fact", unsaid=Unsaid(asks))
    assert "\n" not in answer_to_html(plain, engine, ui)
