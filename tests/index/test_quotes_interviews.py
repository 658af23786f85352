"""Interviews and transcripts (index/quotes/interviews.py): speakers the layout gives."""

from __future__ import annotations

import pytest

from index.quotes import Quote
from tests.index.quoting import quotes_of


def said(quotes: tuple[Quote, ...]) -> dict[str, str | None]:
    return {q.text: q.speaker.name if q.speaker else None for q in quotes}


def test_dash_questions_and_unmarked_answers() -> None:
    quotes = said(quotes_of(
        "en",
        "Machines that read",
        "Greta Lindqvist runs a language lab in Uppsala. We met Greta Lindqvist in May.",
        "- What does your lab do?",
        "We teach machines to read the way children learn to.",
        "- Is it hard?",
        "(Laughs) Very hard, and slower than people think.",
    ))
    assert quotes["We teach machines to read the way children learn to."] == "Greta Lindqvist"
    assert quotes["Very hard, and slower than people think."] == "Greta Lindqvist"
    assert not any("?" in text for text in quotes)  # the questions are nobody's quotation


def test_the_outlet_label_on_the_first_exchange_only() -> None:
    quotes = said(quotes_of(
        "fr",
        "Yann Morel publie un livre sur les glaciers des Pyrénées.",
        "LE JOURNAL. – Pourquoi ce livre maintenant ?",
        "Yann MOREL. – Parce que personne ne l’avait encore écrit pour le grand public.",
        "Et les glaciers, que deviennent-ils ?",
        "Ils reculent de plusieurs mètres chaque été, et cela va s’accélérer.",
    ))
    assert quotes["Parce que personne ne l’avait encore écrit pour le grand public."] == \
        "Yann Morel"
    assert quotes["Ils reculent de plusieurs mètres chaque été, et cela va s’accélérer."] == \
        "Yann Morel"
    assert "Et les glaciers, que deviennent-ils ?" not in quotes


def test_a_transcript_gives_each_paragraph_to_its_label() -> None:
    quotes = said(quotes_of(
        "en",
        "Senator Ruth Quill debated Governor Abe Stone on the radio on Sunday.",
        "QUILL: We need a budget before the winter session.",
        "STONE: We will have one, and it will be balanced.",
        "QUILL: Then show it to us this week.",
    ))
    assert quotes["We need a budget before the winter session."] == "Ruth Quill"
    assert quotes["We will have one, and it will be balanced."] == "Abe Stone"
    assert quotes["Then show it to us this week."] == "Ruth Quill"


def test_a_page_own_labels_are_no_transcript() -> None:
    quotes = quotes_of(
        "en",
        "READ MORE: Budget talks stall again in the capital",
        "WATCH: The moment the vote was called in the chamber",
        "ANALYSIS: What a second vote would mean for the city",
    )
    assert quotes == ()


def test_questions_that_lost_their_bold_in_an_article_that_says_it_is_an_interview() -> None:
    quotes = said(quotes_of(
        "fr",
        "« Les forêts de pins souffrent en silence »",
        "Entretien avec Mathis Carrel, forestier dans les Landes depuis trente ans.",
        "Les pins des Landes sont-ils menacés ?",
        "Ils résistent encore, mais chaque été sec les affaiblit un peu plus.",
        "Qu'avez-vous observé cette année ?",
        "Des aiguilles qui roussissent dès le mois de juin, du jamais-vu ici.",
        "Que demandez-vous à l'État ?",
        "Un plan de replantation avec des essences mélangées, et vite.",
    ))
    assert quotes["Ils résistent encore, mais chaque été sec les affaiblit un peu plus."] == \
        "Mathis Carrel"
    assert quotes["Un plan de replantation avec des essences mélangées, et vite."] == \
        "Mathis Carrel"
    # the interviewer's questions are no one's quotation
    assert "Que demandez-vous à l'État ?" not in quotes


