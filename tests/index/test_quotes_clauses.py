"""Attribution clauses (index/quotes/clauses.py): the shapes a sentence gives its speaker."""

from __future__ import annotations

import re

import pytest

from index.quotes.clauses import _CLOSING_SUBJECT, _TRAILING_CUE, _sentences
from index.quotes.people import cut_complements


@pytest.mark.parametrize(("after_verb", "inverted"), [
    (" une porte-parole.", True),
    (" a spokeswoman for the council.", True),
    (" the board would review bonuses.", False),  # a reported clause, not a subject
    (" la direction, qui invoque la crise.", False),
])
def test_a_short_noun_phrase_ending_the_sentence_is_an_inverted_subject(
        after_verb: str, inverted: bool) -> None:
    assert (_CLOSING_SUBJECT.match(after_verb) is not None) is inverted


@pytest.mark.parametrize(("before_verb", "trailing"), [
    ("Canada has asked for clemency, she ", True),
    ("\x01\x01\x01 ", True),
    ("Freeland ", False),
])
def test_a_cue_after_what_it_reports(before_verb: str, trailing: bool) -> None:
    assert (_TRAILING_CUE.search(before_verb) is not None) is trailing


@pytest.mark.parametrize(("chunk", "kept"), [
    ("the National Institute on Drug Abuse", "the National Institute on Drug Abuse"),
    ("the Centre for Urban Research", "the Centre for Urban Research"),
    ("Smith on Monday", "Smith"),
    ("le bureau de Tokayev sur Telegram", "le bureau de Tokayev"),
])
def test_complements_are_cut_but_not_inside_a_name(chunk: str, kept: str) -> None:
    assert cut_complements(chunk) == kept


def test_a_title_full_stop_does_not_end_a_sentence() -> None:
    text = "On Tuesday, Ms. May said so. Dr. Lee agreed."
    bounds = _sentences(text, text, re.compile(r"(?!)"))  # no incise to keep together
    assert [text[lo:hi].strip() for lo, hi in bounds] == ["On Tuesday, Ms. May said so.",
                                                        "Dr. Lee agreed."]
