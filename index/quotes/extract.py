"""The procedure that walks an article and attributes its quotations.

A paragraph is read sentence by sentence with its quotations masked out. The grammar, in order:

- a sentence's attribution covers every quotation in it: a reporting verb (data/<lang>/
  reporting_verbs.txt) and its subject, before the verb ("X said", « X a déclaré que »), after it
  (« …, a déclaré X », « a-t-il déclaré », "…, said X"), or a source (« selon X », "according to
  X", « Pour X, … »); the nearest cue wins, the one after the quotation preferred;
- an incise inside the marks splits the quotation (« A, explique X. B »);
- « que » / "that" / an infinitive / "said" with no "that" opens an indirect clause, which runs to
  the end of the sentence or to the next speaker's incise; so does an incise with no quotation
  ("It looked easy at first, says Marta, but …") and the object of verbs like « critiquer »;
- a quotation with no cue goes to the person the paragraph brought on stage, the subject of the
  clause before a colon, or else the previous speaker; one left open waits for the attribution
  of the paragraph that closes it;
- « on » speaks for the place named with it (« assure-t-on à Matignon », « À la mairie, on
  reconnaît que ») or for nobody; "a spokesperson for the company" for the company named last;
- pronouns go to the last fitting speaker or person on stage (gender, number), « la journaliste »
  or "the Brazilian" to the last person, "the company" to the organisation named last; a person
  given a role in apposition or a role opening a narrative sentence comes on stage, and with
  nobody on stage a pronoun is the full name mentioned last before it;
- scare quotes far from speech, titles, words quoted as words, signs and hashtags are not speech.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from index.article import Article, Paragraph
from index.lexicon import word_list
from index.quotes.coreference import Salience
from index.quotes.grammar import NAME, Grammar, grammar, words
from index.quotes.marks import Span, find_spans
from index.quotes.people import DETERMINERS, Cast, Person, clean_np, cut_complements

logger = logging.getLogger(__name__)

QuoteKind = Literal["direct", "indirect"]

_MASK = "\x01"
_NAME_RE = re.compile(NAME)
# A sentence ends at . ! ? … before a capital, but not after an initial or a title (M. Lindqvist).
# The punctuation is found first and what stands before it checked after: a pattern that opened
# on its look-behinds would try them at every character of the paragraph.
_SENTENCE_END = re.compile(r"[.!?…]+(?=[\s\u00a0]+[A-ZÀ-ÖØ-Þ\x01«“\"„])")
_NOT_AN_END = re.compile(
    r"(?:[\s(.][A-Z]|^[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Mme|Pr|Mgr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|"
    r"Capt))$"
)
_QUE = re.compile(
    r"^(?:\s*,[^,\x01]{1,60},)?(?:\s+[^\s,.;:\x01]+(?=[\s,.;:\x01]|$)){0,4}?"
    r"\s*(?:(?<!\w)que\s+|(?<!\w)qu[’']\s*|(?<!\w)that\s+|(?=(?:avoir|être|ne|n[’']avoir)\b))",
    re.IGNORECASE,
)
# Where a reported clause stops: its source, an incise, a quotation introduced after a comma.
_CLAUSE_STOP = re.compile(
    r",\s+(?:selon|d[’']après|according\s+to|ajoutant|adding)\b|,\s+(?:\w+\s+){0,2}(?=\x01)"
    r"|\s+(?:and|et|but|mais)\s+(?=\x01)|(?:\s+[\w’'-]+){0,3}\s*:\s*(?=\x01)",
    re.IGNORECASE,
)
@cache
def _object_verbs(language: str) -> frozenset[str]:
    """Verbs whose object is what was said: « a critiqué la réforme », "confirmed plans"."""
    return frozenset(w.lower() for w in word_list(language, "object_verbs"))


# How a page embeds a post: its text, hashtags and picture link, then "— Name (@handle) date".
_TWEET = re.compile(
    r"^\W*(?P<text>.+?[.!?…])(?:\s+#\w+)*(?:\s+(?:pic\.twitter\.com|https?://t\.co)/\S+)?\s*"
    r"(?P<signature>[—–-]\s*(?P<name>[^—–@()]+?)\s*\(@\w+\)\s+\w+\s+\d{1,2},\s+\d{4})\s*$"
)
_RELATIVE = re.compile(r"^(?:qui|que|qu[’']|dont|où|who|whom|whose|which|where)\b", re.IGNORECASE)
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
class _Cue:
    start: int
    end: int
    text: str
    person: Person | None
    clauses: list[tuple[int, int]] = field(default_factory=list)
    #: « dit-on »: nobody in particular, not to be given the sentence's other speaker.
    impersonal: bool = False


@dataclass
class _Found:
    paragraph: int
    start: int
    end: int
    kind: QuoteKind
    person: Person | None
    cue: str | None
    #: A quotation left open, waiting for the attribution in the paragraph that closes it.
    pending: bool = False


@dataclass
class _Walker:
    article: Article
    grammar: Grammar
    cast: Cast
    history: Salience = field(init=False)
    last: Person | None = None
    found: list[_Found] = field(default_factory=list)
    #: The shown form of each role, worked out once per article (see _role_case).
    roles: dict[str, str | None] = field(default_factory=dict)
    current: int = 0
    #: Whether the paragraph read last had a quotation.
    spoke: bool = False
    #: Who the paragraph read last announced with a closing colon ("Sarah Lund told the BBC:").
    announced: Person | None = None
    #: Quotations left open, waiting for the paragraph that closes them.
    waiting: list[_Found] = field(default_factory=list)
    #: An interview's answers: paragraph → (where the answer starts, who answers).
    answers: dict[int, tuple[int, str]] = field(default_factory=dict)

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

    def text_of(self, found: _Found) -> str:
        return self.article.paragraphs[found.paragraph].text[found.start:found.end]

    def close_pending(self, pending: list[_Found], paragraph: Paragraph) -> None:
        """« … ¶ « … », a-t-il poursuivi. »: the attribution closing a quotation applies to all
        the paragraphs it spans."""
        if not pending:
            return
        ours = []
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

    def quote(self, found: _Found) -> Quote:
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
            masked[lo:hi] = _MASK * (hi - lo)
        masked_text = "".join(masked)
        # "Local MP Sarah Lund told BBC Radio Leeds:" then the quotation on a line of its own.
        introduced: Person | None = self.announced
        self.announced = None
        cues: list[_Cue] = []
        on_stage = self.cast.introduced(text, paragraph.index)
        placed = self.cast.placed.get(paragraph.index, [])
        for s_start, s_end in self.sentences(masked_text, text):
            self.history.at(paragraph.index, s_start, sentence=True)
            for at, name, subject, complement in placed:
                if s_start <= at < s_end and masked_text[at] != _MASK and not complement:
                    self.history.named(paragraph.index, at, name, subject)
            self.pronoun_chain(paragraph.index, masked_text, s_start, s_end)
            in_sentence = [q for q in quotes if s_start <= q.start < s_end]
            for position, name in on_stage:
                if s_start <= position < s_end:
                    self.history.append(self.cast.person(name))
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
            for cue in cues:
                for lo, hi in cue.clauses:
                    dateline = _CLAUSE_DATELINE.match(text, lo)
                    lo = dateline.end() if dateline and dateline.end() < hi else lo
                    if hi <= lo:
                        continue  # « SELON!. »: a source with nothing it could have said
                    if not any(q.start - 1 <= lo and hi <= q.end + 1 for q in in_sentence):
                        self.add(_Found(paragraph.index, lo, hi, "indirect", cue.person, cue.text))
        if text.rstrip().endswith(":") and not quotes:
            self.announced = next((c.person for c in reversed(cues) if c.person is not None),
                                  None) or self.aged_before_colon(text.rstrip())

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

    def aged_before_colon(self, before: str) -> Person | None:
        """« Même son de cloche chez Martine, 45 ans : », "the same for Dave Jones, 52:": the
        person given an age just before the colon."""
        aged = _AGED_BEFORE_COLON.search(before[:-1].rstrip())
        if aged is None or not self.cast.is_name(aged.group("name"), before, aged.start()):
            return None
        return self.cast.person(self.cast.strip_title(aged.group("name")))

    def answer(self, paragraph: Paragraph) -> bool:
        """An interview's answer paragraph is one quotation of the person who answers."""
        found = self.answers.get(paragraph.index)
        if found is None:
            return False
        start, name = found
        if start < 0:
            return True
        person = self.cast.person(name)
        end = len(paragraph.text.rstrip())
        self.add(_Found(paragraph.index, start, end, "direct", person, "interview"))
        self.history.at(paragraph.index, 0, sentence=True)
        self.history.spoke(person)
        return True

    def tweet(self, paragraph: Paragraph) -> bool:
        """An embedded post: "text pic.twitter.com/… — Name (@handle) March 22, 2022"."""
        match = _TWEET.match(paragraph.text)
        if match is None:
            return False
        person = self.mention(match.group("name"), None) or self.cast.person(match.group("name"))
        lo, hi = match.span("text")
        self.add(_Found(paragraph.index, lo, hi, "direct", person, match.group("signature")))
        return True

    def near_speech(self, text: str, quotes: list[Span]) -> bool:
        """Speech in this paragraph (a cue, a long quotation) or in the one before."""
        if self.spoke or any(not _short(text, s) for s in quotes):
            return True
        return self.grammar.cue.search(text) is not None or \
            self.grammar.sources.search(text) is not None or _POUR.search(text) is not None

    def add(self, found: _Found) -> None:
        self.spoke = True
        self.found.append(found)
        if found.pending:
            self.waiting.append(found)
        if found.person is not None:
            self.last = found.person
            self.history.spoke(found.person)

    def direct(self, index: int, text: str, span: Span, cues: list[_Cue],
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
            person, cue_text = cue.person, cue.text
        else:
            person, cue_text = self.colon_subject(text, span), None
            person = person or self.place_on(text, span) or introduced or self.last
            if person is None:
                person = self.narrative_subject(following)
        waits = not span.closed and cue_text is None
        for lo, hi in parts:
            self.add(_Found(index, lo, hi, "direct", person, cue_text, pending=waits))

    def sentences(self, masked: str, text: str) -> list[tuple[int, int]]:
        return _sentences(masked, text, self.incise_after)

    @property
    def incise_after(self) -> re.Pattern[str]:
        return _incise_after(self.grammar.language)

    def reported_inside(self, index: int, text: str, outer: Span, inner: Span) -> None:
        """« … une voisine qui nous a lancé "courage à tous" »: words the speaker reports
        someone else saying are that person's quotation."""
        region = text[outer.start:inner.open]
        cues = [m for m in self.grammar.cue.finditer(region) if region[m.end():].strip(" :,") == ""]
        if not cues:
            return
        left = region[:cues[-1].start()].rstrip()
        left = re.sub(r"(?:\s(?:nous|vous|me|lui|leur|te|him|her|us|me|them)|\s[mt][’'])$",
                      "", left)
        person: Person | None = None
        for chunk in reversed(re.split(r"[,;:]", left)):
            chunk = chunk.strip()
            antecedent = re.search(r"((?:un|une|le|la|les|des|the|a|an|his|her|my|mon|ma)\s+"
                                   r"[^\s,]+(?:\s+[^\s,]+){0,3}?)\s+(?:qui|who)$", chunk)
            if antecedent:
                person = self.mention(antecedent.group(1), None)
                break
            if chunk and chunk.split()[0].lower() not in DETERMINERS | {"son", "sa", "his"}:
                person = self.mention(chunk, None) if len(chunk.split()) <= 4 else None
                break
        if person is not None:
            self.found.append(_Found(index, inner.start, inner.end, "direct", person,
                                     cues[-1].group(0)))

    def colon_subject(self, text: str, span: Span) -> Person | None:
        """« Vasseur se montrait combatif : “…” »: the subject of the clause before the colon."""
        before = text[:span.open].rstrip(" \u00a0\u202f")
        if not before.endswith(":"):
            return None
        aged = self.aged_before_colon(before)
        if aged is not None:
            return aged
        clause = re.split(r"[,;.!?»”\"]", before[:-1])[-1].strip()
        words = clause.split()
        cut = next((i for i, w in enumerate(words) if i > 0 and w[:1].islower() and
                    w.lower() not in DETERMINERS and w.lower() not in self.grammar.roles), None)
        subject = " ".join(words[:cut]) if cut else ""
        person = self.mention(subject, None) if subject else None
        if person is not None:
            return person
        french_aux = self.grammar.language == "fr" and bool(words) and words[0] == "a"
        if words and words[0][:1].islower() and \
                (words[0].lower() not in DETERMINERS or french_aux):
            # « La présidente, Marie-Odile Kerbrat, l’a interrompu : »: back to the subject.
            sentence = re.split(r"[.!?»”\"]", before[:-1])[-1]
            return self.walk_back(sentence, len(sentence))
        return None

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

    # -- cues ------------------------------------------------------------------------------
    def cues(self, masked: str, s_start: int, s_end: int, text: str) -> list[_Cue]:
        found: list[_Cue] = []
        sentence = masked[s_start:s_end]
        for match in self.grammar.cue.finditer(sentence):
            verb = match.group("verb").lower()
            refl = match.groupdict().get("refl")
            if verb in self.grammar.either_forms:
                # « », s’est justifié X » and « », a justifié X » alike; without « se » only as
                # an incise: « les emplois ne justifiaient pas … » is no speech.
                if not refl and not re.search(r"[,\x01]\s*$", sentence[:match.start()]):
                    continue
            elif refl is not None:
                if verb not in self.grammar.reflexive_forms:
                    continue  # « se demande » is no « demande »
            elif verb not in self.grammar.plain_forms:
                continue  # « s’inquiète » needs its « se »
            if not _plausible_verb(match, sentence):
                continue
            self.history.at(self.current, s_start + match.start())
            cue = self.cue_subject(sentence, match)
            if cue is None:
                continue
            cue.start += s_start
            cue.end += s_start
            if cue.person is not None:
                # Known at once: « Meta a fait savoir qu’il … » resolves « il » to Meta.
                self.history.append(cue.person)
            clause = self.clause(masked, cue.end, s_end, match, text)
            if _INTENDED.search(sentence[:match.start()]):
                pass  # « il voulait dire que … »: what he meant, not what he said
            elif clause is not None:
                cue.clauses.append(clause)
            elif _MASK not in sentence[:cue.end - s_start]:
                cue.clauses.extend(self.narrative_incise(sentence, s_start, match, cue, text))
            if not cue.clauses and verb in _object_verbs(self.grammar.language):
                obj = self.object_clause(masked, cue.end, s_end, text)
                if obj is not None:
                    cue.clauses.append(obj)
            found.append(cue)
        sources = self.sources(masked, s_start, s_end)
        self.history.extend(c.person for c in sources if c.person is not None)
        found.extend(sources)
        self.clause_subjects(found, masked)
        self.share_subjects(found)
        return found

    def clause_subjects(self, cues: list[_Cue], masked: str) -> None:
        """"According to court documents, Tull sent emails warning that …": a participle inside
        a reported clause has that clause's subject, not the source's."""
        for cue in cues:
            if cue.person is not None or cue.impersonal:
                continue
            for other in cues:
                inside = [lo for lo, hi in other.clauses if lo <= cue.start < hi]
                if other is not cue and inside:
                    cue.person = self.opening_name(masked[inside[0]:cue.start])
                    break

    def share_subjects(self, cues: list[_Cue]) -> None:
        """« …, ajoutant que … » has the subject of the sentence's main verb."""
        known = next((c.person for c in cues if c.person is not None), None)
        for cue in cues:
            if cue.person is None and not cue.impersonal:
                cue.person = known or self.last
                if cue.person is not None:
                    self.history.append(cue.person)

    def cue_subject(self, sentence: str, match: re.Match[str]) -> _Cue | None:
        clitic = match.groupdict().get("clitic1") or match.groupdict().get("clitic2")
        text = match.group(0)
        participle = match.group("verb").lower().endswith(("ant", "ing"))
        quoted = _QUOTED_AS.search(sentence[:match.start()]) if participle else None
        if quoted is not None:
            # "Okafor was quoted as saying": the subject of the passive.
            person = self.mention(quoted.group("np"), None)
            if person is not None:
                return _Cue(quoted.start("verb"), match.end(),
                            sentence[quoted.start("verb"):match.end()], person)
        if participle and not match.groupdict().get("aux"):
            # « ajoutant que », "adding that": the subject is the sentence's main speaker.
            return _Cue(match.start(), match.end(), text, None)
        if clitic:
            pronoun = clitic.lstrip("-").removeprefix("t-")
            if pronoun == "on":
                return self.impersonal(sentence, match)
            return _Cue(match.start(), match.end(), text, self.pronoun(pronoun, match))
        modal = _MODAL.search(sentence[:match.start()]) \
            if match.group("verb").lower().endswith(("er", "ir", "re")) else None
        if modal is not None:
            return self.modal_subject(sentence, match, modal)
        opening = _WHO_OPENING.match(sentence[:match.start()])
        if opening is not None:
            # "A state official who spoke on condition of anonymity because he was not
            # authorized to … said": the subject opening the sentence, past its relative clause.
            person = self.mention(opening.group("np"), match)
            if person is not None:
                return _Cue(match.start(), match.end(), text, person)
        left_bound = max(sentence.rfind(c, 0, match.start()) for c in ",;:(—\x01")
        # "A spokeswoman for the Tate, which acquired …, said": a relative clause closed by a
        # comma does not bound the subject; only a « que » after the last comma does.
        punctuation = left_bound
        for que in re.finditer(r"(?<!\w)(?:que|qu[’']|that|after|when|because|while|which|"
                               r"lorsque|quand|car|après|puisque)(?=[\s\w])",
                               sentence[:match.start()]):
            if que.start() > punctuation:
                left_bound = max(left_bound, que.end() - 1)
        left = clean_np(sentence[left_bound + 1:match.start()])
        raw_left = sentence[left_bound + 1:match.start()].strip().lower()
        if raw_left == "on" and self.grammar.language == "fr":
            # « À Matignon, on assure que … »; a bare « on dit que » is nobody in particular.
            person = self.place_speaker(_FRONTED_ON.match(sentence[:match.start()]))
            return _Cue(match.start(), match.end(), text, person, impersonal=person is None)
        if raw_left in _CONJUNCTIONS:
            # « … et a assuré que … »: the subject of the verb before.
            return _Cue(match.start(), match.end(), text, None)
        if left and left.lower().split()[-1] in _CONJUNCTIONS:
            person = self.walk_back(sentence, left_bound + 1) or self.leading_subject(sentence)
            return _Cue(match.start(), match.end(), text, person)
        if left and len(left.split()) <= 9:
            if _RELATIVE.match(left):
                person = self.walk_back(sentence, match.start())
                return _Cue(match.start(), match.end(), text, person)
            person = self.mention(left, match)
            if person is not None:
                return _Cue(match.start(), match.end(), text, person)
            return None
        if left:
            return None
        # Nothing before the verb but a comma or a quotation: the subject is inverted, unless
        # the comma closes a relative clause or an apposition after the subject.
        if self.subject_before_comma(sentence, left_bound):
            person = self.walk_back(sentence, match.start())
            return _Cue(match.start(), match.end(), text, person or self.last)
        right = sentence[match.end():]
        subject = self.inverted(right)
        if subject is not None:
            np_text, person = subject
            return _Cue(match.start(), match.end() + len(np_text), f"{text} {np_text.strip()}",
                        person)
        person = self.walk_back(sentence, match.start())
        if person is None and left_bound >= 0 and sentence[left_bound] == ",":
            return _Cue(match.start(), match.end(), text, None)
        return _Cue(match.start(), match.end(), text, person) if person else None

    def modal_subject(self, sentence: str, match: re.Match[str],
                      modal: re.Match[str]) -> _Cue | None:
        """« s’est contentée d’indiquer une porte-parole », « a tenu à préciser le maire »: the
        verb before the reporting infinitive carries the subject, before it or inverted."""
        text = sentence[modal.start():match.end()]
        subject = self.inverted(sentence[match.end():])
        if subject is not None:
            np_text, person = subject
            return _Cue(modal.start(), match.end() + len(np_text), f"{text} {np_text.strip()}",
                        person)
        bound = max(sentence.rfind(c, 0, modal.start()) for c in ",;:(—\x01")
        left = clean_np(sentence[bound + 1:modal.start()])
        found = self.mention(left, None) if left else self.walk_back(sentence, modal.start())
        return _Cue(modal.start(), match.end(), text, found) if found is not None else None

    def impersonal(self, sentence: str, match: re.Match[str]) -> _Cue:
        """« reconnaît-on dans l’entourage de la ministre »: « on » is the circle named after it,
        or nobody (« dit-on »), never the last speaker."""
        where = _ON_SOURCE.match(sentence[match.end():])
        person = self.place_speaker(where)
        if where is None or person is None:
            return _Cue(match.start(), match.end(), match.group(0), None, impersonal=True)
        return _Cue(match.start(), match.end() + where.end(), match.group(0) + where.group(0),
                    person)

    def place_on(self, text: str, span: Span) -> Person | None:
        """« À Bercy, on suit le dossier « … » »: « on » at a place, with no reporting verb."""
        if self.grammar.language != "fr":
            return None
        sentence = re.split(r"[.!?]\s+", text[:span.open])[-1]
        on = re.search(r",\s*on\s", sentence)
        if on is None:
            return None
        return self.place_speaker(_FRONTED_ON.match(sentence[:on.end()].rstrip()))

    def place_speaker(self, where: re.Match[str] | None) -> Person | None:
        """« dans l’entourage du ministre », « à Matignon »: the circle or office « on » is;
        after « à » only a named place or an office (« à la mairie »), not « à la radio »."""
        if where is None:
            return None
        np = cut_complements(clean_np(where.group("np")))
        if where.group("at"):
            bare = re.sub(r"^(?:l[ae]\s+|l[’']\s*|les\s+)", "", np)
            if not (bare[:1].isupper() or self.is_role_or_body(np)):
                return None
        return self.mention(np, None) or self.description(np)

    def subject_before_comma(self, sentence: str, left_bound: int) -> bool:
        """"The Spaniard, who has won six titles, said …", "Pochettino, meanwhile, said …"."""
        if left_bound < 0 or sentence[left_bound] != ",":
            return False
        chunks = re.split(r"([,;:(\x01]+)", sentence[:left_bound])
        adverbs = _ADVERBS
        parts = chunks[::2]
        for i in range(len(parts) - 1, -1, -1):
            chunk = _AND_WHO.sub("", parts[i].strip())
            if not chunk:
                return False  # a quotation or the sentence start: inversion
            if chunk.lower() in adverbs or re.fullmatch(r"\d{1,3}(?:\s+ans)?", chunk) or \
                    _PARTY_TAG.fullmatch(chunk):
                continue  # "Whitmore, 47, said", « Odette, 81 ans, »
            first = chunk.split()[0].lower()
            if _RELATIVE.match(chunk) or _APPOSITION.match(chunk) or \
                    (chunk[:1].islower() and first in self.grammar.roles):
                return True
            names = [n for n in _NAME_RE.findall(chunk)
                     if self.cast.is_name(self.cast.strip_title(n), chunk, 0)]
            described = first in DETERMINERS or first in _QUANTIFIERS
            before = _DATELINE.sub("", parts[i - 1].strip()) if i > 0 else ""
            if described and before and len(chunk.split()) <= 20 and \
                    _NAME_RE.fullmatch(self.cast.strip_title(before)):
                return True  # "Ben Myers, the president of a firm in Toronto, told …"
            return (bool(names) or described) and len(chunk.split()) <= 5
        return False

    def inverted(self, right: str) -> tuple[str, Person] | None:
        """The subject after the verb: « a déclaré le bureau de Tokayev sur Telegram »."""
        lead = _LEAD.match(right)
        offset = len(lead.group(0)) if lead and right[lead.end():].strip() else 0
        rest = right[offset:]
        # « a martelé la maire (PS), Sophie Lemoine »: a parenthesis stays in the subject.
        # "said Sen. Maria Cantwell": a title's full stop does not end the subject.
        chunk_match = re.match(r"^\s*((?:\b(?:Sen|Rep|Gov|Gen|Dr|Mr|Mrs|Ms|Lt|Col|Sgt|Prof|Capt|"
                               r"Mme|Mgr|Pr|Me)\.|[^,.;:!?\x01()]|\([^()\x01]{1,40}\)){1,120})",
                               rest)
        if not chunk_match:
            return None
        chunk = cut_complements(clean_np(chunk_match.group(1)))
        if not chunk or len(chunk.split()) > 9:
            return None
        if re.match(r"(?:d[’']|de\s|du\s|des\s)", chunk, re.IGNORECASE):
            return None  # « se souvient d’une femme … »: a complement, not the subject
        at = rest.find(chunk)
        # « la sénatrice (LR) Sophie Primas »: the bracket cleaned out of the chunk, which is
        # then no longer a piece of the text; the subject runs to the end of the match.
        np_end = offset + (at + len(chunk) if at >= 0 else chunk_match.end())
        # "role, Name": « le délégué général de la FNSEA, Hugo Marchal, … ».
        paren = re.match(r"^\s*\([^()]{1,40}\)", right[np_end:])
        if paren:
            np_end += paren.end()  # « la maire (PS), Sophie Lemoine »
        after = right[np_end:]
        appos = re.match(rf"^,\s+((?:{_titles(self.grammar)})?\s*{NAME})(?=\s*[,.;]|$)", after)
        if appos and self.is_role_description(chunk):
            name = self.cast.strip_title(appos.group(1).strip())
            person = self.cast.person(name, role=_strip_det(chunk))
            return right[:np_end + appos.end()], person
        subject = self.mention(chunk, None)
        if subject is None and re.match(r"^(?:un|une|a|an)\s+[a-zà-ÿ]", chunk) and \
                len(chunk.split()) <= 6:
            subject = self.description(chunk)  # « explique au Monde un pompier »
        definite = re.match(r"^(?:the|le|la|l[’'])\s*[a-zà-ÿ]", chunk)
        if subject is None and definite and len(chunk.split()) <= 6 and \
                not _NAME_RE.search(chunk[4:]) and not _DOCUMENT_NOUN.match(chunk):
            # "said the rookie defenceman": a definite description in the subject's place is
            # the person on stage, whatever its noun; or else itself.
            subject = self.last_person({"le": "m", "la": "f"}.get(chunk.split()[0].lower(), "x")) \
                or self.description(chunk)
        if subject is None:
            return None
        return right[:np_end], subject

    def walk_back(self, sentence: str, before: int) -> Person | None:
        """Back over quotations, relative clauses and appositions to the subject chunk."""
        chunks = re.split(r"[,;:(\x01]+", sentence[:before])
        opened = self.named_then_role(chunks)
        if opened is not None:
            return opened
        for i in range(len(chunks) - 1, -1, -1):
            chunk = _AND_WHO.sub("", clean_np(chunks[i]))
            words = chunk.split()
            earlier = _DATELINE.sub("", clean_np(chunks[i - 1])) if i > 0 else ""
            described = (len(words) > 1 and words[0].lower() in DETERMINERS) or \
                re.match(r"^[lL][’']\w", chunk) is not None
            described_head = re.split(r"\s(?:who|qui|whose|dont|que)\s", chunk)[0]
            if i == 0 and re.match(r"^(?:un|une|a|an)\s", chunk, re.IGNORECASE) and \
                    len(described_head.split()) <= 8:
                # « Un maraîcher, qui n’a pas souhaité donner son nom, confie », "A senior
                # engineer who was laid off, …, said": opening the sentence, not an apposition.
                if not _NAME_RE.search(chunk[2:]):
                    return self.description(described_head)
                # "A spokeswoman for the Tate, which …, said": a role and its body.
                described_person = self.mention(described_head, None)
                if described_person is not None:
                    return described_person
            if described and earlier and _NAME_RE.fullmatch(earlier):
                # "Loukachenko, l’allié du président Vladimir Poutine,": the name, not the ally.
                return self.mention(earlier, None)
            if not chunk or _RELATIVE.match(chunk) or _APPOSITION.match(chunk) or \
                    chunk.lower() in _ADVERBS or _PARTY_TAG.fullmatch(chunk) or \
                    (chunk[:1].islower() and chunk.split()[0].lower() in self.grammar.roles):
                continue
            if i > 0 and (_PREDICATE.match(chunk) or self.possessive_role(chunk)):
                # "Martell, …, is more blunt": the predicate; "Nova Scotia's chief medical
                # officer": an apposition that says whose officer, not the subject.
                continue
            if len(chunk.split()) > 9:
                return None
            person = self.mention(chunk, None)
            if person is not None:
                return person
            if _NAME_RE.fullmatch(chunk) and \
                    any(w.lower() in self.grammar.roles for w in earlier.split()[:3]):
                # « Son voisin, Hervé, boulanger, a perdu … »: a first name after its role.
                return self.cast.person(chunk, role=_strip_det(earlier))
        return None

    def last_person(self, gender: str) -> Person | None:
        """The person a description stands for ("the Louisiana Republican"): named before the
        sentence that describes them."""
        return self.history.last_person(gender)

    def named_then_role(self, chunks: list[str]) -> Person | None:
        """"Navdeep Bains, Minister of Innovation, Science and Economic Development, said": a
        sentence that opens on a name and its role in apposition has that name as subject, however
        many commas the role holds."""
        while chunks and not chunks[0].strip():
            chunks = chunks[1:]  # a quotation before the name: “…,” Guenther Schuh, founder, said
        if len(chunks) < 3 or chunks[-1].strip():
            return None
        head = _DATELINE.sub("", clean_np(chunks[0]))
        role = chunks[1].split()
        if not head or not _NAME_RE.fullmatch(head) or not role:
            return None
        if role[0].lower() in DETERMINERS:
            role = role[1:]
        if not any(w.lower().strip(".").removesuffix("’s").removesuffix("'s") in
                   self.grammar.roles for w in role[:3]):
            return None
        person = self.mention(head, None)
        return person if person is not None and not person.is_organisation else None

    def possessive_role(self, chunk: str) -> bool:
        """"Nova Scotia's chief medical officer", "Chelsea's manager": a role of a named owner."""
        owned = _POSSESSIVE.match(chunk)
        return owned is not None and any(w.lower().strip(",.") in self.grammar.roles
                                         for w in chunk[owned.end():].split()[:4])

    def leading_subject(self, sentence: str) -> Person | None:
        """"The mayor returned … and declared": the subject at the head of the sentence."""
        head = re.match(rf"^\W*((?:[\w’'-]+\s+){{0,3}}?{NAME})", sentence)
        return self.mention(head.group(1), None) if head else self.last

    def narrative_subject(self, sentence: str) -> Person | None:
        """The named person a narrative sentence opens with: "Her father Henryk, who …"."""
        found = self.opening_name(sentence)
        intro = re.match(r"^[^,;:\x01]{1,40},\s*", sentence)
        if found is None and intro and len(intro.group(0).split()) <= 7:
            # « Côté lyonnais, le capitaine Alexandre Lacazette … »: after a short adverbial.
            found = self.opening_name(sentence[intro.end():])
        asked = re.match(r"^(?:[^,;:\x01]{1,80},\s*){1,3}", sentence) \
            if found is None and _ASKED.match(sentence) else None
        if asked is not None:
            # "Asked about the price of her work, which …, Raman shrugs.": after the question.
            found = self.opening_name(sentence[asked.end():])
        group = _GROUP_OF_NAME.match(sentence) if found is None else None
        if group is not None:
            # « Les analystes de la banque Oddo BHF se montrent nuancés. « … », écrivent-ils »:
            # a named group on stage for a plural pronoun.
            found = self.description(group.group("np"))
        if found is None:
            # « Le Premier ministre a réuni ses ministres. […] il a promis »: a role with no
            # name, the subject before an auxiliary, is on stage for the next pronoun.
            aux = _AUXILIARIES[self.grammar.language].search(sentence)
            np = sentence[:aux.start()].strip() if aux is not None else ""
            words = np.lower().split()
            if 2 <= len(words) <= 4 and words[0] in ("le", "la", "the") and \
                    self.is_role_description(np) and not _NAME_RE.search(np[3:].lower()):
                # Not « la journaliste » read as the last person: a holder of the role or
                # the role itself.
                found = self.cast.by_role(np, self.current) or self.description(np)
        return found

    def coordinated(self, sentence: str, subject: Person | None) -> list[Person]:
        """« le maire, Bernard Vidal, et la docteure Anne Roussel ont accueilli … »: every
        named person of a coordinated subject is on stage, in order, for a later pronoun."""
        plural = _COORDINATED.match(sentence)
        if plural is None:
            return []
        found = []
        for match in _NAME_RE.finditer(plural.group(1)):
            name = self.cast.strip_title(match.group(0))
            if name in self.cast.roles and (subject is None or subject.name != name):
                found.append(self.cast.person(name, role=self.cast.roles[name]))
        return found

    def opening_name(self, sentence: str) -> Person | None:
        head = " ".join(sentence.split()[:10])
        for found_match in _NAME_RE.finditer(head):
            found = found_match.group(0)
            if found.endswith(("'s", "’s")):
                continue  # "Petrova's father, Ivan": the possessor is not the subject
            before = head[:found_match.start()].strip()
            if re.search(r"(?:\s(?:de|du|des|of|in|at)|[dD][’'])$", " " + before):
                continue  # « le maire de Riom-ès-Montagnes »: a place, not the subject
            # « le maire de Riom, Bernard Vidal, … »: a role and its complement, then the name.
            apposed = before.endswith(",") and len(before.split()) <= 6 and \
                any(w.lower().strip(",") in self.grammar.roles for w in before.split()[:3])
            if len(before.split()) > 3 and not apposed:
                return None
            name = self.cast.strip_title(found)
            words = name.split()
            if not self.cast.is_name(name, head, found_match.start()):
                continue
            if any(w.lower() in self.grammar.organisations for w in words):
                return None
            lowered = [w.lower().strip(",;:").removesuffix("'s").removesuffix("’s")
                       for w in before.split()]
            role_before = any(w in self.grammar.roles for w in lowered)
            if lowered and not role_before and lowered[0] not in DETERMINERS:
                return None
            titled = name != found
            known = self.cast.canonical(name) in self.cast.people or \
                self.cast.canonical(name) != name
            # « Une retraitée, Odette, 81 ans, … »: a first name in apposition to a description.
            apposed_to = before.endswith(",") and bool(lowered) and lowered[0] in DETERMINERS
            # « Thomas, 38 ans, père de trois enfants, … », "Emma, 34, from Leeds": an age.
            aged = _AGE_AFTER.match(head, found_match.end()) is not None
            if not (len(words) >= 2 or titled or role_before or known or apposed_to or aged):
                continue
            if len(words) == 1 and not (titled or role_before or apposed_to or aged) and \
                    name not in self.cast.midcaps and self.cast.canonical(name) == name:
                continue  # "Story continues below": a word that opens sentences only
            gender = self.cast.title_gender(found)
            if gender == "x":
                # "Carla Whitmore pressed Tull on his silence": "his" is Tull's, not hers.
                after = sentence[sentence.find(found) + len(found):]
                other = _NAME_RE.search(after)
                gender = _possessive_gender(after[:other.start()] if other else after,
                                            self.grammar)
            person = self.cast.person(name, gender=gender)
            if re.search(r"\b(?:autre|another|other)\b", before, re.IGNORECASE):
                # « une autre avocate, Louise Carvalho »: not « l’avocate » later.
                person.contrast = True
            return person
        return None

    def mention(self, np: str, match: re.Match[str] | None) -> Person | None:
        """The Person a subject noun phrase stands for, or None when it is not one."""
        np = re.sub(r"^[Ll][’']\s*", "l’", cut_complements(clean_np(np)))
        aux = _AUXILIARIES[self.grammar.language].search(np)
        if aux is not None and aux.start() > 0:
            np = np[:aux.start()].strip()
        if not np:
            return None
        first = np.split()[0]
        if self.cast.common(first):
            np = first.lower() + np[len(first):]  # "Authorities said": a noun opening a sentence
        low = np.lower()
        spokes = _SPOKESPERSON.match(np)
        if spokes is not None:
            # "a spokesperson for the company": for the company named last.
            named = self.cast.last_organisation(self.current, spokes.group("head").lower())
            if named is not None:
                return self.description(np[:spokes.start("body")] + named)
        pronoun = self.grammar.pronouns.get(low)
        if pronoun is not None:
            return self.pronoun(low, match)
        if np.split()[0].lower() in DETERMINERS:
            holder = self.cast.by_periphrasis(np, self.current)
            if holder is not None:
                return holder
        # « l’ancien ministre » is read as « l’ ancien ministre »: the article, then the noun.
        words = re.sub(r"(?<!\w)([lLdD][’'])(?=\w)", r"\1 ", np).split()
        if len(np.split()) > 9 or _MASK in np:
            return None
        if 2 <= len(words) <= 4 and words[0].lower() == "the" and \
                words[-1] in ("Republican", "Democrat", "Democratic", "Conservative", "Tory",
                              "Liberal") and all(w[:1].isupper() for w in words[1:]):
            # "the Louisiana Republican said": the politician on stage.
            earlier = self.last_person("x")
            if earlier is not None:
                return earlier
        names = [m for m in _NAME_RE.finditer(np)
                 if self.cast.is_name(self.cast.strip_title(m.group(0)), np, m.start()) and
                 not _ADJECTIVE_NAME.match(np, m.start())]
        head = _head(words, self.grammar)
        if len(words) == 2 and words[0].lower() in ("the", "le", "la", "l’") and \
                words[1][:1].isupper() and not words[1].isupper() and \
                not self.cast.known(words[1]) and _DEMONYM.search(words[1]):
            # "the Brazilian", « le Français »: a demonym standing for the last person named.
            earlier = self.last_person("x")
            if earlier is not None:
                return earlier
        # "health officials said", "Industry analysts said": a group with no name.
        bare_plural = self.grammar.language == "en" and len(words) <= 3 and \
            low.endswith("s") and low[1:] == np[1:] and head is not None and \
            (head in self.grammar.roles or head in self.grammar.organisations) and \
            not self.cast.known(words[0])
        if bare_plural:
            return self.description(np)
        if self.grammar.language == "en" and len(words) > 2 and words[0].endswith("s") and \
                words[1].lower() in ("of", "from", "at", "in") and \
                not self.cast.known(words[0]) and words[0][1:].islower():
            # "Opponents of the plan protested", "Residents of the estate said": a group.
            return self.description(np)
        if names:
            last = names[-1]
            owner_of = re.match(r"\s+(?:[a-z-]+\s+){0,2}([a-z-]+)$", np[last.end():])
            if last.group(0).endswith(("'s", "’s")) and owner_of is not None and \
                    not any(w.lower() in self.grammar.organisations for w in names[-1].group(0)
                            .split()):
                # "Mr Brown's lawyer said", "Petrova's father said": not Brown himself.
                return self.description(np)
            before = np[:last.start()].strip()
            before_words = before.lower().split()
            if before_words and before_words[-1] in self.grammar.organisations:
                return self.organisation(np)
            of_name = _OF.search(np[:last.start()]) is not None
            if of_name and head is not None and head in self.grammar.organisations:
                return self.organisation(np)
            # The name sits in a complement of the role: after an article, or it is an
            # organisation's (acronym, organisation noun) rather than the person's own.
            of_the = re.search(r"(?:\s(?:the|la|le|les|l[’'])|[dl][’'])\s*$", before) is not None
            name = self.cast.strip_title(last.group(0))
            named_body = name.isupper() or \
                any(w.lower() in self.grammar.organisations for w in name.split())
            inside = re.search(r"\s(?:de|du|des|d[’']|of|for|at|chez)[\s’']", before + " ")
            if head is not None and head in self.grammar.roles and inside and \
                    (of_the or named_body):
                # "A spokesperson for the Securities and Exchange Commission": a person of it.
                return self.description(np)
            if re.fullmatch(r"(?:Le|La|Les|The)\s+[A-Z]{2,}", name):
                name = name.split()[1]  # « La CGT »
            acronym = name.isupper() and name.isalpha() and len(name) >= 2  # WHO, RSF, PNF
            if acronym or any(w.lower() in self.grammar.organisations for w in name.split()) or \
                    self.cast.canonical(name) in self.cast.organisations:
                # "an AP analysis", "The Swiss National Bank": the organisation is its name.
                tail = np[last.end():]
                if not acronym and len(name.split()) == 1 and len(tail.split()) <= 6 and \
                        re.match(r"^(?:\s+(?:[a-zà-ÿ]+|(?:de|du|des|de\s+la|d[’'])\s*[\w’'-]+))+$",
                                 tail):
                    # « l’Office français de la biodiversité »: the words after are its name.
                    return self.organisation(name + tail)
                return self.organisation(self.cast.canonical(name))
            if of_name:
                return self.description(np)
            gender = self.cast.title_gender(last.group(0))
            if gender == "x" and match is not None:
                gender = _agreement(match)
            role = _strip_det(before) if before and not before[:1].isupper() else None
            if role and not any(w.lower() in self.grammar.roles for w in role.split()):
                role = None
            return self.cast.person(name, role=role, gender=gender)
        if not words[0][:1].islower() and words[0].lower() not in DETERMINERS | _QUANTIFIERS:
            return None
        if head is not None and head in self.grammar.organisations:
            if len(words) == 2 and words[0].lower() in ("the", "le", "la", "l’", "l'"):
                # "the company", « le ministère »: the organisation last named.
                named = self.cast.last_organisation(self.current, head)
                if named is None and head not in _OFFICES_NAMED_BY_NOUN:
                    named = self.history.salient_body()  # "Google …. The company said"
                if named is not None:
                    return self.organisation(named)
            return self.organisation(np)
        if (len(words) == 1 and self.grammar.language == "en" and low.endswith("s") and \
                words[0][:1].islower() and low not in self.grammar.stopwords) or words[0].lower() in ("opponents", "critics"):
            # "protesters chanted", "Opponents argued": a group with no name.
            return self.description(np)
        if len(words) == 2 and words[0].lower() in ("the", "le", "la", "l’") and \
                _EPITHET.fullmatch(words[1].lower()):
            # "the grandmother-of-six", "the 34-year-old", « la sexagénaire »: the person on
            # stage, described by family or age.
            earlier = self.last_person({"le": "m", "la": "f"}.get(words[0].lower(), "x"))
            if earlier is not None:
                return earlier
        if words[0].lower() in _THIS and (head is None or head not in
                                          self.grammar.organisations) and len(words) <= 8:
            # « raconte cette mère de famille », « explique cet agriculteur », "the
            # grandmother-of-six said": the person on stage, not a new one.
            earlier = self.last_person({"cette": "f", "cet": "m", "ce": "m"}.get(
                words[0].lower(), "x"))
            if earlier is not None:
                return earlier
        if words[0].lower() in DETERMINERS or words[0].lower() in _QUANTIFIERS:
            by_role = self.cast.by_role(np, self.current)
            if by_role is not None:
                return by_role
            bare_noun = len(words) == 2 and words[1][:1].islower() and head is not None and \
                head not in self.grammar.organisations and not _DOCUMENT_NOUN.match(np) and \
                not (self.grammar.language == "en" and head.endswith("s"))
            if head is not None and (head in self.grammar.roles or bare_noun) and \
                    words[0].lower() in ("le", "la", "l'", "l’", "the") and \
                    not re.search(r"\s(?:de|du|des|d[’']|of)\s|[’']s\s", np):
                # « l’informaticien », "the rookie": a person named before, whatever the noun.
                # « la journaliste », "the singer": the last speaker that fits.
                gender = {"le": "m", "la": "f"}.get(words[0].lower(), "x")
                earlier = self.last_person(gender)
                if earlier is not None:
                    return earlier
            if head is not None and (head in self.grammar.roles or words[0].lower() in
                                     _QUANTIFIERS):
                return self.description(np)
            if match is not None and len(words) <= 6 and head not in (None, "it") and \
                    words[-1].lower() not in _PREPOSITIONS:
                # The subject right before a reporting verb: "the fund's largest investor wrote".
                return self.description(np)
        return None

    def organisation(self, np: str) -> Person:
        name = _canonical_inside(np, self.cast)
        bare = re.fullmatch(rf"(?:le|la|les|l[’']|the|The|Le|La|Les|L[’'])\s*({NAME})", name)
        if bare:
            name = bare.group(1)  # « le Kremlin » is the Kremlin
        if self.grammar.language == "en":
            name = re.sub(r"^(?:the|The)\s+", "", name)
        else:
            name = name[:1].lower() + name[1:] if name.split()[0].lower() in DETERMINERS else name
        gender = "f" if re.match(r"(?i)(?:la|une|cette)\b", np) else \
            "x" if re.match(r"(?i)(?:les|des|ces|the)\b", np) else "m"
        written = re.sub(r"^(?:the|The)\s+", "", np)
        person = self.cast.person(name, organisation=True, gender=gender,
                                  alias=written[:1].lower() + written[1:]
                                  if self.grammar.language == "fr" else written)
        person.is_organisation = True
        if re.match(r"(?i)(?:les|des|ces)\b", np):
            person.number = "p"
        return person

    def description(self, np: str) -> Person:
        person = self.cast.person(_canonical_inside(np, self.cast))
        first = np.split()[0].lower() if np.split() else ""
        head_words = re.split(r"\s(?:of|for|at|in|from|with|who|that)\s", np.lower())[0].split()
        last = head_words[-1] if head_words else ""
        plural_head = self.grammar.language == "en" and first not in ("a", "an") and \
            last.endswith("s") and not last.endswith(("ss", "us", "is", "'s", "’s"))
        if first in _PLURAL or (first.endswith("s") and len(np.split()) == 1) or plural_head:
            person.number = "p"  # "Opponents", "court documents": not a "she"
        return person

    def is_role_or_body(self, np: str) -> bool:
        head = _head(np.split(), self.grammar)
        return head is not None and (head in self.grammar.roles or
                                     head in self.grammar.organisations)

    def is_role_description(self, np: str) -> bool:
        head = _head(np.split(), self.grammar)
        return head is not None and head in self.grammar.roles

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

    def sources(self, masked: str, s_start: int, s_end: int) -> list[_Cue]:
        """« selon X, … », "…, according to X.", « Pour X, « … » »."""
        sentence = masked[s_start:s_end]
        found: list[_Cue] = []
        for match in self.grammar.sources.finditer(sentence):
            np_match = _SOURCE_NP.match(sentence, match.end())
            if not np_match or not re.search(r"[^\W\d_]", np_match.group(1)):
                continue  # a source is named with words, not "selon !"
            if _RELATIVE_SOURCE.match(np_match.group(1)):
                continue  # « selon laquelle … » introduces a claim, not a source
            if _OWN_REPORTING.match(np_match.group(1)):
                continue
            np_end = np_match.end()
            appos = re.match(rf"^,\s+((?:{_titles(self.grammar)})?\s*{NAME})(?=\s*,)",
                             sentence[np_end:])
            if appos and self.is_role_description(np_match.group(1)):
                # "according to its chief executive, Adar Poonawalla, …"
                name = self.cast.strip_title(appos.group(1))
                person = self.cast.person(name, role=_strip_det(np_match.group(1)))
                np_end += appos.end()
            else:
                # « selon une étude de l’Ademe publiée en 2023 »: the body behind the document.
                np = _document_source(np_match.group(1))
                person = self.mention(np, None) or self.description(np.strip())
            cue = _Cue(s_start + match.start(), s_start + np_end,
                       sentence[match.start():np_end], person)
            before = sentence[:match.start()].rstrip(" ,")
            after = sentence[np_end:].lstrip(" ,")
            if before and len(before.split()) >= 3 and _MASK not in before:
                lo = s_start + len(sentence) - len(sentence.lstrip())
                cue.clauses.append((lo, s_start + len(before)))
            elif after and _MASK not in after[:2]:
                lo = s_start + len(sentence) - len(after)
                cue.clauses.append((lo, s_start + len(sentence.rstrip(" .!?"))))
            found.append(cue)
        # « Mais pour Générations futures, … »: a name may end in lower-case words.
        pour = re.match(rf"{_POUR_HEAD}((?:(?:l[ae]|l’|l'|the)\s+)?(?:[a-zà-ÿ’'-]+\s+){{0,5}}"
                        rf"(?:{_titles(self.grammar)})?\s*{NAME}(?:\s+[a-zà-ÿ]+)?)\s*,",
                        sentence)
        holder: Person | None = None
        # « Pour la procureure, Sandrine Tanguy, le chef d’entreprise … »: role, then name.
        pour_role = re.match(rf"{_POUR_HEAD}((?:l[ae]|l’|l'|the|son|sa|his|her)\s*"
                             rf"[^,\x01]{{2,60}}?),\s+((?:{_titles(self.grammar)})?\s*{NAME})\s*,",
                             sentence)
        if pour_role and self.is_role_description(pour_role.group(1)):
            pour = pour_role
            holder = self.cast.person(self.cast.strip_title(pour_role.group(2).strip()),
                                      role=_strip_det(pour_role.group(1)))
        if pour is None:
            # « Pour les associations de cyclistes, le plan … »: a described group or body.
            described = re.match(rf"{_POUR_HEAD}((?:l[ae]|l’|l'|les|the)\s*"
                                 r"[^,\x01]{2,60}?)\s*,", sentence)
            if described and len(described.group(1).split()) <= 6 and \
                    self.is_role_or_body(described.group(1)):
                pour = described
                holder = self.mention(described.group(1), None) or \
                    self.description(described.group(1).strip())
        if pour is None and self.grammar.language == "fr":
            # « Pour lui, le réchauffement n’est « plus une hypothèse » »: the person last named.
            pour = re.match(r"^\s*Pour\s+(lui|elle|eux|elles)\s*,", sentence)
            if pour is not None:
                holder = self.pronoun({"lui": "il", "eux": "ils"}.get(pour.group(1),
                                                                     pour.group(1)), None)
        if pour:
            holder = holder or self.mention(pour.group(1), None)
            if holder is not None:
                cue = _Cue(s_start + pour.start(1), s_start + pour.end(pour.lastindex or 1),
                           pour.group(0).strip(" ,"), holder)
                rest = sentence[pour.end():]
                appos = re.match(r"^\s*[a-zà-ÿ][^,\x01]{0,80},", rest)
                complement = re.match(r"^\s*(?:de|du|des|d[’']|of|at|from)\b",
                                      appos.group(0)) if appos else None
                words_ahead = [w.lower().strip(",").removeprefix("l’").removeprefix("l'")
                               for w in appos.group(0).split()[:3]] if appos else []
                if appos and (any(w in self.grammar.roles or w in self.grammar.organisations
                                  for w in words_ahead) or
                              (complement and len(appos.group(0).split()) <= 6)):
                    # « Pour Jean Leonetti, ancien député, le texte … »
                    rest = rest[appos.end():]
                body = rest.strip()
                if body and _MASK not in body[:2] and len(body.split()) >= 3:
                    lo = s_start + len(sentence) - len(rest) + len(rest) - len(rest.lstrip())
                    stop = _CLAUSE_STOP.search(masked[lo:s_end])
                    hi = lo + stop.start() if stop else s_start + len(sentence.rstrip(" .!?"))
                    cue.clauses.append((lo, hi))
                found.append(cue)
        return found

    def narrative_incise(self, sentence: str, s_start: int, match: re.Match[str], cue: _Cue,
                         text: str) -> list[tuple[int, int]]:
        """"It looked easy at first, says Marta, but then …": reported speech around an incise."""
        before_verb = sentence[:match.start()]
        comma = before_verb.rfind(",")
        subject = before_verb[comma + 1:].split()
        # "…, the Premier League club announced on Friday.": a described subject is longer.
        longest = 6 if subject and (subject[0].lower() in DETERMINERS or
                                    subject[0][:1].isupper()) else 3
        if comma < 0 or len(subject) > longest:
            return []
        if any(w.lower() in ("that", "which", "who", "que", "qu’", "qui", "dont") for w in subject):
            return []  # ", a decision that environmental groups vowed to …": a relative clause
        if re.match(r"\s*[:\x01]", sentence[cue.end - s_start:]):
            return []  # "Asked whether …, he replied: “…”": the cue introduces a quotation
        inverted = cue.end - s_start > match.end()
        participle = not match.groupdict().get("aux") and \
            match.group("verb").lower().endswith(("ant", "ing"))
        # An incise is ", says Marta," or ", she says": its subject sits right at the verb.
        if participle or not (inverted or before_verb[comma + 1:].strip()):
            return []
        parts: list[tuple[int, int]] = []
        left = sentence[:comma].strip()
        # "Asked whether he felt the pressure, he laughed": the question, not his words.
        # « De son côté, l’infectiologue X met en garde », « À l’issue de la réunion, il a
        # promis »: a short adverbial before the subject is not what was said.
        adverbial = "," not in left and len(left.split()) <= 8 and _ADVERBIAL.match(left)
        if len(left.split()) >= 3 and not _ASKED.match(left) and not adverbial:
            lo = len(sentence) - len(sentence.lstrip())
            parts.append((s_start + lo, s_start + comma))
        rest_at = cue.end - s_start
        rest = sentence[rest_at:]
        if rest.startswith(","):
            chunks = rest[1:].split(",")
            skip = 1
            first = chunks[0].split()
            if first and (first[0].lower() in self.grammar.roles or
                          (first[0].lower() in DETERMINERS and len(first) > 1 and
                          first[1].lower() in self.grammar.roles)) and len(chunks) > 1:
                skip += len(chunks[0]) + 1
            lo = rest_at + skip
            while lo < len(sentence) and sentence[lo] == " ":
                lo += 1
            body = sentence[lo:]
            stop = _CLAUSE_STOP.search(body)
            hi = lo + (stop.start() if stop else len(body.rstrip()))
            while hi > lo and sentence[hi - 1] in " .!?;:,":
                hi -= 1
            if len(sentence[lo:hi].split()) >= 3:
                parts.append((s_start + lo, s_start + hi))
        elif "," in rest or len(rest.split()) > 8:
            return []
        return parts

    def object_clause(self, masked: str, cue_end: int, s_end: int,
                      text: str) -> tuple[int, int] | None:
        """« Elle a critiqué la réforme … », "the ministry confirmed plans to …": what was said."""
        rest = masked[cue_end:s_end]
        lead = re.match(r"^\s+(?:to\s+|de\s+|d[’']\s*)?", rest)
        lo = cue_end + (lead.end() if lead else 0)
        body = masked[lo:s_end]
        # « a dénoncé une "campagne de désinformation" »: the quotation is what was said.
        if not body[:1].isalpha() or _MASK in body:
            return None
        stop = _CLAUSE_STOP.search(body)
        hi = lo + (stop.start() if stop else len(body.rstrip()))
        while hi > lo and text[hi - 1] in " .!?;:,\u00a0":
            hi -= 1
        if len(text[lo:hi].split()) < 4:
            return None
        return lo, hi

    def clause(self, masked: str, cue_end: int, s_end: int, match: re.Match[str],
               text: str) -> tuple[int, int] | None:
        """The reported clause after « que », "that", or after "says" with no "that"."""
        rest = masked[cue_end:s_end]
        if _WHEN_THEN_COMMA.match(rest):
            return None  # "Kessler said Wednesday, standing by a fence": when, then a scene
        que = _QUE.match(rest)
        verb = match.group("verb").lower()
        english = self.grammar.language == "en"
        told = _TOLD.match(rest) if english and verb in ("told", "tells", "tell") else None
        if que is not None and (self.grammar.cue.search(rest[:que.start() + que.end()][:-4]) or
                                re.search(r"\b(?:qui|who|which)\b", rest[:que.end()])):
            return None  # « souligne X, qui estime que … »: that « que » has its own verb
        if que is not None:
            que_end = que.end()
        elif told is not None:
            # "told the meeting she had …": the clause after the listener.
            que_end = told.end()
        elif not english and verb in self.grammar.say_forms and _INFINITIVE.match(rest):
            # « Il a dit regretter le départ … »: an infinitive clause.
            que_end = len(rest) - len(rest.lstrip())
        elif english and verb.startswith("sa") and _SAYS_CLAUSE.match(rest):
            # "Hill said the team now planned …": English drops "that"; "said Tuesday the …".
            day = _DAY_WORD.match(rest)
            que_end = day.end() if day else len(rest) - len(rest.lstrip())
        elif english and verb in self.grammar.say_forms and _BARE_CLAUSE.match(rest):
            # "Daley insisted the offer was the most generous": a subject and a finite verb.
            que_end = len(rest) - len(rest.lstrip())
        else:
            return None
        lo = cue_end + que_end
        body = masked[lo:s_end]
        stop = _CLAUSE_STOP.search(body)
        hi = lo + (stop.start() if stop else len(body.rstrip()))
        for comma in re.finditer(r",\s+", masked[lo:hi]):
            # « … allait faire appel, jugeant la peine … »: a participle starts another claim.
            verb = self.grammar.cue.match(masked, lo + comma.end())
            if verb is not None and not verb.group("aux") and \
                    verb.group("verb").lower().endswith(("ant", "ing")):
                hi = lo + comma.start()
                break
        for conj in re.finditer(r"\s(?:et|and|mais|but)\s+", masked[lo:hi]):
            # « … et a assuré que … »: the next reporting verb starts its own clause.
            if self.grammar.cue.match(masked, lo + conj.end()):
                hi = lo + conj.start()
                break
        later = self.grammar.cue.search(masked, lo, hi)
        head = masked[lo:later.start()].split(",")[0] if later is not None else ""
        # "her coach, Dmitri Volkov, had told her": an apposition, the verb is the clause's own.
        if later is not None and "," in masked[lo:later.start()] and len(head.split()) > 5:
            # "…five years, a decision lawyers said could …": another speaker's words follow.
            hi = masked.rindex(",", lo, later.start())
        while hi > lo and text[hi - 1] in " .!?;:,\u00a0":
            hi -= 1
        if hi - lo < 8 or len(text[lo:hi].split()) < 3:
            return None
        return lo, hi

    def incise(self, text: str, span: Span) -> tuple[list[tuple[int, int]], _Cue | None]:
        """« A, explique X. B »: a reporting verb inside the quotation splits it in two."""
        content = text[span.start:span.end]
        for match in self.grammar.cue.finditer(content):
            if match.start() < 3 or not content[match.start()].islower():
                continue
            if not re.search(r"[,?!]\s+$", content[:match.start()]):
                continue
            if re.match(r"\s+(?:us|me|him|them|you|it)\b", content[match.end():]):
                continue  # "If you need help, call us.": an imperative, not an incise
            end_match = re.search(r"[.!?…](?=\s+\S)|$", content[match.end():])
            end = match.end() + (end_match.start() if end_match else 0)
            incise = content[match.start():end]
            if len(incise) > 320:
                continue
            cue = self.cue_subject(", " + incise + ".", self.grammar.cue.search(", " + incise + ".")
                                   or match)
            if cue is None or cue.person is None:
                continue
            cue.text = incise.strip()
            first_end = span.start + len(content[:match.start()].rstrip(" ,"))
            parts = [(span.start, first_end)]
            rest = span.start + end + 1
            while rest < span.end and text[rest] in " \u00a0":
                rest += 1
            if rest < span.end:
                parts.append((rest, span.end))
            return parts, cue
        return [(span.start, span.end)], None


# A predicate, not a subject: "is more blunt", « est plus sévère ».
_PREDICATE = re.compile(r"^(?:is|was|are|were|has|had|have|est|était|sont|a|ont)\s", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*[’']s\s+(?=[a-z])")
# "Okafor was quoted as saying", « X, cité par le journal, affirmant »: who was quoted.
# "Sen. Rand Paul, R-Ky., said": a party and state after an American politician's name.
# "(R-Ky.)", « (DVG) », « (PS) »: a party label between brackets, not a speaker.
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]{1,12}|[A-Z]{2,5}\)?")
_ADVERBIAL = re.compile(
    r"^(?:\d{1,2}[h:.]\d{2}\s*[–—-]\s*)?"  # a live blog's time: « 10h15 – À Quimper, … »
    r"(?:de|du|des|côté|à|au|aux|dans|en|pour|après|avant|lors|depuis|pendant|sur|sous|dès|"
    r"in|on|at|after|before|during|since|for|from|with)\b", re.IGNORECASE)
_QUOTED_AS = re.compile(r"(?:^|[,;]\s*)(?P<np>[^,;:\x01]{1,60}?)\s+(?P<verb>(?:was|is|were|are|has"
                        r"\s+been|had\s+been)\s+(?:quoted|reported|heard|overheard)\s+as)\s*$")
# ", and who testified …, said": a second relative clause of the same subject.
_AND_WHO = re.compile(r"^(?:and|et|but|mais)\s+(?=(?:who|qui|whose|dont)\b)", re.IGNORECASE)
_SPOKESPERSON = re.compile(
    r"^(?:a|an|the|un|une|le|la|l[’'])\s*(?:spokesperson|spokesman|spokeswoman|porte-parole|"
    r"representative|représentante?)\s+(?:for|of|at|de|du|d[’'])\s*"
    r"(?P<body>(?:the|l[ae]|l[’'])\s*(?P<head>[a-zà-ÿ]+))$",
    re.IGNORECASE,
)
# The source after « selon » / "according to": up to a comma or a full stop, not the full stop
# of a title ("according to Dr. Keith Ahamad").
_SOURCE_NP = re.compile(r"\s*((?:\b(?:Sen|Rep|Gov|Gen|Dr|Mr|Mrs|Ms|Lt|Col|Sgt|Prof|Capt|Mme|Mgr|Pr|"
                        r"Me|St)\.|[^,.;:\x01]){1,80})")
# Bodies a text names by their noun alone (« le gouvernement », "the court"), not a company.
_OFFICES_NAMED_BY_NOUN = frozenset(("ministère", "ministry", "gouvernement", "government",
                                    "préfecture", "parquet", "tribunal", "court", "police",
                                    "mairie", "commission", "cour"))
# An interviewer's question: a dash, "Q:" or the outlet's name in capitals, then a question.
_QUESTION = re.compile(
    r"^\s*(?:[-–—•]\s*(?:Q\s*[.:]\s*)?|Q\s*[.:]\s*|Question\s*:\s*|"
    r"[A-ZÀ-Þ][A-ZÀ-Þ’' .&-]{2,40}\s*(?:\.\s*[-–—]|:)\s*).{3,}\?\s*»?\s*$")
# An answer's label: « Yann MARTIN. – », "PENCE:", « R : ».
_ANSWER_LABEL = re.compile(
    r"^\s*(?:[-–—]\s*)?(?P<label>(?:[A-ZÀ-Þ][\w’'-]*\s+){0,3}[A-ZÀ-Þ][A-ZÀ-Þ’'-]+)"
    r"\s*(?:\.\s*[-–—]|:)\s+")
# « (Rires) » opening an answer: a stage direction, not words said.
_STAGE_DIRECTION = re.compile(r"\s*\([^()]{1,30}\)\s*")
# A gendered subject pronoun opening a clause: "She urged", "But he persisted", « Elle a ».
_SUBJECT_PRONOUN = {
    "en": re.compile(r"(?:^|[.;,:]\s+|\b(?:but|and|when|then|so)\s+|^\W*)\b([Hh]e|[Ss]he)\s+(?!said|says|told|tells)[a-z]"),
    "fr": re.compile(r"(?:^|[.;,:]\s+|\b(?:mais|et|puis|alors)\s+|^\W*)\b([Ii]l|[Ee]lle)\s+(?!a\s+(?:dit|déclaré|affirmé|expliqué))[a-zà-ÿ]"),
}
_AUXILIARIES = {
    "fr": re.compile(r"\s(?:a|ont|avait|avaient|est|sont|était|se|s[’'])(?=\s|$)"),
    "en": re.compile(r"\s(?:has|have|had|is|was|were|will|would)(?=\s|$)"),
}
_QUANTIFIERS = words("quantifiers")
#: Pronouns that point at the person named last, not at the last speaker.
# A sentence opening on "A/An/The <noun> who …" with no comma, quotation or verb of its own
# before the reporting verb: « Un responsable qui a requis l’anonymat a indiqué que ».
_WHO_OPENING = re.compile(
    r"^\W*(?P<np>(?:A|An|Un|Une)\s+(?:[a-zà-ÿ-]+\s+){0,3}?[a-zà-ÿ-]+)\s+(?:who|qui)\s"
    r"[^,;:\x01]{5,160}$")
_EPITHET = re.compile(r"[a-z]+-of-(?:\d+|[a-z]+)|(?:\d+|[a-z]+)-year-old|[a-zé]+génaire|"
                      r"centenaire")
_GROUP_OF_NAME = re.compile(
    rf"^\W*(?P<np>(?:Les|The)\s+[a-zà-ÿ-]+s\s+(?:de|du|des|d[’']|of|at|from)\b"
    rf"[^,;:\x01]{{0,40}}?{NAME})(?=\s+[a-zà-ÿ])")
_DAY_WORD = re.compile(
    r"^\s*(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
    r"yesterday|tonight)\s+(?=[a-z])", re.IGNORECASE)
_WHEN_THEN_COMMA = re.compile(
    r"^\s*(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
    r"yesterday|tonight|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|"
    r"aujourd[’']hui)\s*,", re.IGNORECASE)
_AGED_BEFORE_COLON = re.compile(rf"(?P<name>{NAME}),\s*\d{{1,3}}(?:\s*ans)?\s*$")
_AGE_AFTER = re.compile(r",\s*\d{1,3}(?:\s*ans)?\s*,")
_THIS = frozenset(("ce", "cet", "cette", "this"))
_DEMONSTRATIVES = frozenset(("celle-ci", "celui-ci", "ce dernier", "cette dernière", "the latter"))
_ADVERBS = words("adverbs")
_PLURAL = frozenset(("les", "des", "plusieurs", "certains", "certaines", "quelques", "some",
                     "several", "many", "two", "three"))
# « PARIS, 14 mars (AFP) – » opening a paragraph: not part of what a source said.
_CLAUSE_DATELINE = re.compile(
    r"[A-ZÀ-Þ][A-ZÀ-Þ .'-]+(?:,[^()–—]{1,30})?\s*\([^)]{1,20}\)\s*[—–-]\s*"
    r"|[A-ZÀ-Þ]{2,}[A-ZÀ-Þ .'-]*(?:,[^–—()]{1,30})?\s*[—–]\s*"
)
# A coordinated subject before a plural verb: « X et la docteure Y ont accueilli ».
_COORDINATED = re.compile(r"^([^\x01;:]*\s(?:et|and)\s[^\x01;:]*?)\s(?:ont|sont|avaient|étaient|"
                          r"have|are|had|were)\s")
# "LONDON —", « PARIS (AFP) - »: the dateline before a story's first subject.
_DATELINE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .'-]+(?:\s*\([^)]*\))?\s*[—–-]\s*")
# "the British maker", "Brazilian midfielder Lucas Moreira": a demonym before a noun, not a name.
_ADJECTIVE_NAME = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]+(?:an|ese|ish|ian|ais|aise|ois|oise|ien|ienne|ain"
                             r"|aine|i)\s+[a-zà-ÿ]")