def test_an_english_q_and_a_without_marks() -> None:
    quotes = said(quotes_of(
        "en",
        "Q&A: the ferry captain who stayed",
        "Ines Forde has skippered the island ferry for 22 years.",
        "Why did you stay on during the storm?",
        "Because forty people were still on board and the engine was fine.",
        "Were you afraid?",
        "Of course. Fear keeps you careful.",
        "Will you retire?",
        "Not before the new boat arrives next spring.",
    ))
    assert quotes["Of course. Fear keeps you careful."] == "Ines Forde"
    assert quotes["Not before the new boat arrives next spring."] == "Ines Forde"


def test_questions_in_a_report_that_is_no_interview_stay_the_reporters() -> None:
    # three paragraphs that ask, each followed by one that does not: a reporter's rhetoric, and
    # nothing near the top says the article is an interview
    quotes = said(quotes_of(
        "en",
        "Who will pay for the new bridge?",
        "Martha Keel, the county treasurer, has not said where the money will come from.",
        "Will tolls return?",
        "The last toll booth closed in 1998 after a long campaign by commuters.",
        "Can the state help?",
        "Its infrastructure fund is already committed until 2029.",
        "And what about the ferry?",
        "It still runs twice an hour, but only until the bridge opens.",
    ))
    assert quotes == {}


def test_questions_kept_in_markdown_bold_or_as_headings() -> None:
    for mark in ("**{}**", "### {}", "__{}__"):
        quotes = said(quotes_of(
            "fr",
            "Hôpitaux : la pénurie d'infirmières vue du terrain",
            "Entretien avec Inès Farouk, cadre de santé au centre hospitalier de Brive.",
            mark.format("Combien de postes sont vacants dans votre service ?"),
            "Six sur quarante, et ce chiffre ne baisse plus depuis deux ans.",
            mark.format("Comment tenez-vous les plannings ?"),
            "Avec des heures supplémentaires que plus personne ne veut faire.",
            mark.format("Que demandez-vous à l'agence régionale ?"),
            "Des primes pour les nuits, tout simplement, comme ailleurs.",
        ))
        assert quotes["Six sur quarante, et ce chiffre ne baisse plus depuis deux ans."] \
            == "Inès Farouk", mark
        assert quotes["Des primes pour les nuits, tout simplement, comme ailleurs."] \
            == "Inès Farouk", mark
        assert not any("?" in text for text in quotes), mark


@pytest.mark.parametrize("law", ["L'EdTech Act", "Le Code Numérique"])
def test_the_interviewee_is_the_person_the_head_presents_not_the_most_named_thing(
    law: str,
) -> None:
    quotes = said(quotes_of(
        "fr",
        "Numérique : les logiciels libres à l'école",
        "Hugo Lemaire, enseignant de technologie à Limoges, répond à nos questions.",
        f"{law} a été voté au printemps. {law} oblige les collèges à publier la liste de leurs "
        "logiciels.",
        "Qu'est-ce qui change pour vos élèves ?",
        "Ils apprennent sur des outils qu'ils pourront garder chez eux, sans licence.",
        f"{law} va-t-il assez loin ?",
        f"Non, {law[0].lower() + law[1:]} ne dit rien de la formation des enseignants.",
        "Et vos collègues ?",
        "Ils suivent, doucement, surtout quand on leur montre les économies réalisées.",
    ))
    assert set(quotes.values()) == {"Hugo Lemaire"}
    assert len(quotes) == 3


def test_the_interviewer_who_signs_the_head_does_not_answer() -> None:
    quotes = said(quotes_of(
        "en",
        "Rivers after the floods",
        "Interview: Nadia Osei on rebuilding flood defences. Interview by Adam Brook.",
        "Adam Brook met Nadia Osei in Halifax, where Adam Brook grew up.",
        "What failed in January?",
        "The embankments held, but the drains behind them backed up within hours.",
        "Who pays for the repairs?",
        "The county, for now, though it wants the water company to share the bill.",
        "Will it happen again?",
        "Yes, unless the drains are rebuilt before next winter.",
    ))
    assert quotes["Yes, unless the drains are rebuilt before next winter."] == "Nadia Osei"
    assert "Adam Brook" not in quotes.values()
