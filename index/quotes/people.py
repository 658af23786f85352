"""Who is who in an article: names and their fullest form, roles, organisations, pronouns."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from index.lexicon import gendered_names, phrase_list, word_list
from index.quotes.entities import Entities
from index.quotes.grammar import NAME, Grammar, words

_NAME_RE = re.compile(NAME)
DETERMINERS = words("determiners")
# Words that open a chunk without being part of its subject: « Mais », "But", « Alors ».
_LEADING = re.compile(
    r"^(?:(?:mais|et|puis|alors|or|donc|ainsi|enfin|but|and|so|then|yet|typically|also)\b[,\s]*)+",
    re.IGNORECASE,
)
# Adverbs between a subject and its verb: "The ministry later said", « X a ensuite déclaré ».
_TRAILING = re.compile(
    r"(?:\s+(?:[a-z]+ly|later|also|then|now|again|once|still|never|ensuite|alors|aussi|"
    r"également|encore|lui-même|elle-même|même))+$",
)
# Complements that follow an inverted subject: « … a déclaré X sur Telegram », "said X on Monday".
_COMPLEMENT_START = re.compile(
    r"\s+(?:sur|dans|lors|à|au|aux|en|devant|depuis|pendant|avant|après|selon|avec|par|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|mi-\w+|"
    r"on|in|at|to|before|after|while|when|during|from|with|as|last|this|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday)\b\s*",
    re.IGNORECASE,
)
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
    #: Introduced as "another" journalist: not what a later « la journaliste » stands for.
    contrast: bool = False


@dataclass
class Cast:
    """The people and organisations of one article, built from all its paragraphs first."""

    grammar: Grammar
    names: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    role_at: dict[str, int] = field(default_factory=dict)
    mentions: list[tuple[int, str]] = field(default_factory=list)
    #: Names brought on stage by an apposition or a copula ("Marta, a 35-year-old nurse").
    introductions: set[str] = field(default_factory=set)
    #: Names the article gives as an organisation's ("the developer, Northbridge Homes").
    organisations: set[str] = field(default_factory=set)
    current: int = 0
    people: dict[str, Person] = field(default_factory=dict)
    #: Full names by the short forms they may stand for (a surname, a first name), each list in
    #: paragraph order: ``canonical`` reads one list instead of every mention of the article.
    _by_short: dict[tuple[str, ...], list[tuple[int, str]]] = field(default_factory=dict)
    #: Every word of a name mentioned, with how many mentions use it (see ``known``).
    _name_words: dict[str, set[str]] = field(default_factory=dict)
    #: Names given a role, by the paragraph that gave it, and by each word of the role (in the
    #: order ``roles`` has them): "the minister" reads these, not every role of the article.
    _roles_in: dict[int, list[str]] = field(default_factory=dict)
    _role_words: dict[str, list[str]] = field(default_factory=dict)
    _canonical: dict[tuple[str, int], str] = field(default_factory=dict)
    #: Each name's mentions as (paragraph, order among all mentions), and names by their
    #: lower-case words: "the company" reads these, not every mention of the article.
    _seen: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    _by_lower: dict[str, set[str]] = field(default_factory=dict)
    _orglike: set[str] = field(default_factory=set)
    #: Each story paragraph's names with their place and whether they are a subject there.
    placed: dict[int, list[tuple[int, str, bool, bool]]] = field(default_factory=dict)
    #: Names written only as an owner ("Hodgkin's lymphoma") are no one on stage; ``plain`` are
    #: the names written otherwise at least once.
    owners: set[str] = field(default_factory=set)
    #: who made a document the article names: "a survey conducted by X" → ("survey", paragraph, X)
    authored: list[tuple[str, int, str]] = field(default_factory=list)
    plain: set[str] = field(default_factory=set)
    #: Names written after "in", « à », "from": places, not people (Nova Scotia, Marseille);
    #: and things named after their owner ("Stella's Cafe").
    places: set[str] = field(default_factory=set)

    #: Capitalised words the article writes in the middle of a sentence: names.
    midcaps: set[str] = field(default_factory=set)
    #: Every lower-case word of the article: « après », "governance", "doctors".
    lower: set[str] = field(default_factory=set)
    #: ``common`` and ``strip_title`` by their argument: they read only what ``read`` learnt.
    _common: dict[str, bool] = field(default_factory=dict)
    _stripped: dict[str, str] = field(default_factory=dict)

    def read(self, texts: list[str], found: Entities | None = None) -> None:
        """Learn from the whole article which capitalised words are common words: written
        lower-case somewhere and capitalised only where a sentence or a headline opens; with
        ``found``, the people a language model recognised are names wherever they stand."""
        self._common.clear()
        self._stripped.clear()
        if found is not None:
            # Only the people: the places and organisations it finds cost more than they gave
            # on the development articles (docs/EVALUATION.md).
            self.midcaps.update(w for name in found.people for w in name.split())
        for text in texts:
            self.lower.update(_LOWER_WORD.findall(text))
            for match in _MID_CAPITAL.finditer(text):
                self.midcaps.update(_NAME_PARTS.split(match.group(1)))

    def common(self, word: str) -> bool:
        """A capitalised common word ("Governance", « Après », "Knowing"), not a name."""
        known = self._common.get(word)
        if known is None:
            known = self._common[word] = self._is_common(word)
        return known

    def _is_common(self, word: str) -> bool:
        if word in self.midcaps or not word[:1].isupper() or word.isupper() or len(word) < 2:
            return False
        low = word.lower()
        if low in DETERMINERS:
            return False  # « La CGT », "The Globe": articles are other rules' business
        if low in self.grammar.stopwords or low in _ADVERB_WORDS:
            return True  # "Besides Demi", « Ensuite Marie »
        if len(low) > 5 and low.endswith(("ing", "ly") if self.grammar.language == "en" else
                                         ("ement", "amment", "emment")):
            return True  # "Knowing", "Overall", « Autrement », « Évidemment »: adverbs
        return low in self.lower or low in _NUMBER_WORDS

    def learn(self, text: str, paragraph: int = 0, story: bool = True) -> None:
        """Note a paragraph's names and, in story paragraphs, the roles written next to them."""
        if not story:
            return  # a byline's journalist is never the fullest form of a speaker
        for made in _AUTHORED.finditer(text):
            # « une enquête menée par l’ONG SOS Racisme », "a survey conducted by Civic Action"
            by = re.split(r",|\s(?:qui|who|which|auprès|among|en|sur|on|in)\s",
                          made.group("np"))[0]
            names = [m.group(0) for m in _NAME_RE.finditer(by)]
            if names:
                self.authored.append((made.group("doc").lower(), paragraph,
                                      self.strip_title(names[-1])))
        for match in _NAME_RE.finditer(text):
            words = match.group(0).split()
            # "Senate Leader Anna Hale": capitalised role words are the role, not the name.
            cut = max((i + 1 for i, w in enumerate(words[:-1]) if w.lower() in self.grammar.roles),
                      default=0)
            if words[-1].lower() in self.grammar.organisations:
                cut = 0  # "the Justice Department": an organisation's name, no role in it
            if len(words) - cut >= 2 and \
                    self._after_listener_slot(text[max(0, match.start() - 200):match.start()]):
                # « explique à Mediapart Gaëlle, du collectif … »: the outlet, then the speaker.
                cut += 1
            name = self.place_cut(self.strip_title(" ".join(words[cut:])),
                                  text[max(0, match.start() - 8):match.start()])
            if not self.is_name(name, text, match.start()):
                continue
            if len(name.split()) == 1 and self._demonym(text, match):
                continue  # "many Russian financiers": an adjective, not a name
            self.names.append(name)
            self._mentioned(paragraph, name)
            opening = _SENTENCE_OPENING.search(text[max(0, match.start() - 40):match.start()])
            subject = opening is not None or \
                _SUBJECT_NEXT[self.grammar.language].match(text, match.end()) is not None
            # "Minister of … Economic Development", "the office of X": a complement, not an actor.
            complement = _COMPLEMENT_BEFORE.search(text, max(0, match.start() - 12),
                                                   match.start()) is not None or \
                (_APPOSED_TO_NAME.search(text, max(0, match.start() - 60), match.start())
                 is not None and _APPOSITION_END.match(text, match.end()) is not None)
            self.placed.setdefault(paragraph, []).append(
                (match.start(), name, subject and not complement, complement))
            if match.group(0).endswith(("'s", "’s")) and \
                    _LOWER_NEXT.match(text, match.end(), match.end() + 300):
                self.owners.add(name)  # "Hodgkin's lymphoma", "Trump's lawyer"
            else:
                self.plain.add(name)
            owned = len(name.split()) == 1 and words[0].endswith(("'s", "’s")) and \
                words[-1] == name
            if owned or _PLACE_BEFORE.search(text, max(0, match.start() - 12), match.start()) or \
                    (_OWNER_NEXT.match(text, match.end(), match.end() + 20) and
                     name not in self.roles):
                self.places.add(name)
            if name in self.roles:
                continue
            # What stands before the name, within reach of a role or an apposition.
            before = text[max(0, match.start() - 200): match.start()].rstrip()
            role = " ".join(words[:cut]) if cut else None
            apposed = self._role_apposed(before)
            if apposed == _ORGANISATION or self._organisation_before(before) or \
                    _ARTICLE_ACRONYM.fullmatch(name) or " & " in name or \
                    self._spelt_out(name, text[match.end():match.end() + 300]):
                # « La CGT », « Le PS »: an acronym with its article is an organisation.
                # "The developer, Northbridge Homes,": an organisation's name.
                self.organisations.add(name)
                continue
            role = role or _role_before(before, self.grammar) or apposed
            # "Never Enough by Loren Allred, a song from …": what follows a name in a
            # complement may describe the phrase it completes, not the name.
            introduction = self._role_after(text[match.end():match.end() + 300],
                                            describe=not complement)
            role = role or introduction
            if role:
                # "epidemiologist at Cape Town who was not involved": the role, not the clause.
                role = re.split(r"\s(?:who|which|qui|dont|que)\s", role)[0].strip()
                self.roles[name] = role
                self.role_at[name] = paragraph
                for word in set(role.lower().replace("’", "'").split()):
                    self._role_words.setdefault(word, []).append(name)
                self._roles_in.setdefault(paragraph, []).append(name)
            if introduction:
                self.introductions.add(name)

    def _demonym(self, text: str, match: re.Match[str]) -> bool:
        """A demonym used as an adjective: after a lower-case word, before a noun."""
        demonym = _DEMONYM_ADJECTIVE.match(text, match.start())
        if demonym is None or not re.search(r"[a-zà-ÿ]\s+$", text[max(0, match.start() - 20):
                                                                 match.start()]):
            return False
        after = text[match.end():match.end() + 40].split(None, 1)
        following = after[0].lower() if after else ""
        return bool(following) and following not in self.grammar.stopwords

    def _after_listener_slot(self, before: str) -> bool:
        """Right after « explique à », « a confié au », "told": where the outlet spoken to
        stands before an inverted speaker."""
        tail = before[-80:]
        slot = re.search(r"(?:\s(?:à|au|aux|auprès\s+d[eu])(?:\s+l[ae]|\s+l[’'])?|,\s*told)"
                         r"\s*$", tail)
        return slot is not None and (tail.rstrip().endswith("told") or
                                     self.grammar.cue.search(tail[:slot.start() + 1]
                                                             .rsplit(",", 1)[-1]) is not None)

    @staticmethod
    def _spelt_out(name: str, after: str) -> bool:
        """« la Plateforme automobile (PFA) »: a name spelt out before its acronym, which
        starts with the same letter (not "COLUMBUS, Ohio (AP)")."""
        acronym = _ACRONYM_AFTER.match(after)
        return acronym is not None and acronym.group(1)[0] == name[:1]

    def _organisation_before(self, before: str) -> bool:
        """« le sous-traitant automobile Valmeca », "the retailer Asda": the noun of an
        organisation, maybe an adjective, then its name."""
        # « L’association Droits Devant »: the elided article is a word of its own
        words = re.sub(r"(?<!\w)([lL][’'])(?=\w)", r"\1 ", before).split()[-4:]
        for i, word in enumerate(words[:-1]):
            rest = words[i + 2:]
            if word.lower() in DETERMINERS and words[i + 1].lower() in self.grammar.organisations \
                    and len(rest) <= 2 and all(w.isalpha() and w.islower() for w in rest):
                return True
        return False

    def _role_apposed(self, before: str) -> str | None:
        """« Le président du Kazakhstan, Kassym-Jomart Tokayev »: a role chunk, then the name."""
        if not before.endswith(","):
            return None
        chunk = re.split(r"[,;:.«»“”\"()]", before[:-1])[-1].strip()
        words = chunk.split()
        # The determiner that opens the role: « Le ministre portugais des Affaires étrangères ».
        # « du tribunal » in « La présidente du tribunal » is a complement, not a new chunk.
        starts = [i for i, w in enumerate(words) if w.lower() in DETERMINERS and
                  (i == 0 or w.lower() not in _COMPLEMENT_ARTICLES) and
                  any(x.lower() in self.grammar.roles or x.lower() in self.grammar.organisations
                      for x in words[i + 1:i + 3])]
        if not starts or len(words) - starts[-1] > 8:
            return None
        words = words[starts[-1]:]
        if words[0].lower() in ("un", "une", "a", "an"):
            # « une autre avocate, Louise Carvalho »: an introduction, not a title.
            return None
        where = starts[-1] > 0 and \
            chunk.split()[starts[-1] - 1].lower() in _ADVERBIAL_PREPOSITIONS
        if any(w.lower() in self.grammar.organisations for w in words[1:3]):
            # "At the cocktail party, Demi …": where she was, not the body she speaks for.
            return None if where else _ORGANISATION
        if any(w.lower() in self.grammar.roles for w in words[1:3]):
            return " ".join(words[1:])
        return None

    def _role_after(self, after: str, describe: bool = True) -> str | None:
        """"Name, role," and "Name is a role": what an apposition or a copula says of a name
        (with ``describe``, also "Name, a …" of any noun)."""
        copula = _COPULA.match(after)
        match = copula or _APPOSITION_AFTER.match(after)
        if not match or self.grammar.cue.search(match.group(1)):
            return None
        words = match.group(1).split()
        descriptive = describe and bool(words) and words[0].lower() in ("a", "an", "un", "une") \
            and not copula
        if words and words[0].lower() in DETERMINERS:
            words = words[1:]
        if not words or not (words[0][:1].islower() or words[0][:1].isdigit()):
            return None
        if copula:
            words = re.split(r"\s(?:et|and|qui|who|mais|but)\s", " ".join(words))[0].split()
        if (descriptive and len(words) <= 6) or any(self._role_word(w) for w in words[:3]):
            return " ".join(words)
        return None

    def _role_word(self, word: str) -> bool:
        return word.lower().strip(",") in self.grammar.roles

    def is_name(self, name: str, text: str, at: int) -> bool:
        """A capitalised sequence that is a name, not a sentence-initial word or a month."""
        if len(name) >= 2 and name.isupper() and name.isalpha():
            return True  # WHO, UCB, FBI: an acronym is a name even when it spells a word
        # "de Pascale" after "Mr": the particle is part of the name, not a stop word.
        words = [w for w in name.split() if w.lower() not in _PARTICLES] or name.split()
        opening = text[at:at + 40].split()[:1]
        if len(words) == 2 and words[0] in ("Le", "La") and opening and \
                (opening[0] in self.grammar.titles or f"{opening[0]}." in self.grammar.titles):
            words = words[1:]  # « Mme Le Goff », « M. La Rocca »: after a title, a surname
        if len(words) == 2 and words[0] in ("Le", "La", "Les", "The") and words[1].isupper() and \
                words[1].isalpha() and len(words[1]) >= 2 and \
                words[1].lower() not in self.grammar.roles:
            return True  # « La CGT », « Le PS »: an acronym after its article
        if all(self.common(w) for w in words):
            return False
        if len(words) >= 2 and all(w.isupper() and w.lower() in self.lower for w in words):
            return False  # "WATCH BELOW": a page's label in capitals, words the article uses
        first = words[0].lower().strip(".")
        here = text.find(words[0], at)  # "On Dec. 13": where the name itself starts
        if first in _MONTHS_SHORT and re.match(r"[A-Za-zé]+\.?\s+\d", text[max(here, 0):]):
            return False  # "Dec. 13": a date; "Jan Koval": a name
        if opening and opening[0] != words[0] and (opening[0] in self.grammar.titles or
                                                   f"{opening[0]}." in self.grammar.titles):
            return True  # "Ms. May": after a title, a surname, even one that is a month
        if first in _QUANTIFIERS or first in self.grammar.stopwords or any(
                part in _CALENDAR for part in
                                                   _NAME_PIECES.split(name.lower())):
            return False
        return len(name) > 1

    def strip_title(self, name: str) -> str:
        """``name`` without a title, a common word or a role before it, or an owner's 's."""
        stripped = self._stripped.get(name)
        if stripped is None:
            stripped = self._stripped[name] = self._strip_title(name)
        return stripped

    def _strip_title(self, name: str) -> str:
        words = name.split()
        while len(words) > 1 and self.common(words[0]):
            words = words[1:]  # "Overstating Surrey", "Knowing Bardos": a word, then a name
        if len(words) >= 2 and words[-1].lower() in self.grammar.organisations:
            # "Justice Department", "Police Federation": the body's own name, but not
            # "California's" before it.
            while len(words) > 1 and words[0].endswith(("'s", "’s")):
                words = words[1:]
            return " ".join(words)
        titles = self.grammar.titles
        while len(words) > 1 and (words[0] in titles or f"{words[0]}." in titles):
            words = words[1:]
        while len(words) > 1 and words[0].endswith(("'s", "’s")):
            words = words[1:]  # "Chelsea's Mauricio Pochettino"
        if words and words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]  # "Pep Guardiola's side"
        # "Fed Chair Jerome Powell": capitalised role words are not part of the name.
        cut = max((i + 1 for i, w in enumerate(words[:-1]) if w.lower() in self.grammar.roles),
                  default=0)
        return " ".join(words[cut:])

    def title_gender(self, text: str) -> str:
        word = text.split()[0] if text.split() else ""
        return self.grammar.titles.get(word, "x")

    def _mentioned(self, paragraph: int, name: str) -> None:
        """Record a mention and index it under each short form it may be called by."""
        self._seen.setdefault(name, []).append((paragraph, len(self.mentions)))
        self.mentions.append((paragraph, name))
        self._canonical.clear()
        words = name.split()
        for word in words:
            self._by_lower.setdefault(word.lower(), set()).add(name)
        if any(w.lower() in self.grammar.organisations or
               w.lower().rstrip("s") in self.grammar.organisations for w in words):
            self._orglike.add(name)
        for word in words:
            self._name_words.setdefault(word, set()).add(name)
        shorts = {tuple(words[-n:]) for n in range(1, len(words))}
        if len(words) == 2:
            shorts.add((words[0],))
        for short in shorts:
            self._by_short.setdefault(short, []).append((paragraph, name))

    def _latest_before(self, names: set[str], paragraph: int, before: int | None) -> str | None:
        """:meth:`_latest`, counting the names of ``paragraph`` only before ``before``."""
        if before is None:
            return self._latest(names, paragraph)
        here = [(at, name) for at, name, *_ in self.placed.get(paragraph, ())
                if at < before and name in names]
        return max(here)[1] if here else self._latest(names, paragraph - 1)

    def _latest(self, names: set[str], paragraph: int) -> str | None:
        """Of ``names``, the one mentioned last up to ``paragraph``."""
        best: tuple[int, str] | None = None
        for name in names:
            seen = self._seen.get(name)
            if not seen:
                continue
            i = bisect.bisect_right(seen, (paragraph, 1 << 62)) - 1
            if i >= 0 and (best is None or seen[i][1] > best[0]):
                best = (seen[i][1], name)
        return best[1] if best else None

    def mentions_back(self, paragraph: int) -> Iterator[tuple[int, str]]:
        """The mentions up to ``paragraph``, last first, without reading those after it."""
        upto = bisect.bisect_right(self.mentions, (paragraph, "\uffff"))
        for i in range(upto - 1, -1, -1):
            yield self.mentions[i]

    def canonical(self, name: str) -> str:
        """The fullest form of ``name`` in the article: Loukachenko → Alexandre Loukachenko.

        When two people share the short form (Vladimir Putin, Vladimir Sokolov), the one named
        last before the current paragraph wins. Reads only the mentions indexed under ``name``.
        """
        cached = self._canonical.get((name, self.current))
        if cached is not None:
            return cached
        words = name.split()
        candidates = self._by_short.get(tuple(words), [])
        best, best_key = name, (-10**6, 0)
        # Mentions up to the current paragraph: the latest paragraph wins, then the longest.
        upto = bisect.bisect_right(candidates, (self.current, "\uffff"))
        if upto:
            last_at = candidates[upto - 1][0]
            lo = bisect.bisect_left(candidates, (last_at, ""))
            pool = [c for _, c in candidates[lo:upto] if len(c.split()) > len(words)]
            if pool:
                best = max(pool, key=lambda c: len(c.split()))
                best_key = (last_at, 0)
        if best_key[0] < 0 and upto < len(candidates):
            # Named only further on: the first paragraph that names them, the longest form.
            first_at = candidates[upto][0]
            hi = bisect.bisect_right(candidates, (first_at, "\uffff"))
            pool = [c for _, c in candidates[upto:hi] if len(c.split()) > len(words)]
            if pool:
                best = max(pool, key=lambda c: len(c.split()))
        self._canonical[(name, self.current)] = best
        return best

    def person(self, name: str, role: str | None = None, gender: str = "x",
               organisation: bool = False, alias: str | None = None) -> Person:
        """The one Person behind every form of ``name``, created on first mention."""
        key = self.canonical(name) if not organisation else name
        found = self.people.get(key)
        if found is None:
            role = role or self.roles.get(key)
            if gender == "x" and role and not organisation:
                gender = self.role_gender(role)
            if gender == "x" and not organisation:
                gender = self.name_gender(key)
            found = Person(key, role, gender, "s", organisation)
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

    def known(self, word: str) -> bool:
        """Whether the article names someone or something with this word."""
        return bool(self._name_words.get(word, set()) - {word}) or \
            any(word in name.split() for name in self.people)

    def last_organisation(self, paragraph: int, head: str | None = None,
                          unnamed: str | None = None, before: int | None = None) -> str | None:
        """The organisation named last up to ``paragraph``: what "the company" stands for.

        With ``head`` (« le ministère »), an organisation whose name has that noun comes first;
        an office that no named organisation is (« ministère » after « Quotidien du médecin »)
        stands for nothing named. With ``before``, a name of ``paragraph`` itself counts only
        where it stands before that place ("The agency told CTV News": not CTV News).
        """
        if head is not None:
            named = self._latest_before(self._by_lower.get(head, set()), paragraph, before)
            if named is not None:
                return named
            if head in _OFFICES:
                return None
        bodies = self.organisations | self._orglike
        if unnamed is not None:
            # « l’ONG »: not « L’ONG » itself, the one it stands for
            bodies = {b for b in bodies if unnamed not in b.lower().split()}
        named = self._latest_before(bodies, paragraph, before)
        if named is not None:
            return named
        for person in reversed(list(self.people.values())):
            if person.is_organisation:
                return person.name
        return None

    def known_place(self, name: str) -> bool:
        """A country, a region or a city (``data/<lang>/places_not_people.txt``): no one a
        pronoun stands for ("He believes Britain should leave. "…," he said")."""
        return name in _places_not_people(self.grammar.language)

    def name_gender(self, name: str) -> str:
        """The gender a first name says ("Joan Alder" f, « Pierre Lenoir » m), for a name of
        two words or more; "x" when it says none."""
        words = name.split()
        if len(words) < 2:
            return "x"  # a single word may be a surname: "Patrick" is also a family name
        return _first_names(self.grammar.language).get(words[0], "x")

    def role_gender(self, role: str) -> str:
        for word in role.lower().split()[:3]:
            gender = self.grammar.roles.get(word)
            if gender in ("m", "f"):
                return gender
        return "x"

    def names_with_role(self, text: str, paragraph: int) -> list[str]:
        """Names this paragraph gives a role in apposition (« le ministre, Bruno Keraudren, »)
        that ``text`` mentions, in order; not a name in a complement ("adviser to President X")."""
        found = []
        for name in self._roles_in.get(paragraph, ()):
            if name not in text:
                continue
            match = re.search(rf",\s+(?:\S+\s+)?{re.escape(name)}(?=\s*(?:[,.;]|$))", text)
            if match is not None:
                found.append((match.start(), name))
        return [name for _, name in sorted(found)]

    def introduced(self, text: str, paragraph: int) -> list[tuple[int, str]]:
        """Names this paragraph gives a role to, with their position: people coming on stage."""
        found = []
        for name in self._roles_in.get(paragraph, ()):
            if name in self.introductions:
                position = text.find(name)
                if position >= 0:
                    found.append((position, name))
        return sorted(found)

    def by_periphrasis(self, description: str, paragraph: int) -> Person | None:
        """« le chef de l’État », "the head of state": the one person the article introduced
        with the role the periphrasis stands for; nobody when two people hold it."""
        words = description.lower().replace("’", "'").split()
        while words and words[0] in DETERMINERS:
            words = words[1:]
        role = _periphrases(self.grammar.language).get(" ".join(words))
        if role is None:
            return None
        holders = [name for name, held in self.roles.items()
                   if self.role_at.get(name, 0) <= paragraph and
                   f" {role} " in f" {held.lower().replace('’', chr(39))} "]
        if len(holders) != 1:
            return None
        return self.person(holders[0], role=self.roles[holders[0]])

    def by_role(self, description: str, paragraph: int = 10**6) -> Person | None:
        """"the speaker", « la journaliste »: the person the article gave that role so far."""
        words = [w.lower() for w in description.split() if w.lower() not in DETERMINERS]
        if not words:
            return None
        best: tuple[int, str] | None = None
        for name in self._role_words.get(words[0], ()):  # a role without it holds not all words
            role = self.roles[name]
            at = self.role_at.get(name, 0)
            role_words = role.lower().replace("’", "'").split()
            if any(w in _OFFICE_MODIFIERS and w not in words for w in role_words):
                continue  # "the minister" is no "Prime Minister", « le ministre » no « Premier »
            if at <= paragraph and all(w in role_words for w in words) and \
                    (best is None or at >= best[0]):
                best = (at, name)
        if best is None:
            return None
        return self.person(best[1], role=self.roles[best[1]])

    def place_cut(self, name: str, before: str) -> str:
        """« le gynécologue de Pau Victor Acharian »: after « de », "of", "from", a town glued to
        a name whose second word is a first name we know is the town's, not the name's."""
        words = name.split()
        first_names = _first_names(self.grammar.language)
        if len(words) >= 3 and words[1] in first_names and words[0] not in first_names and \
                _PLACE_OF.search(before):
            return " ".join(words[1:])
        return name

    def author_of(self, document: str, paragraph: int) -> str | None:
        """Who made the document « l’enquête », "the survey" stands for: the last one of that
        kind the article said someone made, up to ``paragraph``."""
        found = None
        for kind, at, name in self.authored:
            if at <= paragraph and kind == document:
                found = name
        return found

    def by_head(self, description: str, paragraph: int = 10**6) -> Person | None:
        """« le sénateur de l’Aube » after « le sénateur Paul Durand »: the one person the article
        gave a role with that head noun so far; nobody when two people share it."""
        words = [w.lower() for w in description.replace("’", "'").split()
                 if w.lower() not in DETERMINERS]
        if not words or words[0] not in self.grammar.roles:
            return None
        holders = {name for name in self._role_words.get(words[0], ())
                   if self.role_at.get(name, 0) <= paragraph and
                   self.roles[name].lower().replace("’", "'").split()[:1] == words[:1]}
        if len(holders) != 1:
            return None
        name = holders.pop()
        return self.person(name, role=self.roles[name])

