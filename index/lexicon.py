"""Per-language word lists kept as data files under ``index/data/<language>/``."""

from __future__ import annotations

import re
from array import array
from functools import cache
from importlib import resources

SUPPORTED_LANGUAGES: tuple[str, ...] = ("fr", "en")


@cache
def word_list(language: str, name: str) -> frozenset[str]:
    """The words of ``data/<language>/<name>.txt``: one per line, ``#`` starts a comment.

    A language or list that has no file gives an empty set, so that adding a language is a
    matter of adding its files.
    """
    return frozenset(phrase_list(language, name))


@cache
def phrase_list(language: str, name: str) -> tuple[str, ...]:
    """Like :func:`word_list` but keeps file order and multi-word entries (patterns, phrases)."""
    resource = resources.files("index") / "data" / language / f"{name}.txt"
    if not resource.is_file():
        return ()
    entries: list[str] = []
    for line in resource.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return tuple(entries)


@cache
def gendered_names(language: str, name: str) -> dict[str, str]:
    """``data/<language>/<name>.txt`` read as ``first name | m or f`` lines."""
    table: dict[str, str] = {}
    for entry in phrase_list(language, name):
        first, _, gender = entry.partition("|")
        table[first.strip()] = gender.strip()
    return table


@cache
def phrase_pattern(language: str, name: str) -> re.Pattern[str]:
    """Any phrase of ``data/<language>/<name>.txt``, lower-case, as whole words, the longest
    first ("because of" before "because"); a pattern that matches nothing where there is none.
    Search it in lower-cased text."""
    phrases = sorted(phrase_list(language, name), key=len, reverse=True)
    if not phrases:
        return re.compile(r"(?!)")
    return re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(p.lower()) for p in phrases) + r")(?!\w)"
    )


@cache
def ending_rules(source: str, target: str) -> tuple[tuple[str, str], ...]:
    """Cognate ending rules from ``source`` to ``target`` words, longest ending first.

    Read from ``data/<source>/cognates_<target>.txt`` (``ending target_ending`` a line), or, when
    only the opposite file exists, from it read backwards: "nuclear" ↔ "nucleaire".
    """
    pairs: list[tuple[str, str]] = []
    for entry in phrase_list(source, f"cognates_{target}"):
        left, _, right = entry.partition(" ")
        pairs.append((left.strip(), right.strip()))
    if not pairs:
        for entry in phrase_list(target, f"cognates_{source}"):
            left, _, right = entry.partition(" ")
            pairs.append((right.strip(), left.strip()))
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@cache
def synonym_groups(language: str, name: str = "synonyms") -> tuple[tuple[str, ...], ...]:
    """Groups of everyday words of ``language`` that say the same thing ("salary wages pay");
    with ``name="word_forms"``, groups of forms of one word its stemmer does not join ("sell
    sold sale")."""
    return tuple(tuple(entry.split()) for entry in phrase_list(language, name))


@cache
def derivation_rules(language: str) -> tuple[tuple[str, str], ...]:
    """Ending pairs of ``language`` that turn a verb into its noun and back ("closure" ↔
    "close", « fermeture » ↔ « fermer »), from ``data/<language>/derivations.txt``, each read
    both ways, longest ending first."""
    pairs: list[tuple[str, str]] = []
    for entry in phrase_list(language, "derivations"):
        left, _, right = entry.partition(" ")
        left, right = left.strip(), right.strip()
        left, right = ("" if left == "-" else left), ("" if right == "-" else right)
        pairs.extend(((left, right), (right, left)))
    return tuple(sorted(dict.fromkeys(pairs), key=lambda pair: -len(pair[0])))


@cache
def translations(source: str, target: str) -> dict[str, tuple[str, ...]]:
    """Everyday words of ``source`` with their ``target`` words (multi-word entries allowed).

    Read from ``data/<source>/translations_<target>.txt`` (``word target words…`` a line), and
    backwards from ``data/<target>/translations_<source>.txt``: each target word then gives back
    the source word.
    """
    table: dict[str, list[str]] = {}
    for entry in phrase_list(source, f"translations_{target}"):
        word, *targets = entry.split()
        table.setdefault(word, []).extend(targets)
    for entry in phrase_list(target, f"translations_{source}"):
        word, *targets = entry.split()
        for back in targets:
            table.setdefault(back, []).append(word)
    return {word: tuple(dict.fromkeys(targets)) for word, targets in table.items()}


#: Zipf frequencies at and above this are everyday words ("year", « faire »): specificity 0 ...
COMMON_ZIPF = 5.5
#: ... and at and below this, words specific to a subject ("langoustines"): specificity 1
#: (a word wordfreq's small list lacks is rarer than its floor, Zipf 3, so it is one too).
RARE_ZIPF = 2.5


