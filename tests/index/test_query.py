"""Reading a question: its language, intent, answer type, names and words, as people type them."""

from __future__ import annotations

import pytest

from index.engine import Engine
from index.query import Mode, capitalised

_FR = (
    "Le président biélorusse Alexandre Martel a proposé une alliance à ses voisins.\n\n"
    "« C'est une blague », a répondu le bureau du président kazakh, Arman Sultanov.\n\n"
    "La Biélorussie accueille des armes nucléaires russes depuis l'an dernier.\n"
)
_EN = (
    "The speaker, Paul Ryan, urged Republicans to stay united on Saturday.\n\n"
    "Whitmore told employees in a memo that the company would cut jobs.\n"
)


@pytest.fixture(scope="module")
def french() -> Engine:
    return Engine.from_text(_FR)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("nuclear weapons", "en"),  # keywords with no function word: the reading that knows them
        ("joke", "en"),
        ("Belarus", "en"),
        ("armes nucléaires", "fr"),
        ("Martel", "fr"),  # a name alone: the article's language
        ("Who made a joke?", "en"),  # function words decide
    ],
)
def test_keywords_are_read_in_the_language_that_knows_them(
    french: Engine, question: str, language: str
) -> None:
    assert french.reader.read("ask", question).language == language


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Quand l'alliance a-t-elle été proposée ?", "date"),
        ("Où la Biélorussie accueille-t-elle les armes ?", "place"),
        # « ou » unaccented is also "or": a place only as one of the first two words
        ("Est-ce une blague ou une alliance ?", None),
        ("Pourquoi le bureau a-t-il répondu ?", "reason"),
        ("Why did the bureau reply?", "reason"),
        ("How many weapons are there?", "number"),
    ],
)
def test_the_answer_type_a_question_expects(
    french: Engine, question: str, expected: str | None
) -> None:
    assert french.reader.read("ask", question).expected == expected


@pytest.mark.parametrize(
    ("question", "replies"),
    [
        ("Qu'a répondu le bureau à l'alliance ?", True),
        ("How did the bureau react to the offer?", True),
        ("Qu'a dit le bureau ?", False),
    ],
)
def test_a_question_asking_for_a_reply(french: Engine, question: str, replies: bool) -> None:
    assert french.reader.read("quote", question).replies is replies


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("Qui a battu Nadal à Roland-Garros ?", {"nadal", "roland", "garros"}),
        ("What did Paul Ryan tell Republicans?", {"paul", "ryan", "republicans"}),
        ("qui a parlé ?", set()),  # the first word's capital says nothing
        ("WHO SAID IT?", set()),  # nor do capitals all along
    ],
)
def test_capitalised_words_are_likely_names(question: str, names: set[str]) -> None:
    assert capitalised(question) == names


@pytest.mark.parametrize(
    ("word", "how"),
    [
        ("ryn", "fuzzy"),  # three letters: a typo of a name the article always capitalises
        ("old", "unknown"),  # but no typo of a common word ("told")
        ("republican", "stem"),
    ],
)
def test_a_three_letter_word_may_be_a_misspelt_name(word: str, how: str) -> None:
    engine = Engine.from_text(_EN)
    (matched,) = engine.query_words(word, "en")
    assert matched.how == how


_FUZZY_FR = (
    "La région a fermé trois écoles après la tempête de mardi.\n\n"
    "Les détenus ont été transférés vers la prison de Nantes.\n"
)
_FUZZY_EN = "The region's county council voted to close the ferry terminal for the winter.\n"


@pytest.mark.parametrize(
    ("text", "language", "word", "matched"),
    [
        # a word of the language is no typo of its neighbour
        (_FUZZY_FR, "fr", "religion", ()),  # not « région »
        (_FUZZY_EN, "en", "religion", ()),  # not "region"
        # but its own inflections, which begin as it does, are its spellings
        (_FUZZY_FR, "fr", "detenues", ("detenus",)),
        # and a typo (no word of the language) still finds the word meant
        (_FUZZY_FR, "fr", "regoin", ("region",)),
        (_FUZZY_EN, "en", "councel", ("council",)),
    ],
)
def test_a_real_word_is_matched_only_to_its_own_forms(
    text: str, language: str, word: str, matched: tuple[str, ...]
) -> None:
    engine = Engine.from_text(text)
    (found,) = engine.query_words(word, language)
    assert found.terms == matched
    assert found.how == ("fuzzy" if matched else "unknown")


@pytest.mark.parametrize(
    ("mode", "question", "intent"),
    [
        ("ask", "Qui a proposé une alliance ?", "who"),
        ("ask", "Qu'a répondu le bureau ?", "quote"),
        ("ask", "Quand l'alliance a-t-elle été proposée ?", "fact"),
        ("who", "blague", "who"),
    ],
)
def test_the_intent_of_a_question(french: Engine, mode: Mode, question: str, intent: str) -> None:
    assert french.reader.read(mode, question).intent == intent


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a question word types the question where it opens it, not where it joins clauses
        ("When did the ferry break down?", "date"),
        ("The bridge was built when?", "date"),
        ("Since when has the road been closed?", "date"),
        ("What happens to the fish when the lorries are late?", None),
        ("Who said that where there was one boat there are now two?", "who"),
        ("Which year did the museum open?", "date"),
        ("In what country were the ferries built?", "place"),
        ("Quand le col a-t-il rouvert ?", "date"),
        ("Depuis quand la librairie est-elle fermée ?", "date"),
        ("Que fait la mairie quand il pleut ?", None),
        ("De quel pays viennent les fruits ?", "place"),
        ("En quelle année la maternité a-t-elle ouvert ?", "date"),
        ("Combien de bénévoles ?", "number"),
    ],
)
def test_what_a_question_asks_for(question: str, expected: str | None) -> None:
    engine = Engine.from_path(None)
    query = engine.reader.read("ask", question)
    asked = "who" if query.intent == "who" and query.expected is None else query.expected
    assert asked == expected
