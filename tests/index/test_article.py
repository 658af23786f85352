"""The article loader: paragraph numbering (docs/CONTRACT.md) and every way a file can be bad."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.article import (
    MAX_ARTICLE_BYTES,
    ArticleError,
    load_article,
    parse_article,
    split_paragraphs,
)


def test_bundled_article_is_the_supplied_reuters_dispatch() -> None:
    article = load_article()
    assert len(article.paragraphs) == 15
    assert article.language == "fr"
    assert [p.index for p in article.paragraphs] == list(range(15))
    assert article.paragraphs[0].text.startswith("29 mai (Reuters)")
    assert "S-400" in article.paragraphs[11].text


def test_bundled_article_metadata() -> None:
    article = load_article()
    assert article.agency == "Reuters"
    assert article.dateline == "29 mai (Reuters)"
    assert article.byline is not None and "Olzhas Auyezov" in article.byline
    assert article.paragraphs[12].is_boilerplate  # "Reportage de …; édité par …"
    assert article.paragraphs[13].is_boilerplate  # "Nos normes : …"
    assert not article.paragraphs[0].is_boilerplate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.\nTwo.\nThree.", ["One.", "Two.", "Three."]),
        ("One.\n\n\nTwo.\n", ["One.", "Two."]),
        ("A wrapped\nparagraph.\n\nNext one\nhere.", ["A wrapped paragraph.", "Next one here."]),
        ("Windows\r\nline ends\r\n\r\nsecond", ["Windows line ends", "second"]),
        ("  indented line  \n\tand a tab", ["indented line", "and a tab"]),
        ("\n\nlead and trail blanks\n\n", ["lead and trail blanks"]),
    ],
)
def test_split_paragraphs(text: str, expected: list[str]) -> None:
    assert split_paragraphs(text) == expected


def test_english_article_language() -> None:
    article = parse_article("The minister said the plan would go ahead.\nShe added it was fair.")
    assert article.language == "en"


def test_byte_order_mark_is_dropped() -> None:
    assert parse_article("\ufeffBonjour le monde.").paragraphs[0].text == "Bonjour le monde."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        (b"", "is empty"),
        (b"  \n\n \t\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("caf\u00e9".encode("latin-1"), "not UTF-8"),
        (b"x" * (MAX_ARTICLE_BYTES + 1), "limit"),
    ],
    ids=["missing", "empty", "blank", "binary", "latin-1", "huge"],
)
def test_bad_article_files(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ArticleError, match=message) as error:
        load_article(path)
    assert str(error.value).count("\n") == 0
    assert str(error.value).endswith(".")


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="directory"):
        load_article(tmp_path)


def test_unreadable_file_is_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Texte.")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    # chmod does not stop root, so the refusal is simulated where the loader reads.
    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(ArticleError, match=r"cannot be read \(Permission denied\)\."):
        load_article(path)
