"""The analysis chain, step by step: each case names the sentence it exists for."""

from __future__ import annotations

import pytest

from index.analysis import (
    DropStopWords,
    FoldAccents,
    LowerCase,
    NormaliseMarks,
    Stem,
    StripClitics,
    StripElisions,
    Tokenise,
    analyzer_for,
    query_analyzer_for,
    sentence_spans,
)
from index.lexicon import word_list


def test_the_chain_is_a_visible_list_of_single_purpose_steps() -> None:
    assert analyzer_for("fr").step_names == (
        "normalise marks", "lower-case", "tokenise", "strip elisions", "strip clitics",
        "drop stop words", "fold accents", "stem",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l’État", "l'État"),  # typographic apostrophe
        ("“des armes”", '"des armes"'),  # English curly quotes
        ("« blague »", '" blague "'),  # French guillemets
        ("e\u0301tat", "état"),  # decomposed accent recomposed (NFC)
    ],
)
def test_normalise_marks(text: str, expected: str) -> None:
    assert NormaliseMarks()([text]) == [expected]


def test_lower_case() -> None:
    assert LowerCase()(["Kazakhstan", "ÉTAT"]) == ["kazakhstan", "état"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kassym-Jomart Tokayev", ["Kassym", "Jomart", "Tokayev"]),  # hyphenated first name
        ("systèmes S-400", ["systèmes", "S", "400"]),  # model number
        ("l'État de l'Union", ["l'État", "de", "l'Union"]),  # apostrophes kept for elisions
        ('"J\'ai apprécié votre blague",', ["J'ai", "apprécié", "votre", "blague"]),  # punctuation
        ("a-t-il déclaré", ["a", "t", "il", "déclaré"]),  # inverted subject
    ],
)
def test_tokenise(text: str, expected: list[str]) -> None:
    assert Tokenise()([text]) == expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("l'état", "état"),  # article
        ("qu'il", "il"),  # conjunction
        ("jusqu'à", "à"),  # jusqu'
        ("lorsqu'on", "on"),  # lorsqu'
        ("aujourd'hui", "aujourd'hui"),  # not an elision: left to the next step
    ],
)
def test_strip_elisions(token: str, expected: str) -> None:
    assert StripElisions(word_list("fr", "elisions"))([token]) == [expected]


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("trump's", "trump"),  # possessive
        ("isn't", "isn"),  # negative contraction (its stem is a stop word)
        ("we've", "we"),  # auxiliary
        ("aujourd'hui", "aujourdhui"),  # an inner apostrophe that is no clitic is dropped
    ],
)
def test_strip_clitics(token: str, expected: str) -> None:
    assert StripClitics(word_list("en", "clitics"))([token]) == [expected]


def test_drop_stop_words_also_without_accents() -> None:
    step = analyzer_for("fr").steps[5]
    assert isinstance(step, DropStopWords)
    # "où" typed "ou" on a phone keyboard is dropped all the same
    assert step(["où", "ou", "habite", "elodie"]) == ["habite", "elodie"]


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("sécurité", "securite"),  # acute accents
        ("biélorusse", "bielorusse"),
        ("tokaïev", "tokaiev"),  # diaeresis
        ("œuvre", "oeuvre"),  # ligature
    ],
)
def test_fold_accents(token: str, expected: str) -> None:
    assert FoldAccents()([token]) == [expected]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ["nucléaires", "nucléaire", "nucleaire"]),  # plural, accents typed or not
        ("fr", ["sécurité", "securite"]),  # folding comes before stemming, so both meet
        ("fr", ["habitants", "habitant"]),
        ("en", ["weapons", "weapon"]),
        ("en", ["invaded", "invading", "invade"]),
    ],
)
def test_one_stem_for_a_word_family(language: str, words: list[str]) -> None:
    assert len({tuple(analyzer_for(language).analyze(w)) for w in words}) == 1


def test_stem_step_for_an_unknown_language_is_identity() -> None:
    assert Stem("xx")(["maisons"]) == ["maisons"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "Le président biélorusse", ["president", "bieloruss"]),
        ("fr", "des armes nucléaires pour tout le monde", ["arme", "nucleair", "mond"]),
        ("en", "Hartley's rally in Dayton", ["hartley", "ralli", "dayton"]),
    ],
)
def test_the_whole_chain(language: str, text: str, expected: list[str]) -> None:
    assert analyzer_for(language).analyze(text) == expected


@pytest.mark.parametrize(
    ("languages", "question", "expected"),
    [
        (("fr",), "Qui a dit que l'objectif était de nuire ?", ["object", "nuir"]),
        (("fr",), "Combien d'habitants compte le Kazakhstan ?", ["habit", "compt", "kazakhstan"]),
        (("en",), "What did Tokayev say about nuclear weapons?", ["tokayev", "nuclear", "weapon"]),
        # an English question on a French article drops both languages' filler
        (
            ("en", "fr"),
            "Who said that nobody is against Kazakhstan?",
            ["nobodi", "against", "kazakhstan"],
        ),
        # the future told with aller/être, and what users type around a question
        (("fr",), "Quand la route va-t-elle rouvrir ?", ["rout", "rouvr"]),
        (("fr",), "Le musée sera-t-il ouvert ?", ["muse", "ouvert"]),
        (("fr",), "je voudrais savoir combien de skieurs", ["skieur"]),
        (("fr",), "peux-tu me dire quand la route rouvre", ["rout", "rouvr"]),
        (("fr",), "explique-moi la purge", ["purg"]),
        (("en",), "what happened to the plant", ["plant"]),
        (("fr",), "où auront lieu les négociations", ["negoci"]),
        (("en",), "can you explain the closure", ["closur"]),
        (("en",), "I want to know what is going on with the ferry", ["ferri"]),
    ],
)
def test_question_words_and_filler_are_dropped_from_questions(
    languages: tuple[str, ...], question: str, expected: list[str]
) -> None:
    assert query_analyzer_for(languages).analyze(question) == expected


def test_paragraphs_keep_the_words_questions_drop() -> None:
    # "dit" is filler in "qui a dit", but a paragraph keeps it
    assert "dit" in analyzer_for("fr").analyze("le pêcheur dit avoir vendu son bateau")


def test_won_is_the_past_of_win_and_wont_is_dropped_whole() -> None:
    # "won't" would leave "won", so it goes whole, and "won" is no longer a stop word
    assert analyzer_for("en").analyze("She won the race but won't run again") == [
        "won", "race", "run"
    ]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Le maire a parlé. Il est parti.", ["Le maire a parlé. ", "Il est parti."]),
        # a title or an initial before a name ends no sentence
        ("M. Dupont a parlé. Il est parti.", ["M. Dupont a parlé. ", "Il est parti."]),
        ("Mr. Smith met J. K. Rowling. They talked.", ["Mr. Smith met J. K. Rowling. ",
                                                       "They talked."]),
        # a quotation ends one, and a number may start the next
        ("« Nous restons », a-t-il dit. 20 personnes sont venues.",
         ["« Nous restons », a-t-il dit. ", "20 personnes sont venues."]),
        ("The U.S. economy grew. Prices fell!", ["The U.S. economy grew. ", "Prices fell!"]),
        ("Un seul bloc sans point final", ["Un seul bloc sans point final"]),
    ],
)
def test_sentences_of_a_paragraph(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_spans(text)] == sentences
