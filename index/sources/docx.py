"""A Word document (.docx) → Article, by python-docx: its paragraphs, title and author."""

from __future__ import annotations

import datetime
import io
import logging
import zipfile

from index.article import Article, build_article
from index.sources.errors import SourceError

log = logging.getLogger(__name__)

#: The parts of a .docx, uncompressed, may weigh this much at most (a zip bomb is refused).
MAX_UNCOMPRESSED_BYTES = 50_000_000
# python-docx's blank template stamps every document it starts with this author and date:
# they say nothing about the article.
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = datetime.datetime(2013, 12, 23, 23, 15, tzinfo=datetime.UTC)


def from_docx(data: bytes, source: str = "document.docx") -> Article:
    """The article of a .docx file: body paragraphs in order; the Title style is the title."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise SourceError("broken", f"{source} is not a Word document.")
            size = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise SourceError("broken", f"{source} is not a Word document.") from None
    if size > MAX_UNCOMPRESSED_BYTES:
        raise SourceError(
            "too_big", f"{source} unpacks to {size:,} bytes; the limit is "
            f"{MAX_UNCOMPRESSED_BYTES:,}."
        )
    import docx  # imported on first use, as trafilatura and pdfminer are
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, SyntaxError) as error:
        log.info("python-docx could not read %s: %s", source, error)
        raise SourceError("broken", f"{source} is a damaged Word document.") from None
    except Exception as error:  # a hostile package: whatever else python-docx or lxml raises
        log.warning("python-docx failed on %s", source, exc_info=error)
        raise SourceError("broken", f"{source} is a damaged Word document.") from None
    properties = document.core_properties
    title = (properties.title or "").strip() or None
    texts: list[str] = []
    for paragraph in document.paragraphs:
        text = " ".join(paragraph.text.split())
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if style == "Title" and not texts:
            title = title or text
            continue  # the headline is metadata
        texts.append(text)
    if not texts:
        raise SourceError("no_article", f"{source} holds no text.")
    created = properties.created
    if created is not None and created.tzinfo is None:
        created = created.replace(tzinfo=datetime.UTC)
    author = (properties.author or "").strip()
    return build_article(
        texts,
        source,
        title=title,
        author=author if author and author != _TEMPLATE_AUTHOR else None,
        date=created.date().isoformat() if created and created != _TEMPLATE_CREATED else None,
    )
