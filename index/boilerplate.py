"""Paragraphs that belong to the page, not to the story: bylines, footers, links, captions."""

from __future__ import annotations

import re

from index.lexicon import phrase_list

# A paragraph this long is story text whatever it starts with.
_MAX_BOILERPLATE_CHARS = 400


def is_boilerplate(text: str, language: str) -> bool:
    """Whether ``text`` is page furniture rather than the article's own prose.

    The patterns are data (``data/<lang>/boilerplate.txt``, regular expressions matched at the
    start of the paragraph, case-insensitive); both languages' lists apply, since a French page can
    carry an English share button and the reverse.
    """
    stripped = text.strip()
    if not stripped:
        return True
    if len(stripped) > _MAX_BOILERPLATE_CHARS:
        return False
    for lang in dict.fromkeys((language, "fr", "en")):
        for pattern in phrase_list(lang, "boilerplate"):
            if re.match(pattern, stripped, flags=re.IGNORECASE):
                return True
    return False
