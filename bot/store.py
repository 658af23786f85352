"""Every chat's articles, kept across restarts: SQLite in DATA_DIR, or PostgreSQL by DATABASE_URL.

One interface (SQLAlchemy 2 Core, async: aiosqlite or psycopg 3), the schema made and changed by
Alembic migrations (``bot/migrations``) when the store opens. Stored per article: where it came
from, its extracted paragraphs and metadata, a content hash (the same article sent twice, by one
chat or by two, is stored once) and a cache of its attribution; per chat: the articles it sent and
the one it reads now (none: the bundled article).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
import re
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    and_,
    delete,
    event,
    func,
    inspect,
    select,
    update,
)
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from index import Article

log = logging.getLogger(__name__)

SQLITE_FILE = "article-bot.sqlite3"
#: A chat keeps this many articles; sending one more forgets its oldest.
MAX_ARTICLES_PER_CHAT = 50

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("source", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("title", Text),
    Column("site", Text),
    Column("author", Text),
    Column("date", String(32)),
    Column("language", String(8), nullable=False),
    Column("paragraphs", Text, nullable=False),  # JSON array of the paragraphs' texts
    Column("paragraph_count", Integer, nullable=False),
    Column("attribution", LargeBinary),  # cache: the quotations, for attribution_version
    Column("attribution_version", String(64)),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

chat_articles = Table(
    "chat_articles",
    metadata,
    Column("chat_id", BigInteger, primary_key=True),
    Column(
        "article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Index("ix_chat_articles_article", "article_id"),
)

chats = Table(
    "chats",
    metadata,
    Column("chat_id", BigInteger, primary_key=True),
    Column("current_article_id", Integer, ForeignKey("articles.id", ondelete="SET NULL")),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)


class StoreError(Exception):
    """The store cannot be opened or used; the message is one sentence without secrets."""


def content_hash(article: Article) -> str:
    """SHA-256 of the article's paragraphs: the same text is the same article.

    Its first characters are the fingerprint that buttons carry (``bot.callback_data``).
    """
    digest = hashlib.sha256()
    for paragraph in article.paragraphs:
        digest.update(paragraph.text.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1e")
    return digest.hexdigest()


@dataclass(frozen=True)
class StoredArticle:
    """An article as the store keeps it."""

    id: int
    content_hash: str
    source: str
    kind: str
    title: str | None
    site: str | None
    author: str | None
    date: str | None
    language: str
    paragraphs: tuple[str, ...]
    attribution: bytes | None = None
    attribution_version: str | None = None


@dataclass(frozen=True)
class ArticleSummary:
    """One line of /articles."""

    id: int
    content_hash: str
    title: str | None
    source: str
    paragraph_count: int
    current: bool


def database_url(url: str | None, data_dir: Path) -> str:
    """DATABASE_URL, or SQLite in DATA_DIR; a bare ``postgresql://`` gets psycopg 3."""
    if not url:
        return f"sqlite+aiosqlite:///{(data_dir / SQLITE_FILE).resolve()}"
    for plain, driver in (("postgresql://", "postgresql+psycopg://"),
                          ("postgres://", "postgresql+psycopg://"),
                          ("sqlite://", "sqlite+aiosqlite://")):
        if url.startswith(plain):
            return driver + url.removeprefix(plain)
    return url


