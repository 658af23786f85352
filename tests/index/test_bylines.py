"""Bylines in the shapes papers print them: the writer is known, the line is the page's, and
"who wrote this?" is answered from it (data/<lang>/bylines.txt). Invented lines throughout."""

from __future__ import annotations

import pytest

from index import Engine, parse_article
from index.article import byline_names

EN_BODY = (
    "The council approved a new bus depot on Monday after a two-year dispute, officials said.\n\n"
    '"It is a good day for the valley," said Tom Reyes, who chairs the transport committee.'
)
FR_BODY = (
    "Le conseil a approuvé lundi un nouveau dépôt de bus après deux ans de conflit.\n\n"
    "« C'est un beau jour pour la vallée », a déclaré Thomas Reyes, élu aux transports."
)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Harriet Vale, Transport Correspondent", "Harriet Vale"),
        ("Harriet Vale and Omar Bakri, staff writers", "Harriet Vale and Omar Bakri"),
        ("Harriet Vale | The Northern Echo", "Harriet Vale"),
        ("Written by Harriet Vale", "Harriet Vale"),
        ("Published 3 March 2026, 10:12 by Harriet Vale", "Harriet Vale"),
        ("Hélène Vidal, correspondante à Lyon", "Hélène Vidal"),
        ("De notre correspondante à Lyon, Hélène Vidal", "Hélène Vidal"),
        ("De notre envoyé spécial Paul de La Roche", "Paul de La Roche"),
        ("Publié le 3 mars 2026 à 10h12 par Hélène Vidal", "Hélène Vidal"),
        ("Propos recueillis par Hélène Vidal", "Hélène Vidal"),
        ("By Harriet Vale, Reuters", "Harriet Vale"),
        ("By: Harriet Vale", "Harriet Vale"),
        ("Author: Harriet Vale and Omar Bakri", "Harriet Vale and Omar Bakri"),
        ("Texte par : Hélène Vidal", "Hélène Vidal"),
        ("Par : Hélène Vidal, à Lyon", "Hélène Vidal"),
        ("Auteure : Hélène Vidal", "Hélène Vidal"),
    ],
)
def test_the_writers_names_of_each_shape(line: str, names: str) -> None:
    assert byline_names(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "Tom Reyes, the transport chair, said the depot would open in May.",
        "Storm hits the valley | live",
        "Le conseil municipal, réuni lundi, a voté le budget",
        "Harriet Vale",
        "Transport correspondent",
    ],
)
def test_a_sentence_or_a_lone_name_is_no_byline(line: str) -> None:
    assert byline_names(line) is None


@pytest.mark.parametrize(
    ("head", "body", "author", "question"),
    [
        ("Harriet Vale, Transport Correspondent", EN_BODY, "Harriet Vale",
         "Who wrote this article?"),
        ("Harriet Vale | The Northern Echo", EN_BODY, "Harriet Vale", "who is the author"),
        ("Hélène Vidal, correspondante à Lyon", FR_BODY, "Hélène Vidal",
         "Qui a écrit cet article ?"),
        ("De notre envoyée spéciale à Kiev, Hélène Vidal", FR_BODY, "Hélène Vidal",
         "Quel journaliste signe l'article ?"),
        ("Texte par : Hélène Vidal", FR_BODY, "Hélène Vidal", "Qui a écrit cet article ?"),
        ("By: Harriet Vale", EN_BODY, "Harriet Vale", "Who wrote this?"),
    ],
)
def test_who_wrote_it_is_answered_from_the_byline(
    head: str, body: str, author: str, question: str
) -> None:
    article = parse_article(f"New depot for the valley\n\n{head}\n\n{body}")
    assert article.title == "New depot for the valley"
    assert article.author == author
    assert article.paragraphs[1].is_boilerplate and article.byline == head
    answer = Engine(article).answer("ask", question)
    assert answer.found and answer.results[0].paragraph == 1


def test_a_byline_line_stands_alone_in_the_first_block() -> None:
    text = (
        "New depot for the valley\nHarriet Vale, Transport Correspondent\n"
        "The council approved a new bus depot on Monday\nafter a two-year dispute.\n\n"
        "A second paragraph follows here."
    )
    article = parse_article(text)
    texts = [p.text for p in article.paragraphs]
    assert texts[:3] == [
        "New depot for the valley",
        "Harriet Vale, Transport Correspondent",
        "The council approved a new bus depot on Monday after a two-year dispute.",
    ]
    assert article.author == "Harriet Vale"


def test_a_line_shaped_like_a_byline_inside_the_story_stays_in_its_paragraph() -> None:
    text = (
        "New depot for the valley\n\nBy Harriet Vale\n\n"
        "The depot was first proposed by\nOmar Bakri, staff writer at the time\n"
        "and later the council's press officer.\n\nA last paragraph."
    )
    article = parse_article(text)
    assert article.paragraphs[2].text == (
        "The depot was first proposed by Omar Bakri, staff writer at the time "
        "and later the council's press officer."
    )
    assert not article.paragraphs[2].is_boilerplate


@pytest.mark.parametrize(
    ("head", "body", "author", "question"),
    [
        # a page copied as text keeps the name of its writer on a line of its own
        ("Emma Vale", EN_BODY, "Emma Vale", "who wrote this article"),
        ("Hélène Vidal", FR_BODY, "Hélène Vidal", "qui a écrit l'article"),
        # regional papers sign with initials
        ("H.V.", FR_BODY, "H.V.", "qui a écrit cet article"),
        # a page's byline whose commas were lost
        ("Harriet Vale Transport correspondent @hvale Mon 2 Mar 2026 10.12 GMT", EN_BODY,
         "Harriet Vale", "Who wrote this?"),
    ],
)
def test_a_bare_name_or_initials_in_the_head_are_the_byline(
    head: str, body: str, author: str, question: str
) -> None:
    article = parse_article(f"New depot for the valley\n\n{head}\n\n{body}")
    assert article.author == author
    assert article.paragraphs[1].is_boilerplate and article.byline == head
    answer = Engine(article).answer("ask", question)
    assert answer.found and answer.results[0].paragraph == 1


def test_a_bare_name_in_the_story_stays_a_paragraph() -> None:
    article = parse_article(
        "New depot for the valley\n\n" + EN_BODY + "\n\n" + EN_BODY + "\n\n" + EN_BODY
        + "\n\n" + EN_BODY + "\n\nHarriet Vale\n\n" + EN_BODY)
    lone = [p for p in article.paragraphs if p.text == "Harriet Vale"]
    assert lone and not lone[0].is_boilerplate
