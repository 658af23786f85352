"""Quotation marks: where quotations open and close in a paragraph.

French and English typography (« » with or without non-breaking spaces, “ ”, „ “, ‘ ’, straight
" "), nested quotations, quotations left open at the end of a paragraph (they continue in the next
one) and a lone closing mark whose opening mark a scraped page lost.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Opening mark → the marks that may close it.
CLOSERS: dict[str, str] = {"«": "»", "“": "”“", "„": "“”", "‘": "’", '"': '"', "‹": "›"}
OPENERS = frozenset(CLOSERS)
CLOSING = frozenset("»”’\"›")
#: Spaces typographers put between « » and the words.
SPACES = " \u00a0\u202f\u2009\t"


@dataclass(frozen=True)
class Span:
    """One quotation: ``open``/``close`` index the marks; ``start``/``end`` the words between."""

    open: int
    close: int
    start: int
    end: int
    depth: int
    #: False when the paragraph ended before the closing mark (a quote continued below).
    closed: bool = True
    #: False when the opening mark is missing (a lone closing mark on a scraped page).
    opened: bool = True


def _is_word(char: str) -> bool:
    return char.isalnum()


def _opens_here(text: str, i: int, stack: list[tuple[str, int]]) -> bool:
    """Whether the mark at ``i`` opens a quotation (straight and single quotes are ambiguous)."""
    char = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if char == '"':
        return not (stack and stack[-1][0] == '"') and not _is_word(before) and after not in SPACES
    if char == "‘":
        # An apostrophe typed the wrong way round sits between letters.
        return not _is_word(before)
    # “ closes a „German-style quotation; anywhere else it opens one.
    return not (char == "“" and stack and stack[-1][0] == "„")


def find_spans(text: str) -> list[Span]:
    """Every quotation of ``text`` in order of its opening mark, nested ones included."""
    spans: list[Span] = []
    stack: list[tuple[str, int]] = []
    for i, char in enumerate(text):
        if stack and char in CLOSERS[stack[-1][0]] and not _closes_apostrophe(text, i):
            mark, at = stack.pop()
            spans.append(_span(text, at, i, len(stack)))
            continue
        if char in OPENERS and _opens_here(text, i, stack):
            stack.append((char, i))
            continue
        if char in CLOSING and char != '"' and char != "’" and not stack:
            spans.append(_lone_closer(text, i, spans))
    # Marks still open: the outermost quotation runs to the end of the paragraph.
    if stack:
        mark, at = stack[0]
        if mark != '"' or _unclosed_straight_is_quote(text, at):
            span = _span(text, at, len(text), 0)
            spans.append(Span(span.open, len(text), span.start, span.end, 0, closed=False))
    return sorted(spans, key=lambda s: (s.start, s.depth))


def _closes_apostrophe(text: str, i: int) -> bool:
    """’ between two letters is an apostrophe (l’État), not the end of a ‘quote’."""
    if text[i] != "’":
        return False
    return 0 < i < len(text) - 1 and _is_word(text[i - 1]) and _is_word(text[i + 1])


def _unclosed_straight_is_quote(text: str, at: int) -> bool:
    # A stray " with less than two words after it is debris, not a quotation.
    return len(text[at + 1:].split()) >= 2


def _span(text: str, open_at: int, close_at: int, depth: int) -> Span:
    start, end = open_at + 1, close_at
    while start < end and text[start] in SPACES:
        start += 1
    while end > start and text[end - 1] in SPACES:
        end -= 1
    # The comma before the closing mark belongs to the attribution that follows.
    while end > start and text[end - 1] in ",;" + SPACES:
        end -= 1
    return Span(open_at, close_at, start, end, depth)


def _lone_closer(text: str, i: int, spans: list[Span]) -> Span:
    """A closing mark with no opening one: the quotation is the sentence that ends at it."""
    floor = max((s.close + 1 for s in spans), default=0)
    start = floor
    for j in range(i - 1, floor - 1, -1):
        if text[j] in ".!?…" and j + 1 < i and text[j + 1] == " ":
            start = j + 1
            break
    span = _span(text, start - 1, i, 0)
    return Span(i, i, span.start, span.end, 0, opened=False)
