"""A PDF → Article, by pdfminer.six's layout analysis: one text box is one paragraph.

Running heads, footers and page numbers (lines found on several pages, or only a number) are page
furniture and left out; a paragraph cut by a page break is joined again.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from index.article import Article, build_article
from index.dates import parse_date
from index.sources.errors import SourceError

if TYPE_CHECKING:
    from pdfminer.layout import LTTextContainer

log = logging.getLogger(__name__)

#: Pages read at most: an article is a few pages, a book is not an article.
MAX_PAGES = 200
# "12", "- 3 -", "Page 4 of 9", "4/9": a page number alone on its line
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—\s]*\d{1,4}(?:\s*(?:/|of|sur)\s*\d{1,4})?[-–—\s]*$",
                          re.IGNORECASE)
_SENTENCE_END = ('.', '!', '?', '»', '”', '"', ':', '…')


def _box_text(box: LTTextContainer) -> str:  # type: ignore[type-arg]
    # (pdfminer is imported where it is used: a tenth of a second the CLI rarely needs)
    """The lines of a text box joined; a word hyphenated at a line's end is mended."""
    text = ""
    for line in box.get_text().splitlines():
        line = line.strip()
        if not line:
            continue
        if text.endswith("-") and line[:1].islower() and len(text) > 1 and text[-2].isalpha():
            text = text[:-1] + line
        else:
            text = f"{text} {line}" if text else line
    return " ".join(text.split())


def _pages(data: bytes) -> list[list[str]]:
    """The text boxes of each page, in pdfminer's reading order."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer

    pages: list[list[str]] = []
    laparams = LAParams()
    for page in extract_pages(io.BytesIO(data), laparams=laparams, maxpages=MAX_PAGES):
        boxes = [
            _box_text(element) for element in page if isinstance(element, LTTextContainer)
        ]
        pages.append([box for box in boxes if box])
    return pages


def _info(data: bytes) -> dict[str, str]:
    """The document's Title, Author and CreationDate, decoded."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    parser = PDFParser(io.BytesIO(data))
    document = PDFDocument(parser)
    found: dict[str, str] = {}
    for info in document.info:
        for key in ("Title", "Author", "CreationDate"):
            value: Any = info.get(key)
            if hasattr(value, "resolve"):
                value = value.resolve()
            if isinstance(value, bytes):
                value = _decode_pdf_string(value)
            if isinstance(value, str) and value.strip():
                found.setdefault(key, " ".join(value.split()))
    return found


def _decode_pdf_string(raw: bytes) -> str:
    if raw.startswith((b"\xfe\xff", b"\xff\xfe")):
        return raw.decode("utf-16", errors="replace")
    return raw.decode("latin-1")


def _pdf_date(value: str | None) -> str | None:
    """"D:20260314083000Z" → "2026-03-14"."""
    if not value:
        return None
    match = re.match(r"^(?:D:)?(\d{4})(\d{2})(\d{2})", value)
    if match:
        return parse_date("-".join(match.groups()))
    return parse_date(value)


def from_pdf(data: bytes, source: str = "document.pdf") -> Article:
    """The article of a PDF (text PDFs only: a scan holds no text to read)."""
    if not data.startswith(b"%PDF-"):
        raise SourceError("broken", f"{source} is not a PDF file.")
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    try:
        info = _info(data)
        pages = _pages(data)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise SourceError("encrypted", f"{source} is protected by a password.") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, IndexError,
            AttributeError, AssertionError, ZeroDivisionError, RecursionError) as error:
        log.info("pdfminer could not read %s: %s", source, error)
        raise SourceError("broken", f"{source} is a damaged PDF.") from None
    except Exception as error:  # pdfminer parses hostile bytes: whatever else it raises
        log.warning("pdfminer failed on %s", source, exc_info=error)
        raise SourceError("broken", f"{source} is a damaged PDF.") from None
    texts = _without_furniture(pages)
    if not texts:
        raise SourceError("no_article", f"{source} holds no text (a scanned PDF?).")
    title = info.get("Title")
    if title and texts and texts[0].casefold() == title.casefold():
        texts = texts[1:]  # the headline is metadata
    if not texts:
        raise SourceError("no_article", f"{source} holds no article text.")
    return build_article(
        texts, source, title=title, author=info.get("Author"),
        date=_pdf_date(info.get("CreationDate")),
    )


def _without_furniture(pages: list[list[str]]) -> list[str]:
    """Boxes of every page, running heads and page numbers out, page-split paragraphs joined."""
    seen_on = Counter(box for page in pages for box in set(page))
    repeated = {box for box, count in seen_on.items() if count >= 2 and len(box) <= 120} \
        if len(pages) >= 2 else set()
    texts: list[str] = []
    for number, page in enumerate(pages):
        kept = [box for box in page if box not in repeated and not _PAGE_NUMBER.match(box)]
        for position, box in enumerate(kept):
            joins = (
                number > 0 and position == 0 and texts
                and not texts[-1].endswith(_SENTENCE_END) and box[:1].islower()
            )
            if joins:
                texts[-1] = f"{texts[-1]} {box}"
            else:
                texts.append(box)
    return texts