_CALENDAR = words("calendar")
#: A document and who made it: « une enquête menée par X », "a study commissioned by X".
DOCUMENT_KINDS = (r"étude|rapport|enquête|sondage|testing|analyse|study|report|survey|poll|"
                   r"analysis|audit|review|memo")
_AUTHORED = re.compile(
    rf"\b(?P<doc>{DOCUMENT_KINDS})s?\b[^.;:!?«»“”\"]{{0,40}}?\b(?:men[ée]e?s?|r[ée]alis[ée]e?s?|"
    r"publi[ée]e?s?|command[ée]e?s?|d[ée]voil[ée]e?s?|conducted|published|commissioned|released|"
    r"carried\s+out|done|by|par)\s+(?:(?:par|by)\s+)?(?P<np>[^.;:!?«»“”\"]{1,100})",
    re.IGNORECASE)
_PLACE_OF = re.compile(r"(?:\b(?:de|du|of|from|in|à)\s+|\b[dD][’'])$")
# Prepositions that open an adverbial before a name, not an apposition to it.
_ADVERBIAL_PREPOSITIONS = frozenset(("at", "in", "on", "during", "after", "before", "from",
                                     "à", "au", "aux", "dans", "lors", "pendant", "après",
                                     "avant", "depuis", "en", "sur"))
