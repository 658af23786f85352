"""The public entry: an article loaded, analysed and indexed once; questions only read.

The parts, in the order a question meets them: :mod:`index.query` (question → weighted words),
:mod:`index.ranking` (words → scored paragraphs), :mod:`index.checks` (does the best paragraph
hold what was asked?), :mod:`index.decision` (answer or decline). This module puts them
together and turns the chosen paragraphs into an :class:`Answer`.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from index.analysis import Analyzer, analyzer_for, fold_accents
from index.article import Article, Paragraph, load_article, parse_article
from index.checks import Checks
from index.decision import Decision
from index.language import detect_language
from index.query import (
    MODES,
    Intent,
    Mode,
    QueryWord,
    QuestionReader,
    answer_type_of,
    intent_of,
    question_tokens,
    speaker_names,
)
from index.quotes import Quote, Speaker, extract_quotes
from index.ranking import ParagraphRanker, speaker_fields

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Result:
    """One answering paragraph, with the quotation in it that best answers (if any)."""

    paragraph: int
    score: float
    passage: str
    quote: Quote | None
    highlights: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    """What the engine says to a question; ``found`` is False when the article does not answer."""

    query: str
    mode: Mode
    found: bool
    results: tuple[Result, ...]
    language: str
    intent: Intent = "fact"


@dataclass(frozen=True)
class SpeakerCount:
    """A speaker and how many quotations the article gives them."""

    speaker: Speaker
    count: int


class Engine:
    """Answers questions about one article."""

    def __init__(self, article: Article, quotes: tuple[Quote, ...] | None = None) -> None:
        """Index ``article``; ``quotes`` replaces the extracted quotations (gold, tests)."""
        self.article = article
        if quotes is None:
            # an empty span is no quotation, whatever the extractor thought ("SELON!.")
            quotes = tuple(q for q in extract_quotes(article) if q.start < q.end)
        self._quotes = quotes
        self._analyzer = analyzer_for(article.language)
        self._quotes_in: dict[int, tuple[Quote, ...]] = {
            p.index: tuple(q for q in quotes if q.paragraph == p.index)
            for p in article.paragraphs
        }
        self.fields = speaker_fields(
            article.paragraphs, self._quotes_in, self._analyzer, article.language
        )
        self.ranker = ParagraphRanker(article, self._quotes_in, self.fields, self._analyzer)
        speakers = tuple(dict.fromkeys(q.speaker for q in quotes if q.speaker is not None))
        self.reader = QuestionReader(
            self._analyzer, article.language, self.ranker.known, self.ranker.surface, speakers
        )
        self.checks = Checks(self.ranker, self.reader)
        self.decision = Decision(self.checks)
        self._quote_terms = {
            id(q): frozenset(self._analyzer.analyze(q.text)).union(
                *(self._analyzer.analyze(n) for n in speaker_names(q.speaker))
            ) if q.speaker is not None else frozenset(self._analyzer.analyze(q.text))
            for q in quotes
        }

    @classmethod
    def from_path(cls, path: str | Path | None = None) -> Engine:
        """The engine for an article file; ``None`` is the bundled article."""
        return cls(load_article(path))

    @classmethod
    def from_text(cls, text: str, source: str = "article") -> Engine:
        return cls(parse_article(text, source=source))

    def paragraph(self, index: int) -> Paragraph:
        return self.article.paragraphs[index]

    def quotes(self) -> tuple[Quote, ...]:
        """Every quotation of the article with its speaker, in reading order."""
        return self._quotes

    def quotes_by(self, name: str) -> tuple[Quote, ...]:
        """The quotations of the speaker called ``name`` (the full name or a short form)."""
        wanted = fold_accents(name.lower())
        return tuple(
            q for q in self._quotes
            if q.speaker is not None
            and any(_names_match(wanted, fold_accents(n.lower())) for n in speaker_names(q.speaker))
        )

    def speakers(self) -> tuple[SpeakerCount, ...]:
        """Who is quoted, most quoted first."""
        counts = Counter(q.speaker for q in self._quotes if q.speaker is not None)
        return tuple(
            SpeakerCount(speaker, n)
            for speaker, n in sorted(counts.items(), key=lambda item: (-item[1], item[0].name))
        )

    # --- questions -------------------------------------------------------------------------

    def query_words(self, question: str, language: str | None = None) -> tuple[QueryWord, ...]:
        """The question's content words, each matched against the article's vocabulary."""
        language = language or detect_language(question, default=self.article.language)
        return self.reader.query_words(analyzer_for(language).tokens(question), language)

    def intent(self, mode: Mode, question: str, language: str) -> Intent:
        """What the question asks for: ``who`` said it, a ``quote``, or a ``fact``."""
        return intent_of(mode, question_tokens(question, language), language)

    def answer_type(self, question: str, language: str) -> str | None:
        """The kind of answer the question's first typed question word expects (date, number)."""
        return answer_type_of(question_tokens(question, language), language)

    def answer(self, mode: Mode, question: str, limit: int = 3) -> Answer:
        """The best paragraphs for ``question`` (at most ``limit``), best first."""
        query = self.reader.read(mode, question)
        language, intent = query.language, query.intent
        if not query.terms:
            return Answer(question, mode, False, (), language, intent)
        ranked, scores = self.ranker.rank(query)
        if not self.decision.answers(query, ranked):
            return Answer(question, mode, False, (), language, intent)
        term_set = set(query.terms)
        idf = self.ranker.text.idf_of
        weighted = [(t, idf(t)) for t in term_set]
        results = tuple(
            self._result(row, scores[row], term_set, weighted) for row in ranked[:limit]
        )
        return Answer(question, mode, True, results, language, intent)

    def _result(
        self, row: int, score: float, terms: set[str], weighted: list[tuple[str, float]]
    ) -> Result:
        """``terms``: the question's terms; ``weighted``: each with its idf, in set order."""
        paragraph = self.ranker.row_paragraphs[row]
        quote = self._best_quote(paragraph.index, weighted)
        spellings = self.ranker.row_spelled[row]
        held = [spelled for t in terms if (spelled := spellings.get(t)) is not None]
        if not held:
            highlights: tuple[str, ...] = ()
        elif len(held) == 1:
            highlights = held[0]
        else:
            highlights = tuple(sorted(set().union(*held)))
        return Result(paragraph.index, score, paragraph.text, quote, highlights)

    def _best_quote(self, paragraph: int, weighted: list[tuple[str, float]]) -> Quote | None:
        """The quotation of the paragraph whose words (and speaker) match the question best;
        ``weighted``: the question's distinct terms, each with its idf."""
        quotes = self._quotes_in.get(paragraph, ())
        if not quotes:
            return None
        best = quotes[0]
        if len(quotes) > 1:
            quote_terms = self._quote_terms
            best_match = -1.0
            for quote in quotes:
                held = quote_terms[id(quote)]
                match = sum(w for t, w in weighted if t in held)
                if match > best_match:  # the first of equals: reading order
                    best, best_match = quote, match
        return self.fields.continued.get(id(best), best)


def _names_match(a: str, b: str) -> bool:
    """Equal, or one holds the other as whole words ("Loukachenko" in "Alexandre Loukachenko")."""
    wa, wb = a.split(), b.split()
    if not wa or not wb:
        return False
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


__all__ = ["MODES", "Analyzer", "Answer", "Engine", "Mode", "QueryWord", "Result", "SpeakerCount"]
