"""The public entry: an article loaded, analysed and indexed once; questions only read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from index.analysis import analyzer_for
from index.article import Article, Paragraph, load_article, parse_article
from index.language import detect_language
from index.quotes import Quote, Speaker, extract_quotes
from index.search import ParagraphIndex

Mode = Literal["ask", "quote", "who"]
MODES: tuple[Mode, ...] = ("ask", "quote", "who")


@dataclass(frozen=True)
class Result:
    """One answering paragraph, with the quotation in it that best answers (if any)."""

    paragraph: int
    score: float
    passage: str
    quote: Quote | None


@dataclass(frozen=True)
class Answer:
    """What the engine says to a question; ``found`` is False when the article does not answer."""

    query: str
    mode: Mode
    found: bool
    results: tuple[Result, ...]
    language: str


@dataclass(frozen=True)
class SpeakerCount:
    """A speaker and how many quotations the article gives them."""

    speaker: Speaker
    count: int


class Engine:
    """Answers questions about one article."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self._quotes = extract_quotes(article)
        self._analyzer = analyzer_for(article.language)
        body = article.body
        documents = []
        for paragraph in body:
            speakers = " ".join(
                q.speaker.name for q in self._quotes
                if q.paragraph == paragraph.index and q.speaker is not None
            )
            documents.append(self._analyzer.analyze(paragraph.text + " " + speakers))
        self._index = ParagraphIndex(documents, ids=[p.index for p in body])

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

    def speakers(self) -> tuple[SpeakerCount, ...]:
        """Who is quoted, most quoted first."""
        counts = Counter(q.speaker for q in self._quotes if q.speaker is not None)
        return tuple(
            SpeakerCount(speaker, n)
            for speaker, n in sorted(counts.items(), key=lambda item: (-item[1], item[0].name))
        )

    def answer(self, mode: Mode, question: str, limit: int = 3) -> Answer:
        """The best paragraphs for ``question`` (at most ``limit``), best first."""
        language = detect_language(question, default=self.article.language)
        hits = self._index.search(self._analyzer.analyze(question), limit=limit)
        results = tuple(
            Result(
                paragraph=hit.paragraph,
                score=hit.score,
                passage=self.article.paragraphs[hit.paragraph].text,
                quote=next((q for q in self._quotes if q.paragraph == hit.paragraph), None),
            )
            for hit in hits
        )
        return Answer(
            query=question, mode=mode, found=bool(results), results=results, language=language
        )