_DEMONYM = re.compile(r"(?:an|ese|ard|ish|ais|aise|ois|oise|ien|ienne|ain|aine|and|ande|ol|ole|i)$")
_TOLD = re.compile(
    r"^\s+(?:the\s+|a\s+)?\w+"
    # "told reporters after the final round": a complement, not the start of the clause.
    r"(?:\s+(?!(?:after|before|in|on|at|during|following|as|outside|from|with|while)\b)\w+)?"
    r"\s+(?=(?:he|she|they|it|we|i|the|his|her|their)\s)"
)
_INFINITIVE = re.compile(r"^\s+(?:ne\s+pas\s+)?[a-zà-ÿ]+(?:er|ir|re)\s")
_BARE_CLAUSE = re.compile(
    r"^\s+(?:the|a|an|his|her|its|their|this|these|those|he|she|it|they|we|i|there|"
    r"[A-Z][\w'-]+)\b(?:\s+[^\s\x01]+){0,6}?\s+(?:was|were|is|are|had|has|have|would|will|"
    r"could|should|might|must|can|did|does)\b"
)
_SAYS_CLAUSE = re.compile(r"^\s+(?!to\b|before\b|after\b|in\b|on\b|at\b|of\b)[\w\x01]")
# "of" before a name: « le ministère de l’Intérieur », "the office of Tokayev".
_OF = re.compile(r"(?:\bde|\bdu|\bdes|\bof|d[’'])(?:\s+la|\s+l[’'])?\s*$", re.IGNORECASE)
# What comes between an inverted verb and its subject: « a affirmé dimanche sur France Inter »,
# « a indiqué à l’AFP », « explique à Mediapart ».
_LEAD = re.compile(
    # « résume, amer, Yann Le Goff »: an attribute of the subject between commas.
    r"^(?:,\s+[a-zà-ÿ-]+(?:\s+[a-zà-ÿ-]+){0,2},)?"
    # « glisse simplement un conseiller », "said quietly a …": an adverb before the subject.
    r"(?:\s+[a-zà-ÿ]+ment(?=\s))?"
    r"(?:\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd[’']hui)"
    r"(?:\s+(?:matin|soir|midi))?)?"
    r"(?:\s+(?:à|au|aux|auprès\s+d[eu]|auprès\s+des|sur|devant|dans|to|on)"
    r"\s+(?:la\s+|l[’']\s*|les\s+|le\s+|un\s+|une\s+|des\s+|son\s+|sa\s+|ses\s+|a\s+|the\s+)?"
    r"(?:[A-ZÀ-Þ][\w’'+-]*(?:\s+[A-ZÀ-Þ][\w’'+-]*)*|[a-zà-ÿ-]+)"
    r"(?:\s+(?:de|du|des|d[’'])\s*(?:la\s+|l[’']\s*)?[a-zà-ÿ-]+)?)?"
    r"(?=\s+(?:le|la|les|l[’']|un|une|the|a|an|[A-ZÀ-Þ]))"
)
# A word glossed after its quotation marks: « "skatt", soit impôt », "“mahalo,” meaning".
_GLOSS = re.compile(r"^\s*,?\s*(?:soit|qui\s+signifie|signifiant|c[’']est-à-dire|autrement\s+dit|"
                    r"meaning|which\s+means|i\.e\.)(?!\w)", re.IGNORECASE)