#: Words that make an office another one: "Prime Minister", « vice-président », "deputy mayor".
_OFFICE_MODIFIERS = frozenset(("prime", "premier", "première", "vice", "deputy", "former",
                               "ancien", "ancienne", "ex", "acting", "intérim"))
_MONTHS_SHORT = words("months_short")
_NUMBER_WORDS = words("number_words")
_ADVERB_WORDS = frozenset(w for w in words("adverbs") if " " not in w)
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-zà-ÿ][\w-]*")
# A capitalised word after a lower-case word or a comma: in the middle of a sentence.
_MID_CAPITAL = re.compile(r"(?:[a-zà-ÿ0-9,]\s+)([A-ZÀ-ÖØ-Þ][\w’'-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]*)*)")
# Where a sentence opens, maybe with a capitalised role before the name ("Liberal MP").
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;]\s+|[«“\"]\s*)(?:[A-Z][\w-]*\s+){0,3}$")
_COMPLEMENT_BEFORE = re.compile(r"(?:\b(?:of|for|to|with|by|against|from|about|like|including|"
                                r"de|du|des|the|la|le|les|à|avec|par|contre|pour|sur|comme|dont)"
                                r"\s+|\bsuch\s+as\s+|\b[dl][’'])$",
                                re.IGNORECASE)
