"""Any article, in any chat: how long taking an article in takes, and how a store of 10,000
articles across 2,000 chats answers.

- a 30-paragraph news page served by a local web server: fetched (bot.fetch), extracted and
  attributed (bot.intake, in its worker process), indexed (Engine, in a thread), as the bot does;
- a 1,000-paragraph document taken in the same way;
- 10,000 stored articles across 2,000 chats (SQLite in a temporary DATA_DIR): a question to a
  cold chat (its article's engine not in the cache), to a warm one, and the resident memory once
  the engine cache is full at its budget (ENGINE_CACHE_MB=200).

The articles are the project's own test articles (tests/corpus/articles), and variants of them.
"""

from __future__ import annotations

import asyncio
import gc
import html
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bot.engines import ChatEngines, attribution_version, encode_attribution, estimate_bytes
from bot.fetch import Fetcher, FetchLimits, parse_allow_hosts
from bot.intake import IntakePool, Job
from bot.render import answer_to_html
from bot.store import Store, content_hash
from index import Engine, parse_article
from index.quotes import extract_quotes
from tests.bot.fake_web import FakeWeb
from tests.fixtures.documents import CORPUS, corpus_article, long_article

QUESTIONS = ["who said", "what was decided", "/who council", "how much will it cost",
             "when will the work start", "qui a déclaré", "pourquoi", "combien"]


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _corpus_paragraphs() -> list[str]:
    return [line.strip() for path in sorted(CORPUS.glob("*.txt"))
            for line in path.read_text("utf-8").splitlines() if line.strip()]


def news_page(paragraphs: list[str], number: int) -> bytes:
    """A news page of our own around ``paragraphs``: navigation, ads, byline, related links."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Story {number} | The Bench Gazette</title>
<meta property="og:site_name" content="The Bench Gazette">
<meta name="author" content="Desk Reporter"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="ad">Advertisement: win a cruise</div>
<article><h1>Story {number}</h1><p class="byline">By Desk Reporter</p>{body}</article>
<aside><h2>Related</h2><ul><li><a href="/1">Other story</a></li></ul></aside>
<footer>© The Bench Gazette</footer></body></html>""".encode()


def _pct(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * (len(ordered) - 1)))]


async def intake_timings(rounds: int) -> dict[str, Any]:
    """The 30-paragraph page and the 1,000-paragraph documents, taken in as the bot does."""
    paragraphs = _corpus_paragraphs()
    web = await FakeWeb().start()
    pages = {}
    for n in range(rounds):
        start = (n * 30) % (len(paragraphs) - 30)
        pages[f"/bench/{n}"] = ("text/html; charset=utf-8", news_page(paragraphs[start:start + 30],
                                                                      n))
    web.pages.update(pages)
    fetcher = Fetcher(FetchLimits(allow_hosts=parse_allow_hosts(web.allow)))
    pool = IntakePool(1, timeout=120)
    builder = asyncio.get_running_loop()
    try:
        pool.start()
        await pool.run(Job(b"Warm.\nUp.", "warm-up"))  # the worker's start is not measured
        totals, fetches, workers, indexes = [], [], [], []
        for n in range(rounds):
            started = time.perf_counter()
            fetched = await fetcher.fetch(web.url(f"/bench/{n}"))
            fetched_at = time.perf_counter()
            taken = await pool.run(Job(fetched.data, fetched.url, content_type="text/html",
                                       url=fetched.url))
            taken_at = time.perf_counter()
            await builder.run_in_executor(None, Engine, taken.article, taken.quotes)
            done = time.perf_counter()
            assert len(taken.article.paragraphs) == 30, len(taken.article.paragraphs)
            totals.append(done - started)
            fetches.append(fetched_at - started)
            workers.append(taken_at - fetched_at)
            indexes.append(done - taken_at)
        long_runs: dict[str, dict[str, float]] = {}
        for name, text in (("generated", long_article(1000)), ("corpus", corpus_article(1000))):
            started = time.perf_counter()
            taken = await pool.run(Job(text.encode(), f"{name}.txt", name=f"{name}.txt"))
            taken_at = time.perf_counter()
            engine = await builder.run_in_executor(None, Engine, taken.article, taken.quotes)
            done = time.perf_counter()
            assert len(engine.article.paragraphs) == 1000
            long_runs[name] = {"total_s": done - started, "worker_s": taken_at - started,
                               "index_s": done - taken_at, "quotes": len(taken.quotes)}
    finally:
        pool.close()
        await fetcher.aclose()
        await web.stop()
    return {
        "page_rounds": rounds,
        "page_median_ms": statistics.median(totals) * 1000,
        "page_p90_ms": _pct(totals, 0.9) * 1000,
        "page_fetch_median_ms": statistics.median(fetches) * 1000,
        "page_worker_median_ms": statistics.median(workers) * 1000,
        "page_index_median_ms": statistics.median(indexes) * 1000,
        "long": long_runs,
    }


