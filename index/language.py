"""Which language a text is written in, told by its function words."""

from __future__ import annotations

import re
from functools import cache

from index.lexicon import SUPPORTED_LANGUAGES, word_list

_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str, default: str = "fr") -> str:
    """The supported language whose stop words and elisions cover most of ``text``'s words.

    Ties (including a text with no function word at all, such as "Lukashenko S-400") give
    ``default``.
    """
    # one-letter words ("s" of "Putin's" or "S-400", "a") tell English and French apart badly
    words = [w for w in _WORD.findall(text.lower()) if len(w) > 1]
    best, best_score = default, 0
    for language in SUPPORTED_LANGUAGES:
        known = _function_words(language)
        score = sum(1 for word in words if word in known)
        if score > best_score:
            best, best_score = language, score
    return best


@cache
def _function_words(language: str) -> frozenset[str]:
    return (
        word_list(language, "stopwords")
        | word_list(language, "question_words")
        | word_list(language, "elisions")
    )
