"""The public entry: an article loaded, analysed and indexed once; questions only read."""

from __future__ import annotations

import dataclasses
import itertools
import logging
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from index.analysis import Analyzer, analyzer_for, fold_accents, query_analyzer_for
from index.article import Article, Paragraph, load_article, parse_article
from index.language import detect_language
from index.lexicon import (
    SUPPORTED_LANGUAGES,
    derivation_rules,
    ending_rules,
    phrase_list,
    synonym_groups,
    translations,
    word_list,
)
from index.quotes import Quote, Speaker, extract_quotes
from index.search import ParagraphIndex

logger = logging.getLogger(__name__)

Mode = Literal["ask", "quote", "who"]
MODES: tuple[Mode, ...] = ("ask", "quote", "who")
Intent = Literal["fact", "quote", "who"]

#: The speaker-name field counts for this much of the text field (a name is also in the text).
SPEAKER_FIELD_WEIGHT = 0.5
#: ... and for this much where the speaker's name was added to the text for a pronoun.
RESOLVED_SPEAKER_WEIGHT = SPEAKER_FIELD_WEIGHT / 2
#: Boilerplate (byline, footer) still answers "who wrote this?" but never beats the story.
#: (It is only ever the first answer to a factual question: see answer().)
BOILERPLATE_WEIGHT = 0.5
#: For who/quote questions, a paragraph holding a quotation is worth this much more.
QUOTE_BOOST = 1.25
#: ... and it holds this share of the question words of the quotation-less paragraph before it,
#: which sets the scene its speaker reacts to.
SCENE_SHARE = 0.5
#: "Quand … ?" / "How many … ?": a paragraph holding a date / a number is worth this much more.
ANSWER_TYPE_BOOST = 1.15
#: ... but a "Quand … ?" / "When … ?" is answered by a date, which few paragraphs hold: this much.
DATE_TYPE_BOOST = 1.6
#: ... and a "Where … ?" a paragraph naming a place ("in Iten") this much.
PLACE_TYPE_BOOST = 1.3
#: ... and a paragraph dated only roughly ("mardi", "last week") half as much more.
VAGUE_DATE_SHARE = 0.5
#: Two question words side by side in a paragraph ("XXe arrondissement") add this share of
#: their mean idf, the way a phrase query rewards proximity.
PHRASE_WEIGHT = 1.0
#: This many question words from one speaker's role ("lead author") stand for that speaker.
ROLE_MIN_WORDS = 2
#: The top paragraph must hold question words carrying this share of the question's idf mass.
MIN_IDF_COVERAGE = 0.3
#: ... or this share when the question counts a noun ("how many runners") that the paragraph
#: gives no number for, a number being looked for this many terms before the noun.
COUNT_MISSING_MIN_COVERAGE = 0.5
COUNT_REACH = 2
#: In a question in another language, an unmatched word is likely untranslated, not off-topic.
UNTRANSLATED_WORD_SHARE = 0.25
#: Fuzzy matching of an unknown question word: minimum rapidfuzz ratio by word length.
FUZZY_MIN_LENGTH = 4
FUZZY_CUTOFF = 80.0
FUZZY_CUTOFF_SHORT = 85.0  # five letters or fewer: one wrong letter is already 20%


@dataclass(frozen=True)
class Result:
    """One answering paragraph, with the quotation in it that best answers (if any)."""

    paragraph: int
    score: float
    passage: str
    quote: Quote | None
    highlights: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    """What the engine says to a question; ``found`` is False when the article does not answer."""

    query: str
    mode: Mode
    found: bool
    results: tuple[Result, ...]
    language: str
    intent: Intent = "fact"


@dataclass(frozen=True)
class SpeakerCount:
    """A speaker and how many quotations the article gives them."""

    speaker: Speaker
    count: int


@dataclass(frozen=True)
class QueryWord:
    """A content word of the question and the index terms it was matched to (maybe none)."""

    word: str
    terms: tuple[str, ...]
    how: Literal[
        "stem", "number", "synonym", "derivation", "translation", "cognate", "fuzzy", "role",
        "unknown",
    ]
    #: For a word of a role put back as a name: its own terms, which a paragraph may use for the
    #: person instead of the name ("notre Premier ministre"); they count for coverage only.
    described_by: tuple[str, ...] = ()


#: What a question's token gives: folded form, query words, their terms, role words, asks who,
#: reporting verb, answer type (see Engine._question_word).
_QuestionWord = tuple[
    str, tuple[QueryWord, ...], tuple[str, ...], int, bool, bool, str | None
]


def speaker_names(speaker: Speaker) -> tuple[str, ...]:
    """The canonical name and the short forms the article uses for it."""
    aliases: tuple[str, ...] = tuple(getattr(speaker, "aliases", ()))
    return (speaker.name, *aliases)