# « Pour le syndicat ReAGJIR, … », "For Dr Ames, …": a source opening a sentence.
_POUR_HEAD = r"^\s*(?:(?:Mais|Et|Or|But|And)\s+)?(?:[Pp]our|[Ff]or)\s+"
_POUR = re.compile(rf"(?:^|[.!?]\s+)(?:(?:Mais\s+|But\s+)?(?:[Pp]our|[Ff]or)\s+"
                   rf"(?:[^,.\x01]{{0,60}}\s)?{NAME}|Pour\s+(?:lui|elle|eux|elles))\s*,")
_DOCUMENT_NOUN = re.compile(
    r"^\s*(?:une?|l[ae]|l[’']|the|a|an|son|sa|its|their)\s*(?:étude|rapport|enquête|sondage|"
    r"communiqué|note|analyse|lettre|courrier|document|report|study|survey|statement|"
    r"analysis|poll|filing|letter|memo|document)\b",
    re.IGNORECASE,
)
_DOCUMENT = re.compile(
    _DOCUMENT_NOUN.pattern + r"\s+(?:\w+\s+)?"
    r"(?:de\s+la\s+|de\s+l[’']\s*|du\s+|des\s+|de\s+|d[’']\s*|auprès\s+d[eu]\s+|by\s+|"
    r"from\s+|of\s+|with\s+)",
    re.IGNORECASE,
)
_DOCUMENT_SUFFIX = re.compile(r"\s+(?:publiée?s?|parue?s?|rendue?s?|published|released|issued)"
                              r"\b.*$", re.IGNORECASE)
