"""Attribution clauses: where a sentence says who spoke (the cue) and what they said.

The shape first, the lexicon second: a reporting verb and its subject before it (« X a déclaré
que »), after it (« …, a déclaré X », « a-t-il déclaré », "…, said X") or around an incise;
a source (« selon X », "according to X", « Pour X, … »); the reported clause after « que »,
"that", an infinitive or a bare "said"; an incise inside the marks (« A, explique X. B »).
"""

from __future__ import annotations

import re
from functools import cache

from index.lexicon import word_list
from index.quotes.grammar import NAME, Grammar, grammar, words
from index.quotes.marks import Span
from index.quotes.mentions import (
    _ASKED,
    _DATELINE,
    _DOCUMENT_NOUN,
    _FRONTED_ON,
    _QUANTIFIERS,
    _strip_det,
)
from index.quotes.people import DETERMINERS, Person, clean_np, cut_complements
from index.quotes.reading import MASK, NAME_RE, Cue, Found, Reading

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

# A determined noun phrase running to the end of the sentence.
_CLOSING_SUBJECT = re.compile(
    r"^\s+(?:le|la|les|l[’']|un|une|des|the|a|an|son|sa|ses|his|her)\b\s*"
    # a few words, none of them a verb of a clause ("said the board would review …"); each word
    # taken whole (``++``): splitting one in pieces matches nothing more, and trying every split
    # of six words made this the slowest pattern of attribution
    r"(?:(?!(?:is|was|are|were|would|will|could|should|has|had|have|did|est|sont|a|ont|sera|"
    r"serait|était|doit|va)\b)[^\s,;:.!?\x01]++\s*){1,6}[.!?]?\s*$", re.IGNORECASE)
# A cue after the clause it reports: "…, she said", « …, a-t-il ajouté ».
_TRAILING_CUE = re.compile(r"[,\x01]\s*(?:he|she|they|it|il|elle|ils|elles)?\s*$", re.IGNORECASE)
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

_RELATIVE = re.compile(r"^(?:qui|que|qu[’']|dont|où|who|whom|whose|which|where)\b", re.IGNORECASE)

# A predicate, not a subject: "is more blunt", « est plus sévère ».
_PREDICATE = re.compile(r"^(?:is|was|are|were|has|had|have|est|était|sont|a|ont)\s", re.IGNORECASE)

# "Okafor was quoted as saying", « X, cité par le journal, affirmant »: who was quoted.
# "Sen. Rand Paul, R-Ky., said": a party and state after an American politician's name.
# "(R-Ky.)", « (DVG) », « (PS) »: a party label between brackets, not a speaker.
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]{1,12}|[A-Z]{2,5}\)?")

_ADVERBIAL = re.compile(
    r"^(?:\d{1,2}[h:.]\d{2}\s*[–—-]\s*)?"  # a live blog's time: « 10h15 – À Quimper, … »
    r"(?:de|du|des|côté|à|au|aux|dans|en|pour|après|avant|lors|depuis|pendant|sur|sous|dès|"
    r"in|on|at|after|before|during|since|for|from|with)\b", re.IGNORECASE)

_QUOTED_AS = re.compile(r"(?:^|[,;\x01]\s*)(?P<np>[^,;:\x01]{1,60}?)\s+(?P<verb>(?:was|is|were|"
                        r"are|has\s+been|had\s+been)\s+(?:quoted|reported|heard|overheard)\s+as)"
                        r"\s*$")

# ", and who testified …, said": a second relative clause of the same subject.
# "by Bortis who noted that", « par Mme Lenoir qui a rappelé que »: a name, then its relative
# clause with no comma between them.
_NAME_WHO = re.compile(rf"(?<!\w)(?P<name>{NAME})\s+(?:who|qui)$")
# What opens a clause of its own between a comma and a cue's verb (Clauses.cue_subject).
_SUBORDINATORS = re.compile(r"(?<!\w)(?:que|qu[’']|that|after|when|because|while|which|"
                            r"but|whereas|mais|lorsque|quand|car|après|puisque)(?=[\s\w])")
#: The longest reported clause read after a cue, in characters.
MAX_CLAUSE = 3000
# Incises after a quotation with a verb of any kind (see Clauses.any_verb_incises).
_FR_SUBJECT_NP = (r"(?P<np>(?:(?:le|la|les|un|une|ce|cet|cette|son|sa|leur)\s+|l[’']\s*|"
                  r"(?:M\.|Mme|Me|Dr)\s+)?[^\s,.;:!?\x01][^,.;:!?\x01]{0,60}?)")
_ANY_VERB = {
    "fr": (
        # « », s’agace-t-elle. », « », a-t-il tranché. »
        re.compile(r"[\s\u00a0]*,[\s\u00a0]*(?P<cue>(?:s[’']\s*|se\s+)?"
                   r"(?P<verb>[a-zà-ÿ]{3,})-(?:t-)?(?P<pronoun>il|elle|ils|elles)"
                   r"(?:\s+[a-zà-ÿ]{3,}(?:é|ée|és|ées))?)(?=[\s\u00a0]*(?:[.,;!?]|$))"),
        re.compile(r"[\s\u00a0]*,[\s\u00a0]*(?P<cue>(?:a|avait)-t-(?P<pronoun>il|elle)\s+"
                   r"(?P<verb>[a-zà-ÿ]{3,}(?:é|ée|i|ie|u|ue|is|it|ert)))(?=[\s\u00a0]*(?:[.,;!?]|$))"),
        # « », tranche le sénateur. », « », a loué l’AMPTP dans un communiqué. »
        re.compile(r"[\s\u00a0]*,[\s\u00a0]*(?P<cue>(?:(?:a|avait)\s+)?"
                   r"(?P<verb>[a-zà-ÿ]{3,}(?:e|é|a|ait|it|ut))\s+"
                   r"(?:(?:ainsi|encore|aussi|alors|enfin|également|aussitôt)\s+)?"
                   + _FR_SUBJECT_NP +
                   r")(?=[\s\u00a0]*(?:[.;!?]|$|,|\s(?:dans|sur|à|au|lors|devant|auprès)\s))"),
    ),
    "en": (
        # ""…," Hale quipped.", ""…," the senator quipped."
        re.compile(r"[\s\u00a0]*,?[\s\u00a0]*(?P<cue>(?P<np>(?:the\s+|a\s+|an\s+)?"
                   r"[A-Za-z][\w.'’ -]{0,50}?)\s+(?P<verb>[a-z]{3,}ed))"
                   r"(?=[\s\u00a0]*(?:[.;!?]|$|,|\s(?:on|in|at|to|during|after)\s))"),
        # ""…," quipped Hale."
        re.compile(r"[\s\u00a0]*,[\s\u00a0]*(?P<cue>(?P<verb>[a-z]{3,}ed)\s+"
                   r"(?P<np>(?:the\s+|a\s+|an\s+)?[A-Za-z][\w.'’ -]{0,50}?))"
                   r"(?=[\s\u00a0]*(?:[.;!?]|$|,))"),
    ),
}
# « varie … selon », "differ … according to": « selon » says on what something depends.
_VARIES_BY = re.compile(
    r"\b(?:vari\w*|diff[èée]r\w*|d[ée]pend\w*|fluctu\w*|oscill\w*|[ée]volu\w*|"
    r"var(?:y|ies|ied|ying)|differ\w*|depend\w*|range[sd]?|ranging|fluctuat\w*)\b"
    r"(?:[^,;:.!?\x01]|(?<=\d)[.,](?=\d)){0,80}$", re.IGNORECASE)
_AND_WHO = re.compile(r"^(?:and|et|but|mais)\s+(?=(?:who|qui|whose|dont)\b)", re.IGNORECASE)

# The source after « selon » / "according to": up to a comma or a full stop, not the full stop
# of a title ("according to Dr. Keith Ahamad").
_SOURCE_NP = re.compile(r"\s*((?:\b(?:Sen|Rep|Gov|Gen|Dr|Mr|Mrs|Ms|Lt|Col|Sgt|Prof|Capt|Mme|Mgr|Pr|"
                        r"Me|St)\.|[^,.;:\x01]){1,80})")

