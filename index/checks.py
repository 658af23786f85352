"""Does the best paragraph hold what was asked? Measures of one paragraph against one question.

Each check reads the question (:class:`~index.query.Query`) and the best paragraph and says how
much of what was asked it holds: the question's idf mass (in the paragraph, in its best
sentence), its rarest word, the thing a "What is the X?" question names, the noun a "how many"
question counts, the measure of "how old is X?"; an answer of the type asked (a date, a number
of the noun counted, a place, a cause: :mod:`index.expressions`) in the sentences that hold the
question's words; for "what did X say about Y", a quotation of X that touches Y; for "who …",
a quotation, or an agent of the verb asked about; for "which X", whether the article knows X;
how specific (in the language at large, wordfreq) the question's words the paragraph lacks are.
They are not rules: :meth:`Checks.features` gives them as numbers to the decision
(:mod:`index.decision`), which weighs them as fitted on data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.analysis import fold_accents
from index.lexicon import SUPPORTED_LANGUAGES, specificity, word_list
from index.query import (
    CACHE_LIMIT,
    Query,
    QueryWord,
    QuestionReader,
    answer_types,
    folded_words,
    head_phrase,
    typing_words,
)
from index.quotes import Speaker
from index.ranking import ParagraphRanker, Sentence

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


#: The features of a match, in the order of the fitted coefficients (index/data/<lang>/decision).
FEATURES: tuple[str, ...] = (
    "coverage",  # share of the question's idf mass the paragraph holds (unknown words weigh most)
    "known_coverage",  # ... of the mass of the words the article knows at all
    "unknown_share",  # share of the mass in words the article never uses in any form
    "fuzzy_share",  # ... in words matched only by a close spelling
    "rarest_held",  # the question's rarest word is in the paragraph
    "score_per_idf",  # the paragraph's score per unit of the question's known idf mass
    "margin",  # how far it leads the second paragraph, as a share of its score
    "one_word",  # 1 / number of content words: a one-word question is matched by chance
    "sentence_coverage",  # share of the mass one sentence of the paragraph holds
    "cross_language",  # the question is in the other language
    "unknown_head",  # "What is the X?" with an X the article never mentions
    "measure_missing",  # "How old is X?" and the paragraph holds only the measure
    "count_missing",  # "How many X?" and the paragraph gives no number before X
    "type_missing",  # when/where/how many/why: no answer of that type in the best sentence
    "type_missing_paragraph",  # ... nor anywhere in the paragraph
    "speaker_off_topic",  # "what did X say about Y": X's quotations touch little of a Y the
    # article speaks of elsewhere
    "speaker_topic_unknown",  # ... a Y the article never speaks of
    "speaker_not_here",  # ... and the paragraph holds no quotation of X
    "who_without_speaker",  # "who …?" and the paragraph holds no quotation
    "first_word_missing",  # the question's first content word is not in the paragraph
    "held_rarity",  # idf of the rarest question word the paragraph holds, over the highest idf
    "held_mass",  # the idf mass it holds, over the highest idf
    "known_words",  # share of the question's words the article uses in some form
    "name_held",  # a name of the question (a capitalised word) is in the paragraph
    "name_unknown",  # a name of the question is nowhere in the article
    "date_missing",  # "when …?" and no date in the sentence holding the question's words
    "number_missing",  # "how many / how much …?" and no number there
    "place_missing",  # "where …?" and no place there
    "reason_missing",  # "why …?" and no cause or purpose there
    "who_first_missing",  # "who …?" and the paragraph lacks its first word (mostly the verb)
    "agent_missing",  # "who V …?": V is in the paragraph only without an agent ("was leaked",
    # « la réunion a été organisée », "the appointment of"), no "by X" / « par X »
    "who_verb_unknown",  # "who V …?": the article never uses V in any form (as specific as V
    # is in the language at large: "leaked" says more than "found")
    "asked_noun_unknown",  # "which X / quel X …?" with an X the article never mentions
    "count_noun_missing",  # "how many X?": the focus sentences count no X (0.5: they hold a
    # number, but not of X; 1: no number at all)
    "rare_unknown",  # the most specific (in the language at large) question word the article
    # never uses (wordfreq): a question about something else
    "rare_unheld",  # ... the most specific question word the paragraph lacks
    "rare_coverage",  # the share of the question's specificity the paragraph holds
)


#: The features that say only that something asked is missing: evidence against an answer,
#: never for one. Their fitted coefficients are kept at or below zero.
AGAINST: frozenset[str] = frozenset({
    "unknown_share", "fuzzy_share", "unknown_head", "measure_missing", "count_missing",
    "type_missing", "type_missing_paragraph", "speaker_off_topic", "speaker_topic_unknown",
    "speaker_not_here", "who_without_speaker", "first_word_missing", "name_unknown",
    "date_missing", "number_missing", "place_missing", "reason_missing", "who_first_missing",
    "agent_missing", "who_verb_unknown", "asked_noun_unknown", "count_noun_missing",
    "rare_unknown", "rare_unheld", "one_word",
})
#: ... and those that say only that something asked is there, kept at or above zero; and
#: "the question is in the other language", which only excuses the words it lacks (they may
#: be untranslated): off-article questions in the other language are told apart by those words.
FOR: frozenset[str] = frozenset({
    "coverage", "known_coverage", "rarest_held", "sentence_coverage", "held_rarity",
    "held_mass", "known_words", "name_held", "rare_coverage", "cross_language",
})


#: A sentence holds the question's focus when it holds this share of the mass of the best one.
FOCUS_SHARE = 0.75
#: "by X" / « par X » counts as the agent of a verb up to this many words after it.
AGENT_REACH = 8

_SENTENCE_WORD = re.compile(r"[^\W\d_]+")
#: forms of "be" before a participle: a passive ("was leaked", « a été organisée »)
_BE = frozenset({
    "is", "are", "was", "were", "be", "been", "being", "get", "got", "gets",
    "est", "sont", "etait", "étaient", "était", "etaient", "été", "ete", "fut", "furent",
    "sera", "seront", "serait", "soit",
})
_BY = frozenset({"by", "par"})
#: a determiner before the verb's word: it is a noun there ("the appointment", « la réunion »)
_DETERMINERS = {
    "en": frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"}),
    "fr": frozenset({
        "le", "la", "les", "l", "un", "une", "des", "du", "ce", "cette", "sa", "son", "ses",
        "leur", "leurs",
    }),
}
#: "who is X?": asks who someone is, not who did something
_COPULAS = frozenset({"is", "was", "are", "were", "est", "etait", "sont", "c"})

#: The features that need the question's speakers and topic (see :meth:`Checks.focus`).
_SPEAKER_FEATURES = frozenset({"speaker_off_topic", "speaker_topic_unknown", "speaker_not_here"})
_WHO_FEATURES = frozenset({"agent_missing", "who_verb_unknown"})
_RARE_FEATURES = frozenset({"rare_unknown", "rare_unheld", "rare_coverage"})


@dataclass(frozen=True)
class Said:
    """A quotation as the checks read it: who said it, in which row, and the terms it touches
    (its own words and those of the sentences it stands in)."""

    speaker: Speaker
    row: int
    terms: frozenset[str]


@dataclass(frozen=True)
class Focus:
    """What a "what did X say about Y" question is about: the speakers it names (X) and the
    words of its topic (Y), each with its weight."""

    speakers: frozenset[Speaker]
    topic: tuple[tuple[QueryWord, float], ...]


class Checks:
    """The checks of one article's paragraphs (``ranker``), questions read by ``reader``;
    ``said``: the article's attributed quotations; ``names``: each speaker with the terms of
    its names."""

    def __init__(
        self,
        ranker: ParagraphRanker,
        reader: QuestionReader,
        said: tuple[Said, ...] = (),
        names: tuple[tuple[frozenset[str], Speaker], ...] = (),
    ) -> None:
        self._ranker = ranker
        self._reader = reader
        self._said = said
        self._said_in: dict[int, tuple[Said, ...]] = {}
        for entry in said:
            self._said_in[entry.row] = (*self._said_in.get(entry.row, ()), entry)
        self._names = names
        #: per (verb terms, row): whether the paragraph says who did it (questions repeat)
        self._agents: dict[tuple[tuple[str, ...], int], bool] = {}
        self._asked_nouns: dict[tuple[tuple[str, ...], str], bool] = {}
        self._name_vocabulary: frozenset[str] = frozenset().union(*(t for t, _ in names))

    def focus(self, query: Query) -> Focus:
        """The speakers ``query`` names and the words it asks about them."""
        speakers: set[Speaker] = set()
        topic: list[tuple[QueryWord, float]] = []
        said = folded_words(query.language, "intent_quote")
        unknown = self._unknown_weight(query)
        for word in query.words:
            named = [
                s for terms, s in self._names
                if word.terms and word.how != "unknown" and not terms.isdisjoint(word.terms)
            ] if not self._name_vocabulary.isdisjoint(word.terms) else []
            if named:
                speakers.update(named)
            elif word.word not in said:
                weight = self._ranker.weight_of(word.terms) if word.terms else unknown
                topic.append((word, weight))
        return Focus(frozenset(speakers), tuple(topic))

    def bare_name(self, query: Query) -> frozenset[Speaker]:
        """The speakers a question names and nothing else ("Loukachenko", `/quote Tokayev`)."""
        if not query.words:
            return frozenset()
        vocabulary = self._name_vocabulary
        for word in query.words:
            if vocabulary.isdisjoint(word.terms):
                return frozenset()  # the common case, quickly
        focus = self.focus(query)
        return frozenset() if focus.topic else focus.speakers

    def rows_quoting(self, speakers: frozenset[Speaker]) -> list[int]:
        """The rows holding a quotation of one of ``speakers``, in article order."""
        return sorted({s.row for s in self._said if s.speaker in speakers})

    def _unknown_weight(self, query: Query) -> float:
        share = UNTRANSLATED_WORD_SHARE if query.cross_language else 1.0
        return self._ranker.unseen_idf * share

    def speaker_topic_share(self, focus: Focus, cross_language: bool = False) -> float:
        """The largest share of the weight of the topic words the article knows that one
        quotation of a named speaker touches: 1.0 when the question has no topic ("What did X
        say?"), 0.0 when the article knows none of its words ("… about Brexit" where the
        article never names it), unless the question is in the other language (they may only
        be untranslated)."""
        total = sum(weight for word, weight in focus.topic if word.terms)
        if not total:
            return 1.0 if not focus.topic or cross_language else 0.0
        best = 0.0
        for entry in self._said:
            if entry.speaker not in focus.speakers:
                continue
            held = sum(w for word, w in focus.topic if not entry.terms.isdisjoint(word.terms))
            best = max(best, held / total)
        return best

    def best_sentence(self, query: Query, row: int) -> tuple[Sentence | None, float]:
        """The sentence of paragraph ``row`` holding the most of the question's idf mass, and
        that mass."""
        ranker = self._ranker
        best: Sentence | None = None
        best_mass = -1.0
        words = [(w, ranker.weight_of(w.terms)) for w in query.words if w.terms]
        for sentence in ranker.sentences[row]:
            mass = sum(weight for w, weight in words if not sentence.terms.isdisjoint(w.terms))
            if mass > best_mass:
                best, best_mass = sentence, mass
        return best, max(best_mass, 0.0)

    def features(
        self,
        query: Query,
        ranked: list[int],
        scores: dict[int, float],
        needed: frozenset[str] = frozenset(FEATURES),
    ) -> list[float]:
        """The :data:`FEATURES` of the best paragraph ``ranked[0]`` for ``query``; those not in
        ``needed`` (a fitted coefficient of 0) are left at 0 uncomputed."""
        ranker = self._ranker
        top = ranked[0]
        row_terms = ranker.row_terms[top]
        unknown = ranker.unseen_idf
        unknown_share = UNTRANSLATED_WORD_SHARE if query.cross_language else 1.0
        numbers = ranker.numbers[top]
        total = known = known_held = unknown_mass = fuzzy_mass = held_rarity = 0.0
        covered = covered_total = 0.0
        rarest, rarest_weight = None, -1.0
        known_words = 0
        names = query.names
        name_held = name_unknown = False
        weighted: list[tuple[tuple[str, ...], float]] = []
        for word in query.words:
            terms = word.terms
            if terms:
                weight = ranker.weight_of(terms)
                weighted.append((terms, weight))
                known += weight
                known_words += 1
                covered_total += weight
                if not row_terms.isdisjoint(terms) or (
                    word.described_by and not row_terms.isdisjoint(word.described_by)
                ):
                    known_held += weight
                    covered += weight
                    if weight > held_rarity:
                        held_rarity = weight
                    if names and word.word in names:
                        name_held = True
                if word.how == "fuzzy":
                    fuzzy_mass += weight
                    if names and word.word in names:
                        name_unknown = True
            else:
                weight = unknown
                unknown_mass += weight
                covered_total += unknown * unknown_share
                # a measure the article gives as a number ("la vitesse" of "60 km/h")
                if numbers and word.word in _MEASURE_WORDS:
                    covered += unknown * unknown_share
                if names and word.word in names:
                    name_unknown = True
            total += weight
            if weight > rarest_weight:
                rarest, rarest_weight = word, weight
        first = query.words[0] if query.words else None
        first_held = first is not None and not row_terms.isdisjoint(first.terms)
        sentence: Sentence | None = None
        sentence_mass = -1.0
        for candidate in ranker.sentences[top]:
            mass = 0.0
            for terms, weight in weighted:
                if not candidate.terms.isdisjoint(terms):
                    mass += weight
            if mass > sentence_mass:
                sentence, sentence_mass = candidate, mass
        sentence_mass = max(sentence_mass, 0.0)
        top_score = scores.get(top, 0.0)
        second = scores.get(ranked[1], 0.0) if len(ranked) > 1 else 0.0
        expected = query.expected
        type_missing = type_missing_paragraph = count_noun_missing = 0.0
        if expected is not None:
            # the sentences that hold the question's focus: as much of its words as the best
            focused = [
                candidate for candidate in ranker.sentences[top]
                if sentence_mass > 0 and sum(
                    weight for terms, weight in weighted if not candidate.terms.isdisjoint(terms)
                ) >= FOCUS_SHARE * sentence_mass
            ] or ([sentence] if sentence is not None else [])
            in_sentence = max((s.holds(expected) for s in focused), default=0.0)
            in_paragraph = ranker.row_holds(expected, top)
            type_missing, type_missing_paragraph = 1.0 - in_sentence, 1.0 - in_paragraph
            if expected == "number" and "count_noun_missing" in needed:
                counted = self.counted_word(query)
                if not in_sentence:
                    count_noun_missing = 1.0
                elif counted is not None and all(
                    s.counted.isdisjoint(counted.terms) for s in focused
                ):
                    count_noun_missing = 0.5
        agent_missing = verb_unknown = 0.0
        if query.intent == "who" and not needed.isdisjoint(_WHO_FEATURES):
            verb = self.asked_verb(query)
            if verb is not None:
                # an everyday verb ("find", « trouver ») unknown says little: a paraphrase
                if not verb.terms or verb.how == "fuzzy":
                    verb_unknown = specificity(query.language, verb.word)
                if verb.terms and not row_terms.isdisjoint(verb.terms):
                    agent_missing = float(not self.has_agent(verb, top, query.language))
        rare_unknown = rare_unheld = rare_total = rare_held = 0.0
        if not needed.isdisjoint(_RARE_FEATURES):
            language = query.language
            for word in query.words:
                rarity = specificity(language, word.word)
                rare_total += rarity
                if word.terms and (
                    not row_terms.isdisjoint(word.terms)
                    or (word.described_by and not row_terms.isdisjoint(word.described_by))
                ):
                    rare_held += rarity
                    continue
                if rarity > rare_unheld:
                    rare_unheld = rarity
                if (not word.terms or word.how == "fuzzy") and rarity > rare_unknown:
                    rare_unknown = rarity
            if query.cross_language:  # an unknown word may only be untranslated
                rare_unknown *= UNTRANSLATED_WORD_SHARE
        off_topic = not_here = topic_unknown = 0.0
        if query.intent == "quote" and self._said and not needed.isdisjoint(_SPEAKER_FEATURES):
            focus = self.focus(query)
            if focus.speakers:
                off_topic = 1.0 - self.speaker_topic_share(focus, query.cross_language)
                # (in the other language an unknown word may only be untranslated)
                topic_mass = sum(weight for _, weight in focus.topic)
                if topic_mass and not query.cross_language:
                    topic_unknown = (sum(
                        w for word, w in focus.topic if not word.terms or word.how == "fuzzy"
                    ) / topic_mass) ** 2
                here = self._said_in.get(top, ())
                not_here = float(not any(s.speaker in focus.speakers for s in here))
        asks_who = query.intent == "who"
        n_words = len(query.words)
        return [
            covered / covered_total if covered_total else 0.0,
            known_held / known if known else 0.0,
            unknown_mass / total if total else 0.0,
            fuzzy_mass / total if total else 0.0,
            1.0 if rarest is not None and not row_terms.isdisjoint(rarest.terms) else 0.0,
            top_score / known if known else 0.0,
            (top_score - second) / top_score if top_score > 0 else 0.0,
            1.0 / n_words if n_words else 1.0,
            sentence_mass / total if total else 0.0,
            1.0 if query.cross_language else 0.0,
            1.0 if (
                "unknown_head" in needed and not query.cross_language
                and self.asks_for_the_unknown(query)
            ) else 0.0,
            1.0 if (
                "measure_missing" in needed and not self.holds_what_is_measured(query, top)
            ) else 0.0,
            1.0 if (
                "count_missing" in needed and self.min_coverage(query, top) > MIN_IDF_COVERAGE
            ) else 0.0,
            type_missing,
            type_missing_paragraph,
            off_topic,
            topic_unknown,
            not_here,
            1.0 if asks_who and top not in self._said_in else 0.0,
            0.0 if first_held else 1.0,
            held_rarity / unknown,
            known_held / unknown,
            known_words / n_words if n_words else 0.0,
            1.0 if name_held else 0.0,
            1.0 if name_unknown else 0.0,
            type_missing if expected == "date" else 0.0,
            type_missing if expected == "number" else 0.0,
            type_missing if expected == "place" else 0.0,
            type_missing if expected == "reason" else 0.0,
            1.0 if asks_who and not first_held else 0.0,
            agent_missing,
            verb_unknown,
            1.0 if (
                "asked_noun_unknown" in needed and not query.cross_language
                and self.asked_noun_unknown(query)
            ) else 0.0,
            count_noun_missing,
            rare_unknown,
            rare_unheld,
            rare_held / rare_total if rare_total else 1.0,
        ]

    def counted_word(self, query: Query) -> QueryWord | None:
        """The noun a "how many" question counts ("How many runners …?" → runners), as matched
        to the article (None when there is none)."""
        tokens, language = query.tokens, query.language
        counting = folded_words(language, "counting_words")
        start = next((i for i, t in enumerate(tokens) if t in counting), None)
        if start is None:
            return None
        stop = folded_words(language, "stopwords")
        noun = next((t for t in tokens[start + 1:] if t not in stop), None)
        return next((w for w in query.words if w.word == noun), None)

    def asked_verb(self, query: Query) -> QueryWord | None:
        """The verb of a "who V …?" question (its first content word, right after "who" and
        its auxiliaries), or None for "who is X?" and "who said …?" (a speaker, not an agent)."""
        tokens, language = query.tokens, query.language
        if len(tokens) < 2 or not query.words:
            return None
        if tokens[1] in _COPULAS or not folded_words(language, "intent_quote").isdisjoint(
            tokens[1:4]
        ):
            return None
        first = query.words[0]
        return first if first.word in tokens[1:5] else None

    def has_agent(self, verb: QueryWord, row: int, language: str) -> bool:
        """Whether paragraph ``row`` says who did ``verb``: some sentence holds the verb with
        a subject (an active verb) or a "by X" / « par X » after it; not when every use of it
        is a passive without agent ("the video was leaked") or a noun without one ("the
        appointment of the ombudsman")."""
        key = (verb.terms, row)
        known = self._agents.get(key)
        if known is None:
            known = self._find_agent(verb, row, _DETERMINERS.get(language, frozenset()))
            if len(self._agents) < CACHE_LIMIT:
                self._agents[key] = known
        return known

    def _find_agent(self, verb: QueryWord, row: int, determiners: frozenset[str]) -> bool:
        ranker = self._ranker
        text = ranker.row_paragraphs[row].text
        stem = self._reader.stem
        for sentence in ranker.sentences[row]:
            if sentence.terms.isdisjoint(verb.terms):
                continue
            words = _SENTENCE_WORD.findall(text[sentence.start:sentence.end].lower())
            for place, word in enumerate(words):
                if stem(word) not in verb.terms:
                    continue
                after = words[place + 1: place + 1 + AGENT_REACH]
                if not _BY.isdisjoint(after):
                    return True
                before = words[max(0, place - 3): place]
                passive = not _BE.isdisjoint(before)
                nominal = bool(before) and (before[-1] in determiners)
                if not passive and not nominal and place > 0:
                    return True
        return False

    def asked_noun_unknown(self, query: Query) -> bool:
        """ "Which X …?" / « À quel X … ? » anywhere in the question, with an X the article
        never mentions in any form ("which party", « quel parti »)."""
        tokens, language = query.tokens, query.language
        askers = typing_words(language, "asker")
        if askers.isdisjoint(tokens):
            return False
        known = self._asked_nouns.get((tokens, language))
        if known is None:
            known = self._asked_noun_unknown(tokens, language, askers)
            if len(self._asked_nouns) < CACHE_LIMIT:
                self._asked_nouns[(tokens, language)] = known
        return known

    def _asked_noun_unknown(
        self, tokens: tuple[str, ...], language: str, askers: frozenset[str]
    ) -> bool:
        skip = folded_words(language, "determiners")
        for place, token in enumerate(tokens[:-1]):
            if token not in askers:
                continue
            noun = next((t for t in tokens[place + 1:] if t not in skip), None)
            if noun is None or noun in folded_words(language, "stopwords"):
                continue
            if self._reader.match(noun, language).how in ("unknown", "fuzzy"):
                return True
        return False

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