class Engine:
    """Answers questions about one article."""

    def __init__(self, article: Article, quotes: tuple[Quote, ...] | None = None) -> None:
        """Index ``article``; ``quotes`` replaces the extracted quotations (gold, tests)."""
        self.article = article
        if quotes is None:
            # an empty span is no quotation, whatever the extractor thought ("SELON!.")
            quotes = tuple(q for q in extract_quotes(article) if q.start < q.end)
        self._quotes = quotes
        self._analyzer = analyzer_for(article.language)
        paragraphs = article.paragraphs
        self._quotes_in: dict[int, tuple[Quote, ...]] = {
            p.index: tuple(q for q in self._quotes if q.paragraph == p.index) for p in paragraphs
        }
        names, self._continued = self._continuations(paragraphs)
        ids = [p.index for p in paragraphs]
        mentioned = self._pronoun_mentions(paragraphs, names)
        analyze = self._analyzer.analyze
        self._text = ParagraphIndex(
            [
                self._with_resolved_speakers(analyze(p.text), analyze(n))
                for p, n in zip(paragraphs, mentioned, strict=True)
            ],
            ids,
        )
        self._speakers = ParagraphIndex([self._analyzer.analyze(n) for n in names], ids)
        # where the pronoun's name was added to the text, the speaker field would count it twice
        self._speaker_weight = np.array([
            RESOLVED_SPEAKER_WEIGHT if self._resolved(p.text, n) else SPEAKER_FIELD_WEIGHT
            for p, n in zip(paragraphs, mentioned, strict=True)
        ])
        self._row_terms = [
            frozenset(self._analyzer.analyze(p.text) + self._analyzer.analyze(n))
            for p, n in zip(paragraphs, names, strict=True)
        ]
        self._prior = np.array(
            [BOILERPLATE_WEIGHT if p.is_boilerplate else 1.0 for p in paragraphs]
        )
        has_quote = [bool(self._quotes_in[p.index]) for p in paragraphs]
        self._quote_factor = np.where(has_quote, QUOTE_BOOST, 1.0)
        # a quotation that follows a paragraph with none: that paragraph set its scene
        self._after_scene = np.array(
            [False] + [
                has_quote[i] and not has_quote[i - 1] and not paragraphs[i - 1].is_boilerplate
                for i in range(1, len(paragraphs))
            ],
            dtype=bool,
        )
        self._scene_vectors: dict[str, npt.NDArray[np.float64]] = {}
        self._has_scenes = bool(self._after_scene.any())
        self._bigram_rows: dict[tuple[str, str], list[int]] = {}
        for row, (paragraph, name_field) in enumerate(zip(paragraphs, names, strict=True)):
            # A speaker's full name is a phrase of the paragraph too ("Jean Dupont" said it).
            pairs = set(itertools.pairwise(self._analyzer.analyze(paragraph.text)))
            pairs |= set(itertools.pairwise(self._analyzer.analyze(name_field)))
            for pair in pairs:
                self._bigram_rows.setdefault(pair, []).append(row)
        self._numbers = [bool(self._holds("number", p.text)) for p in paragraphs]
        # what each paragraph counts: the terms a number comes just before ("47,000 runners")
        number_terms = {
            t for w in word_list(article.language, "number_words") for t in analyze(w)
        }
        self._measure_terms = frozenset(
            t for w in word_list(article.language, "measure_words") for t in analyze(w)
        )
        self._counted = [_counted_terms(analyze(p.text), number_terms) for p in paragraphs]
        self._type_factor = {
            kind: 1.0 + (_TYPE_BOOSTS[kind] - 1.0) * np.array(
                [self._holds(kind, p.text) for p in paragraphs]
            )
            for kind in ("date", "number", "place")
        }
        # the article's own words, accent-folded and unstemmed, for matching unknown query words
        self._surface: dict[str, str] = {}
        for text in [p.text for p in paragraphs] + names:
            for word in self._analyzer.words(text):
                self._surface.setdefault(word, self._analyzer.stem(word))
        self._surface_words = tuple(self._surface)
        # per paragraph, the words as written that each index term stands for (highlights)
        self._row_spellings: list[dict[str, set[str]]] = []
        for paragraph in paragraphs:
            spellings: dict[str, set[str]] = {}
            for word in self._analyzer.words(paragraph.text):
                spellings.setdefault(self._surface[word], set()).add(word)
            self._row_spellings.append(spellings)
        self._term_vectors: dict[str, npt.NDArray[np.float64]] = {}
        self._quote_terms = {
            id(q): frozenset(self._analyzer.analyze(q.text)).union(
                *(self._analyzer.analyze(n) for n in speaker_names(q.speaker))
            ) if q.speaker is not None else frozenset(self._analyzer.analyze(q.text))
            for q in self._quotes
        }
        self._word_cache: dict[tuple[str, str], QueryWord] = {}
        self._roles = tuple(
            (frozenset(self._analyzer.analyze(s.role)), s)
            for s in dict.fromkeys(q.speaker for q in self._quotes if q.speaker is not None)
            if s.role and not s.is_organisation
        )
        self._role_vocabulary = frozenset().union(*(terms for terms, _ in self._roles))
        # The per-question arithmetic is done in plain floats over the paragraphs a question
        # touches (numpy's per-call cost outweighs its speed on a few paragraphs); the same
        # operations in the same order as on the dense vectors, so the very same scores.
        self._prior_of: list[float] = self._prior.tolist()
        self._is_boilerplate = [p.is_boilerplate for p in paragraphs]
        self._quote_factor_of: list[float] = self._quote_factor.tolist()
        self._type_factor_of: dict[str, list[float]] = {
            kind: factor.tolist() for kind, factor in self._type_factor.items()
        }
        self._term_postings: dict[str, tuple[tuple[int, float], ...]] = {}
        self._scene_postings: dict[str, tuple[tuple[int, float], ...]] = {}
        self._pair_rows: dict[
            tuple[tuple[str, ...], tuple[str, ...]], tuple[tuple[int, ...], float]
        ] = {}
        self._word_weight: dict[tuple[str, ...], float] = {}
        self._unseen_idf = self._text.unseen_idf()
        self._row_ids: list[int] = self._text.ids.tolist()
        self._row_paragraphs = [paragraphs[i] for i in self._row_ids]
        # per paragraph, the words as written that each index term stands for, in order
        self._row_spelled: list[dict[str, tuple[str, ...]]] = [
            {term: tuple(sorted(words)) for term, words in spellings.items()}
            for spellings in self._row_spellings
        ]
        #: per question language, each question token: what it gives (see _question_word)
        self._question_words: dict[str, dict[str, _QuestionWord]] = {}

    def _resolved(self, text: str, mention: str) -> bool:
        """Whether ``text`` attributes speech to ``mention`` without naming it."""
        names = self._analyzer.analyze(mention)
        return bool(names) and not set(names) & set(self._analyzer.analyze(text))

    @staticmethod
    def _with_resolved_speakers(text_terms: list[str], name_terms: list[str]) -> list[str]:
        """A paragraph's terms, with the names of the speakers it attributes speech to added
        when it never names them ("Il a ajouté que …", "a-t-il déclaré"): the pronoun is a
        mention of that person as real as the name would be."""
        if name_terms and not set(name_terms) & set(text_terms):
            return text_terms + list(dict.fromkeys(name_terms))  # one mention, not one per alias
        return text_terms

    def _pronoun_mentions(
        self, paragraphs: tuple[Paragraph, ...], fields: list[str]
    ) -> list[str]:
        """Per paragraph, the names of the speakers it attributes speech to with a cue of its
        own (a reporting verb: "a-t-il déclaré", "he added"), or carries on from the paragraph
        before when it opens with a subject pronoun. A quotation merely continued from the
        paragraph before, with no cue, mentions nobody. ``fields``: the speaker fields."""
        pronouns = word_list(self.article.language, "subject_pronouns")
        mentions: list[str] = []
        for paragraph, field in zip(paragraphs, fields, strict=True):
            quotes = self._quotes_in[paragraph.index]
            if not any(q.speaker for q in quotes):
                opening = self._analyzer.tokens(paragraph.text)[:1]
                mentions.append(field if opening and opening[0] in pronouns else "")
                continue
            speakers = dict.fromkeys(q.speaker for q in quotes if q.speaker and q.cue)
            mentions.append(" ".join(n for s in speakers if s for n in speaker_names(s)))
        return mentions

    def _speaker_field(self, paragraphs: tuple[Paragraph, ...]) -> list[str]:
        """Per paragraph, the names (and short forms) of the speakers of its quotations.

        A paragraph with no attributed quotation that opens with a subject pronoun ("Il a ajouté
        que …") or holds only unattributed quotations (a quote continued from the paragraph
        before) carries on the previous paragraph's last speaker.
        """
        return self._continuations(paragraphs)[0]

    def _continuations(
        self, paragraphs: tuple[Paragraph, ...]
    ) -> tuple[list[str], dict[int, Quote]]:
        """The speaker field of each paragraph, and the unattributed quotations an answer shows
        with the speaker they continue (the quote before them in the paragraph, or the previous
        paragraph's last speaker when the paragraph opens with a quotation mark or a pronoun)."""
        pronouns = word_list(self.article.language, "subject_pronouns")
        fields: list[str] = []
        continued: dict[int, Quote] = {}
        last: Speaker | None = None
        for paragraph in paragraphs:
            quotes = self._quotes_in[paragraph.index]
            # Each speaker once: a paragraph of three quotes is not three times about its speaker.
            speakers = list(dict.fromkeys(q.speaker for q in quotes if q.speaker))
            opening = self._analyzer.tokens(paragraph.text)[:1]
            opens_with_pronoun = bool(opening and opening[0] in pronouns)
            if not speakers and last is not None and (opens_with_pronoun or quotes):
                speakers = [last]
            fields.append(" ".join(n for s in speakers for n in speaker_names(s)))
            opens_with_quote = paragraph.text.lstrip()[:1] in _OPENING_MARKS
            current = last if (opens_with_pronoun or opens_with_quote) else None
            for quote in quotes:
                if quote.speaker is not None:
                    current = quote.speaker
                elif current is not None and quote.kind == "direct":
                    continued[id(quote)] = dataclasses.replace(quote, speaker=current)
            if not paragraph.is_boilerplate:
                last = speakers[-1] if speakers else None
        return fields, continued

    @classmethod
    def from_path(cls, path: str | Path | None = None) -> Engine:
        """The engine for an article file; ``None`` is the bundled article."""
        return cls(load_article(path))

    @classmethod
    def from_text(cls, text: str, source: str = "article") -> Engine:
        return cls(parse_article(text, source=source))

    def paragraph(self, index: int) -> Paragraph:
        return self.article.paragraphs[index]

    def quotes(self) -> tuple[Quote, ...]:
        """Every quotation of the article with its speaker, in reading order."""
        return self._quotes

    def quotes_by(self, name: str) -> tuple[Quote, ...]:
        """The quotations of the speaker called ``name`` (the full name or a short form)."""
        wanted = fold_accents(name.lower())
        return tuple(
            q for q in self._quotes
            if q.speaker is not None
            and any(_names_match(wanted, fold_accents(n.lower())) for n in speaker_names(q.speaker))
        )

    def speakers(self) -> tuple[SpeakerCount, ...]:
        """Who is quoted, most quoted first."""
        counts = Counter(q.speaker for q in self._quotes if q.speaker is not None)
        return tuple(
            SpeakerCount(speaker, n)
            for speaker, n in sorted(counts.items(), key=lambda item: (-item[1], item[0].name))
        )

    # --- questions -------------------------------------------------------------------------

    def query_words(self, question: str, language: str | None = None) -> tuple[QueryWord, ...]:
        """The question's content words, each matched against the article's vocabulary."""
        language = language or detect_language(question, default=self.article.language)
        return self._query_words(analyzer_for(language).tokens(question), language)

    def _query_words(self, tokens: list[str], language: str) -> tuple[QueryWord, ...]:
        languages = tuple(dict.fromkeys((language, self.article.language)))
        words = query_analyzer_for(languages).words_of_tokens(tokens)
        return tuple(self._match_word(word, language) for word in words)

    def intent(self, mode: Mode, question: str, language: str) -> Intent:
        """What the question asks for: ``who`` said it, a ``quote``, or a ``fact``."""
        return _intent(mode, _question_tokens(question, language), language)

    def answer_type(self, question: str, language: str) -> str | None:
        """The kind of answer the question's first typed question word expects (date, number)."""
        return _answer_type(_question_tokens(question, language), language)

    def _holds(self, kind: str, text: str) -> float:
        """How well ``text`` holds a date or a number: 1.0 for a month, a year, digits or a number
        word; ``VAGUE_DATE_SHARE`` for a date given only by a weekday or a relative word; else 0."""
        if kind == "place":
            return float(bool(_PLACE.search(text)))
        tokens = {fold_accents(t) for t in self._analyzer.tokens(text)}
        words = _folded_words(self.article.language, f"{kind}_words")
        if kind == "date":
            if tokens & words or _YEAR.search(text):
                return 1.0
            vague = _folded_words(self.article.language, "vague_date_words")
            return VAGUE_DATE_SHARE if tokens & vague else 0.0
        return float(bool(tokens & words) or any(c.isdigit() for c in text))

    def answer(self, mode: Mode, question: str, limit: int = 3) -> Answer:
        """The best paragraphs for ``question`` (at most ``limit``), best first."""
        language = detect_language(question, default=self.article.language)
        # each word of the question accent-folded, what it stands for and what it says of the
        # question (kept per word: see _question_word)
        known = self._question_words.get(language)
        if known is None:
            known = self._question_words.setdefault(language, {})
        tokens: list[str] = []
        found: list[QueryWord] = []
        terms: list[str] = []
        role_words = 0
        said = False
        expected: str | None = None
        asks_who = False
        for token in analyzer_for(language).tokens(question):
            entry = known.get(token)
            if entry is None:
                entry = self._question_word(token, language)
                if len(known) < 10_000:  # questions are unbounded user input
                    known[token] = entry
            folded, its_words, its_terms, its_roles, is_who, says, kind = entry
            if not tokens:
                asks_who = is_who
            tokens.append(folded)
            found.extend(its_words)
            terms.extend(its_terms)
            role_words += its_roles
            said = said or says
            if expected is None:
                expected = kind
        # as _intent(mode, tokens, language)
        intent: Intent = mode if mode != "ask" else "who" if asks_who else (
            "quote" if said else "fact"
        )
        words = tuple(found)
        if role_words >= ROLE_MIN_WORDS:
            words = self._by_role(words)
            # the words of a role all stand for one name: it is searched for once
            first_role = next((w for w in words if w.how == "role"), None)
            terms = [t for w in words if w.how != "role" or w is first_role for t in w.terms]
        if not terms:
            return Answer(question, mode, False, (), language, intent)
        term_set = set(terms)
        phrases = self._phrase_bonus(words)
        if len(self._prior_of) <= _SPARSE_MAX_PARAGRAPHS:
            scores = self._sparse_scores(terms, term_set, intent, phrases, expected)
        else:
            scores = self._dense_scores(terms, term_set, intent, phrases, expected)
        # best first, equal scores in paragraph order
        ranked = [
            row for _, row in sorted((-score, row) for row, score in scores.items() if score > 0)
        ]
        # Page furniture is never an answer about what was said, and at most the one answer to
        # a factual question only it holds ("which reporters contributed to this story?").
        boilerplate = self._is_boilerplate
        ranked = [
            row
            for place, row in enumerate(ranked)
            if not boilerplate[row] or (place == 0 and mode == "ask" and intent == "fact")
        ]
        cross_language = language != self.article.language
        if (
            not ranked
            or self._coverage(words, ranked[0], cross_language)
            < self._min_coverage(tokens, words, ranked[0], language)
            or (not cross_language and self._asks_for_the_unknown(tokens, language))
            or not self._holds_what_is_measured(tokens, words, ranked[0], language)
        ):
            return Answer(question, mode, False, (), language, intent)
        idf = self._text.idf_of
        weighted = [(t, idf(t)) for t in term_set]
        results = tuple(
            self._result(row, scores[row], term_set, weighted) for row in ranked[:limit]
        )
        return Answer(question, mode, True, results, language, intent)

    def _sparse_scores(
        self,
        terms: list[str],
        term_set: set[str],
        intent: Intent,
        phrases: dict[int, float],
        expected: str | None,
    ) -> dict[int, float]:
        """The score of each paragraph a term, a scene or a phrase touches (all others score 0):
        prior · Σ term weights (+ scenes) (· quote factor) + phrase bonus (· answer type factor).

        Plain floats: on a few paragraphs numpy's cost per call outweighs its speed. The same
        operations in the same order as :meth:`_dense_scores`, so the very same scores."""
        scores: dict[int, float] = {}
        for term in terms:
            for row, weight in self._postings(term):
                scores[row] = scores.get(row, 0.0) + weight
        prior = self._prior_of
        scores = {row: prior[row] * score for row, score in scores.items()}
        if intent != "fact":
            if self._has_scenes:
                scenes: dict[int, float] = {}
                for term in term_set:
                    for row, weight in self._scene_postings_of(term):
                        scenes[row] = scenes.get(row, 0.0) + weight
                for row, weight in scenes.items():
                    scores[row] = scores.get(row, 0.0) + weight
            factor = self._quote_factor_of
            scores = {row: score * factor[row] for row, score in scores.items()}
        for row, weight in phrases.items():
            scores[row] = scores.get(row, 0.0) + weight
        if expected is not None:
            factor = self._type_factor_of[expected]
            scores = {row: score * factor[row] for row, score in scores.items()}
        return scores

    def _dense_scores(
        self,
        terms: list[str],
        term_set: set[str],
        intent: Intent,
        phrases: dict[int, float],
        expected: str | None,
    ) -> dict[int, float]:
        """:meth:`_sparse_scores` on numpy vectors over every paragraph (a long article), the
        paragraphs that score kept."""
        scores = self._prior * sum(
            (self._term_vector(t) for t in terms), np.zeros(len(self._prior))
        )
        if intent != "fact":
            if self._has_scenes:
                scores += sum((self._scene_vector(t) for t in term_set), np.zeros(len(scores)))
            scores *= self._quote_factor
        bonus = np.zeros(len(scores))
        for row, weight in phrases.items():
            bonus[row] = weight
        scores += bonus
        if expected is not None:
            scores *= self._type_factor[expected]
        return dict(_nonzero(scores))

    def _question_word(self, token: str, language: str) -> _QuestionWord:
        """What one token of a question in ``language`` gives: its folded form, its query words,
        their terms, how many of them may belong to a role (:meth:`_by_role`), whether it asks
        who when it opens the question, whether it is a reporting verb, and the answer type it
        asks for (:func:`_intent`, :func:`_answer_type`)."""
        folded = fold_accents(token)
        words = self._query_words([token], language)
        return (
            folded,
            words,
            tuple(t for w in words for t in w.terms),
            sum(1 for w in words if w.terms and self._role_vocabulary.issuperset(w.terms)),
            folded in _folded_words(language, "intent_who"),
            folded in _folded_words(language, "intent_quote"),
            _answer_types(language).get(folded),
        )

    def _by_role(self, words: tuple[QueryWord, ...]) -> tuple[QueryWord, ...]:
        """The question's words with a role the article gives one speaker ("the lead author",
        « la présidente de la métropole ») put back as that speaker's name: the question is about
        the person, whom the paragraphs mostly name rather than describe. Each word of the role
        then stands for the name, so the question keeps its weight (coverage) but the name is
        searched for once."""
        if sum(1 for w in words if w.terms and self._role_vocabulary.issuperset(w.terms)) < (
            ROLE_MIN_WORDS
        ):
            return words  # the common case, quickly
        best: tuple[int, Speaker | None, range] = (0, None, range(0))
        tied = False
        for role_terms, speaker in self._roles:
            # the longest run of consecutive question words that all belong to the role
            run = range(0)
            start = 0
            for i, word in enumerate((*words, None)):
                if word is not None and word.terms and set(word.terms) <= role_terms:
                    continue
                if i - start > len(run):
                    run = range(start, i)
                start = i + 1
            if len(run) > best[0]:
                best, tied = (len(run), speaker, run), False
            elif len(run) == best[0]:
                tied = True
        count, chosen, held = best
        if chosen is None or tied or count < ROLE_MIN_WORDS:
            return words
        name = tuple(dict.fromkeys(
            t for n in speaker_names(chosen) for t in self._analyzer.analyze(n)
        ))
        return tuple(
            QueryWord(w.word, name, "role", w.terms) if i in held else w
            for i, w in enumerate(words)
        )

    def _asks_for_the_unknown(self, tokens: list[str], language: str) -> bool:
        """Whether the question opens "What is the X …?" / "Quel est le X …?" with an X the article
        never mentions in any form: the weather, a price, a capital it does not talk about.
        X is the whole noun phrase up to the first small word ("the mayor's political party"):
        a word of it matched only fuzzily ("party" → "part") is as good as unknown.
        (In a question in another language, an unmatched word may just be untranslated.)"""
        head = _head_phrase(tokens, language)
        if not head:
            return False
        measures = _folded_words(language, "measure_words")
        for position, word in enumerate(head):
            if self._match_word(word, language).how not in ("unknown", "fuzzy"):
                continue
            if word not in measures or position > 0:
                return True
            # a measure the article may give as a number ("110 km/h"): answered by a
            # paragraph that holds a number and everything the question measures
            rest = tokens[tokens.index(word) + 1:]
            measured = [w for w in self._query_words(rest, language) if w.word != word]
            return not any(
                self._numbers[row]
                and all(set(w.terms) & self._row_terms[row] for w in measured)
                for row in range(len(self._row_terms))
            )
        return False

    def _holds_what_is_measured(
        self, tokens: list[str], words: tuple[QueryWord, ...], row: int, language: str
    ) -> bool:
        """For "How old is her coach?" (a question word, then a measure), whether paragraph
        ``row`` holds a question word besides the measure: "The 27-year-old …" alone does not
        say how old the coach is."""
        if (
            len(tokens) < 2
            or _answer_types(language).get(tokens[0]) is not None
            or tokens[1] not in _folded_words(language, "measure_words")
            or tokens[0] not in _folded_words(language, "question_words")
        ):
            return True
        others = [w for w in words if w.terms and w.word != tokens[1]]
        return not others or any(not self._row_terms[row].isdisjoint(w.terms) for w in others)

    def _min_coverage(
        self, tokens: list[str], words: tuple[QueryWord, ...], row: int, language: str
    ) -> float:
        """MIN_IDF_COVERAGE; COUNT_MISSING_MIN_COVERAGE when the question counts a noun ("How
        many runners …?", « Combien d'enfants … ? ») that paragraph ``row`` gives no number
        for: "Combien d'enfants sont allergiques ?" is not answered by « Nos enfants … »."""
        counting = _folded_words(language, "counting_words")
        if counting.isdisjoint(tokens):
            return MIN_IDF_COVERAGE
        stop = _folded_words(language, "stopwords")
        start = next(i for i, t in enumerate(tokens) if t in counting) + 1
        noun = next((t for t in tokens[start:] if t not in stop), None)
        counted = next((w for w in words if w.word == noun and w.terms), None)
        if (
            counted is None
            or not self._counted[row].isdisjoint(counted.terms)
            # "combien coûte …": a measure, not a count
            or not self._measure_terms.isdisjoint(counted.terms)
        ):
            return MIN_IDF_COVERAGE
        return COUNT_MISSING_MIN_COVERAGE

    def _phrase_bonus(self, words: tuple[QueryWord, ...]) -> dict[int, float]:
        """For each paragraph (that gets any), PHRASE_WEIGHT · mean idf of each pair of question
        words it holds side by side, in the question's order."""
        bonus: dict[int, float] = {}
        for first, second in itertools.pairwise(words):
            if first.how == second.how == "role":
                continue  # a role put back as a name is no phrase of the article's
            pair = self._pair_rows.get((first.terms, second.terms))
            rows, weight = pair if pair is not None else self._pair(first.terms, second.terms)
            for row in rows:
                bonus[row] = bonus.get(row, 0.0) + weight
        return bonus

    def _pair(
        self, first: tuple[str, ...], second: tuple[str, ...]
    ) -> tuple[tuple[int, ...], float]:
        """The rows holding two words' terms side by side, and what that adds to each."""
        key = (first, second)
        cached = self._pair_rows.get(key)
        if cached is not None:
            return cached
        idf = self._text.idf_of
        pairs = [(a, b) for a in first for b in second]
        rows = {r for pair in pairs for r in self._bigram_rows.get(pair, ())}
        weight = PHRASE_WEIGHT * max((idf(a) + idf(b)) / 2 for a, b in pairs) if rows else 0.0
        result = (tuple(rows), weight)
        if len(self._pair_rows) < 10_000:
            self._pair_rows[key] = result
        return result

    def _postings(self, term: str) -> tuple[tuple[int, float], ...]:
        """The paragraphs :meth:`_term_vector` gives ``term`` a weight in, with that weight."""
        return _cached_postings(self._term_postings, term, self._term_vector)

    def _scene_postings_of(self, term: str) -> tuple[tuple[int, float], ...]:
        """The paragraphs :meth:`_scene_vector` gives ``term`` a weight in, with that weight."""
        return _cached_postings(self._scene_postings, term, self._scene_vector)

    def _term_vector(self, term: str) -> npt.NDArray[np.float64]:
        """What ``term`` adds to each paragraph: its BM25 weight in the text plus the lighter
        speaker field (computed once per term, both from rank-bm25-equal indexes)."""
        vector = self._term_vectors.get(term)
        if vector is None:
            vector = self._text.scores([term]) + self._speaker_weight * self._speakers.scores(
                [term]
            )
            if len(self._term_vectors) * len(vector) < _TERM_VECTOR_BUDGET:
                self._term_vectors[term] = vector
        return vector

    def _scene_vector(self, term: str) -> npt.NDArray[np.float64]:
        """What ``term`` adds, for a who/quote question, to a paragraph holding a quotation that
        lacks it, when the paragraph before (with no quotation) holds it: "Des riverains ont
        hué la maire pendant la réunion." then her quotation about them."""
        vector = self._scene_vectors.get(term)
        if vector is None:
            own = self._term_vector(term)
            vector = np.zeros(len(own))
            vector[1:] = SCENE_SHARE * own[:-1]
            vector[(own > 0) | ~self._after_scene] = 0.0
            if len(self._scene_vectors) * len(vector) < _TERM_VECTOR_BUDGET:
                self._scene_vectors[term] = vector
        return vector

    def _result(
        self, row: int, score: float, terms: set[str], weighted: list[tuple[str, float]]
    ) -> Result:
        """``terms``: the question's terms; ``weighted``: each with its idf, in set order."""
        paragraph = self._row_paragraphs[row]
        quote = self._best_quote(paragraph.index, weighted)
        spellings = self._row_spelled[row]
        held = [spelled for t in terms if (spelled := spellings.get(t)) is not None]
        if not held:
            highlights: tuple[str, ...] = ()
        elif len(held) == 1:
            highlights = held[0]
        else:
            highlights = tuple(sorted(set().union(*held)))
        return Result(paragraph.index, score, paragraph.text, quote, highlights)

    def _best_quote(self, paragraph: int, weighted: list[tuple[str, float]]) -> Quote | None:
        """The quotation of the paragraph whose words (and speaker) match the question best;
        ``weighted``: the question's distinct terms, each with its idf."""
        quotes = self._quotes_in.get(paragraph, ())
        if not quotes:
            return None
        best = quotes[0]
        if len(quotes) > 1:
            quote_terms = self._quote_terms
            best_match = -1.0
            for quote in quotes:
                held = quote_terms[id(quote)]
                match = sum(w for t, w in weighted if t in held)
                if match > best_match:  # the first of equals: reading order
                    best, best_match = quote, match
        return self._continued.get(id(best), best)

    def _coverage(self, words: tuple[QueryWord, ...], row: int, cross_language: bool) -> float:
        """The share of the question's idf mass that paragraph ``row`` holds.

        A word the article does not know weighs as much as the rarest word could, so a question
        about something else ("la capitale de l'Australie") is not answered by a common word.
        """
        total = held = 0.0
        unknown = self._unseen_idf * (UNTRANSLATED_WORD_SHARE if cross_language else 1.0)
        row_terms = self._row_terms[row]
        weights = self._word_weight
        for word in words:
            if word.terms:
                weight = weights.get(word.terms)
                if weight is None:
                    weight = self._weight_of(word.terms)
            else:
                weight = unknown
                # a measure the article gives as a number ("la vitesse" of "60 km/h")
                if word.word in _MEASURE_WORDS and self._numbers[row]:
                    held += weight
            total += weight
            if not row_terms.isdisjoint(word.terms) or (
                word.described_by and not row_terms.isdisjoint(word.described_by)
            ):
                held += weight
        return held / total if total else 0.0

    def _weight_of(self, terms: tuple[str, ...]) -> float:
        """The largest idf of ``terms`` (from the speaker field for a name only it holds)."""
        weight = self._word_weight.get(terms)
        if weight is None:
            weight = max(self._text.idf_of(t, self._speakers.idf_of(t)) for t in terms)
            if len(self._word_weight) < 10_000:
                self._word_weight[terms] = weight
        return weight

    def _known(self, term: str) -> bool:
        return term in self._text or term in self._speakers

    def _match_word(self, word: str, language: str) -> QueryWord:
        """Stem in both languages; else a translation or cognate ending; else the closest words."""
        key = (word, language)
        cached = self._word_cache.get(key)
        if cached is not None:
            return cached
        result = self._resolve(word, language)
        if len(self._word_cache) < 10_000:  # questions are unbounded user input
            self._word_cache[key] = result
        return result

    def _resolve(self, word: str, language: str) -> QueryWord:
        own = self._analyzer
        stems = dict.fromkeys([own.stem(word), analyzer_for(language).stem(word)])
        known = tuple(s for s in stems if self._known(s))
        if known:
            return QueryWord(word, known, "stem")
        number = self._as_number(word, language)
        if number:
            return QueryWord(word, number, "number")
        if language == self.article.language:
            synonyms = tuple(dict.fromkeys(
                term
                for other in _synonyms(language).get(own.stem(word), ())
                for term in own.analyze(other)
                if self._known(term)
            ))
            if synonyms:
                return QueryWord(word, synonyms, "synonym")
            derived = self._derived(word, language)
            if derived:
                return QueryWord(word, derived, "derivation")
        if language != self.article.language:
            targets = _translations(language, self.article.language, word)
            translated = tuple(dict.fromkeys(
                term for target in targets for term in own.analyze(target) if self._known(term)
            ))
            if not translated:
                # the article may hold another form of the translation: « gagné » → "win" → "won"
                forms = _word_forms(self.article.language)
                translated = tuple(dict.fromkeys(
                    term
                    for target in targets
                    for form in forms.get(own.stem(fold_accents(target)), ())
                    for term in own.analyze(form)
                    if self._known(term)
                ))
            if translated:
                return QueryWord(word, translated, "translation")
            for ending, target in ending_rules(language, self.article.language):
                if word.endswith(ending) and len(word) > len(ending) + 2:
                    stem = own.stem(word[: len(word) - len(ending)] + target)
                    if self._known(stem):
                        return QueryWord(word, (stem,), "cognate")
        fuzzy = self._fuzzy(word)
        if fuzzy:
            logger.debug("query word %r matched %r", word, fuzzy)
            return QueryWord(word, fuzzy, "fuzzy")
        return QueryWord(word, (), "unknown")

    def _as_number(self, word: str, language: str) -> tuple[str, ...]:
        """A number the question writes in digits and the article in words, or back: "18" →
        « dix-huit », "three" → "3" (data/<language>/number_values.txt)."""
        if word.isdigit():
            for written in _number_values(self.article.language)[1].get(word, ()):
                terms = self._analyzer.analyze(written)
                if terms and all(self._known(t) for t in terms):
                    return tuple(dict.fromkeys(terms))
            return ()
        value = _number_values(language)[0].get(word)
        return (value,) if value is not None and self._known(value) else ()

    def _derived(self, word: str, language: str) -> tuple[str, ...]:
        """The stem of the word's verb or noun ("closure" → "close", « réouverture » ↔
        « rouvrir » is a word form) when the article holds it, by the language's ending rules."""
        stem = self._analyzer.stem
        # a plural is tried as its singular too: « signatures » → « signature » → « signer »
        forms = (word, word[:-1]) if word.endswith(("s", "x")) else (word,)
        for form in forms:
            for ending, other in derivation_rules(language):
                if form.endswith(ending) and len(form) - len(ending) >= 3:
                    term = stem(form[: len(form) - len(ending)] + other)
                    if self._known(term):
                        return (term,)
        return ()

    def _fuzzy(self, word: str) -> tuple[str, ...]:
        """Stems of the article words closest to ``word`` (typos, names spelled another way)."""
        if len(word) < FUZZY_MIN_LENGTH or word.isdigit():
            return ()
        cutoff = FUZZY_CUTOFF_SHORT if len(word) <= 5 else FUZZY_CUTOFF
        matches = process.extract(
            word, self._surface_words, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5
        )
        if not matches:
            return ()
        best = max(score for _, score, _ in matches)
        return tuple(dict.fromkeys(self._surface[m] for m, score, _ in matches if score == best))


