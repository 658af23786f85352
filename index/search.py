"""BM25 over paragraphs, scored by rank-bm25 with an idf that stays positive on short articles."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from rank_bm25 import BM25Okapi


@dataclass(frozen=True)
class Hit:
    """A paragraph that matched, with its BM25 score."""

    paragraph: int
    score: float


class PositiveIdfBM25(BM25Okapi):  # type: ignore[misc]
    """rank-bm25's Okapi scoring with Lucene's idf, ``ln(1 + (N - df + 0.5) / (df + 0.5))``.

    BM25Okapi's own idf is zero or negative (then floored) for a word in half the paragraphs or
    more, which on a 15-paragraph article throws away the words that matter most.
    """

    def _calc_idf(self, nd: dict[str, int]) -> None:
        self.idf = {
            word: math.log(1.0 + (self.corpus_size - df + 0.5) / (df + 0.5))
            for word, df in nd.items()
        }


class ParagraphIndex:
    """Analysed paragraphs, searchable by BM25; ``ids`` map rows back to paragraph numbers."""

    def __init__(
        self,
        documents: Sequence[Sequence[str]],
        ids: Sequence[int] | None = None,
        k1: float = 1.2,
        b: float = 0.75,
    ) -> None:
        self.ids = list(ids) if ids is not None else list(range(len(documents)))
        self.vocabulary = frozenset(term for doc in documents for term in doc)
        self._bm25 = PositiveIdfBM25([list(doc) or [""] for doc in documents], k1=k1, b=b)

    def search(self, query: Sequence[str], limit: int = 3) -> list[Hit]:
        """The best ``limit`` paragraphs for the analysed ``query``, best first; [] if none."""
        terms = [t for t in query if t in self.vocabulary]
        if not terms or not self.ids:
            return []
        scores = self._bm25.get_scores(terms)
        ranked = sorted(range(len(self.ids)), key=lambda i: (-scores[i], i))
        return [Hit(self.ids[i], float(scores[i])) for i in ranked[:limit] if scores[i] > 0]
