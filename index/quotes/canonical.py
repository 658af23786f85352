"""Canonical names: the Speaker a quotation shows, with the fullest name and the role as written."""

from __future__ import annotations

from index.article import Article
from index.quotes.reading import Found, Quote, Reading, Speaker


def _role_case(role: str | None, article: Article) -> str | None:
    """"Student nurse", capitalised only where it opens a sentence → "student nurse"; title case,
    acronyms and a capital the article also writes mid-sentence ("du Premier ministre") stay."""
    if not role or len(role) < 2 or not role[0].isupper() or not role[1].islower():
        return role
    if any(word[:1].isupper() for word in role.split()[1:]):
        return role  # title case ("Health Secretary") is how the article spells the office
    for paragraph in article.paragraphs:
        at = paragraph.text.find(role)
        while at >= 0:
            before = paragraph.text[:at].rstrip(" \u00a0\u202f«“\"‘(")
            if before and before[-1] not in ".!?:;—–-»”\"":
                return role  # written with its capital in the middle of a sentence
            at = paragraph.text.find(role, at + 1)
    return role[0].lower() + role[1:]


class Canonical(Reading):
    """The Speaker a quotation shows: the fullest name, the role as the article writes it."""

    def quote(self, found: Found) -> Quote:
        text = self.article.paragraphs[found.paragraph].text
        person = found.person
        speaker = None
        if person is not None:
            role = person.role
            if role is not None:
                if role not in self.roles:
                    self.roles[role] = _role_case(role, self.article)
                role = self.roles[role]
            speaker = Speaker(person.name, role, person.is_organisation,
                              tuple(sorted(person.aliases)))
        return Quote(found.paragraph, found.start, found.end, text[found.start:found.end],
                     found.kind, speaker, found.cue)

