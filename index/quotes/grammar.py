"""How newspapers attribute speech, as data: reporting verbs, pronouns, titles, roles, sources.

Everything here is read from ``index/data/<lang>/*.txt``; the compiled patterns are cached per
language so that start-up reads each file once.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from index.lexicon import phrase_list, word_list

#: A capitalised word that can be part of a name: Loukachenko, Kassym-Jomart, M., Covid-19, UCB.
NAME_WORD = (
    r"(?<![\w-])[A-ZÀ-ÖØ-Þ](?:[\w-]*\w|\.)?"
    # O’Brien, Na'moks (not the contractions He's, I'm, Don't, We're), and a possessive 's.
    r"(?:[’'][A-ZÀ-ÖØ-Þ][\w-]*|(?<=\w\w)(?<!Qu)[’'](?!(?:s|t|m|d|ll|re|ve)\b)[a-z]{2,}|[’']s\b)?"
)
#: A title written with its full stop before a name: "Ms. May", "Dr. Keith Ahamad".
_DOTTED_TITLE = r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Mme|Mgr|Pr|Me|St)\.\s+)"
#: Little words inside names: Charles de Gaulle, Ursula von der Leyen; and « d’ » glued to the
#: next word: Jean d’Ormesson, Côte d’Ivoire.
_PARTICLE = r"(?:de|du|des|von|van|der|da|di|al|bin|ben|la|le|el|d’|d')"
NAME = (rf"(?:{_DOTTED_TITLE}(?=[A-ZÀ-ÖØ-Þ]))?"
        rf"{NAME_WORD}(?:(?:\s+{_PARTICLE}){{0,2}}\s+{NAME_WORD}"
        rf"|\s+(?:{_PARTICLE}\s+)?d[’']{NAME_WORD}|-{NAME_WORD}"
        # a firm of two names: Procter & Gamble, « Moët & Chandon »
        rf"|\s+&\s+{NAME_WORD})*")

# French verb-subject inversion and compound tenses: « a-t-il déclaré », « déclare-t-elle ».
_FR_AUXILIARIES = ("a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "est", "sont",
                   "était", "étaient", "va", "vont")
_FR_AUX = f"(?:{'|'.join(_FR_AUXILIARIES)})"
_FR_CLITIC = r"(?:-t-(?:il|elle|on)|-(?:il|elle|ils|elles|on))"
_FR_ADVERB = (
    r"(?:\w+ment|également|encore|aussi|ensuite|alors|déjà|enfin|toutefois|pourtant|même|bien|"
    r"aussitôt|immédiatement|vite|longtemps|souvent|toujours|tout\s+de\s+suite|"
    r"d[’']abord|d[’']ailleurs|lui-même|elle-même|notamment|plus\s+tard|pour\s+sa\s+part|"
    r"de\s+son\s+côté|de\s+nouveau|à\s+nouveau|une\s+nouvelle\s+fois|encore\s+une\s+fois|"
    r"jeudi|lundi|mardi|mercredi|vendredi|samedi|dimanche|hier|aujourd[’']hui)"
)
_EN_AUXILIARIES = ("has", "have", "had", "was", "is", "were", "are", "will", "would", "did", "does")
_EN_AUX = f"(?:{'|'.join(_EN_AUXILIARIES)})"
_EN_ADVERB = (
    r"(?:\w+ly|also|later|then|once|again|previously|recently|often|still|even|soon|already)"
)


#: Text whose lower case the regex engine's IGNORECASE reads letter for letter as ``str.lower``
#: does: Latin-1, « œ », and caseless punctuation. Anything else (ſ, the Kelvin sign, İ …) is
#: scanned by the whole pattern.
_OTHER_CHARACTERS = re.compile(r"[^\x00-\xffŒœ‘’‚“”„«»‹›–—…\u2009\u202f]")
_WORD = re.compile(r"\w+")


class WordPattern:
    """A case-blind pattern that opens on whole words, tried only where one of them stands.

    A cue opens with « se »/« s’ », an auxiliary or a reporting verb, a source with « selon » or
    "according": a pattern over those opening words alone scans the lower-cased text fast, and
    the full pattern is tried at what it finds. ``finditer``/``search``/``match`` answer as the
    compiled pattern's do.
    """

    __slots__ = ("_openings", "pattern", "regex")

    def __init__(self, regex: re.Pattern[str], openings: list[str]) -> None:
        self.regex = regex
        self.pattern = regex.pattern
        self._openings = re.compile(rf"(?<!\w)(?:{_alternation(openings)})(?!\w)")

    def finditer(self, text: str, pos: int = 0,
                 endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if _OTHER_CHARACTERS.search(text):
            yield from self.regex.finditer(text, pos, endpos)
            return
        end = 0
        for opening in self._openings.finditer(text.lower(), pos, endpos):
            at = opening.start()
            if at >= end:
                match = self.regex.match(text, at, endpos)
                if match is not None:
                    end = match.end()
                    yield match

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.match(text, pos, endpos)


@dataclass(frozen=True)
class Grammar:
    """One language's attribution grammar."""

    language: str
    cue: WordPattern
    reflexive_forms: frozenset[str]
    say_forms: frozenset[str]
    pronouns: dict[str, tuple[str, str]]
    titles: dict[str, str]
    roles: dict[str, str]
    organisations: frozenset[str]
    sources: WordPattern
    stopwords: frozenset[str]
    #: Verbs used with or without « se »: « a justifié X », « s'est justifié X ».
    either_forms: frozenset[str] = frozenset()
    #: Forms of verbs listed without ~: « dit » is a reporting verb with no « se » too.
    plain_forms: frozenset[str] = frozenset()