# « Jacqueline, Marseillaise pure souche, »: a capitalised apposition to the name before it.
_APPOSED_TO_NAME = re.compile(r"[A-ZÀ-Þ][\w’'-]+,\s+$")
_APPOSITION_END = re.compile(r"(?:\s+[a-zà-ÿ][\w’'-]*){0,4}\s*,")
# A demonym before a lower-case noun: an adjective, not a name ("Russian financiers").
_DEMONYM_ADJECTIVE = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]+(?:ese|ish|ian|ais|aise|ois|oise|ien|ienne)"
                                r"\s+[a-zà-ÿ]")
# A preposition of place before a name: "in Nova Scotia", « à Marseille », "from Vendée".
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|from|near|across|à|en|dans|depuis|vers)|\bau)\s+$")
# What follows a subject: its verb, maybe after an apposition ("Scheer found", « X, 45 ans, a »).
_SUBJECT_NEXT = {
    language: re.compile(
        r"(?:\s*,[^,.;:«»“”\"]{1,80},|\s*[—–][^—–]{1,120}[—–])?\s+"
        rf"(?!(?:{stop})\b)[a-zà-ÿ]")
    for language, stop in (
        ("en", "of|and|or|in|for|from|with|on|the|a|an|to|at|by|as"),
        # « Lucas a regardé »: « a » is a verb here, « à » a preposition.
        ("fr", "de|du|des|et|ou|à|au|aux|pour|avec|sur|la|le|les|un|une|par|en|dans|qui|que"),
    )
}

