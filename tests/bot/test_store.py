"""bot.store against SQLite and a real PostgreSQL server: per-chat articles, the current one,
one row per content, forgetting, migrations on a second opening."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, inspect, text

from bot import store as store_module
from bot.callback_data import fingerprint
from bot.store import (
    MAX_ARTICLES_PER_CHAT,
    Store,
    StoreError,
    content_hash,
    database_url,
    head_revision,
    safe_url,
)
from index import parse_article
from index.article import build_article
from tests.bot.fake_telegram import FakeTelegram
from tests.bot.processes import start_bot, stop_all
from tests.postgres import MISSING

CHAT_A, CHAT_B = 501, -100777


def _article(topic: str, paragraphs: int = 3) -> object:
    lines = [f"{topic} headline", "By Ines Carvalho", "Published 2 April 2026"]
    lines += [f"The {topic} story goes on in paragraph {n}." for n in range(paragraphs)]
    return parse_article("\n".join(lines), source=f"{topic}.txt")


@pytest.fixture
async def store(database_url: str, tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(database_url, tmp_path)
    try:
        yield opened
    finally:
        await opened.close()


async def test_an_article_becomes_the_chats_current_one(store: Store) -> None:
    assert await store.current(CHAT_A) is None  # the bundled article
    article = _article("ferry")
    stored = await store.add(CHAT_A, article, "text")
    current = await store.current(CHAT_A)
    assert current == stored
    assert current.paragraphs == tuple(p.text for p in article.paragraphs)  # type: ignore[attr-defined]
    assert (current.title, current.author, current.date) == (
        "ferry headline", "Ines Carvalho", "2026-04-02"
    )
    assert await store.current(CHAT_B) is None


async def test_the_same_article_twice_is_stored_once(store: Store) -> None:
    article = _article("harbour")
    first = await store.add(CHAT_A, article, "text")
    again = await store.add(CHAT_B, article, "html")
    assert first.id == again.id
    assert await store.counts() == (1, 2)


async def test_rebuilt_article_is_the_same(store: Store) -> None:
    article = _article("museum", 5)
    stored = await store.add(CHAT_A, article, "text")
    rebuilt = build_article(
        list(stored.paragraphs), stored.source, title=stored.title, site=stored.site,
        author=stored.author, date=stored.date, language=stored.language,
    )
    assert rebuilt == article


async def test_list_choose_and_isolation(store: Store) -> None:
    one, two = _article("one"), _article("two")
    first = await store.add(CHAT_A, one, "text")
    second = await store.add(CHAT_A, two, "text")
    listed = await store.articles_of(CHAT_A)
    assert [s.id for s in listed] == [second.id, first.id]
    assert [s.current for s in listed] == [True, False]
    chosen = await store.choose(CHAT_A, first.content_hash[:12])
    assert chosen is not None and chosen.id == first.id
    assert (await store.current(CHAT_A)) == first
    # chat B holds neither: it can neither choose nor see them
    assert await store.choose(CHAT_B, first.content_hash[:12]) is None
    assert await store.held(CHAT_B, first.content_hash[:6]) is None
    assert await store.articles_of(CHAT_B) == []
    assert (await store.held(CHAT_A, first.content_hash[:6])) == first
    assert await store.choose(CHAT_A, None) is None
    assert await store.current(CHAT_A) is None  # back to the bundled article


async def test_forget_deletes_what_no_other_chat_holds(store: Store) -> None:
    shared, own = _article("shared"), _article("own")
    await store.add(CHAT_A, shared, "text")
    await store.add(CHAT_A, own, "text")
    await store.add(CHAT_B, shared, "text")
    assert await store.forget(CHAT_A) == 2
    assert await store.current(CHAT_A) is None
    assert await store.articles_of(CHAT_A) == []
    assert await store.counts() == (1, 1)
    assert (await store.current(CHAT_B)) is not None


async def test_a_chat_keeps_its_latest_articles_only(store: Store) -> None:
    for n in range(MAX_ARTICLES_PER_CHAT + 2):
        await store.add(CHAT_A, _article(f"topic{n}", 1), "text")
    listed = await store.articles_of(CHAT_A)
    assert len(listed) == MAX_ARTICLES_PER_CHAT
    assert listed[0].title == f"topic{MAX_ARTICLES_PER_CHAT + 1} headline"
    assert await store.counts() == (MAX_ARTICLES_PER_CHAT, 1)


async def test_attribution_cache_is_kept(store: Store) -> None:
    stored = await store.add(CHAT_A, _article("cache"), "text", b"blob", "v1")
    assert (stored.attribution, stored.attribution_version) == (b"blob", "v1")
    await store.save_attribution(stored.id, b"other", "v2")
    current = await store.current(CHAT_A)
    assert current is not None and (current.attribution, current.attribution_version) == (
        b"other", "v2"
    )


async def test_concurrent_adds_of_the_same_article(store: Store) -> None:
    article = _article("race")
    stored = await asyncio.gather(*(store.add(chat, article, "text") for chat in range(8)))
    assert len({s.id for s in stored}) == 1
    assert await store.counts() == (1, 8)


async def test_reopening_keeps_everything(database_url: str, tmp_path: Path) -> None:
    first = await Store.open(database_url, tmp_path)
    stored = await first.add(CHAT_A, _article("kept"), "text")
    await first.close()
    second = await Store.open(database_url, tmp_path)  # migrations: already at head
    try:
        assert await second.current(CHAT_A) == stored
        assert await second.ping()
    finally:
        await second.close()


# --- each chat's current article, as the store keeps it in memory (bot.store.CurrentPointers)


async def _settled(store: Store) -> None:
    """Past the window in which a change to the SQLite files is too recent to be trusted."""
    if store.pointers is not None:
        await asyncio.sleep(store.pointers.racy_seconds + 0.02)


async def test_the_current_article_follows_every_change_of_this_process(store: Store) -> None:
    one = await store.add(CHAT_A, _article("tram"), "text")
    two = await store.add(CHAT_A, _article("metro"), "text")
    await _settled(store)
    assert await store.current_hash(CHAT_A) == await store.current_hash(CHAT_A) == two.content_hash
    await store.choose(CHAT_A, one.content_hash[:16])
    assert await store.current_hash(CHAT_A) == one.content_hash
    await _settled(store)
    assert await store.current_hash(CHAT_A) == one.content_hash
    await store.choose(CHAT_A, None)
    assert await store.current_hash(CHAT_A) is None
    await store.choose(CHAT_A, two.content_hash[:16])
    await _settled(store)
    assert await store.current_hash(CHAT_A) == two.content_hash
    await store.forget(CHAT_A)
    assert await store.current_hash(CHAT_A) is None


async def test_a_known_current_article_costs_no_query(tmp_path: Path) -> None:
    store = await Store.open(None, tmp_path)
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    try:
        stored = await store.add(CHAT_A, _article("bus"), "text")
        await _settled(store)
        event.listen(store._engine.sync_engine, "before_cursor_execute", count)
        assert await store.current_hash(CHAT_A) == stored.content_hash  # read once
        assert await store.current_hash(CHAT_B) is None
        read = len(statements)
        assert read == 2
        for _ in range(5):
            assert await store.current_hash(CHAT_A) == stored.content_hash
            assert await store.current_hash(CHAT_B) is None
        assert len(statements) == read
        # memory follows the chats that ask: beyond max_chats, the pointers start anew
        assert store.pointers is not None
        store.pointers.max_chats = 2
        assert await store.current_hash(CHAT_A + 1) is None
        assert len(store.pointers) == 1
        assert await store.current_hash(CHAT_A) == stored.content_hash
        assert len(statements) == read + 2
    finally:
        await store.close()


ANOTHER_PROCESS = """
import asyncio, sys
from pathlib import Path
from bot.store import Store
from index import parse_article