def _cached_postings(
    cache: dict[str, tuple[tuple[int, float], ...]],
    term: str,
    vector_of: Callable[[str], npt.NDArray[np.float64]],
) -> tuple[tuple[int, float], ...]:
    """``term``'s non-zero (row, weight) pairs of ``vector_of(term)``, kept in ``cache``."""
    postings = cache.get(term)
    if postings is None:
        postings = _nonzero(vector_of(term))
        if len(cache) < 10_000:  # a bounded cache: a flood of new words cannot grow it forever
            cache[term] = postings
    return postings


def _nonzero(vector: npt.NDArray[np.float64]) -> tuple[tuple[int, float], ...]:
    """The (row, value) pairs of ``vector`` that are not 0, as plain ints and floats."""
    rows = np.flatnonzero(vector)
    return tuple(zip(rows.tolist(), vector[rows].tolist(), strict=True))


def _question_tokens(question: str, language: str) -> list[str]:
    """Every word of the question, accent-folded, question words included."""
    return [fold_accents(t) for t in analyzer_for(language).tokens(question)]


def _intent(mode: Mode, tokens: list[str], language: str) -> Intent:
    """/who and /quote say it; free text asks who when it opens with a who word, a quote when it
    holds a reporting verb."""
    if mode != "ask":
        return mode
    if tokens and tokens[0] in _folded_words(language, "intent_who"):
        return "who"
    said = _folded_words(language, "intent_quote")
    return "quote" if any(t in said for t in tokens) else "fact"


