"""Dates as articles print them ("3 March 2026", "le 3 mars 2026", "March 3, 2026", "2026-03-03"),
read into ISO 8601 (``2026-03-03``) for an article's metadata."""

from __future__ import annotations

import datetime
import re
import unicodedata
from functools import cache

from index.lexicon import SUPPORTED_LANGUAGES, phrase_list

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:er|st|nd|rd|th)?\s+([^\W\d_]+)\.?,?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
# 03/05/2026: day first, as French and British pages write it (American pages rarely use it in
# a byline line).
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _months() -> dict[str, int]:
    """Month names of every language (and their first three letters) → month number."""
    months: dict[str, int] = {}
    for language in SUPPORTED_LANGUAGES:
        names = [w for w in phrase_list(language, "calendar") if w.strip()][7:19]
        for number, name in enumerate(names, start=1):
            folded = _fold(name)
            months[folded] = number
            months.setdefault(folded[:3], number)
    months["sept"] = 9
    return months


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """The first date written in ``text`` as ``YYYY-MM-DD``, or None when it holds none."""
    months = _months()
    found: list[tuple[int, str]] = []
    for match in _ISO.finditer(text):
        iso = _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if iso:
            found.append((match.start(), iso))
    for match in _DAY_MONTH_YEAR.finditer(text):
        month = months.get(_fold(match.group(2)))
        if month:
            iso = _iso(int(match.group(3)), month, int(match.group(1)))
            if iso:
                found.append((match.start(), iso))
    for match in _MONTH_DAY_YEAR.finditer(text):
        month = months.get(_fold(match.group(1)))
        if month:
            iso = _iso(int(match.group(3)), month, int(match.group(2)))
            if iso:
                found.append((match.start(), iso))
    for match in _NUMERIC.finditer(text):
        iso = _iso(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if iso:
            found.append((match.start(), iso))
    return min(found)[1] if found else None