_ASKED = re.compile(r"^(?:asked|pressed|questioned|interrogée?s?|questionnée?s?|invitée?s?)\b",
                    re.IGNORECASE)
# Meaning to say is not saying: « elle a voulu dire que », "meant to say that".
_INTENDED = re.compile(r"\b(?:voulu|voulait|voulaient|voulant|voulais|meant|wanted|intended)"
                       r"(?:\s+to)?\s+$", re.IGNORECASE)
# A verb that hands its subject to a reporting infinitive: « s’est contentée d’ », « a tenu à ».
_MODAL = re.compile(r"(?:s[’']\s*)?(?:est|sont|a|ont|avait|avaient)\s+(?:\w+\s+)?"
                    r"[a-zà-ÿ]+(?:é|ée|és|ées|u|ue|us|ues)\s+(?:de\s+|d[’']\s*|à\s+)$")
# Where an impersonal « on » speaks from: « dans l’entourage de la ministre », « chez Renault ».
_ON_SOURCE = re.compile(
    r"^\s+(?:dans|chez|au\s+sein\s+d[eu]|du\s+c[ôo]t[ée]\s+d[eu]|parmi|(?P<at>à|au|aux)|"
    r"auprès\s+d(?:e|u|es)|"  # « indique-t-on auprès de Bercy »
    r"de(?=\s+sources?\s))\s+"  # « affirme-t-on de source policière »
    r"(?P<np>(?:l[ae]\s+|l[’']\s*|les\s+)?[^,.;:!?\x01]{2,60})"
)
# « À Matignon, on assure que … », « Chez Renault, on reconnaît … »: where « on » speaks from.
_FRONTED_ON = re.compile(
    r"^\s*(?:dans|chez|au\s+sein\s+d[eu]|du\s+c[ôo]t[ée]\s+d[eu]|parmi|(?P<at>à|au|aux))\s+"
    r"(?P<np>(?:l[ae]\s+|l[’']\s*|les\s+)?[^,.;:!?\x01]{2,60}),\s*on\s*$",
    re.IGNORECASE,
)
# « Selon nos informations »: the newspaper's own reporting, nobody quoted.
_OWN_REPORTING = re.compile(r"^\s*(?:(?:nos|our)\s+(?:informations?|reporting|enquête)|"
                            r"toute\s+(?:vraisemblance|probabilité|apparence)|"
                            r"all\s+(?:likelihood|probability|accounts))\b",
                            re.IGNORECASE)
