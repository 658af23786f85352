"""BM25 over paragraphs: rank-bm25 is the reference scorer, an inverted index the fast path.

For a paragraph D and query terms q₁…qₙ (Robertson/Spärck Jones, as in rank-bm25)::

    score(D, Q) = Σᵢ idf(qᵢ) · f(qᵢ, D) · (k1 + 1) / (f(qᵢ, D) + k1 · (1 - b + b · |D| / avgdl))

with Lucene's idf ``ln(1 + (N - df + 0.5) / (df + 0.5))``, which stays positive and falls as a
word gets commoner, where BM25Okapi's ``ln((N - df + 0.5) / (df + 0.5))`` turns negative (then is
floored to ``epsilon`` · mean idf) for any word in half the paragraphs of a 15-paragraph article.

Everything but the sum over the query's terms is known at index time, so each (term, paragraph)
weight is computed once and kept in postings (numpy arrays, CSR layout); a question only adds up
the postings of its own terms and partitions the top k.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rank_bm25 import BM25Okapi

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int32]


@dataclass(frozen=True)
class Hit:
    """A paragraph that matched, with its BM25 score."""

    paragraph: int
    score: float


def lucene_idf(n_documents: int, document_frequency: int) -> float:
    """``ln(1 + (N - df + 0.5) / (df + 0.5))``: positive, and smaller for commoner words."""
    return math.log(1.0 + (n_documents - document_frequency + 0.5) / (document_frequency + 0.5))


class PositiveIdfBM25(BM25Okapi):  # type: ignore[misc]
    """rank-bm25's Okapi scoring with Lucene's idf: the reference the fast path must equal."""

    def _calc_idf(self, nd: dict[str, int]) -> None:
        self.idf = {word: lucene_idf(self.corpus_size, df) for word, df in nd.items()}


class ParagraphIndex:
    """Analysed paragraphs searchable by BM25; ``ids`` map rows back to paragraph numbers.

    Postings are kept in CSR form: the rows of term ``t`` are ``_rows[_start[t]:_end[t]]`` (in
    ascending order) and their precomputed BM25 weights ``_weights[...]`` at the same places.
    """

    def __init__(
        self,
        documents: Sequence[Sequence[str]],
        ids: Sequence[int] | None = None,
        k1: float = 1.2,
        b: float = 0.75,
    ) -> None:
        self.ids = np.asarray(list(ids) if ids is not None else range(len(documents)), np.int64)
        self.k1, self.b = k1, b
        n = len(documents)
        lengths = np.fromiter((len(d) for d in documents), dtype=np.float64, count=n)
        # rank-bm25 divides by the mean length; an empty corpus has none, so use 1
        avgdl = float(lengths.mean()) if n and lengths.sum() > 0 else 1.0
        term_ids: dict[str, int] = {}
        posting_terms: list[int] = []
        posting_rows: list[int] = []
        posting_tfs: list[int] = []
        for row, document in enumerate(documents):
            for term, count in Counter(document).items():
                posting_terms.append(term_ids.setdefault(term, len(term_ids)))
                posting_rows.append(row)
                posting_tfs.append(count)
        terms = np.asarray(posting_terms, dtype=np.int32)
        order = np.argsort(terms, kind="stable")  # stable: rows stay ascending within a term
        rows = np.asarray(posting_rows, dtype=np.int32)[order]
        tf = np.asarray(posting_tfs, dtype=np.float64)[order]
        df = np.bincount(terms, minlength=len(term_ids))
        ends = np.cumsum(df)
        starts = ends - df
        idf = np.log(1.0 + (n - df + 0.5) / (df + 0.5))
        norm = k1 * (1.0 - b + b * lengths[rows] / avgdl)
        self._rows: IntArray = rows
        self._weights: FloatArray = np.repeat(idf, df) * (tf * (k1 + 1.0) / (tf + norm))
        self._span = {t: (int(starts[i]), int(ends[i])) for t, i in term_ids.items()}
        self.idf = {t: float(idf[i]) for t, i in term_ids.items()}
        self.document_count = n
        self._row = {int(paragraph): row for row, paragraph in enumerate(self.ids)}

    @property
    def vocabulary(self) -> frozenset[str]:
        return frozenset(self._span)

    def __contains__(self, term: object) -> bool:
        return term in self._span

    def unseen_idf(self) -> float:
        """The idf a word no paragraph holds would have: the ceiling of this index's idf."""
        return lucene_idf(self.document_count, 0)

    def scores(
        self, query: Sequence[str], weights: Sequence[float] | None = None
    ) -> FloatArray:
        """Every row's BM25 score for ``query`` (a repeated term counts twice, as in rank-bm25).

        ``weights`` (one per query term, default 1) scale a term's contribution.
        """
        scores = np.zeros(self.document_count, dtype=np.float64)
        for i, term in enumerate(query):
            span = self._span.get(term)
            if span is None:
                continue
            start, end = span
            weight = 1.0 if weights is None else weights[i]
            scores[self._rows[start:end]] += weight * self._weights[start:end]
        return scores

    def candidates(self, query: Sequence[str]) -> IntArray:
        """The rows that hold at least one of the query's terms, ascending."""
        spans = [self._span[t] for t in set(query) if t in self._span]
        if not spans:
            return np.empty(0, dtype=np.int32)
        if len(spans) == 1:
            return self._rows[spans[0][0]:spans[0][1]]
        return np.unique(np.concatenate([self._rows[s:e] for s, e in spans]))

    def search(
        self, query: Sequence[str], limit: int = 3, weights: Sequence[float] | None = None
    ) -> list[Hit]:
        """The best ``limit`` paragraphs for the analysed ``query``, best first; [] if none match.

        Equal scores keep paragraph order.
        """
        rows = self.candidates(query)
        if not len(rows) or limit <= 0:
            return []
        row_scores = self.scores(query, weights)[rows]
        if len(rows) > limit:
            kth = np.partition(row_scores, len(rows) - limit)[len(rows) - limit]
            keep = row_scores >= kth  # every row tied with the k-th, so ties keep paragraph order
            rows, row_scores = rows[keep], row_scores[keep]
        order = np.lexsort((rows, -row_scores))
        return [
            Hit(int(self.ids[rows[i]]), float(row_scores[i]))
            for i in order[:limit]
            if row_scores[i] > 0
        ]

    def holds(self, row: int, term: str) -> bool:
        """Whether paragraph row ``row`` contains ``term`` (binary search in its postings)."""
        span = self._span.get(term)
        if span is None:
            return False
        postings = self._rows[span[0]:span[1]]
        at = int(np.searchsorted(postings, row))
        return at < len(postings) and int(postings[at]) == row

    def row_of(self, paragraph: int) -> int:
        """The row of paragraph number ``paragraph``."""
        return self._row[paragraph]


def reference_scorer(
    documents: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75
) -> PositiveIdfBM25:
    """rank-bm25 over the same paragraphs and idf: the scorer the fast path is checked against."""
    return PositiveIdfBM25([list(d) for d in documents], k1=k1, b=b)
