"""Quotations and who said them.

A first, plain version: direct quotations between typographic marks, attributed to a name or an
inverted subject next to a reporting verb in the same paragraph. The issue on quotations makes it
a careful reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from index.article import Article

QuoteKind = Literal["direct", "indirect"]

_PAIRS = {"“": "”", "«": "»", '"': '"', "„": "“"}
_SPAN = re.compile(r"(“[^“”]+”|«[^«»]+»|\"[^\"]+\"|„[^„“]+“)")
_NAME = r"(?:[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+)*)"
_CUE_AFTER = re.compile(
    r"^\s*,?\s*(?P<cue>(?:a|ont)\s+(?:déclaré|ajouté|affirmé|dit|estimé|expliqué|indiqué)"
    rf"\s+(?P<name>(?:le |la |les )?[\w’'-]*\s*(?:de\s+)?{_NAME})|said\s+(?P<en>{_NAME}))"
)


@dataclass(frozen=True)
class Speaker:
    """Who said a quotation: the canonical name, the role the article gives, and the kind."""

    name: str
    role: str | None = None
    is_organisation: bool = False


@dataclass(frozen=True)
class Quote:
    """A quotation in one paragraph; ``text`` is ``paragraph.text[start:end]``."""

    paragraph: int
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: Speaker | None
    cue: str | None


def extract_quotes(article: Article) -> tuple[Quote, ...]:
    """Every quotation of the article's story paragraphs, in reading order."""
    quotes: list[Quote] = []
    for paragraph in article.body:
        for match in _SPAN.finditer(paragraph.text):
            start, end = match.start() + 1, match.end() - 1
            text = paragraph.text[start:end].strip(" \u00a0\u202f")
            start = paragraph.text.index(text, start)
            cue_match = _CUE_AFTER.match(paragraph.text[match.end():])
            speaker = None
            cue = None
            if cue_match:
                cue = cue_match.group("cue")
                name = cue_match.group("name") or cue_match.group("en")
                speaker = Speaker(name=name.strip()) if name else None
            quotes.append(
                Quote(
                    paragraph=paragraph.index,
                    start=start,
                    end=start + len(text),
                    text=text,
                    kind="direct",
                    speaker=speaker,
                    cue=cue,
                )
            )
    return tuple(quotes)