# Patterns the per-name steps use, compiled once.
_NAME_PARTS = re.compile(r"[\s-]+")
_LOWER_NEXT = re.compile(r"\s+[a-z]")
_OWNER_NEXT = re.compile(r"[’']s\s+[a-z]")
_ARTICLE_ACRONYM = re.compile(r"(?:Le|La|Les)\s+[A-Z]{2,}")
_ACRONYM_AFTER = re.compile(r"\s*(?:[a-zà-ÿ-]+\s+){0,2}\(([A-Z]{2,6})\)")
_COPULA = re.compile(r"\s+(?:est|is|was|était)\s+(?:(?:un|une|a|an|the|le|la)\s+)?"
                     r"([^,.;:«»“”\"]{3,200}?)(?:,|\.|;|$)")
_APPOSITION_AFTER = re.compile(r",\s+([^,.;:«»“”\"]{3,110}?)(?:,|\.|;|$)")
_NAME_PIECES = re.compile(r"[-\s]")
_WORD_OR_MARK = re.compile(r"[\w’'-]+|[.!?;:,«»“”\"]")
_BRACKETS = re.compile(r"\s*\([^)]*\)")

@cache
def _places_not_people(language: str) -> frozenset[str]:
    return word_list("en" if language == "en" else "fr", "places_not_people")


