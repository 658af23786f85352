"""Plain text as people have it: a title line, byline and date lines, "Read more:" lines, each
recognised even without a blank line around it; the title, author and date as metadata."""

from __future__ import annotations

import pytest

from index.article import parse_article, split_paragraphs
from index.boilerplate import is_page_line
from index.dates import parse_date


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Okoro", True),
        ("By Jane Okoro and Tim Vance, Reuters", True),
        ("By the end of the week the river had fallen", False),
        ("Par Marie Dufresne", True),
        ("Par Marie Dufresne et Paul Nguyen — Publié le 3 mars 2026", True),
        ("Par ailleurs, le maire a promis une réunion publique", False),
        ("Published 3 March 2026", True),
        ("Updated: March 3, 2026 at 10:04", True),
        ("Publié le 3 mars 2026 à 14h05", True),
        ("Mis à jour le 04/03/2026 à 9h", True),
        ("14 March 2026", True),
        ("le 1er mars 2026", True),
        ("Read more: Floods return to the valley", True),
        ("Read more", True),
        ("« Lire aussi : La crue de la Saône en images »", True),
        ("À lire aussi : le budget voté de justesse", True),
        ("Advertisement", True),
        ("Publicité", True),
        ("Readers who want more detail can read the report online.", False),
        ("The council published its report on 3 March 2026 after a long delay.", False),
    ],
)
def test_page_lines(line: str, expected: bool) -> None:
    assert is_page_line(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title, a byline and a date glued to each other, then wrapped paragraphs
        (
            "Ferry strike ends after nine days\nBy Jane Okoro\nPublished 3 March 2026\n\n"
            "The ferry crews voted on Monday\nto return to work.\n\nServices resume on Tuesday.",
            ["Ferry strike ends after nine days", "By Jane Okoro", "Published 3 March 2026",
             "The ferry crews voted on Monday to return to work.", "Services resume on Tuesday."],
        ),
        # "Read more:" glued to the end of a paragraph's block
        (
            "The dam was closed on Friday.\nEngineers will inspect it.\n"
            "Read more: Flood warnings in the north\n\nThe road reopens in May.",
            ["The dam was closed on Friday. Engineers will inspect it.",
             "Read more: Flood warnings in the north", "The road reopens in May."],
        ),
        # « Lire aussi » between two runs of wrapped lines: both runs stay paragraphs
        (
            "Le conseil a voté le budget\nà une voix près.\n« Lire aussi : Le maire s’explique »\n"
            "Les travaux commencent\nen juin.\n\nFin.",
            ["Le conseil a voté le budget à une voix près.", "« Lire aussi : Le maire s’explique »",
             "Les travaux commencent en juin.", "Fin."],
        ),
        # a wrapped paragraph whose line starts with "By" + lowercase is still one paragraph
        (
            "The water rose all night.\nBy the morning the bridge\nwas closed.\n\nEnd.",
            ["The water rose all night. By the morning the bridge was closed.", "End."],
        ),
    ],
    ids=["title-byline-date", "read-more", "lire-aussi", "by-in-prose"],
)
def test_page_lines_stand_alone_in_a_block(text: str, expected: list[str]) -> None:
    assert split_paragraphs(text) == expected


def test_title_byline_and_date_are_metadata_and_marked() -> None:
    article = parse_article(
        "Ferry strike ends after nine days\nBy Jane Okoro and Tim Vance, Reuters\n"
        "Published 3 March 2026\nThe ferry crews voted on Monday to return to work, the union "
        "said.\nRead more: Flood warnings in the north\nServices resume on Tuesday."
    )
    assert article.title == "Ferry strike ends after nine days"
    assert article.author == "Jane Okoro and Tim Vance"
    assert article.date == "2026-03-03"
    flags = [p.is_boilerplate for p in article.paragraphs]
    # the title stays story text (a headline may hold a quotation); the rest of the head is not
    assert flags == [False, True, True, False, True, False]
    assert [p.index for p in article.paragraphs] == list(range(6))


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Dam reopens after repairs\nThe dam on the Lune reopened on Monday, two years late.",
         "Dam reopens after repairs"),
        ("The dam reopened.\nIt had been closed for two years after a leak was found.", None),
        ("Dam reopens after repairs\nShort", None),
        ("« Ici, rien ne bouge » : un village attend sa route\nLe village attend depuis 2019 "
         "la réfection de la seule route qui le relie à la vallée.",
         "« Ici, rien ne bouge » : un village attend sa route"),
    ],
    ids=["headline-then-lede", "sentence-first", "short-second", "quoted-headline"],
)
def test_a_headline_before_a_lede_is_the_title(text: str, title: str | None) -> None:
    article = parse_article(text)
    assert article.title == title
    assert article.author is None and article.date is None
    assert not article.paragraphs[0].is_boilerplate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published 3 March 2026", "2026-03-03"),
        ("le 1er mars 2026 à 14h02", "2026-03-01"),
        ("Updated Sept. 4, 2025", "2025-09-04"),
        ("2026-03-03T10:00:00Z", "2026-03-03"),
        ("Publié le 03/05/2026", "2026-05-03"),
        ("31 February 2026", None),
        ("no date at all", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected
