"""Speaker mentions: which person, role, organisation or group a noun phrase is."""

from __future__ import annotations

import re

from index.quotes.grammar import NAME, Grammar, words
from index.quotes.marks import Span
from index.quotes.people import (
    DETERMINERS,
    DOCUMENT_KINDS,
    Cast,
    Person,
    clean_np,
    cut_complements,
)
from index.quotes.reading import MASK, NAME_RE, Reading

_POSSESSIVE = re.compile(r"^(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*[’']s\s+(?=[a-z])")

_SPOKESPERSON = re.compile(
    r"^(?:a|an|the|un|une|le|la|l[’'])\s*(?:spokesperson|spokesman|spokeswoman|porte-parole|"
    r"representative|représentante?)\s+(?:for|of|at|de|du|d[’'])\s*"
    r"(?P<body>(?:the|l[ae]|l[’'])\s*(?P<head>[a-zà-ÿ]+))$",
    re.IGNORECASE,
)

# Bodies a text names by their noun alone (« le gouvernement », "the court"), not a company.
_OFFICES_NAMED_BY_NOUN = frozenset(("ministère", "ministry", "gouvernement", "government",
                                    "préfecture", "parquet", "tribunal", "court", "police",
                                    "mairie", "commission", "cour"))

_DOCUMENT_KIND = re.compile(rf"\b({DOCUMENT_KINDS})s?\b", re.IGNORECASE)
#: Acronyms that are common nouns of a kind of body, not a body's name (« l’ONG », "the NGO"):
#: "the FBI" is a name.
_COMMON_ACRONYMS = frozenset(("ong", "ngo"))

_AUXILIARIES = {
    "fr": re.compile(r"\s(?:a|ont|avait|avaient|est|sont|était|se|s[’'])(?=\s|$)"),
    "en": re.compile(r"\s(?:has|have|had|is|was|were|will|would)(?=\s|$)"),
}

_QUANTIFIERS = words("quantifiers")

_EPITHET = re.compile(r"[a-z]+-of-(?:\d+|[a-z]+)|(?:\d+|[a-z]+)-year-old|[a-zé]+génaire|"
                      r"centenaire")

_GROUP_OF_NAME = re.compile(
    rf"^\W*(?P<np>(?:Les|The)\s+[a-zà-ÿ-]+s\s+(?:de|du|des|d[’']|of|at|from)\b"
    rf"[^,;:\x01]{{0,40}}?{NAME})(?=\s+[a-zà-ÿ])")

_LEADING_NAME = re.compile(rf"^\W*((?:[\w’'-]+\s+){{0,3}}?{NAME})")
_BARE_NAME = re.compile(rf"(?:le|la|les|l[’']|the|The|Le|La|Les|L[’'])\s*({NAME})")
_AGED_BEFORE_COLON = re.compile(rf"(?P<name>{NAME}),\s*\d{{1,3}}(?:\s*ans)?\s*$")

_AGE_AFTER = re.compile(r",\s*\d{1,3}(?:\s*ans)?\s*,")

_THIS = frozenset(("ce", "cet", "cette", "this"))

_PLURAL = frozenset(("les", "des", "plusieurs", "certains", "certaines", "quelques", "some",
                     "several", "many", "two", "three"))

# A coordinated subject before a plural verb: « X et la docteure Y ont accueilli ».
_COORDINATED = re.compile(r"^([^\x01;:]*\s(?:et|and)\s[^\x01;:]*?)\s(?:ont|sont|avaient|étaient|"
                          r"have|are|had|were)\s")

# "LONDON —", « PARIS (AFP) - »: the dateline before a story's first subject.
_DATELINE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .'-]+(?:\s*\([^)]*\))?\s*[—–-]\s*")

# "the British maker", "Brazilian midfielder Lucas Moreira": a demonym before a noun, not a name.
_ADJECTIVE_NAME = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]+(?:an|ese|ish|ian|ais|aise|ois|oise|ien|ienne|ain"
                             r"|aine|i)\s+[a-zà-ÿ]")

