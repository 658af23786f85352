"""BM25 over paragraphs: the idf on a short article, and the fast path against rank-bm25."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from index.analysis import analyzer_for
from index.article import load_article
from index.search import Hit, ParagraphIndex, lucene_idf, reference_scorer

# A 15-paragraph article in miniature: "russie" is in 8 of 15 paragraphs, "blague" in one.
SHORT_ARTICLE = [["russie", "arme"]] * 8 + [["blague", "bureau"]] + [["union"]] * 6


def test_idf_stays_positive_and_falls_as_a_word_gets_commoner() -> None:
    idf = [lucene_idf(15, df) for df in range(16)]
    assert all(value > 0 for value in idf)
    assert all(a > b for a, b in itertools.pairwise(idf))


def test_okapi_idf_throws_away_a_word_in_half_the_paragraphs_ours_keeps_it() -> None:
    # BM25Okapi: ln((15 - 8 + 0.5) / 8.5) < 0, floored to epsilon · mean idf; Lucene's stays > 0
    okapi = BM25Okapi(SHORT_ARTICLE)
    ours = ParagraphIndex(SHORT_ARTICLE)
    assert np.log((15 - 8 + 0.5) / (8 + 0.5)) < 0
    assert okapi.idf["russie"] == pytest.approx(okapi.epsilon * okapi.average_idf)
    assert ours.idf_of("russie") == pytest.approx(np.log(1 + 7.5 / 8.5))
    assert ours.idf_of("russie") > 0.5
    # a rare word still counts for more than a common one
    assert ours.idf_of("blague") > ours.idf_of("union") > ours.idf_of("russie")


def test_a_question_about_a_common_word_still_ranks_its_paragraphs() -> None:
    # with Okapi's floored idf "russie" and "union" weigh nearly alike; with ours they do not
    hits = ParagraphIndex(SHORT_ARTICLE).search(["russie", "arme"], limit=15)
    assert [h.paragraph for h in hits] == list(range(8))
    assert all(h.score > 0 for h in hits)


def _zipf_corpus(seed: int, documents: int, vocabulary: int) -> list[list[str]]:
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(vocabulary)]
    weights = [1.0 / (rank + 1) for rank in range(vocabulary)]
    return [
        rng.choices(words, weights, k=rng.randint(0, 40)) for _ in range(documents)
    ]


@pytest.mark.parametrize(
    ("seed", "limit"),
    # limit 1 prunes early, 5 is the bot's, 300 forces the dense path on common words
    [(1, 5), (2, 5), (3, 1), (4, 300)],
)
def test_fast_path_equals_rank_bm25_scores_and_top_k(seed: int, limit: int) -> None:
    corpus = _zipf_corpus(seed, documents=2_000, vocabulary=3_000)
    index = ParagraphIndex(corpus)
    reference = reference_scorer(corpus)
    rng = random.Random(seed + 100)
    for _ in range(40):
        # common and rare words mixed, some repeated: every path of the pruning is taken
        query = [f"w{rng.choice([rng.randint(0, 20), rng.randint(0, 3_000)])}" for _ in range(
            rng.randint(1, 6)
        )]
        expected = reference.get_scores(query)
        np.testing.assert_allclose(index.scores(query), expected, rtol=0, atol=1e-9)
        hits = index.search(query, limit=limit)
        best = sorted(expected[expected > 0], reverse=True)[:limit]
        # the same top-k scores; a paragraph may differ from rank-bm25's only within a tie
        assert [h.score for h in hits] == pytest.approx(best, abs=1e-9)
        assert [expected[h.paragraph] for h in hits] == pytest.approx(best, abs=1e-9)


def test_fast_path_equals_rank_bm25_on_the_bundled_article() -> None:
    analyzer = analyzer_for("fr")
    documents = [analyzer.analyze(p.text) for p in load_article().paragraphs]
    query = analyzer.analyze("armes nucléaires Kazakhstan Russie")
    np.testing.assert_allclose(
        ParagraphIndex(documents).scores(query),
        reference_scorer(documents).get_scores(query),
        rtol=0,
        atol=1e-9,
    )


def test_a_repeated_query_term_counts_twice_as_in_rank_bm25() -> None:
    index = ParagraphIndex(SHORT_ARTICLE)
    assert index.scores(["blague", "blague"])[8] == pytest.approx(2 * index.scores(["blague"])[8])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ([], []),  # nothing to look for
        (["capitale", "australie"], []),  # no paragraph holds any of the words
        (["blague"], [Hit(8, ParagraphIndex(SHORT_ARTICLE).scores(["blague"])[8])]),
    ],
)
def test_search_says_nothing_matched(query: list[str], expected: list[Hit]) -> None:
    assert ParagraphIndex(SHORT_ARTICLE).search(query) == expected


def test_paragraph_numbers_map_back_through_ids() -> None:
    index = ParagraphIndex([["a"], ["b"], ["a", "b"]], ids=[3, 5, 9])
    assert [h.paragraph for h in index.search(["b"], limit=3)] == [5, 9]
    assert index.holds(index.row_of(9), "a") and not index.holds(index.row_of(5), "a")


def test_an_empty_index_answers_nothing() -> None:
    assert ParagraphIndex([]).search(["a"]) == []
