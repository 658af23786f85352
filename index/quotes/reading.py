"""The state of reading one article: the quotations found so far, the cast, who is on stage.

Every stage is a mixin over :class:`Reading`; what one stage asks of another is declared here
(a stub the stage that decides it overrides), so that each module shows what it offers.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from index.article import Article, Paragraph
from index.quotes.grammar import NAME, Grammar
from index.quotes.people import Cast, Person
from index.quotes.salience import Salience

if TYPE_CHECKING:  # marks imports this module for its stage
    from index.quotes.marks import Span

logger = logging.getLogger(__name__)

QuoteKind = Literal["direct", "indirect"]

MASK = "\x01"

NAME_RE = re.compile(NAME)


@dataclass(frozen=True)
class Speaker:
    """Who said a quotation: the canonical name, the role the article gives, and the kind."""

    name: str
    role: str | None = None
    is_organisation: bool = False
    #: The shorter forms the article also uses ("Loukachenko"), for search to index.
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    """A quotation in one paragraph; ``text`` is ``paragraph.text[start:end]``."""

    paragraph: int
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: Speaker | None
    cue: str | None


@dataclass
class Cue:
    start: int
    end: int
    text: str
    person: Person | None
    clauses: list[tuple[int, int]] = field(default_factory=list)
    #: « dit-on »: nobody in particular, not to be given the sentence's other speaker.
    impersonal: bool = False


@dataclass
class Found:
    paragraph: int
    start: int
    end: int
    kind: QuoteKind
    person: Person | None
    cue: str | None
    #: A quotation left open, waiting for the attribution in the paragraph that closes it.
    pending: bool = False


@dataclass
class Reading:
    """What the stages share while they read an article, paragraph after paragraph."""

    article: Article
    grammar: Grammar
    cast: Cast
    history: Salience = field(init=False)
    last: Person | None = None
    found: list[Found] = field(default_factory=list)
    #: The shown form of each role, worked out once per article (see _role_case).
    roles: dict[str, str | None] = field(default_factory=dict)
    current: int = 0
    #: Whether the paragraph read last had a quotation.
    spoke: bool = False
    #: Who the paragraph read last announced with a closing colon ("Sarah Lund told the BBC:").
    announced: Person | None = None
    #: The person a paragraph with no quotation last brought on stage as its subject (« Paul
    #: Berthier, psychiatre à Nice, reçoit … »): a quotation paragraph after it with no
    #: attribution is theirs, not the previous speaker's.
    handed: Person | None = None
    #: Quotations left open, waiting for the paragraph that closes them.
    waiting: list[Found] = field(default_factory=list)
    #: An interview's answers: paragraph → (where the answer starts, who answers).
    answers: dict[int, tuple[int, str]] = field(default_factory=dict)


    def text_of(self, found: Found) -> str:
        return self.article.paragraphs[found.paragraph].text[found.start:found.end]

    def add(self, found: Found) -> None:
        self.spoke = True
        self.found.append(found)
        if found.pending:
            self.waiting.append(found)
        if found.person is not None:
            self.last = found.person
            self.history.spoke(found.person)

    # -- what a stage asks of another: each stub is overridden by the stage it names ------
    def repeated(self) -> None:
        raise NotImplementedError("coreference")

    def quote(self, found: Found) -> Quote:
        raise NotImplementedError("canonical")

    def pronoun_chain(self, index: int, masked: str, s_start: int, s_end: int) -> None:
        raise NotImplementedError("coreference")

    def aged_before_colon(self, before: str) -> Person | None:
        raise NotImplementedError("mentions")

    def answer(self, paragraph: Paragraph) -> bool:
        """An interview's answer paragraph is one quotation of the person who answers."""
        raise NotImplementedError("interviews")

    def tweet(self, paragraph: Paragraph) -> bool:
        """An embedded post: "text pic.twitter.com/… — Name (@handle) March 22, 2022"."""
        raise NotImplementedError("interviews")

    def near_speech(self, text: str, quotes: list[Span]) -> bool:
        """Speech in this paragraph (a cue, a long quotation) or in the one before."""
        raise NotImplementedError("marks")

    def sentences(self, masked: str, text: str) -> list[tuple[int, int]]:
        raise NotImplementedError("clauses")

    def reported_inside(self, index: int, text: str, outer: Span, inner: Span) -> None:
        raise NotImplementedError("clauses")

    def colon_subject(self, text: str, span: Span) -> Person | None:
        """« Vasseur se montrait combatif : “…” »: the subject of the clause before the colon."""
        raise NotImplementedError("mentions")

    def as_words(self, text: str, span: Span) -> bool:
        """Quotation marks around words as words or a name as a name, not around speech."""
        raise NotImplementedError("marks")

    def bare_word(self, text: str, span: Span) -> bool:
        raise NotImplementedError("marks")

    def cues(self, masked: str, s_start: int, s_end: int, text: str) -> list[Cue]:
        raise NotImplementedError("clauses")

    def place_on(self, text: str, span: Span) -> Person | None:
        """« À Bercy, on suit le dossier « … » »: « on » at a place, with no reporting verb."""
        raise NotImplementedError("mentions")

    def place_speaker(self, where: re.Match[str] | None) -> Person | None:
        raise NotImplementedError("mentions")

    def walk_back(self, sentence: str, before: int) -> Person | None:
        """Back over quotations, relative clauses and appositions to the subject chunk."""
        raise NotImplementedError("clauses")

    def last_person(self, gender: str, head: str | None = None) -> Person | None:
        raise NotImplementedError("coreference")

    def named_then_role(self, chunks: list[str]) -> Person | None:
        raise NotImplementedError("mentions")

    def possessive_role(self, chunk: str) -> bool:
        """"Nova Scotia's chief medical officer", "Chelsea's manager": a role of a named owner."""
        raise NotImplementedError("mentions")

    def leading_subject(self, sentence: str) -> Person | None:
        """"The mayor returned … and declared": the subject at the head of the sentence."""
        raise NotImplementedError("mentions")

    def narrative_subject(self, sentence: str) -> Person | None:
        """The named person a narrative sentence opens with: "Her father Henryk, who …"."""
        raise NotImplementedError("mentions")

    def coordinated(self, sentence: str, subject: Person | None) -> list[Person]:
        raise NotImplementedError("mentions")

    def opening_name(self, sentence: str) -> Person | None:
        raise NotImplementedError("mentions")

    def mention(self, np: str, match: re.Match[str] | None) -> Person | None:
        """The Person a subject noun phrase stands for, or None when it is not one."""
        raise NotImplementedError("mentions")

    def document_author(self, np: str) -> Person | None:
        raise NotImplementedError("mentions")

    def description(self, np: str) -> Person:
        raise NotImplementedError("mentions")

    def is_role_or_body(self, np: str) -> bool:
        raise NotImplementedError("mentions")

    def is_role_description(self, np: str) -> bool:
        raise NotImplementedError("mentions")

    def pronoun(self, pronoun: str, match: re.Match[str] | None) -> Person | None:
        raise NotImplementedError("coreference")

    def incise(self, text: str, span: Span) -> tuple[list[tuple[int, int]], Cue | None]:
        """« A, explique X. B »: a reporting verb inside the quotation splits it in two."""
        raise NotImplementedError("clauses")
