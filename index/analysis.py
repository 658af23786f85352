"""Text analysis: a Lucene-style chain of small steps, the same for paragraphs and questions.

normalise marks → lower-case → tokenise → strip elisions → strip clitics → drop stop words →
fold accents → stem (Snowball). Every step takes a list of tokens and returns a list of tokens
(the text enters as a one-token list), so the chain is a plain tuple a reader can print.
Languages differ only in their data files (``index/data/<lang>/``) and their Snowball stemmer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

import Stemmer

from index.lexicon import word_list

_SNOWBALL_NAMES = {
    "fr": "french", "en": "english", "de": "german", "es": "spanish", "it": "italian",
    "pt": "portuguese", "nl": "dutch",
}
# Every apostrophe-like mark becomes ', every quotation mark becomes " (they then split tokens).
_MARKS = str.maketrans({
    "’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'", "′": "'",
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‹": '"', "›": '"', "″": '"',
})
_MARK_PAIRS = tuple((chr(code), str(mark)) for code, mark in _MARKS.items())
# Letters that NFD does not decompose but a reader folds all the same.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l"})
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


class AnalysisStep(Protocol):
    """One single-purpose step: tokens in, tokens out."""

    @property
    def name(self) -> str: ...

    def __call__(self, tokens: list[str]) -> list[str]: ...


@dataclass(frozen=True)
class NormaliseMarks:
    """Unicode NFC, one apostrophe form and one quotation-mark form: ``l’État`` → ``l'État``."""

    name: str = "normalise marks"

    def __call__(self, tokens: list[str]) -> list[str]:
        return [_replace_marks(unicodedata.normalize("NFC", t)) for t in tokens]


def _replace_marks(text: str) -> str:
    """``text.translate(_MARKS)``: one mark at a time, each only if present (much faster on
    non-ASCII text; the same, as no replacement is itself a mark that is replaced)."""
    for mark, replacement in _MARK_PAIRS:
        if mark in text:
            text = text.replace(mark, replacement)
    return text


@dataclass(frozen=True)
class LowerCase:
    """``Kazakhstan`` → ``kazakhstan``."""

    name: str = "lower-case"

    def __call__(self, tokens: list[str]) -> list[str]:
        return [t.lower() for t in tokens]


@dataclass(frozen=True)
class Tokenise:
    """Words; hyphens split (``Kassym-Jomart`` → ``kassym jomart``), apostrophes stay for later."""

    name: str = "tokenise"

    def __call__(self, tokens: list[str]) -> list[str]:
        words: list[str] = []
        for text in tokens:
            words.extend(_WORD.findall(text))
        return words


@dataclass(frozen=True)
class StripElisions:
    """French elided articles and pronouns: ``l'état`` → ``état``, ``jusqu'à`` → ``à``."""

    elisions: frozenset[str]
    name: str = "strip elisions"

    def __call__(self, tokens: list[str]) -> list[str]:
        out: list[str] = []
        for token in tokens:
            head, apostrophe, tail = token.partition("'")
            while apostrophe and head in self.elisions:
                token = tail
                head, apostrophe, tail = token.partition("'")
            out.append(token)
        return out


@dataclass(frozen=True)
class StripClitics:
    """English possessives and contractions: ``trump's`` → ``trump``, ``isn't`` → ``isn``.

    A remaining inner apostrophe that is no clitic is dropped: ``aujourd'hui`` → ``aujourdhui``.
    """

    clitics: frozenset[str]
    #: contractions dropped whole, whose head is another word: "won't" is no "won"
    contractions: frozenset[str] = frozenset()
    name: str = "strip clitics"

    def __call__(self, tokens: list[str]) -> list[str]:
        out: list[str] = []
        for token in tokens:
            if "'" in token:
                if token in self.contractions:
                    continue
                head, _, tail = token.rpartition("'")
                token = head if tail in self.clitics else token.replace("'", "")
            if token:
                out.append(token)
        return out


@dataclass(frozen=True)
class DropStopWords:
    """Function words that carry no topic, compared with and without accents (``où``, ``ou``)."""

    words: frozenset[str]
    name: str = "drop stop words"

    def __call__(self, tokens: list[str]) -> list[str]:
        return [t for t in tokens if t not in self.words]


