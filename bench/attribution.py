"""Attribution cost: the bundled article, long articles, and the optional French model.

Each figure is a warm run (the grammar's patterns compiled once per process, as in the bot), the
median of several rounds. Long articles are our own corpus articles (tests/corpus) laid end to end
until the size is reached, so that names and quotations repeat as in a live blog; the largest is
the 2 MB the article loader accepts. With the French model, a fresh interpreter loads it (start-up
and resident memory) and attributes the bundled article and the French long article with it.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from index.article import MAX_ARTICLE_BYTES, Article, load_article, parse_article
from index.quotes import extract_quotes
from index.quotes.entities import SETTING

CORPUS = Path(__file__).parents[1] / "tests" / "corpus" / "articles"


def long_article(language: str, paragraphs: int | None = None,
                 size: int | None = None) -> Article:
    """Our own quotation articles of ``language`` end to end: ``paragraphs`` of them, or as many
    as fit in ``size`` bytes."""
    lines: list[str] = []
    for path in sorted(CORPUS.glob(f"quotes_{language}_*.txt")):
        lines += [line for line in path.read_text("utf-8").splitlines() if line.strip()]
    out: list[str] = []
    total = 0
    while True:
        for line in lines:
            if paragraphs is not None and len(out) >= paragraphs:
                return parse_article("\n".join(out), source=f"{language} x{len(out)}")
            if size is not None and total + len(line.encode()) + 1 > size:
                return parse_article("\n".join(out), source=f"{language} {total} bytes")
            out.append(line)
            total += len(line.encode()) + 1


def timed(article: Article, rounds: int) -> float:
    """Median seconds to attribute ``article`` (after one warm-up run)."""
    return timed_both(article, rounds)[0]


def timed_both(article: Article, rounds: int) -> tuple[float, float]:
    """Median wall-clock and median CPU seconds (this process's) to attribute ``article``: on a
    machine shared with other work the two part, and the CPU time is the program's own cost."""
    extract_quotes(article)
    wall, cpu = [], []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        extract_quotes(article)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def with_model(model: str) -> dict[str, Any]:
    """Start-up, memory and attribution time with the French model, in a fresh interpreter."""
    code = (
        "import json, time, sys\n"
        "from bench.attribution import _rss_mb, long_article, timed\n"
        "from index.article import load_article\n"
        "from index.quotes.entities import _pipeline\n"
        "before = _rss_mb(); start = time.perf_counter()\n"
        f"nlp = _pipeline({model!r})\n"
        "load = time.perf_counter() - start\n"
        "if nlp is None: print(json.dumps({'error': 'not installed'})); sys.exit(0)\n"
        "bundled = timed(load_article(), 10)\n"
        "big = timed(long_article('fr', paragraphs=2000), 1)\n"
        "print(json.dumps({'load_s': load, 'rss_mb': _rss_mb() - before,\n"
        "                  'bundled_ms': bundled * 1000, 'fr_2000_s': big,\n"
        "                  'pipes': list(nlp.pipe_names)}))\n"
    )
    env = {**os.environ, SETTING: model}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          cwd=Path(__file__).parents[1], timeout=900)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr else "failed"}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(quick: bool = False, models: tuple[str, ...] = ("fr_core_news_sm",)) -> dict[str, Any]:
    """Every attribution figure of ``make bench``."""
    os.environ.pop(SETTING, None)
    rounds = 5 if quick else 50
    wall, cpu = timed_both(load_article(), rounds)
    results: dict[str, Any] = {"bundled_ms": wall * 1000, "bundled_cpu_ms": cpu * 1000}
    for language in ("fr", "en"):
        article = long_article(language, paragraphs=2000)
        wall, cpu = timed_both(article, 1 if quick else 3)
        results[f"{language}_2000_s"], results[f"{language}_2000_cpu_s"] = wall, cpu
        results[f"{language}_2000_quotes"] = len(extract_quotes(article))
    size = MAX_ARTICLE_BYTES // (8 if quick else 1)
    article = long_article("fr", size=size)
    results["largest_bytes"] = size
    results["largest_paragraphs"] = len(article.paragraphs)
    results["largest_s"], results["largest_cpu_s"] = timed_both(article, 1)
    results["models"] = {model: with_model(model) for model in models}
    return results


def lines(results: dict[str, Any]) -> list[str]:
    """The report's section."""
    out = [
        f"Warm runs (patterns compiled once per process). The bundled article: median "
        f"**{results['bundled_ms']:.2f} ms** (goal ≤ 5 ms). Our own articles end to end, 2,000 "
        f"paragraphs: French **{results['fr_2000_s']:.2f} s** ({results['fr_2000_quotes']:,} "
        f"quotations), English **{results['en_2000_s']:.2f} s** "
        f"({results['en_2000_quotes']:,}) (goal ≤ 1 s); the largest article the loader accepts, "
        f"{results['largest_bytes'] / 1e6:.1f} MB ({results['largest_paragraphs']:,} paragraphs): "
        f"{results['largest_s']:.2f} s.",
        "",
    ]
    if "bundled_cpu_ms" in results:
        out[-1:] = [
            f"CPU time of the process (the same runs; wall-clock time is longer when other work "
            f"shares the cores): bundled {results['bundled_cpu_ms']:.2f} ms, French "
            f"{results['fr_2000_cpu_s']:.2f} s, English {results['en_2000_cpu_s']:.2f} s, the "
            f"largest {results['largest_cpu_s']:.2f} s.",
            "",
        ]
    for model, figures in results.get("models", {}).items():
        if "error" in figures:
            out.append(f"- With `{model}`: not measured ({figures['error']}).")
            continue
        out.append(
            f"- With `{model}` (`{SETTING}={model}`; pipes {', '.join(figures['pipes'])}): "
            f"loading takes {figures['load_s']:.2f} s and {figures['rss_mb']:.0f} MB of resident "
            f"memory; the bundled article then takes {figures['bundled_ms']:.1f} ms, the French "
            f"2,000 paragraphs {figures['fr_2000_s']:.2f} s.")
    return out
