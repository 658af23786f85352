"""What kind of answer a sentence of news holds: a point in time, a place, a cause, a count.

Each detector reads one sentence as the newspaper wrote it and says how well it answers a
"when", "where", "why" or "how many" question: 1.0 for an expression that answers by itself
("on Tuesday", « la semaine dernière », "in 2019", "at 7.40 a.m.", "in Göteborg", « au
tribunal », "because", « pour éviter »), ``VAGUE`` for one that answers only roughly
("recently", "after the match", "for three weeks", "abroad"), 0 for none. The words are data
(``data/<lang>/time_words.txt``, ``place_words.txt``, ``places.txt``, ``cause_words.txt``); the
shapes of the expressions (a relative word before a period, a number before a unit, a
preposition before a capitalised name) are the grammar below, the same for every language.

They run once per sentence, the first time a question looks at that sentence
(:class:`index.ranking.Sentence`); later questions read the result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from index.analysis import fold_accents
from index.lexicon import phrase_list, phrase_pattern, word_list

#: How much an expression that dates or places only roughly answers ("recently", "abroad").
VAGUE = 0.5

_NUMBER = r"(?:\d+(?:[.,]\d+)?|{words})"
#: A year of news and history: 1000-2099, not a part of a larger number ("3,000", "12.500").
_YEAR = re.compile(r"(?<![\d.,])(?:1\d{3}|20\d{2})(?![\d]|[.,]\d)")
_DECADE = re.compile(r"\b(?:1\d|20)?\d0s\b|'\d0s\b|\bannees (?:(?:19|20)?\d0|soixante|quatre)")
_CENTURY = re.compile(r"\b(?:\d{1,2}|[ivxl]+)(?:st|nd|rd|th|e|eme|er)\s+(?:century|siecle)")
_CLOCK = re.compile(
    r"\b\d{1,2}(?:[.:]\d{2}\s?(?:a\.?m\.?|p\.?m\.?|h)?|\s?(?:a\.?m\b\.?|p\.?m\b\.?)|\s?h\s?\d{0,2}\b)"
)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b")
_SHORT_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|janv|fevr|avr|juil)\.?\s+\d"
)
#: "May" the month, not the verb: written with a capital inside a sentence or before a day.
_MAY = re.compile(r"(?<=[a-z,] )May\b|\bMay \d")
_ADDRESS = re.compile(
    r"\b\d+(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|bd|chemin|route|allee|impasse|quai|"
    r"place|cours)\b|\b\d+\s+[A-Z][\w-]+\s+(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|"
    r"Boulevard|Way|Square|Place)\b"
)


@dataclass(frozen=True)
class Held:
    """What one sentence holds, for the checks: how well it dates, places and explains."""

    date: float
    place: float
    cause: bool


def when(text: str, language: str) -> float:
    """How well ``text`` says when: 1.0 for a date, year, month, weekday, time of day or a
    relative point ("last week", « il y a deux ans »); ``VAGUE`` for a rough one ("recently",
    "after the vote", "for three weeks"); else 0."""
    folded = fold_accents(text.lower().replace("’", "'"))
    words = _time_words(language)
    tokens = set(_WORD.findall(folded))
    if (
        not tokens.isdisjoint(words["point"])
        or _YEAR.search(folded)
        or _DECADE.search(folded)
        or _CENTURY.search(folded)
        or _NUMERIC_DATE.search(folded)
        or _SHORT_MONTH.search(folded)
        or _CLOCK.search(folded)
        or _relative_pattern(language).search(folded)
    ):
        return 1.0
    if not tokens.isdisjoint(words["month"]) or not tokens.isdisjoint(words["weekday"]):
        return 1.0
    if language == "en" and _MAY.search(text):
        return 1.0
    if not tokens.isdisjoint(words["vague"]) or _duration_pattern(language).search(folded):
        return VAGUE
    return 0.0


def where(text: str, language: str) -> float:
    """How well ``text`` says where: 1.0 for a place of the gazetteer ("Göteborg", "Var"), a
    capitalised name or a place noun after a preposition of place ("in Iten", « au tribunal »,
    "at the pier"), an address; ``VAGUE`` for "abroad", « sur place »; else 0."""
    text = text.replace("’", "'")
    if _gazetteer(language).search(text) or _ADDRESS.search(fold_accents(text)):
        return 1.0
    folded = fold_accents(text)
    for match in _named_place(language).finditer(folded):
        if fold_accents(match.group(1).lower()) not in _not_places(language):
            return 1.0
    lowered = folded.lower()
    # « sur place », "at home": a place noun in a phrase that places nothing
    adverbs = _place_adverb_pattern(language)
    if _place_noun_pattern(language).search(adverbs.sub(" ", lowered)):
        return 1.0
    return VAGUE if adverbs.search(lowered) else 0.0


def why(text: str, language: str) -> bool:
    """Whether ``text`` gives a cause or a purpose: a word or phrase of cause_words ("because",
    « en raison de », "due to") or « pour » before an infinitive (« pour éviter »)."""
    lowered = text.lower().replace("’", "'")
    if phrase_pattern(language, "cause_words").search(lowered):
        return True
    purpose = _purpose_pattern(language)
    return purpose is not None and bool(purpose.search(fold_accents(lowered)))


def held(text: str, language: str) -> Held:
    """All three detectors on one sentence."""
    return Held(when(text, language), where(text, language), why(text, language))


# --- the language data, compiled once -------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


@cache
def _time_words(language: str) -> dict[str, frozenset[str]]:
    """The words of time_words.txt by kind, accent-folded, plus months and weekdays."""
    kinds: dict[str, set[str]] = {}
    for entry in phrase_list(language, "time_words"):
        kind, _, word = entry.partition(" ")
        kinds.setdefault(kind, set()).add(fold_accents(word.lower()))
    calendar = [fold_accents(w.lower()) for w in phrase_list(language, "calendar")]
    kinds["weekday"] = set(calendar[:7])  # each file lists its own weekdays first
    kinds["month"] = {fold_accents(w) for w in word_list(language, "date_words")}
    return {kind: frozenset(words) for kind, words in kinds.items()}


def _alternation(words: frozenset[str] | set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


@cache
def _number_words(language: str) -> str:
    numbers = {fold_accents(w) for w in word_list(language, "number_words")}
    values = phrase_list(language, "number_values")
    numbers |= {fold_accents(form) for entry in values for form in entry.split()[1:]}
    numbers |= {"a", "an", "one", "un", "une", "quelques", "plusieurs", "several", "few"}
    return _NUMBER.format(words=_alternation(numbers))


@cache
def _relative_pattern(language: str) -> re.Pattern[str]:
    """ "last week", "two years ago", « la semaine dernière », « il y a deux ans », « cette
    année », « début mars »."""
    words = _time_words(language)
    relative = _alternation(words.get("relative", frozenset()))
    period = _alternation(words.get("period", frozenset()) | words["month"])
    unit = _alternation(words.get("unit", frozenset()))
    number = _number_words(language)
    shapes = [
        rf"\b(?:{relative})[ -](?:{period})\b",
        rf"\b(?:{period}) (?:{relative})\b",
        rf"\b{number} (?:{unit}) "
        r"(?:ago|earlier|later|before|after|plus tot|plus tard|auparavant)\b",
        rf"\bil y a {number} (?:{unit})\b",
        rf"\b(?:in|within|dans|d'ici) {number} (?:{unit})\b",
    ]
    return re.compile("|".join(shapes))


@cache
def _duration_pattern(language: str) -> re.Pattern[str]:
    """A number of time units: "for three weeks", « pendant deux ans »."""
    unit = _alternation(_time_words(language).get("unit", frozenset()))
    return re.compile(rf"\b{_number_words(language)} (?:{unit})\b")


def _place_words(language: str, kind: str) -> frozenset[str]:
    return frozenset(
        fold_accents(entry.partition(" ")[2])
        for entry in phrase_list(language, "place_words")
        if entry.partition(" ")[0] == kind
    )


@cache
def _gazetteer(language: str) -> re.Pattern[str]:
    """The places of places.txt, as written (a capital, so "nice" and "chad" are not places)."""
    names = set(phrase_list(language, "places"))
    names |= {fold_accents(n) for n in names}
    return re.compile(rf"(?<![\w-])(?:{_alternation(names)})(?![\w-])")


@cache
def _named_place(language: str) -> re.Pattern[str]:
    """A preposition of place, maybe a determiner, then a capitalised word ("in Iten")."""
    prepositions = _place_words(language, "preposition") - {"to", "on", "sur", "jusqu'a"}
    determiners = "the|la|le|les|l'"
    return re.compile(
        rf"(?<![\w-])(?:{_alternation(prepositions)})\s+(?:(?:{determiners})\s*)?"
        r"([A-Z][\w-]+)"
    )


@cache
def _not_places(language: str) -> frozenset[str]:
    """Capitalised words that follow "in"/« en » without being places: months, days."""
    words = _time_words(language)
    return words["month"] | words["weekday"] | frozenset({"fact", "total", "effet", "tout"})


@cache
def _place_noun_pattern(language: str) -> re.Pattern[str]:
    """A preposition of place, up to two small words, then a noun of place ("at the pier")."""
    prepositions = _alternation(_place_words(language, "preposition"))
    nouns = _alternation(_place_words(language, "noun"))
    return re.compile(
        rf"(?<![\w-])(?:{prepositions})\s+(?:[\w']+\s+){{0,2}}?(?:l')?(?:{nouns})s?(?![\w-])"
    )


@cache
def _place_adverb_pattern(language: str) -> re.Pattern[str]:
    adverbs = _alternation(_place_words(language, "adverb"))
    return re.compile(rf"(?<![\w-])(?:{adverbs})(?![\w-])")


@cache
def _purpose_pattern(language: str) -> re.Pattern[str] | None:
    """A purpose or a reason in the shape of the sentence: « pour » before an infinitive or a
    noun phrase (« pour éviter la fermeture », « pour les musulmans »), a participle of cause
    (« estimant que », « en votant »); "to" before a verb ("created to coordinate"), ", -ing"
    ("…, creating scarcity"), "for their/its …" ("melted down for their gold")."""
    if language == "fr":
        return re.compile(
            r"\bpour\b|^\s*\w{3,}ant\b|\ben \w{3,}ant\b|\w : \w"
        )
    if language == "en":
        stop = "|".join(sorted(_TO_NOT_A_VERB))
        return re.compile(
            rf"\bto (?!(?:{stop})\b)[a-z]{{3,}}\b|, [a-z]{{3,}}ing\b|"
            r"\bfor (?:their|its|his|her|the sake)\b"
        )
    return None


#: Words after "to" that are no verb of purpose ("to the US", "to date").
_TO_NOT_A_VERB = frozenset({
    "the", "a", "an", "his", "her", "their", "its", "our", "your", "my", "this", "that", "these",
    "those", "them", "him", "me", "us", "you", "date", "be", "have", "which", "what", "whom",
    "some", "all", "any", "each", "every", "one", "two", "three", "about", "around", "nearly",
    "more", "less", "many", "much", "other", "another", "both",
})
