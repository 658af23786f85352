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
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rank_bm25 import BM25Okapi

FloatArray = npt.NDArray[np.float64]
#: Slack for float rounding in the MaxScore bounds, far below any score difference that matters.
_ROUNDING = 1e-9
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
        self._term_ids: dict[str, int] = {}
        term_ids = self._term_ids
        total = int(lengths.sum())
        token_terms = np.fromiter(
            (term_ids.setdefault(t, len(term_ids)) for d in documents for t in d),
            dtype=np.int32,
            count=total,
        )
        token_rows = np.repeat(np.arange(n, dtype=np.int32), lengths)
        # group the tokens by term; stable, so each term's rows stay ascending
        order = np.argsort(token_terms, kind="stable")
        token_terms, token_rows = token_terms[order], token_rows[order]
        del order  # build-time arrays are dropped as soon as done: memory is part of the budget
        new_posting = np.ones(total, dtype=bool)
        new_posting[1:] = token_terms[1:] != token_terms[:-1]
        new_posting[1:] |= token_rows[1:] != token_rows[:-1]
        first = np.flatnonzero(new_posting)
        del new_posting
        tf = np.diff(first, append=total).astype(np.float64)
        terms, rows = token_terms[first], token_rows[first]
        del token_terms, token_rows, first
        df = np.bincount(terms, minlength=len(term_ids))
        del terms
        ends = np.cumsum(df)
        starts = ends - df
        idf = np.log(1.0 + (n - df + 0.5) / (df + 0.5))
        norm = k1 * (1.0 - b + b * lengths[rows] / avgdl)
        self._rows: IntArray = rows
        self._weights: FloatArray = np.repeat(idf, df) * (tf * (k1 + 1.0) / (tf + norm))
        del norm, tf
        self._starts, self._ends, self._idf = starts, ends, idf
        # the largest weight of each term bounds what it can add to any paragraph (MaxScore)
        self._peaks: FloatArray = (
            np.maximum.reduceat(self._weights, starts) if len(self._weights) else idf
        )
        self.document_count = n
        self._local = threading.local()  # per-thread score accumulator: the index stays shared

    @property
    def vocabulary(self) -> frozenset[str]:
        return frozenset(self._term_ids)

    def __contains__(self, term: object) -> bool:
        return term in self._term_ids

    def idf_of(self, term: str, default: float = 0.0) -> float:
        """The idf of ``term`` (``default`` for a word no paragraph holds)."""
        i = self._term_ids.get(term)
        return default if i is None else float(self._idf[i])

    def _span(self, term: str) -> tuple[int, int] | None:
        """Where ``term``'s postings start and end in ``_rows`` / ``_weights``."""
        i = self._term_ids.get(term)
        return None if i is None else (int(self._starts[i]), int(self._ends[i]))

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
            span = self._span(term)
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

        Same scores as :meth:`scores` (and rank-bm25), equal scores in paragraph order. Terms are
        added up rarest first; once the k-th best partial score exceeds what the remaining terms
        could still add, only paragraphs already found can make the top k, and the remaining
        terms are looked up for those alone (MaxScore).
        """
        factor: dict[str, float] = {}
        for i, term in enumerate(query):
            if term in self._term_ids:
                factor[term] = factor.get(term, 0.0) + (1.0 if weights is None else weights[i])
        if not factor or limit <= 0:
            return []
        peak = {t: float(self._peaks[self._term_ids[t]]) for t in factor}
        terms = sorted(factor, key=lambda t: -factor[t] * peak[t])
        bounds = [factor[t] * peak[t] for t in terms]
        spans = [self._span(t) or (0, 0) for t in terms]
        later = [sum(end - start for start, end in spans[j + 1:]) for j in range(len(terms))]
        accumulator = self._accumulator()
        touched: list[IntArray] = []
        try:
            for j, (start, end) in enumerate(spans):
                weight = factor[terms[j]]
                term_weights = self._weights[start:end]
                accumulator[self._rows[start:end]] += (
                    term_weights if weight == 1.0 else weight * term_weights
                )
                touched.append(self._rows[start:end])
                found = sum(len(rows) for rows in touched)
                # looking the remaining terms up only pays when their postings are the longer
                if later[j] <= 4 * found or found < limit * len(touched):
                    continue
                rows = np.concatenate(touched)
                kth = self._kth_lower_bound(accumulator, rows, limit * len(touched))
                remaining = sum(bounds[j + 1:])
                if remaining + _ROUNDING < kth:
                    # only rows that can still reach the k-th score stay in the running
                    rows = np.unique(rows[accumulator[rows] >= kth - remaining - _ROUNDING])
                    scores = accumulator[rows]
                    for other in terms[j + 1:]:
                        scores = scores + factor[other] * self._weights_at(other, rows)
                    return self._top(rows, scores, limit)
            rows = touched[0] if len(touched) == 1 else np.concatenate(touched)
            depth = limit * len(touched)
            if len(rows) > depth:
                kth = self._kth_lower_bound(accumulator, rows, depth)
                rows = rows[accumulator[rows] >= kth - _ROUNDING]
            rows = rows if len(touched) == 1 else np.unique(rows)
            return self._top(rows, accumulator[rows], limit)
        finally:
            for rows in touched:
                accumulator[rows] = 0.0

    @staticmethod
    def _kth_lower_bound(accumulator: FloatArray, rows: IntArray, depth: int) -> float:
        """The depth-th largest score over ``rows``: a row is listed once per query term it
        holds, so with depth = k · terms this bounds the k-th best paragraph's score from below."""
        values = accumulator[rows]
        return float(np.partition(values, len(values) - depth)[len(values) - depth])

    def _accumulator(self) -> FloatArray:
        """This thread's score array, all zeros between searches (allocated once per thread)."""
        scores: FloatArray | None = getattr(self._local, "scores", None)
        if scores is None:
            scores = np.zeros(self.document_count, dtype=np.float64)
            self._local.scores = scores
        return scores

    def _weights_at(self, term: str, rows: IntArray) -> FloatArray:
        """The weight of ``term`` in each of ``rows`` (0 where it is absent)."""
        start, end = self._span(term) or (0, 0)
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
        span = self._span(term)
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


def reference_scorer(
    documents: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75
) -> PositiveIdfBM25:
    """rank-bm25 over the same paragraphs and idf: the scorer the fast path is checked against."""
    return PositiveIdfBM25([list(d) for d in documents], k1=k1, b=b)
