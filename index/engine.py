"""The public entry: an article loaded, analysed and indexed once; questions only read.

The parts, in the order a question meets them: :mod:`index.query` (question → weighted words),
:mod:`index.ranking` (words → scored paragraphs), :mod:`index.checks` (does the best paragraph
hold what was asked?), :mod:`index.decision` (answer or decline). This module puts them
together and turns the chosen paragraphs into an :class:`Answer`.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from index.analysis import Analyzer, analyzer_for, fold_accents
from index.article import Article, Paragraph, load_article, parse_article
from index.checks import Checks, Said
from index.decision import Decision, Verdict
from index.language import detect_language
from index.query import (
    MODES,
    Intent,
    Mode,
    Query,
    QueryWord,
    QuestionReader,
    answer_type_of,
    folded_words,
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
class Unsaid:
    """What a declined question asked that the article does not say, for a reply such as "The
    article does not say who …" or "X does not speak about Y in this article"."""

    #: "who", "when", "where", "how_many", "why", "about" (X about Y) or "what" (anything else)
    asks: str
    #: for "about": the speaker asked about (canonical name) and the topic, as typed
    speaker: str | None = None
    topic: str | None = None


@dataclass(frozen=True)
class Answer:
    """What the engine says to a question; ``found`` is False when the article does not answer."""

    query: str
    mode: Mode
    found: bool
    results: tuple[Result, ...]
    language: str
    intent: Intent = "fact"
    #: where ``found`` is False, the paragraph nearest to an answer (for "the article does not
    #: say …; the nearest passage is …"); None otherwise
    closest: Result | None = None
    #: the decision's fitted probability that the first result answers (1.0 when no decision
    #: was needed, 0.0 when nothing matched)
    confidence: float = 0.0
    #: where ``found`` is False and a paragraph came near: what the article does not say
    unsaid: Unsaid | None = None


