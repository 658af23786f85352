"""Plain text (.txt, .md, a pasted message) → Article."""

from __future__ import annotations

from index.article import Article, parse_article
from index.sources.errors import SourceError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_text(data: bytes, source: str, charset: str | None = None) -> str:
    """The text of ``data``: UTF-8 (a byte-order mark says otherwise), or ``charset`` when given.

    Raises :class:`SourceError` for binary data and text in another encoding.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:65536]:
        raise SourceError("unsupported", f"{source} is binary, not text.")
    for encoding in dict.fromkeys(e for e in (charset, "utf-8") if e):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise SourceError("not_utf8", f"{source} is not UTF-8 text.")


def from_text(data: bytes | str, source: str = "article", charset: str | None = None) -> Article:
    """A plain-text article, numbered as docs/CONTRACT.md says; title, byline, date lines read."""
    text = decode_text(data, source, charset) if isinstance(data, bytes) else data
    if not text.strip():
        raise SourceError("empty", f"{source} is empty.")
    return parse_article(text, source=source)
