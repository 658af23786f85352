"""Search at scale: index build time, top-5 query latency and memory, per engine and corpus size.

Each (engine, size) runs in a fresh interpreter so that its resident-memory growth is its own:
`python -m bench.search_scale --engine project --size 100000` prints one JSON line.
"""

from __future__ import annotations

import argparse
import gc
import json
import pickle
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench import corpus

CACHE = Path(__file__).parent / "results" / "cache"
ENGINES = ("project", "rank-bm25", "bm25s", "tantivy")
TOP_K = 5


def analysed_corpus(size: int, language: str) -> list[list[str]]:
    """The corpus of ``size`` paragraphs, analysed by the project's chain (cached on disk)."""
    path = CACHE / f"{language}-{size}.pickle"
    if path.exists():
        with path.open("rb") as file:
            cached: list[list[str]] = pickle.load(file)
            return cached
    from index.analysis import analyzer_for

    analyzer = analyzer_for(language)
    documents = [analyzer.analyze(text) for text in corpus.paragraphs(language, size, seed=size)]
    CACHE.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        pickle.dump(documents, file)
    return documents


def rss_bytes() -> int:
    with open("/proc/self/statm") as file:
        pages = int(file.read().split()[1])
    import os

    return pages * os.sysconf("SC_PAGE_SIZE")


def build(engine: str, documents: list[list[str]]) -> Callable[[list[str]], list[int]]:
    """Index ``documents`` with ``engine``; returns a top-5 search function."""
    if engine == "project":
        from index.search import ParagraphIndex

        index = ParagraphIndex(documents)
        return lambda q: [hit.paragraph for hit in index.search(q, limit=TOP_K)]
    if engine == "rank-bm25":
        import numpy as np
        from rank_bm25 import BM25Okapi

        bm25 = BM25Okapi(documents, k1=1.2, b=0.75)

        def plain(q: list[str]) -> list[int]:
            scores = bm25.get_scores(q)
            return [int(i) for i in np.argsort(-scores)[:TOP_K]]

        return plain
    if engine == "bm25s":
        import bm25s

        retriever = bm25s.BM25(k1=1.2, b=0.75, method="lucene")
        retriever.index(documents, show_progress=False)

        def sparse(q: list[str]) -> list[int]:
            ids, _ = retriever.retrieve([q], k=TOP_K, show_progress=False, n_threads=1)
            return [int(i) for i in ids[0]]

        return sparse
    if engine == "tantivy":
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_text_field("body", stored=False, tokenizer_name="whitespace")
        builder.add_integer_field("id", stored=True, fast=True)
        schema = builder.build()
        tindex = tantivy.Index(schema)
        writer = tindex.writer(heap_size=200_000_000, num_threads=1)
        for i, doc in enumerate(documents):
            writer.add_document(tantivy.Document(id=i, body=" ".join(doc)))
        writer.commit()
        writer.wait_merging_threads()
        tindex.reload()
        searcher = tindex.searcher()

        def inverted(q: list[str]) -> list[int]:
            query = tindex.parse_query(" ".join(q), ["body"])
            hits = searcher.search(query, TOP_K).hits
            return [int(searcher.doc(address)["id"][0]) for _, address in hits]

        return inverted
    raise ValueError(f"unknown engine {engine}")


def reference_agreement(
    documents: list[list[str]], queries: Sequence[list[str]]
) -> dict[str, float]:
    """Top-5 and scores of the project's index against rank-bm25 scoring with the same idf."""
    from index.search import ParagraphIndex, reference_scorer

    index = ParagraphIndex(documents)
    reference = reference_scorer(documents)
    same_top, worst = 0, 0.0
    for q in queries:
        hits = index.search(q, limit=TOP_K)
        scores = reference.get_scores([t for t in q if t in index.vocabulary])
        order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:TOP_K]
        expected = [i for i in order if scores[i] > 0]
        same_top += [h.paragraph for h in hits] == expected
        for hit in hits:
            worst = max(worst, abs(hit.score - float(scores[hit.paragraph])))
    return {"sample": len(queries), "same_top5": same_top, "max_score_diff": worst}


def measure(engine: str, size: int, language: str, n_queries: int) -> dict[str, object]:
    documents = analysed_corpus(size, language)
    queries = corpus.queries(documents, n_queries + 20)
    gc.collect()
    before = rss_bytes()
    start = time.perf_counter()
    search = build(engine, documents)
    build_s = time.perf_counter() - start
    gc.collect()
    memory = rss_bytes() - before
    for q in queries[:20]:  # warm-up
        search(q)
    latencies = []
    for q in queries[20:]:
        t0 = time.perf_counter_ns()
        search(q)
        latencies.append((time.perf_counter_ns() - t0) / 1000)
    latencies.sort()
    result: dict[str, object] = {
        "engine": engine,
        "size": size,
        "language": language,
        "build_s": build_s,
        "memory_mb": memory / 1e6,
        "queries": len(latencies),
        "median_us": statistics.median(latencies),
        "p99_us": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
    }
    if engine == "project" and size <= 100_000:
        sample = queries[20 : 20 + (20 if size >= 100_000 else 50)]
        result["agreement"] = reference_agreement(documents, sample)
    return result


def run_all(sizes: Sequence[int], language: str, engines: Sequence[str]) -> list[dict[str, object]]:
    """Every (engine, size) in its own interpreter; the rows in one list."""
    rows = []
    for size in sizes:
        analysed_corpus(size, language)  # fill the cache once, outside the timed runs
        for engine in engines:
            n = 30 if engine == "rank-bm25" and size >= 10_000 else 300
            command = [sys.executable, "-m", "bench.search_scale", "--engine", engine,
                       "--size", str(size), "--language", language, "--queries", str(n)]
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                rows.append({"engine": engine, "size": size, "error": done.stderr.strip()[-300:]})
                continue
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"  {engine:>10} {size:>7,}: {rows[-1]}", file=sys.stderr, flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", choices=ENGINES, required=True)
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--language", default="fr")
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    print(json.dumps(measure(args.engine, args.size, args.language, args.queries)))


if __name__ == "__main__":
    main()