def safe_url(url: str) -> str:
    """The URL with its password hidden, for logs and errors."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL may hold anything: show none of it
        return "(an unreadable DATABASE_URL)"


#: A signature of the SQLite files: (device, inode, mtime, size) of the database and of its WAL.
FilesSignature = tuple[tuple[int, int, int, int], ...]


class CurrentPointers:
    """Each chat's current article (its content hash; None: the bundled one) as last read from a
    SQLite store, so that an update's question costs no store round trip.

    Coherent across processes: every commit, by this process or another, writes the database's
    WAL (or, in a checkpoint, the database), which changes their modification time or size; the
    pointers are forgotten whenever that signature of the two files changes. A pointer is kept
    only if the signature did not change while it was read, and only when the files' last change
    is older than the file system's timestamp granularity (``racy_seconds``, as git does for its
    index), so that a commit in the same clock tick can never go unnoticed.
    """

    #: Changes more recent than this may share a timestamp with the next one: not trusted.
    racy_seconds = 0.05
    #: Chats remembered at most (~200 bytes each); then they are read again, from empty.
    max_chats = 20_000

    def __init__(self, database: Path) -> None:
        self._files = (database, database.with_name(database.name + "-wal"))
        self._signature: FilesSignature | None = None
        self._hashes: dict[int, str | None] = {}

    def signature(self) -> FilesSignature:
        found = []
        for path in self._files:
            try:
                stat = os.stat(path)
            except OSError:
                found.append((0, 0, 0, -1))
            else:
                found.append((stat.st_dev, stat.st_ino, stat.st_mtime_ns, stat.st_size))
        return tuple(found)

    def get(self, chat_id: int) -> tuple[bool, str | None]:
        """(found, the chat's content hash); forgets every pointer when the files changed."""
        signature = self.signature()
        if signature != self._signature:
            self._hashes.clear()
            self._signature = signature
            return False, None
        if chat_id in self._hashes:
            return True, self._hashes[chat_id]
        return False, None

    def before_read(self) -> FilesSignature | None:
        """The signature to pass to :meth:`put` after the read; None: too recent to trust."""
        signature = self.signature()
        newest = max(mtime for _, _, mtime, _ in signature)
        if time.time_ns() - newest < self.racy_seconds * 1e9:
            return None
        return signature

    def put(self, chat_id: int, content_hash_: str | None, before: FilesSignature | None) -> None:
        """Keep what a read begun at ``before`` found, if nothing was committed meanwhile."""
        if before is None or self.signature() != before:
            return
        if self._signature != before or len(self._hashes) >= self.max_chats:
            self._hashes.clear()
            self._signature = before
        self._hashes[chat_id] = content_hash_

    def __len__(self) -> int:
        return len(self._hashes)


def _sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite URL (None: not SQLite, or in memory)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


_REVISION = re.compile(r"""^revision(?:\s*:\s*str)?\s*=\s*["'](?P<id>[^"']+)["']\s*$""", re.M)
_DOWN_REVISION = re.compile(
    r"""^down_revision(?:\s*:[^=\n]+)?\s*=\s*(?:None|["'](?P<id>[^"']+)["'])\s*$""", re.M
)


def head_revision() -> str | None:
    """The newest migration's id, read from ``bot/migrations/versions`` without Alembic; None
    when the files are not a plain chain this reading understands (Alembic then decides)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for entry in (resources.files("bot") / "migrations" / "versions").iterdir():
        if not entry.name.endswith(".py"):
            continue
        source = entry.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN_REVISION.search(source)
        if revision is None or down is None:
            return None
        revisions.add(revision["id"])
        if down["id"] is not None:
            parents.add(down["id"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


#: Alembic's own table, as Alembic makes it: the revision the schema is at.
alembic_version = Table(
    "alembic_version",
    MetaData(),
    Column("version_num", String(32), nullable=False),
    PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
)


def _prepare(connection: Connection) -> bool:
    """The schema without Alembic where that is plain: at the newest migration already (the
    usual start-up), or a new database, made from ``metadata`` (which the migrations equal,
    tests/bot/test_store.py) and stamped as Alembic would. False: Alembic must upgrade it.
    Alembic (with Mako and Pygments) takes ~0.15 s and ~13 MB to load and run."""
    head = head_revision()
    if head is None:
        return False
    tables = set(inspect(connection).get_table_names())
    if not tables:
        metadata.create_all(connection)
        alembic_version.create(connection)
        connection.execute(alembic_version.insert().values(version_num=head))
        return True
    if alembic_version.name not in tables:
        return False
    stamped = connection.execute(select(alembic_version.c.version_num)).scalars().all()
    return stamped == [head]


def _upgrade(connection: Connection) -> None:
    """Alembic's ``upgrade head`` on an open connection (the schema's migrations)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("bot") / "migrations"))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


