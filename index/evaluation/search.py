"""Search quality: hit@1, MRR, no-answer accuracy and speaker accuracy, per question set.

Question sets: the dev set on the bundled article (``<shared>/dev_questions.json``), the shared
real articles (``<shared>/real/articles`` with ``<shared>/real/gold``, read in place, never
copied), and the project's own ``search_*`` test articles (``tests/corpus``).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.analysis import fold_accents
from index.article import load_article
from index.engine import Answer, Engine, Mode
from index.quotes import Quote, Speaker

_ROOT = Path(__file__).resolve().parents[2]
OWN_CORPUS = _ROOT / "tests" / "corpus"
#: Results looked at for the reciprocal rank.
RANK_DEPTH = 10


@dataclass(frozen=True)
class Question:
    q: str
    kind: str
    gold_paragraphs: tuple[int, ...]
    gold_speaker: str | None


@dataclass(frozen=True)
class QuestionSet:
    name: str
    engine: Engine
    questions: tuple[Question, ...]
    #: the same article with the gold quotations: search measured apart from attribution
    gold_engine: Engine | None = None


@dataclass
class Scores:
    """Running totals for one question set."""

    answerable: int = 0
    hits: int = 0
    reciprocal_ranks: float = 0.0
    no_answer: int = 0
    no_answer_right: int = 0
    with_speaker: int = 0
    speaker_right: int = 0
    #: declined questions shown a nearest passage, by what the reply says the article does not
    #: say ("who", "about", …) and whether that is so (the question has no gold paragraph)
    hedged: Counter[tuple[str, bool]] = field(default_factory=Counter)
    lines: list[str] = field(default_factory=list)

    def add(self, other: Scores) -> None:
        self.answerable += other.answerable
        self.hits += other.hits
        self.reciprocal_ranks += other.reciprocal_ranks
        self.no_answer += other.no_answer
        self.no_answer_right += other.no_answer_right
        self.with_speaker += other.with_speaker
        self.speaker_right += other.speaker_right
        self.hedged.update(other.hedged)

    def summary(self) -> str:
        def ratio(a: int, b: int) -> str:
            return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "-"

        mrr = f"{self.reciprocal_ranks / self.answerable:.3f}" if self.answerable else "-"
        return (
            f"hit@1 {ratio(self.hits, self.answerable)}  MRR {mrr}  "
            f"no-answer {ratio(self.no_answer_right, self.no_answer)}  "
            f"speaker {ratio(self.speaker_right, self.with_speaker)}"
        )

    def hedged_summary(self) -> str:
        """How often a declined reply's "the article does not say …" is so, per kind of line."""
        kinds = sorted({asks for asks, _ in self.hedged})
        shown = {asks: self.hedged[(asks, True)] + self.hedged[(asks, False)] for asks in kinds}
        line = "  ".join(f"{asks} {self.hedged[(asks, True)]}/{shown[asks]}" for asks in kinds)
        return line or "-"


def names_match(said: str | None, gold: str | None) -> bool:
    """Equal, or one contains the other as whole words (accents and case aside)."""
    if said is None or gold is None:
        return said is gold
    a = re.findall(r"\w+", fold_accents(said.lower()))
    b = re.findall(r"\w+", fold_accents(gold.lower()))
    if not a or not b:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _mode(kind: str) -> Mode:
    return "who" if kind == "who" else "quote" if kind == "quote" else "ask"


def score_set(question_set: QuestionSet) -> Scores:
    """Ask every question of the set and compare with its gold."""
    scores = Scores()
    for question in question_set.questions:
        answer = question_set.engine.answer(_mode(question.kind), question.q, limit=RANK_DEPTH)
        scores.lines.append(_score_one(scores, question, answer))
    return scores


