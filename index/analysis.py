"""Text analysis: a Lucene-style chain of small steps, the same for paragraphs and questions.

normalise → lower-case → tokenise → strip elisions → drop stop words → fold accents → stem.
Languages differ only in their data files (``index/data/<lang>/``) and their Snowball stemmer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

import Stemmer

from index.lexicon import word_list

_SNOWBALL_NAMES = {"fr": "french", "en": "english", "de": "german", "es": "spanish"}
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'"})
_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


def normalise(text: str) -> str:
    """Unicode NFC with one apostrophe form."""
    return unicodedata.normalize("NFC", text).translate(_APOSTROPHES)


def fold_accents(token: str) -> str:
    """``sécurité`` → ``securite``: strip combining marks."""
    decomposed = unicodedata.normalize("NFD", token)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokenise(text: str) -> list[str]:
    """Words, keeping inner hyphens and apostrophes (``S-400``, ``l'État``) for later steps."""
    tokens: list[str] = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        tokens.extend(part for part in token.split("-") if part)
    return tokens


@dataclass(frozen=True)
class Analyzer:
    """The analysis chain of one language."""

    language: str

    def analyze(self, text: str) -> list[str]:
        """Index terms of ``text``, in order."""
        stem = self._stemmer()
        terms: list[str] = []
        for token in self._words(text):
            terms.append(stem(fold_accents(token)))
        return terms

    def _words(self, text: str) -> Iterable[str]:
        elisions = word_list(self.language, "elisions")
        stops = word_list(self.language, "stopwords")
        for token in tokenise(normalise(text).lower()):
            if "'" in token:
                head, _, tail = token.partition("'")
                token = tail if head in elisions else token.replace("'", "")
            if token and token not in stops:
                yield token

    def _stemmer(self) -> Callable[[str], str]:
        return _stemmer(self.language)


@cache
def _stemmer(language: str) -> Callable[[str], str]:
    name = _SNOWBALL_NAMES.get(language)
    if name is None:
        return lambda word: word
    stemmer = Stemmer.Stemmer(name)
    result: Callable[[str], str] = stemmer.stemWord
    return result


@cache
def analyzer_for(language: str) -> Analyzer:
    return Analyzer(language)
