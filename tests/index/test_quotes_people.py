"""The cast (index/quotes/people.py): names, their fullest form, words that only look like names."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.quotes.grammar import NAME, grammar
from index.quotes.people import Cast


def cast_of(language: str, *paragraphs: str) -> Cast:
    cast = Cast(grammar(language))
    cast.read(list(paragraphs))
    for i, text in enumerate(paragraphs):
        cast.learn(text, i)
    return cast


def _brute_canonical(mentions: list[tuple[int, str]], name: str, current: int) -> str:
    """The fullest form as the first version computed it: a scan of every mention."""
    words = name.split()
    best, best_key = name, (-10**6, 0)
    for at, candidate in mentions:
        full = candidate.split()
        n = len(words)
        if len(full) <= n or not (full[-n:] == words or (len(full) == 2 and full[:n] == words)):
            continue
        key = (at if at <= current else -2 - at, len(full))
        if key > best_key:
            best, best_key = candidate, key
    return best


NAMES = ["Ada Varga", "Varga", "Ada", "Bela Varga", "Ada Lind", "Lind", "Carl Ada Varga"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.sampled_from(NAMES)), max_size=12),
       st.sampled_from(NAMES), st.integers(0, 6))
def test_canonical_reads_its_index_as_a_scan_would(mentions: list[tuple[int, str]], name: str,
                                                   current: int) -> None:
    cast = Cast(grammar("en"))
    for at, mentioned in sorted(mentions, key=lambda m: m[0]):
        cast._mentioned(at, mentioned)
    cast.current = current
    assert cast.canonical(name) == _brute_canonical(sorted(mentions, key=lambda m: m[0]),
                                                    name, current)


# (language, article, capitalised word, common?): a word the article also writes in lower case,
# or that only opens sentences as an adverb, is no name.
COMMON = [
    ("en", ["Governance failed here. Good governance matters."], "Governance", True),
    ("en", ["Knowing the risks, Mara Holt signed."], "Knowing", True),
    ("en", ["Besides Demi Lowe, nobody came."], "Besides", True),
    ("fr", ["Autrement dit, Jeanne Roux a gagné."], "Autrement", True),
    ("fr", ["Six ans plus tard, rien."], "Six", True),
    ("en", ["Holt signed the deal, and later Holt resigned."], "Holt", False),
    ("fr", ["« Non », dit Roux. Le maire Roux a signé."], "Roux", False),
]


@pytest.mark.parametrize(("language", "paragraphs", "word", "common"), COMMON,
                         ids=[case[1][0][:30] for case in COMMON])
def test_common_words_are_no_names(language: str, paragraphs: list[str], word: str,
                                   common: bool) -> None:
    assert cast_of(language, *paragraphs).common(word) is common


@pytest.mark.parametrize(("text", "name"), [
    ("But Wet'suwet'en Chief Na'moks said no.", "Na'moks"),
    ("On Tuesday, Ms. May said it again.", "Ms. May"),
    ("According to Dr. Keith Arnaud, it worked.", "Dr. Keith Arnaud"),
])
def test_names_keep_their_apostrophes_and_titles(text: str, name: str) -> None:
    assert any(found.endswith(name) for found in re.findall(NAME, text))


@pytest.mark.parametrize("text", ["D’autres juristes le pensent.", "Qu’il vienne."])
def test_french_elisions_are_no_names(text: str) -> None:
    first = text.split()[0]
    assert first not in re.findall(NAME, text)


@pytest.mark.parametrize(("paragraph", "place"), [
    ("It snowed in Nova Scotia on Monday.", "Nova Scotia"),
    ("Three former Stella's Cafe employees spoke.", "Cafe"),
])
def test_places_and_owned_things_are_not_people(paragraph: str, place: str) -> None:
    assert place in cast_of("en", paragraph).places


def test_no_role_is_read_across_a_clause() -> None:
    cast = cast_of("fr", "C’est chez sa grand-mère que Lucas a vu la série.")
    assert "Lucas" not in cast.roles


def test_a_name_after_a_preposition_is_a_complement() -> None:
    cast = cast_of("en", "A former adviser to President Victor Lund, he knows bankers.")
    placed = {name: complement for _, name, _, complement in cast.placed[0]}
    assert placed["Victor Lund"] is True


@pytest.mark.parametrize(("language", "name", "gender"), [
    ("en", "Joan Alder", "f"),
    ("en", "Richard Moss", "m"),
    ("en", "Jean Marsh", "x"),  # a woman's name in English, a man's in French
    ("fr", "Jean Marsh", "m"),
    ("fr", "Hélène Roux", "f"),
    ("en", "Patrick", "x"),  # one word may be a surname
    ("fr", "Dominique Roux", "x"),  # given to both
])
def test_a_first_name_says_the_gender_when_it_is_given_to_one_sex(
        language: str, name: str, gender: str) -> None:
    assert Cast(grammar(language)).name_gender(name) == gender
