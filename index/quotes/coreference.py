"""Coreference: who a pronoun, a description or an unattributed quotation stands for.

The scores are ``salience.Salience``'s (recency, subject, speaker, gender, number); this stage
asks it at the right places: a pronoun subject of a cue (« a-t-il déclaré », "he said"), a
description (« la retraitée », "the Louisiana Republican"), a demonstrative (« celle-ci »), a
subject pronoun of the narrative (which keeps its person on stage), and a quotation the article
repeats with its attribution elsewhere.
"""

from __future__ import annotations

import re

from index.quotes.people import Person
from index.quotes.reading import Reading

# A gendered subject pronoun opening a clause: "She urged", "But he persisted", « Elle a ».
_SUBJECT_PRONOUN = {
    "en": re.compile(r"(?:^|[.;,:]\s+|\b(?:but|and|when|then|so)\s+|^\W*)\b([Hh]e|[Ss]he)\s+"
                     r"(?!said|says|told|tells)[a-z]"),
    "fr": re.compile(r"(?:^|[.;,:]\s+|\b(?:mais|et|puis|alors)\s+|^\W*)\b([Ii]l|[Ee]lle)\s+"
                     r"(?!a\s+(?:dit|déclaré|affirmé|expliqué))[a-zà-ÿ]"),
}

_DEMONSTRATIVES = frozenset(("celle-ci", "celui-ci", "ce dernier", "cette dernière", "the latter"))


def _quoted_words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


class Coreference(Reading):
    """coreference"""

    def repeated(self) -> None:
        """« « On ne reviendra pas en arrière » : le conseil a adopté … »: a quotation with no
        cue that the article quotes again with its attribution is that speaker's."""
        attributed = [f for f in self.found if f.kind == "direct" and f.cue is not None and
                      f.person is not None]
        # Which attributed quotations hold each word: a lookup, not a scan of them all.
        holding: dict[str, set[int]] = {}
        for i, other in enumerate(attributed):
            for word in _quoted_words(self.text_of(other)):
                holding.setdefault(word, set()).add(i)
        for found in self.found:
            if found.kind != "direct" or found.cue is not None:
                continue
            words = _quoted_words(self.text_of(found))
            if len(words) < 3:
                continue
            sets = sorted((holding.get(w, set()) for w in words), key=len)
            common = set(sets[0]).intersection(*sets[1:])
            for i in sorted(common):
                if attributed[i].paragraph != found.paragraph:
                    found.person = attributed[i].person
                    break

    def pronoun_chain(self, index: int, masked: str, s_start: int, s_end: int) -> None:
        """"She urged police to investigate. […] But she persisted.": a subject pronoun of the
        narrative keeps its person on stage, as a mention at its own place."""
        for match in _SUBJECT_PRONOUN[self.grammar.language].finditer(masked, s_start, s_end):
            gender, number = self.grammar.pronouns.get(match.group(1).lower(), ("x", "s"))
            self.history.at(index, match.start(1))
            # A narrative pronoun is less sure than a speaker's: it teaches no gender.
            person = self.history.resolve(gender, number, self.grammar.language == "en",
                                          learn=False)
            if person is not None:
                self.history.append(person)
        self.history.at(index, s_start, sentence=True)

    def last_person(self, gender: str, head: str | None = None) -> Person | None:
        """The person a description stands for ("the Louisiana Republican"): named before the
        sentence that describes them."""
        return self.history.last_person(gender, head)

    def pronoun(self, pronoun: str, match: re.Match[str] | None) -> Person | None:
        gender, number = self.grammar.pronouns.get(pronoun.lower(), ("x", "s"))
        if pronoun.lower() in _DEMONSTRATIVES:
            named = self.last_named(pronoun, gender)
            if named is not None:
                return named
        found = self.history.resolve(gender, number, self.grammar.language == "en")
        if found is not None:
            return found
        if number == "s" and gender in ("m", "f"):
            # "When I meet Priya Raman at her studio, … "…," she tells me": nobody on stage yet,
            # the person named last before the pronoun.
            return self.named_before(pronoun)
        return None

    def named_before(self, pronoun: str) -> Person | None:
        """The full name mentioned last in this paragraph before ``pronoun``."""
        text = self.article.paragraphs[self.current].text
        here = re.search(rf"(?<!\w){re.escape(pronoun)}(?!\w)", text, re.IGNORECASE)
        if here is None:
            return None
        for at, name in self.cast.mentions_back(self.current):
            if at < self.current - 1:
                break  # older than the paragraph before
            if name in self.cast.organisations or len(name.split()) < 2:
                continue
            if at < self.current or 0 <= text.find(name) < here.start():
                return self.cast.person(name)  # here, or in the paragraph before
        return None

    def last_named(self, pronoun: str, gender: str) -> Person | None:
        """« Celle-ci », « ce dernier », "the latter": the person named last before the pronoun,
        whether or not they spoke (« face à la présidente, Gwenaëlle Morvan. Celle-ci … »)."""
        text = self.article.paragraphs[self.current].text
        here = text.lower().find(pronoun.lower())
        for at, name in self.cast.mentions_back(self.current):
            if at < self.current - 1:
                break  # older than the paragraph before
            if at == self.current and not 0 <= text.find(name) < here:
                continue
            if name in self.cast.organisations:
                continue
            person = self.cast.people.get(self.cast.canonical(name))
            known = person.gender if person is not None else \
                self.cast.role_gender(self.cast.roles.get(name, ""))
            if person is not None and person.is_organisation:
                continue
            if gender in ("x", known) or (known == "x" and name in self.cast.roles):
                return person or self.cast.person(name, role=self.cast.roles.get(name))
        return None

