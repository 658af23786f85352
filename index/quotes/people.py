"""Who is who in an article: names and their fullest form, roles, organisations, pronouns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.quotes.grammar import NAME, Grammar

_NAME_RE = re.compile(NAME)
_DETERMINERS = frozenset(
    "le la les l' l’ un une des du de d' d’ ce cette ces son sa ses leur leurs the a an his her "
    "their its this that these those".split()
)
# Words that open a chunk without being part of its subject: « Mais », "But", « Alors ».
_LEADING = re.compile(
    r"^(?:(?:mais|et|puis|alors|or|donc|ainsi|enfin|but|and|so|then|yet|typically|also)\b[,\s]*)+",
    re.IGNORECASE,
)
# Complements that follow an inverted subject: « … a déclaré X sur Telegram », "said X on Monday".
_COMPLEMENT = re.compile(
    r"\s+(?:sur|dans|lors|à|au|aux|en|devant|depuis|pendant|avant|après|selon|avec|par|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|mi-\w+|"
    r"on|in|at|to|before|after|while|when|during|from|with|as|last|this|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday)\b.*$",
    re.IGNORECASE,
)


@dataclass
class Person:
    """Everything the article says about one speaker; becomes a ``Speaker``."""

    name: str
    role: str | None = None
    gender: str = "x"
    number: str = "s"
    is_organisation: bool = False
    aliases: set[str] = field(default_factory=set)


@dataclass
class Cast:
    """The people and organisations of one article, built from all its paragraphs first."""

    grammar: Grammar
    names: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)

    def learn(self, text: str) -> None:
        """Note the names of a paragraph and the roles written next to them."""
        for match in _NAME_RE.finditer(text):
            name = self.strip_title(match.group(0))
            if self.is_name(name, text, match.start()):
                self.names.append(name)
                before = text[: match.start()].rstrip()
                role = _role_before(before, self.grammar)
                if role and name not in self.roles:
                    self.roles[name] = role
                role_after = self._role_after(text[match.end():])
                if role_after and name not in self.roles:
                    self.roles[name] = role_after

    def _role_after(self, after: str) -> str | None:
        """"Name, role," — the role of an apposition after the name."""
        match = re.match(r",\s+([^,.;:«»“”\"]{3,90}?)(?:,|\.|;|$)", after)
        if not match:
            return None
        words = match.group(1).split()
        if words and words[0].lower() in _DETERMINERS:
            words = words[1:]
        if words and any(self._role_word(w) for w in words[:3]) and words[0][:1].islower():
            return " ".join(words)
        return None

    def _role_word(self, word: str) -> bool:
        return word.lower().strip(",") in self.grammar.roles

    def is_name(self, name: str, text: str, at: int) -> bool:
        """A capitalised sequence that is a name, not a sentence-initial word or a month."""
        first = name.split()[0].lower().strip(".")
        if first in self.grammar.stopwords or first in _CALENDAR:
            return False
        return len(name) > 1

    def strip_title(self, name: str) -> str:
        words = name.split()
        while len(words) > 1 and (words[0] in self.grammar.titles or f"{words[0]}." in self.grammar.titles):
            words = words[1:]
        return " ".join(words)

    def title_gender(self, text: str) -> str:
        word = text.split()[0] if text.split() else ""
        return self.grammar.titles.get(word, "x")

    def canonical(self, name: str) -> str:
        """The fullest form of ``name`` in the article: Loukachenko → Alexandre Loukachenko."""
        words = name.split()
        best = name
        for candidate in self.names:
            cwords = candidate.split()
            if len(cwords) > len(best.split()) and _contains(cwords, words):
                best = candidate
        return best

    def person(self, name: str, role: str | None = None, gender: str = "x",
               organisation: bool = False, alias: str | None = None) -> Person:
        """The one Person behind every form of ``name``, created on first mention."""
        key = self.canonical(name) if not organisation else name
        found = self.people.get(key)
        if found is None:
            found = Person(key, role or self.roles.get(key), gender, "s", organisation)
            self.people[key] = found
        if role and not found.role:
            found.role = role
        if gender != "x":
            found.gender = gender
        if alias and alias != key:
            found.aliases.add(alias)
        if name != key:
            found.aliases.add(name)
        return found

    def by_role(self, description: str) -> Person | None:
        """"the speaker", « la journaliste »: the person the article gave that role."""
        words = [w.lower() for w in description.split() if w.lower() not in _DETERMINERS]
        if not words:
            return None
        for name, role in reversed(self.roles.items()):
            role_words = role.lower().replace("’", "'").split()
            if all(w in role_words for w in words):
                return self.person(name, role=role)
        return None


_CALENDAR = frozenset(
    "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet "
    "août septembre octobre novembre décembre monday tuesday wednesday thursday friday saturday "
    "sunday january february march april may june july august september october november "
    "december".split()
)


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def _role_before(before: str, grammar: Grammar) -> str | None:
    """"le président biélorusse Alexandre Loukachenko": the role words right before a name."""
    words = re.findall(r"[\w’'-]+", before[-80:])
    tail: list[str] = []
    for word in reversed(words):
        low = word.lower()
        if low in _DETERMINERS or not (word[:1].islower() or low in grammar.roles
                                       or word.endswith(("’s", "'s"))):
            break
        tail.insert(0, word)
        if len(tail) > 5:
            return None
    if before.endswith(","):
        return None
    # "Le président du Kazakhstan, Kassym-Jomart Tokayev" is handled as an apposition.
    if any(w.lower() in grammar.roles for w in tail) or " ".join(tail).lower() in grammar.roles:
        return " ".join(tail)
    return None


def clean_np(chunk: str) -> str:
    """A subject chunk without leading conjunctions and the complements after it."""
    chunk = chunk.strip(" ,;:\u00a0")
    chunk = _LEADING.sub("", chunk)
    return chunk.strip(" ,;:\u00a0")


def cut_complements(chunk: str) -> str:
    """"le bureau de Tokayev sur Telegram" → "le bureau de Tokayev"."""
    return _COMPLEMENT.sub("", " " + chunk).strip() if chunk else chunk