@dataclass(frozen=True)
class Inspection:
    """How a question was read, ranked and judged (for the decision's fitting and for tests)."""

    query: Query
    ranked: list[int]
    scores: dict[int, float]
    verdict: Verdict


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
        by_paragraph: dict[int, list[Quote]] = {}
        for quote in quotes:
            by_paragraph.setdefault(quote.paragraph, []).append(quote)
        self._quotes_in: dict[int, tuple[Quote, ...]] = {
            p.index: tuple(by_paragraph.get(p.index, ())) for p in article.paragraphs
        }
        self.fields = speaker_fields(
            article.paragraphs, self._quotes_in, self._analyzer, article.language
        )
        self.ranker = ParagraphRanker(article, self._quotes_in, self.fields, self._analyzer)
        speakers = tuple(dict.fromkeys(q.speaker for q in quotes if q.speaker is not None))
        self.reader = QuestionReader(
            self._analyzer, article.language, self.ranker.known, self.ranker.surface, speakers,
            self.ranker.names,
        )
        self.checks = Checks(self.ranker, self.reader, *self._said(quotes))
        self.decision = Decision(self.checks, article.language)
        self._quote_terms = {
            id(q): frozenset(self._analyzer.analyze(q.text)).union(
                *(self._analyzer.analyze(n) for n in speaker_names(q.speaker))
            ) if q.speaker is not None else frozenset(self._analyzer.analyze(q.text))
            for q in quotes
        }

    def _said(
        self, quotes: tuple[Quote, ...]
    ) -> tuple[tuple[Said, ...], tuple[tuple[frozenset[str], Speaker], ...]]:
        """The attributed quotations as the checks read them (a continued one with the speaker
        it continues), and each speaker with the terms of its names."""
        analyze = self._analyzer.analyze
        said: list[Said] = []
        for quote in quotes:
            quote = self.fields.continued.get(id(quote), quote)
            if quote.speaker is None:
                continue
            row = quote.paragraph  # rows are paragraph numbers
            terms: set[str] = set(analyze(quote.text))
            sentences = self.ranker.sentences[row]
            for i, sentence in enumerate(sentences):
                if sentence.start < quote.end and quote.start < sentence.end:
                    terms |= sentence.terms
                    if i > 0:  # the sentence before sets what the quotation answers
                        terms |= sentences[i - 1].terms
            if self.ranker.after_scene[row]:  # ... or the paragraph before, with no quotation
                terms |= self.ranker.row_terms[row - 1]
            said.append(Said(quote.speaker, row, frozenset(terms)))
        # a speaker is named by the capitalised words of its names ("Tokayev", "Défense"), not
        # by the common words of an office ("le gouvernement suédois")
        speakers = dict.fromkeys(s.speaker for s in said)
        named = (
            (frozenset(
                t for n in speaker_names(s) for w in n.split() if w[:1].isupper()
                for t in analyze(w)
            ), s)
            for s in speakers
        )
        return tuple(said), tuple((words, s) for words, s in named if words)

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

    def inspect(self, mode: Mode, question: str) -> Inspection:
        """How ``question`` is read, which paragraphs score, and the decision on the best."""
        query = self.reader.read(mode, question)
        if not query.terms:
            return Inspection(query, [], {}, Verdict(False, 0.0))
        ranked, scores = self.ranker.rank(query)
        return Inspection(query, ranked, scores, self.decision.decide(query, ranked, scores))

    def answer(self, mode: Mode, question: str, limit: int = 3) -> Answer:
        """The best paragraphs for ``question`` (at most ``limit``), best first."""
        query = self.reader.read(mode, question)
        language, intent = query.language, query.intent
        if asks_for_the_byline(query):
            return self._byline(query)
        if not query.terms:
            return Answer(question, mode, False, (), language, intent)
        ranked, scores = self.ranker.rank(query)
        speakers = self.checks.bare_name(query)
        if speakers:
            return self._quotations_of(query, speakers, ranked, scores, limit)
        verdict = self.decision.decide(query, ranked, scores)
        term_set = set(query.terms)
        idf = self.ranker.text.idf_of
        weighted = [(t, idf(t)) for t in term_set]
        if not verdict.answers:
            if not ranked:
                return Answer(question, mode, False, (), language, intent)
            unsaid = self._unsaid(query)
            row = ranked[0]
            if unsaid.asks == "about":
                # what the speaker does say: the quotation of theirs nearest the question, else
                # their most central one
                rows = self.checks.rows_quoting(self.checks.focus(query).speakers)
                row = next((r for r in ranked if r in rows), rows[0] if rows else row)
            closest = self._result(row, scores.get(row, 0.0), term_set, weighted)
            return Answer(
                question, mode, False, (), language, intent, closest, verdict.probability,
                unsaid,
            )
        results = tuple(
            self._result(row, scores[row], term_set, weighted) for row in ranked[:limit]
        )
        return Answer(question, mode, True, results, language, intent, None, verdict.probability)

    def _unsaid(self, query: Query) -> Unsaid:
        """What ``query`` asks for, to say that the article does not say it."""
        if query.intent == "quote":
            focus = self.checks.focus(query)
            if focus.speakers and focus.topic:
                speaker = min(focus.speakers, key=lambda s: (-len(s.name), s.name))
                topic = as_typed(query.question, [w.word for w, _ in focus.topic])
                return Unsaid("about", speaker.name, topic)
        if query.intent == "who":
            return Unsaid("who")
        kinds = {"date": "when", "place": "where", "number": "how_many", "reason": "why"}
        return Unsaid(kinds.get(query.expected or "", "what"))

    def _byline(self, query: Query) -> Answer:
        """"Who wrote this?": the byline paragraph, if the article has one."""
        row = next(
            (p.index for p in self.article.paragraphs if p.text == self.article.byline), None
        )
        found = row is not None
        results = (
            (Result(row, 1.0, self.article.paragraphs[row].text, None, ()),)
            if row is not None else ()
        )
        return Answer(query.question, query.mode, found, results, query.language, query.intent,
                      None, float(found))

    def _quotations_of(
        self,
        query: Query,
        speakers: frozenset[Speaker],
        ranked: list[int],
        scores: dict[int, float],
        limit: int,
    ) -> Answer:
        """A bare name (`/quote Loukachenko`): that person's quotations, the most central first.

        News puts what matters first (the lede before a later aside), so the paragraphs holding
        the speaker's quotations come in article order; each result's score is the best
        paragraph score scaled down by its place, so that scores still fall."""
        rows = self.checks.rows_quoting(speakers)
        if not rows:
            return Answer(query.question, query.mode, False, (), query.language, query.intent)
        top = max((scores.get(r, 0.0) for r in rows), default=0.0) or 1.0
        term_set = set(query.terms)
        idf = self.ranker.text.idf_of
        weighted = [(t, idf(t)) for t in term_set]
        results = tuple(
            self._result(row, top * (1.0 - place / (len(rows) + 1)), term_set, weighted)
            for place, row in enumerate(rows[:limit])
        )
        return Answer(query.question, query.mode, True, results, query.language, query.intent,
                      None, 1.0)

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


_TYPED_WORD = re.compile(r"[^\W_][\w'’-]*")


def as_typed(question: str, words: list[str]) -> str:
    """The question's own spelling of ``words`` (accent-folded, lower-cased), in its order:
    « la Chine » for ["chine"]."""
    wanted = set(words)
    found = [
        token for token in _TYPED_WORD.findall(question)
        if fold_accents(token.lower()).split("'")[-1].split("’")[-1] in wanted
    ]
    return " ".join(dict.fromkeys(found)) or " ".join(words)


def asks_for_the_byline(query: Query) -> bool:
    """Whether every content word of the question asks who wrote the article ("who wrote
    this?", « Qui a écrit cet article ? »; data/<lang>/byline_words.txt)."""
    if not query.words:
        return False
    byline = folded_words(query.language, "byline_words")
    return all(w.word in byline for w in query.words)


def _names_match(a: str, b: str) -> bool:
    """Equal, or one holds the other as whole words ("Loukachenko" in "Alexandre Loukachenko")."""
    wa, wb = a.split(), b.split()
    if not wa or not wb:
        return False
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


__all__ = [
    "MODES", "Analyzer", "Answer", "Engine", "Inspection", "Mode", "QueryWord", "Result",
    "SpeakerCount", "Unsaid",
]
