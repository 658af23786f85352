"""Any article, in any chat, end to end: the real Application against the local Bot API server
and a local web server of our own pages. Each link, document or pasted text gets its card or one
sentence of refusal; the next questions are answered from the chat's new article (or, after a
refusal, from the one it had)."""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.app import TelegramApp
from bot.settings import Settings
from tests.bot.fake_telegram import (
    EN_USER,
    FR_USER,
    SUPERGROUP,
    TOKEN,
    FakeTelegram,
    ask,
    assert_silent,
    bot_message,
    document_message,
    private_chat,
    send,
    text_message,
    url_entities,
)
from tests.bot.fake_web import EN_TEXT, FakeWeb
from tests.fixtures.documents import FR_AUTHOR, FR_PARAGRAPHS, FR_TITLE, PAGES, make_docx

FETCH_TIMEOUT = 2.0  # the server that never answers costs this much of the test's time
EN_CHAT, FR_CHAT = private_chat(EN_USER), private_chat(FR_USER)
PASTED = (
    "Council votes to pedestrianise the market square\n\n"
    "The town council voted on Thursday to close the market square to cars from May, after "
    "two years of consultation with traders and residents.\n\n"
    "“The square belongs to people, not to parked vans,” said the deputy mayor, Rosa "
    "Lindqvist, after the vote.\n\n"
    "Traders were split. Arun Mehta, who runs a hardware shop on the square, said deliveries "
    "would become impossible before ten in the morning.\n\n"
    "The council said delivery vans would be allowed in until 10 a.m. every day."
)


@pytest.fixture
async def web() -> AsyncIterator[FakeWeb]:
    server = await FakeWeb().start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
def settings(telegram: FakeTelegram, tmp_path: Path, web: FakeWeb) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token=TOKEN,
        telegram_bot_api_url=telegram.base_url,
        data_dir=tmp_path / "data",
        fetch_allow_hosts=web.allow,
        fetch_timeout_seconds=FETCH_TIMEOUT,
        document_max_bytes=2_000_000,
    )


def link_message(
    fake: FakeTelegram, chat: dict[str, Any], user: dict[str, Any], text: str
) -> dict[str, Any]:
    return text_message(fake, chat, user, text, entities=url_entities(text))


async def send_link(
    fake: FakeTelegram, chat: dict[str, Any], user: dict[str, Any], text: str
) -> str:
    return str((await send(fake, link_message(fake, chat, user, text)))["visible"])


async def answer(
    fake: FakeTelegram, chat: dict[str, Any], user: dict[str, Any], text: str, **extra: Any
) -> str:
    return str((await ask(fake, chat, user, text, **extra))["visible"])


@pytest.mark.parametrize(
    ("path", "user", "card", "question", "answer_holds"),
    [
        ("/news/bridge", EN_USER,
         ["Harbour bridge to close for a year, council says", "The Ellery Courier",
          "2026-03-14", "7 paragraphs", "Marie Lefèvre"],
         "/who cables at the end of their life", "Marie Lefèvre"),
        ("/fr/greve", FR_USER,
         ["Grève des bus", "Le Réveil du Rhône", "2026-02-09", "Karim Belkacem"],
         "Qui a dénoncé des journées de onze heures ?", "Karim Belkacem"),
        ("/r/3", EN_USER, ["Harbour bridge to close"], "/quote shop elsewhere", "Tom Reilly"),
        ("/docs/piscine.pdf", FR_USER, [FR_TITLE, FR_AUTHOR, "5 paragraphes"],
         "/who fuites", "Hervé Castagnol"),
        ("/notes/library.txt", EN_USER, ["Library fines scrapped across the county"],
         "Who said a fine can stop a child borrowing books?", "Helen Marsh"),
    ],
    ids=["news-page", "french-page", "redirect-chain", "pdf", "plain-text"],
)
async def test_a_link_gives_a_card_then_answers_from_the_new_article(
    bot: TelegramApp, telegram: FakeTelegram, web: FakeWeb, path: str, user: dict[str, Any],
    card: list[str], question: str, answer_holds: str,
) -> None:
    chat = private_chat(user)
    shown = await send_link(telegram, chat, user, web.url(path))
    for part in card:
        assert part in shown, (part, shown)
    assert any(a["action"] == "typing" for a in telegram.chat_actions)
    replied = await answer(telegram, chat, user, question)
    assert answer_holds in replied, replied
    # the next chat is untouched: it still reads the bundled article
    other = FR_CHAT if user is EN_USER else EN_CHAT
    other_user = FR_USER if user is EN_USER else EN_USER
    assert "Tokayev" in await answer(telegram, other, other_user, "/who blague")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/to-loopback", "private or local address"),
        ("/huge", "over 5 MB"),
        ("/hang", f"within {FETCH_TIMEOUT:g} seconds"),
        ("/img/photo.png", "serves an image (image/png)"),
        ("/nowhere", "answered 404 Not Found"),
        ("/r/6", "redirects more than 5 times"),
        ("/docs/piscine.docx", "serves a Word document (send it to me as a file)"),
    ],
    ids=["redirect-to-loopback", "50-MB-body", "never-answers", "image", "404", "6-redirects",
         "docx-link"],
)
async def test_a_refused_link_is_one_sentence_and_the_chat_keeps_its_article(
    bot: TelegramApp, telegram: FakeTelegram, web: FakeWeb, path: str, expected: str
) -> None:
    first = await send_link(telegram, EN_CHAT, EN_USER, web.url("/news/bridge"))
    assert "Harbour bridge" in first
    shown = await send_link(telegram, EN_CHAT, EN_USER, web.url(path))
    assert expected in shown, shown
    assert shown.endswith(".") and ". " not in shown and "\n" not in shown
    # still the news page
    assert "Lefèvre" in await answer(telegram, EN_CHAT, EN_USER, "/who cables")