_DEMONYM = re.compile(r"(?:an|ese|ard|ish|ais|aise|ois|oise|ien|ienne|ain|aine|and|ande|ol|ole|i)$")

# "of" before a name: « le ministère de l’Intérieur », "the office of Tokayev".
_OF = re.compile(r"(?:\bde|\bdu|\bdes|\bof|d[’'])(?:\s+la|\s+l[’'])?\s*$", re.IGNORECASE)

_DOCUMENT_NOUN = re.compile(
    r"^\s*(?:une?|l[ae]|l[’']|the|a|an|son|sa|its|their)\s*(?:étude|rapport|enquête|sondage|"
    r"communiqué|note|analyse|lettre|courrier|document|report|study|survey|statement|"
    r"analysis|poll|filing|letter|memo|document)\b",
    re.IGNORECASE,
)

# "her statement said", "the union's release said", « leur communiqué indique »: a document
# that speaks for its owner, a possessive or a noun phrase with 's.
_OWNED_DOCUMENT = re.compile(
    r"^(?:(?P<pronoun>his|her|their|its|son|sa|leur)|(?P<owner>.{2,60}?)[’']s)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:statement|release|letter|memo|report|post|tweet|email|e-mail|"
    r"message|filing|complaint|lawsuit|communiqué|lettre|courrier|rapport|message|tweet|"
    r"publication)$",
    re.IGNORECASE,
)
#: The subject pronoun a possessive stands for: "her statement" is what "she" said.
_OWNER_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}

_ASKED = re.compile(r"^(?:asked|pressed|questioned|interrogée?s?|questionnée?s?|invitée?s?)\b",
                    re.IGNORECASE)

# « À Matignon, on assure que … », « Chez Renault, on reconnaît … »: where « on » speaks from.
# After a quotation: « Ces propos, tenus par X », "These words, written by X": the words are X's.
_CLAIMED = re.compile(
    r"[\s.,]*(?:ces|ses|les|des|cette|this|these|those|the)\s+(?:propos|mots|paroles|"
    r"déclarations|phrases?|lignes|remarques|words|remarks|comments|lines)\b[^.!?«“\"]{0,120}?"
    r"\b(?:par|by)\s+(?P<np>[^.!?«“\"]{1,120})", re.IGNORECASE)
_FRONTED_ON = re.compile(
    r"^\s*(?:dans|chez|au\s+sein\s+d[eu]|du\s+c[ôo]t[ée]\s+d[eu]|parmi|(?P<at>à|au|aux))\s+"
    r"(?P<np>(?:l[ae]\s+|l[’']\s*|les\s+)?[^,.;:!?\x01]{2,60}),\s*on\s*$",
    re.IGNORECASE,
)

# Adjectives before a French role noun: « l’ancien ministre », « la nouvelle présidente ».
_FORMER = frozenset(("ancien", "ancienne", "nouveau", "nouvelle", "futur", "future", "ex"))

_PREPOSITIONS = frozenset(("pour", "de", "à", "avec", "sur", "to", "for", "of", "with", "on"))
# A sentence that opens (maybe after « Lundi, », "On Dec. 13,") on "the"/« le »/« la ».
_ROLE_OPENING = re.compile(r"^\W*(?:[^,;:\x01]{1,30},\s*)?(?P<det>[Tt]he|[Ll]e|[Ll]a)\s+"
                           r"(?P<rest>[^,;:\x01]{3,80})")


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
    return NAME_RE.sub(full, np)


def _agreement(match: re.Match[str]) -> str:
    """« s'est justifiée Nadia Ferreira »: a feminine participle after être."""
    verb = match.group("verb").lower()
    aux = (match.groupdict().get("aux") or "").lower()
    if aux in ("est", "était") and verb.endswith("ée"):
        return "f"
    return "x"


