"""Which kind of source some bytes are: told by their first bytes, then a name or a content type."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Literal

from index.article import Article
from index.sources.docx import from_docx
from index.sources.errors import SourceError
from index.sources.html import from_html
from index.sources.pdf import from_pdf
from index.sources.text import from_text

Kind = Literal["text", "html", "pdf", "docx"]

_EXTENSIONS: dict[str, Kind] = {
    ".txt": "text", ".md": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".pdf": "pdf", ".docx": "docx",
}
_CONTENT_TYPES: dict[str, Kind] = {
    "text/plain": "text", "text/markdown": "text",
    "text/html": "html", "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                         re.IGNORECASE | re.DOTALL)
# What people send instead of an article: named so that the refusal can say what it was.
_MAGIC = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"RIFF", "a WebP image or a media file"), (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"), (b"Rar!", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc, .xls)"),
)


def kind_of(data: bytes, name: str | None = None, content_type: str | None = None) -> Kind:
    """The kind of ``data``; :class:`SourceError` ("unsupported") for anything else."""
    head = data[:2048]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        suffix = PurePosixPath(name or "").suffix.lower()
        if suffix in ("", ".docx") or content_type in _CONTENT_TYPES:
            return "docx"
        raise SourceError("unsupported", f"{name or 'The file'} is an archive, not an article.")
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise SourceError("unsupported", f"{name or 'The file'} is {what}, not an article.")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 with its byte-order mark (Windows Notepad's "Unicode")
    declared = _CONTENT_TYPES.get((content_type or "").split(";")[0].strip().lower())
    by_name = _EXTENSIONS.get(PurePosixPath(name or "").suffix.lower())
    if _HTML_START.match(head.lstrip(b"\xef\xbb\xbf")):
        return "html"
    if declared in ("html", "text"):
        return declared
    if by_name in ("html", "text"):
        return by_name
    if b"\x00" not in head:
        return "text"
    raise SourceError("unsupported", f"{name or 'The file'} is not an article file.")


def from_bytes(
    data: bytes,
    source: str,
    *,
    name: str | None = None,
    content_type: str | None = None,
    url: str | None = None,
    charset: str | None = None,
) -> Article:
    """The article in ``data``, whatever its kind (``source`` names it in replies)."""
    if not data.strip():
        raise SourceError("empty", f"{source} is empty.")
    kind = kind_of(data, name, content_type)
    if kind == "pdf":
        return from_pdf(data, source)
    if kind == "docx":
        return from_docx(data, source)
    if kind == "html":
        return from_html(data, source, url=url)
    return from_text(data, source, charset=charset)
