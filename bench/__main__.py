"""`make bench`: every benchmark in one run, printed and written to docs/BENCHMARKS.md.

`python -m bench [--quick] [--only engine,search,bot,startup,articles]`

A run of only some sections rewrites only the articles section of docs/BENCHMARKS.md (between its
markers); the others need a full run.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
from pathlib import Path
from typing import Any

from bench import attribution, engine_latency, search_scale

DOCS = Path(__file__).parents[1] / "docs"
RESULTS = Path(__file__).parent / "results"
SECTIONS = ("engine", "search", "bot", "startup", "attribution", "articles")
ARTICLES_START, ARTICLES_END = "<!-- articles -->", "<!-- /articles -->"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, Python "
            f"{platform.python_version()}, {platform.system()} {platform.release()}")


def fmt_us(value: float) -> str:
    return f"{value:,.1f} µs" if value < 10_000 else f"{value / 1000:,.1f} ms"


def search_table(rows: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| paragraphs | engine | build | memory | top-5 median | top-5 p99 | median vs project |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    by_size: dict[int, dict[str, dict[str, Any]]] = {}
    for row in rows:
        by_size.setdefault(int(row["size"]), {})[str(row["engine"])] = row
    for size, engines in sorted(by_size.items()):
        project = engines.get("project", {}).get("median_us")
        for name in search_scale.ENGINES:
            row = engines.get(name)
            if row is None:
                continue
            if "error" in row:
                lines.append(f"| {size:,} | {name} | failed: {row['error'][:80]} | | | | |")
                continue
            ratio = f"{row['median_us'] / project:,.1f}×" if project else "–"
            lines.append(
                f"| {size:,} | {name} | {row['build_s']:.2f} s | {row['memory_mb']:.1f} MB | "
                f"{fmt_us(row['median_us'])} | {fmt_us(row['p99_us'])} | {ratio} |"
            )
    agreements = [r for r in rows if r.get("agreement")]
    if agreements:
        lines.append("")
        lines.append("Same results as the rank-bm25 scorer with the project's idf "
                     "(sampled queries):")
        lines.append("")
        for row in agreements:
            a = row["agreement"]
            lines.append(
                f"- {row['size']:,} paragraphs: identical top-5 for {a['same_top5']} of "
                f"{a['sample']} queries, largest score difference {a['max_score_diff']:.1e}"
            )
    return lines


def plot(rows: list[dict[str, Any]], path: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    figure, axis = plt.subplots(figsize=(7, 4.2))
    for name in search_scale.ENGINES:
        points = sorted((r["size"], r["median_us"]) for r in rows
                        if r["engine"] == name and "median_us" in r)
        if points:
            axis.plot(*zip(*points, strict=True), marker="o", label=name)
    axis.set_xscale("log")
    axis.set_yscale("log")
    axis.set_xlabel("paragraphs in the corpus")
    axis.set_ylabel("top-5 query, median (µs)")
    axis.set_title("Search latency as the corpus grows (lower is better)")
    axis.grid(True, which="both", alpha=0.3)
    axis.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    return True


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="small sizes, fewer rounds")
    parser.add_argument("--only", default=",".join(SECTIONS))
    parser.add_argument(
        "--report-only", action="store_true", help="rewrite the report from the last saved run"
    )
    args = parser.parse_args()
    if args.report_only:
        saved = json.loads((RESULTS / "latest.json").read_text())
        (DOCS / "BENCHMARKS.md").write_text(render(saved))
        return 0
    only = set(args.only.split(","))
    RESULTS.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"date": datetime.date.today().isoformat(), "machine": machine()}
    if "engine" in only:
        print("answer latency on the bundled article…", file=sys.stderr)
        results["engine"] = engine_latency.measure(rounds=20 if args.quick else 200)
        print(json.dumps(results["engine"]), file=sys.stderr)
    if "search" in only:
        sizes = [15, 1_000, 10_000] if args.quick else [15, 1_000, 10_000, 100_000]
        print("search at scale…", file=sys.stderr)
        results["search"] = search_scale.run_all(sizes, "fr", search_scale.ENGINES)
    if "attribution" in only:
        print("attribution cost…", file=sys.stderr)
        results["attribution"] = attribution.measure(quick=args.quick)
        print(json.dumps(results["attribution"]), file=sys.stderr)
    if "startup" in only or "bot" in only:
        try:
            from bench import bot_e2e
        except ImportError as error:
            print(f"bot benchmarks unavailable: {error}", file=sys.stderr)
        else:
            if "startup" in only:
                results["startup"] = bot_e2e.startup(rounds=3 if args.quick else 5)
                print(json.dumps(results["startup"]), file=sys.stderr)
            if "bot" in only:
                results["bot"] = bot_e2e.burst(200 if args.quick else 1000, chats=50)
                print(json.dumps(results["bot"]), file=sys.stderr)
    if "articles" in only:
        from bench import articles

        print("any article, in any chat: intake and a store of many chats…", file=sys.stderr)
        results["articles"] = articles.measure(quick=args.quick)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=1))
    report = render(results)
    print(report)
    if not args.quick and only != set(SECTIONS):
        if "articles" in results:
            update_articles_section(DOCS / "BENCHMARKS.md", results)
        return 0
    if not args.quick:
        DOCS.mkdir(exist_ok=True)
        (DOCS / "BENCHMARKS.md").write_text(report)
        if "search" in results:
            plot(results["search"], DOCS / "bench_search.png")
    return 0


def goals(results: dict[str, Any]) -> list[str]:
    """Each goal of the performance issue, with the measured figure and whether it is met."""
    rows: list[tuple[str, str, bool]] = []
    engine = results.get("engine")
    if engine:
        rows.append(("answer latency, bundled article, median ≤ 50 µs",
                     fmt_us(engine["median_us"]), engine["median_us"] <= 50))
    big = {r["engine"]: r for r in results.get("search", [])
           if r.get("size") == 100_000 and "median_us" in r}
    project = big.get("project")
    if project:
        rows.append(("100,000 paragraphs: top-5 median ≤ 200 µs", fmt_us(project["median_us"]),
                     project["median_us"] <= 200))
        agreement = project.get("agreement", {})
        same = agreement.get("same_top5") == agreement.get("sample")
        rows.append(("… same top-5 and scores (1e-9) as the rank-bm25 scorer",
                     f"{agreement.get('same_top5')}/{agreement.get('sample')}, "
                     f"Δ ≤ {agreement.get('max_score_diff', float('nan')):.1e}",
                     same and agreement.get("max_score_diff", 1.0) <= 1e-9))
        for peer, wanted in (("rank-bm25", 100.0), ("tantivy", 1.0)):
            if peer in big:
                ratio = big[peer]["median_us"] / project["median_us"]
                label = ("hundreds of times faster than plain rank-bm25" if peer == "rank-bm25"
                         else "at least as fast as tantivy")
                rows.append((f"… {label}", f"{ratio:,.1f}× faster", ratio >= wanted))
        rows.append(("… index build ≤ 5 s", f"{project['build_s']:.2f} s", project["build_s"] <= 5))
        rows.append(("… index memory ≤ 100 MB", f"{project['memory_mb']:.0f} MB",
                     project["memory_mb"] <= 100))
    bot = results.get("bot")
    if bot:
        rows.append(("bot: ≥ 300 answered updates per second",
                     f"{bot['burst_per_second']:,.0f}/s", bot["burst_per_second"] >= 300))
        rows.append(("bot: median reply latency < 10 ms", f"{bot['paced_median_ms']:.1f} ms",
                     bot["paced_median_ms"] < 10))
        rows.append(("bot: resident memory < 120 MB after a thousand answers",
                     f"{bot['rss_after_mb']:.0f} MB", bot["rss_after_mb"] < 120))
    startup = results.get("startup")
    if startup:
        rows.append(("start-up < 1.5 s", f"{startup['startup_median_s']:.2f} s",
                     startup["startup_median_s"] < 1.5))
    attributed = results.get("attribution")
    if attributed:
        rows.append(("attribution, bundled article ≤ 5 ms", f"{attributed['bundled_ms']:.2f} ms",
                     attributed["bundled_ms"] <= 5))
        for language in ("fr", "en"):
            seconds = attributed[f"{language}_2000_s"]
            rows.append((f"attribution, 2,000 paragraphs ({language}) ≤ 1 s", f"{seconds:.2f} s",
                         seconds <= 1))
    if not rows:
        return []
    lines = ["## Goals", "", "| goal | measured | met |", "| --- | ---: | :---: |"]
    lines += [f"| {goal} | {value} | {'yes' if ok else '**no**'} |" for goal, value, ok in rows]
    return [*lines, ""]


def articles_section(results: dict[str, Any]) -> list[str]:
    """The section of "any article, in any chat", with its own goals, between markers."""
    from bench import articles

    measured = results["articles"]
    rows = articles.goals(measured)
    return [
        ARTICLES_START, "## Any article, in any chat", "",
        f"Run on {results['date']}: {results['machine']} (`python -m bench --only articles`).",
        "", "| goal | measured | met |", "| --- | ---: | :---: |",
        *[f"| {goal} | {value} | {'yes' if ok else '**no**'} |" for goal, value, ok in rows],
        "", *measured["lines"], "", ARTICLES_END,
    ]


def update_articles_section(path: Path, results: dict[str, Any]) -> None:
    """Replace (or add) the articles section of an existing report, leaving the rest as it is."""
    section = "\n".join(articles_section(results))
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    if ARTICLES_START in text and ARTICLES_END in text:
        head, _, rest = text.partition(ARTICLES_START)
        _, _, tail = rest.partition(ARTICLES_END)
        text = head + section + tail
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text)


def render(results: dict[str, Any]) -> str:
    lines = ["# Benchmarks", "", f"Run on {results['date']}: {results['machine']}.",
             "Produced by `make bench` (`python -m bench`); figures from one run, side by side.",
             "", *goals(results)]
    engine = results.get("engine")
    if engine:
        lines += [
            "## Answer latency on the bundled article", "",
            f"The whole engine path (question analysis, search, quotation choice, Telegram HTML "
            f"rendering) over {engine['answers']:,} answers to {engine['distinct_questions']} "
            f"distinct questions: **median {fmt_us(engine['median_us'])}**, p99 "
            f"{fmt_us(engine['p99_us'])}; a question asked for the first time (per-word caches "
            f"cold) takes {fmt_us(engine['first_time_mean_us'])} on average. Goal: median ≤ 50 µs.",
            "",
        ]
    if results.get("search"):
        lines += ["## Search at scale", "",
                  "Seeded French-like corpora (~40 words a paragraph), analysed once by the "
                  "project's chain; every engine indexes the same terms and answers the same "
                  "2–5-term queries (top 5). Each engine runs in its own interpreter: memory is "
                  "its resident-memory growth while building. Plain rank-bm25 is `get_scores` "
                  "and a sort (30 queries at ≥ 10,000 paragraphs: it is slow).", ""]
        lines += search_table(results["search"])
        lines += ["", "![search latency](bench_search.png)", ""]
    startup = results.get("startup")
    if startup:
        lines += ["## Start-up and memory", "", *startup.get("lines", []), ""]
    bot = results.get("bot")
    if bot:
        lines += ["## Bot end to end", "", *bot.get("lines", []), ""]
    if results.get("attribution"):
        lines += ["## Attribution", "", *attribution.lines(results["attribution"]), ""]
    if results.get("articles"):
        lines += [*articles_section(results), ""]
    if NOTES.is_file():  # what the figures mean, written by hand: kept across runs
        lines += [NOTES.read_text(encoding="utf-8").strip(), ""]
    return "\n".join(lines) + "\n"


#: Hand-written reading of the figures, appended to every report.
NOTES = Path(__file__).resolve().parent / "NOTES.md"


if __name__ == "__main__":
    sys.exit(main())