_RELATIVE_SOURCE = re.compile(r"(?:laquelle|lequel|lesquels|lesquelles|which|whom)\b",
                              re.IGNORECASE)
# Adjectives before a French role noun: « l’ancien ministre », « la nouvelle présidente ».
_FORMER = frozenset(("ancien", "ancienne", "nouveau", "nouvelle", "futur", "future", "ex"))
_PASSIVE = frozenset(("est", "sont", "était", "étaient", "serait", "seraient", "sera", "seront",
                      "été", "être", "is", "are", "was", "were", "be", "been", "being"))
# Words that make what follows a noun phrase: articles, « de », "of".
_NOUN_MARKERS = frozenset(("le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "ce",
                           "cette", "ces", "en", "au", "aux", "the", "a", "an", "of", "this",
                           "these", "in", "into"))
_PREPOSITIONS = frozenset(("pour", "de", "à", "avec", "sur", "to", "for", "of", "with", "on"))
_CONJUNCTIONS = frozenset(("et", "and", "mais", "but", "puis", "then", "or", "ou"))
# An apposition between a subject and its verb: "Hill, quoted by the BBC, said".
_APPOSITION = re.compile(
    r"^(?:a|an|un|une|quoted|cited|interviewed|speaking|asked|pressed|questioned|cité|citée|"
    r"interrogée?|jointe?|"
    r"contactée?|selon)\b",
    re.IGNORECASE,
)


