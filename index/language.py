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
    languages = SUPPORTED_LANGUAGES
    of_word = _languages_of_words(languages)
    scores = [0] * len(languages)
    for word in _WORD.findall(text.lower()):
        for i in of_word.get(word, ()):
            scores[i] += 1
    best, best_score = default, 0
    for language, score in zip(languages, scores, strict=True):
        if score > best_score:
            best, best_score = language, score
    return best


@cache
def _languages_of_words(languages: tuple[str, ...]) -> dict[str, tuple[int, ...]]:
    """Each function word of two letters or more, with the places in ``languages`` of the
    languages it belongs to (so a question's word is looked up once, not once per language)."""
    table: dict[str, list[int]] = {}
    for i, language in enumerate(languages):
        for word in _function_words(language):
            if len(word) > 1:
                table.setdefault(word, []).append(i)
    return {word: tuple(places) for word, places in table.items()}


@cache
def _function_words(language: str) -> frozenset[str]:
    return (
        word_list(language, "stopwords")
        | word_list(language, "question_words")
        | word_list(language, "elisions")
    )