@cache
def _first_names(language: str) -> dict[str, str]:
    """``data/<lang>/first_names.txt``: « Pierre » → m, "Joan" → f; then the census's
    (``data/en/first_names_census.txt``) but for ``data/<lang>/first_names_ambiguous.txt``."""
    lang = "en" if language == "en" else "fr"
    ambiguous = word_list(lang, "first_names_ambiguous")
    table = {name: gender for name, gender in gendered_names("en", "first_names_census").items()
             if name not in ambiguous}
    table.update(gendered_names(lang, "first_names"))
    return table


@cache
def _periphrases(language: str) -> dict[str, str]:
    """``data/<lang>/periphrases.txt``: « chef de l'état » → « président »."""
    table: dict[str, str] = {}
    for entry in phrase_list("en" if language == "en" else "fr", "periphrases"):
        key, _, role = entry.partition("|")
        table[key.strip().lower().replace("’", "'")] = role.strip().lower()
    return table


_COMPLEMENT_ARTICLES = frozenset(("du", "des", "au", "aux", "de", "d’", "d'"))
#: Bodies named by what they are (« le ministère », "the court"), not by a proper name: when no
#: named organisation has the noun, they are themselves, not the company named last.
_OFFICES = frozenset(("ministère", "ministry", "gouvernement", "government", "préfecture",
                      "parquet", "tribunal", "court", "police", "mairie", "department",
                      "commission", "élysée", "cour", "direction", "management"))