@cache
def words(name: str) -> frozenset[str]:
    """A word list of both languages (``data/fr/<name>.txt`` ∪ ``data/en/<name>.txt``)."""
    return word_list("fr", name) | word_list("en", name)


def _table(language: str, name: str) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for entry in phrase_list(language, name):
        key, _, rest = entry.partition("|")
        table[key.strip()] = [part.strip() for part in rest.split("|")] if rest else []
    return table


def _alternation(words: list[str]) -> str:
    """One regular expression for many words, shaped as a trie so that matching stays fast."""
    trie: dict[str, Any] = {}
    for word in set(words):
        node = trie
        for char in word.lower():
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = []
    for char in sorted(c for c in node if c):
        piece = r"\s+" if char == " " else re.escape(char)
        branches.append(piece + _trie_pattern(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


@cache
def grammar(language: str) -> Grammar:
    """The attribution grammar of ``language`` (French rules for anything but English)."""
    lang = "en" if language == "en" else "fr"
    forms: list[str] = []
    reflexive: set[str] = set()
    either: set[str] = set()
    plain: set[str] = set()
    say: set[str] = set()
    for lemma, rest in _table(lang, "reporting_verbs").items():
        verb_forms = rest[0].split() if rest else []
        verb_forms = _multiword(lemma.removeprefix("(~)").lstrip("~"), verb_forms)
        forms.extend(verb_forms)
        if lemma.startswith("(~)"):
            either.update(verb_forms)
        elif lemma.startswith("~"):
            reflexive.update(verb_forms)
        else:
            plain.update(verb_forms)
        if lemma in ("say", "dire", "tell", "claim", "insist", "argue", "warn", "admit"):
            say.update(verb_forms)
    verbs = _alternation(forms)
    # The words a cue can open with: « se », « s’ », an auxiliary, a verb's first word.
    openings = _first_words(forms)
    openings += ["se", "s", *_FR_AUXILIARIES] if lang == "fr" else [*_EN_AUXILIARIES]
    if lang == "fr":
        cue = (
            # « s’est contentée d’indiquer »: an infinitive after an elided « d’ » too.
            rf"(?:(?<![\w’'-])|(?<=\b[dD][’']))(?P<refl>s[’']\s*|se\s+)?"
            rf"(?:(?P<aux>{_FR_AUX})(?P<clitic1>{_FR_CLITIC})?\s+(?:{_FR_ADVERB}\s+){{0,2}})?"
            rf"(?P<verb>{verbs})(?P<clitic2>{_FR_CLITIC})?(?![\w’'])"
        )
    else:
        cue = (
            rf"(?<![\w’'-])(?:(?P<aux>{_EN_AUX})\s+(?:{_EN_ADVERB}\s+)?)?"
            rf"(?P<verb>{verbs})(?![\w’'])"
        )
    source_phrases = list(phrase_list(lang, "attribution"))
    sources = _alternation(source_phrases)
    return Grammar(
        language=lang,
        cue=WordPattern(re.compile(cue, re.IGNORECASE), openings),
        reflexive_forms=frozenset(f.lower() for f in reflexive),
        say_forms=frozenset(f.lower() for f in say),
        pronouns={k.lower(): (v[0], v[1]) for k, v in _table(lang, "pronouns").items()},
        titles={k: v[0] for k, v in _table(lang, "titles").items()},
        roles={k.lower(): v[0] for k, v in _table(lang, "roles").items()},
        organisations=frozenset(w.lower() for w in phrase_list(lang, "organisations")),
        sources=WordPattern(re.compile(rf"(?<![\w’'-])(?:{sources})(?![\w’'-])", re.IGNORECASE),
                            _first_words(source_phrases)),
        stopwords=word_list(lang, "stopwords") | word_list("fr", "stopwords")
        | word_list("en", "stopwords"),
        either_forms=frozenset(f.lower() for f in either),
        plain_forms=frozenset(f.lower() for f in plain),
    )


def _first_words(phrases: list[str]) -> list[str]:
    """The first whole word of each phrase, lower-cased: « d » of « d’après »."""
    words = []
    for phrase in phrases:
        first = _WORD.match(phrase.lower())
        if first is None:  # a phrase opening on a mark would never be looked for
            raise ValueError(f"{phrase!r} does not open on a word")
        words.append(first.group())
    return words


def _multiword(lemma: str, forms: list[str]) -> list[str]:
    """« faire valoir » is listed as « fait valoir, font valoir… » on one line, split by the bar."""
    if " " not in lemma:
        return forms
    tail = lemma.split(" ", 1)[1]
    words = " ".join(forms).split(f" {tail}")
    return [f"{w.strip()} {tail}" for w in words if w.strip()]
