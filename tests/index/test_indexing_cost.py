"""What indexing leaves for later: the answer kinds of sentences are read when a question asks.

A long document is indexed in the chat's time budget (docs/BENCHMARKS.md); reading every
sentence's dates, places and causes up front cost half of it, while the checks only look at the
few paragraphs a question ranks first."""

from __future__ import annotations

import pytest

from index import Engine, expressions, parse_article

ARTICLE = "\n\n".join(
    f"Le conseil municipal de Brévilly a voté le {day} mars la rénovation de l'école numéro {day}, "
    f"« parce que le toit fuit », a expliqué l'adjointe Odile Marchand."
    for day in range(1, 41)
)


def test_indexing_reads_no_sentence_until_a_question_asks(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = expressions.held

    def counted(text: str, language: str) -> expressions.Held:
        calls.append(text)
        return real(text, language)

    monkeypatch.setattr(expressions, "held", counted)
    engine = Engine(parse_article(ARTICLE))
    assert calls == []
    answer = engine.answer("ask", "Quand la rénovation de l'école numéro 17 a-t-elle été votée ?")
    assert answer.found and answer.results[0].paragraph == 16
    # only the sentences of the paragraphs the question ranked first were read
    assert 0 < len(calls) < 40


def test_the_same_answers_whether_kinds_are_read_early_or_late() -> None:
    engine = Engine(parse_article(ARTICLE))
    for row in range(len(engine.article.paragraphs)):
        for sentence in engine.ranker.sentences[row]:
            assert sentence.holds("date") == 1.0
    early = engine.answer("ask", "Pourquoi rénover l'école numéro 23 ?")
    late = Engine(parse_article(ARTICLE)).answer("ask", "Pourquoi rénover l'école numéro 23 ?")
    assert early == late
    assert early.found and early.results[0].paragraph == 22