async def main(url, data_dir, chat, topic):
    store = await Store.open(url, Path(data_dir))
    try:
        if topic == "-":
            await store.forget(chat)
        else:
            lines = [f"{topic} headline", "By Ines Carvalho", "Published 2 April 2026"]
            lines += [f"The {topic} story goes on in paragraph {n}." for n in range(3)]
            stored = await store.add(chat, parse_article("\\n".join(lines), source="x.txt"), "text")
            print(stored.content_hash)
    finally:
        await store.close()

asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]))
"""


async def _in_another_process(url: str, data_dir: Path, chat: int, topic: str) -> str:
    """Add an article to ``chat`` (topic "-": forget its articles) from another process."""
    root = Path(__file__).parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", ANOTHER_PROCESS, url, str(data_dir), str(chat), topic,
        env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    out, err = await process.communicate()
    assert process.returncode == 0, err.decode()
    return out.decode().strip()


async def test_another_processs_change_is_seen_at_the_next_read(
    database_url: str, tmp_path: Path
) -> None:
    store = await Store.open(database_url, tmp_path)
    try:
        mine = await store.add(CHAT_A, _article("ferry"), "text")
        await _settled(store)
        assert await store.current_hash(CHAT_A) == mine.content_hash  # now known in memory
        assert await store.current_hash(CHAT_B) is None
        theirs = await _in_another_process(database_url, tmp_path, CHAT_A, "cable car")
        assert theirs != mine.content_hash
        assert await store.current_hash(CHAT_A) == theirs
        await _settled(store)
        assert await store.current_hash(CHAT_A) == theirs
        assert await _in_another_process(database_url, tmp_path, CHAT_A, "-") == ""
        assert await store.current_hash(CHAT_A) is None
        assert await store.current_hash(CHAT_B) is None
    finally:
        await store.close()


def test_the_head_revision_is_alembics() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    migrations = Path(store_module.__file__).parent / "migrations"
    config.set_main_option("script_location", str(migrations))
    assert head_revision() == ScriptDirectory.from_config(config).get_current_head()


async def test_migrations_run_only_when_the_schema_is_behind(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    upgrades: list[object] = []
    real_upgrade = store_module._upgrade

    def counting_upgrade(connection: Any) -> None:
        upgrades.append(connection)
        real_upgrade(connection)

    monkeypatch.setattr(store_module, "_upgrade", counting_upgrade)
    # a new database is made from the tables' metadata, then found at its head: no Alembic
    for _ in range(2):
        opened = await Store.open(database_url, tmp_path)
        await opened.close()
    assert upgrades == []
    # migrations this reading does not follow (a branch, a new syntax): Alembic decides
    monkeypatch.setattr(store_module, "head_revision", lambda: None)
    opened = await Store.open(database_url, tmp_path)
    try:
        assert len(upgrades) == 1
        stored = await opened.add(CHAT_A, _article("stamped"), "text")
        assert await opened.current(CHAT_A) == stored
    finally:
        await opened.close()


def _schema(connection: Any) -> dict[str, object]:
    """Every table's columns, keys and indexes, as the database describes them."""
    found = inspect(connection)
    return {
        table: (
            [(c["name"], str(c["type"]), c["nullable"]) for c in found.get_columns(table)],
            found.get_pk_constraint(table)["constrained_columns"],
            sorted((fk["referred_table"], fk["constrained_columns"], fk["referred_columns"],
                    fk["options"].get("ondelete")) for fk in found.get_foreign_keys(table)),
            sorted((i["name"], i["column_names"], i["unique"]) for i in found.get_indexes(table)),
            sorted(u["column_names"] for u in found.get_unique_constraints(table)),
        )
        for table in sorted(found.get_table_names())
    }


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
async def test_a_new_database_is_what_the_migrations_make(
    dialect: str, tmp_path: Path, request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if dialect == "sqlite":
        urls = [f"sqlite+aiosqlite:///{tmp_path / name}" for name in ("a.sqlite3", "b.sqlite3")]
    else:
        server = request.getfixturevalue("postgres")
        if server is None:
            pytest.skip(MISSING)
        urls = [server.new_database(), server.new_database()]
    head = head_revision()
    made = await Store.open(urls[0], tmp_path)  # from the metadata, stamped
    monkeypatch.setattr(store_module, "head_revision", lambda: None)
    migrated = await Store.open(urls[1], tmp_path)  # by Alembic's migrations
    try:
        async with made._engine.connect() as one, migrated._engine.connect() as other:
            described = [await c.run_sync(_schema) for c in (one, other)]
            versions = [
                (await c.execute(text("SELECT version_num FROM alembic_version"))).scalars().all()
                for c in (one, other)
            ]
        assert described[0] == described[1]
        assert set(described[0]) == {"alembic_version", "articles", "chat_articles", "chats"}
        assert versions == [[head], [head]]
    finally:
        await made.close()
        await migrated.close()


def test_content_hash_starts_with_the_button_fingerprint() -> None:
    article = _article("print")
    assert content_hash(article).startswith(fingerprint(article))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (None, "sqlite+aiosqlite:///"),
        ("postgresql://u:pw@db/x", "postgresql+psycopg://u:pw@db/x"),
        ("postgres://u@db/x", "postgresql+psycopg://u@db/x"),
        ("postgresql+psycopg://u@db/x", "postgresql+psycopg://u@db/x"),
    ],
)
def test_database_url(url: str | None, expected: str, tmp_path: Path) -> None:
    assert database_url(url, tmp_path).startswith(expected)


def test_safe_url_hides_the_password() -> None:
    shown = safe_url("postgresql+psycopg://bot:s3cret-pw@db.internal:5432/articles")
    assert "s3cret-pw" not in shown and "db.internal" in shown


async def test_an_unreachable_server_is_one_sentence_without_the_password(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as raised:
        await Store.open("postgresql+psycopg://bot:s3cret-pw@127.0.0.1:1/none", tmp_path)
    message = str(raised.value)
    assert "s3cret-pw" not in message and message.endswith(".") and "\n" not in message


async def test_the_bot_stops_with_one_sentence_when_its_store_cannot_open(
    telegram: FakeTelegram, tmp_path: Path
) -> None:
    bot = await start_bot(
        telegram.base_url, tmp_path,
        database_url="postgresql+psycopg://bot:s3cret-pw@127.0.0.1:1/articles",
    )
    try:
        status = await asyncio.wait_for(bot.process.wait(), 60)
    finally:
        await stop_all(bot)
    logs = bot.logs()
    assert status == 2, logs
    assert "article-bot: The store postgresql+psycopg://bot:***@127.0.0.1:1/articles cannot be " \
        "opened" in logs
    assert "s3cret-pw" not in logs and "Traceback" not in logs
