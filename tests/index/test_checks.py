"""Does the best paragraph hold what was asked? Each check with sentences of our own, both
languages: a quotation of X about Y (or about something else), who did V, when / where / how
many / why, and what "What is the X?" names."""

from __future__ import annotations

import pytest

from index.checks import AGAINST, FEATURES, FOR
from index.engine import Engine
from index.query import Mode

_MAIRIE = (
    "Le maire de Tulle, Paul Girard, a présenté mardi son plan pour le centre-ville.\n\n"
    "« Nous voulons une ville plus verte », a déclaré Paul Girard devant les habitants.\n\n"
    "Des commerçants craignent la fermeture de la rue aux voitures.\n\n"
    "« Les livraisons deviendront impossibles », s'inquiète Lucie Vidal, fleuriste.\n\n"
    "Le plan sera voté le 12 juin en conseil municipal à Tulle.\n"
)
_HARBOUR = (
    "The mayor of Ardmore, Anne Cole, presented her harbour plan on Monday.\n\n"
    '"We want a cleaner harbour," Ms Cole told residents at the town hall.\n\n'
    "Fishermen fear higher rents on the docks.\n\n"
    '"The rents will drive us out," said Tom Keane, a lobsterman.\n\n'
    "The council will vote on the plan in June because the budget must be set first.\n"
)


def features(article: str, mode: Mode, question: str) -> dict[str, float]:
    """The checks of ``question``'s best paragraph in ``article``, by name."""
    engine = Engine.from_text(article)
    seen = engine.inspect(mode, question)
    assert seen.ranked, "the question should match a paragraph"
    # every check, whatever weight the shipped decision gives it
    every = engine.checks.features(seen.query, seen.ranked, seen.scores)
    return dict(zip(FEATURES, every, strict=True))


@pytest.mark.parametrize(
    ("article", "question", "off_topic"),
    [
        # Girard is quoted, about a greener town; the deliveries are Lucie Vidal's worry
        (_MAIRIE, "Qu'a dit Paul Girard sur les livraisons ?", True),
        (_MAIRIE, "Qu'a dit Paul Girard sur la ville ?", False),
        (_MAIRIE, "Qu'a dit Lucie Vidal sur les livraisons ?", False),
        (_HARBOUR, "What did Anne Cole say about the rents?", True),
        (_HARBOUR, "What did Anne Cole say about the harbour?", False),
        (_HARBOUR, "What did Tom Keane say about the rents?", False),
    ],
)
def test_a_quotation_of_x_about_y(article: str, question: str, off_topic: bool) -> None:
    assert (features(article, "quote", question)["speaker_off_topic"] > 0.5) is off_topic


@pytest.mark.parametrize(
    ("article", "question"),
    [
        (_MAIRIE, "Qu'a dit Paul Girard sur la Chine ?"),  # « Chine »: nowhere in the article
        (_HARBOUR, "What did Tom Keane say about Brexit?"),
    ],
)
def test_a_topic_the_article_never_mentions(article: str, question: str) -> None:
    found = features(article, "quote", question)
    assert found["speaker_topic_unknown"] == 1.0
    # ... so none of the speaker's quotations touches it
    assert found["speaker_off_topic"] == 1.0


@pytest.mark.parametrize(
    "question",
    [
        "What did Tom Keane say?",  # no topic: nothing to miss
        "Qu'a dit Tom Keane sur le Brexit ?",  # in the other language: maybe untranslated
    ],
)
def test_no_topic_or_another_language_is_not_off_topic(question: str) -> None:
    assert features(_HARBOUR, "quote", question)["speaker_off_topic"] == 0.0


@pytest.mark.parametrize(
    ("article", "question", "missing"),
    [
        # "who …?": the paragraph holds the question's first word (mostly its verb), or not
        (_MAIRIE, "Qui a présenté le plan ?", False),
        (_MAIRIE, "Qui a financé le plan ?", True),  # nobody is said to fund it
        (_HARBOUR, "Who presented the harbour plan?", False),
        (_HARBOUR, "Who funded the harbour plan?", True),
    ],
)
def test_who_did_v(article: str, question: str, missing: bool) -> None:
    assert bool(features(article, "ask", question)["who_first_missing"]) is missing


@pytest.mark.parametrize(
    ("article", "question", "feature", "missing"),
    [
        (_MAIRIE, "Quand le plan sera-t-il voté ?", "date_missing", False),  # « le 12 juin »
        (_MAIRIE, "Quand Paul Girard a-t-il parlé devant les habitants ?", "date_missing", True),
        (_HARBOUR, "When will the council vote on the plan?", "date_missing", False),
        (_HARBOUR, "When did Ms Cole tell residents?", "date_missing", True),
        (_MAIRIE, "Où le plan sera-t-il voté ?", "place_missing", False),
        (_HARBOUR, "Where did Tom Keane say it?", "place_missing", True),
        (_HARBOUR, "Why will the council vote in June?", "reason_missing", False),  # because …
        (_HARBOUR, "Why do fishermen fear higher rents?", "reason_missing", True),
        (_MAIRIE, "Combien de commerçants craignent la fermeture ?", "number_missing", True),
        (_HARBOUR, "How many fishermen fear higher rents?", "count_missing", True),
    ],
)
def test_when_where_how_many_why(
    article: str, question: str, feature: str, missing: bool
) -> None:
    assert bool(features(article, "ask", question)[feature]) is missing


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("What is the mayor's political party?", True),  # "party" only as a close spelling
        ("What is the harbour plan?", False),
    ],
)
def test_what_is_the_x_the_article_never_mentions(question: str, unknown: bool) -> None:
    assert bool(features(_HARBOUR, "ask", question)["unknown_head"]) is unknown


