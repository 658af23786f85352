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
    return guess_language(text, default)[0]


def guess_language(text: str, default: str = "fr") -> tuple[str, bool]:
    """:func:`detect_language`, and whether the text's function words said it (False: a
    guess, such as ``default`` for the keywords "nuclear weapons")."""
    # one-letter words ("s" of "Putin's" or "S-400", "a") tell English and French apart badly
    languages = SUPPORTED_LANGUAGES
    of_chunk = _chunk_languages(languages)
    scores = [0] * len(languages)
    # a word never spans whitespace, nor does lower-casing look across it: each chunk is
    # looked up alone, and what it says is kept per distinct chunk
    for chunk in text.split():
        places = of_chunk.get(chunk)
        if places is None:
            of_word = _languages_of_words(languages)
            words = _WORD.findall(chunk.lower())
            places = tuple(i for word in words for i in of_word.get(word, ()))
            if len(of_chunk) < _CHUNK_CACHE_SIZE:
                of_chunk[chunk] = places
        for i in places:
            scores[i] += 1
    best, best_score = default, 0
    for language, score in zip(languages, scores, strict=True):
        if score > best_score:
            best, best_score = language, score
    return best, best_score > 0 and scores.count(best_score) == 1


#: Question chunks whose languages are kept (questions are unbounded user input).
_CHUNK_CACHE_SIZE = 10_000


@cache
def _chunk_languages(languages: tuple[str, ...]) -> dict[str, tuple[int, ...]]:
    """Per whitespace-separated chunk of text seen, the places in ``languages`` of the languages
    its function words belong to, once per word (filled as questions come)."""
    return {}


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