#: Pronouns that point at the person named last, not at the last speaker.
# A sentence opening on "A/An/The <noun> who …" with no comma, quotation or verb of its own
# before the reporting verb: « Un responsable qui a requis l’anonymat a indiqué que ».
_WHO_OPENING = re.compile(
    r"^\W*(?P<np>(?:A|An|Un|Une)\s+(?:[a-zà-ÿ-]+\s+){0,3}?[a-zà-ÿ-]+)\s+(?:who|qui)\s"
    r"[^,;:\x01]{5,160}$")

_DAY_WORD = re.compile(
    r"^\s*(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
    r"yesterday|tonight)\s+(?=[a-z])", re.IGNORECASE)

_WHEN_THEN_COMMA = re.compile(
    r"^\s*(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
    r"yesterday|tonight|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|"
    r"aujourd[’']hui)\s*,", re.IGNORECASE)

_ADVERBS = words("adverbs")

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

# What comes between an inverted verb and its subject: « a affirmé dimanche sur France Inter »,
# « a indiqué à l’AFP », « explique à Mediapart ».
_LEAD = re.compile(
    # « résume, amer, Yann Le Goff »: an attribute of the subject between commas.
    r"^(?:,\s+[a-zà-ÿ-]+(?:\s+[a-zà-ÿ-]+){0,2},)?"
    # « glisse simplement un conseiller », "said quietly a …": an adverb before the subject.
    r"(?:\s+[a-zà-ÿ]+ment(?=\s))?"
    r"(?:\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd[’']hui)"
    r"(?:\s+(?:matin|soir|midi))?)?"
    # « a expliqué la semaine dernière à l’AFP la secrétaire d’État »: when, then to whom.
    r"(?:\s+(?:la\s+semaine\s+(?:dernière|passée)|le\s+mois\s+dernier|l[’']an\s+dernier|"
    r"l[’']année\s+dernière|ce\s+(?:matin|soir|week-end)|cette\s+semaine|en\s+début\s+de\s+"
    r"semaine))?"
    r"(?:\s+(?:à|au|aux|auprès\s+d[eu]|auprès\s+des|sur|devant|dans|to|on)"
    r"\s+(?:la\s+|l[’']\s*|les\s+|le\s+|un\s+|une\s+|des\s+|son\s+|sa\s+|ses\s+|a\s+|the\s+)?"
    r"(?:[A-ZÀ-Þ][\w’'+-]*(?:\s+[A-ZÀ-Þ][\w’'+-]*)*|[a-zà-ÿ-]+)"
    r"(?:\s+(?:de|du|des|d[’'])\s*(?:la\s+|l[’']\s*)?[a-zà-ÿ-]+)?)?"
    r"(?=\s+(?:le|la|les|l[’']|un|une|the|a|an|[A-ZÀ-Þ]))"
)

# « Pour le syndicat ReAGJIR, … », "For Dr Ames, “…”": a source opening a sentence.
_POUR_HEAD = r"^\s*(?:(?:Mais|Et|Or|But|And),?\s+)?(?:[Pp]our|[Ff]or)\s+"
_POUR_START = re.compile(_POUR_HEAD)
_POUR_DESCRIBED = re.compile(rf"{_POUR_HEAD}((?:l[ae]|l’|l'|les|the)\s*[^,\x01]{{2,60}}?)\s*,")