def _answer_type(tokens: list[str], language: str) -> str | None:
    types = _answer_types(language)
    return next((types[t] for t in tokens if t in types), None)


@cache
def _folded_words(language: str, name: str) -> frozenset[str]:
    return frozenset(fold_accents(w) for w in word_list(language, name))


@cache
def _synonyms(language: str) -> dict[str, tuple[str, ...]]:
    """Each word's stem, with the other forms of the word ("lost": "lose", "loss"), the other
    words of its synonym groups, then the synonyms of its forms ("lost" → "lose" → "cut")."""
    stem = analyzer_for(language).stem

    forms = _word_forms(language)
    synonyms: dict[str, list[str]] = {}
    for group in synonym_groups(language):
        for word in group:
            synonyms.setdefault(stem(fold_accents(word)), []).extend(w for w in group if w != word)
    return {
        key: tuple(dict.fromkeys([
            *forms.get(key, ()),
            *synonyms.get(key, ()),
            *(s for f in forms.get(key, ()) for s in synonyms.get(stem(fold_accents(f)), ())),
        ]))
        for key in forms.keys() | synonyms.keys()
    }


@cache
def _number_values(language: str) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Each number word of ``language`` with its value in digits, and each value with its
    written forms (data/<language>/number_values.txt: ``18 dix-huit`` a line)."""
    values: dict[str, str] = {}
    written: dict[str, tuple[str, ...]] = {}
    for entry in phrase_list(language, "number_values"):
        value, *forms = entry.split()
        written[value] = tuple(forms)
        for form in forms:
            values.setdefault(fold_accents(form), value)
    return values, written


def _translations(source: str, target: str, word: str) -> tuple[str, ...]:
    """The ``target`` words for a ``source`` word: its own entry, else the entry of a word of the
    same stem (« coûtera » finds « coûter », "repaired" finds "repair")."""
    found = translations(source, target).get(word)
    if found is not None:
        return found
    stem = analyzer_for(source).stem
    by_stem = _translations_by_stem(source, target)
    found = by_stem.get(stem(word))
    if found is not None:
        return found
    # an irregular form, through the word it is a form of: "fought" → "fight" → « lutter »
    return tuple(dict.fromkeys(
        target_word
        for form in _word_forms(source).get(stem(word), ())
        for target_word in by_stem.get(stem(fold_accents(form)), ())
    ))


@cache
def _word_forms(language: str) -> dict[str, tuple[str, ...]]:
    """Each word's stem, with the other forms of the word (data/<language>/word_forms.txt)."""
    stem = analyzer_for(language).stem
    table: dict[str, list[str]] = {}
    for group in synonym_groups(language, "word_forms"):
        for word in group:
            table.setdefault(stem(fold_accents(word)), []).extend(w for w in group if w != word)
    return {key: tuple(dict.fromkeys(words)) for key, words in table.items()}


