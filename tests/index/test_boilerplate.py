"""Page furniture: paragraphs kept and numbered but never attributed nor offered as answers."""

from __future__ import annotations

import pytest

from index.article import parse_article
from index.boilerplate import is_boilerplate, is_quoted_bio, page_furniture

FURNITURE = [
    ("fr", "Reportage de Reuters ; rédigé par Olzhas Auyezov ; édité par Mark Trevelyan"),
    ("fr", "Nos normes : Les principes de confiance de Thomson Reuters."),
    ("fr", "À lire aussi : Marchés publics : les condamnations pour favoritisme en hausse"),
    ("fr", "À lire aussiLéon Marchetti quitte la présidence du club"),
    ("fr", "Par Hélène Vautrin"),
    ("fr", "le 07/05/2024 à 08h10 par  Reuters - Lecture en 3 min"),
    ("fr", "1er février 2024 à 18h05 Mis à jour le 3 février 2024 à 07h40"),
    ("fr", "Durée de lecture : 5 minutes"),
    ("fr", "Impossible de lire la video"),
    ("fr", "Le navigateur photographié jeudi à Lorient. AFP/MARC LEROUX."),
    ("fr", "Photo : le glacier du Rhône recouvert de bâches blanches. KEYSTONE/Jean Bott."),
    ("fr", "Partager sur Facebook"),
    ("fr", "Sur le même sujet"),
    ("fr", "Le tribunal de Quimper, le 12 mars. (Photo Fred Tanneau / AFP)"),
    ("fr", "La ministre lors de sa visite, le 13 mars. Photo : Thierry Zoccolan / AFP"),
    ("fr", "Par Claire Dumoulin, envoyée spéciale à Guéret"),
    ("fr", "Suivez-nous sur Facebook et Instagram"),
    ("fr", "Le journal vit grâce à nos lectrices : faites un don."),
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
    ("en", "Follow Priya on Instagram."),
    ("en", "(Reporting by Kate Kelland; Editing by Alison Williams)"),
    ("en", "Okafor reported from Chicago. Associated Press writers Dana Brooks in "
           "Denver contributed to this report."),
    # A section label in capitals above the story.
    ("fr", "ÉCONOMIE"),
    ("en", "WORLD NEWS"),
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
    # Capitals with a sentence are story text.
    ("fr", "« NON ! »"),
    ("en", "NASA said so."),
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
        ("« Je n’ai rien inventé. Mais assemblez des détails vrais, et voilà. »", False),
    ],
    ids=["author blurb", "one sentence", "two sentences of speech"],
)
def test_quoted_bio(text: str, expected: bool) -> None:
    assert is_quoted_bio(text) is expected


def test_links_under_a_header_are_furniture() -> None:
    texts = ["Une longue phrase de l’article qui raconte quelque chose d’important à Redon.",
             "Sur le même sujet",
             "Inondations : une trentaine de familles évacuées à Redon",
             "« L’eau est montée en dix minutes » : au chevet de Lucie, sinistrée"]
    flags = page_furniture(texts, [is_boilerplate(t, "fr") for t in texts])
    assert flags == [False, True, True, True]


def test_teaser_repeated_by_the_next_paragraph() -> None:
    story = ("Le gouvernement norvégien a annoncé jeudi un plan d’aide aux pêcheurs après "
             "la publication d’un rapport alarmant sur les stocks de cabillaud.")
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
    """« Soyons francs : au Courrier, on a besoin de vous. » opens the appeal."""
    texts = [
        "« Nous reviendrons », promet Yanis, qui compte bien défiler dès la fin des travaux.",
        "Soyons francs : au Courrier du Val, on a besoin de vous.",
        "Le Courrier du Val vit grâce à nos lecteurs : faites un don.",
    ]
    flags = page_furniture(texts, [is_boilerplate(t, "fr") for t in texts])
    assert flags == [False, True, True]