async def store_timings(
    articles: int, chats: int, questions: int, cache_mb: int
) -> dict[str, Any]:
    """A store of ``articles`` across ``chats``; cold and warm questions; memory at budget."""
    bases = [(path.read_text("utf-8"), path.name) for path in sorted(CORPUS.glob("*.txt"))]
    blobs = []
    for text, name in bases:
        article = parse_article(text, source=name)
        blobs.append(encode_attribution(
            tuple(q for q in extract_quotes(article) if q.start < q.end)
        ))
    version = attribution_version()
    folder = Path(tempfile.mkdtemp(prefix="article-bot-bench-"))
    store = await Store.open(None, folder)
    default = Engine(parse_article(bases[0][0], source="default"))
    engines = ChatEngines(store, default, content_hash(default.article)[:6],
                          cache_mb * 1024 * 1024)
    try:
        started = time.perf_counter()
        per_chat = articles // chats
        # Each variant is a base article with one more closing line: another content hash,
        # the same quotations (the line holds none), so the base's attribution is its own.
        for n in range(articles):
            text, name = bases[n % len(bases)]
            gap = "\n\n" if "\n\n" in text.strip() else "\n"  # the file's own way
            variant = parse_article(f"{text.rstrip()}{gap}Archive reference {n:05d}.",
                                    source=f"{n}-{name}")
            await store.add(1_000_000 + n // per_chat, variant, "text", blobs[n % len(bases)],
                            version)
        fill_s = time.perf_counter() - started
        stored_articles, stored_chats = await store.counts()
        check = random.Random(7)
        for chat in check.sample(range(chats), 5):  # the reused attribution is the real one
            stored = await store.current(1_000_000 + chat)
            assert stored is not None
            entry = await engines.engine_of(stored)
            found = tuple(q for q in extract_quotes(entry.engine.article) if q.start < q.end)
            assert found == entry.engine.quotes(), "a variant's attribution differs"
        gc.collect()
        rss_before = _rss_mb()
        cold: list[float] = []
        warm: list[float] = []
        # every chat once, in random order: its first question is cold (its article is
        # nobody else's), the second, right after, warm
        asked = random.Random(11).sample(range(chats), min(questions, chats))
        for n, chat in enumerate(asked):
            question = QUESTIONS[n % len(QUESTIONS)]
            for timings in (cold, warm):
                began = time.perf_counter()
                engine = await engines.for_chat(1_000_000 + chat)
                answer = engine.answer("ask", question)
                answer_to_html(answer, engine, "en")
                timings.append(time.perf_counter() - began)
        gc.collect()
        rss_after = _rss_mb()
        return {
            "articles": stored_articles, "chats": stored_chats, "fill_s": fill_s,
            "questions": len(asked), "cold_median_ms": statistics.median(cold) * 1000,
            "cold_p90_ms": _pct(cold, 0.9) * 1000, "warm_median_ms": statistics.median(warm) * 1000,
            "warm_p90_ms": _pct(warm, 0.9) * 1000, "cache_engines": len(engines.cache),
            "cache_estimate_mb": engines.cache.size / 2**20, "cache_budget_mb": cache_mb,
            "rss_before_mb": rss_before, "rss_after_mb": rss_after,
            "estimate_per_article_kb": statistics.mean(
                estimate_bytes(parse_article(text)) for text, _ in bases
            ) / 1024,
        }
    finally:
        engines.close()
        await store.close()


