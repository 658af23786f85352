"""Weighted question words → scored paragraphs: BM25 over two fields, then boosts.

A paragraph's score for a question's terms (every factor is one line below)::

    prior · (Σ BM25(text) + w_speaker · BM25(speaker names) [+ scene terms])
          · quote factor (who/quote questions) + phrase bonus, · answer-type factor

- the **text** field is the paragraph, with the names of the speakers it attributes speech to
  by a pronoun ("a-t-il déclaré") added; the **speaker** field holds the names of the speakers
  of its quotations, at ``SPEAKER_FIELD_WEIGHT``;
- boilerplate (byline, footer) has a prior of ``BOILERPLATE_WEIGHT``;
- a who/quote question prefers a paragraph holding a quotation, which also inherits a share of
  the words of the quotation-less paragraph before it (the scene its speaker reacts to);
- two question words side by side in the paragraph add their mean idf (a phrase);
- "when" / "how many" / "where" prefer a paragraph holding a date / a number / a place.

Scores are summed in plain floats over the paragraphs a question touches (an article of up to
``SPARSE_MAX_PARAGRAPHS``), in numpy vectors beyond: the same operations in the same order.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

from index import expressions
from index.analysis import Analyzer, fold_accents, sentence_spans
from index.article import Article, Paragraph
from index.lexicon import phrase_list, phrase_pattern, word_list
from index.query import CACHE_LIMIT, Query, QueryWord, speaker_names
from index.quotes import Quote, Speaker
from index.search import ParagraphIndex

#: The speaker-name field counts for this much of the text field (a name is also in the text).
SPEAKER_FIELD_WEIGHT = 0.5
#: ... and for this much where the speaker's name was added to the text for a pronoun.
RESOLVED_SPEAKER_WEIGHT = SPEAKER_FIELD_WEIGHT / 2
#: Boilerplate (byline, footer) still answers "who wrote this?" but never beats the story.
#: (It is only ever the first answer to a factual question: see ParagraphRanker.rank().)
BOILERPLATE_WEIGHT = 0.5
#: The headline restates the lede in fewer words (so BM25 favours it): the paragraph that
#: holds the detail asked for should beat it; it still answers what only it says.
TITLE_WEIGHT = 0.6
#: For who/quote questions, a paragraph holding a quotation is worth this much more.
QUOTE_BOOST = 1.25
#: ... and it holds this share of the question words of the quotation-less paragraph before it,
#: which sets the scene its speaker reacts to;
SCENE_SHARE = 0.5
#: ... all of them when the question asks for a reply (« Qu'a répondu X à l'invitation ? »):
#: what was replied to is told before the reply.
REPLY_SCENE_SHARE = 1.0
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
#: A number counts the terms up to this many places after it ("20 tonnes of langoustines").
COUNT_REACH = 2
#: At most this many floats of per-term score vectors are kept (a long article keeps fewer).
TERM_VECTOR_BUDGET = 2_000_000
#: An article of at most this many paragraphs is scored in plain floats, a longer one by numpy.
SPARSE_MAX_PARAGRAPHS = 200
#: Per article language: for a factual question, the best sentence of each of the top
#: ``SENTENCE_DEPTH`` paragraphs adds this share of the question's idf mass it holds (such
#: questions are mostly written from one sentence). Tuned on the dev halves: it helps English
#: (SQuAD dev hit@1 85.8 → 86.8 %), not French (PIAF 76.4 → 75.9 %), so French keeps 0.
SENTENCE_WEIGHT: dict[str, float] = {"fr": 0.0, "en": 1.0}
SENTENCE_DEPTH = 5
#: BM25's term-frequency saturation ``k1`` and length normalisation ``b``, per article language.
BM25_PARAMETERS: dict[str, tuple[float, float]] = {"fr": (1.2, 0.75), "en": (1.2, 0.75)}

_TYPE_BOOSTS = {"date": DATE_TYPE_BOOST, "number": ANSWER_TYPE_BOOST, "place": PLACE_TYPE_BOOST}
_OPENING_MARKS = frozenset("“«\"„‘")
_YEAR = re.compile(r"\b(?:18|19|20)\d\d\b")
#: A place: a capitalised name after "in", "at", « à », « dans »… ("trained in Iten").
_PLACE = re.compile(
    r"\b(?:in|at|from|near|à|dans|près de|au|aux)\s+(?:the\s+|la\s+|le\s+|l')?[A-ZÀ-Ý][\w-]+"
)

Postings = tuple[tuple[int, float], ...]


#: the kinds of answer a row is asked to hold
_ROW_KINDS = frozenset({"date", "number", "place", "reason"})


class Sentence:
    """One sentence of a paragraph, as the checks read it.

    Its words are read when the article is indexed; what kind of answer it holds (a date, a
    number, a place, a cause) is read the first time a question asks, since the checks only
    look at the few paragraphs a question ranks first (on a long document this halves the
    indexing time)."""

    __slots__ = (
        "_analyzer",
        "_held",
        "_language",
        "_number",
        "_text",
        "counted",
        "end",
        "start",
        "terms",
    )

    def __init__(
        self, start: int, end: int, terms: frozenset[str], counted: frozenset[str],
        text: str, language: str, analyzer: Analyzer,
    ) -> None:
        self.start = start
        self.end = end
        self.terms = terms
        #: the terms a number of it counts ("20 tonnes of langoustines": tonnes, langoustines)
        self.counted = counted
        self._text = text
        self._language = language
        self._analyzer = analyzer
        self._held: expressions.Held | None = None
        self._number: float | None = None

    def holds(self, kind: str) -> float:
        """How well it holds an answer of ``kind`` ("date", "number", "place", "reason"): see
        :mod:`index.expressions` for dates, places and causes, :func:`holds` for numbers."""
        if kind == "number":
            if self._number is None:
                self._number = holds("number", self._text, self._analyzer, self._language)
            return self._number
        if self._held is None:
            self._held = expressions.held(self._text, self._language)
        if kind == "date":
            return self._held.date
        if kind == "place":
            return self._held.place
        if kind == "reason":
            return float(self._held.cause)
        return 0.0

    @property
    def date(self) -> float:
        """How well it says when (see :func:`index.expressions.when`)."""
        return self.holds("date")

    @property
    def number(self) -> float:
        """How well it gives a number."""
        return self.holds("number")

    @property
    def place(self) -> float:
        """How well it says where (see :func:`index.expressions.where`)."""
        return self.holds("place")

    @property
    def cause(self) -> bool:
        """Whether it gives a cause or a purpose ("because", « afin de »)."""
        return bool(self.holds("reason"))

    def __repr__(self) -> str:
        return f"Sentence({self.start}, {self.end}, {sorted(self.terms)!r})"


@dataclass(frozen=True)
class SpeakerFields:
    """Per paragraph, the speaker names searched beside its text."""

    #: the names (and short forms) of the speakers of its quotations, or of the speaker a
    #: pronoun-led or quotation-continuing paragraph carries on
    names: list[str]
    #: the names of the speakers it attributes speech to with a cue of its own
    mentions: list[str]
    #: unattributed quotations, shown with the speaker they continue (by ``id`` of the quote)
    continued: dict[int, Quote]


def speaker_fields(
    paragraphs: tuple[Paragraph, ...],
    quotes_in: dict[int, tuple[Quote, ...]],
    analyzer: Analyzer,
    language: str,
) -> SpeakerFields:
    """The speaker field of each paragraph, who it mentions by a pronoun, and the continued
    quotations (see :class:`SpeakerFields`)."""
    names, continued = _continuations(paragraphs, quotes_in, analyzer, language)
    mentions = pronoun_mentions(paragraphs, quotes_in, names, analyzer, language)
    return SpeakerFields(names, mentions, continued)


def _continuations(
    paragraphs: tuple[Paragraph, ...],
    quotes_in: dict[int, tuple[Quote, ...]],
    analyzer: Analyzer,
    language: str,
) -> tuple[list[str], dict[int, Quote]]:
    """The speaker field of each paragraph, and the unattributed quotations an answer shows
    with the speaker they continue (the quote before them in the paragraph, or the previous
    paragraph's last speaker when the paragraph opens with a quotation mark or a pronoun).

    A paragraph with no attributed quotation that opens with a subject pronoun ("Il a ajouté
    que …") or holds only unattributed quotations (a quote continued from the paragraph
    before) carries on the previous paragraph's last speaker."""
    pronouns = word_list(language, "subject_pronouns")
    fields: list[str] = []
    continued: dict[int, Quote] = {}
    last: Speaker | None = None
    for paragraph in paragraphs:
        quotes = quotes_in[paragraph.index]
        # Each speaker once: a paragraph of three quotes is not three times about its speaker.
        speakers = list(dict.fromkeys(q.speaker for q in quotes if q.speaker))
        opening = analyzer.tokens(paragraph.text)[:1]
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


def pronoun_mentions(
    paragraphs: tuple[Paragraph, ...],
    quotes_in: dict[int, tuple[Quote, ...]],
    fields: list[str],
    analyzer: Analyzer,
    language: str,
) -> list[str]:
    """Per paragraph, the names of the speakers it attributes speech to with a cue of its
    own (a reporting verb: "a-t-il déclaré", "he added"), or carries on from the paragraph
    before when it opens with a subject pronoun. A quotation merely continued from the
    paragraph before, with no cue, mentions nobody. ``fields``: the speaker fields."""
    pronouns = word_list(language, "subject_pronouns")
    mentions: list[str] = []
    for paragraph, field in zip(paragraphs, fields, strict=True):
        quotes = quotes_in[paragraph.index]
        if not any(q.speaker for q in quotes):
            opening = analyzer.tokens(paragraph.text)[:1]
            mentions.append(field if opening and opening[0] in pronouns else "")
            continue
        speakers = dict.fromkeys(q.speaker for q in quotes if q.speaker and q.cue)
        mentions.append(" ".join(n for s in speakers if s for n in speaker_names(s)))
    return mentions


def holds(kind: str, text: str, analyzer: Analyzer, language: str) -> float:
    """How well ``text`` holds a date, a number or a place: 1.0 for a month, a year, digits or a
    number word, a capitalised name after "in"/« à »; ``VAGUE_DATE_SHARE`` for a date given only
    by a weekday or a relative word; else 0."""
    if kind == "place":
        return float(bool(_PLACE.search(text)))
    if kind != "date" and _has_digit(text):  # digits are a number (a date needs more)
        return 1.0
    tokens = {fold_accents(t) for t in analyzer.tokens(text)}
    words = _folded(language, f"{kind}_words")
    if kind == "date":
        if tokens & words or _YEAR.search(text):
            return 1.0
        vague = _folded(language, "vague_date_words")
        return VAGUE_DATE_SHARE if tokens & vague else 0.0
    return float(bool(tokens & words))


def _has_digit(text: str) -> bool:
    """Whether ``text`` holds a digit in the sense of :meth:`str.isdigit` (superscripts too)."""
    if _DIGIT.search(text):
        return True
    return not text.isascii() and any(c.isdigit() for c in text)


_DIGIT = re.compile(r"[0-9]")


def gives_a_cause(text: str, language: str) -> bool:
    """Whether ``text`` holds a word or phrase of cause or purpose (data/<lang>/cause_words)."""
    return bool(phrase_pattern(language, "cause_words").search(text.lower().replace("’", "'")))


def split_sentences(
    text: str, analyzer: Analyzer, language: str, number_terms: frozenset[str] = frozenset()
) -> tuple[Sentence, ...]:
    """The sentences of a paragraph, each with its terms and what kind of answer it holds."""
    sentences = []
    for start, end in sentence_spans(text):
        part = text[start:end]
        terms = analyzer.analyze(part)
        sentences.append(Sentence(
            start, end, frozenset(terms), counted_terms(terms, number_terms), part, language,
            analyzer,
        ))
    return tuple(sentences)


def counted_terms(terms: list[str], number_terms: set[str] | frozenset[str]) -> frozenset[str]:
    """The terms that follow a number within COUNT_REACH terms ("20 tonnes of langoustines")."""
    counted: set[str] = set()
    for place, term in enumerate(terms):
        if term.isdigit() or term in number_terms:
            counted.update(
                t for t in terms[place + 1: place + 1 + COUNT_REACH]
                if not t.isdigit() and t not in number_terms
            )
    return frozenset(counted)


@cache
def _folded(language: str, name: str) -> frozenset[str]:
    return frozenset(fold_accents(w) for w in word_list(language, name))


class ParagraphRanker:
    """The paragraphs of one article, indexed once, scored for each question."""

    def __init__(
        self,
        article: Article,
        quotes_in: dict[int, tuple[Quote, ...]],
        fields: SpeakerFields,
        analyzer: Analyzer,
    ) -> None:
        paragraphs = article.paragraphs
        language = article.language
        names, mentioned = fields.names, fields.mentions
        ids = [p.index for p in paragraphs]
        analyze = analyzer.analyze
        k1, b = BM25_PARAMETERS.get(language, (1.2, 0.75))
        # each paragraph's terms and each speaker field's, analysed once for all that follows
        analyzed = [analyze(p.text) for p in paragraphs]
        analyzed_names = [analyze(n) for n in names]
        self.text = ParagraphIndex(
            [
                _with_resolved_speakers(terms, analyze(n))
                for terms, n in zip(analyzed, mentioned, strict=True)
            ],
            ids,
            k1=k1,
            b=b,
        )
        self.speakers = ParagraphIndex(analyzed_names, ids, k1=k1, b=b)
        # where the pronoun's name was added to the text, the speaker field would count it twice
        self._speaker_weight = np.array([
            RESOLVED_SPEAKER_WEIGHT if _resolved(p.text, n, analyzer) else SPEAKER_FIELD_WEIGHT
            for p, n in zip(paragraphs, mentioned, strict=True)
        ])
        #: per row, every term of its text and speaker names
        self.row_terms = [
            frozenset(terms + name_terms)
            for terms, name_terms in zip(analyzed, analyzed_names, strict=True)
        ]
        title = article.title
        self._prior = np.array([
            BOILERPLATE_WEIGHT if p.is_boilerplate
            else TITLE_WEIGHT if title is not None and i == 0 and p.text == title
            else 1.0
            for i, p in enumerate(paragraphs)
        ])
        has_quote = [bool(quotes_in[p.index]) for p in paragraphs]
        self._quote_factor = np.where(has_quote, QUOTE_BOOST, 1.0)
        # a quotation that follows a paragraph with none: that paragraph set its scene
        self._after_scene = np.array(
            [False] + [
                has_quote[i] and not has_quote[i - 1] and not paragraphs[i - 1].is_boilerplate
                for i in range(1, len(paragraphs))
            ],
            dtype=bool,
        )
        #: per row, whether it holds a quotation after a paragraph with none (its scene)
        self.after_scene: list[bool] = self._after_scene.tolist()
        self._scene_vectors: dict[str, npt.NDArray[np.float64]] = {}
        self._has_scenes = bool(self._after_scene.any())
        self._bigram_rows: dict[tuple[str, str], list[int]] = {}
        for row, (terms, name_terms) in enumerate(zip(analyzed, analyzed_names, strict=True)):
            # A speaker's full name is a phrase of the paragraph too ("Jean Dupont" said it).
            pairs = set(itertools.pairwise(terms))
            pairs |= set(itertools.pairwise(name_terms))
            for pair in pairs:
                self._bigram_rows.setdefault(pair, []).append(row)
        #: per row, whether it holds a number
        self.numbers = [bool(holds("number", p.text, analyzer, language)) for p in paragraphs]
        # what each paragraph counts: the terms a number comes just before ("47,000 runners")
        # the numbers written out: "three", « dix-huit » (number_values.txt)
        written = (f for e in phrase_list(language, "number_values") for f in e.split()[1:])
        number_terms = frozenset(
            t for w in (*word_list(language, "number_words"), *written) for t in analyze(w)
        )
        self.measure_terms = frozenset(
            t for w in word_list(language, "measure_words") for t in analyze(w)
        )
        self.counted = [counted_terms(terms, number_terms) for terms in analyzed]
        #: per row, its sentences with their terms
        self.sentences = [
            split_sentences(p.text, analyzer, language, number_terms) for p in paragraphs
        ]
        #: per answer kind and row, how well its best sentence holds it (read on first use)
        self._row_holds: dict[tuple[str, int], float] = {}
        self._type_factor = {
            kind: 1.0 + (_TYPE_BOOSTS[kind] - 1.0) * np.array(
                [holds(kind, p.text, analyzer, language) for p in paragraphs]
            )
            for kind in ("date", "number", "place")
        }
        # the article's own words, accent-folded and unstemmed, for matching unknown query words
        self.surface: dict[str, str] = {}
        for text in [p.text for p in paragraphs] + names:
            for word in analyzer.words(text):
                self.surface.setdefault(word, analyzer.stem(word))
        # the words the article always writes with a capital: names ("Ryan", "Tobermory")
        lower_case = {
            w for p in paragraphs for w in analyzer.words(_CAPITALISED_WORD.sub(" ", p.text))
        }
        self.names = frozenset(
            w for p in paragraphs for w in analyzer.words(p.text) if w not in lower_case
        )
        # per paragraph, the words as written that each index term stands for (highlights)
        row_spellings: list[dict[str, set[str]]] = []
        for paragraph in paragraphs:
            spellings: dict[str, set[str]] = {}
            for word in analyzer.words(paragraph.text):
                spellings.setdefault(self.surface[word], set()).add(word)
            row_spellings.append(spellings)
        self._term_vectors: dict[str, npt.NDArray[np.float64]] = {}
        # The per-question arithmetic is done in plain floats over the paragraphs a question
        # touches (numpy's per-call cost outweighs its speed on a few paragraphs); the same
        # operations in the same order as on the dense vectors, so the very same scores.
        self._prior_of: list[float] = self._prior.tolist()
        self.is_boilerplate = [p.is_boilerplate for p in paragraphs]
        self._quote_factor_of: list[float] = self._quote_factor.tolist()
        self._type_factor_of: dict[str, list[float]] = {
            kind: factor.tolist() for kind, factor in self._type_factor.items()
        }
        self._term_postings: dict[str, Postings] = {}
        self._scene_postings: dict[str, Postings] = {}
        self._pair_rows: dict[
            tuple[tuple[str, ...], tuple[str, ...]], tuple[tuple[int, ...], float]
        ] = {}
        self._word_weight: dict[tuple[str, ...], float] = {}
        self.unseen_idf = self.text.unseen_idf()
        self._sentence_weight = SENTENCE_WEIGHT.get(language, 0.0)
        self.row_ids: list[int] = self.text.ids.tolist()
        self.row_paragraphs = [paragraphs[i] for i in self.row_ids]
        #: per paragraph, the words as written that each index term stands for, in order
        self.row_spelled: list[dict[str, tuple[str, ...]]] = [
            {term: tuple(sorted(words)) for term, words in spellings.items()}
            for spellings in row_spellings
        ]

    # --- the vocabulary ----------------------------------------------------------------------

    def row_holds(self, kind: str, row: int) -> float:
        """How well the best sentence of row ``row`` holds an answer of ``kind``."""
        if kind not in _ROW_KINDS:
            return 0.0
        held = self._row_holds.get((kind, row))
        if held is None:
            held = self._row_holds[kind, row] = max(
                (s.holds(kind) for s in self.sentences[row]), default=0.0
            )
        return held

    def known(self, term: str) -> bool:
        """Whether any paragraph (text or speaker names) holds ``term``."""
        return term in self.text or term in self.speakers

    def weight_of(self, terms: tuple[str, ...]) -> float:
        """The largest idf of ``terms`` (from the speaker field for a name only it holds)."""
        weight = self._word_weight.get(terms)
        if weight is None:
            weight = max(self.text.idf_of(t, self.speakers.idf_of(t)) for t in terms)
            if len(self._word_weight) < CACHE_LIMIT:
                self._word_weight[terms] = weight
        return weight

    # --- scoring -----------------------------------------------------------------------------

    def rank(self, query: Query) -> tuple[list[int], dict[int, float]]:
        """The rows that score, best first (equal scores in paragraph order), and their scores.

        Page furniture is never an answer about what was said, and at most the one answer to a
        factual question only it holds ("which reporters contributed to this story?")."""
        terms = query.terms
        term_set = set(terms)
        phrases = self.phrase_bonus(query.words)
        scene = REPLY_SCENE_SHARE / SCENE_SHARE if query.replies else 1.0
        if query.replies and query.intent != "fact":
            # a reply inherits its scene's phrases too ("the offer of a new pier")
            after = self.after_scene
            for row, weight in list(phrases.items()):
                if row + 1 < len(after) and after[row + 1]:
                    phrases[row + 1] = phrases.get(row + 1, 0.0) + weight
        if len(self._prior_of) <= SPARSE_MAX_PARAGRAPHS:
            scores = self._sparse_scores(
                terms, term_set, query.intent, phrases, query.expected, scene
            )
        else:
            scores = self._dense_scores(
                terms, term_set, query.intent, phrases, query.expected, scene
            )
        # best first, equal scores in paragraph order
        ranked = [
            row for _, row in sorted((-score, row) for row, score in scores.items() if score > 0)
        ]
        # ("what did X say about Y" is answered by X's quotation, not by a sentence naming X)
        if self._sentence_weight and len(ranked) > 1 and query.intent != "quote":
            ranked, scores = self._by_sentence(query, ranked, scores)
        boilerplate = self.is_boilerplate
        ranked = [
            row
            for place, row in enumerate(ranked)
            if not boilerplate[row]
            or (place == 0 and query.mode == "ask" and query.intent == "fact")
        ]
        return ranked, scores

    def _by_sentence(
        self, query: Query, ranked: list[int], scores: dict[int, float]
    ) -> tuple[list[int], dict[int, float]]:
        """The top paragraphs re-scored with the idf mass of their best sentence."""
        words = [(w.terms, self.weight_of(w.terms)) for w in query.words if w.terms]
        scores = dict(scores)
        for row in ranked[:SENTENCE_DEPTH]:
            best = max(
                (
                    sum(weight for terms, weight in words if not s.terms.isdisjoint(terms))
                    for s in self.sentences[row]
                ),
                default=0.0,
            )
            scores[row] += self._sentence_weight * best
        head = sorted(ranked[:SENTENCE_DEPTH], key=lambda row: (-scores[row], row))
        return head + ranked[SENTENCE_DEPTH:], scores

    def _sparse_scores(
        self,
        terms: tuple[str, ...],
        term_set: set[str],
        intent: str,
        phrases: dict[int, float],
        expected: str | None,
        scene: float = 1.0,
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
                    scores[row] = scores.get(row, 0.0) + (
                        weight if scene == 1.0 else scene * weight
                    )
            factor = self._quote_factor_of
            scores = {row: score * factor[row] for row, score in scores.items()}
        for row, weight in phrases.items():
            scores[row] = scores.get(row, 0.0) + weight
        if expected in self._type_factor_of:
            factor = self._type_factor_of[expected]
            scores = {row: score * factor[row] for row, score in scores.items()}
        return scores

    def _dense_scores(
        self,
        terms: tuple[str, ...],
        term_set: set[str],
        intent: str,
        phrases: dict[int, float],
        expected: str | None,
        scene: float = 1.0,
    ) -> dict[int, float]:
        """:meth:`_sparse_scores` on numpy vectors over every paragraph (a long article), the
        paragraphs that score kept."""
        scores = self._prior * sum(
            (self._term_vector(t) for t in terms), np.zeros(len(self._prior))
        )
        if intent != "fact":
            if self._has_scenes:
                scores += scene * sum(
                    (self._scene_vector(t) for t in term_set), np.zeros(len(scores))
                )
            scores *= self._quote_factor
        bonus = np.zeros(len(scores))
        for row, weight in phrases.items():
            bonus[row] = weight
        scores += bonus
        if expected in self._type_factor:
            scores *= self._type_factor[expected]
        return dict(_nonzero(scores))

    def phrase_bonus(self, words: tuple[QueryWord, ...]) -> dict[int, float]:
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
        idf = self.text.idf_of
        pairs = [(a, b) for a in first for b in second]
        rows = {r for pair in pairs for r in self._bigram_rows.get(pair, ())}
        weight = PHRASE_WEIGHT * max((idf(a) + idf(b)) / 2 for a, b in pairs) if rows else 0.0
        result = (tuple(rows), weight)
        if len(self._pair_rows) < CACHE_LIMIT:
            self._pair_rows[key] = result
        return result

    def _postings(self, term: str) -> Postings:
        """The paragraphs :meth:`_term_vector` gives ``term`` a weight in, with that weight."""
        return _cached_postings(self._term_postings, term, self._term_vector)

    def _scene_postings_of(self, term: str) -> Postings:
        """The paragraphs :meth:`_scene_vector` gives ``term`` a weight in, with that weight."""
        return _cached_postings(self._scene_postings, term, self._scene_vector)

    def _term_vector(self, term: str) -> npt.NDArray[np.float64]:
        """What ``term`` adds to each paragraph: its BM25 weight in the text plus the lighter
        speaker field (computed once per term, both from rank-bm25-equal indexes)."""
        vector = self._term_vectors.get(term)
        if vector is None:
            vector = self.text.scores([term]) + self._speaker_weight * self.speakers.scores(
                [term]
            )
            if len(self._term_vectors) * len(vector) < TERM_VECTOR_BUDGET:
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
            if len(self._scene_vectors) * len(vector) < TERM_VECTOR_BUDGET:
                self._scene_vectors[term] = vector
        return vector


_CAPITALISED_WORD = re.compile(r"\b[A-ZÀ-Ý][\w'’-]*")


def _resolved(text: str, mention: str, analyzer: Analyzer) -> bool:
    """Whether ``text`` attributes speech to ``mention`` without naming it."""
    names = analyzer.analyze(mention)
    return bool(names) and not set(names) & set(analyzer.analyze(text))


def _with_resolved_speakers(text_terms: list[str], name_terms: list[str]) -> list[str]:
    """A paragraph's terms, with the names of the speakers it attributes speech to added
    when it never names them ("Il a ajouté que …", "a-t-il déclaré"): the pronoun is a
    mention of that person as real as the name would be."""
    if name_terms and not set(name_terms) & set(text_terms):
        return text_terms + list(dict.fromkeys(name_terms))  # one mention, not one per alias
    return text_terms


def _cached_postings(
    cache: dict[str, Postings],
    term: str,
    vector_of: Callable[[str], npt.NDArray[np.float64]],
) -> Postings:
    """``term``'s non-zero (row, weight) pairs of ``vector_of(term)``, kept in ``cache``."""
    postings = cache.get(term)
    if postings is None:
        postings = _nonzero(vector_of(term))
        if len(cache) < CACHE_LIMIT:  # a flood of new words cannot grow it forever
            cache[term] = postings
    return postings


def _nonzero(vector: npt.NDArray[np.float64]) -> Postings:
    """The (row, value) pairs of ``vector`` that are not 0, as plain ints and floats."""
    rows = np.flatnonzero(vector)
    return tuple(zip(rows.tolist(), vector[rows].tolist(), strict=True))
