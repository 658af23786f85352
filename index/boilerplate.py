"""Paragraphs that belong to the page, not to the story: bylines, footers, links, captions."""

from __future__ import annotations

import re
from functools import cache

from index.lexicon import phrase_list

# A paragraph this long is story text whatever it starts with.
_MAX_BOILERPLATE_CHARS = 400
# A link under "Sur le même sujet" / "Read more" is a headline: short, one line.
_MAX_LINK_CHARS = 160
_LINK_HEADERS = re.compile(
    r"^(?:sur\s+le\s+m[êe]me\s+sujet|[àa]\s+lire\s+aussi|lire\s+aussi|read\s+more|related"
    r"(?:\s+stories)?|more\s+on\s+this\s+story)\s*:?\s*$",
    re.IGNORECASE,
)
# A paragraph before an appeal that names the same page ("Soyons francs : au Courrier du
# Val, on a besoin de vous.") belongs to the appeal when it is this short.
_MAX_APPEAL_LEAD_CHARS = 200
# A section label: one to three words in capitals, no sentence punctuation.
_RUBRIC = re.compile(r"^(?=[^a-zà-ÿ]*$)[A-ZÀ-Ý][A-ZÀ-Ý’'&-]+(?:\s+[A-ZÀ-Ý’'&-]+){0,2}$")
_QUOTED = re.compile(r"^[«“\"„]\s*(?P<inner>[^«»“”\"]+?)\s*[»”\"“]$")


def is_boilerplate(text: str, language: str) -> bool:
    """Whether ``text`` is page furniture rather than the article's own prose.

    The patterns are data (``data/<lang>/boilerplate.txt``, regular expressions matched at the
    start of the paragraph, case-insensitive); both languages' lists apply, since a French page can
    carry an English share button and the reverse.
    """
    stripped = text.strip()
    if not stripped:
        return True
    if len(stripped) > _MAX_BOILERPLATE_CHARS:
        return False
    if _RUBRIC.match(stripped):
        return True  # « ÉCONOMIE », "WORLD NEWS": the section the page files the story under
    if _boilerplate_pattern().match(stripped) or is_page_line(stripped):
        return True
    return is_appeal(stripped)


@cache
def _boilerplate_pattern() -> re.Pattern[str]:
    """Every language's boilerplate patterns as one expression (one pass per paragraph)."""
    patterns = [p for lang in ("fr", "en") for p in phrase_list(lang, "boilerplate")]
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags=re.IGNORECASE)


@cache
def _appeal_pattern() -> re.Pattern[str]:
    patterns = [p for lang in ("fr", "en") for p in phrase_list(lang, "appeals")]
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags=re.IGNORECASE)


@cache
def _page_line_pattern() -> re.Pattern[str]:
    """Whole lines of ``data/<lang>/page_lines.txt`` (case as written: bylines are capitalised)."""
    patterns = [p for lang in ("fr", "en") for p in phrase_list(lang, "page_lines")]
    return re.compile("|".join(f"(?:{p})" for p in patterns))


# A page line is short: a byline, a date, one linked headline.
_MAX_PAGE_LINE_CHARS = 240
# « Lire aussi : … » and [Read more: …] keep their brackets when pasted.
_BRACKETS = "«»[]()“”\" "


def is_page_line(line: str) -> bool:
    """A line that is a byline, a date or a "Read more:" / « Lire aussi : » link, whole.

    Such lines stand alone even in a block of wrapped lines (``data/<lang>/page_lines.txt``).
    """
    stripped = line.strip().strip(_BRACKETS).strip()
    if not stripped or len(stripped) > _MAX_PAGE_LINE_CHARS:
        return False
    return _page_line_pattern().fullmatch(stripped) is not None


def is_appeal(text: str) -> bool:
    """The page asking its readers for money or an address (``data/<lang>/appeals.txt``)."""
    if len(text) > _MAX_BOILERPLATE_CHARS:
        return False
    return _appeal_pattern().search(text) is not None


def _proper_names(text: str) -> set[str]:
    """Capitalised words that do not open a sentence: the names a paragraph mentions."""
    return {m.group(1) for m in re.finditer(r"(?<![.!?:]\s)(?<!^)\b([A-ZÀ-Ý][\w’'-]{2,})", text)}


def is_quoted_bio(text: str) -> bool:
    """A paragraph that is only a quotation of short verbless fragments: an author blurb.

    ("“Spécialiste de la culture pop. Explorateur sympathique. Fanatique d’alcool.”")
    """
    match = _QUOTED.match(text.strip())
    if not match:
        return False
    fragments = [f for f in re.split(r"[.!]\s*", match.group("inner")) if f.strip()]
    return len(fragments) >= 3 and all(len(f.split()) <= 5 for f in fragments)


def page_furniture(texts: list[str], flags: list[bool]) -> list[bool]:
    """Flags that need the paragraphs around: teasers, link lists, a quoted blurb at the end.

    - a teaser cut with "..." that the next paragraph repeats in full;
    - the short headlines listed under "Sur le même sujet" / "Read more";
    - a paragraph that is wholly a quotation after the story has ended (byline, footer);
    - the short lines just before a readers' appeal that name the same page.
    """
    marked = list(flags)
    # all(flags[i:]) for every i, computed once: the loop below only ever changes marked[i]
    rest_marked = [True] * (len(flags) + 1)
    for i in range(len(flags) - 1, -1, -1):
        rest_marked[i] = rest_marked[i + 1] and flags[i]
    in_links = False
    for i, text in enumerate(texts):
        stripped = text.strip()
        if _LINK_HEADERS.match(stripped):
            marked[i] = True
            in_links = True
            continue
        if in_links and len(stripped) <= _MAX_LINK_CHARS:
            marked[i] = True
            continue
        in_links = False
        following = texts[i + 1].strip() if i + 1 < len(texts) else ""
        if stripped.endswith(("...", "…")):
            head = stripped.rstrip(".… ")
            if len(head) > 40 and following.startswith(head):
                marked[i] = True
        story_over = i > 0 and marked[i - 1] and rest_marked[i + 1]
        if is_quoted_bio(stripped) or (story_over and _QUOTED.match(stripped)):
            marked[i] = True
    for i, text in enumerate(texts):
        if not (marked[i] and is_appeal(text.strip())):
            continue
        names = _proper_names(text)
        j = i - 1
        while j >= 0 and not marked[j] and len(texts[j].strip()) <= _MAX_APPEAL_LEAD_CHARS \
                and not re.search(r"[«»“”\"]", texts[j]) and names & _proper_names(texts[j]):
            marked[j] = True
            j -= 1
    return marked