def _titles(g: Grammar) -> str:
    return _titles_of(g.language)


@cache
def _titles_of(language: str) -> str:
    titles = grammar(language).titles
    return "|".join(re.escape(t) + r"\s+" for t in sorted(titles, key=len, reverse=True))


def _head(words: list[str], g: Grammar) -> str | None:
    """The noun a phrase is about: first noun in French, last before "of" in English."""
    # « vice-présidente », « ex-ministre », « vice-Premier ministre »: the noun after the prefix.
    lowered = [re.sub(r"^(?:vice|ex|co|ancien|former|deputy)-", "", w.lower().strip(",."))
               for w in words if w.lower() not in _FORMER]
    while lowered and (lowered[0] in DETERMINERS or lowered[0] in _QUANTIFIERS):
        lowered = lowered[1:]
    if not lowered:
        return None
    for size in (2, 1):
        for i in range(len(lowered) - size + 1):
            phrase = " ".join(lowered[i:i + size])
            singular = phrase[:-1] if phrase.endswith("s") else phrase
            if singular in g.organisations or singular in g.roles:
                phrase = singular  # « les syndicats », "officials"
            if phrase in g.organisations or phrase in g.roles:
                if g.language == "fr" and i > 2:
                    continue
                return phrase
    if g.language == "en":
        cut = lowered.index("of") if "of" in lowered else len(lowered)
        return lowered[cut - 1] if cut else lowered[0]
    return lowered[0]


