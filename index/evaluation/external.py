"""The external sets of ``<shared>/external`` scored by the shared scorers, split in two.

Each set is split by article id into a part we tune on (``dev``) and a part we only report
(``held-out``): the ids ordered by the SHA-256 of the id, the first half (rounded up) is ``dev``.
The rule needs nothing but the id, so anyone can recompute it; ``docs/EVALUATION.md`` lists the
resulting ids. The figures are the shared scorers' own (``tools/score_qa.py``,
``tools/score_quotes.py``, run as subprocesses on this checkout), recomputed per split from
their per-question and per-article output with the same definitions.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

Split = Literal["dev", "held-out"]
SPLITS: tuple[Split, ...] = ("dev", "held-out")
QA_SETS = ("squad2_en", "piaf_fr")
QUOTE_SETS = ("ggt_en", "fr_press")
_REPO = Path(__file__).resolve().parents[2]


def split_ids(ids: Iterable[str]) -> dict[Split, list[str]]:
    """The ids of one set in its two halves, each sorted by id."""
    ordered = sorted(set(ids), key=lambda i: hashlib.sha256(i.encode("utf-8")).hexdigest())
    cut = math.ceil(len(ordered) / 2)
    return {"dev": sorted(ordered[:cut]), "held-out": sorted(ordered[cut:])}


def set_ids(folder: Path) -> list[str]:
    """The article ids of a set folder (``articles/<id>.txt``)."""
    return sorted(p.stem for p in (folder / "articles").glob("*.txt"))


def _pct(a: float, b: float) -> float | None:
    return round(100.0 * a / b, 1) if b else None


def qa_figures(detail: list[dict[str, Any]], ids: set[str]) -> dict[str, Any]:
    """score_qa.py's figures over the questions of the articles ``ids``."""
    rows = [d for d in detail if d.get("article") in ids and "kind" in d]
    ans = [d for d in rows if d["kind"] == "answerable"]
    n = len(ans)
    out: dict[str, Any] = {"articles": len(ids), "answerable": n}
    out["hit1"] = _pct(sum(bool(d.get("hit1")) for d in ans), n)
    out["hit3"] = _pct(
        sum(d["found"] and any(p in d["gold"] for p in d["top"][:3]) for d in ans), n
    )
    out["answerable_declined"] = _pct(sum(not d["found"] for d in ans), n)
    for kind in ("unanswerable", "off_article"):
        neg = [d for d in rows if d["kind"] == kind]
        out[f"{kind}_declined"] = _pct(sum(not d["found"] for d in neg), len(neg))
        out[f"{kind}_n"] = len(neg)
    for ref in ("ref_bm25", "ref_bm25_stem"):
        ranked = [d for d in ans if d.get(ref)]
        out[f"{ref}_hit1"] = _pct(sum(d[ref][0] in d["gold"] for d in ranked), len(ranked))
        out[f"{ref}_hit3"] = _pct(
            sum(any(p in d["gold"] for p in d[ref][:3]) for d in ranked), len(ranked)
        )
    out["errors"] = sum(1 for d in detail if d.get("article") in ids and "error" in d)
    return out


def quote_figures(figures: dict[str, int]) -> dict[str, Any]:
    """score_quotes.py's headline figures from its totals."""
    g = figures.get
    return {
        "direct_recall": _pct(g("found_direct", 0), g("gold_direct", 0)),
        "direct_speaker": _pct(g("spk_ok_direct", 0), g("found_direct", 0)),
        "indirect_recall": _pct(g("found_indirect", 0), g("gold_indirect", 0)),
        "indirect_speaker": _pct(g("spk_ok_indirect", 0), g("found_indirect", 0)),
        "precision": _pct(g("pred_matched", 0), g("pred", 0)),
        "direct": g("gold_direct", 0),
        "indirect": g("gold_indirect", 0),
    }