def _possessive_gender(sentence: str, g: Grammar) -> str:
    """"The mayor is making her case": an English possessive shows the subject's gender."""
    if g.language != "en":
        return "x"
    his = re.search(r"\b(?:his|he|himself)\b", sentence) is not None
    her = re.search(r"\b(?:her|she|herself)\b", sentence) is not None
    return "m" if his and not her else "f" if her and not his else "x"


class Mentions(Reading):
    """Speaker mentions: which person, role, organisation or group a noun phrase is."""

    def aged_before_colon(self, before: str) -> Person | None:
        """« Même son de cloche chez Martine, 45 ans : », "the same for Dave Jones, 52:": the
        person given an age just before the colon."""
        aged = _AGED_BEFORE_COLON.search(before[:-1].rstrip())
        if aged is None or not self.cast.is_name(aged.group("name"), before, aged.start()):
            return None
        return self.cast.person(self.cast.strip_title(aged.group("name")))

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
        if subject and " " not in subject and subject not in self.cast.midcaps and \
                not subject.isupper():
            # « Intelligence artificielle : « … » »: a headline's topic opens the clause with a
            # capital; a name the article never writes mid-sentence is no one
            subject = ""
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

    def place_on(self, text: str, span: Span) -> Person | None:
        """« À Bercy, on suit le dossier « … » »: « on » at a place, with no reporting verb."""
        if self.grammar.language != "fr":
            return None
        sentence = re.split(r"[.!?]\s+", text[:span.open])[-1]
        on = re.search(r",\s*on\s", sentence)
        if on is None:
            return None
        return self.place_speaker(_FRONTED_ON.match(sentence[:on.end()].rstrip()))

    def words_claimed(self, text: str, span: Span) -> Person | None:
        """« « … » Ces propos, tenus par le maire X sur Facebook, … », ""…" Those words, posted
        by Y, …": a quotation the next sentence gives to someone with « par » or "by"."""
        after = _CLAIMED.match(text, min(len(text), span.close + 1))
        if after is None:
            return None
        np = re.split(r"[,.;:()!?]|\s(?:sur|dans|en|à|au|lors|depuis|on|in|at|during|after|"
                      r"when|lorsqu|quand|qui|who)\s", after.group("np"))[0].strip()
        if not np or len(np.split()) > 9:
            return None
        names = list(NAME_RE.finditer(np))
        if names and names[-1].end() == len(np) and names[-1].start() > 0:
            # « par le gynécologue de Pau Jean Dupont »: the name closing the description.
            name = self.cast.place_cut(names[-1].group(0), np[:names[-1].start()])
            return self.mention(name, None) or self.mention(np, None)
        return self.mention(np, None)

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
        if not head or not NAME_RE.fullmatch(head) or not role:
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
        head = _LEADING_NAME.match(sentence)
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
                    self.is_role_description(np) and not NAME_RE.search(np[3:].lower()):
                # Not « la journaliste » read as the last person: a holder of the role or
                # the role itself.
                found = self.cast.by_role(np, self.current) or self.description(np)
        if found is None:
            found = self.role_subject(sentence)
        return found

    def role_subject(self, sentence: str) -> Person | None:
        """"On Dec. 13, the mayor brought up …": a role noun opening the sentence (after a short
        adverbial) and followed by its verb puts its holder on stage."""
        opening = _ROLE_OPENING.match(sentence)
        if opening is None:
            return None
        tokens = opening.group("rest").split()
        for i, token in enumerate(tokens[:3]):
            if token.lower() in self.grammar.roles:
                follows = tokens[i + 1] if i + 1 < len(tokens) else ""
                if not follows[:1].islower() or follows.lower() in _PREPOSITIONS | {"of", "de"}:
                    return None
                np = f"{opening.group('det')} {' '.join(tokens[:i + 1])}"
                return self.cast.by_role(np, self.current) or self.description(np)
        return None

    def coordinated(self, sentence: str, subject: Person | None) -> list[Person]:
        """« le maire, Bernard Vidal, et la docteure Anne Roussel ont accueilli … »: every
        named person of a coordinated subject is on stage, in order, for a later pronoun."""
        plural = _COORDINATED.match(sentence)
        if plural is None:
            return []
        found = []
        for match in NAME_RE.finditer(plural.group(1)):
            name = self.cast.strip_title(match.group(0))
            if name in self.cast.roles and (subject is None or subject.name != name):
                found.append(self.cast.person(name, role=self.cast.roles[name]))
        return found

    def opening_name(self, sentence: str) -> Person | None:
        head = " ".join(sentence.split()[:10])
        for found_match in NAME_RE.finditer(head):
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
            if len(words) == 1 and not (titled or role_before or apposed_to or aged or known) and \
                    name not in self.cast.midcaps:
                continue  # "Story continues below": a word that opens sentences only
            gender = self.cast.title_gender(found)
            if gender == "x":
                # "Carla Whitmore pressed Tull on his silence": "his" is Tull's, not hers.
                after = sentence[sentence.find(found) + len(found):]
                other = NAME_RE.search(after)
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
        owned = _OWNED_DOCUMENT.match(np)
        if owned is not None:
            owner = self.document_owner(owned)
            if owner is not None:
                return owner
        if _DOCUMENT_NOUN.match(np):
            author = self.document_author(np)  # "the survey found": whoever made it
            if author is not None:
                return author
        if np.split()[0].lower() in DETERMINERS:
            holder = self.cast.by_periphrasis(np, self.current)
            if holder is not None:
                return holder
        # « l’ancien ministre » is read as « l’ ancien ministre »: the article, then the noun.
        words = re.sub(r"(?<!\w)([lLdD][’'])(?=\w)", r"\1 ", np).split()
        if len(np.split()) > 9 or MASK in np:
            return None
        if 2 <= len(words) <= 4 and words[0].lower() == "the" and \
                words[-1] in ("Republican", "Democrat", "Democratic", "Conservative", "Tory",
                              "Liberal") and all(w[:1].isupper() for w in words[1:]):
            # "the Louisiana Republican said": the politician on stage.
            earlier = self.last_person("x")
            if earlier is not None:
                return earlier
        names = [m for m in NAME_RE.finditer(np)
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
            name = self.cast.place_cut(self.cast.strip_title(last.group(0)),
                                       np[:last.start()])
            named_body = name.isupper() or \
                any(w.lower() in self.grammar.organisations for w in name.split())
            inside = re.search(r"\s(?:de|du|des|d[’']|of|for|at|chez)[\s’']", before + " ")
            if head is not None and head in self.grammar.roles and inside and \
                    (of_the or named_body):
                # "A spokesperson for the Securities and Exchange Commission": a person of it;
                # « le sénateur de l’Aube »: the senator the article named, when it did.
                holder = self.cast.by_role(np, self.current) or \
                    self.cast.by_head(np, self.current) \
                    if words[0].lower() in ("le", "la", "l’", "the") else None
                return holder or self.description(np)
            if of_name and head is not None and head in self.grammar.roles and \
                    words[0].lower() in DETERMINERS:
                # « le préfet du Rhône », « le sénateur de l’Aube »: a role of a place or
                # body is its holder, when the article named one, or stays a description.
                holder = self.cast.by_role(np, self.current) or \
                    self.cast.by_head(np, self.current)
                return holder or self.description(np)
            if re.fullmatch(r"(?:Le|La|Les|The)\s+[A-Z]{2,}", name):
                name = name.split()[1]  # « La CGT »
            if name.lower() in _COMMON_ACRONYMS and len(words) == 2 and \
                    words[0].lower() in ("the", "le", "la", "l’", "l'"):
                # « l’ONG », "the NGO": an organisation's common noun, for the one named last.
                named = self.cast.last_organisation(self.current, unnamed=name.lower())
                if named is not None:
                    return self.organisation(named)
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
                if words[0].lower() in DETERMINERS:
                    # « le responsable départemental des Restos », « le sénateur de l’Aube »: the
                    # person the article gave that role, when it did.
                    holder = self.cast.by_role(np, self.current) or \
                        self.cast.by_head(np, self.current)
                    if holder is not None:
                        return holder
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
                named = self.cast.last_organisation(self.current, head,
                                                    before=self.history.here)
                if named is None and head not in _OFFICES_NAMED_BY_NOUN:
                    named = self.history.salient_body()  # "Google …. The company said"
                if named is not None:
                    return self.organisation(named)
            return self.organisation(np)
        if (len(words) == 1 and self.grammar.language == "en" and low.endswith("s") and \
                words[0][:1].islower() and low not in self.grammar.stopwords) or \
                words[0].lower() in ("opponents", "critics"):
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
            if by_role is not None and words[0].lower() in ("le", "la", "l'", "l’", "the"):
                # « Et le chercheur de rappeler … » right after Jean C. spoke in this paragraph:
                # the person on stage here, before a holder of the role named earlier.
                here = self.history.here_person({"le": "m", "la": "f"}.get(words[0].lower(), "x"))
                if here is not None and here is not by_role:
                    return here
            if by_role is not None:
                return by_role
            if len(words) > 2 and re.search(r"\s(?:de|du|des|d[’']|of)\s", np) and \
                    words[0].lower() in ("le", "la", "l'", "l’", "the"):
                # « le sénateur de l’Aube » after « le sénateur Paul Durand »
                holder = self.cast.by_head(np, self.current)
                if holder is not None:
                    return holder
            bare_noun = len(words) == 2 and words[1][:1].islower() and head is not None and \
                head not in self.grammar.organisations and not _DOCUMENT_NOUN.match(np) and \
                not (self.grammar.language == "en" and head.endswith("s"))
            if head is not None and (head in self.grammar.roles or bare_noun) and \
                    words[0].lower() in ("le", "la", "l'", "l’", "the") and \
                    not re.search(r"\s(?:de|du|des|d[’']|of)\s|[’']s\s", np):
                # « l’informaticien », "the rookie": a person named before, whatever the noun.
                # « la journaliste », "the singer": the last speaker that fits.
                gender = {"le": "m", "la": "f"}.get(words[0].lower(), "x")
                earlier = self.last_person(gender, words[-1].lower())
                if earlier is not None:
                    return earlier
            if head is not None and (head in self.grammar.roles or words[0].lower() in
                                     _QUANTIFIERS):
                return self.description(np)
            if match is not None and len(words) <= 8 and head not in (None, "it") and \
                    words[-1].lower() not in _PREPOSITIONS:
                # The subject right before a reporting verb: "the fund's largest investor wrote".
                return self.description(np)
        return None

    def document_author(self, np: str) -> Person | None:
        """« selon les résultats de l’enquête », "the survey found": who the article said made a
        document of that kind (« une enquête menée par X »), when the phrase names no one."""
        if NAME_RE.search(np, 1) is not None:
            return None  # « l’étude de l’Ademe »: the owner is named
        kind = _DOCUMENT_KIND.search(np)
        if kind is None:
            return None
        author = self.cast.author_of(kind.group(1).lower(), self.current)
        if author is None:
            return None
        return self.mention(author, None) or self.organisation(author)

    def document_owner(self, owned: re.Match[str]) -> Person | None:
        """Who a possessed document speaks for: the person "her"/"his"/"their" stands for, or
        « son »/« leur » (which say nothing of the owner's gender), or the owner named."""
        if owned.group("owner"):
            return self.mention(owned.group("owner"), None)
        possessive = owned.group("pronoun").lower()
        if possessive in _OWNER_PRONOUNS:
            return self.pronoun(_OWNER_PRONOUNS[possessive], None)
        number = "p" if possessive == "leur" else "s"
        return self.history.resolve("x", number, english=False, learn=False)

    def organisation(self, np: str) -> Person:
        name = _canonical_inside(np, self.cast)
        bare = _BARE_NAME.fullmatch(name)
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

