"""The attribution pipeline: the stages, in order, over each paragraph of an article.

``STAGES`` lists them as spaCy's ``pipe_names`` would: quotation marks → attribution clauses →
speaker mentions → coreference → canonical names. ``extract_quotes`` is the one entry point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.article import Article, Paragraph
from index.quotes.canonical import Canonical
from index.quotes.clauses import Clauses
from index.quotes.coreference import Coreference
from index.quotes.entities import entities
from index.quotes.grammar import grammar
from index.quotes.interviews import Interviews, _interview
from index.quotes.marks import Span, SpeechMarks, _short, find_spans
from index.quotes.mentions import Mentions
from index.quotes.people import Cast, Person
from index.quotes.reading import MASK, Cue, Found, Quote, Reading
from index.quotes.salience import Salience

#: The stages a paragraph goes through, in order; each names the module that decides it.
STAGES: tuple[str, ...] = ("marks", "clauses", "mentions", "coreference", "canonical")


# « PARIS, 14 mars (AFP) – » opening a paragraph: not part of what a source said.
_CLAUSE_DATELINE = re.compile(
    r"[A-ZÀ-Þ][A-ZÀ-Þ .'-]+(?:,[^()–—]{1,30})?\s*\([^)]{1,20}\)\s*[—–-]\s*"
    r"|[A-ZÀ-Þ]{2,}[A-ZÀ-Þ .'-]*(?:,[^–—()]{1,30})?\s*[—–]\s*"
)

# Words that make what follows a noun phrase: articles, « de », "of".
_NOUN_MARKERS = frozenset(("le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "ce",
                           "cette", "ces", "en", "au", "aux", "the", "a", "an", "of", "this",
                           "these", "in", "into"))


#: What may stand before a sentence's subject: « L’association », "The charity", a few words
#: with no « de » or "of" (« Les analystes de la banque X »: X is a complement).
_OPENS = re.compile(r"\s*(?:(?!(?:de|du|des|of)\b)[^\s\x01]+\s+){0,3}", re.IGNORECASE)

def _named_thing(text: str, span: Span, s_start: int) -> bool:
    """A few words in marks after an article or « de », in a sentence with no speech, name a
    thing: « ce projet de « manif de confinement » », "a match called “finale”"."""
    if not _short(text, span) or not span.opened:
        return False
    before = text[s_start:span.open].split()
    return len(before) >= 2 and before[-1].lower().replace("’", "'") in _NOUN_MARKERS


def _nearest(span: Span, cues: list[Cue]) -> Cue | None:
    """The cue of a quotation: the closest one in its sentence, after it preferred."""
    best: Cue | None = None
    best_distance = 10**9
    for cue in cues:
        after = cue.start >= span.end
        distance = cue.start - span.end if after else (span.start - cue.end) * 2 + 1
        if distance < 0:
            distance = 10**8
        if distance < best_distance:
            best, best_distance = cue, distance
    return best


def extract_quotes(article: Article) -> tuple[Quote, ...]:
    """Every quotation of the article's story paragraphs, with its speaker, in reading order."""
    g = grammar(article.language)
    cast = Cast(g)
    texts = [p.text for p in article.paragraphs]
    cast.read(texts, entities(texts, article.language))
    for paragraph in article.paragraphs:
        cast.learn(paragraph.text, paragraph.index, not paragraph.is_boilerplate)
    return _Walker(article, g, cast).run()


def _furniture(article: Article) -> frozenset[int]:
    """Short lines a page repeats ("Story continues below advertisement", "Article Continued
    Below"): page furniture, whatever the boilerplate filter made of them."""
    seen: dict[str, list[int]] = {}
    for paragraph in article.paragraphs:
        if len(paragraph.text.split()) <= 6 and not find_spans(paragraph.text):
            seen.setdefault(paragraph.text.strip().lower(), []).append(paragraph.index)
    return frozenset(i for indices in seen.values() if len(indices) >= 2 for i in indices)


