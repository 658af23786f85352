"""Scored paragraphs + checks → answer, or decline with the closest paragraph.

One decision per language: a logistic regression over the :data:`~index.checks.FEATURES` of the
best paragraph, fitted on data (the development halves of the external QA sets, the shared real
articles, the bundled article's questions and our own articles; off-article and unanswerable
questions as negatives), shipped as data in ``index/data/<lang>/decision.txt``::

    threshold 0.31     # answer when the probability is at least this
    bias -2.4
    coverage 3.1       # one coefficient per feature, on the feature's own scale
    …

``python -m index.decision fit`` refits both languages from ``../shared/eval`` and prints the
figures of the half it did not see (``--write`` saves the new coefficients).
"""

from __future__ import annotations

import argparse
import logging
import math
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

from index.checks import FEATURES, Checks
from index.lexicon import phrase_list
from index.query import Query

logger = logging.getLogger(__name__)

#: The written threshold is this much under the fitted one (see :meth:`Model.lines`).
THRESHOLD_MARGIN = 1e-4
#: Without fitted data, answer whenever the best paragraph holds this share of the idf mass.
FALLBACK_COVERAGE = 0.3


@dataclass(frozen=True)
class Model:
    """A fitted logistic regression: answer when σ(bias + Σ wᵢ·xᵢ) ≥ threshold."""

    language: str
    bias: float
    weights: tuple[float, ...]
    threshold: float
    #: the (place, weight) of each feature with a weight
    _terms: tuple[tuple[int, float], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        terms = tuple((i, w) for i, w in enumerate(self.weights) if w)
        object.__setattr__(self, "_terms", terms)

    def probability(self, features: list[float]) -> float:
        """The fitted probability that the best paragraph answers the question."""
        if len(features) != len(self.weights):
            raise ValueError(f"{len(features)} features for {len(self.weights)} weights")
        z = self.bias
        for i, weight in self._terms:
            z += weight * features[i]
        if z < -30.0:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def lines(self) -> list[str]:
        """The data file's lines (without comments)."""
        # the threshold a hair lower than fitted: the coefficients, rounded to six decimals, move
        # probabilities by up to ~1e-5, and the question it was set at must stay answered
        threshold = math.floor((self.threshold - THRESHOLD_MARGIN) * 1e6) / 1e6
        out = [f"threshold {threshold:.6f}", f"bias {self.bias:.6f}"]
        out.extend(f"{name} {w:.6f}" for name, w in zip(FEATURES, self.weights, strict=True))
        return out


@cache
def model_for(language: str) -> Model | None:
    """The decision fitted for ``language`` (data/<language>/decision.txt), or None."""
    entries = dict(
        (name, float(value))
        for name, _, value in (e.partition(" ") for e in phrase_list(language, "decision"))
    )
    if "threshold" not in entries or "bias" not in entries:
        return None
    weights = tuple(entries.get(name, 0.0) for name in FEATURES)
    missing = [name for name in FEATURES if name not in entries]
    if missing:
        logger.warning("decision for %s has no coefficient for %s", language, ", ".join(missing))
    return Model(language, entries["bias"], weights, entries["threshold"])


class Verdict(NamedTuple):
    """Whether the best paragraph answers, and how sure the decision is."""

    answers: bool
    probability: float
    features: tuple[float, ...] = ()


class Decision:
    """Whether the best paragraph answers the question, for one article's language."""

    def __init__(self, checks: Checks, language: str) -> None:
        self._checks = checks
        self._model = model_for(language)
        model = self._model
        # a feature the fit gave no weight is not computed
        self._needed = frozenset(
            name for name, weight in zip(FEATURES, model.weights, strict=True) if weight
        ) if model is not None else frozenset({"coverage"})

    def decide(self, query: Query, ranked: list[int], scores: dict[int, float]) -> Verdict:
        """The verdict on ``ranked[0]`` for ``query`` (``ranked``: the rows that score, best
        first; ``scores``: their scores)."""
        if not ranked:
            return Verdict(False, 0.0)
        features = self._checks.features(query, ranked, scores, self._needed)
        model = self._model
        if model is None:
            answers = features[0] >= FALLBACK_COVERAGE
            return Verdict(answers, float(answers), tuple(features))
        probability = model.probability(features)
        return Verdict(probability >= model.threshold, probability, tuple(features))


def main(argv: list[str] | None = None) -> int:
    """``python -m index.decision fit [--shared DIR] [--write]``."""
    parser = argparse.ArgumentParser(prog="python -m index.decision", description=__doc__)
    parser.add_argument("command", choices=["fit"])
    parser.add_argument("--shared", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--write", action="store_true", help="save the fitted coefficients")
    args = parser.parse_args(argv)
    from index.evaluation.fitting import fit_and_report

    return fit_and_report(args.shared, write=args.write)


if __name__ == "__main__":
    sys.exit(main())
