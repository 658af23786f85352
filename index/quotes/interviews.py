"""Interviews and embedded posts: paragraphs whose speaker the page layout gives, not a verb."""

from __future__ import annotations

import re

from index.article import Article, Paragraph
from index.lexicon import phrase_pattern
from index.quotes.people import Cast
from index.quotes.reading import Found, Reading

# How a page embeds a post: its text, hashtags and picture link, then "— Name (@handle) date".
_TWEET = re.compile(
    r"^\W*(?P<text>.+?[.!?…])(?:\s+#\w+)*(?:\s+(?:pic\.twitter\.com|https?://t\.co)/\S+)?\s*"
    r"(?P<signature>[—–-]\s*(?P<name>[^—–@()]+?)\s*\(@\w+\)\s+\w+\s+\d{1,2},\s+\d{4})\s*$"
)

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


def _interview(article: Article, cast: Cast) -> dict[int, tuple[int, str]]:
    """The answers of a question-and-answer interview, with who gives them.

    Questions are paragraphs that open on a dash, "Q:" or the outlet's name in capitals (« — Si je
    vous envoie un courriel … ? », « LE JOURNAL. – Pourquoi … ? ») and end on a question mark;
    the paragraphs after one, up to the next, are answers. An answer may open on its speaker's
    label (« Yann MARTIN. – », "PENCE:"); otherwise the answers are the person the article names
    most. A transcript ("PENCE: …", "WALLACE: …") gives each labelled paragraph to its label.
    """
    body = [p for p in article.paragraphs if not p.is_boilerplate]
    questions = {p.index for p in body if _QUESTION.match(_unmarked(p.text))}
    labelled = {p.index: m for p in body if (m := _ANSWER_LABEL.match(p.text)) is not None}
    first_answer = min((i for i in labelled if i - 1 in questions), default=None)
    if first_answer is not None:
        # « LE JOURNAL. – …? » then « Yann MARTIN. – … » on the first exchange only: the later
        # questions lost their label (they were in bold); they are the paragraphs that ask.
        questions |= {p.index for p in body if p.index > first_answer and
                      _asks(p.text, MAX_LABELLED_QUESTION_WORDS)}
    answers: dict[int, tuple[int, str]] = {}
    # A transcript: labels that are the article's people ("PENCE" for Mike Pence), not a page's
    # own labels ("READ MORE:", "ANALYSIS:").
    people = {i: m for i, m in labelled.items() if _known_person(cast, m.group("label"))}
    if len(people) >= 3 and not questions:
        for index, labelling in people.items():
            answers[index] = (labelling.end(),
                              cast.canonical(_label_name(labelling.group("label"))))
        return answers
    if len(questions) < 2:
        questions = _unmarked_questions(article, body)
    if len(questions) < 2:
        return answers
    who = _interviewee(
        cast, {i: m for i, m in labelled.items() if i not in questions},
        article.paragraphs[:HEAD_PARAGRAPHS],
    )
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


#: The head of an article (title, standfirst, byline): where it says it is an interview and
#: presents whom it interviews.
HEAD_PARAGRAPHS = 4
#: An interview's questions that lost their bold: at least this many paragraphs that ask, each
#: followed by one that answers.
MIN_UNMARKED_QUESTIONS = 3
#: A question of an interview is short; a longer paragraph ending on "?" is someone's argument.
MAX_QUESTION_WORDS = 60
#: In an interview whose first exchange is labelled, the later questions may be longer.
MAX_LABELLED_QUESTION_WORDS = 80


def _unmarked_questions(article: Article, body: list[Paragraph]) -> set[int]:
    """The questions of an interview printed with no mark of its own (in bold on the page, plain
    in the text): the article says near its top that it is an interview (« Entretien »,
    "Q&A", « propos recueillis par »; ``data/<lang>/interview_cues.txt``) and at least
    MIN_UNMARKED_QUESTIONS short paragraphs ask, each followed by one that does not."""
    head = " ".join(p.text for p in article.paragraphs[:HEAD_PARAGRAPHS]).lower().replace("’", "'")
    if not phrase_pattern(article.language, "interview_cues").search(head):
        return set()
    asks = {p.index for p in body if _asks(p.text)}
    following = {p.index for p in body if p.index - 1 in asks and p.index not in asks}
    questions = {i for i in asks if i + 1 in following}
    return questions if len(questions) >= MIN_UNMARKED_QUESTIONS else set()