def _strip_det(np: str) -> str:
    words = np.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _canonical_inside(np: str, cast: Cast) -> str:
    """Names inside a phrase in their fullest form: « le bureau de Kassym-Jomart Tokayev »."""
    def full(m: re.Match[str]) -> str:
        name = m.group(0)
        # « le bureau de Tokayev » is a person's office; « le préfet du Rhône » a place's.
        after_article = re.search(r"(?:du|des|de\s+la|au|aux|the)\s+$", np[:m.start()])
        if after_article or not cast.is_name(name, np, m.start()):
            return name
        return cast.canonical(name)
    return _NAME_RE.sub(full, np)


def _agreement(match: re.Match[str]) -> str:
    """« s'est justifiée Nadia Ferreira »: a feminine participle after être."""
    verb = match.group("verb").lower()
    aux = (match.groupdict().get("aux") or "").lower()
    if aux in ("est", "était") and verb.endswith("ée"):
        return "f"
    return "x"


@cache
def _incise_after(language: str) -> re.Pattern[str]:
    """A short attribution right after a quotation: « Vladimir wonders. », "asks his father"."""
    g = grammar(language)
    return re.compile(rf"^[\s\u00a0]+(?:[^\s.!?\x01]+\s+){{0,3}}?(?:{g.cue.pattern})"
                      rf"[^.!?\x01]{{0,60}}(?:[.,;]|$)", re.IGNORECASE)


