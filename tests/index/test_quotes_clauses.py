"""Attribution clauses (index/quotes/clauses.py): the shapes a sentence gives its speaker."""

from __future__ import annotations

import re

import pytest

from index.quotes.clauses import _CLOSING_SUBJECT, _TRAILING_CUE, _sentences
from index.quotes.grammar import grammar
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


@pytest.mark.parametrize("sentence", [
    " Le ministre a déclaré que la réforme attendrait, a-t-il précisé, puis s’est interrogé.",
    " « Rien n’est fait », déclare-t-elle, avant de s’exclamer : « Jamais ! »",
    " LE MAIRE A DÉCLARÉ QU’IL SE RETIRAIT, ONT RAPPORTÉ DES ÉLUS.",
    " Elle n’a pas voulu dire que l’usine fermerait ; d’ajouter qu’on verrait.",
    " The minister has also said that talks would resume, she told reporters.",
    " \x01\x01\x01, said the mayor, who had previously warned of cuts. ADDED NOTHING.",
    # Letters the engine folds to Latin ones (long s, Kelvin sign, dotless i) take the full scan.
    " Il a ſouligné que rien n’était joué. The \u212aing ſaid so; ıt was noted.",
])
def test_the_cue_pattern_finds_what_the_plain_regular_expression_finds(sentence: str) -> None:
    for language in ("fr", "en"):
        cue = grammar(language).cue
        expected = [(m.span(), m.groupdict()) for m in cue.regex.finditer(sentence)]
        assert [(m.span(), m.groupdict()) for m in cue.finditer(sentence)] == expected
        first = cue.regex.search(sentence, 5, len(sentence) - 3)
        found = cue.search(sentence, 5, len(sentence) - 3)
        assert (found and found.span()) == (first and first.span())
    assert any(list(grammar(language).cue.finditer(sentence)) for language in ("fr", "en"))


@pytest.mark.parametrize(("after_verb", "inverted"), [
    (" le porte-parole du ministère de l’Intérieur.", True),
    (" la présidente de la région Bretagne, hier.", False),  # a comma: not one noun phrase
    (" the coach of the under-21 side ", True),
    (" the club said the coach would stay", False),
    (" the b c d e f g h.", False),  # seven words: too long for a subject
    (" the b c d e f g.", True),
])
def test_the_closing_subject_counts_whole_words(after_verb: str, inverted: bool) -> None:
    assert (_CLOSING_SUBJECT.match(after_verb) is not None) is inverted


@pytest.mark.parametrize("sentence", [
    " Selon la préfète, d’après ses services et de l’avis de tous, rien ne bouge.",
    " SELON LE MAIRE, rien n’a changé ; d'après lui, les travaux reprendront.",
    " According to the club, and in the words of its chairman, the deal is done.",
    " Sélon, préselon, selonnière: no source here.",
])
def test_the_source_pattern_finds_what_the_plain_regular_expression_finds(sentence: str) -> None:
    for language in ("fr", "en"):
        sources = grammar(language).sources
        expected = [m.span() for m in sources.regex.finditer(sentence)]
        assert [m.span() for m in sources.finditer(sentence)] == expected
