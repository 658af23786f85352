"""Does the best paragraph hold what was asked? Measures of one paragraph against one question.

Each check reads the question (:class:`~index.query.Query`) and one ranked paragraph and says
how much of what was asked it holds: the question's idf mass, the thing a "What is the X?"
question names, the noun a "how many" question counts, the measure of "how old is X?".
"""

from __future__ import annotations

from index.analysis import fold_accents
from index.lexicon import SUPPORTED_LANGUAGES, word_list
from index.query import Query, QueryWord, QuestionReader, answer_types, folded_words, head_phrase
from index.ranking import ParagraphRanker

#: The top paragraph must hold question words carrying this share of the question's idf mass.
MIN_IDF_COVERAGE = 0.3
#: ... or this share when the question counts a noun ("how many runners") that the paragraph
#: gives no number for.
COUNT_MISSING_MIN_COVERAGE = 0.5
#: In a question in another language, an unmatched word is likely untranslated, not off-topic.
UNTRANSLATED_WORD_SHARE = 0.25

#: Measures in every language ("vitesse", "price"): answered by a number the article gives.
_MEASURE_WORDS = frozenset(
    fold_accents(word)
    for language in SUPPORTED_LANGUAGES
    for word in word_list(language, "measure_words")
)


class Checks:
    """The checks of one article's paragraphs (``ranker``), questions read by ``reader``."""

    def __init__(self, ranker: ParagraphRanker, reader: QuestionReader) -> None:
        self._ranker = ranker
        self._reader = reader

    def coverage(self, words: tuple[QueryWord, ...], row: int, cross_language: bool) -> float:
        """The share of the question's idf mass that paragraph ``row`` holds.

        A word the article does not know weighs as much as the rarest word could, so a question
        about something else ("la capitale de l'Australie") is not answered by a common word.
        """
        ranker = self._ranker
        total = held = 0.0
        unknown = ranker.unseen_idf * (UNTRANSLATED_WORD_SHARE if cross_language else 1.0)
        row_terms = ranker.row_terms[row]
        numbers = ranker.numbers
        for word in words:
            if word.terms:
                weight = ranker.weight_of(word.terms)
            else:
                weight = unknown
                # a measure the article gives as a number ("la vitesse" of "60 km/h")
                if word.word in _MEASURE_WORDS and numbers[row]:
                    held += weight
            total += weight
            if not row_terms.isdisjoint(word.terms) or (
                word.described_by and not row_terms.isdisjoint(word.described_by)
            ):
                held += weight
        return held / total if total else 0.0

    def asks_for_the_unknown(self, query: Query) -> bool:
        """Whether the question opens "What is the X …?" / "Quel est le X …?" with an X the article
        never mentions in any form: the weather, a price, a capital it does not talk about.
        X is the whole noun phrase up to the first small word ("the mayor's political party"):
        a word of it matched only fuzzily ("party" → "part") is as good as unknown.
        (In a question in another language, an unmatched word may just be untranslated.)"""
        tokens, language = query.tokens, query.language
        head = head_phrase(tokens, language)
        if not head:
            return False
        measures = folded_words(language, "measure_words")
        ranker = self._ranker
        for position, word in enumerate(head):
            if self._reader.match(word, language).how not in ("unknown", "fuzzy"):
                continue
            if word not in measures or position > 0:
                return True
            # a measure the article may give as a number ("110 km/h"): answered by a
            # paragraph that holds a number and everything the question measures
            rest = list(tokens[tokens.index(word) + 1:])
            measured = [w for w in self._reader.query_words(rest, language) if w.word != word]
            return not any(
                ranker.numbers[row]
                and all(set(w.terms) & ranker.row_terms[row] for w in measured)
                for row in range(len(ranker.row_terms))
            )
        return False

    def holds_what_is_measured(self, query: Query, row: int) -> bool:
        """For "How old is her coach?" (a question word, then a measure), whether paragraph
        ``row`` holds a question word besides the measure: "The 27-year-old …" alone does not
        say how old the coach is."""
        tokens, language = query.tokens, query.language
        if (
            len(tokens) < 2
            or answer_types(language).get(tokens[0]) is not None
            or tokens[1] not in folded_words(language, "measure_words")
            or tokens[0] not in folded_words(language, "question_words")
        ):
            return True
        others = [w for w in query.words if w.terms and w.word != tokens[1]]
        row_terms = self._ranker.row_terms[row]
        return not others or any(not row_terms.isdisjoint(w.terms) for w in others)

    def min_coverage(self, query: Query, row: int) -> float:
        """MIN_IDF_COVERAGE; COUNT_MISSING_MIN_COVERAGE when the question counts a noun ("How
        many runners …?", « Combien d'enfants … ? ») that paragraph ``row`` gives no number
        for: "Combien d'enfants sont allergiques ?" is not answered by « Nos enfants … »."""
        tokens, language = query.tokens, query.language
        counting = folded_words(language, "counting_words")
        if counting.isdisjoint(tokens):
            return MIN_IDF_COVERAGE
        stop = folded_words(language, "stopwords")
        start = next(i for i, t in enumerate(tokens) if t in counting) + 1
        noun = next((t for t in tokens[start:] if t not in stop), None)
        counted = next((w for w in query.words if w.word == noun and w.terms), None)
        ranker = self._ranker
        if (
            counted is None
            or not ranker.counted[row].isdisjoint(counted.terms)
            # "combien coûte …": a measure, not a count
            or not ranker.measure_terms.isdisjoint(counted.terms)
        ):
            return MIN_IDF_COVERAGE
        return COUNT_MISSING_MIN_COVERAGE