@dataclass(frozen=True)
class FoldAccents:
    """``sécurité`` → ``securite``, ``œuvre`` → ``oeuvre``: before stemming, so spellings meet."""

    name: str = "fold accents"

    def __call__(self, tokens: list[str]) -> list[str]:
        return [fold_accents(t) for t in tokens]


@dataclass(frozen=True)
class Stem:
    """Snowball stemming of the language (no-op for a language PyStemmer does not know)."""

    language: str
    name: str = "stem"

    def __call__(self, tokens: list[str]) -> list[str]:
        stem = stemmer_for(self.language)
        return [stem(t) for t in tokens]


def fold_accents(token: str) -> str:
    """``sécurité`` → ``securite``: strip combining marks and spell out ligatures."""
    if token.isascii():  # most words: nothing to fold, and this is the hot path of a question
        return token
    decomposed = unicodedata.normalize("NFD", token.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise(text: str) -> str:
    """Unicode NFC with one apostrophe form and one quotation-mark form."""
    return NormaliseMarks()([text])[0]


#: Where a sentence may end: . ! ? or … (then closing marks), spaces, and a capital, a digit or an
#: opening mark. "M. Dupont", "Mr. Smith", "J. K. Rowling" and "St. Louis" do not end one.
_SENTENCE_END = re.compile(r"[.!?…]+[\"»”’)]*\s+(?=[\"«“‘(]?[A-ZÀ-Ý0-9])")
_NO_END_BEFORE = re.compile(
    r"(?:\b(?:[A-ZÀ-Ý]|M|MM|Mme|Mlle|Mr|Mrs|Ms|Dr|St|Sr|Jr|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Prof|"
    r"No|Vol|vs|etc|av|apr|J\.-C|cf|p)\.)$"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence of ``text`` starts and ends (news prose: a full stop, a question or
    exclamation mark, then a capital; titles and initials before a name do not end one)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group()[0] == "." and _NO_END_BEFORE.search(text, 0, match.start() + 1):
            continue
        end = match.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def tokenise(text: str) -> list[str]:
    """The words of ``text`` as the chain sees them before elisions (kept for callers)."""
    return Tokenise()([text])


@cache
def stemmer_for(language: str) -> Callable[[str], str]:
    """The Snowball stemmer of ``language`` (identity when there is none)."""
    name = _SNOWBALL_NAMES.get(language)
    if name is None or name not in Stemmer.algorithms():
        return _identity
    result: Callable[[str], str] = Stemmer.Stemmer(name).stemWord
    return result


def _identity(word: str) -> str:
    return word


def _with_folded(words: frozenset[str]) -> frozenset[str]:
    return words | frozenset(fold_accents(w) for w in words)


#: Per-token results an analyzer keeps, per stage (questions are unbounded user input).
_TOKEN_CACHE_SIZE = 10_000
#: Steps that work on each token alone (a token in, zero or more out): their results can be
#: kept per distinct token, where the steps before them work on the whole text.
_TOKENWISE = (StripElisions, StripClitics, DropStopWords, FoldAccents, Stem)


@dataclass(frozen=True)
class Analyzer:
    """The analysis chain of one language: ``steps`` in order, the last one stemming."""

    language: str
    steps: tuple[AnalysisStep, ...] = field(compare=False)
    #: per stage, each token's output of the token-wise steps (see :meth:`_per_token`)
    _token_cache: dict[int, dict[str, tuple[str, ...]]] = field(
        default_factory=dict, compare=False, repr=False, init=False
    )
    _split_at: int = field(default=0, compare=False, repr=False, init=False)
    _stages: tuple[int, int, int] = field(default=(0, 0, 0), compare=False, repr=False, init=False)
    _query_steps: tuple[AnalysisStep, ...] = field(
        default=(), compare=False, repr=False, init=False
    )

    @property
    def step_names(self) -> tuple[str, ...]:
        return tuple(step.name for step in self.steps)

    def __post_init__(self) -> None:
        steps = self.steps
        # How many steps work on the whole text: up to the tokeniser when every step after it is
        # token-wise and the ones before it are the usual marks and case steps; else all of them.
        split = len(steps)
        if (
            len(steps) >= 3
            and type(steps[0]) is NormaliseMarks
            and type(steps[1]) is LowerCase
            and type(steps[2]) is Tokenise
            and all(type(step) in _TOKENWISE for step in steps[3:])
        ):
            split = 3
        object.__setattr__(self, "_split_at", split)
        # where tokens(), words() and analyze() stop in the chain
        tokens = next(
            (i for i, s in enumerate(steps) if isinstance(s, DropStopWords | FoldAccents | Stem)),
            len(steps),
        )
        words = next((i for i, s in enumerate(steps) if isinstance(s, Stem)), len(steps))
        object.__setattr__(self, "_stages", (tokens, words, len(steps)))
        object.__setattr__(
            self, "_query_steps",
            tuple(s for s in steps if isinstance(s, DropStopWords | FoldAccents)),
        )

    def _run(self, text: str, stop: int) -> list[str]:
        """``steps[:stop]`` on ``text``, run on each whitespace-separated chunk alone and kept per
        distinct chunk. The same tokens as on the whole text: a word never spans whitespace,
        and the marks, NFC and case steps never join or change anything across it."""
        if stop <= self._split_at:
            tokens = [text]
            for step in self.steps[:stop]:
                tokens = step(tokens)
            return tokens
        cache = self._token_cache.get(stop)
        if cache is None:
            cache = self._token_cache.setdefault(stop, {})
        steps = self.steps[:stop]
        out: list[str] = []
        full = len(cache) >= _TOKEN_CACHE_SIZE
        unknown: list[str] = []  # chunks not kept once the cache is full, analysed together
        for chunk in text.split():
            done = cache.get(chunk)
            if done is None:
                if full:
                    unknown.append(chunk)
                    continue
                tokens = [chunk]
                for step in steps:
                    tokens = step(tokens)
                done = cache[chunk] = tuple(tokens)
                full = len(cache) >= _TOKEN_CACHE_SIZE
            elif unknown:
                out.extend(self._chain(unknown, steps))
                unknown = []
            out.extend(done)
        if unknown:
            out.extend(self._chain(unknown, steps))
        return out

    @staticmethod
    def _chain(tokens: list[str], steps: tuple[AnalysisStep, ...]) -> list[str]:
        for step in steps:
            tokens = step(tokens)
        return tokens

    def analyze(self, text: str) -> list[str]:
        """Index terms of ``text``, in order."""
        return self._run(text, self._stages[2])

    def words(self, text: str) -> list[str]:
        """The accent-folded words of ``text`` just before stemming (for fuzzy matching)."""
        return self._run(text, self._stages[1])

    def tokens(self, text: str) -> list[str]:
        """The words of ``text`` before any is dropped: every word, elisions and clitics off."""
        return self._run(text, self._stages[0])

    def words_of_tokens(self, tokens: list[str]) -> list[str]:
        """:meth:`words` continued from :meth:`tokens` (so a question is tokenised once)."""
        cache = self._token_cache.get(-1)
        if cache is None:
            cache = self._token_cache.setdefault(-1, {})
        steps = self._query_steps
        out: list[str] = []
        for token in tokens:
            done = cache.get(token)
            if done is None:
                words = [token]
                for step in steps:
                    words = step(words)
                done = tuple(words)
                if len(cache) < _TOKEN_CACHE_SIZE:
                    cache[token] = done
            out.extend(done)
        return out

    def stem(self, word: str) -> str:
        """The stem of one folded word, as the chain's last step makes it."""
        return stemmer_for(self.language)(word)


def _chain(language: str, stop_words: frozenset[str]) -> tuple[AnalysisStep, ...]:
    return (
        NormaliseMarks(),
        LowerCase(),
        Tokenise(),
        StripElisions(word_list(language, "elisions")),
        StripClitics(word_list(language, "clitics"), word_list(language, "contractions")),
        DropStopWords(_with_folded(stop_words)),
        FoldAccents(),
        Stem(language),
    )


@cache
def analyzer_for(language: str) -> Analyzer:
    """The chain for paragraphs of ``language``."""
    return Analyzer(language, _chain(language, word_list(language, "stopwords")))


@cache
def query_analyzer_for(languages: tuple[str, ...]) -> Analyzer:
    """The chain for questions: the first language's, also dropping question words and filler.

    When the question is in another language than the article, the stop and question words of
    every language in ``languages`` are dropped, so that neither language's filler counts.
    """
    stops: frozenset[str] = frozenset()
    for language in languages:
        stops |= word_list(language, "stopwords") | word_list(language, "question_words")
    return Analyzer(languages[0], _chain(languages[0], stops))