def test_a_bare_name_asks_for_that_person() -> None:
    engine = Engine.from_text(_MAIRIE)
    for question, name in (("Girard", "Paul Girard"), ("Lucie Vidal", "Lucie Vidal")):
        speakers = engine.checks.bare_name(engine.reader.read("quote", question))
        assert [s.name for s in speakers] == [name]
    assert not engine.checks.bare_name(engine.reader.read("quote", "Girard ville"))


def test_every_feature_has_a_direction_or_is_free() -> None:
    assert AGAINST.isdisjoint(FOR)
    assert set(FEATURES) >= (AGAINST | FOR)
    assert len(set(FEATURES)) == len(FEATURES)


_THEFT = (
    "Two gold coins were stolen from the Ardmore museum last week.\n\n"
    "The coins were sold to the museum in 1998 by a private collector.\n\n"
    "The new curator was appointed by the county council in May.\n\n"
    "A guard, Paul Breen, said the alarm had been switched off.\n\n"
    "The museum has 40 volunteers and three paid staff.\n"
)
_FESTIVAL = (
    "Le festival de Tulle a été annulé samedi après les orages.\n\n"
    "La scène a été endommagée par la grêle, selon les organisateurs.\n\n"
    "La mairie a réparé la toiture de la salle des fêtes.\n\n"
    "« Nous rembourserons tous les billets », a déclaré la présidente, Anne Roux.\n\n"
    "Le festival compte 300 bénévoles et 12 salariés.\n"
)


@pytest.mark.parametrize(
    ("article", "question", "missing"),
    [
        # "who V?": V is in the paragraph with an agent, or only without one
        (_THEFT, "Who appointed the new curator?", False),  # "appointed by the county council"
        (_THEFT, "Who stole the gold coins?", True),  # "were stolen", nobody said by whom
        (_THEFT, "Who switched off the alarm?", True),  # "had been switched off"
        (_FESTIVAL, "Qui a réparé la toiture ?", False),  # « La mairie a réparé »
        (_FESTIVAL, "Qui a annulé le festival ?", True),  # « a été annulé », sans agent
        (_FESTIVAL, "Qui a endommagé la scène ?", False),  # « endommagée par la grêle »
    ],
)
def test_an_agent_of_v(article: str, question: str, missing: bool) -> None:
    assert bool(features(article, "who", question)["agent_missing"]) is missing


@pytest.mark.parametrize(
    ("article", "question", "unknown"),
    [
        # a specific verb the article never uses says the event is not in it; a common one
        # ("find", « trouver ») may be a paraphrase, so it says less
        (_THEFT, "Who insured the gold coins?", True),
        (_THEFT, "Who sold the coins to the museum?", False),
        (_FESTIVAL, "Qui a indemnisé les bénévoles du festival ?", True),
        (_FESTIVAL, "Qui a réparé la toiture ?", False),
    ],
)
def test_a_verb_the_article_never_uses(article: str, question: str, unknown: bool) -> None:
    assert (features(article, "who", question)["who_verb_unknown"] > 0.3) is unknown


@pytest.mark.parametrize(
    ("article", "question", "unknown"),
    [
        (_THEFT, "Which insurer covered the coins?", True),
        (_THEFT, "Which council appointed the curator?", False),
        (_FESTIVAL, "À quel assureur le festival a-t-il fait appel ?", True),
        (_FESTIVAL, "Quelle scène a été endommagée ?", False),
    ],
)
def test_which_x_the_article_never_mentions(article: str, question: str, unknown: bool) -> None:
    assert bool(features(article, "ask", question)["asked_noun_unknown"]) is unknown


@pytest.mark.parametrize(
    ("article", "question", "value"),
    [
        (_THEFT, "How many volunteers does the museum have?", 0.0),  # "40 volunteers"
        (_THEFT, "How many visitors does the museum have?", 0.5),  # numbers, not of visitors
        (_THEFT, "How many coins did the guard find?", 1.0),  # no number in that sentence
        (_FESTIVAL, "Combien de bénévoles compte le festival ?", 0.0),  # « 300 bénévoles »
        (_FESTIVAL, "Combien de spectateurs compte le festival ?", 0.5),
    ],
)
def test_a_count_of_the_counted_noun(article: str, question: str, value: float) -> None:
    assert features(article, "ask", question)["count_noun_missing"] == value


@pytest.mark.parametrize(
    ("article", "question", "specific"),
    [
        # a specific word the article never uses: about something else; an everyday one: not
        (_THEFT, "Were the coins found by a metal detectorist?", True),
        (_THEFT, "Were the coins stolen at night by people?", False),
        (_FESTIVAL, "Le festival a-t-il été annulé à cause des sangliers ?", True),
        (_FESTIVAL, "Le festival a-t-il été annulé cette fois encore ?", False),
    ],
)
def test_the_specific_word_the_article_never_uses(
    article: str, question: str, specific: bool
) -> None:
    assert (features(article, "ask", question)["rare_unknown"] >= 0.7) is specific


@pytest.mark.parametrize(
    ("article", "question", "missing"),
    [
        # the type is read in the sentences holding the question's focus
        (_THEFT, "When was the curator appointed?", False),  # "in May"
        (_THEFT, "When did Paul Breen say it?", True),
        (_FESTIVAL, "Quand le festival a-t-il été annulé ?", False),  # « samedi »
        (_FESTIVAL, "Quand la mairie a-t-elle réparé la toiture ?", True),
    ],
)
def test_a_date_in_the_focus_sentence(article: str, question: str, missing: bool) -> None:
    assert bool(features(article, "ask", question)["date_missing"]) is missing
