"""Weighted words → scored paragraphs: sentences, causes, replies and the best sentence."""

from __future__ import annotations

import pytest

from index.analysis import analyzer_for
from index.engine import Engine
from index.ranking import BM25_PARAMETERS, SENTENCE_WEIGHT, gives_a_cause, split_sentences


@pytest.mark.parametrize(
    ("text", "language", "cause"),
    [
        ("La route est fermée parce que la falaise menace.", "fr", True),
        ("Le festival est annulé en raison des orages.", "fr", True),
        ("Le festival est annulé samedi.", "fr", False),
        ("The ferry stopped because the engine failed.", "en", True),
        ("The plant will close in order to cut costs.", "en", True),
        ("The plant will close next year.", "en", False),
    ],
)
def test_a_sentence_that_gives_a_cause(text: str, language: str, cause: bool) -> None:
    assert gives_a_cause(text, language) is cause


def test_each_sentence_knows_what_kind_of_answer_it_holds() -> None:
    text = (
        "Le plan sera voté le 12 juin à Tulle. Les commerçants s'inquiètent. "
        "Ils sont 40 car la rue fermera."
    )
    first, second, third = split_sentences(text, analyzer_for("fr"), "fr")
    assert (first.date, first.place) == (1.0, 1.0)
    assert (second.date, second.number, second.place, second.cause) == (0.0, 0.0, 0.0, False)
    assert third.number == 1.0 and third.cause
    assert text[third.start:third.end] == "Ils sont 40 car la rue fermera."


@pytest.mark.parametrize(
    ("article", "question", "paragraph"),
    [
        (  # what was replied to is told in the paragraph before the reply
            "Le président a invité le Kazakhstan à rejoindre l'union douanière.\n\n"
            "« Merci pour cette plaisanterie », a déclaré le bureau du président kazakh.\n",
            "Qu'a répondu le bureau à l'invitation ?",
            1,
        ),
        (
            "The mayor offered the fishermen a new pier in exchange for higher fees.\n\n"
            '"We will not be bought," said Tom Keane, a lobsterman.\n',
            "How did the fishermen respond to the offer of a new pier?",
            1,
        ),
    ],
)
def test_a_reply_is_found_after_what_it_replies_to(
    article: str, question: str, paragraph: int
) -> None:
    assert Engine.from_text(article).answer("quote", question).results[0].paragraph == paragraph


def test_an_english_fact_prefers_one_sentence_holding_the_question_words() -> None:
    # both paragraphs hold "bridge", "opened" and "river"; only the second in one sentence
    article = (
        "The bridge was closed for repairs. It opened long ago. The river rose in spring, "
        "and the bridge shook.\n\n"
        "The new bridge opened over the river on Monday.\n"
    )
    answer = Engine.from_text(article).answer("ask", "When did the bridge over the river open?")
    assert answer.results[0].paragraph == 1


def test_the_tuned_parameters_are_per_language() -> None:
    assert set(BM25_PARAMETERS) == set(SENTENCE_WEIGHT) == {"fr", "en"}
    assert all(k1 > 0 and 0 <= b <= 1 for k1, b in BM25_PARAMETERS.values())