def _score_one(scores: Scores, question: Question, answer: Answer) -> str:
    ranked = [r.paragraph for r in answer.results]
    top = answer.results[0] if answer.results else None
    said = top.quote.speaker.name if top and top.quote and top.quote.speaker else None
    if not answer.found and answer.closest is not None and answer.unsaid is not None:
        scores.hedged[(answer.unsaid.asks, not question.gold_paragraphs)] += 1
    if not question.gold_paragraphs:
        scores.no_answer += 1
        right = not answer.found
        scores.no_answer_right += right
        verdict = "ok " if right else "BAD"
        return f"  {verdict} no-answer  found={answer.found} {ranked[:3]}  {question.q}"
    scores.answerable += 1
    hit = answer.found and bool(ranked) and ranked[0] in question.gold_paragraphs
    scores.hits += hit
    rank = next((i + 1 for i, p in enumerate(ranked) if p in question.gold_paragraphs), None)
    scores.reciprocal_ranks += 1.0 / rank if rank and answer.found else 0.0
    speaker_note = ""
    if question.gold_speaker is not None:
        scores.with_speaker += 1
        speaker_ok = names_match(said, question.gold_speaker)
        scores.speaker_right += speaker_ok
        verdict = "ok" if speaker_ok else "x "
        speaker_note = f"  speaker {verdict} {said!r} vs {question.gold_speaker!r}"
    return (
        f"  {'ok ' if hit else 'BAD'} {question.kind:5} got {ranked[:3]} gold "
        f"{list(question.gold_paragraphs)}{speaker_note}  {question.q}"
    )


def _questions(raw: list[dict[str, Any]]) -> tuple[Question, ...]:
    return tuple(
        Question(q["q"], q["kind"], tuple(q["gold_paragraphs"]), q.get("gold_speaker"))
        for q in raw
    )


def question_sets(shared: Path) -> list[tuple[str, list[QuestionSet]]]:
    """The dev set, the shared real articles and our own search articles, grouped."""
    groups: list[tuple[str, list[QuestionSet]]] = []
    dev_set = shared / "dev_questions.json"
    if dev_set.is_file():
        dev = json.loads(dev_set.read_text(encoding="utf-8"))
        groups.append(("dev set (bundled article)", [
            QuestionSet("bundled", Engine.from_path(None), _questions(dev["questions"]))
        ]))
    else:
        print(f"dev set (bundled article): skipped, no {dev_set}")
    for label, articles, gold in (
        ("real articles (shared)", shared / "real" / "articles", shared / "real" / "gold"),
        ("own search articles", OWN_CORPUS / "articles", OWN_CORPUS / "gold"),
    ):
        sets = []
        pattern = "search_*.json" if "own" in label else "*.json"
        if not gold.is_dir():
            print(f"{label}: skipped, no {gold}")
        for gold_file in sorted(gold.glob(pattern)) if gold.is_dir() else []:
            article = articles / f"{gold_file.stem}.txt"
            if not article.is_file():
                continue
            data = json.loads(gold_file.read_text(encoding="utf-8"))
            loaded = load_article(article)
            sets.append(
                QuestionSet(
                    gold_file.stem,
                    Engine(loaded),
                    _questions(data["questions"]),
                    Engine(loaded, gold_quotes(loaded.paragraphs, data)),
                )
            )
        if sets:
            groups.append((label, sets))
    return groups


def gold_quotes(paragraphs: tuple[Any, ...], gold: dict[str, Any]) -> tuple[Quote, ...]:
    """The gold file's quotations as the quotes module would give them."""
    quotes = []
    for entry in gold["paragraphs"]:
        text = paragraphs[entry["index"]].text
        for quote in entry["quotes"]:
            start = max(text.find(quote["text"]), 0)
            speaker = Speaker(quote["speaker"]) if quote["speaker"] else None
            quotes.append(
                Quote(entry["index"], start, start + len(quote["text"]), quote["text"],
                      quote["kind"], speaker, None)
            )
    return tuple(quotes)


def report(shared: Path, verbose: bool = False) -> None:
    """Print the search figures: per set, per group and overall."""
    print("search evaluation")
    for label, sets in question_sets(shared):
        group, with_gold = Scores(), Scores()
        print(f"\n{label}")
        for question_set in sets:
            scores = score_set(question_set)
            group.add(scores)
            print(f"  {question_set.name:32} {scores.summary()}")
            if verbose:
                for line in scores.lines:
                    print("  " + line)
            if question_set.gold_engine is not None:
                with_gold.add(score_set(dataclasses.replace(
                    question_set, engine=question_set.gold_engine
                )))
        if len(sets) > 1:
            print(f"  {'all':32} {group.summary()}")
        if with_gold.answerable:
            print(f"  {'all, with gold quotations':32} {with_gold.summary()}")
        if group.hedged:
            print(f"  {'declined, line true / shown':32} {group.hedged_summary()}")
