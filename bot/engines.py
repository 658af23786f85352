"""Which Engine answers a chat: built on demand from the store, kept in an LRU cache whose memory
budget is ENGINE_CACHE_MB, built off the event loop so that a cold chat never stalls the others.

A stored article keeps its attribution (the quotations found when it was taken in) as a cache,
tagged with the version of the ``index`` code that found them: a cold chat then only re-indexes
its article. Another version of the code (an upgrade) finds the quotations again.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import pickle
import zlib
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from bot.callback_data import FINGERPRINT_LENGTH
from bot.store import Store, StoredArticle, content_hash
from index import Article, Engine, Quote
from index.article import build_article

log = logging.getLogger(__name__)

# Memory an Engine takes: a fixed part and a part per character of the article's text (index,
# analysed words, quotations). On purpose above what was measured: with the cache at its 200 MB
# estimate the process grew by 112 MB (bench/articles.py, docs/BENCHMARKS.md).
ENGINE_BASE_BYTES = 40_000
ENGINE_BYTES_PER_CHAR = 140


@cache
def attribution_version() -> str:
    """A hash of the ``index`` package's code and data: quotations found by another version of
    the code are found again rather than trusted."""
    digest = hashlib.sha256()

    def walk(folder: Traversable, prefix: str) -> None:
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            name = f"{prefix}/{entry.name}"
            if entry.is_dir():
                if entry.name not in ("__pycache__", "evaluation"):
                    walk(entry, name)
            elif entry.name.endswith((".py", ".txt")) and entry.name != "py.typed":
                digest.update(name.encode())
                digest.update(entry.read_bytes())

    walk(resources.files("index"), "index")
    return digest.hexdigest()[:32]


def encode_attribution(quotes: tuple[Quote, ...]) -> bytes:
    """The quotations as the store keeps them (a cache for this version of the code only)."""
    return zlib.compress(pickle.dumps(quotes, protocol=pickle.HIGHEST_PROTOCOL), 6)


def decode_attribution(blob: bytes | None, version: str | None) -> tuple[Quote, ...] | None:
    """The cached quotations, or None when absent, from another version, or unreadable."""
    if blob is None or version != attribution_version():
        return None
    try:
        # The store is written only by this program (same trust as its code and settings).
        quotes = pickle.loads(zlib.decompress(blob))
    except Exception:  # a damaged cache entry is recomputed, never fatal
        log.warning("A cached attribution could not be read: recomputing it", exc_info=True)
        return None
    if not isinstance(quotes, tuple) or not all(isinstance(q, Quote) for q in quotes):
        return None
    return quotes


def article_of(stored: StoredArticle) -> Article:
    """The Article a stored one stands for, numbered and marked as when it was taken in."""
    return build_article(
        list(stored.paragraphs), stored.source, title=stored.title, site=stored.site,
        author=stored.author, date=stored.date, language=stored.language,
    )


def estimate_bytes(article: Article) -> int:
    """What an Engine of ``article`` takes in memory (see ENGINE_BYTES_PER_CHAR)."""
    chars = sum(len(p.text) for p in article.paragraphs)
    return ENGINE_BASE_BYTES + ENGINE_BYTES_PER_CHAR * chars


@dataclass(frozen=True)
class CachedEngine:
    engine: Engine
    fingerprint: str
    size: int


class EngineCache:
    """Engines by content hash, least recently used dropped first to stay within the budget."""

    def __init__(self, budget_bytes: int) -> None:
        self.budget = budget_bytes
        self.size = 0
        self._engines: OrderedDict[str, CachedEngine] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._engines)

    def __contains__(self, content_hash: str) -> bool:
        return content_hash in self._engines

    def get(self, content_hash: str) -> CachedEngine | None:
        found = self._engines.get(content_hash)
        if found is None:
            self.misses += 1
            return None
        self.hits += 1
        self._engines.move_to_end(content_hash)
        return found

    def put(self, content_hash: str, engine: Engine) -> CachedEngine:
        size = estimate_bytes(engine.article)
        entry = CachedEngine(engine, content_hash[:FINGERPRINT_LENGTH], size)
        previous = self._engines.pop(content_hash, None)
        if previous is not None:
            self.size -= previous.size
        self._engines[content_hash] = entry
        self.size += size
        # The engine just built stays even when it alone is over budget: it is in use.
        while self.size > self.budget and len(self._engines) > 1:
            _, dropped = self._engines.popitem(last=False)
            self.size -= dropped.size
        return entry


class ChatEngines:
    """The engine of each chat: its current stored article, else the default (bundled) one."""

    def __init__(
        self, store: Store, default: Engine, default_fingerprint: str, budget_bytes: int,
        builders: int = 1,
    ) -> None:
        self.store = store
        self.default = default
        self.default_fingerprint = default_fingerprint
        self.cache = EngineCache(budget_bytes)
        self._building: dict[str, asyncio.Future[CachedEngine]] = {}
        # Indexing is CPU work: a thread keeps the event loop answering other chats meanwhile.
        self._builder = ThreadPoolExecutor(builders, thread_name_prefix="engine-build")

    def close(self) -> None:
        self._builder.shutdown(wait=False, cancel_futures=True)

    def fingerprint(self, engine: Engine) -> str:
        """The fingerprint buttons carry for ``engine``'s article."""
        if engine is self.default:
            return self.default_fingerprint
        return content_hash(engine.article)[:FINGERPRINT_LENGTH]  # a hash of ~5 kB: microseconds

    async def for_chat(self, chat_id: int) -> Engine:
        """The engine answering ``chat_id`` now."""
        content_hash = await self.store.current_hash(chat_id)
        if content_hash is None:
            return self.default
        cached = self.cache.get(content_hash)
        if cached is not None:
            return cached.engine
        stored = await self.store.current(chat_id)
        if stored is None:  # forgotten meanwhile
            return self.default
        return (await self.engine_of(stored)).engine

    async def for_fingerprint(self, chat_id: int, fingerprint: str) -> Engine | None:
        """The engine of the article of ``chat_id`` whose fingerprint is ``fingerprint`` (a
        button's), or None when the chat holds no such article."""
        if fingerprint == self.default_fingerprint:
            return self.default
        stored = await self.store.held(chat_id, fingerprint)
        if stored is None:
            return None
        return (await self.engine_of(stored)).engine

    async def engine_of(
        self, stored: StoredArticle, quotes: tuple[Quote, ...] | None = None,
        article: Article | None = None,
    ) -> CachedEngine:
        """The cached engine of ``stored``, built (once, however many chats ask) if needed."""
        cached = self.cache.get(stored.content_hash)
        if cached is not None:
            return cached
        building = self._building.get(stored.content_hash)
        if building is not None:
            return await asyncio.shield(building)
        loop = asyncio.get_running_loop()
        future: asyncio.Future[CachedEngine] = loop.create_future()
        self._building[stored.content_hash] = future
        try:
            if quotes is None:
                quotes = decode_attribution(stored.attribution, stored.attribution_version)
            engine = await loop.run_in_executor(
                self._builder, _build, stored, quotes, article
            )
            if quotes is None:
                # Found again (first time, or another version of the code): kept for next time.
                blob = encode_attribution(engine.quotes())
                await self.store.save_attribution(stored.id, blob, attribution_version())
            entry = self.cache.put(stored.content_hash, engine)
            future.set_result(entry)
            return entry
        except BaseException as error:
            future.set_exception(error)
            future.exception()  # retrieved here: a waiter re-raises it, nobody else must
            raise
        finally:
            del self._building[stored.content_hash]


def _build(
    stored: StoredArticle, quotes: tuple[Quote, ...] | None, article: Article | None
) -> Engine:
    return Engine(article if article is not None else article_of(stored), quotes=quotes)