async def test_a_refusal_in_french(
    bot: TelegramApp, telegram: FakeTelegram, web: FakeWeb
) -> None:
    shown = await send_link(telegram, FR_CHAT, FR_USER, web.url("/img/photo.png"))
    assert shown.startswith("Ce lien renvoie une image (image/png)")
    assert "Tokayev" in await answer(telegram, FR_CHAT, FR_USER, "/who blague")


async def test_a_docx_document(bot: TelegramApp, telegram: FakeTelegram) -> None:
    data = make_docx(FR_PARAGRAPHS, title=FR_TITLE, author=FR_AUTHOR,
                     created=datetime.datetime(2026, 3, 9, 8, 0))
    mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    shown = (await send(telegram, document_message(
        telegram, FR_CHAT, FR_USER, data, "piscine.docx", mime
    )))["visible"]
    assert FR_TITLE in shown and "2026-03-09" in shown and "Hervé Castagnol" in shown
    assert telegram.downloads  # fetched through getFile and the file URL
    assert "Sylvie Daumas" in await answer(telegram, FR_CHAT, FR_USER,
                                           "Qui trouve que la décision arrive trop tard ?")


@pytest.mark.parametrize(
    ("name", "mime", "data", "expected"),
    [
        ("bridge.html", "text/html", (PAGES / "news_en.html").read_bytes(), "Harbour bridge"),
        ("library.txt", "text/plain", EN_TEXT.encode(), "Library fines scrapped"),
        ("photo.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "not from that"),
        ("broken.pdf", "application/pdf", b"%PDF-1.4 garbage", "damaged"),
        ("latin.txt", "text/plain", "Le maire a parlé.\nIl a dit non.".encode("latin-1"),
         "not UTF-8"),
    ],
    ids=["html", "txt", "image", "broken-pdf", "latin-1"],
)
async def test_documents(
    bot: TelegramApp, telegram: FakeTelegram, name: str, mime: str, data: bytes, expected: str
) -> None:
    shown = (await send(telegram, document_message(telegram, EN_CHAT, EN_USER, data, name, mime)))
    assert expected in shown["visible"], shown["visible"]


async def test_a_document_over_the_limit_is_not_downloaded(
    bot: TelegramApp, telegram: FakeTelegram
) -> None:
    message = document_message(telegram, EN_CHAT, EN_USER, b"x", "big.pdf", "application/pdf",
                               file_size=25_000_000)
    shown = await send(telegram, message)
    assert "over 2 MB" in shown["visible"]
    assert not telegram.downloads
    assert not [c for c in telegram.calls if c.method == "getFile"]


async def test_a_pasted_article_and_article_in_reply(
    bot: TelegramApp, telegram: FakeTelegram
) -> None:
    shown = await answer(telegram, EN_CHAT, EN_USER, PASTED)
    assert "Council votes to pedestrianise the market square" in shown
    assert "Rosa Lindqvist" in shown
    assert "Lindqvist" in await answer(telegram, EN_CHAT, EN_USER, "/who parked vans")
    # a short text sent first, then /article in reply to it
    short = text_message(telegram, FR_CHAT, FR_USER,
                         "« Nous rouvrirons le pont en juin », a promis le maire, Paul Girard.")
    telegram.push("message", short)
    await telegram.wait_sent(len(telegram.sent) + 1)  # answered as a question first
    shown = await answer(telegram, FR_CHAT, FR_USER, "/article", reply_to_message=short)
    assert "Paul Girard" in shown
    assert "Girard" in await answer(telegram, FR_CHAT, FR_USER, "/who pont")


async def test_article_alone_shows_the_card_of_the_chats_article(
    bot: TelegramApp, telegram: FakeTelegram, web: FakeWeb
) -> None:
    bundled = await answer(telegram, EN_CHAT, EN_USER, "/article")
    assert "the bundled article" in bundled and "15 paragraphs" in bundled
    assert "Loukachenko" in bundled
    await send_link(telegram, EN_CHAT, EN_USER, web.url("/news/bridge"))
    shown = await answer(telegram, EN_CHAT, EN_USER, "/article")
    assert "Harbour bridge to close for a year" in shown and "7 paragraphs" in shown
    shown = await answer(telegram, EN_CHAT, EN_USER, f"/article {web.url('/fr/greve')}")
    assert "Grève des bus" in shown


async def test_in_a_group_only_a_link_addressed_to_the_bot_is_read(
    bot: TelegramApp, telegram: FakeTelegram, web: FakeWeb
) -> None:
    await assert_silent(telegram, ("message", link_message(
        telegram, SUPERGROUP, EN_USER, f"look at this {web.url('/news/bridge')}"
    )))
    assert "/news/bridge" not in web.requests
    shown = await send_link(telegram, SUPERGROUP, EN_USER,
                            f"@ArticleTestBot {web.url('/news/bridge')}")
    assert "Harbour bridge" in shown
    assert "Lefèvre" in await answer(telegram, SUPERGROUP, EN_USER, "/who@ArticleTestBot cables")
    # the private chats of its members still read the bundled article
    assert "Tokayev" in await answer(telegram, EN_CHAT, EN_USER, "/who blague")


async def test_articles_list_switch_and_forget(
    bot: TelegramApp, telegram: FakeTelegram, web: FakeWeb
) -> None:
    from tests.bot.fake_telegram import buttons_of, press

    await send_link(telegram, EN_CHAT, EN_USER, web.url("/news/bridge"))
    await send_link(telegram, EN_CHAT, EN_USER, web.url("/fr/greve"))
    listing = await ask(telegram, EN_CHAT, EN_USER, "/articles")
    labels = list(buttons_of(telegram, listing["message"]))
    assert labels[0].startswith("✓ Grève des bus") and labels[1].startswith("Harbour bridge")
    assert labels[2] == "Bundled article"
    answered = await press(telegram, EN_USER, listing["message"],
                           buttons_of(telegram, listing["message"])[labels[1]])
    assert "text" not in answered
    await telegram.wait_for(lambda: bool(telegram.edits), "the card after the switch")
    assert "Harbour bridge" in telegram.edits[-1]["visible"]
    assert "Lefèvre" in await answer(telegram, EN_CHAT, EN_USER, "/who cables")
    shown = await answer(telegram, EN_CHAT, EN_USER, "/forget")
    assert "2 article(s)" in shown
    assert "Tokayev" in await answer(telegram, EN_CHAT, EN_USER, "/who blague")
    assert "no article yet" in await answer(telegram, EN_CHAT, EN_USER, "/articles")


async def test_a_reply_to_the_bot_with_a_link_in_a_group_is_read(
    bot: TelegramApp, telegram: FakeTelegram, web: FakeWeb
) -> None:
    earlier = bot_message(telegram, SUPERGROUP)
    text = web.url("/fr/greve")
    message = text_message(telegram, SUPERGROUP, FR_USER, text, entities=url_entities(text),
                           reply_to_message=earlier)
    assert "Grève des bus" in (await send(telegram, message))["visible"]


async def test_in_a_group_a_document_is_read_when_addressed_to_the_bot(
    bot: TelegramApp, telegram: FakeTelegram
) -> None:
    data = EN_TEXT.encode()
    await assert_silent(telegram, ("message", document_message(
        telegram, SUPERGROUP, EN_USER, data, "library.txt", "text/plain", caption="for later"
    )))
    assert not telegram.downloads
    shown = await send(telegram, document_message(
        telegram, SUPERGROUP, EN_USER, data, "library.txt", "text/plain",
        caption="@ArticleTestBot read this",
    ))
    assert "Library fines scrapped" in shown["visible"]
    # /article in reply to a document someone else posted
    posted = document_message(telegram, SUPERGROUP, FR_USER,
                              make_docx(FR_PARAGRAPHS, title=FR_TITLE), "piscine.docx",
                              "application/vnd.openxmlformats-officedocument.wordprocessingml"
                              ".document")
    await assert_silent(telegram, ("message", posted))
    shown = await send(telegram, text_message(telegram, SUPERGROUP, FR_USER,
                                              "/article@ArticleTestBot", reply_to_message=posted))
    assert FR_TITLE in shown["visible"]
    assert "Castagnol" in await answer(telegram, SUPERGROUP, FR_USER, "/who@ArticleTestBot fuites")