def _python() -> str:
    venv = _REPO / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def score_qa(shared: Path, name: str) -> dict[Split, dict[str, Any]]:
    """Run the shared QA scorer on one set; its figures per split."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "qa.json"
        subprocess.run(
            [_python(), str(shared / "tools" / "score_qa.py"), "--project", str(_REPO),
             "--set", name, "--json", str(out)],
            check=True, capture_output=True, text=True,
        )
        detail = json.loads(out.read_text("utf-8"))["detail"]
    halves = split_ids(set_ids(shared / "external" / "qa" / name))
    return {split: qa_figures(detail, set(ids)) for split, ids in halves.items()}


def score_quotes(shared: Path, name: str, jobs: int = 2) -> dict[Split, dict[str, Any]]:
    """Run the shared quotation scorer on each split of one set (a folder of links each)."""
    base = (shared / "external" / "quotes" / name).resolve()
    result: dict[Split, dict[str, Any]] = {}
    for split, ids in split_ids(set_ids(base)).items():
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / f"{name}-{split}"
            for sub in ("articles", "gold"):
                (corpus / sub).mkdir(parents=True)
            for i in ids:
                os.symlink(base / "articles" / f"{i}.txt", corpus / "articles" / f"{i}.txt")
                os.symlink(base / "gold" / f"{i}.json", corpus / "gold" / f"{i}.json")
            out = Path(tmp) / "quotes.json"
            subprocess.run(
                [_python(), str(shared / "tools" / "score_quotes.py"), "--project", str(_REPO),
                 "--corpus", str(corpus), "--jobs", str(jobs), "--json", str(out)],
                check=True, capture_output=True, text=True,
            )
            data = json.loads(out.read_text("utf-8"))
        figures = quote_figures(data["figures"])
        figures["articles"] = len(ids)
        figures["crashes"] = len(data.get("crashes", {}))
        figures["error_categories"] = data.get("speaker_error_categories", {})
        result[split] = figures
    return result


def _cell(value: object) -> str:
    return "n/a" if value is None else f"{value}"


def _bm25_stem_ranking(paragraphs: list[str], question: str, language: str) -> list[int]:
    """Plain rank-bm25 (BM25Okapi, defaults) over lower-case \\w+ tokens with the language's
    Snowball stemmer, as the shared scorer's ``ref_bm25_stem``: the top 3 paragraphs."""
    import re

    import Stemmer
    from rank_bm25 import BM25Okapi

    stem = Stemmer.Stemmer({"fr": "french", "en": "english"}.get(language, "english")).stemWords
    docs = [stem(re.findall(r"\w+", p.lower())) for p in paragraphs]
    scores = BM25Okapi(docs).get_scores(stem(re.findall(r"\w+", question.lower())))
    return sorted(range(len(paragraphs)), key=lambda i: (-scores[i], i))[:3]


