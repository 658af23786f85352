"""What the attribution tests share: the quotations of a small article written in the test."""

from __future__ import annotations

from index.article import Article, Paragraph
from index.quotes import Quote, extract_quotes


def quotes_of(language: str, *paragraphs: str) -> tuple[Quote, ...]:
    """The quotations of a small article made of ``paragraphs`` (none of them boilerplate)."""
    article = Article(tuple(Paragraph(i, text) for i, text in enumerate(paragraphs)),
                      language, "test")
    return extract_quotes(article)
