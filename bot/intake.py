"""Taking in a new article off the event loop: extraction and attribution in a worker process,
with a time budget and a size cap, so that a big document sent in one chat never stalls the
others. A job over its time is stopped by ending its process; a fresh one takes its place.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from index import Article, Quote
from index.quotes import extract_quotes
from index.sources import SourceError, from_bytes

log = logging.getLogger(__name__)

#: Characters of article text at most (as for an article file: docs/CONTRACT.md's 2,000,000
#: bytes).
MAX_CHARS = 2_000_000
# A worker is replaced after this many jobs: what a hostile document left in memory goes too.
JOBS_PER_WORKER = 100
#: How long stopping waits for workers still starting (loading the code and every lexicon).
STARTING_SECONDS = 10.0


class IntakeTimeout(Exception):
    """Taking in the article took longer than the time budget."""


class TooManyParagraphs(Exception):
    """The article is over the paragraph cap."""

    def __init__(self, count: int, limit: int) -> None:
        super().__init__(f"The article has {count:,} paragraphs; the limit is {limit:,}.")
        self.count = count
        self.limit = limit

    def __reduce__(self) -> tuple[type[TooManyParagraphs], tuple[int, int]]:
        return (TooManyParagraphs, (self.count, self.limit))


@dataclass(frozen=True)
class Taken:
    """An article taken in: its paragraphs and metadata, its quotations, the time it took."""

    article: Article
    quotes: tuple[Quote, ...]
    seconds: float


@dataclass(frozen=True)
class Job:
    """What to take in (bytes and what is known of them)."""

    data: bytes
    source: str
    name: str | None = None
    content_type: str | None = None
    url: str | None = None
    charset: str | None = None
    max_paragraphs: int = 2000


def take_in(job: Job) -> Taken:
    """Extract the article of ``job`` and find its quotations (runs in a worker process)."""
    started = time.perf_counter()
    article = from_bytes(
        job.data, job.source, name=job.name, content_type=job.content_type, url=job.url,
        charset=job.charset,
    )
    if len(article.paragraphs) > job.max_paragraphs:
        raise TooManyParagraphs(len(article.paragraphs), job.max_paragraphs)
    if sum(len(p.text) for p in article.paragraphs) > MAX_CHARS:
        raise SourceError("too_big", f"{job.source} is over {MAX_CHARS:,} characters.")
    # as Engine does: an empty span is no quotation
    quotes = tuple(q for q in extract_quotes(article) if q.start < q.end)
    return Taken(article, quotes, time.perf_counter() - started)


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie waiting for its parent does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except OSError:
        return True  # no /proc: os.kill said it runs


def _exit_with(bot_pid: int) -> None:
    """End this worker when the bot is gone, even killed with SIGKILL: its queues would keep it
    (and the forkserver it came from) waiting forever."""
    while _alive(bot_pid):
        time.sleep(1.0)
    os._exit(0)


def _start_worker(bot_pid: int) -> None:
    """Each worker: watch the bot, then load every lexicon and parser before the first job."""
    threading.Thread(target=_exit_with, args=(bot_pid,), daemon=True, name="bot-watch").start()
    take_in(Job("“Tout va bien”, a déclaré le maire.\nIt works, she said.".encode(), "warm-up"))


class IntakePool:
    """Worker processes taking in articles, each job within ``timeout`` seconds."""

    def __init__(self, workers: int = 1, timeout: float = 30.0) -> None:
        self.workers = workers
        self.timeout = timeout
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()  # the pool is made by the event loop or by start()'s thread
        self._starter: threading.Thread | None = None

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                # forkserver: workers start from a clean process that loaded the code once,
                # never from a copy of the bot's threads and sockets
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(["bot.intake"])
                self._executor = ProcessPoolExecutor(
                    self.workers, mp_context=context, initializer=_start_worker,
                    initargs=(os.getpid(),), max_tasks_per_child=JOBS_PER_WORKER,
                )
            return self._executor

    def start(self) -> threading.Thread:
        """Start the workers now, in the background (the first article is then not slowed by
        their start, and the bot does not wait for the forkserver to load the code: ~0.3 s)."""
        # not a daemon: a bot that stops at once still lets its workers start before it exits
        # (one ended while it reads its start-up data prints a traceback)
        thread = threading.Thread(target=self._start_workers, name="intake-start")
        self._starter = thread
        thread.start()
        return thread

    def _start_workers(self) -> None:
        pool = self._pool()
        try:
            started = [pool.submit(time.sleep, 0) for _ in range(self.workers)]
            wait(started, timeout=STARTING_SECONDS)
        except (BrokenProcessPool, RuntimeError):  # closed meanwhile: the next job starts anew
            log.debug("The intake workers were not started", exc_info=True)

    async def run(self, job: Job) -> Taken:
        """Take in ``job``; SourceError, TooManyParagraphs or IntakeTimeout when it cannot be."""
        for attempt in (1, 2):
            pool = self._pool()
            try:
                future: Future[Taken] = pool.submit(take_in, job)
            except (BrokenProcessPool, RuntimeError):
                self._discard(pool)
                continue
            try:
                return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
            except TimeoutError:
                log.warning("Taking in %s took over %s s: its worker is stopped",
                            job.source, self.timeout)
                self._discard(pool)
                raise IntakeTimeout(job.source) from None
            except BrokenProcessPool:
                # Another job's worker was stopped (or crashed) under this one: once more.
                log.info("Intake worker lost (attempt %d) for %s", attempt, job.source)
                self._discard(pool)
        raise IntakeTimeout(job.source)

    def _discard(self, pool: ProcessPoolExecutor) -> None:
        """End ``pool``'s processes at once; the next job starts a new pool."""
        processes: dict[int, Any] = dict(getattr(pool, "_processes", None) or {})
        for process in processes.values():
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            if self._executor is pool:
                self._executor = None

    def close(self) -> None:
        if self._starter is not None:  # a bot stopped at once: its workers are first let start
            self._starter.join(STARTING_SECONDS)
        if self._executor is not None:
            self._discard(self._executor)
