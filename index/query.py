"""A question → what it asks for: language, intent, answer type and weighted words.

Each content word of the question is met with the article's vocabulary once (and cached): its
stem in either language, a number written the other way, a synonym or derived form, a
translation or cognate ending (a question in the other language), else the closest spellings the
article uses (typos, names spelled another way). Words of a role the article gives one speaker
("the lead author") are put back as that speaker's name.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Literal, NamedTuple

from rapidfuzz import fuzz, process

from index.analysis import Analyzer, analyzer_for, fold_accents, query_analyzer_for
from index.language import guess_language
from index.lexicon import (
    SUPPORTED_LANGUAGES,
    derivation_rules,
    ending_rules,
    is_listed,
    phrase_list,
    synonym_groups,
    translations,
    word_list,
)
from index.quotes import Speaker

logger = logging.getLogger(__name__)

Mode = Literal["ask", "quote", "who"]
MODES: tuple[Mode, ...] = ("ask", "quote", "who")
Intent = Literal["fact", "quote", "who"]

#: This many question words from one speaker's role ("lead author") stand for that speaker.
ROLE_MIN_WORDS = 2
#: Fuzzy matching of an unknown question word: minimum rapidfuzz ratio by word length.
FUZZY_MIN_LENGTH = 4
FUZZY_CUTOFF = 80.0
FUZZY_CUTOFF_SHORT = 85.0  # five letters or fewer: one wrong letter is already 20%
#: A question word that is itself a word of the language (wordfreq's list) is matched only to
#: article words that begin with the same this many letters: its inflections, not its neighbours.
FUZZY_LISTED_PREFIX = 4
#: Per-article caches of question words stop growing here (questions are unbounded user input).
CACHE_LIMIT = 10_000

How = Literal[
    "stem", "number", "synonym", "derivation", "translation", "cognate", "fuzzy", "role",
    "unknown",
]


@dataclass(frozen=True)
class QueryWord:
    """A content word of the question and the index terms it was matched to (maybe none)."""

    word: str
    terms: tuple[str, ...]
    how: How
    #: For a word of a role put back as a name: its own terms, which a paragraph may use for the
    #: person instead of the name ("notre Premier ministre"); they count for coverage only.
    described_by: tuple[str, ...] = ()


class Query(NamedTuple):
    """A question read against one article (a named tuple: one is made per question)."""

    question: str
    mode: Mode
    language: str
    #: every word of the question, accent-folded, question words included
    tokens: tuple[str, ...]
    #: its content words, each with the index terms it stands for
    words: tuple[QueryWord, ...]
    #: the terms searched for, in question order (a role's name once)
    terms: tuple[str, ...]
    intent: Intent
    #: the kind of answer the first typed question word expects ("date", "number", "place")
    expected: str | None
    #: the question is in another language than the article
    cross_language: bool
    #: its words written with a capital after the first word, accent-folded and lower-cased:
    #: most likely names ("Qui a battu Nadal ?")
    names: frozenset[str] = frozenset()
    #: it asks how someone replied or reacted (« Qu'a répondu X à … ? »)
    replies: bool = False


#: What a question's token gives: folded form, query words, their terms, role words, asks who,
#: reporting verb, answer type, asks for a reply (see QuestionReader._question_word).
_QuestionWord = tuple[
    str, tuple[QueryWord, ...], tuple[str, ...], int, bool, bool, str | None, bool
]


def speaker_names(speaker: Speaker) -> tuple[str, ...]:
    """The canonical name and the short forms the article uses for it."""
    aliases: tuple[str, ...] = tuple(getattr(speaker, "aliases", ()))
    return (speaker.name, *aliases)


class QuestionReader:
    """Reads questions against one article's vocabulary.

    ``known`` tells whether a term is in the article's index (text or speaker names);
    ``surface`` maps each word of the article as written (accent-folded) to its stem;
    ``speakers`` are the article's speakers, whose roles may stand for their names.
    """

    def __init__(
        self,
        analyzer: Analyzer,
        language: str,
        known: Callable[[str], bool],
        surface: dict[str, str],
        speakers: tuple[Speaker, ...],
        names: frozenset[str] = frozenset(),
    ) -> None:
        self._analyzer = analyzer
        self.language = language
        self._known = known
        self._surface = surface
        self._surface_words = tuple(surface)
        self._names = tuple(w for w in surface if w in names)
        self._word_cache: dict[tuple[str, str], QueryWord] = {}
        self._roles = tuple(
            (frozenset(analyzer.analyze(s.role)), s)
            for s in speakers
            if s.role and not s.is_organisation
        )
        self._role_vocabulary: frozenset[str] = frozenset().union(
            *(terms for terms, _ in self._roles)
        )
        #: per question language, each question token: what it gives (see _question_word)
        self._question_words: dict[str, dict[str, _QuestionWord]] = {}

    # --- the whole question ----------------------------------------------------------------

    def read(self, mode: Mode, question: str) -> Query:
        """``question`` asked in ``mode``: its language, intent, answer type and words.

        A question with no function word of either language ("nuclear weapons", "Belarus") is
        read in the article's language first and, if a word of it then means nothing to the
        article, in the other languages too: the reading that knows most of its words wins."""
        language, sure = guess_language(question, default=self.language)
        query = self._read(mode, question, language)
        if sure or all(w.terms and w.how != "fuzzy" for w in query.words):
            return query
        best, best_known = query, _known_words(query)
        for other in SUPPORTED_LANGUAGES:
            if other != language:
                reading = self._read(mode, question, other)
                known = _known_words(reading)
                if known > best_known:
                    best, best_known = reading, known
        return best

    def _read(self, mode: Mode, question: str, language: str) -> Query:
        """``question`` read as written in ``language``."""
        # each word of the question accent-folded, what it stands for and what it says of the
        # question (kept per word: see _question_word)
        known = self._question_words.get(language)
        if known is None:
            known = self._question_words.setdefault(language, {})
        tokens: list[str] = []
        found: list[QueryWord] = []
        terms: list[str] = []
        role_words = 0
        said = replies = False
        asks_who = False
        typed: list[tuple[int, str, str]] = []  # (place, word, kind) of typed question words
        for token in analyzer_for(language).tokens(question):
            entry = known.get(token)
            if entry is None:
                entry = self._question_word(token, language)
                if len(known) < CACHE_LIMIT:
                    known[token] = entry
            folded, its_words, its_terms, its_roles, is_who, says, kind, reply = entry
            if not tokens:
                asks_who = is_who
            if kind is not None:
                typed.append((len(tokens), folded, kind))
            tokens.append(folded)
            found.extend(its_words)
            terms.extend(its_terms)
            role_words += its_roles
            said = said or says
            replies = replies or reply
        expected = _expected_type(typed, tokens, language)
        # as intent_of(mode, tokens, language)
        intent: Intent = mode if mode != "ask" else "who" if asks_who else (
            "quote" if said else "fact"
        )
        words = tuple(found)
        if role_words >= ROLE_MIN_WORDS:
            words = self.by_role(words)
            # the words of a role all stand for one name: it is searched for once
            first_role = next((w for w in words if w.how == "role"), None)
            terms = [t for w in words if w.how != "role" or w is first_role for t in w.terms]
        return Query(
            question, mode, language, tuple(tokens), words, tuple(terms), intent, expected,
            language != self.language, capitalised(question), replies,
        )

    def query_words(self, tokens: list[str], language: str) -> tuple[QueryWord, ...]:
        """The content words of ``tokens`` (a question's, in ``language``), each matched."""
        languages = tuple(dict.fromkeys((language, self.language)))
        words = query_analyzer_for(languages).words_of_tokens(tokens)
        return tuple(self.match(word, language) for word in words)

    def _question_word(self, token: str, language: str) -> _QuestionWord:
        """What one token of a question in ``language`` gives: its folded form, its query words,
        their terms, how many of them may belong to a role (:meth:`by_role`), whether it asks
        who when it opens the question, whether it is a reporting verb, and the answer type it
        asks for (:func:`intent_of`, :func:`answer_type_of`)."""
        folded = fold_accents(token)
        words = self.query_words([token], language)
        return (
            folded,
            words,
            tuple(t for w in words for t in w.terms),
            sum(1 for w in words if w.terms and self._role_vocabulary.issuperset(w.terms)),
            folded in folded_words(language, "intent_who"),
            folded in folded_words(language, "intent_quote"),
            answer_types(language).get(folded),
            folded in folded_words(language, "reply_words"),
        )

    def by_role(self, words: tuple[QueryWord, ...]) -> tuple[QueryWord, ...]:
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

    def stem(self, word: str) -> str:
        """The article's stem of one lower-case word as written (accents folded first)."""
        return self._analyzer.stem(fold_accents(word))

    # --- one word ----------------------------------------------------------------------------

    def match(self, word: str, language: str) -> QueryWord:
        """Stem in both languages; else a translation or cognate ending; else the closest words."""
        key = (word, language)
        cached = self._word_cache.get(key)
        if cached is not None:
            return cached
        result = self._resolve(word, language)
        if len(self._word_cache) < CACHE_LIMIT:
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
        if language == self.language:
            synonyms = tuple(dict.fromkeys(
                term
                for other in synonyms_of(language).get(own.stem(word), ())
                for term in own.analyze(other)
                if self._known(term)
            ))
            if synonyms:
                return QueryWord(word, synonyms, "synonym")
            derived = self._derived(word, language)
            if derived:
                return QueryWord(word, derived, "derivation")
        if language != self.language:
            targets = translations_of(language, self.language, word)
            translated = tuple(dict.fromkeys(
                term for target in targets for term in own.analyze(target) if self._known(term)
            ))
            if not translated:
                # the article may hold another form of the translation: « gagné » → "win" → "won"
                forms = word_forms(self.language)
                translated = tuple(dict.fromkeys(
                    term
                    for target in targets
                    for form in forms.get(own.stem(fold_accents(target)), ())
                    for term in own.analyze(form)
                    if self._known(term)
                ))
            if translated:
                return QueryWord(word, translated, "translation")
            for ending, target in ending_rules(language, self.language):
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
            for written in number_values(self.language)[1].get(word, ()):
                terms = self._analyzer.analyze(written)
                if terms and all(self._known(t) for t in terms):
                    return tuple(dict.fromkeys(terms))
            return ()
        value = number_values(language)[0].get(word)
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
        """Stems of the article words closest to ``word`` (typos, names spelled another way).
        A word of three letters is matched only to the article's names ("Ryn" for "Ryan"):
        among common words one letter makes another word ("old", "told")."""
        if len(word) < FUZZY_MIN_LENGTH - 1 or word.isdigit():
            return ()
        short = len(word) < FUZZY_MIN_LENGTH
        cutoff = FUZZY_CUTOFF_SHORT if len(word) <= 5 else FUZZY_CUTOFF
        matches = process.extract(
            word, self._names if short else self._surface_words, scorer=fuzz.ratio,
            score_cutoff=cutoff, limit=5,
        )
        if matches and is_listed(self.language, word):
            # a word of the language's dictionary is no typo of another ("religion" is not
            # "region"): only its own inflections, which begin as it does, are its spellings
            # ("détenues" for "détenus")
            head = word[:FUZZY_LISTED_PREFIX]
            matches = [m for m in matches if m[0][:FUZZY_LISTED_PREFIX] == head]
        if not matches:
            return ()
        best = max(score for _, score, _ in matches)
        return tuple(dict.fromkeys(self._surface[m] for m, score, _ in matches if score == best))


# --- what the words of a question say --------------------------------------------------------


def _known_words(query: Query) -> int:
    """How many words of ``query`` the article knows, other than by a close spelling."""
    return sum(1 for w in query.words if w.terms and w.how != "fuzzy")



_CAPITALISED = re.compile(r"(?<=[\w,;:'’\"«»“”)] )[A-ZÀ-Ý][\w-]*")


def capitalised(question: str) -> frozenset[str]:
    """The words of ``question`` that start with a capital letter after its first word,
    accent-folded and lower-cased (most likely names; a question in capitals has none)."""
    rest = question[1:]
    if rest.islower() or rest.isupper() or not rest:
        return frozenset()  # no capital after the first letter, or nothing but capitals
    return frozenset(
        fold_accents(part.lower())
        for word in _CAPITALISED.findall(question)
        for part in word.split("-")
        if part
    )


def question_tokens(question: str, language: str) -> list[str]:
    """Every word of the question, accent-folded, question words included."""
    return [fold_accents(t) for t in analyzer_for(language).tokens(question)]


def intent_of(mode: Mode, tokens: list[str], language: str) -> Intent:
    """/who and /quote say it; free text asks who when it opens with a who word, a quote when it
    holds a reporting verb."""
    if mode != "ask":
        return mode
    if tokens and tokens[0] in folded_words(language, "intent_who"):
        return "who"
    said = folded_words(language, "intent_quote")
    return "quote" if any(t in said for t in tokens) else "fact"


def answer_type_of(tokens: list[str], language: str) -> str | None:
    """The kind of answer the first typed question word of ``tokens`` expects."""
    types = answer_types(language)
    typed = [(i, t, types[t]) for i, t in enumerate(tokens) if t in types]
    return _expected_type(typed, tokens, language)


def _expected_type(
    typed: list[tuple[int, str, str]], tokens: list[str], language: str
) -> str | None:
    """The kind of answer a question expects, from its typed words ``typed`` (place in
    ``tokens``, word, kind): "what/which X" with a typed noun X ("which year", « quel pays »)
    first; else the first typed word that may stand where it stands. A word marked "opening"
    (when, where, why, « quand », « où ») types the question only as one of its first two
    words, its last word ("built when?") or after a preposition ("since when"): inside a
    question it joins clauses ("What happens when the ice melts?")."""
    askers = typing_words(language, "asker")
    if not askers.isdisjoint(tokens):
        nouns = typed_nouns(language)
        for place, token in enumerate(tokens[1:], start=1):
            if token in nouns and tokens[place - 1] in askers:
                return nouns[token]
    if not typed:
        return None
    opening = opening_types(language)
    prepositions = typing_words(language, "preposition")
    last = len(tokens) - 1
    for place, word, kind in typed:
        if (
            word not in opening
            or place < 2
            or place == last
            or tokens[place - 1] in prepositions
        ):
            return kind
    return None


@cache
def typed_nouns(language: str) -> dict[str, str]:
    """The nouns that, after "what/which" (« quel »), ask for a kind of answer (typed_nouns)."""
    entries = (e.split() for e in phrase_list(language, "typed_nouns"))
    return {fold_accents(word): kind for word, kind, *_ in entries}


@cache
def typing_words(language: str, kind: str) -> frozenset[str]:
    """The words of typing_words.txt of one kind ("asker", "preposition"), accent-folded."""
    return frozenset(
        fold_accents(entry.partition(" ")[2])
        for entry in phrase_list(language, "typing_words")
        if entry.partition(" ")[0] == kind
    )


@cache
def opening_types(language: str) -> frozenset[str]:
    """The typed question words that type a question only as one of its first two words."""
    return frozenset(
        fold_accents(parts[0])
        for parts in (e.split() for e in phrase_list(language, "answer_types"))
        if parts[2:] == ["opening"]
    )


def head_phrase(tokens: tuple[str, ...] | list[str], language: str) -> tuple[str, ...]:
    """The noun phrase a "What is the …?" / "Quel est le …?" question asks for: the words after
    the opening and its determiners, up to the first stopword."""
    for opening in asking_openings(language).get(tokens[0] if tokens else "", ()):
        if tuple(tokens[: len(opening)]) == opening:
            skip = folded_words(language, "determiners")
            stop = folded_words(language, "stopwords")
            rest = tokens[len(opening):]
            start = next((i for i, t in enumerate(rest) if t not in skip), len(rest))
            end = next((i for i in range(start, len(rest)) if rest[i] in stop), len(rest))
            return tuple(rest[start:end])
    return ()


# --- the language data, read once -------------------------------------------------------------


@cache
def folded_words(language: str, name: str) -> frozenset[str]:
    """The words of ``data/<language>/<name>.txt``, accent-folded."""
    return frozenset(fold_accents(w) for w in word_list(language, name))


@cache
def synonyms_of(language: str) -> dict[str, tuple[str, ...]]:
    """Each word's stem, with the other forms of the word ("lost": "lose", "loss"), the other
    words of its synonym groups, then the synonyms of its forms ("lost" → "lose" → "cut")."""
    stem = analyzer_for(language).stem

    forms = word_forms(language)
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
def number_values(language: str) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
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


def translations_of(source: str, target: str, word: str) -> tuple[str, ...]:
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
        for form in word_forms(source).get(stem(word), ())
        for target_word in by_stem.get(stem(fold_accents(form)), ())
    ))


@cache
def word_forms(language: str) -> dict[str, tuple[str, ...]]:
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
def asking_openings(language: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The openings of ``asking_openings``, word by word, by their first word."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for entry in phrase_list(language, "asking_openings"):
        opening = tuple(fold_accents(w) for w in entry.split())
        table.setdefault(opening[0], []).append(opening)
    return {first: tuple(openings) for first, openings in table.items()}


@cache
def answer_types(language: str) -> dict[str, str]:
    """Question words with the kind of answer they expect; a measure ("la vitesse du vent",
    "the price") expects a number, as "combien" does."""
    entries = (e.split() for e in phrase_list(language, "answer_types"))
    types = {fold_accents(word): kind for word, kind, *_ in entries}
    for word in word_list(language, "measure_words"):
        types.setdefault(fold_accents(word), "number")
    return types
