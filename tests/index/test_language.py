"""Language detection of articles and of questions as people type them."""

from __future__ import annotations

import pytest

from index.article import load_article
from index.language import detect_language, guess_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Qui a parlé d'une blague ?", "fr"),
        ("Quand la Russie a-t-elle envahi l'Ukraine ?", "fr"),
        ("combien d'habitants compte le Kazakhstan", "fr"),  # no capital, no question mark
        ("Who said that nobody is against Kazakhstan?", "en"),
        ("Did Lukashenko speak for Russia?", "en"),
        ("what did paul ryn tell republicans", "en"),
        ("What is the weather like in Paris today?", "en"),
    ],
)
def test_the_language_of_a_question(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    ("text", "default"),
    [
        ("loukachenko kazakhstan", "fr"),  # names only: the article's language decides
        ("Lukashenko S-400", "en"),
        ("", "fr"),
    ],
)
def test_a_text_without_function_words_takes_the_default(text: str, default: str) -> None:
    assert detect_language(text, default=default) == default


def test_the_bundled_article_is_french() -> None:
    assert load_article().language == "fr"


@pytest.mark.parametrize(
    ("text", "language", "sure"),
    [
        ("Who said that nobody is against Kazakhstan?", "en", True),
        ("Qui a parlé d'une blague ?", "fr", True),
        ("nuclear weapons", "fr", False),  # keywords: the default, and a guess
        ("Belarus", "fr", False),
    ],
)
def test_a_guess_says_whether_function_words_decided_it(
    text: str, language: str, sure: bool
) -> None:
    assert guess_language(text, default="fr") == (language, sure)
