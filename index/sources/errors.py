"""Why a source gives no article: a code for front ends, and one sentence in English."""

from __future__ import annotations

from typing import Literal

from index.article import ArticleError

Reason = Literal[
    "empty",  # no bytes, or only blank text
    "no_article",  # a page or a document holding no article text
    "not_utf8",  # a text file in another encoding
    "broken",  # a PDF or .docx that cannot be read
    "encrypted",  # a PDF behind a password
    "unsupported",  # an image, an archive, a spreadsheet …
    "too_big",  # over a size limit (bytes, or uncompressed parts of a .docx)
]


class SourceError(ArticleError):
    """A source that holds no usable article; ``reason`` says why, the message in one sentence."""

    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(message)
        self.reason: Reason = reason

    def __reduce__(self) -> tuple[type[SourceError], tuple[Reason, str]]:
        # Sent back from the process that extracts articles: rebuilt with its reason.
        return (SourceError, (self.reason, str(self)))
