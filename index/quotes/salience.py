"""Coreference: which person a pronoun or a description (« il », "the mayor", « la retraitée ») is.

Decides by salience, in the manner of Lappin and Leass: every person the article brings on stage
(a name in the narrative, a subject, a speaker) is a mention with a place; a pronoun goes to the
compatible mention (gender, number, person or organisation) with the highest score, where a
mention's weight halves with each paragraph back, and being a sentence's subject or having just
spoken adds to it. Names inside quotations are no candidates: they are what was said, not who.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from index.quotes.people import Cast, Person

#: A person known only by an indefinite description: « un porte-parole », "a neighbour".
_INDEFINITE = re.compile(r"(?:un|une|a|an|some|des)\s", re.IGNORECASE)
#: How many paragraphs back a pronoun may reach.
WINDOW = 4
#: The weight of a mention in the pronoun's own paragraph; it halves with each paragraph back.
RECENCY = 100.0
#: Being the subject of its sentence ("Scheer found", « Zeng Jiajun a utilisé »).
SUBJECT = 30.0
#: Having been given a quotation: the speaker of an exchange keeps the floor.
SPEAKER = 20.0
#: Within one paragraph, the later mention is nearer.
POSITION = 10.0


@dataclass
class Mention:
    """One appearance of a person: where, and in which role in its sentence."""

    paragraph: int
    at: int
    person: Person | None = None
    #: A name the cast knows, turned into a Person only if a pronoun picks it.
    name: str | None = None
    subject: bool = False
    spoke: bool = False


@dataclass
class Salience:
    """The people on stage as the walker reads the article, each with its mentions."""

    cast: Cast
    mentions: list[Mention]

    def __init__(self, cast: Cast) -> None:
        self.cast = cast
        self.mentions = []
        self.paragraph = 0
        self.here = 0
        self.sentence = 0

    # -- what the walker tells it -----------------------------------------------------------
    def at(self, paragraph: int, here: int, sentence: bool = False) -> None:
        """Where the walker reads now (``sentence``: a sentence starts there): mentions noted
        next are placed there."""
        self.paragraph, self.here = paragraph, here
        if sentence:
            self.sentence = here

    def append(self, person: Person, subject: bool = True, spoke: bool = False) -> None:
        """A person brought on stage here (a subject, a source, a speaker)."""
        self.mentions.append(Mention(self.paragraph, self.here, person, None, subject, spoke))

    def extend(self, people: Iterable[Person]) -> None:
        for person in people:
            self.append(person)

    def named(self, paragraph: int, at: int, name: str, subject: bool,
              opens: bool = False) -> None:
        """A name in the narrative of a paragraph, at ``at``, if it can be a person's, or an
        organisation's that ``opens`` its sentence as its subject."""
        if self.personal(name, subject) or (subject and opens and
                                            name in self.cast.organisations):
            # « L’association X a publié … », then « a-t-elle affirmé »: the body acting
            self.mentions.append(Mention(paragraph, at, None, name, subject))

    def personal(self, name: str, subject: bool = False) -> bool:
        """A person's name: two words or more with no organisation word, or a short form of
        one, or a name the article gives a role, or a single name doing something ("Mulder
        didn't hesitate"); not an acronym, a place or a capitalised word."""
        cast = self.cast
        words = name.split()
        if (name in cast.owners and name not in cast.plain) or \
                name in cast.organisations or name in cast.places or cast.known_place(name) or \
                any(w.isupper() or any(c.isdigit() for c in w) for w in words) or \
                re.fullmatch(r"[A-Z]{2,}s", words[-1]):  # "Russian MPs": a group
            return False
        if any(w.lower() in cast.grammar.organisations for w in words):
            return False
        full = cast.canonical(name)
        known = cast.people.get(full)
        if known is not None:
            return not known.is_organisation
        # A single word the article never capitalises mid-sentence may be any word opening a
        # sentence (« Après », "Six", "Cafe").
        return len(full.split()) >= 2 or name in cast.roles or (subject and name in cast.midcaps)

    def spoke(self, person: Person) -> None:
        """``person`` was given a quotation here."""
        self.mentions.append(Mention(self.paragraph, self.here, person, None, True, True))

    # -- what the walker asks ---------------------------------------------------------------
    def person_of(self, mention: Mention) -> Person:
        if mention.person is None:
            name = mention.name or ""
            mention.person = self.cast.person(name, role=self.cast.roles.get(name))
        return mention.person

    def gender_of(self, mention: Mention) -> tuple[str, str, bool]:
        """(gender, number, is_organisation) of a mention, without creating its Person."""
        if mention.person is not None:
            p = mention.person
            return p.gender, p.number, p.is_organisation
        name = mention.name or ""
        known = self.cast.people.get(self.cast.canonical(name))
        if known is not None:
            return known.gender, known.number, known.is_organisation
        organisation = name in self.cast.organisations or any(
            w.lower() in self.cast.grammar.organisations for w in name.split())
        gender = self.cast.role_gender(self.cast.roles.get(name, ""))
        if gender == "x" and not organisation:
            gender = self.cast.name_gender(self.cast.canonical(name))
        return gender, "s", organisation

    def ranked(self, fits: Callable[[str, str, bool, Mention], bool],
               window: int = WINDOW, earlier: bool = False) -> list[tuple[float, Mention]]:
        """Mentions before the reading point (``earlier``: before its sentence) that ``fits``
        accepts, best first."""
        scores: dict[int, tuple[float, Mention]] = {}
        here = self.sentence if earlier else self.here
        for mention in reversed(self.mentions):
            if mention.paragraph < self.paragraph - window:
                break
            place = (mention.paragraph, mention.at)
            if place > (self.paragraph, here) or (earlier and place == (self.paragraph, here)):
                continue
            gender, number, organisation = self.gender_of(mention)
            if not fits(gender, number, organisation, mention):
                continue
            distance = self.paragraph - mention.paragraph
            score = RECENCY * 0.5 ** distance
            if distance == 0:
                score += POSITION * min(1.0, mention.at / max(1, self.here))
            score += SUBJECT * mention.subject + SPEAKER * mention.spoke
            key = id(mention.person) if mention.person is not None else \
                id(self.cast.people.get(self.cast.canonical(mention.name or ""))) \
                if self.cast.canonical(mention.name or "") in self.cast.people else \
                hash(self.cast.canonical(mention.name or ""))
            if key not in scores or score > scores[key][0]:
                scores[key] = (score, mention)
        return sorted(scores.values(), key=lambda pair: -pair[0])

    def resolve(self, gender: str, number: str, english: bool,
                learn: bool = True) -> Person | None:
        """The person a subject pronoun of ``gender`` (m, f, x, n = it) and ``number`` is;
        with ``learn``, a person of unknown gender takes the pronoun's."""

        def fits(g: str, n: str, organisation: bool, mention: Mention) -> bool:
            if gender == "n":
                return organisation
            if english and organisation and gender in "mf":
                return False
            if number == "p" and n != "p" and not organisation:
                return False
            if number == "s" and n == "p":
                return False
            return not (gender in ("m", "f") and g not in ("x", gender))

        ranked = self.ranked(fits)
        if not ranked:
            return None
        person = self.person_of(ranked[0][1])
        if learn and person.gender == "x" and gender in ("m", "f") and not person.is_organisation:
            person.gender = gender  # "… she said": what the pronoun teaches about the person
        return person

    def on_stage_here(self) -> Person | None:
        """The person the current paragraph made a subject before the reading point, if any."""
        for mention in reversed(self.mentions):
            if mention.paragraph < self.paragraph:
                return None
            if mention.at > self.here or not mention.subject or mention.spoke:
                continue
            _, number, organisation = self.gender_of(mention)
            if not organisation and number == "s":
                return self.person_of(mention)
        return None

    def here_person(self, gender: str) -> Person | None:
        """The salient person of ``gender`` when they are on stage in this very paragraph."""

        def fits(g: str, n: str, organisation: bool, mention: Mention) -> bool:
            return not organisation and n != "p" and (gender in ("x", g) or g == "x") and \
                not (mention.person is not None and mention.person.contrast)

        ranked = self.ranked(fits, window=0, earlier=True)
        return self.person_of(ranked[0][1]) if ranked and ranked[0][1].spoke else None

    def salient_body(self) -> str | None:
        """"The company said", "the team posted": the name last brought on stage that is not
        known as a person (Google, Tesla, the Raptors), within the window."""
        for mention in reversed(self.mentions):
            if mention.paragraph < self.paragraph - WINDOW:
                break
            if (mention.paragraph, mention.at) > (self.paragraph, self.sentence):
                continue
            name = mention.person.name if mention.person is not None else mention.name or ""
            known = mention.person or self.cast.people.get(self.cast.canonical(name))
            if known is not None and known.is_organisation:
                return known.name
            if known is not None and (known.gender != "x" or known.role):
                continue  # a person: given a gender by a pronoun or a title, or a role
            if name not in self.cast.roles and (len(name.split()) == 1 or name.isupper()):
                return name
        return None

    def last_person(self, gender: str, head: str | None = None) -> Person | None:
        """« la retraitée », "the 34-year-old": the salient person of that gender, not a body;
        with the description's ``head`` noun, not someone known only by an indefinite
        description of another noun (« un porte-parole » is not « le professionnel »)."""

        def fits(g: str, n: str, organisation: bool, mention: Mention) -> bool:
            if organisation or n == "p":
                return False
            if mention.person is not None and mention.person.contrast:
                return False
            if head is not None and mention.person is not None and \
                    _INDEFINITE.match(mention.person.name) and \
                    head not in mention.person.name.lower().split():
                return False  # "A state official …" is "the official", not « le professionnel »
            return gender in ("x", g) or g == "x"

        ranked = self.ranked(fits, window=WINDOW + 2, earlier=True)
        return self.person_of(ranked[0][1]) if ranked else None