@cache
def _appositions(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """", Name" right after a role, at the end of a clause or before another comma."""
    titles = _titles_of(language)
    return (re.compile(rf"^,\s+((?:{titles})?\s*{NAME})(?=\s*[,.;]|$)"),
            re.compile(rf"^,\s+((?:{titles})?\s*{NAME})(?=\s*,)"))


@cache
def _pour_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """« Pour X, … » with a name (maybe ending in lower-case words: « Générations futures »),
    and « Pour la procureure, Sandrine Tanguy, … » with a role, then the name."""
    titles = _titles_of(language)
    return (
        re.compile(rf"{_POUR_HEAD}((?:(?:l[ae]|l’|l'|the)\s+)?(?:[a-zà-ÿ’'-]+\s+){{0,5}}"
                   rf"(?:{titles})?\s*{NAME}(?:\s+[a-zà-ÿ]+)?)\s*,"),
        re.compile(rf"{_POUR_HEAD}((?:l[ae]|l’|l'|the|son|sa|his|her)\s*"
                   rf"[^,\x01]{{2,60}}?),\s+((?:{titles})?\s*{NAME})\s*,"),
    )

_DOCUMENT = re.compile(
    _DOCUMENT_NOUN.pattern + r"\s+(?:\w+\s+)?"
    r"(?:de\s+la\s+|de\s+l[’']\s*|du\s+|des\s+|de\s+|d[’']\s*|auprès\s+d[eu]\s+|by\s+|"
    r"from\s+|of\s+|with\s+)",
    re.IGNORECASE,
)

_DOCUMENT_SUFFIX = re.compile(r"\s+(?:publiée?s?|parue?s?|rendue?s?|published|released|issued)"
                              r"\b.*$", re.IGNORECASE)

# Meaning to say is not saying: « elle a voulu dire que », "meant to say that".
_INTENDED = re.compile(r"\b(?:voulu|voulait|voulaient|voulant|voulais|meant|wanted|intended)"
                       r"(?:\s+to)?\s+$", re.IGNORECASE)

# Speech withheld: "Facebook did not say whether …", "declined to say why", « a refusé de dire
# si … »: what follows is what was not said.
_WITHHELD = re.compile(r"\b(?:did\s+not|didn[’']t|does\s+not|doesn[’']t|would\s+not|"
                       r"wouldn[’']t|will\s+not|won[’']t|could\s+not|couldn[’']t|declined\s+to|"
                       r"refused\s+to|(?:a|ont|avait|avaient)\s+refusé\s+de)\s+$", re.IGNORECASE)

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

# « Selon nos informations »: the newspaper's own reporting, nobody quoted.
_OWN_REPORTING = re.compile(r"^\s*(?:(?:nos|our)\s+(?:informations?|reporting|enquête)|"
                            r"toute\s+(?:vraisemblance|probabilité|apparence)|"
                            r"all\s+(?:likelihood|probability|accounts))\b",
                            re.IGNORECASE)

_RELATIVE_SOURCE = re.compile(r"(?:laquelle|lequel|lesquels|lesquelles|which|whom)\b",
                              re.IGNORECASE)

_PASSIVE = frozenset(("est", "sont", "était", "étaient", "serait", "seraient", "sera", "seront",
                      "été", "être", "is", "are", "was", "were", "be", "been", "being"))

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


@cache
def _incise_after(language: str) -> re.Pattern[str]:
    """A short attribution right after a quotation: « Vladimir wonders. », "asks his father"."""
    g = grammar(language)
    return re.compile(rf"^[\s\u00a0]+(?:[^\s.!?\x01]+\s+){{0,3}}?(?:{g.cue.pattern})"
                      rf"[^.!?\x01]{{0,60}}(?:[.,;]|$)", re.IGNORECASE)


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


def _plausible_verb(match: re.Match[str], sentence: str) -> bool:
    """A reporting verb used as such: not a noun (« le dit », « sa déclaration »)."""
    aux = (match.groupdict().get("aux") or "").lower()
    verb = match.group("verb").lower()
    if not aux and verb.endswith(("é", "ée", "és", "ées")) and not match.groupdict().get("clitic2"):
        return False  # « un texte qualifié d’… », « interrogé par l’AFP »: an adjective
    if aux in _PASSIVE and not match.groupdict().get("refl") and \
            not match.group("verb").lower().endswith("ing"):
        return False  # « l’intérim serait assuré par … », "he was told": a passive
    # "the United States", "Field Notes": a capital inside a sentence makes a name, not a verb.
    head = sentence[:match.start("verb")].rstrip()
    if match.group("verb")[:1].isupper() and head and head[-1] not in ".!?:;\x01«“\"„—–-(":
        return False
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


# A contrast that opens a clause of its own: "but", "whereas", « mais », « alors que ».
_CONTRAST = re.compile(r",?\s(?:but|whereas|while|yet|mais|tandis\s+que|alors\s+que)\s",
                       re.IGNORECASE)


def _cut_at_other_speakers(cues: list[Cue], masked: str) -> None:
    """"According to the ministry, the target is met but Tom Ridley says it is not": a clause
    stops where another speaker's cue is set against it. Not "her coach, Tom Ridley, had told
    her …": speech reported inside the clause stays in it."""
    for cue in cues:
        for i, (lo, hi) in enumerate(cue.clauses):
            for other in cues:
                if other is cue or other.person is None or other.person == cue.person or \
                        not lo < other.start < hi:
                    continue
                cuts = list(_CONTRAST.finditer(masked, lo, other.start))
                # the contrast opens the other speaker's subject: a few words, no comma
                between = masked[cuts[-1].end():other.start] if cuts else ","
                if cuts and cuts[-1].start() > lo and "," not in between and \
                        len(between.split()) <= 6:
                    hi = cuts[-1].start()
            cue.clauses[i] = (lo, hi)


class Clauses(Reading):
    """Attribution clauses: where a sentence says who spoke (the cue) and what they said."""

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
            self.found.append(Found(index, inner.start, inner.end, "direct", person,
                                     cues[-1].group(0)))

    # -- cues ------------------------------------------------------------------------------
    def cues(self, masked: str, s_start: int, s_end: int, text: str) -> list[Cue]:
        found: list[Cue] = []
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
            # "Canada has asked …, she said": what the sentence reports before a trailing cue
            # holds no candidate for its pronoun.
            trailing = _TRAILING_CUE.search(sentence[:match.start()])
            self.history.at(self.current, s_start + (0 if trailing else match.start()))
            cue = self.cue_subject(sentence, match)
            if cue is None:
                continue
            cue.start += s_start
            cue.end += s_start
            if cue.person is not None:
                # Known at once: « Meta a fait savoir qu’il … » resolves « il » to Meta.
                self.history.append(cue.person)
            clause = self.clause(masked, cue.end, s_end, match, text)
            # both end where the verb starts: the 40 characters before it are all they can hold
            before_verb = sentence[max(0, match.start() - 40):match.start()]
            if _INTENDED.search(before_verb) or _WITHHELD.search(before_verb):
                pass  # « il voulait dire que … », "did not say whether": nothing was said
            elif clause is not None:
                cue.clauses.append(clause)
            elif MASK not in sentence[:cue.end - s_start]:
                cue.clauses.extend(self.narrative_incise(sentence, s_start, match, cue, text))
            if not cue.clauses and verb in _object_verbs(self.grammar.language):
                obj = self.object_clause(masked, cue.end, s_end, text)
                if obj is not None:
                    cue.clauses.append(obj)
            found.append(cue)
        found.extend(self.any_verb_incises(sentence, s_start, found))
        sources = self.sources(masked, s_start, s_end)
        self.history.extend(c.person for c in sources if c.person is not None)
        found.extend(sources)
        self.clause_subjects(found, masked)
        self.share_subjects(found, sentence, s_start)
        _cut_at_other_speakers(found, masked)
        return found

    def any_verb_incises(self, sentence: str, s_start: int, listed: list[Cue]) -> list[Cue]:
        """« « … », tranche le sénateur. », « « … », s’agace-t-elle », ""…," Hale quipped.": an
        incise right after a quotation names its speaker whatever the verb; the list of
        reporting verbs only ranks candidates."""
        found: list[Cue] = []
        for close in re.finditer(r"\x01(?=[^\x01])", sentence):
            at = close.end()
            if any(at <= c.start - s_start <= at + 3 for c in listed):
                continue  # a listed verb's cue is there already
            for pattern in _ANY_VERB[self.grammar.language]:
                match = pattern.match(sentence, at)
                if match is None or match.group("verb").lower() in self.grammar.stopwords:
                    continue
                groups = match.groupdict()
                if groups.get("pronoun"):
                    person = self.pronoun(groups["pronoun"], None)
                else:
                    np = groups["np"].strip()
                    if np.split()[0].lower() in self.grammar.stopwords and \
                            np.split()[0].lower() not in DETERMINERS:
                        continue
                    person = self.mention(np, None)
                if person is None:
                    continue
                self.history.append(person)
                found.append(Cue(s_start + match.start("cue"), s_start + match.end("cue"),
                                 match.group("cue"), person))
                break
        return found

    def clause_subjects(self, cues: list[Cue], masked: str) -> None:
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

    def share_subjects(self, cues: list[Cue], sentence: str, s_start: int) -> None:
        """« …, ajoutant que … » has the subject of the sentence's main verb: another cue's, or
        the person the sentence opens with ("Spokeswoman Lin Hua shot back, saying …"), and only
        then the last speaker."""
        known = next((c.person for c in cues if c.person is not None), None)
        for cue in cues:
            if cue.person is None and not cue.impersonal:
                if known is None:
                    known = self.narrative_subject(sentence[:max(0, cue.start - s_start)])
                cue.person = known or self.last
                if cue.person is not None:
                    self.history.append(cue.person)

    def cue_subject(self, sentence: str, match: re.Match[str]) -> Cue | None:
        clitic = match.groupdict().get("clitic1") or match.groupdict().get("clitic2")
        text = match.group(0)
        participle = match.group("verb").lower().endswith(("ant", "ing"))
        quoted = _QUOTED_AS.search(sentence[:match.start()]) if participle else None
        if quoted is not None:
            # "Okafor was quoted as saying": the subject of the passive.
            person = self.mention(quoted.group("np"), None)
            if person is not None:
                return Cue(quoted.start("verb"), match.end(),
                            sentence[quoted.start("verb"):match.end()], person)
        if participle and not match.groupdict().get("aux"):
            # « ajoutant que », "adding that": the subject is the sentence's main speaker.
            return Cue(match.start(), match.end(), text, None)
        if clitic:
            pronoun = clitic.lstrip("-").removeprefix("t-")
            if pronoun == "on":
                return self.impersonal(sentence, match)
            return Cue(match.start(), match.end(), text, self.pronoun(pronoun, match))
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
                return Cue(match.start(), match.end(), text, person)
        left_bound = max(sentence.rfind(c, 0, match.start()) for c in ",;:(—\x01")
        # "A spokeswoman for the Tate, which acquired …, said": a relative clause closed by a
        # comma does not bound the subject; only a « que » after the last comma does.
        punctuation = left_bound
        # "…, the target is met but Tom Ridley says": a coordinated clause has its own subject.
        # (only those after the last punctuation count: read from there)
        for que in _SUBORDINATORS.finditer(sentence, max(0, punctuation), match.start()):
            if que.group(0).lower() in ("but", "whereas", "mais") and \
                    not sentence[que.end():match.start()].strip():
                continue  # "…, but added that": the verb shares the subject before
            if que.start() > punctuation:
                left_bound = max(left_bound, que.end() - 1)
        left = clean_np(sentence[left_bound + 1:match.start()])
        raw_left = sentence[left_bound + 1:match.start()].strip().lower()
        if raw_left == "on" and self.grammar.language == "fr":
            # « À Matignon, on assure que … »; a bare « on dit que » is nobody in particular.
            person = self.place_speaker(_FRONTED_ON.match(sentence[:match.start()]))
            return Cue(match.start(), match.end(), text, person, impersonal=person is None)
        if raw_left in _CONJUNCTIONS:
            # « … et a assuré que … »: the subject of the verb before.
            return Cue(match.start(), match.end(), text, None)
        if left and left.lower().split()[-1] in _CONJUNCTIONS:
            person = self.walk_back(sentence, left_bound + 1) or self.leading_subject(sentence)
            return Cue(match.start(), match.end(), text, person)
        relative = _NAME_WHO.search(left[-120:]) if left else None
        if relative is not None:
            # "… was touched on by Bortis who noted that": the name the relative clause follows.
            person = self.mention(relative.group("name"), None)
            if person is not None:
                return Cue(match.start(), match.end(), text, person)
        if left and len(left.split()) <= 9:
            if _RELATIVE.match(left):
                person = self.walk_back(sentence, match.start())
                return Cue(match.start(), match.end(), text, person)
            person = self.mention(left, match)
            if person is not None:
                return Cue(match.start(), match.end(), text, person)
            return None
        if left:
            return None
        # Nothing before the verb but a comma or a quotation: the subject is inverted, unless
        # the comma closes a relative clause or an apposition after the subject.
        right = sentence[match.end():]
        # « …, a indiqué une porte-parole. », "…, said a spokeswoman.": a noun phrase that ends
        # the sentence after the verb is its inverted subject, whatever came before the comma.
        closing = _CLOSING_SUBJECT.match(right) and \
            match.group("verb").lower() not in ("told", "tells", "tell", "asked", "asks")
        subject = self.inverted(right) if closing else None
        if subject is None and self.subject_before_comma(sentence, left_bound):
            person = self.walk_back(sentence, match.start())
            return Cue(match.start(), match.end(), text, person or self.last)
        subject = subject or self.inverted(right)
        if subject is not None:
            np_text, person = subject
            return Cue(match.start(), match.end() + len(np_text), f"{text} {np_text.strip()}",
                        person)
        person = self.walk_back(sentence, match.start())
        if person is None and left_bound >= 0 and sentence[left_bound] == ",":
            return Cue(match.start(), match.end(), text, None)
        return Cue(match.start(), match.end(), text, person) if person else None

    def modal_subject(self, sentence: str, match: re.Match[str],
                      modal: re.Match[str]) -> Cue | None:
        """« s’est contentée d’indiquer une porte-parole », « a tenu à préciser le maire »: the
        verb before the reporting infinitive carries the subject, before it or inverted."""
        text = sentence[modal.start():match.end()]
        subject = self.inverted(sentence[match.end():])
        if subject is not None:
            np_text, person = subject
            return Cue(modal.start(), match.end() + len(np_text), f"{text} {np_text.strip()}",
                        person)
        bound = max(sentence.rfind(c, 0, modal.start()) for c in ",;:(—\x01")
        left = clean_np(sentence[bound + 1:modal.start()])
        found = self.mention(left, None) if left else self.walk_back(sentence, modal.start())
        return Cue(modal.start(), match.end(), text, found) if found is not None else None

    def impersonal(self, sentence: str, match: re.Match[str]) -> Cue:
        """« reconnaît-on dans l’entourage de la ministre »: « on » is the circle named after it,
        or nobody (« dit-on »), never the last speaker."""
        where = _ON_SOURCE.match(sentence[match.end():])
        person = self.place_speaker(where)
        if where is None or person is None:
            return Cue(match.start(), match.end(), match.group(0), None, impersonal=True)
        return Cue(match.start(), match.end() + where.end(), match.group(0) + where.group(0),
                    person)

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
            if i > 0 and "\x01" in chunks[2 * i - 1] and chunk[:1].islower():
                return False  # « « … » ce retard, a déclaré X »: the quoted sentence goes on
            first = chunk.split()[0].lower()
            if _RELATIVE.match(chunk) or _APPOSITION.match(chunk) or \
                    (chunk[:1].islower() and first in self.grammar.roles):
                return True
            names = [n for n in NAME_RE.findall(chunk)
                     if self.cast.is_name(self.cast.strip_title(n), chunk, 0)]
            # « … " du gouvernement, avait expliqué X »: a complement, not a subject.
            described = (first in DETERMINERS or first in _QUANTIFIERS) and \
                first not in ("du", "de", "des", "d’", "d'", "of")
            before = _DATELINE.sub("", parts[i - 1].strip()) if i > 0 else ""
            if described and before and len(chunk.split()) <= 20 and \
                    NAME_RE.fullmatch(self.cast.strip_title(before)):
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
        appos = _appositions(self.grammar.language)[0].match(after)
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
                not NAME_RE.search(chunk[4:]) and not _DOCUMENT_NOUN.match(chunk):
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
                if not NAME_RE.search(chunk[2:]):
                    return self.description(described_head)
                # "A spokeswoman for the Tate, which …, said": a role and its body.
                described_person = self.mention(described_head, None)
                if described_person is not None:
                    return described_person
            if described and earlier and NAME_RE.fullmatch(earlier):
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
            if NAME_RE.fullmatch(chunk) and \
                    any(w.lower() in self.grammar.roles for w in earlier.split()[:3]):
                # « Son voisin, Hervé, boulanger, a perdu … »: a first name after its role.
                return self.cast.person(chunk, role=_strip_det(earlier))
        return None

    def sources(self, masked: str, s_start: int, s_end: int) -> list[Cue]:
        """« selon X, … », "…, according to X.", « Pour X, « … » »."""
        sentence = masked[s_start:s_end]
        found: list[Cue] = []
        for match in self.grammar.sources.finditer(sentence):
            np_match = _SOURCE_NP.match(sentence, match.end())
            if not np_match or not re.search(r"[^\W\d_]", np_match.group(1)):
                continue  # a source is named with words, not "selon !"
            if _RELATIVE_SOURCE.match(np_match.group(1)):
                continue  # « selon laquelle … » introduces a claim, not a source
            if _OWN_REPORTING.match(np_match.group(1)):
                continue
            if _VARIES_BY.search(sentence[max(0, match.start() - 120):match.start()]):
                continue  # « le montant varie de 250 à 4 500 euros selon les échelons »
            np_end = np_match.end()
            appos = _appositions(self.grammar.language)[1].match(sentence[np_end:])
            if appos and self.is_role_description(np_match.group(1)):
                # "according to its chief executive, Adar Poonawalla, …"
                name = self.cast.strip_title(appos.group(1))
                person = self.cast.person(name, role=_strip_det(np_match.group(1)))
                np_end += appos.end()
            else:
                # « selon une étude de l’Ademe publiée en 2023 »: the body behind the document.
                np = _document_source(np_match.group(1))
                author = self.document_author(np) if np == np_match.group(1) else None
                person = author or self.mention(np, None) or self.description(np.strip())
            cue = Cue(s_start + match.start(), s_start + np_end,
                       sentence[match.start():np_end], person)
            before = sentence[:match.start()].rstrip(" ,")
            after = sentence[np_end:].lstrip(" ,")
            if before and len(before.split()) >= 3 and MASK not in before:
                lo = s_start + len(sentence) - len(sentence.lstrip())
                cue.clauses.append((lo, s_start + len(before)))
            elif after and MASK not in after[:2]:
                lo = s_start + len(sentence) - len(after)
                cue.clauses.append((lo, s_start + len(sentence.rstrip(" .!?"))))
            found.append(cue)
        # « Mais pour Générations futures, … »: a name may end in lower-case words.
        opens = _POUR_START.match(sentence) is not None  # the patterns below all open so
        pour = _pour_patterns(self.grammar.language)[0].match(sentence) if opens else None
        holder: Person | None = None
        # « Pour la procureure, Sandrine Tanguy, le chef d’entreprise … »: role, then name.
        pour_role = _pour_patterns(self.grammar.language)[1].match(sentence) if opens else None
        if pour_role and self.is_role_description(pour_role.group(1)):
            pour = pour_role
            holder = self.cast.person(self.cast.strip_title(pour_role.group(2).strip()),
                                      role=_strip_det(pour_role.group(1)))
        if pour is None and opens:
            # « Pour les associations de cyclistes, le plan … »: a described group or body.
            described = _POUR_DESCRIBED.match(sentence)
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
                cue = Cue(s_start + pour.start(1), s_start + pour.end(pour.lastindex or 1),
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
                # English "For Baxter, the growth is …" says whose case it is ("as for"), not
                # what Baxter said: Baxter is on stage and speaks a quotation of the sentence,
                # but the clause is no reported speech (English annotators never count it).
                reports = self.grammar.language != "en"
                if reports and body and MASK not in body[:2] and len(body.split()) >= 3:
                    lo = s_start + len(sentence) - len(rest) + len(rest) - len(rest.lstrip())
                    stop = _CLAUSE_STOP.search(masked[lo:s_end])
                    hi = lo + stop.start() if stop else s_start + len(sentence.rstrip(" .!?"))
                    cue.clauses.append((lo, hi))
                elif not reports:
                    # the person whose view the sentence gives is on stage as a speaker is
                    self.spoke, self.last = True, holder
                    self.history.spoke(holder)
                found.append(cue)
        return found

    def narrative_incise(self, sentence: str, s_start: int, match: re.Match[str], cue: Cue,
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
        if not body[:1].isalpha() or MASK in body:
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
        # no reported clause runs for pages: a sentence of 100 kB with a cue every few words
        # would otherwise be read to its end once a cue
        s_end = min(s_end, cue_end + MAX_CLAUSE)
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

    def incise(self, text: str, span: Span) -> tuple[list[tuple[int, int]], Cue | None]:
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

