"""Page furniture: paragraphs kept and numbered but never attributed nor offered as answers."""

from __future__ import annotations

import pytest

from index.article import parse_article
from index.boilerplate import is_boilerplate, is_quoted_bio, page_furniture

FURNITURE = [
    ("fr", "Reportage de Reuters ; rédigé par Olzhas Auyezov ; édité par Mark Trevelyan"),
    ("fr", "Nos normes : Les principes de confiance de Thomson Reuters."),
    ("fr", "À lire aussi : Marchés publics : les condamnations pour favoritisme en hausse"),
    ("fr", "À lire aussiMarina Ovsiannikova refuse la proposition d’asile"),
    ("fr", "Par Émilie Massemin"),
    ("fr", "le 24/11/2023 à 14h30 par  Afp - Lecture en 2 min"),
    ("fr", "1er avril 2020 à 09h45 Mis à jour le 2 avril 2020 à 09h23"),
    ("fr", "Durée de lecture : 8 minutes"),
    ("fr", "Impossible de lire la video"),
    ("fr", "La journaliste photographiée mardi à Paris. AFP/JOEL SAGET."),
    ("fr", "Photo : le glacier du Rhône recouvert de bâches blanches. KEYSTONE/Jean Bott."),
    ("fr", "Partager sur Facebook"),
    ("fr", "Sur le même sujet"),
    ("fr", "Le tribunal de Quimper, le 12 mars. (Photo Fred Tanneau / AFP)"),
    ("fr", "La ministre lors de sa visite, le 13 mars. Photo : Thierry Zoccolan / AFP"),
    ("fr", "Par Claire Dumoulin, envoyée spéciale à Guéret"),
    ("fr", "Suivez-nous sur Facebook et Instagram"),
    ("fr", "Nous sommes financés par nos lectrices et lecteurs : faites un don."),
    ("en", "The factory in Wrexham in 2019. (Photo: Rhys Morgan/Reuters)"),
    ("en", "The midfielder at the training ground. Photograph: Aston Park FC/Getty Images"),
    ("en", "The harbour at dawn. © Jane Doe"),
    ("en", "By Tom Ashworth, Chief Football Writer"),
    ("en", "Updated March 4, 2026, 6:12 PM GMT"),
    ("en", "Share on Facebook Share on X"),
    ("en", "Support independent journalism: donate today."),
    ("en", "By Sarah Whitfield and Daniel Osei"),
    ("fr", "Par Julie Martin et Paul Roux"),
    ("en", "Nurses on the picket line on Tuesday. (AP Photo/Jon Super)"),
    ("en", "Copyright 2026 The Associated Press. All rights reserved."),
    ("fr", "Par Marion Lefort — Publié le 2 juillet 2026 à 07h15"),
    ("en", "Share this with"),
    ("en", "WhatsApp"),
    ("en", "Copy this link"),
    ("en", "Follow Tom on Twitter."),
    ("en", "(Reporting by Kate Kelland; Editing by Alison Williams)"),
    ("en", "Peoples reported from Washington. Associated Press writers Jill Colvin in "
           "Wilmington contributed to this report."),
]

STORY = [
    ("fr", "Le président biélorusse Alexandre Loukachenko a déclaré que si un autre pays "
           "souhaitait rejoindre une union russo-biélorusse, il pourrait y avoir des armes."),
    ("fr", "« Nous restons attachés à nos obligations en vertu de ces documents internationaux. »"),
    ("fr", "Par ailleurs, le ministère a indiqué que les exercices continueraient."),
    ("en", "Share prices fell 1.2 percent in London trading on Thursday."),
    ("en", "Follow-up tests will be carried out next year, the researchers said."),
    ("en", "The strike was called off, the union said in a statement sent to AFP."),
    ("fr", "Par ailleurs, les lecteurs du quotidien ont été nombreux à réagir."),
    ("en", "Copyright law was rewritten in 2019 after a long campaign by musicians."),
    ("en", "By Monday and Tuesday the river had fallen back below its banks."),
]


@pytest.mark.parametrize(("language", "text"), FURNITURE, ids=[t[:40] for _, t in FURNITURE])
def test_page_furniture(language: str, text: str) -> None:
    assert is_boilerplate(text, language)


@pytest.mark.parametrize(("language", "text"), STORY, ids=[t[:40] for _, t in STORY])
def test_story_text(language: str, text: str) -> None:
    assert not is_boilerplate(text, language)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Spécialiste de la culture pop. Explorateur sympathique. Passionné de voyages "
         "hardcore. Fanatique d’alcool. Organisateur.”", True),
        ("“Nous restons attachés à nos obligations en vertu de ces documents internationaux.”",
         False),
        ("« Je n’ai pas menti. Mais prenez des faits réels, mélangez-les. »", False),
    ],
    ids=["author blurb", "one sentence", "two sentences of speech"],
)
def test_quoted_bio(text: str, expected: bool) -> None:
    assert is_quoted_bio(text) is expected


def test_links_under_a_header_are_furniture() -> None:
    texts = ["Une longue phrase de l’article qui raconte quelque chose d’important à Kiev.",
             "Sur le même sujet",
             "Guerre en Ukraine : une cinquantaine de blessés à Kiev",
             "« Un missile m’a traversé » : au chevet de Max, combattant blessé"]
    flags = page_furniture(texts, [is_boilerplate(t, "fr") for t in texts])
    assert flags == [False, True, True, True]


def test_teaser_repeated_by_the_next_paragraph() -> None:
    story = ("Le gouvernement suédois a dénoncé vendredi une campagne de désinformation après "
             "la diffusion de vidéos exploitant un lapsus du Premier ministre.")
    texts = [story[:90] + "...", story]
    assert page_furniture(texts, [False, False]) == [True, False]


def test_quoted_blurb_after_the_footer() -> None:
    article = parse_article(
        "Le ministère de la Défense a déclaré lundi qu’une unité était arrivée de Moscou.\n"
        "Reportage de Reuters ; rédigé par Olzhas Auyezov ; édité par Mark Trevelyan\n"
        "Nos normes : Les principes de confiance de Thomson Reuters.\n"
        "“Amateur de café. Lecteur passionné. Voyageur.”\n"
    )
    assert [p.is_boilerplate for p in article.paragraphs] == [False, True, True, True]


def test_short_lines_before_an_appeal_that_name_the_page() -> None:
    """« On ne va pas vous le cacher : au Courrier, on est inquiets. » opens the appeal."""
    texts = [
        "« Nous reviendrons », promet Axel, qui compte bien manifester dès la fin du confinement.",
        "On ne va pas vous le cacher : au Courrier du Val, on est inquiets.",
        "Le Courrier du Val vit grâce à nos lecteurs : faites un don.",
    ]
    flags = page_furniture(texts, [is_boilerplate(t, "fr") for t in texts])
    assert flags == [False, True, True]