def news_figures(shared: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """The shared real articles, the bundled article and our own articles, per language, in
    the figures of :func:`qa_figures` (all development data): asked of the engine in this
    process, with plain rank-bm25 + stemmer on the same questions."""
    from index.engine import Engine
    from index.evaluation.dataset import Asked, all_questions, article_at

    engines: dict[str, Engine] = {}
    groups: dict[tuple[str, str], list[tuple[Asked, bool, list[int], list[int]]]] = {}
    for asked in all_questions(shared):
        if asked.source not in ("real", "own", "bundled"):
            continue
        engine = engines.get(asked.article)
        if engine is None:
            engine = engines[asked.article] = Engine(article_at(asked.article))
        answer = engine.answer(asked.mode, asked.question)
        texts = [p.text for p in engine.article.paragraphs]
        reference = _bm25_stem_ranking(texts, asked.question, asked.language)
        groups.setdefault((asked.source, asked.language), []).append(
            (asked, answer.found, [r.paragraph for r in answer.results], reference)
        )
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for key, rows in sorted(groups.items()):
        ans = [(a, f, top, ref) for a, f, top, ref in rows if a.answerable]
        neg = [(a, f) for a, f, _, _ in rows if not a.answerable]
        n = len(ans)
        out[key] = {
            "answerable": n,
            "hit1": _pct(sum(f and bool(top) and top[0] in a.gold for a, f, top, _ in ans), n),
            "hit3": _pct(sum(f and any(p in a.gold for p in top[:3]) for a, f, top, _ in ans), n),
            "answerable_declined": _pct(sum(not f for _, f, _, _ in ans), n),
            "unanswerable_declined": _pct(sum(not f for _, f in neg), len(neg)),
            "unanswerable_n": len(neg),
            "off_article_declined": None,
            "ref_bm25_stem_hit1": _pct(sum(ref[0] in a.gold for a, _, _, ref in ans), n),
            "ref_bm25_stem_hit3": _pct(
                sum(any(p in a.gold for p in ref) for a, _, _, ref in ans), n
            ),
        }
    return out


def _print_row(name: str, language: str, split: str, f: dict[str, Any]) -> None:
    print(f"{name:10} {language:4} {split:9} {_cell(f['hit1']):>6} {_cell(f['hit3']):>6} "
          f"{_cell(f['answerable_declined']):>8} "
          f"{_cell(f['unanswerable_declined']):>10} "
          f"{_cell(f['off_article_declined']):>8} "
          f"{_cell(f['ref_bm25_stem_hit1']):>10} {_cell(f['ref_bm25_stem_hit3']):>10}")


def report(shared: Path, only: str | None = None) -> dict[str, Any]:
    """Print the external sets' figures, dev and held-out side by side; return them."""
    external = shared / "external"
    figures: dict[str, Any] = {}
    if not (shared / "tools").is_dir() or not external.is_dir():
        print(f"== external sets: skipped, no scorers or sets under {shared}")
        return figures
    if only in (None, "search"):
        print("== QA: external sets (shared score_qa.py, dev | held-out), then the news articles "
              "(all dev), per language ==")
        print("   declined: answerable / in-article unanswerable / off-article questions, %")
        print(f"{'set':10} {'lang':4} {'split':9} {'hit@1':>6} {'hit@3':>6} {'ans.decl':>8} "
              f"{'unans.decl':>10} {'off.decl':>8} {'bm25stem@1':>10} {'bm25stem@3':>10}")
        for name in QA_SETS:
            if not (external / "qa" / name).is_dir():
                print(f"{name}: skipped, not found under {external / 'qa'}")
                continue
            figures[name] = score_qa(shared, name)
            language = name.rsplit("_", 1)[-1]
            for split, f in figures[name].items():
                if f["errors"]:
                    print(f"   {f['errors']} articles of {name} {split} failed in the CLI")
                _print_row(name, language, split, f)
        news = news_figures(shared)
        figures["news"] = {f"{source}_{language}": f for (source, language), f in news.items()}
        for (source, language), f in news.items():
            _print_row(source, language, "dev", f)
    if only in (None, "quotes"):
        print("== external quotation sets (shared score_quotes.py), dev | held-out ==")
        print(f"{'set':10} {'split':9} {'dir.rec':>7} {'dir.spk':>7} {'ind.rec':>7} "
              f"{'ind.spk':>7} {'prec':>6}")
        for name in QUOTE_SETS:
            if not (external / "quotes" / name).is_dir():
                print(f"{name}: skipped, not found under {external / 'quotes'}")
                continue
            figures[name] = score_quotes(shared, name)
            for split, f in figures[name].items():
                print(f"{name:10} {split:9} {_cell(f['direct_recall']):>7} "
                      f"{_cell(f['direct_speaker']):>7} {_cell(f['indirect_recall']):>7} "
                      f"{_cell(f['indirect_speaker']):>7} {_cell(f['precision']):>6}")
                if f["crashes"]:
                    print(f"   {f['crashes']} articles of {name} {split} crashed the CLI")
    return figures
