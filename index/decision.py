"""Scored paragraphs + checks → answer, or decline."""

from __future__ import annotations

from index.checks import Checks
from index.query import Query


class Decision:
    """Whether the best paragraph answers the question."""

    def __init__(self, checks: Checks) -> None:
        self._checks = checks

    def answers(self, query: Query, ranked: list[int]) -> bool:
        """Whether ``ranked[0]`` answers ``query`` (``ranked``: the rows that score, best first)."""
        if not ranked:
            return False
        checks = self._checks
        top = ranked[0]
        return not (
            checks.coverage(query.words, top, query.cross_language)
            < checks.min_coverage(query, top)
            or (not query.cross_language and checks.asks_for_the_unknown(query))
            or not checks.holds_what_is_measured(query, top)
        )
