"""An article file turned into numbered paragraphs (numbering as in docs/CONTRACT.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from index.boilerplate import is_boilerplate, page_furniture
from index.language import detect_language

#: Larger files are refused: an article is a few thousand words, not a book dump.
MAX_ARTICLE_BYTES = 2_000_000
#: The bundled default article, shipped inside the package.
DEFAULT_ARTICLE = "reuters_loukachenko_fr.txt"

# "29 mai (Reuters) – ", "PARIS, 3 mars (AFP) - ", "WASHINGTON (AP) — "
_DATELINE = re.compile(
    r"^(?P<dateline>[^\n()]{0,60}\((?P<agency>[A-Z][\w .&-]{1,30})\)\s*[–—-]\s*)"
)


class ArticleError(Exception):
    """An article file that cannot be served; the message is one sentence for the user."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the article, numbered from 0 in file order."""

    index: int
    text: str
    is_boilerplate: bool = False


@dataclass(frozen=True)
class Article:
    """The article as the engine sees it."""

    paragraphs: tuple[Paragraph, ...]
    language: str
    source: str
    dateline: str | None = None
    agency: str | None = None
    byline: str | None = None
    path: str | None = field(default=None, compare=False)

    @property
    def body(self) -> tuple[Paragraph, ...]:
        """The paragraphs that are the story itself (boilerplate left out)."""
        return tuple(p for p in self.paragraphs if not p.is_boilerplate)

    @property
    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.body)

    def paragraph_text(self, index: int) -> str:
        return self.paragraphs[index].text


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain-text article, as docs/CONTRACT.md numbers them.

    Without blank lines every non-empty line is a paragraph; where blank lines separate blocks,
    a block of wrapped lines is one paragraph (its lines joined by single spaces).
    """
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    has_blank_separator = any(
        not line for i, line in enumerate(lines) if 0 < i < len(lines) - 1
    ) and any(lines)
    if not has_blank_separator:
        return [line for line in lines if line]
    paragraphs: list[str] = []
    block: list[str] = []
    for line in lines:
        if line:
            block.append(line)
        elif block:
            paragraphs.append(" ".join(block))
            block = []
    if block:
        paragraphs.append(" ".join(block))
    return paragraphs


def parse_article(text: str, source: str = "article", path: str | None = None) -> Article:
    """Build an :class:`Article` from its text; ``source`` names it in replies."""
    texts = split_paragraphs(text.lstrip("\ufeff"))
    if not texts:
        raise ArticleError(f"The article {source} has no text.")
    language = detect_language(" ".join(texts[:40]))
    flags = page_furniture(texts, [is_boilerplate(t, language) for t in texts])
    paragraphs = tuple(
        Paragraph(index=i, text=t, is_boilerplate=flag)
        for i, (t, flag) in enumerate(zip(texts, flags, strict=True))
    )
    dateline = agency = None
    for paragraph in paragraphs[:3]:
        match = _DATELINE.match(paragraph.text)
        if match:
            dateline = match.group("dateline").strip(" –—-")
            agency = match.group("agency")
            break
    byline = next((p.text for p in paragraphs if p.is_boilerplate and _looks_like_byline(p.text)),
                  None)
    return Article(
        paragraphs=paragraphs,
        language=language,
        source=source,
        dateline=dateline,
        agency=agency,
        byline=byline,
        path=path,
    )


def _looks_like_byline(text: str) -> bool:
    return bool(re.match(r"(?i)(?:reportage|r[ée]dig|[ée]dit|par |by |reporting|writing)", text))


def load_article(path: str | Path | None = None) -> Article:
    """Read an article file (or the bundled one when ``path`` is None).

    Every way a file can be unusable raises :class:`ArticleError` with one clear sentence.
    """
    if path is None:
        resource = resources.files("index") / "articles" / DEFAULT_ARTICLE
        text = resource.read_text(encoding="utf-8")
        return parse_article(text, source="Reuters", path=None)
    file = Path(path)
    name = str(path)
    try:
        if file.is_dir():
            raise ArticleError(f"The article path {name} is a directory, not a text file.")
        if not file.exists():
            raise ArticleError(f"The article file {name} does not exist.")
        size = file.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(
                f"The article file {name} is {size:,} bytes; the limit is "
                f"{MAX_ARTICLE_BYTES:,} bytes."
            )
        data = file.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ArticleError(f"The article file {name} cannot be read ({reason}).") from None
    if b"\x00" in data:
        raise ArticleError(f"The article file {name} is binary, not plain text.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ArticleError(f"The article file {name} is not UTF-8 text.") from None
    if not text.strip():
        raise ArticleError(f"The article file {name} is empty.")
    return parse_article(text, source=file.name, path=str(file))
