"""Quotation marks: where quotations open and close in a paragraph.

French and English typography (« » with or without non-breaking spaces, “ ”, „ “, ‘ ’, straight
" "), nested quotations, quotations left open at the end of a paragraph (they continue in the next
one) and a lone closing mark whose opening mark a scraped page lost.

Then which of them hold speech: not words quoted as words, titles, hashtags or scare quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.quotes.grammar import NAME
from index.quotes.reading import Reading

#: Opening mark → the marks that may close it.
CLOSERS: dict[str, str] = {"«": "»", "“": "”“", "„": "“”", "‘": "’", '"': '"', "‹": "›"}
OPENERS = frozenset(CLOSERS)
CLOSING = frozenset("»”’\"›")
#: Every quotation mark: the only characters ``find_spans`` acts on.
_MARK = re.compile(
    "[" + re.escape("".join(sorted(OPENERS | CLOSING | set("".join(CLOSERS.values()))))) + "]")
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
    for sign in _MARK.finditer(text):  # every other character leaves the stack as it is
        i, char = sign.start(), sign.group()
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

# Words put in quotation marks as words, not as speech: « le mot "skatt" », "the words".
_AS_WORDS = re.compile(
    r"(?:\b(?:mot|mots|nom|terme|termes|slogan|banderole|pancarte|word|term|name|"
    r"titled|intitulée?s?|baptisée?s?|dubbed|called|appelée?s?|surnommée?s?|nicknamed|"
    r"nickname|surnom|so-called|soi-disant|prétendue?s?|known\s+as|connue?s?\s+sous\s+le\s+nom\s+de|"
    # Written words, not speech: a sign « sur laquelle on peut lire », a flag "bearing the words".
    r"lire|lit|inscrit|inscription|reads|reading|bearing\s+the\s+words)\s*[:,]?\s*"
    r"(?:(?:a|an|the|un|une|le|la|les|des)\s+)?|\(\s*)$",
    re.IGNORECASE,
)

# A word glossed after its quotation marks: « "skatt", soit impôt », "“mahalo,” meaning".
_GLOSS = re.compile(r"^\s*,?\s*(?:soit|qui\s+signifie|signifiant|c[’']est-à-dire|autrement\s+dit|"
                    r"meaning|which\s+means|i\.e\.)(?!\w)", re.IGNORECASE)

_POUR = re.compile(rf"(?:^|[.!?]\s+)(?:(?:(?:Mais|But|Or|Et),?\s+)?(?:[Pp]our|[Ff]or)\s+"
                   rf"(?:[^,.\x01]{{0,60}}\s)?{NAME}|Pour\s+(?:lui|elle|eux|elles))\s*,")


def _short(text: str, span: Span) -> bool:
    inner = text[span.start:span.end]
    return len(inner.split()) <= 3 and not inner.endswith(("!", "?", ".", "…"))


class SpeechMarks(Reading):
    """Which quotations are speech, not words quoted as words, titles, hashtags or scare quotes."""

    def near_speech(self, text: str, quotes: list[Span]) -> bool:
        """Speech in this paragraph (a cue, a long quotation) or in the one before."""
        if self.spoke or any(not _short(text, s) for s in quotes):
            return True
        return self.grammar.cue.search(text) is not None or \
            self.grammar.sources.search(text) is not None or _POUR.search(text) is not None

    def as_words(self, text: str, span: Span) -> bool:
        """Quotation marks around words as words or a name as a name, not around speech."""
        if not span.opened:
            return False
        if _AS_WORDS.search(text[max(0, span.open - 30):span.open]):
            return True
        inner = text[span.start:span.end]
        if re.fullmatch(r"[#@]\w+", inner):
            return True  # a hashtag or a handle in marks is a name, not speech
        words = inner.split()
        # A bare proper name in marks (« La Fabrique verte », « Macron ») is a title, not speech.
        return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words) and span.open > 0 \
            and not inner.endswith(("!", "?", "."))

    def bare_word(self, text: str, span: Span) -> bool:
        """One word in quotation marks that no reporting verb governs is a word, not speech:
        « les mots pour désigner l’impôt, "skatt", et trésor, "skattkammer" », « la "rumeur"
        qui circule », "some "stress-trace" might"; « a dit son « soulagement » » is speech."""
        inner = text[span.start:span.end]
        if len(inner.split()) != 1 or not inner[:1].islower() or inner.endswith(("!", "?", "…")):
            return False
        if _GLOSS.match(text[span.close + 1:] if span.close >= span.start else ""):
            return True  # « "skatt", soit impôt »: a word and its translation
        before = re.split(r"[,;:.!?()«»“”\"„]", text[:max(0, span.open)])[-1]
        near = " ".join(before.split()[-6:])
        return self.grammar.cue.search(near) is None

