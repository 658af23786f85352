"""An article file turned into numbered paragraphs (numbering as in docs/CONTRACT.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from index.boilerplate import is_boilerplate, is_page_line, page_furniture
from index.dates import parse_date
from index.language import detect_language
from index.lexicon import gendered_names, phrase_list

#: Larger files are refused: an article is a few thousand words, not a book dump.
MAX_ARTICLE_BYTES = 2_000_000
#: The bundled default article, shipped inside the package.
DEFAULT_ARTICLE = "reuters_loukachenko_fr.txt"

#: A title line is a headline: short, and it does not end a sentence.
MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 30
#: Title, kicker, byline and date lines come within the first paragraphs.
_HEAD_PARAGRAPHS = 6
# "By Jane Doe", "Par Marie Dupont, à Lyon": the names after the word.
_BYLINE_NAMES = re.compile(
    r"^(?:by|par)\s+(?P<names>.+?)\s*(?:[,|–—-]\s*[^,|–—-]*)?$", re.IGNORECASE
)
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
    #: Metadata the source gives (an HTML page's title and site, a PDF's author …), or that a
    #: text file's title, byline and date lines give; never counted as paragraphs of their own
    #: when the source keeps them apart (HTML, PDF, .docx properties). ``date`` is ISO 8601.
    title: str | None = None
    site: str | None = None
    author: str | None = None
    date: str | None = None
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
    a block of wrapped lines is one paragraph (its lines joined by single spaces). A byline, a
    date or a "Read more:" line is never a wrapped line of a paragraph: inside a block it stands
    alone, and so does a title line just before one of them.
    """
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    has_blank_separator = any(
        not line for i, line in enumerate(lines) if 0 < i < len(lines) - 1
    ) and any(lines)
    if not has_blank_separator:
        return [line for line in lines if line]
    paragraphs: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line:
            block.append(line)
        elif block:
            paragraphs.extend(_split_block(block, first=not paragraphs))
            block = []
    return paragraphs


def _split_block(block: list[str], first: bool = False) -> list[str]:
    """A block of lines as paragraphs: the wrapped lines joined, page lines each alone (and,
    in the article's ``first`` block, the byline lines of its head)."""
    if len(block) == 1:
        return block
    standalone = [
        is_page_line(line) or (first and i < _HEAD_LINES and byline_names(line) is not None)
        for i, line in enumerate(block)
    ]
    # a headline right before a byline or a date line is the title, not a wrapped line
    if standalone[1] and not standalone[0] and looks_like_title(block[0]):
        standalone[0] = True
    if not any(standalone):
        return [" ".join(block)]
    paragraphs: list[str] = []
    run: list[str] = []
    for line, alone in zip(block, standalone, strict=True):
        if alone:
            if run:
                paragraphs.append(" ".join(run))
                run = []
            paragraphs.append(line)
        else:
            run.append(line)
    if run:
        paragraphs.append(" ".join(run))
    return paragraphs


def looks_like_title(text: str) -> bool:
    """A headline: short, no sentence-ending full stop, not itself a byline or a date."""
    stripped = text.strip()
    return (
        0 < len(stripped) <= MAX_TITLE_CHARS
        and len(stripped.split()) <= MAX_TITLE_WORDS
        and not stripped.endswith((".", ",", ";", ":"))
        and not is_page_line(stripped)
        and byline_names(stripped) is None
    )


def parse_article(text: str, source: str = "article", path: str | None = None) -> Article:
    """Build an :class:`Article` from its text; ``source`` names it in replies.

    The text's own title, byline and date lines give the title, author and date metadata; they
    stay numbered paragraphs (docs/CONTRACT.md): the byline and date lines marked as boilerplate,
    the title not (a headline is the newsroom's own text and may hold a quotation).
    """
    texts = split_paragraphs(text.lstrip("\ufeff"))
    if not texts:
        raise ArticleError(f"The article {source} has no text.")
    title = texts[0] if len(texts) > 1 and _opens_with_title(texts) else None
    head = texts[1 if title else 0 : _HEAD_PARAGRAPHS]
    author = next((names for line in head if (names := head_byline_names(line))), None)
    date = next(
        (found for line in head if is_page_line(line) and (found := parse_date(line))), None
    )
    return build_article(texts, source, path=path, title=title, author=author, date=date)


def _opens_with_title(texts: list[str]) -> bool:
    """The first paragraph is a headline: followed by a byline or a date line, or by a longer
    paragraph that is a sentence (a headline never ends with a full stop; a lede does)."""
    if not looks_like_title(texts[0]):
        return False
    following = texts[1]
    if head_byline_names(following) is not None:
        return True
    if is_page_line(following):
        return parse_date(following) is not None
    return len(following) > len(texts[0]) and following.rstrip().endswith((".", "»", "”", '"'))