def _has_words(found: Found, article: Article) -> bool:
    """Whether the span holds at least one letter or digit."""
    span = article.paragraphs[found.paragraph].text[found.start:found.end]
    return found.start < found.end and any(c.isalnum() for c in span)


@dataclass
class _Walker(Interviews, Clauses, Mentions, Coreference, SpeechMarks, Canonical, Reading):
    """The walk over an article's paragraphs, each stage applied in ``STAGES`` order."""

    def __post_init__(self) -> None:
        self.history = Salience(self.cast)

    def run(self) -> tuple[Quote, ...]:
        self.answers = _interview(self.article, self.cast)
        furniture = _furniture(self.article)
        body = [p for p in self.article.paragraphs
                if not p.is_boilerplate and p.index not in furniture]
        for i, paragraph in enumerate(body):
            following = body[i + 1].text if i + 1 < len(body) else ""
            pending = [f for f in self.waiting if f.pending]
            self.paragraph(paragraph, following)
            self.close_pending(pending, paragraph)
            self.waiting = [f for f in self.waiting if f.pending]
        self.repeated()
        # A quotation has words: a cue with nothing after it ("SELON !.") leaves an empty span.
        spoken = [f for f in self.found if _has_words(f, self.article)]
        ordered = sorted(spoken, key=lambda f: (f.paragraph, f.start))
        return tuple(self.quote(f) for f in ordered)

    def close_pending(self, pending: list[Found], paragraph: Paragraph) -> None:
        """« … ¶ « … », a-t-il poursuivi. »: the attribution closing a quotation applies to all
        the paragraphs it spans."""
        if not pending:
            return
        ours: list[Found] = []
        for found in reversed(self.found):  # this paragraph's quotations are the last found
            if found.paragraph != paragraph.index:
                break
            if found.kind == "direct":
                ours.insert(0, found)
        continued = paragraph.text.lstrip()[:1] in "«“\"„‘"
        if continued and ours and ours[0].cue is not None and ours[0].person is not None:
            for found in pending:
                found.person, found.cue = ours[0].person, ours[0].cue
        if not (continued and ours and ours[0].pending):
            for found in pending:
                found.pending = False

    # -- one paragraph ---------------------------------------------------------------------
    def paragraph(self, paragraph: Paragraph, following: str) -> None:
        text = paragraph.text
        self.current = self.cast.current = paragraph.index
        if self.tweet(paragraph) or self.answer(paragraph):
            return
        every = find_spans(text)
        spans = [s for s in every if s.depth == 0 and s.end > s.start]
        quotes = [s for s in spans if not self.as_words(text, s) and not self.bare_word(text, s)]
        if not self.near_speech(text, quotes) and not self.tweet(paragraph):
            # A few words in quotation marks far from any speech are scare quotes.
            quotes = [s for s in quotes if not _short(text, s)]
        self.spoke = False
        masked = list(text)
        for span in spans:
            lo = min(span.open, span.start)
            hi = min(len(text), max(span.close + 1, span.end))
            masked[lo:hi] = MASK * (hi - lo)
        masked_text = "".join(masked)
        # "Local MP Sarah Lund told BBC Radio Leeds:" then the quotation on a line of its own.
        introduced: Person | None = self.announced
        self.announced = None
        cues: list[Cue] = []
        narrated: Person | None = None
        on_stage = self.cast.introduced(text, paragraph.index)
        placed = self.cast.placed.get(paragraph.index, [])
        for s_start, s_end in self.sentences(masked_text, text):
            self.history.at(paragraph.index, s_start, sentence=True)
            for at, name, is_subject, complement in placed:
                if s_start <= at < s_end and masked_text[at] != MASK and not complement:
                    self.history.named(paragraph.index, at, name, is_subject,
                                       _OPENS.fullmatch(masked_text, s_start, at) is not None)
            self.pronoun_chain(paragraph.index, masked_text, s_start, s_end)
            in_sentence = [q for q in quotes if s_start <= q.start < s_end]
            for position, name in on_stage:
                if s_start <= position < s_end:
                    narrated = self.cast.person(name)
                    self.history.append(narrated)
            cues = self.cues(masked_text, s_start, s_end, text)
            if not cues:
                # « … que ne partage pas le ministre de l’Économie, Bruno Keraudren. »: a person
                # given a role comes on stage for the next pronoun.
                self.history.extend(self.cast.person(name, role=self.cast.roles[name])
                                    for name in self.cast.names_with_role(
                                        masked_text[s_start:s_end], paragraph.index))
            if not in_sentence and not cues:
                subject = self.narrative_subject(masked_text[s_start:s_end])
                if subject is not None:
                    self.history.append(subject)
                    introduced = subject
                    narrated = subject
                self.history.extend(self.coordinated(masked_text[s_start:s_end], subject))
            if not cues:
                in_sentence = [q for q in in_sentence
                               if not _named_thing(text, q, s_start)]
            for span in in_sentence:
                self.direct(paragraph.index, text, span, cues, introduced, following)
                for inner in every:
                    if inner.depth == 1 and span.start <= inner.open < span.end:
                        self.reported_inside(paragraph.index, text, span, inner)
            if in_sentence and any(c.person is not None for c in cues):
                introduced = None  # "…," Janet Holloway told the BBC. "…": hers, not the group's
            # In reading order: the last speaker is the one whose words come last.
            clauses = sorted(((lo, hi, cue) for cue in cues for lo, hi in cue.clauses),
                             key=lambda clause: clause[0])
            for lo, hi, cue in clauses:
                dateline = _CLAUSE_DATELINE.match(text, lo)
                lo = dateline.end() if dateline and dateline.end() < hi else lo
                if hi <= lo:
                    continue  # « SELON!. »: a source with nothing it could have said
                if not any(q.start - 1 <= lo and hi <= q.end + 1 for q in in_sentence):
                    self.add(Found(paragraph.index, lo, hi, "indirect", cue.person, cue.text))
        if quotes:
            self.handed = None
        elif narrated is not None and not narrated.is_organisation:
            self.handed = narrated
        if text.rstrip().endswith(":") and not quotes:
            self.announced = next((c.person for c in reversed(cues) if c.person is not None),
                                  None) or self.aged_before_colon(text.rstrip())

    def direct(self, index: int, text: str, span: Span, cues: list[Cue],
               introduced: Person | None, following: str) -> None:
        parts, inside = self.incise(text, span)
        # « X a estimé que … une précédente "campagne" en 2022, ce que la mairie … »: a
        # quotation inside a reported clause is that clause's speaker's, whatever cue is nearer.
        # Unless someone in the clause speaks in turn ("that a fan had yelled "Fire!"").
        owner = next((c for c in cues for lo, hi in c.clauses
                      if lo - 2 <= span.start and span.end <= hi + 2 and
                      not any(lo <= other.start < span.start for other in cues)), None)
        cue = owner or _nearest(span, cues)
        person: Person | None
        if inside is not None:
            person, cue_text = inside.person, inside.text
        elif cue is not None:
            # ""…" Those words, posted by Ruth Ambler": the passive's agent, when the cue has
            # no subject of its own.
            person, cue_text = cue.person or self.words_claimed(text, span), cue.text
        else:
            person, cue_text = self.colon_subject(text, span), None
            # Someone this paragraph put on stage before the quotation speaks it, before the
            # previous speaker does (« Jérémy a eu "un petit choc" »).
            self.history.at(index, span.open)
            person = person or self.place_on(text, span) or self.words_claimed(text, span) or \
                introduced or \
                self.history.on_stage_here() or self.handed or self.last
            if person is None:
                person = self.narrative_subject(following)
        waits = not span.closed and cue_text is None
        for lo, hi in parts:
            self.add(Found(index, lo, hi, "direct", person, cue_text, pending=waits))

