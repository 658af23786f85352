"""Salience (index/quotes/salience.py): which mention a pronoun or a description stands for."""

from __future__ import annotations

from index.quotes.grammar import grammar
from index.quotes.people import Cast, Person
from index.quotes.salience import Salience


def stage(*mentions: tuple[int, int, Person, bool, bool]) -> Salience:
    """A salience list with (paragraph, place, person, subject, spoke) mentions, in order."""
    salience = Salience(Cast(grammar("en")))
    for paragraph, at, person, subject, spoke in mentions:
        salience.at(paragraph, at)
        if spoke:
            salience.spoke(person)
        else:
            salience.append(person, subject=subject)
    return salience


def test_the_nearer_paragraph_wins_over_an_older_speaker() -> None:
    older, nearer = Person("Ana Ruiz", gender="f"), Person("Bea Holm", gender="f")
    salience = stage((0, 5, older, True, True), (1, 0, nearer, True, False))
    salience.at(2, 10)
    assert salience.resolve("f", "s", english=True) is nearer


def test_a_subject_outweighs_a_later_mention_in_the_same_paragraph() -> None:
    subject, object_ = Person("Carl Beck", gender="m"), Person("Dan Orr", gender="m")
    salience = stage((3, 0, subject, True, False), (3, 40, object_, False, False))
    salience.at(3, 80)
    assert salience.resolve("m", "s", english=True) is subject


def test_gender_and_number_filter_the_candidates() -> None:
    she, they = Person("Eva Stone", gender="f"), Person("the nurses", number="p")
    salience = stage((0, 0, she, True, False), (0, 30, they, True, False))
    salience.at(0, 60)
    assert salience.resolve("m", "s", english=True) is None
    assert salience.resolve("x", "p", english=True) is they


def test_a_pronoun_teaches_its_gender_only_when_asked() -> None:
    unknown = Person("Kim Park")
    salience = stage((0, 0, unknown, True, False))
    salience.at(0, 20)
    assert salience.resolve("f", "s", english=True, learn=False) is unknown
    assert unknown.gender == "x"
    salience.resolve("f", "s", english=True)
    assert unknown.gender == "f"


def test_mentions_beyond_the_window_are_forgotten() -> None:
    far = Person("Lou Fenn", gender="m")
    salience = stage((0, 0, far, True, True))
    salience.at(9, 0)
    assert salience.resolve("m", "s", english=True) is None


def test_a_description_skips_organisations_and_its_own_sentence() -> None:
    person, body = Person("Mia Cole", gender="f"), Person("Acme", is_organisation=True)
    salience = stage((0, 0, person, True, False), (1, 0, body, True, False))
    salience.at(2, 50, sentence=True)
    assert salience.last_person("x") is person
    assert salience.salient_body() == "Acme"


def test_the_paragraph_own_subject_comes_before_the_previous_speaker() -> None:
    speaker, here = Person("Ned Ross", gender="m"), Person("Olga Marsh", gender="f")
    salience = stage((0, 10, speaker, True, True), (1, 0, here, True, False))
    salience.at(1, 40)
    assert salience.on_stage_here() is here
    salience.at(2, 40)
    assert salience.on_stage_here() is None
