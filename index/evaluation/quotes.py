"""Attribution quality: quotations found and their speakers, against gold files.

Matching follows ``eval/real/SOURCES.md``: quote texts are compared after normalising whitespace,
apostrophes and quotation marks; a found quote matches a gold one when the texts are equal or one
contains the other with high overlap. A speaker is right when it equals the gold speaker (or an
accepted one) or when one name contains the other as whole words.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.article import Article, load_article
from index.quotes import Quote, extract_quotes

#: Shorter over longer text above which a containing match counts.
MIN_OVERLAP = 0.6
_REPO = Path(__file__).resolve().parents[2]


def normalise(text: str) -> str:
    """Lower-case text with one kind of apostrophe, no quotation marks and single spaces."""
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(r"[’‘`´]", "'", text)
    text = re.sub(r"[«»“”„\"‹›]", " ", text)
    text = re.sub(r"[\s\u00a0\u202f]+", " ", text)
    return text.strip(" .,;:")


def texts_match(found: str, gold: str) -> bool:
    a, b = normalise(found), normalise(gold)
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return bool(short) and short in long_ and len(short) / len(long_) >= MIN_OVERLAP


def _words(name: str) -> list[str]:
    return re.findall(r"\w+", normalise(name))


def speaker_matches(found: str | None, gold: str | None, accepted: list[str]) -> bool:
    if found is None or gold is None:
        return found is None and gold is None
    a = _words(found)
    for name in [gold, *accepted]:
        b = _words(name)
        if not a or not b:
            continue
        short, long_ = sorted((a, b), key=len)
        n = len(short)
        if any(long_[i:i + n] == short for i in range(len(long_) - n + 1)):
            return True
    return False


@dataclass
class Score:
    """Counts for one article or a total."""

    direct: int = 0
    direct_found: int = 0
    indirect: int = 0
    indirect_found: int = 0
    attributed: int = 0
    speaker_right: int = 0
    paragraphs: int = 0
    boilerplate_right: int = 0
    false_positives: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("direct", "direct_found", "indirect", "indirect_found", "attributed",
                     "speaker_right", "paragraphs", "boilerplate_right", "false_positives"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def direct_recall(self) -> float:
        return self.direct_found / self.direct if self.direct else 1.0

    @property
    def indirect_recall(self) -> float:
        return self.indirect_found / self.indirect if self.indirect else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.attributed if self.attributed else 1.0

    @property
    def boilerplate_accuracy(self) -> float:
        return self.boilerplate_right / self.paragraphs if self.paragraphs else 1.0

    def line(self, name: str) -> str:
        return (
            f"{name:<34} direct {self.direct_found:>3}/{self.direct:<3} {self.direct_recall:6.1%}"
            f"  indirect {self.indirect_found:>2}/{self.indirect:<2} {self.indirect_recall:6.1%}"
            f"  speaker {self.speaker_right:>3}/{self.attributed:<3} {self.speaker_accuracy:6.1%}"
            f"  boilerplate {self.boilerplate_accuracy:6.1%}  false+ {self.false_positives}"
        )


def score_article(article: Article, gold: dict[str, Any]) -> Score:
    """Compare the quotations found in ``article`` with its gold file."""
    score = Score()
    quotes = extract_quotes(article)
    used: set[int] = set()
    by_paragraph: dict[int, list[tuple[int, Quote]]] = {}
    for i, quote in enumerate(quotes):
        by_paragraph.setdefault(quote.paragraph, []).append((i, quote))
    for entry in gold["paragraphs"]:
        index = entry["index"]
        if index >= len(article.paragraphs):
            continue
        score.paragraphs += 1
        gold_boilerplate = bool(entry.get("is_boilerplate"))
        if article.paragraphs[index].is_boilerplate == gold_boilerplate:
            score.boilerplate_right += 1
        elif score.misses is not None:
            score.misses.append(f"  ¶{index} boilerplate should be {gold_boilerplate}")
        if gold_boilerplate:
            continue
        for wanted in entry["quotes"]:
            if wanted.get("is_real_quotation") is False:
                continue
            kind = wanted["kind"]
            candidates = [(i, q) for i, q in by_paragraph.get(index, [])
                          if i not in used and texts_match(q.text, wanted["text"])]
            same_kind = [c for c in candidates if c[1].kind == kind] or candidates
            if kind == "direct":
                score.direct += 1
            else:
                score.indirect += 1
            if not same_kind:
                score.misses.append(f"  ¶{index} MISSED {kind}: {wanted['text'][:90]!r}")
                continue
            i, quote = same_kind[0]
            used.add(i)
            if kind == "direct":
                score.direct_found += 1
            else:
                score.indirect_found += 1
            score.attributed += 1
            name = quote.speaker.name if quote.speaker else None
            if speaker_matches(name, wanted["speaker"], wanted.get("accepted_speakers") or []):
                score.speaker_right += 1
            else:
                score.misses.append(
                    f"  ¶{index} SPEAKER {name!r} should be {wanted['speaker']!r}: "
                    f"{wanted['text'][:60]!r}"
                )
    for i, quote in enumerate(quotes):
        if i not in used:
            score.false_positives += 1
            who = quote.speaker.name if quote.speaker else None
            score.misses.append(f"  ¶{quote.paragraph} EXTRA {quote.kind} {who!r}: "
                                f"{quote.text[:70]!r}")
    return score


def _evaluate(name: str, article: Article, gold: dict[str, Any], total: Score,
              verbose: bool) -> None:
    score = score_article(article, gold)
    total.add(score)
    print(score.line(name))
    if verbose:
        for miss in score.misses:
            print(miss)


def _pairs(articles: Path, golds: Path, prefix: str = "") -> list[tuple[str, Path, Path]]:
    found = []
    for gold in sorted(golds.glob(f"{prefix}*.json")):
        article = articles / f"{gold.stem}.txt"
        if article.exists():
            found.append((gold.stem, article, gold))
    return found


def report(shared: Path, verbose: bool = False) -> None:
    """Print the quotes figures: bundled article, our own corpus, the shared real articles."""
    print("== quotations (direct recall, indirect recall, speaker accuracy) ==")
    seed = shared / "seed_gold.json"
    if seed.exists():
        bundled = Score()
        _evaluate("bundled (seed_gold)", load_article(), json.loads(seed.read_text("utf-8")),
                  bundled, verbose)
    else:
        print(f"bundled (seed_gold): skipped, no {seed}")
    corpus = _REPO / "tests" / "corpus"
    groups: list[tuple[str, list[tuple[str, Path, Path]]]] = [
        ("own corpus", _pairs(corpus / "articles", corpus / "gold", "quotes_")),
    ]
    real = shared / "real"
    if real.is_dir():
        groups.append(("real articles", _pairs(real / "articles", real / "gold")))
    else:
        print(f"real articles: skipped, no {real}")
    for title, pairs in groups:
        totals: dict[str, Score] = {}
        for name, article_path, gold_path in pairs:
            gold = json.loads(gold_path.read_text("utf-8"))
            lang = gold.get("language", "?")
            _evaluate(name, load_article(article_path), gold, totals.setdefault(lang, Score()),
                      verbose)
        grand = Score()
        for lang, score in sorted(totals.items()):
            print(score.line(f"{title} total {lang}"))
            grand.add(score)
        if totals:
            print(score_line_total(title, grand))


def score_line_total(title: str, score: Score) -> str:
    return score.line(f"{title} TOTAL")


def _score_corpus(shared: Path, name: str, pairs: list[tuple[str, Path, Path]],
                  jobs: int = 2) -> dict[str, Any] | None:
    """The shared quotation scorer over ``pairs`` (id, article, gold), as one corpus."""
    import subprocess
    import tempfile

    from index.evaluation.external import _python, quote_figures

    scorer = shared / "tools" / "score_quotes.py"
    if not scorer.exists() or not pairs:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / name
        for sub in ("articles", "gold"):
            (corpus / sub).mkdir(parents=True)
        for ident, article, gold in pairs:
            (corpus / "articles" / f"{ident}.txt").symlink_to(article.resolve())
            (corpus / "gold" / f"{ident}.json").symlink_to(gold.resolve())
        out = Path(tmp) / "figures.json"
        subprocess.run([_python(), str(scorer), "--project", str(_REPO), "--corpus", str(corpus),
                        "--jobs", str(jobs), "--json", str(out)],
                       check=True, capture_output=True, text=True)
        data = json.loads(out.read_text("utf-8"))
    figures = quote_figures(data["figures"])
    figures["articles"] = len(pairs)
    return figures


def side_by_side(shared: Path, external: dict[str, Any] | None = None,
                 ) -> list[tuple[str, dict[str, Any]]]:
    """Every quotation set under the shared scorer's definitions, one row each: the bundled
    article, our own articles, the shared real articles (per language) and, when given, the
    external sets' dev and held-out halves. Prints the table and returns its rows."""
    rows: list[tuple[str, dict[str, Any]]] = []
    corpus = _REPO / "tests" / "corpus"
    seed = shared / "seed_gold.json"
    groups: list[tuple[str, list[tuple[str, Path, Path]]]] = []
    if seed.exists():
        from index.article import DEFAULT_ARTICLE

        bundled = _REPO / "index" / "articles" / DEFAULT_ARTICLE
        groups.append(("bundled", [("bundled", bundled, seed)]))
    for language in ("fr", "en"):
        groups.append((f"own {language}", _pairs(corpus / "articles", corpus / "gold",
                                                 f"quotes_{language}_")))
    real = shared / "real"
    if real.is_dir():
        for language in ("fr", "en"):
            groups.append((f"real {language}", _pairs(real / "articles", real / "gold",
                                                      f"{language}_")))
    for title, pairs in groups:
        figures = _score_corpus(shared, title.replace(" ", "_"), pairs)
        if figures is not None:
            rows.append((title, figures))
    for name, halves in (external or {}).items():
        for split, figures in halves.items():
            rows.append((f"{name} {split}", figures))
    print("== quotations side by side (shared score_quotes.py, same definitions) ==")
    print(f"{'set':18} {'art.':>4} {'dir.rec':>7} {'dir.spk':>7} {'ind.rec':>7} {'ind.spk':>7} "
          f"{'prec':>6}")
    for title, f in rows:
        cells = [f.get(k) for k in ("direct_recall", "direct_speaker", "indirect_recall",
                                    "indirect_speaker", "precision")]
        print(f"{title:18} {f.get('articles', 0):>4} " +
              " ".join(f"{'n/a' if c is None else c:>7}" for c in cells))
    return rows