def measure(quick: bool = False) -> dict[str, Any]:
    results: dict[str, Any] = {}
    results["intake"] = asyncio.run(intake_timings(rounds=10 if quick else 30))
    if quick:
        results["store"] = asyncio.run(store_timings(1_000, 200, 200, 200))
    else:
        results["store"] = asyncio.run(store_timings(10_000, 2_000, 2_000, 200))
    results["lines"] = lines(results)
    return results


def lines(results: dict[str, Any]) -> list[str]:
    intake, store = results["intake"], results["store"]
    long = intake["long"]
    return [
        f"A 30-paragraph news page served on 127.0.0.1, taken in as the bot does "
        f"({intake['page_rounds']} pages): **median {intake['page_median_ms']:.0f} ms** "
        f"(p90 {intake['page_p90_ms']:.0f} ms): fetch {intake['page_fetch_median_ms']:.1f} ms, "
        f"extraction and attribution in the worker process "
        f"{intake['page_worker_median_ms']:.0f} ms, indexing {intake['page_index_median_ms']:.0f} "
        f"ms. Goal ≤ 150 ms.",
        "",
        f"A 1,000-paragraph document: **{long['corpus']['total_s']:.2f} s** made of the project's "
        f"own test articles (worker {long['corpus']['worker_s']:.2f} s, indexing "
        f"{long['corpus']['index_s']:.2f} s, {long['corpus']['quotes']} quotations); "
        f"{long['generated']['total_s']:.2f} s for generated council minutes (worker "
        f"{long['generated']['worker_s']:.2f} s, indexing {long['generated']['index_s']:.2f} s). "
        f"Goal ≤ 2 s.",
        "",
        f"{store['articles']:,} stored articles across {store['chats']:,} chats (SQLite; stored "
        f"in {store['fill_s']:.0f} s), {store['questions']:,} questions to chats drawn at "
        f"random, each asked cold then warm: **cold median {store['cold_median_ms']:.1f} ms** "
        f"(p90 {store['cold_p90_ms']:.1f} ms; the store read, the engine built from the stored "
        f"text and attribution, the answer and its HTML), **warm median "
        f"{store['warm_median_ms']:.2f} ms** (p90 {store['warm_p90_ms']:.2f} ms). Goals ≤ 50 ms "
        f"and ≤ 5 ms.",
        "",
        f"Engine cache: {store['cache_engines']:,} engines, {store['cache_estimate_mb']:.0f} MB "
        f"by estimate, budget {store['cache_budget_mb']} MB; resident memory of the process "
        f"{store['rss_before_mb']:.0f} MB before the questions, **{store['rss_after_mb']:.0f} MB** "
        f"after. Goal ≤ 300 MB.",
    ]


def goals(results: dict[str, Any]) -> list[tuple[str, str, bool]]:
    intake, store = results["intake"], results["store"]
    corpus = intake["long"]["corpus"]["total_s"]
    return [
        ("articles: 30-paragraph page fetched, extracted, attributed, indexed ≤ 150 ms median",
         f"{intake['page_median_ms']:.0f} ms", intake["page_median_ms"] <= 150),
        ("articles: 1,000-paragraph document ≤ 2 s", f"{corpus:.2f} s", corpus <= 2),
        ("articles: question to a cold chat ≤ 50 ms (median)",
         f"{store['cold_median_ms']:.1f} ms", store["cold_median_ms"] <= 50),
        ("articles: question to a warm chat ≤ 5 ms (median)",
         f"{store['warm_median_ms']:.2f} ms", store["warm_median_ms"] <= 5),
        ("articles: resident memory ≤ 300 MB with a 200 MB cache",
         f"{store['rss_after_mb']:.0f} MB", store["rss_after_mb"] <= 300),
    ]
