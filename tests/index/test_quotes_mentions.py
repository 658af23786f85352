"""Speaker mentions (index/quotes/mentions.py): who a noun phrase is."""

from __future__ import annotations

import pytest

from tests.index.quoting import quotes_of

# (language, paragraph, reported clause, speaker): the subject noun phrase of the verb.
SUBJECTS = [
    # A capitalised plural opening the sentence is a group, not a name.
    ("en", "Authorities said the driver was stabbed seven times.",
     "the driver was stabbed seven times", "authorities"),
    # A possessive owner's role in apposition is not the subject.
    ("en", "Dr. Ruth Alder, Manitoba's chief medical officer, says the drugs are overused.",
     "the drugs are overused", "Ruth Alder"),
    # A predicate is no subject: the name before the apposition is.
    ("en", "Martin Vale, the addictions doctor on the coast, is more blunt and says the "
           "monitor will help.", "the monitor will help", "Martin Vale"),
]


@pytest.mark.parametrize(("language", "paragraph", "text", "speaker"), SUBJECTS,
                         ids=[case[1][:40] for case in SUBJECTS])
def test_subjects(language: str, paragraph: str, text: str, speaker: str) -> None:
    found = [q for q in quotes_of(language, paragraph) if q.text == text]
    assert found and found[0].speaker is not None
    assert found[0].speaker.name.lower() == speaker.lower()


def test_the_minister_is_no_prime_minister() -> None:
    quotes = quotes_of(
        "en",
        "Prime Minister Jean Morrow met Foreign Affairs Minister Carla Ruiz on Monday.",
        '"We will keep talking," the minister said.')
    (quote,) = [q for q in quotes if q.text == "We will keep talking"]
    assert quote.speaker is not None and quote.speaker.name == "Carla Ruiz"


@pytest.mark.parametrize(("language", "title", "quoted"), [
    ("fr", "Sécurité routière : « Nous ne baisserons pas la garde »",
     "Nous ne baisserons pas la garde"),
    ("en", "Housing crisis: “We need ten thousand homes a year”",
     "We need ten thousand homes a year"),
])
def test_a_headline_topic_before_a_colon_is_no_speaker(
    language: str, title: str, quoted: str
) -> None:
    body = {
        "fr": "Le préfet Antoine Lubin a présenté le bilan de l'année mardi à Tours.",
        "en": "The mayor, Ruth Okafor, presented the council's plan on Tuesday in Leeds.",
    }[language]
    speakers = {q.text: q.speaker.name if q.speaker else None
                for q in quotes_of(language, title, body)}
    assert quoted in speakers
    assert speakers[quoted] not in ("Sécurité", "Housing")


def test_a_name_the_article_writes_mid_sentence_still_speaks_before_a_colon() -> None:
    quotes = quotes_of(
        "fr",
        "Le maire Paul Girard a présenté le budget lundi soir.",
        "Girard furieux : « Nous ne céderons rien sur les cantines »",
    )
    assert {q.text: q.speaker.name if q.speaker else None for q in quotes}[
        "Nous ne céderons rien sur les cantines"] == "Paul Girard"