def byline_names(line: str) -> str | None:
    """"Jane Doe and John Roe" of "By Jane Doe and John Roe, Reuters", "Jane Doe, Health
    Correspondent", « De notre correspondante à Lyon, Jeanne Roux », "Jane Doe | The Echo"
    (``data/<lang>/bylines.txt``); None if ``line`` is no byline."""
    stripped = line.strip()
    if is_page_line(line):
        match = _BYLINE_NAMES.match(stripped)
        if match is not None and (names := match.group("names").strip()):
            return names
    if len(stripped) > _MAX_BYLINE_CHARS:
        return None
    for pattern in _byline_patterns():
        found = pattern.fullmatch(stripped)
        if found is not None:
            return found.group("names").strip()
    return None


def head_byline_names(line: str) -> str | None:
    """:func:`byline_names`, and in the head of an article also a line that is only the writer's
    name ("Jane Roe", with a first name we know) or initials (« J.R. »)."""
    names = byline_names(line)
    if names is not None:
        return names
    stripped = line.strip()
    if _INITIALS.fullmatch(stripped):
        return stripped  # « J.R. »: a regional paper's writer signs with initials
    bare = _BARE_NAMES.fullmatch(stripped)
    if bare is not None and all(name.split()[0] in _first_names()
                                for name in (bare.group(1), bare.group(2)) if name):
        return stripped
    return None


#: A signature of initials: « J.R. », "A. B."
_INITIALS = re.compile(r"(?:[A-ZÀ-Ý]\.\s?){2,3}")
#: One or two people's names and nothing else.
_BARE_NAMES = re.compile(
    r"([A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+){1,2})"
    r"(?:\s+(?:et|and|&)\s+([A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+){1,2}))?")


@cache
def _first_names() -> frozenset[str]:
    """The first names of ``data/<lang>/first_names.txt``, both languages, and the census's."""
    tables = [gendered_names(language, "first_names") for language in ("en", "fr")]
    tables.append(gendered_names("en", "first_names_census"))
    return frozenset(name for table in tables for name in table)


#: A byline is one short line: the names and a role or an outlet.
_MAX_BYLINE_CHARS = 120
#: The byline of a text file is within its first lines (title, byline, date, kicker).
_HEAD_LINES = 4
#: One person's name in a byline: two to four capitalised words, with the particles of names.
_NAME = (
    r"[A-ZÀ-Ý][\w.’'-]+(?:\s+(?:(?:de|du|des|da|di|del|van|von|der|le|la|bin|al|ben)\s+)*"
    r"[A-ZÀ-Ý][\w.’'-]+){1,3}"
)
_NAMES = rf"{_NAME}(?:\s*(?:,|and|et|&)\s*{_NAME})*"


@cache
def _byline_patterns() -> tuple[re.Pattern[str], ...]:
    """The byline shapes of ``data/<lang>/bylines.txt`` of both languages, compiled."""
    return tuple(
        re.compile(entry.replace("{names}", _NAMES))
        for language in ("en", "fr")
        for entry in phrase_list(language, "bylines")
    )


def build_article(
    texts: list[str],
    source: str,
    *,
    path: str | None = None,
    title: str | None = None,
    site: str | None = None,
    author: str | None = None,
    date: str | None = None,
    language: str | None = None,
) -> Article:
    """Number ``texts`` as docs/CONTRACT.md says, flag the boilerplate, read the dateline.

    Every source (text, HTML, PDF, .docx) ends here, so that an article is numbered and
    marked the same way whatever it came from.
    """
    texts = [t for t in texts if t.strip()]
    if not texts:
        raise ArticleError(f"The article {source} has no text.")
    if language is None:
        language = detect_language(" ".join(texts[:40]))
    flags = page_furniture(texts, [is_boilerplate(t, language) for t in texts])
    # the byline of the head, in whatever shape the paper prints it, is the page's, not the story's
    for i, text in enumerate(texts[:_HEAD_PARAGRAPHS]):
        if not flags[i] and head_byline_names(text) is not None:
            flags[i] = True
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
                  None) or next((p.text for p in paragraphs[:_HEAD_PARAGRAPHS]
                                 if p.is_boilerplate and head_byline_names(p.text)), None)
    return Article(
        paragraphs=paragraphs,
        language=language,
        source=source,
        dateline=dateline,
        agency=agency,
        byline=byline,
        title=title,
        site=site,
        author=author,
        date=date,
        path=path,
    )


def _looks_like_byline(text: str) -> bool:
    return bool(
        re.match(r"(?i)(?:reportage|r[ée]dig|[ée]dit|par |by |reporting|writing)", text)
    ) or byline_names(text) is not None


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
