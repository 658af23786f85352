"""Small talk: "merci !", "lol 😂", "👍", "hello" are said to the bot, not asked of the article.

Such a message gets no "the article does not answer that": nothing in a group, a short friendly
hint in a private chat. The rule is data (`bot/data/smalltalk.toml`): words per language and
kind, fillers, and the shapes of written laughter; this module only applies it.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final, Literal

Kind = Literal["greeting", "thanks", "laughter", "ack"]
KINDS: Final[tuple[Kind, ...]] = ("thanks", "greeting", "laughter", "ack")  # first one wins

# A word: letters or digits, with apostrophes inside ("d'accord", "c'est").
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_REPEATS = re.compile(r"(.)\1{2,}")  # three or more of the same letter: "merciii"


@dataclass(frozen=True)
class Lexicon:
    """One language's words by kind, and the fillers that may stand beside them."""

    language: str
    kinds: dict[Kind, frozenset[str]]
    fillers: frozenset[str]


@dataclass(frozen=True)
class SmallTalk:
    """What a message of small talk is: its kind and the language its words belong to.

    ``language`` is None when the words belong to every language ("ok", "lol", "👍").
    """

    kind: Kind
    language: str | None


@dataclass(frozen=True)
class Rules:
    max_words: int
    lexicons: tuple[Lexicon, ...]
    laughter: tuple[re.Pattern[str], ...]


@cache
def rules() -> Rules:
    """The rules of ``bot/data/smalltalk.toml``, read once."""
    text = resources.files("bot").joinpath("data/smalltalk.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    lexicons = []
    for language, table in data.items():
        if not isinstance(table, dict) or language == "shapes":
            continue
        kinds: dict[Kind, frozenset[str]] = {
            kind: frozenset(fold(word) for word in table.get(kind, ())) for kind in KINDS
        }
        fillers = frozenset(fold(word) for word in table.get("fillers", ()))
        lexicons.append(Lexicon(language, kinds, fillers))
    shapes = tuple(re.compile(pattern) for pattern in data["shapes"]["laughter"])
    return Rules(int(data["max_words"]), tuple(lexicons), shapes)


def fold(text: str) -> str:
    """Lower-case, accents removed, typographic apostrophes straightened."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words_of(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _spellings(word: str) -> tuple[str, ...]:
    """The word, and with long runs of one letter counted twice and once."""
    return (word, _REPEATS.sub(r"\1\1", word), _REPEATS.sub(r"\1", word))


def _laughs(word: str, shapes: tuple[re.Pattern[str], ...]) -> bool:
    return any(shape.match(word) for shape in shapes)


def classify(text: str) -> SmallTalk | None:
    """The small talk ``text`` is, or None when it may be a question about the article."""
    found = rules()
    words = words_of(text)
    if not words:
        # Emoji, punctuation, nothing to search: "👍", "😂😂", "!!"; an empty text is not talk.
        return SmallTalk("ack", None) if text.strip() else None
    if len(words) > found.max_words:
        return None
    fits: list[tuple[str, Kind]] = []
    for lexicon in found.lexicons:
        fitting = _kind_in(words, lexicon, found.laughter)
        if fitting is not None:
            fits.append((lexicon.language, fitting))
    if not fits:
        return None
    language = fits[0][0] if len(fits) == 1 else None
    # Where two languages fit, the kind named first in KINDS wins ("ok merci" is thanks).
    kind = min((kind for _, kind in fits), key=KINDS.index)
    return SmallTalk(kind, language)


def _kind_in(
    words: list[str], lexicon: Lexicon, shapes: tuple[re.Pattern[str], ...]
) -> Kind | None:
    """The kind of small talk ``words`` are in ``lexicon``'s language, or None if they are not."""
    kinds_seen: set[Kind] = set()
    for word in words:
        spellings = _spellings(word)
        kinds = {k for k, listed in lexicon.kinds.items() if any(s in listed for s in spellings)}
        if not kinds and any(_laughs(s, shapes) for s in spellings):
            kinds = {"laughter"}
        if kinds:
            kinds_seen |= kinds
        elif not any(s in lexicon.fillers for s in spellings):
            return None  # a word of the article's world: a question, not small talk
    if not kinds_seen:
        return None  # only fillers ("you", "so"): say nothing clever, search it
    return min(kinds_seen, key=KINDS.index)
