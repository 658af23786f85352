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
        lengths = np.fromiter((len(d) for d in documents), dtype=np.int64, count=n)
        # rank-bm25 divides by the mean length; an empty corpus has none, so use 1
        avgdl = float(lengths.mean()) if n and lengths.sum() > 0 else 1.0
        term_ids: dict[str, int] = {}
        flat = np.fromiter(
            (term_ids.setdefault(t, len(term_ids)) for d in documents for t in d),
            dtype=np.int64,
            count=int(lengths.sum()),
        )
        # one key per token, (term, row) in order; equal neighbours are the same posting
        keys = np.sort(flat * max(n, 1) + np.repeat(np.arange(n, dtype=np.int64), lengths))
        first = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else keys
        tf = np.diff(np.r_[first, len(keys)]).astype(np.float64)
        postings = keys[first]
        terms = postings // max(n, 1)
        rows = (postings % max(n, 1)).astype(np.int32)
        df = np.bincount(terms, minlength=len(term_ids))
        ends = np.cumsum(df)
        starts = ends - df
        idf = np.log(1.0 + (n - df + 0.5) / (df + 0.5))
        norm = k1 * (1.0 - b + b * lengths[rows] / avgdl)
        self._rows: IntArray = rows
        self._weights: FloatArray = np.repeat(idf, df) * (tf * (k1 + 1.0) / (tf + norm))
        # the largest weight of each term bounds what it can add to any paragraph (MaxScore)
        peaks = np.maximum.reduceat(self._weights, starts) if len(self._weights) else starts
        self._span = {t: (int(starts[i]), int(ends[i])) for t, i in term_ids.items()}
        self._peak = {t: float(peaks[i]) for t, i in term_ids.items()}
        self.idf = {t: float(idf[i]) for t, i in term_ids.items()}
        self.document_count = n

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

    def search(
        self, query: Sequence[str], limit: int = 3, weights: Sequence[float] | None = None
    ) -> list[Hit]:
        """The best ``limit`` paragraphs for the analysed ``query``, best first; [] if none match.

        Same scores as :meth:`scores` (and rank-bm25), equal scores in paragraph order. Rare
        terms are added up first; once the k-th best partial score exceeds what all remaining
        terms could still add, only the paragraphs already found can make the top k (MaxScore).
        """
        factor: dict[str, float] = {}
        for i, term in enumerate(query):
            if term in self._span:
                factor[term] = factor.get(term, 0.0) + (1.0 if weights is None else weights[i])
        if not factor or limit <= 0:
            return []
        terms = sorted(factor, key=lambda t: -factor[t] * self._peak[t])
        bounds = [factor[t] * self._peak[t] for t in terms]
        rows = np.empty(0, dtype=np.int32)
        scores = np.empty(0, dtype=np.float64)
        dense: FloatArray | None = None
        for j, term in enumerate(terms):
            start, end = self._span[term]
            term_rows, term_weights = self._rows[start:end], factor[term] * self._weights[start:end]
            if dense is None and len(rows) + len(term_rows) > self.document_count // 8:
                dense = np.zeros(self.document_count, dtype=np.float64)
                dense[rows] = scores
            if dense is not None:
                dense[term_rows] += term_weights
                continue
            rows, scores = _merge(rows, scores, term_rows, term_weights)
            remaining = sum(bounds[j + 1:])
            if j + 1 < len(terms) and len(rows) >= limit:
                kth = np.partition(scores, len(rows) - limit)[len(rows) - limit]
                if remaining < kth:
                    for other in terms[j + 1:]:
                        scores += factor[other] * self._weights_at(other, rows)
                    break
        if dense is not None:
            rows = np.flatnonzero(dense).astype(np.int32)
            scores = dense[rows]
        return self._top(rows, scores, limit)

    def _weights_at(self, term: str, rows: IntArray) -> FloatArray:
        """The weight of ``term`` in each of ``rows`` (0 where it is absent)."""
        start, end = self._span[term]
        postings = self._rows[start:end]
        at = np.minimum(np.searchsorted(postings, rows), len(postings) - 1)
        found = postings[at] == rows
        return np.where(found, self._weights[start:end][at], 0.0)

    def _top(self, rows: IntArray, scores: FloatArray, limit: int) -> list[Hit]:
        if len(rows) > limit:
            kth = np.partition(scores, len(rows) - limit)[len(rows) - limit]
            keep = scores >= kth  # every row tied with the k-th, so ties keep paragraph order
            rows, scores = rows[keep], scores[keep]
        order = np.lexsort((rows, -scores))[:limit]
        return [Hit(int(self.ids[rows[i]]), float(scores[i])) for i in order if scores[i] > 0]

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
        at = int(np.searchsorted(self.ids, paragraph))
        if at < len(self.ids) and int(self.ids[at]) == paragraph:
            return at
        return int(np.flatnonzero(self.ids == paragraph)[0])  # ids given out of order


def _merge(
    rows: IntArray, scores: FloatArray, more_rows: IntArray, more_scores: FloatArray
) -> tuple[IntArray, FloatArray]:
    """The sum of two sparse score vectors whose rows are ascending."""
    if not len(rows):
        return more_rows, more_scores
    union = np.union1d(rows, more_rows)
    merged = np.zeros(len(union), dtype=np.float64)
    merged[np.searchsorted(union, rows)] += scores
    merged[np.searchsorted(union, more_rows)] += more_scores
    return union, merged


def reference_scorer(
    documents: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75
) -> PositiveIdfBM25:
    """rank-bm25 over the same paragraphs and idf: the scorer the fast path is checked against."""
    return PositiveIdfBM25([list(d) for d in documents], k1=k1, b=b)
