"""Bytes → :class:`~index.article.Article`: one function per kind of source.

``from_text`` (plain UTF-8 text), ``from_html`` (main text and metadata by trafilatura, from HTML
the caller downloaded itself), ``from_pdf`` (pdfminer.six) and ``from_docx`` (python-docx) all end
in :func:`index.article.build_article`, so that paragraphs are numbered and marked the same way
whatever the source (docs/CONTRACT.md); title, site, author and date are metadata beside them.
``from_bytes`` picks the function from the bytes themselves, a file name and a content type.

Pure: no network, no database. Every way the bytes can be unusable raises :class:`SourceError`,
whose ``reason`` a front end turns into one sentence in its user's language.
"""

from index.sources.detect import Kind, from_bytes, kind_of
from index.sources.docx import from_docx
from index.sources.errors import Reason, SourceError
from index.sources.html import from_html
from index.sources.pdf import from_pdf
from index.sources.text import from_text

__all__ = [
    "Kind",
    "Reason",
    "SourceError",
    "from_bytes",
    "from_docx",
    "from_html",
    "from_pdf",
    "from_text",
    "kind_of",
]
