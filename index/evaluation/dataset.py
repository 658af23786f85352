"""Every question with gold the project may learn from or report on, in one shape.

Sources: the external QA sets (``<shared>/external/qa/<set>``, split by article id into a
``dev`` and a ``held-out`` half, see :func:`index.evaluation.external.split_ids`), the shared
real articles (``<shared>/real``, dev), the bundled article's development questions (dev) and our
own search articles (``tests/corpus``, dev). Files are read in place, never copied.

Off-article questions: the QA sets carry ten per article (questions of articles outside the
sample). :func:`off_article_questions` draws more from the *same half* of the same set (a
question written for another article of it), so that a fit on dev never sees a held-out question.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from index.article import Article, load_article
from index.engine import Mode
from index.evaluation.external import QA_SETS, split_ids

_ROOT = Path(__file__).resolve().parents[2]
OWN_CORPUS = _ROOT / "tests" / "corpus"

Kind = Literal["answerable", "unanswerable", "off_article"]
Split = Literal["dev", "held-out"]


@dataclass(frozen=True)
class Asked:
    """One question asked of one article, with the paragraphs that answer it (none: no answer)."""

    #: "squad2_en", "piaf_fr" (":drawn" for the off-article questions drawn here), "real",
    #: "own", "bundled"
    source: str
    split: Split
    article: str  # the article file's path ("" for the bundled article)
    language: str
    mode: Mode
    question: str
    gold: tuple[int, ...]
    kind: Kind

    @property
    def answerable(self) -> bool:
        return self.kind == "answerable"


def _mode(kind: str) -> Mode:
    return "who" if kind == "who" else "quote" if kind == "quote" else "ask"


@cache
def article_at(path: str) -> Article:
    """The article of a file ('' for the bundled one), loaded once per process."""
    return load_article(path or None)


def external_questions(shared: Path, name: str) -> Iterator[Asked]:
    """The questions of one external QA set, each tagged with its article's half."""
    folder = shared / "external" / "qa" / name
    ids = sorted(p.stem for p in (folder / "articles").glob("*.txt"))
    halves = split_ids(ids)
    language = name.rsplit("_", 1)[-1]
    for split in ("dev", "held-out"):
        for article_id in halves[split]:
            path = str(folder / "articles" / f"{article_id}.txt")
            raw = json.loads((folder / "questions" / f"{article_id}.json").read_text("utf-8"))
            for q in raw:
                yield Asked(name, split, path, language, "ask", q["q"],
                            tuple(q["gold_paragraphs"]), q["kind"])


def off_article_questions(
    shared: Path, name: str, split: Split, per_article: int, seed: int = 20261207
) -> Iterator[Asked]:
    """``per_article`` answerable questions of *other* articles of the same half of one set, asked
    of each article of that half: the right reply is "no answer"."""
    folder = shared / "external" / "qa" / name
    ids = split_ids(p.stem for p in (folder / "articles").glob("*.txt"))[split]
    language = name.rsplit("_", 1)[-1]
    pool: dict[str, list[str]] = {}
    for article_id in ids:
        raw = json.loads((folder / "questions" / f"{article_id}.json").read_text("utf-8"))
        pool[article_id] = [q["q"] for q in raw if q["kind"] == "answerable"]
    rng = random.Random(seed)
    for article_id in ids:
        others = [q for other in ids if other != article_id for q in pool[other]]
        path = str(folder / "articles" / f"{article_id}.txt")
        for question in rng.sample(others, min(per_article, len(others))):
            yield Asked(f"{name}:drawn", split, path, language, "ask", question, (), "off_article")


def other_language_questions(
    shared: Path, name: str, other: str, split: Split, per_article: int, seed: int = 20261208
) -> Iterator[Asked]:
    """``per_article`` answerable questions of the same half of the set ``other`` (in the
    other language), asked of each article of the set ``name``: a reader who types in the other
    language about something the article does not tell."""
    folder = shared / "external" / "qa" / name
    ids = split_ids(p.stem for p in (folder / "articles").glob("*.txt"))[split]
    language = name.rsplit("_", 1)[-1]
    other_folder = shared / "external" / "qa" / other
    pool = [
        q["q"]
        for other_id in split_ids(p.stem for p in (other_folder / "articles").glob("*.txt"))[split]
        for q in json.loads((other_folder / "questions" / f"{other_id}.json").read_text("utf-8"))
        if q["kind"] == "answerable"
    ]
    rng = random.Random(seed)
    for article_id in ids:
        path = str(folder / "articles" / f"{article_id}.txt")
        for question in rng.sample(pool, min(per_article, len(pool))):
            yield Asked(f"{name}:other-language", split, path, language, "ask", question, (),
                        "off_article")


def gold_questions(source: str, articles: Path, gold: Path, pattern: str) -> Iterator[Asked]:
    """The questions of gold files in the real/own format (``questions`` with ``kind``)."""
    for gold_file in sorted(gold.glob(pattern)) if gold.is_dir() else []:
        article = articles / f"{gold_file.stem}.txt"
        if not article.is_file():
            continue
        data = json.loads(gold_file.read_text("utf-8"))
        language = data.get("language") or article_at(str(article)).language
        for q in data["questions"]:
            golden = tuple(q["gold_paragraphs"])
            yield Asked(source, "dev", str(article), language, _mode(q["kind"]), q["q"], golden,
                        "answerable" if golden else "unanswerable")


def bundled_questions(shared: Path) -> Iterator[Asked]:
    """The bundled article's development questions."""
    dev = shared / "dev_questions.json"
    if not dev.is_file():
        return
    for q in json.loads(dev.read_text("utf-8"))["questions"]:
        golden = tuple(q["gold_paragraphs"])
        yield Asked("bundled", "dev", "", "fr", _mode(q["kind"]), q["q"], golden,
                    "answerable" if golden else "unanswerable")


def all_questions(shared: Path, extra_off_article: int = 0) -> list[Asked]:
    """Every question of every source (both halves of the external sets); with
    ``extra_off_article``, that many more off-article questions per external article."""
    asked: list[Asked] = []
    for name in QA_SETS:
        if (shared / "external" / "qa" / name).is_dir():
            asked.extend(external_questions(shared, name))
            others = [o for o in QA_SETS if o != name and (shared / "external" / "qa" / o).is_dir()]
            if extra_off_article:
                for split in ("dev", "held-out"):
                    asked.extend(off_article_questions(
                        shared, name, split, extra_off_article
                    ))
                    for other in others:
                        asked.extend(other_language_questions(
                            shared, name, other, split, extra_off_article // 3
                        ))
    asked.extend(gold_questions("real", shared / "real" / "articles", shared / "real" / "gold",
                                "*.json"))
    asked.extend(bundled_questions(shared))
    asked.extend(gold_questions("own", OWN_CORPUS / "articles", OWN_CORPUS / "gold",
                                "search_*.json"))
    return asked