class Store:
    """The per-chat articles; open with :meth:`open`, close with :meth:`close`."""

    def __init__(self, engine: AsyncEngine, url: str) -> None:
        self._engine = engine
        self.url = safe_url(url)
        # PostgreSQL: no cheap sign of another instance's commit, so every update reads it.
        database = _sqlite_file(url)
        self.pointers = CurrentPointers(database) if database is not None else None

    @property
    def dialect(self) -> str:
        return self._engine.dialect.name

    @classmethod
    async def open(cls, url: str | None = None, data_dir: Path = Path("data")) -> Store:
        """Connect (SQLite: make DATA_DIR) and bring the schema up to date."""
        full = database_url(url, data_dir)
        if full.startswith("sqlite"):
            try:
                data_dir.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(
                    f"The data folder {data_dir} cannot be created ({error.strerror})."
                ) from None
        try:
            # A SQLite file never drops a connection: no ping (a round trip) at every checkout.
            engine = create_async_engine(full, pool_pre_ping=not full.startswith("sqlite"))
        except (SQLAlchemyError, ImportError, ValueError) as error:
            raise StoreError(
                f"DATABASE_URL {safe_url(full)} is not usable ({type(error).__name__})."
            ) from None
        if engine.dialect.name == "sqlite":
            event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        store = cls(engine, full)
        try:
            async with engine.begin() as connection:
                if not await connection.run_sync(_prepare):
                    await connection.run_sync(_upgrade)
        except (SQLAlchemyError, OSError) as error:
            await engine.dispose()
            log.debug("Opening the store failed", exc_info=True)
            raise StoreError(
                f"The store {store.url} cannot be opened ({type(error).__name__})."
            ) from None
        log.info("Articles are kept in %s", store.url)
        return store

    async def close(self) -> None:
        await self._engine.dispose()

    async def ping(self) -> bool:
        """Whether the store answers (for /healthz)."""
        try:
            async with self._engine.connect() as connection:
                await connection.execute(select(1))
            return True
        except (SQLAlchemyError, OSError):
            log.warning("The store does not answer", exc_info=True)
            return False

    def _insert(self, table: Table) -> Any:
        # each dialect's INSERT … ON CONFLICT, loaded when first written (~0.04 s for PostgreSQL's)
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as postgresql_insert

            return postgresql_insert(table)
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(table)

    async def add(
        self, chat_id: int, article: Article, kind: str, attribution: bytes | None = None,
        attribution_version: str | None = None,
    ) -> StoredArticle:
        """Keep ``article`` for ``chat_id`` and make it the chat's current one.

        An article already stored (same content hash) is not stored again.
        """
        digest = content_hash(article)
        now = _now()
        texts = [p.text for p in article.paragraphs]
        values = {
            "content_hash": digest, "source": article.source, "kind": kind,
            "title": article.title, "site": article.site, "author": article.author,
            "date": article.date, "language": article.language,
            "paragraphs": json.dumps(texts, ensure_ascii=False),
            "paragraph_count": len(texts), "attribution": attribution,
            "attribution_version": attribution_version, "created_at": now,
        }
        async with self._engine.begin() as connection:
            await connection.execute(
                self._insert(articles).values(**values).on_conflict_do_nothing(
                    index_elements=["content_hash"]
                )
            )
            row = (await connection.execute(
                select(articles).where(articles.c.content_hash == digest)
            )).one()
            if row.attribution is None and attribution is not None:
                await connection.execute(
                    update(articles).where(articles.c.id == row.id).values(
                        attribution=attribution, attribution_version=attribution_version
                    )
                )
            await self._link(connection, chat_id, row.id, now)
            await self._trim(connection, chat_id)
        return _stored(row)

    async def _link(
        self, connection: AsyncConnection, chat_id: int, article_id: int,
        now: datetime.datetime,
    ) -> None:
        await connection.execute(
            self._insert(chat_articles)
            .values(chat_id=chat_id, article_id=article_id, added_at=now)
            .on_conflict_do_update(
                index_elements=["chat_id", "article_id"], set_={"added_at": now}
            )
        )
        await connection.execute(
            self._insert(chats)
            .values(chat_id=chat_id, current_article_id=article_id, updated_at=now)
            .on_conflict_do_update(
                index_elements=["chat_id"],
                set_={"current_article_id": article_id, "updated_at": now},
            )
        )

    async def _trim(self, connection: AsyncConnection, chat_id: int) -> None:
        """Forget the chat's oldest articles beyond MAX_ARTICLES_PER_CHAT."""
        kept = (
            select(chat_articles.c.article_id)
            .where(chat_articles.c.chat_id == chat_id)
            .order_by(chat_articles.c.added_at.desc(), chat_articles.c.article_id.desc())
            .limit(MAX_ARTICLES_PER_CHAT)
        )
        kept_ids = [row[0] for row in await connection.execute(kept)]
        removed = await connection.execute(
            delete(chat_articles).where(
                and_(chat_articles.c.chat_id == chat_id,
                     chat_articles.c.article_id.not_in(kept_ids))
            )
        )
        if removed.rowcount:
            await self._drop_orphans(connection)

    async def _drop_orphans(self, connection: AsyncConnection) -> None:
        """Articles no chat holds any more are deleted (what a chat forgets is gone)."""
        held = select(chat_articles.c.article_id)
        await connection.execute(delete(articles).where(articles.c.id.not_in(held)))

    async def current(self, chat_id: int) -> StoredArticle | None:
        """The chat's current article, or None for the bundled one."""
        async with self._engine.connect() as connection:
            row = (await connection.execute(
                select(articles)
                .join(chats, chats.c.current_article_id == articles.c.id)
                .where(chats.c.chat_id == chat_id)
            )).one_or_none()
        return _stored(row) if row is not None else None

    async def current_hash(self, chat_id: int) -> str | None:
        """The content hash of the chat's current article (None: the bundled one)."""
        pointers = self.pointers
        before = None
        if pointers is not None:
            found, known = pointers.get(chat_id)
            if found:
                return known
            before = pointers.before_read()
        async with self._engine.connect() as connection:
            read: str | None = (await connection.execute(
                select(articles.c.content_hash)
                .join(chats, chats.c.current_article_id == articles.c.id)
                .where(chats.c.chat_id == chat_id)
            )).scalar_one_or_none()
        if pointers is not None:
            pointers.put(chat_id, read, before)
        return read

    async def held(self, chat_id: int, hash_prefix: str) -> StoredArticle | None:
        """The chat's article whose content hash starts with ``hash_prefix`` (button data)."""
        if not hash_prefix:
            return None
        async with self._engine.connect() as connection:
            rows = (await connection.execute(
                select(articles)
                .join(chat_articles, chat_articles.c.article_id == articles.c.id)
                .where(chat_articles.c.chat_id == chat_id,
                       articles.c.content_hash.startswith(hash_prefix, autoescape=True))
                .limit(2)
            )).all()
        return _stored(rows[0]) if len(rows) == 1 else None

    async def by_hash(self, content_hash_: str) -> StoredArticle | None:
        async with self._engine.connect() as connection:
            row = (await connection.execute(
                select(articles).where(articles.c.content_hash == content_hash_)
            )).one_or_none()
        return _stored(row) if row is not None else None

    async def articles_of(self, chat_id: int) -> list[ArticleSummary]:
        """The chat's articles, the last sent first."""
        async with self._engine.connect() as connection:
            current = (await connection.execute(
                select(chats.c.current_article_id).where(chats.c.chat_id == chat_id)
            )).scalar_one_or_none()
            rows = (await connection.execute(
                select(articles.c.id, articles.c.content_hash, articles.c.title,
                       articles.c.source, articles.c.paragraph_count)
                .join(chat_articles, chat_articles.c.article_id == articles.c.id)
                .where(chat_articles.c.chat_id == chat_id)
                .order_by(chat_articles.c.added_at.desc(), articles.c.id.desc())
            )).all()
        return [
            ArticleSummary(row.id, row.content_hash, row.title, row.source,
                           row.paragraph_count, row.id == current)
            for row in rows
        ]

    async def choose(self, chat_id: int, hash_prefix: str | None) -> StoredArticle | None:
        """Make the chat's article ``hash_prefix`` its current one (None: the bundled one).

        Returns the article, or None when the chat holds no such article (nothing changes).
        """
        now = _now()
        async with self._engine.begin() as connection:
            if hash_prefix is None:
                await connection.execute(delete(chats).where(chats.c.chat_id == chat_id))
                return None
            rows = (await connection.execute(
                select(articles)
                .join(chat_articles, chat_articles.c.article_id == articles.c.id)
                .where(chat_articles.c.chat_id == chat_id,
                       articles.c.content_hash.startswith(hash_prefix, autoescape=True))
                .limit(2)
            )).all()
            if len(rows) != 1:
                return None
            row = rows[0]
            await connection.execute(
                self._insert(chats)
                .values(chat_id=chat_id, current_article_id=row.id, updated_at=now)
                .on_conflict_do_update(
                    index_elements=["chat_id"],
                    set_={"current_article_id": row.id, "updated_at": now},
                )
            )
        return _stored(row)

    async def forget(self, chat_id: int) -> int:
        """Forget every article of the chat (deleted unless another chat holds it)."""
        async with self._engine.begin() as connection:
            removed = await connection.execute(
                delete(chat_articles).where(chat_articles.c.chat_id == chat_id)
            )
            await connection.execute(delete(chats).where(chats.c.chat_id == chat_id))
            await self._drop_orphans(connection)
        return int(removed.rowcount or 0)

    async def save_attribution(self, article_id: int, blob: bytes, version: str) -> None:
        async with self._engine.begin() as connection:
            await connection.execute(
                update(articles).where(articles.c.id == article_id)
                .values(attribution=blob, attribution_version=version)
            )

    async def counts(self) -> tuple[int, int]:
        """(articles, chats holding at least one)."""
        async with self._engine.connect() as connection:
            count_articles = (await connection.execute(
                select(func.count()).select_from(articles)
            )).scalar_one()
            count_chats = (await connection.execute(
                select(func.count(func.distinct(chat_articles.c.chat_id)))
            )).scalar_one()
        return int(count_articles), int(count_chats)


def _stored(row: Any) -> StoredArticle:
    return StoredArticle(
        id=row.id, content_hash=row.content_hash, source=row.source, kind=row.kind,
        title=row.title, site=row.site, author=row.author, date=row.date,
        language=row.language, paragraphs=tuple(json.loads(row.paragraphs)),
        attribution=row.attribution, attribution_version=row.attribution_version,
    )


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    """Foreign keys on (ON DELETE CASCADE), WAL (readers never wait for a writer)."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