def _asks(text: str, max_words: int = MAX_QUESTION_WORDS) -> bool:
    """A paragraph that is a question: it ends on "?", has at most ``max_words`` words and is
    no quotation."""
    stripped = _unmarked(text)
    return (
        stripped.rstrip("»”\" ").endswith("?")
        and len(stripped.split()) <= max_words
        and stripped[:1] not in "«“\"„"
    )


#: Markdown's marks around a whole paragraph: a heading's « ### », bold « **…** », italics.
_MARKDOWN = re.compile(r"^[#*_\s]+|[*_\s]+$")


def _unmarked(text: str) -> str:
    """``text`` without the Markdown marks a copied page keeps around a question
    (« **Pourquoi … ?** », "### Why …?"): what ``_MARKDOWN.sub("", text)`` gives, without
    trying its ending at every space of the paragraph."""
    lo, hi = 0, len(text)
    while lo < hi and (text[lo] in "#*_" or text[lo].isspace()):
        lo += 1
    while hi > lo and (text[hi - 1] in "*_" or text[hi - 1].isspace()):
        hi -= 1
    return text[lo:hi]


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


def _interviewee(
    cast: Cast, labelled: dict[int, re.Match[str]], head: tuple[Paragraph, ...]
) -> str | None:
    """Who answers: the one answer label; else the person the head (title, standfirst) presents
    with a role (« Claire Vasseur, professeure à …, répond à nos questions »), else one the head
    names, else the person the article names most. Never the interviewer of the head's "by X" /
    « propos recueillis par X », nor a name opening on an elided article (« L'AI Act »)."""
    labels = {_label_name(m.group("label")) for m in labelled.values()}
    if len(labels) == 1:
        return cast.canonical(labels.pop())
    head_rows = {p.index for p in head}
    head_text = " ".join(p.text for p in head)
    counts: dict[str, int] = {}
    in_head: set[str] = set()
    for paragraph, name in cast.mentions:
        full = cast.canonical(name)
        if len(full.split()) >= 2 and full not in cast.organisations and \
                full not in cast.places and all(len(w) > 1 for w in full.split()) and \
                not _ELIDED_ARTICLE.match(full):
            counts[full] = counts.get(full, 0) + 1
            if paragraph in head_rows and not _signs(full, head_text):
                in_head.add(full)
    presented = {n for n in in_head if n in cast.roles}
    pool = presented or in_head or set(counts)
    return max(sorted(pool), key=lambda n: counts[n]) if pool else None


#: « L'AI Act », « L’Oréal »: an article glued to a noun opens no one's name.
_ELIDED_ARTICLE = re.compile(r"^[LD][’']")


def _signs(name: str, head: str) -> bool:
    """Whether ``name`` is the head's writer or interviewer: "by X", « par X »."""
    surname = name.split()[-1]
    return re.search(rf"\b(?:[Bb]y|[Pp]ar)\s+(?:\w+\s+)?{re.escape(surname)}\b", head) is not None


class Interviews(Reading):
    """Interviews and embedded posts: paragraphs whose speaker the page layout gives, not a verb."""

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
        self.add(Found(paragraph.index, start, end, "direct", person, "interview"))
        self.history.at(paragraph.index, 0, sentence=True)
        self.history.spoke(person)
        return True

    def tweet(self, paragraph: Paragraph) -> bool:
        """An embedded post: "text pic.twitter.com/… — Name (@handle) March 22, 2022"."""
        # (the signature's "(@handle)" first: the pattern is slow to fail on a long paragraph)
        match = _TWEET.match(paragraph.text) if "(@" in paragraph.text else None
        if match is None:
            return False
        person = self.mention(match.group("name"), None) or self.cast.person(match.group("name"))
        lo, hi = match.span("text")
        self.add(Found(paragraph.index, lo, hi, "direct", person, match.group("signature")))
        return True