def _short(text: str, span: Span) -> bool:
    inner = text[span.start:span.end]
    return len(inner.split()) <= 3 and not inner.endswith(("!", "?", ".", "…"))


def _document_source(np: str) -> str:
    """« une étude de l’Ademe publiée en 2023 » → « l’Ademe »; « un rapport publié lundi par
    le réseau Glamos » → « le réseau Glamos »; anything else as it is."""
    stripped = _DOCUMENT.sub("", np)
    if stripped == np and not _DOCUMENT_NOUN.match(np):
        return np
    by = re.search(r"\s(?:par|by)\s+(.+)$", stripped)
    if by:
        return by.group(1)
    return _DOCUMENT_SUFFIX.sub("", stripped)


def _quoted_words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _named_thing(text: str, span: Span, s_start: int) -> bool:
    """A few words in marks after an article or « de », in a sentence with no speech, name a
    thing: « ce projet de « manif de confinement » », "a match called “finale”"."""
    if not _short(text, span) or not span.opened:
        return False
    before = text[s_start:span.open].split()
    return len(before) >= 2 and before[-1].lower().replace("’", "'") in _NOUN_MARKERS


def _possessive_gender(sentence: str, g: Grammar) -> str:
    """"The mayor is making her case": an English possessive shows the subject's gender."""
    if g.language != "en":
        return "x"
    his = re.search(r"\b(?:his|he|himself)\b", sentence) is not None
    her = re.search(r"\b(?:her|she|herself)\b", sentence) is not None
    return "m" if his and not her else "f" if her and not his else "x"


def _plausible_verb(match: re.Match[str], sentence: str) -> bool:
    """A reporting verb used as such: not a noun (« le dit », « sa déclaration »)."""
    aux = (match.groupdict().get("aux") or "").lower()
    verb = match.group("verb").lower()
    if not aux and verb.endswith(("é", "ée", "és", "ées")) and not match.groupdict().get("clitic2"):
        return False  # « un texte qualifié d’… », « interrogé par l’AFP »: an adjective
    if aux in _PASSIVE and not match.groupdict().get("refl") and \
            not match.group("verb").lower().endswith("ing"):
        return False  # « l’intérim serait assuré par … », "he was told": a passive
    before = " " + sentence[:match.start()].rstrip().lower()
    if before.rsplit(" ", 1)[-1] in _PASSIVE:
        return False
    # "Cole, asked about his pay, said": a participle in apposition, not the sentence's verb.
    if not aux and verb in ("asked", "pressed", "questioned", "interviewed", "quoted") and \
            re.search(r"[,(]\s*$", before) and \
            re.match(r"\s+(?:about|whether|if|by|on|why|how|what)\b", sentence[match.end():]):
        return False
    # "when asked": a passive participle has no speaker of its own.
    return not before.endswith((" le", " la", " les", " du", " des", " the", " a", " un", " une",
                                " when", " if", " once", " unless", " quand", " lorsque"))


def _nearest(span: Span, cues: list[_Cue]) -> _Cue | None:
    """The cue of a quotation: the closest one in its sentence, after it preferred."""
    best: _Cue | None = None
    best_distance = 10**9
    for cue in cues:
        after = cue.start >= span.end
        distance = cue.start - span.end if after else (span.start - cue.end) * 2 + 1
        if distance < 0:
            distance = 10**8
        if distance < best_distance:
            best, best_distance = cue, distance
    return best


def _sentences(masked: str, text: str, incise: re.Pattern[str]) -> list[tuple[int, int]]:
    """Sentence bounds of a paragraph whose quotations are masked (they never split it)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(masked):
        if _NOT_AN_END.search(masked, max(0, match.start() - 5), match.start()):
            continue
        bounds.append((start, match.end()))
        start = match.end()
    # A quotation that ends its sentence: « … monde. » Il a ajouté …
    refined: list[tuple[int, int]] = []
    for lo, hi in [*bounds, (start, len(masked))]:
        cut = lo
        for m in re.finditer(r"\x01(?=[\s\u00a0]+[A-ZÀ-ÖØ-Þ«“\"])", masked[lo:hi]):
            pos = lo + m.end()
            ended = text[: pos - 1].rstrip(" \u00a0\u202f").endswith((".", "!", "?", "…"))
            # "…?" Vladimir wonders. — an attribution after the quotation is the same sentence.
            if ended and not incise.match(masked[pos:hi]):
                refined.append((cut, pos))
                cut = pos
        refined.append((cut, hi))
    return [(lo, hi) for lo, hi in refined if masked[lo:hi].strip()]


def extract_quotes(article: Article) -> tuple[Quote, ...]:
    """Every quotation of the article's story paragraphs, with its speaker, in reading order."""
    g = grammar(article.language)
    cast = Cast(g)
    cast.read([p.text for p in article.paragraphs])
    for paragraph in article.paragraphs:
        cast.learn(paragraph.text, paragraph.index, not paragraph.is_boilerplate)
    return _Walker(article, g, cast).run()


def _interview(article: Article, cast: Cast) -> dict[int, tuple[int, str]]:
    """The answers of a question-and-answer interview, with who gives them.

    Questions are paragraphs that open on a dash, "Q:" or the outlet's name in capitals (« — Si je
    vous envoie un courriel … ? », « LE JOURNAL. – Pourquoi … ? ») and end on a question mark;
    the paragraphs after one, up to the next, are answers. An answer may open on its speaker's
    label (« Yann MARTIN. – », "PENCE:"); otherwise the answers are the person the article names
    most. A transcript ("PENCE: …", "WALLACE: …") gives each labelled paragraph to its label.
    """
    body = [p for p in article.paragraphs if not p.is_boilerplate]
    questions = {p.index for p in body if _QUESTION.match(p.text)}
    labelled = {p.index: m for p in body if (m := _ANSWER_LABEL.match(p.text)) is not None}
    first_answer = min((i for i in labelled if i - 1 in questions), default=None)
    if first_answer is not None:
        # « LE JOURNAL. – …? » then « Yann MARTIN. – … » on the first exchange only: the later
        # questions lost their label (they were in bold); they are the paragraphs that ask.
        questions |= {p.index for p in body if p.index > first_answer and
                      p.text.rstrip().rstrip("»”\" ").endswith("?") and len(p.text.split()) <= 80
                      and p.text.lstrip()[:1] not in "«“\"„"}
    answers: dict[int, tuple[int, str]] = {}
    # A transcript: labels that are the article's people ("PENCE" for Mike Pence), not a page's
    # own labels ("READ MORE:", "ANALYSIS:").
    labelled = {i: m for i, m in labelled.items() if _known_person(cast, m.group("label"))}
    if len(labelled) >= 3 and not questions:
        for index, label in labelled.items():
            answers[index] = (label.end(), cast.canonical(_label_name(label.group("label"))))
        return answers
    if len(questions) < 2:
        return answers
    who = _interviewee(cast, {i: m for i, m in labelled.items() if i not in questions})
    for index in questions:
        answers[index] = (-1, "")  # the interviewer's question: no one's quotation
    asked = False
    for paragraph in body:
        if paragraph.index in questions:
            asked = True
            continue
        text = paragraph.text
        if not asked or len(text.split()) < 4 or text.lstrip()[:1] in "«“\"„":
            asked = asked and len(text.split()) < 4  # a heading between answers
            continue
        label = labelled.get(paragraph.index)
        start = label.end() if label else 0
        name = cast.canonical(_label_name(label.group("label"))) if label else who
        stage = _STAGE_DIRECTION.match(text, start)
        start = stage.end() if stage else start
        if name:
            answers[paragraph.index] = (start, name)
    return answers


def _known_person(cast: Cast, label: str) -> bool:
    """Whether a capitalised label is someone the article names in its sentences."""
    name = _label_name(label)
    written = {w.lower() for w in cast.midcaps}
    full = cast.canonical(name)
    return all(w.lower() in written for w in name.split()) and full not in cast.organisations \
        and full not in cast.places


def _label_name(label: str) -> str:
    """"Yann LECUN", "PENCE" → "Yann Lecun", "Pence": how the article writes the name."""
    return " ".join(w if not w.isupper() else w[:1] + w[1:].lower() for w in label.split())


def _interviewee(cast: Cast, labelled: dict[int, re.Match[str]]) -> str | None:
    """Who answers: the one answer label, or else the person the article names most."""
    labels = {_label_name(m.group("label")) for m in labelled.values()}
    if len(labels) == 1:
        return cast.canonical(labels.pop())
    counts: dict[str, int] = {}
    for _, name in cast.mentions:
        full = cast.canonical(name)
        if len(full.split()) >= 2 and full not in cast.organisations and \
                full not in cast.places and all(len(w) > 1 for w in full.split()):
            counts[full] = counts.get(full, 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else None


def _furniture(article: Article) -> frozenset[int]:
    """Short lines a page repeats ("Story continues below advertisement", "Article Continued
    Below"): page furniture, whatever the boilerplate filter made of them."""
    seen: dict[str, list[int]] = {}
    for paragraph in article.paragraphs:
        if len(paragraph.text.split()) <= 6 and not find_spans(paragraph.text):
            seen.setdefault(paragraph.text.strip().lower(), []).append(paragraph.index)
    return frozenset(i for indices in seen.values() if len(indices) >= 2 for i in indices)


def _has_words(found: _Found, article: Article) -> bool:
    """Whether the span holds at least one letter or digit."""
    span = article.paragraphs[found.paragraph].text[found.start:found.end]
    return found.start < found.end and any(c.isalnum() for c in span)


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