_PARTICLES = frozenset(
    ("de", "du", "des", "von", "van", "der", "da", "di", "al", "bin", "ben", "el", "d’", "d'")
)
_QUANTIFIERS = words("quantifiers")
#: What ``_role_apposed`` answers when the chunk before a name is an organisation's noun.
_ORGANISATION = "\x00organisation"


def _short_form(short: list[str], full: list[str]) -> bool:
    """A surname for a full name (Tokayev, Kassym-Jomart Tokayev) or a first name for a
    two-word one (Vladimir, Vladimir Sokolov); not "Airbus" for "Airbus Thomas Weber"."""
    n = len(short)
    return full[-n:] == short or (len(full) == 2 and full[:n] == short)


def _role_before(before: str, grammar: Grammar) -> str | None:
    """"le président biélorusse Alexandre Loukachenko", "Norway's consumer ombudsman Henrik
    Lund": lower-case role words right before a name, after a determiner or a possessive."""
    if before.endswith(","):
        return None
    words = _WORD_OR_MARK.findall(before[-80:])
    tail: list[str] = []
    opened = len(words) <= 5 and not before[:-80]
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        low = word.lower()
        if low in DETERMINERS or word.endswith(("’s", "'s")) or word in ".!?;:,«»“”\"":
            opened = True
            break
        if tail and f"{low} {tail[0].lower()}" in grammar.roles:
            tail.insert(0, word)  # « du Premier ministre Erik Lindqvist »
            continue
        if not word[:1].islower():
            # "Marine biologist Dr Helen Ward": a capitalised word opening the sentence.
            opened = i == 0 or words[i - 1] in ".!?;:,«»“”\""
            if opened:
                tail.insert(0, word)
            break
        tail.insert(0, word)
        if len(tail) > 4:
            return None
    if not tail or not opened:
        return None
    if tail[-1].lower() in grammar.stopwords and tail[-1].lower() not in grammar.roles:
        return None  # « chez sa grand-mère que Lucas »: a clause, not a role, before the name
    if grammar.language == "en":
        return " ".join(tail) if tail[-1].lower() in grammar.roles else None
    # French puts adjectives after the noun: « président biélorusse ».
    if any(w.lower() in grammar.roles for w in tail[:2]):
        return " ".join(tail)
    return None


def clean_np(chunk: str) -> str:
    """A subject chunk without leading conjunctions, trailing adverbs and parentheses."""
    chunk = chunk.strip(" ,;:\u00a0")
    chunk = _LEADING.sub("", chunk)
    chunk = _BRACKETS.sub("", chunk)
    chunk = _TRAILING.sub("", chunk)
    return chunk.strip(" ,;:\u00a0")


def cut_complements(chunk: str) -> str:
    """"le bureau de Tokayev sur Telegram" → "le bureau de Tokayev"; not inside a name ("the
    National Institute on Drug Abuse", "Centre for Urban Research")."""
    if not chunk:
        return chunk
    text = " " + chunk
    for match in _COMPLEMENT_START.finditer(text):
        following = text[match.end():match.end() + 300].split(" ", 1)[0].lower()
        inside = match.group(0).strip().lower() in ("on", "for") and \
            text[match.end():match.end() + 1].isupper() and following not in _CALENDAR and \
            text[:match.start()].rsplit(" ", 1)[-1][:1].isupper()
        if not inside:
            return text[:match.start()].strip()
    return chunk.strip()