def _zipf_table(language: str) -> dict[str, float]:
    """Each word of wordfreq's small list of ``language``, accent-folded, with its Zipf
    frequency (log10 of its frequency per billion words); empty where wordfreq lacks it.

    Read once, for :func:`_specificity_table`, straight from wordfreq's data file (its "cBpack":
    gzipped msgpack, a header then one list of words per centibel, the most frequent first)
    with the same arithmetic as ``wordfreq.get_frequency_dict``: importing wordfreq (langcodes,
    ftfy, its caches) cost about 10 MB of the bot's memory for this one table."""
    import gzip
    import importlib.util
    import math
    import unicodedata
    from pathlib import Path

    import msgpack  # type: ignore[import-untyped]  # wordfreq's own reader of its files

    spec = importlib.util.find_spec("wordfreq")  # found, not imported
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).parent / "data" / f"small_{language}.msgpack.gz"
    if not path.is_file():
        return {}
    with gzip.open(path, "rb") as packed:
        data = msgpack.load(packed, raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{path}: unexpected header {header!r}")
    table: dict[str, float] = {}
    for index, bucket in enumerate(data[1:]):
        if not bucket:
            continue
        zipf = math.log10(10 ** (-index / 100)) + 9.0  # wordfreq's cB_to_freq, then to Zipf
        for word in bucket:
            folded = word if word.isascii() else "".join(
                c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
            if zipf > table.get(folded, 0.0):
                table[folded] = zipf
    return table


def specificity(language: str, word: str) -> float:
    """How specific ``word`` (lower-case, accent-folded) is in ``language`` in general, from
    wordfreq: 0 for an everyday word, 1 for a rare one. A question whose specific words an
    article never uses is about something else; its everyday words say little."""
    table = _specificity_table(language)
    value = table.known.get(word, _UNKNOWN)  # table.get(word), its common case inline
    if value is _UNKNOWN:
        value = table.look_up(word)
    if value is None:
        # a word rarer than the list's floor, or no list at all
        return 1.0 if table.values else 0.5
    return value


_UNKNOWN = -1.0  # no value of a _WordValues: not looked up yet


class _WordValues:
    """A read-only ``dict[str, float]`` of many words (``get``, ``in``, ``len``) kept in one
    string and two arrays, looked up by bisection: wordfreq's 30,000 words of a language take
    under 1 MB instead of the 3 MB of a dict of strings and floats. The words looked up are
    kept in a dict of their own (questions repeat their words)."""

    __slots__ = ("_starts", "_text", "known", "values")

    #: Looked-up words kept (questions are unbounded user input).
    KNOWN_LIMIT = 10_000

    def __init__(self, table: dict[str, float], value_of: dict[float, float]) -> None:
        """``table``'s words, each with ``value_of`` its value."""
        words = sorted(table)
        self._text = "".join(words)
        self._starts = array("L", [0])
        for word in words:
            self._starts.append(self._starts[-1] + len(word))
        #: each word's value, in the order of the words
        self.values = array("d", (value_of[table[word]] for word in words))
        #: the words looked up so far, with their value (None: not listed)
        self.known: dict[str, float | None] = {}

    def __len__(self) -> int:
        return len(self.values)

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    def get(self, word: str) -> float | None:
        value = self.known.get(word, _UNKNOWN)
        if value is not _UNKNOWN:
            return value
        return self.look_up(word)

    def look_up(self, word: str) -> float | None:
        """``word``'s value found by bisection (and kept in :attr:`known`)."""
        text, starts = self._text, self._starts
        value = None
        lo, hi = 0, len(self.values)
        while lo < hi:
            mid = (lo + hi) // 2
            here = text[starts[mid]:starts[mid + 1]]
            if here < word:
                lo = mid + 1
            elif here > word:
                hi = mid
            else:
                value = self.values[mid]
                break
        if len(self.known) < self.KNOWN_LIMIT:
            self.known[word] = value
        return value


@cache
def _specificity_table(language: str) -> _WordValues:
    """:func:`specificity` of every listed word of ``language``, computed once."""
    span = COMMON_ZIPF - RARE_ZIPF
    zipfs = _zipf_table(language)
    # one value per centibel of wordfreq's list, not one float per word
    of_zipf = {
        zipf: min(1.0, max(0.0, (COMMON_ZIPF - zipf) / span)) for zipf in set(zipfs.values())
    }
    return _WordValues(zipfs, of_zipf)


def is_listed(language: str, word: str) -> bool:
    """Whether ``word`` (lower-case, accent-folded) is in wordfreq's small list of ``language``."""
    return word in _specificity_table(language)
