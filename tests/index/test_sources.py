"""index.sources: bytes → Article for text, HTML, PDF and .docx; metadata beside the paragraphs;
every unusable input one SourceError with its reason."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index import Engine
from index.sources import SourceError, from_bytes, from_docx, from_html, from_pdf, kind_of
from tests.fixtures.documents import (
    FR_AUTHOR,
    FR_PARAGRAPHS,
    FR_TITLE,
    PAGES,
    make_docx,
    make_pdf,
)


def _page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def test_news_page_main_text_without_navigation_ads_or_related_links() -> None:
    article = from_html(_page("news_en.html"), "bridge", url="http://example.test/news/bridge")
    texts = [p.text for p in article.paragraphs]
    assert texts[0].startswith("The Old Harbour bridge in Port Ellery will close")
    assert len(texts) == 7
    joined = " ".join(texts)
    for junk in ("Home", "ADVERTISEMENT", "Compare energy deals", "Ferry fares to rise",
                 "All rights reserved", "Subscribe now", "Cookies help us"):
        assert junk not in joined, junk
    assert "Marie Lefèvre" in texts[1]  # the &egrave; entity decoded
    assert (article.title, article.site, article.author, article.date, article.language) == (
        "Harbour bridge to close for a year, council says", "The Ellery Courier",
        "Nadia Okafor", "2026-03-14", "en",
    )


def test_news_page_quotes_get_their_speakers() -> None:
    engine = Engine(from_html(_page("news_en.html"), "bridge"))
    speakers = {q.speaker.name for q in engine.quotes() if q.speaker is not None}
    assert {"Marie Lefèvre", "Tom Reilly"} <= speakers
    assert not any("Subscribe" in q.text or "Cookies" in q.text for q in engine.quotes())


def test_french_page_metadata_and_boilerplate_link() -> None:
    article = from_html(_page("news_fr.html"), "grève")
    assert article.language == "fr"
    assert article.site == "Le Réveil du Rhône" and article.author == "Julien Barrière"
    assert article.date == "2026-02-09"
    assert article.title is not None and article.title.startswith("Grève des bus")
    texts = [p.text for p in article.paragraphs]
    assert not any("encore une grève" in t for t in texts)  # the comments are left out
    link = next(p for p in article.paragraphs if p.text.startswith("À lire aussi"))
    assert link.is_boilerplate


def test_pdf_paragraphs_and_metadata() -> None:
    data = make_pdf(FR_PARAGRAPHS, title=FR_TITLE, author=FR_AUTHOR, created="D:20260310120000Z")
    article = from_pdf(data, "piscine.pdf")
    assert [p.text for p in article.paragraphs] == FR_PARAGRAPHS
    assert (article.title, article.author, article.date, article.language) == (
        FR_TITLE, FR_AUTHOR, "2026-03-10", "fr"
    )
    quotes = Engine(article).quotes()
    assert any(q.speaker is not None and "Castagnol" in q.speaker.name for q in quotes)


def test_pdf_running_heads_page_numbers_and_page_breaks() -> None:
    # Enough paragraphs for three pages; each page carries the same head and its number.
    paragraphs = [f"Paragraphe {n} : " + FR_PARAGRAPHS[n % 5] for n in range(40)]
    data = make_pdf(paragraphs, running_head="Le Petit Valbonnais — édition du soir")
    texts = [p.text for p in from_pdf(data, "long.pdf").paragraphs]
    assert "Le Petit Valbonnais — édition du soir" not in texts
    assert not any(t.isdigit() for t in texts)
    # a paragraph cut by a page break is one paragraph again
    assert texts == paragraphs


def test_docx_paragraphs_title_and_properties() -> None:
    data = make_docx(FR_PARAGRAPHS, title=FR_TITLE, author=FR_AUTHOR,
                     created=datetime.datetime(2026, 3, 9, 8, 0))
    article = from_docx(data, "piscine.docx")
    assert [p.text for p in article.paragraphs] == FR_PARAGRAPHS
    assert (article.title, article.author, article.date) == (FR_TITLE, FR_AUTHOR, "2026-03-09")


def test_docx_without_properties_has_no_invented_metadata() -> None:
    article = from_docx(make_docx(FR_PARAGRAPHS, title=None), "nu.docx")
    assert (article.title, article.author, article.date) == (None, None, None)


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"", "vide.txt", "empty"),
        (b"   \n\n  ", "blanc.txt", "empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "photo.png", "unsupported"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "photo.jpg", "unsupported"),
        ("Le maire a parlé.".encode("latin-1"), "latin.txt", "not_utf8"),
        (b"%PDF-1.4\n this is not a pdf at all", "cassé.pdf", "broken"),
        (b"PK\x03\x04 not a zip", "cassé.docx", "broken"),
        (_zip({"hello.txt": b"hi"}), "autre.docx", "broken"),
        (_zip({"word/document.xml": b"\x00" * 60_000_000}), "bombe.docx", "too_big"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "vide.html",
         "no_article"),
        (make_pdf([]), "blanc.pdf", "no_article"),
    ],
    ids=["empty", "blank", "png", "jpeg", "latin-1", "bad-pdf", "bad-zip", "zip-not-docx",
         "zip-bomb", "html-no-article", "pdf-no-text"],
)
def test_unusable_input_is_one_source_error(data: bytes, name: str, reason: str) -> None:
    with pytest.raises(SourceError) as raised:
        from_bytes(data, name, name=name)
    assert raised.value.reason == reason
    message = str(raised.value)
    assert message.endswith(".") and "\n" not in message and "Traceback" not in message


@pytest.mark.parametrize(
    ("data", "name", "content_type", "kind"),
    [
        (b"%PDF-1.7 ...", None, None, "pdf"),
        (b"<!DOCTYPE html><html><p>x</p></html>", None, None, "html"),
        (b"  <html lang='fr'><body>x</body></html>", "page.txt", None, "html"),
        (b"Plain words.", "notes.txt", None, "text"),
        (b"<p>x</p>", None, "text/html; charset=utf-8", "html"),
        (b"Plain words.", None, "text/plain", "text"),
        (b"Plain words.", "page.html", None, "html"),
    ],
)
def test_kind_of(data: bytes, name: str | None, content_type: str | None, kind: str) -> None:
    assert kind_of(data, name, content_type) == kind


def test_text_with_charset_and_bom() -> None:
    article = from_bytes("Le maire a parlé.\nIl a dit non.".encode("latin-1"), "x",
                         charset="iso-8859-1")
    assert article.paragraphs[0].text == "Le maire a parlé."
    article = from_bytes("\ufeffLe maire a parlé.".encode("utf-16"), "x")
    assert article.paragraphs[0].text == "Le maire a parlé."


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"<html>", b""]),
    st.binary(max_size=3000),
    st.sampled_from(["a.pdf", "a.docx", "a.html", "a.txt", None]),
)
def test_any_bytes_give_an_article_or_one_source_error(
    head: bytes, body: bytes, name: str | None
) -> None:
    try:
        article = from_bytes(head + body, "fuzz", name=name)
    except SourceError as error:
        assert str(error).endswith(".") and "\n" not in str(error)
    else:
        assert article.paragraphs and all(p.text.strip() for p in article.paragraphs)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=3000), st.binary(min_size=1, max_size=64))
def test_a_damaged_pdf_or_docx_is_one_source_error(cut: int, garbage: bytes) -> None:
    for data in (make_pdf(FR_PARAGRAPHS[:2]), make_docx(FR_PARAGRAPHS[:2])):
        damaged = data[:cut] + garbage + data[cut + len(garbage):]
        name = "x.pdf" if data.startswith(b"%PDF") else "x.docx"
        try:
            article = from_bytes(damaged, "damaged", name=name)
        except SourceError as error:
            assert error.reason in ("broken", "no_article", "unsupported", "not_utf8", "empty")
        else:
            assert article.paragraphs
