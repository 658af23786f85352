"""An HTML page the caller downloaded → Article, by trafilatura (main text and metadata).

trafilatura is handed the bytes only: it never fetches anything here.
"""

from __future__ import annotations

import logging
from configparser import ConfigParser
from functools import cache
from typing import Any

from index.article import Article, build_article
from index.sources.errors import SourceError

log = logging.getLogger(__name__)

# trafilatura's body: <p> paragraphs, <head> headings, <quote> blockquotes, <list> of <item>s.
_BLOCKS = frozenset({"p", "head", "quote", "item", "code"})
#: trafilatura stops analysing a page with more elements than this (hostile or broken markup).
MAX_TREE_SIZE = 200_000


@cache
def _config() -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    config["DEFAULT"]["MAX_TREE_SIZE"] = str(MAX_TREE_SIZE)
    config["DEFAULT"]["EXTRACTION_TIMEOUT"] = "0"  # the caller keeps the time budget
    return config


def _text_of(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def _paragraphs(body: Any) -> list[tuple[str, str]]:
    """(tag, text) of each block of trafilatura's body, in reading order; nested blocks once."""
    found: list[tuple[str, str]] = []
    for element in body.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag not in _BLOCKS:
            continue
        if tag in ("quote", "list") and any(
            child.tag in _BLOCKS for child in element.iterchildren()
        ):
            continue  # its paragraphs or items come on their own
        text = _text_of(element)
        if text:
            found.append((tag, text))
    return found


def from_html(
    data: bytes | str, source: str = "page", url: str | None = None
) -> Article:
    """The article of an HTML page: navigation, ads, related links and comments left out."""
    if not data.strip():
        raise SourceError("empty", f"{source} is empty.")
    import trafilatura  # imported on first use: a third of a second that the CLI rarely needs

    try:
        document = trafilatura.bare_extraction(
            data,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            config=_config(),
        )
    except Exception as error:  # any failure of the parser is a page we cannot read
        log.info("trafilatura could not read %s: %s", source, error)
        raise SourceError("no_article", f"{source} holds no article text.") from None
    body = getattr(document, "body", None)
    if document is None or body is None:
        raise SourceError("no_article", f"{source} holds no article text.")
    title = _clean(getattr(document, "title", None))
    blocks = _paragraphs(body)
    # The headline is metadata: trafilatura keeps it as the body's first heading.
    texts = [
        text for i, (tag, text) in enumerate(blocks)
        if not (tag == "head" and i < 2 and title and _same(text, title))
    ]
    if not texts:
        raise SourceError("no_article", f"{source} holds no article text.")
    site = _clean(getattr(document, "sitename", None)) or _clean(
        getattr(document, "hostname", None)
    )
    return build_article(
        texts,
        source,
        title=title,
        site=site,
        author=_clean(getattr(document, "author", None)),
        date=_clean(getattr(document, "date", None)),
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _same(a: str, b: str) -> bool:
    return a.casefold().strip(" .:") == b.casefold().strip(" .:")
