"""Property tests: analysis, search and quotation extraction on arbitrary Unicode never fail.

Emoji, right-to-left scripts, zero-width and control characters, lone quotation marks, empty and
very long paragraphs: no exception, quotation spans inside their paragraph, answers that point at
real story paragraphs.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from index import Engine, parse_article
from index.analysis import analyzer_for
from index.article import ArticleError

# Characters that break naive code: quotation marks of every kind, apostrophes, dashes, zero-width
# and bidi controls, emoji, Arabic and Hebrew letters, combining accents.
ODD = (
    "“”«»\"‘’„‚‹›'`´ʼ–—-…\u00a0\u202f\u200b\u200c\u200d\u2060\ufeff\u202e\u202d\u061c"
    "😀👍🏽🇫🇷مرحباשלוםé\u0301ñ\t\r\x00\x07\x1b"
)
odd_text = st.text(
    alphabet=st.one_of(st.characters(codec="utf-8"), st.sampled_from(ODD)), max_size=300
)
words = st.sampled_from(
    ["Loukachenko", "a", "déclaré", "said", "Smith", "«", "»", "“", "”", '"', "il", "que", "that",
     "selon", "according", "to", "la", "Russie", "nucléaire", ",", ".", ":", "—", "-t-il",
     "ajouté", "Le", "président", "the", "minister", "he", "she", "told", "reporters"]
)
newsy_paragraph = st.lists(words, min_size=0, max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(odd_text)
def test_analysis_never_fails_and_gives_clean_terms(text: str) -> None:
    for language in ("fr", "en"):
        terms = analyzer_for(language).analyze(text)
        assert all(isinstance(term, str) and term and not term.isspace() for term in terms)


def _article(paragraphs: list[str]) -> Engine | None:
    text = "\n".join(p.replace("\n", " ").replace("\r", " ") for p in paragraphs)
    try:
        return Engine(parse_article(text, source="generated"))
    except ArticleError:
        assert not text.strip()  # only an article with no text at all may be refused
        return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(odd_text, newsy_paragraph), min_size=0, max_size=12), odd_text)
@example(["SELON!."], "")  # a source cue with no words after it once gave an empty, reversed span
def test_quotes_and_answers_hold_on_arbitrary_articles(
    paragraphs: list[str], question: str
) -> None:
    engine = _article(paragraphs)
    if engine is None:
        return
    article = engine.article
    for quote in engine.quotes():
        text = article.paragraphs[quote.paragraph].text
        assert 0 <= quote.start <= quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        assert quote.kind in ("direct", "indirect")
        assert not article.paragraphs[quote.paragraph].is_boilerplate
    for mode in ("ask", "quote", "who"):
        answer = engine.answer(mode, question)
        assert answer.found == bool(answer.results)
        for place, result in enumerate(answer.results):
            paragraph = article.paragraphs[result.paragraph]
            # page furniture answers at most a factual question, and only as its first answer
            assert not paragraph.is_boilerplate or (mode == "ask" and place == 0)
            assert result.passage == paragraph.text
            assert result.score > 0
            if result.quote is not None:
                assert result.quote.paragraph == result.paragraph


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["«", "“", '"', "„", "‘"]), st.integers(min_value=1_000, max_value=20_000))
def test_huge_paragraph_with_a_lone_mark(mark: str, repeat: int) -> None:
    paragraph = mark + " ".join(["le président a déclaré que la paix viendra"] * (repeat // 8))
    engine = _article([paragraph, "Une deuxième phrase, sans citation."])
    assert engine is not None
    for quote in engine.quotes():
        text = engine.article.paragraphs[quote.paragraph].text
        assert text[quote.start : quote.end] == quote.text
    engine.answer("who", "paix")


def test_hundred_kilobyte_paragraph_is_answered() -> None:
    paragraph = ("Le ministre a déclaré que le budget serait voté. " * 2_100)[:100_000]
    engine = _article([paragraph, "Autre paragraphe sur le football."])
    assert engine is not None
    answer = engine.answer("ask", "budget voté")
    assert answer.found and answer.results[0].paragraph == 0