@cache
def _translations_by_stem(source: str, target: str) -> dict[str, tuple[str, ...]]:
    stem = analyzer_for(source).stem
    table: dict[str, list[str]] = {}
    for word, targets in translations(source, target).items():
        table.setdefault(stem(fold_accents(word)), []).extend(targets)
    return {key: tuple(dict.fromkeys(words)) for key, words in table.items()}


@cache
def _asking_openings(language: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The openings of ``asking_openings``, word by word, by their first word."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for entry in phrase_list(language, "asking_openings"):
        opening = tuple(fold_accents(w) for w in entry.split())
        table.setdefault(opening[0], []).append(opening)
    return {first: tuple(openings) for first, openings in table.items()}


def _counted_terms(terms: list[str], number_terms: set[str]) -> frozenset[str]:
    """The terms that follow a number within COUNT_REACH terms ("20 tonnes of langoustines")."""
    counted: set[str] = set()
    for place, term in enumerate(terms):
        if term.isdigit() or term in number_terms:
            counted.update(
                t for t in terms[place + 1: place + 1 + COUNT_REACH]
                if not t.isdigit() and t not in number_terms
            )
    return frozenset(counted)


def _head_phrase(tokens: list[str], language: str) -> tuple[str, ...]:
    """The noun phrase a "What is the …?" / "Quel est le …?" question asks for: the words after
    the opening and its determiners, up to the first stopword."""
    for opening in _asking_openings(language).get(tokens[0] if tokens else "", ()):
        if tuple(tokens[: len(opening)]) == opening:
            skip = _folded_words(language, "determiners")
            stop = _folded_words(language, "stopwords")
            rest = tokens[len(opening):]
            start = next((i for i, t in enumerate(rest) if t not in skip), len(rest))
            end = next((i for i in range(start, len(rest)) if rest[i] in stop), len(rest))
            return tuple(rest[start:end])
    return ()


@cache
def _answer_types(language: str) -> dict[str, str]:
    """Question words with the kind of answer they expect; a measure ("la vitesse du vent",
    "the price") expects a number, as "combien" does."""
    entries = (e.partition(" ") for e in phrase_list(language, "answer_types"))
    types = {fold_accents(word): kind.strip() for word, _, kind in entries}
    for word in word_list(language, "measure_words"):
        types.setdefault(fold_accents(word), "number")
    return types


#: Measures in every language ("vitesse", "price"): answered by a number the article gives.
_TYPE_BOOSTS = {"date": DATE_TYPE_BOOST, "number": ANSWER_TYPE_BOOST, "place": PLACE_TYPE_BOOST}

_MEASURE_WORDS = frozenset(
    fold_accents(word)
    for language in SUPPORTED_LANGUAGES
    for word in word_list(language, "measure_words")
)

#: At most this many floats of per-term score vectors are kept (a long article keeps fewer).
_TERM_VECTOR_BUDGET = 2_000_000
#: An article of at most this many paragraphs is scored in plain floats, a longer one by numpy.
_SPARSE_MAX_PARAGRAPHS = 200

_OPENING_MARKS = frozenset("“«\"„‘")

_YEAR = re.compile(r"\b(?:18|19|20)\d\d\b")
#: A place: a capitalised name after "in", "at", « à », « dans »… ("trained in Iten").
_PLACE = re.compile(
    r"\b(?:in|at|from|near|à|dans|près de|au|aux)\s+(?:the\s+|la\s+|le\s+|l')?[A-ZÀ-Ý][\w-]+"
)


def _names_match(a: str, b: str) -> bool:
    """Equal, or one holds the other as whole words ("Loukachenko" in "Alexandre Loukachenko")."""
    wa, wb = a.split(), b.split()
    if not wa or not wb:
        return False
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


__all__ = ["MODES", "Analyzer", "Answer", "Engine", "Mode", "QueryWord", "Result", "SpeakerCount"]
