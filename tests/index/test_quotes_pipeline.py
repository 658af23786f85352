"""The attribution pipeline end to end (index/quotes/pipeline.py): the stages in order, and the
sentences this round's rules exist for, one invented article each."""

from __future__ import annotations

import importlib

import pytest

from index.quotes import Quote
from index.quotes.pipeline import STAGES
from tests.index.quoting import quotes_of


def speaker_of(quotes: tuple[Quote, ...], text: str) -> str | None:
    found = [q for q in quotes if q.text == text]
    assert found, f"{text!r} not in {[q.text for q in quotes]}"
    return found[0].speaker.name if found[0].speaker else None


def test_the_stages_are_modules_in_order_each_saying_what_it_decides() -> None:
    assert STAGES == ("marks", "clauses", "mentions", "coreference", "canonical")
    for stage in STAGES:
        module = importlib.import_module(f"index.quotes.{stage}")
        assert module.__doc__ and module.__doc__.strip()


# (language, paragraphs, quotation, speaker)
CASES = [
    # A pronoun goes to the person the narrative brought on stage since the last speaker.
    ("en", ['"We will see," Harold Price said.',
            "It is a plan that Mr Tomas Vale found troubling.",
            '"It raises questions," he said.'], "It raises questions", "Tomas Vale"),
    # A name, then its role with commas of its own, then the verb.
    ("en", ["Rina Osei, Minister of Trade, Industry and Regional Development, said the deal "
            "was fair to both sides."], "the deal was fair to both sides", "Rina Osei"),
    # A long apposition before "told": the name, not the listener.
    ("en", ["Mark Ellery, the president of a small advisory firm based in Leeds and Hull, told "
            "the Courier the rents would rise again."], "the rents would rise again",
     "Mark Ellery"),
    # "said the young winger": a definite description in the subject's place.
    ("en", ["Jonas Berg scored twice in the second half.",
            '"I will remember this night," said the young winger.'],
     "I will remember this night", "Jonas Berg"),
    # A title's full stop inside a source.
    ("en", ['"The system is failing," according to Dr. Paula Nieves, a family doctor.'],
     "The system is failing", "Paula Nieves"),
    # "the company": the body last on stage, named by one word.
    ("en", ["Zentrix said on Monday it would cut 300 jobs.",
            '"We regret this step," the company said.'], "We regret this step", "Zentrix"),
    # A capitalised common word opening a heading is nobody.
    ("en", ["Mayor Dana Whitfield opened the session.", "Overselling the new rinks",
            '"We have three rinks," she said.'], "We have three rinks", "Dana Whitfield"),
    # « le jeune homme »: the person named before, whatever the noun.
    ("fr", ["Noé Ferrand a grandi à Brest.", "« Je n’oublierai jamais », confie le jeune homme."],
     "Je n’oublierai jamais", "Noé Ferrand"),
    # « Selon l’informaticien »: the same.
    ("fr", ["Irène Vasseur a travaillé dix ans pour la plateforme.",
            "Selon l’informaticienne, les règles changeaient chaque semaine."],
     "les règles changeaient chaque semaine", "Irène Vasseur"),
    # A quotation with no cue goes to the subject its paragraph put on stage first.
    ("fr", ["« C’était magique », raconte Lina Dubois.",
            "Paul Mercier, lui, a eu « un vrai choc » en apprenant la nouvelle."],
     "un vrai choc", "Paul Mercier"),
    # A subject pronoun of the narrative keeps its person on stage.
    ("en", ["Wendy Marsh lost her son in 2015.", "She urged the police to investigate.",
            "Mr Neil Hart, a co-worker, later pleaded guilty.", "But she persisted.",
            '"That is why I fought," she says.'], "That is why I fought", "Wendy Marsh"),
    # Lines a page repeats are furniture, not a speaker.
    ("en", ["Jan Koval, the coach, spoke after the game.", "Story continues below advertisement",
            '"It was hard," he said.', "Story continues below advertisement"],
     "It was hard", "Jan Koval"),
    # A noun phrase ending the sentence after the verb is its inverted subject, whatever the
    # commas before it held.
    ("fr", ["Depuis un an, l’agence régionale, la DRAS, a reçu dix plaintes de familles, a "
            "indiqué une porte-parole."], "Depuis un an, l’agence régionale, la DRAS, a reçu dix "
     "plaintes de familles", "une porte-parole"),
    # « Or, pour X, … »: a source after a connective and its comma.
    ("fr", ["Or, pour Elsa van Dijk, la règle américaine sert de mise en garde pour l’Europe."],
     "la règle américaine sert de mise en garde pour l’Europe", "Elsa van Dijk"),
    # A group described at length is still the subject of its verb.
    ("fr", ["Les juristes spécialistes du droit de la famille estiment que la loi doit changer."],
     "la loi doit changer", "Les juristes spécialistes du droit de la famille"),
    # When, then to whom, then the inverted subject and its name; a complement before the comma
    # is no subject.
    ("fr", ["La « porte est ouverte » aux « idées » du syndicat, avait expliqué la semaine "
            "dernière à l’AFP la secrétaire d’État chargée du Logement, Inès Garnier, qui mènera "
            "la réunion."], "porte est ouverte", "Inès Garnier"),
    # « le chercheur » right after a speaker of this paragraph is that speaker.
    ("fr", ["Le médecin chercheur Paul Royer a ouvert le débat.",
            "« C’est un défi », détaille Luc Ferrand. Et le chercheur de rappeler un exemple, "
            "« un échec coûteux »."], "un échec coûteux", "Luc Ferrand"),
    # "At the cocktail party, Demi …": a place before the comma, not the body Demi speaks for;
    # and a name ending in -i is no demonym.
    ("en", ["Demi Lowe and Tracy Ames met Colton.",
            "At the cocktail party, Demi decided to act. \"I will win,\" she said."],
     "I will win", "Demi Lowe"),
    # "Besides" opening a sentence is no first name.
    ("en", ["Besides Demi Lowe, nobody stayed.", '"I loved it," Demi said.'], "I loved it",
     "Demi Lowe"),
    # A possessed document speaks for its owner: "her statement said" is what she said.
    ("en", ["Mayor Alice Brennan resigned on Friday and published a letter online.",
            '"I leave with no regret," her statement said.'], "I leave with no regret",
     "Alice Brennan"),
    ("en", ["The council met the Orchard Housing Trust on Monday.",
            '"Rents will be frozen," the trust\'s statement said.'], "Rents will be frozen",
     "Orchard Housing Trust"),
    ("fr", ["Le maire Paul Gaudin a quitté ses fonctions vendredi.",
            "« Je pars sans regret », indique son communiqué."], "Je pars sans regret",
     "Paul Gaudin"),
    # A first name says the gender: "she" is not the nearer "Richard Moss", « elle » not
    # « Pierre Lenoir ».
    ("en", ['"Prices will rise," Helen Ward said.',
            "Richard Moss disagreed at length with the plan.",
            '"We have no choice," she said.'], "We have no choice", "Helen Ward"),
    ("fr", ["« Les prix vont monter », a dit Hélène Roux.",
            "Pierre Lenoir a longuement contesté ce plan.",
            "« Nous n’avons pas le choix », a-t-elle ajouté."], "Nous n’avons pas le choix",
     "Hélène Roux"),
    # A country or a city is no one a pronoun stands for, even as the nearer subject.
    ("en", ["Down the road, Tom Ellis joined the crowd. He believes Portugal should stay in the "
            'union. "I want a vote," he said.'], "I want a vote", "Tom Ellis"),
    ("fr", ["Plus loin, Marc Petit a rejoint la foule. Il croit que Moscou devrait négocier. "
            "« Je veux un vote », a-t-il dit."], "Je veux un vote", "Marc Petit"),
    # Verbs of scolding and blurting report speech, inverted or not.
    ("en", ['"The bus is late again," Tom Ridley said.',
            '"You should have walked," chided Lina Moss.'], "You should have walked",
     "Lina Moss"),
    ("fr", ["« Le bus est encore en retard », a dit Tom Ridley.",
            "« Vous auriez dû marcher », gronde Lina Moss."], "Vous auriez dû marcher",
     "Lina Moss"),
    # A name opening the paragraph, its apposition, then the verb: the name speaks.
    ("en", ["Lea Hart, a manager at the plant, said the line would reopen in May."],
     "the line would reopen in May", "Lea Hart"),
]


@pytest.mark.parametrize(("language", "paragraphs", "text", "speaker"), CASES,
                         ids=[case[2][:40] for case in CASES])
def test_attribution(language: str, paragraphs: list[str], text: str, speaker: str) -> None:
    assert speaker_of(quotes_of(language, *paragraphs), text) == speaker


def test_a_demonym_and_a_plural_acronym_are_nobody() -> None:
    quotes = quotes_of("en", "Russian MPs decided the courts were unprepared.",
                       "Ombudsman Pavel Orlov says that rarely works.",
                       "A former adviser to President Ivan Petrov, he knows many Russian "
                       "financiers. Typically, he says, lenders refuse to restructure debts.")
    assert speaker_of(quotes, "lenders refuse to restructure debts") == "Pavel Orlov"


@pytest.mark.parametrize("introduction", [
    "Paul Berthier, psychiatre au CHU de Nice, reçoit chaque semaine des sportifs amateurs.",
    "Le psychiatre Paul Berthier reçoit chaque semaine des sportifs amateurs à Nice.",
])
def test_a_quotation_paragraph_after_someone_is_introduced_is_theirs(introduction: str) -> None:
    quotes = quotes_of(
        "fr",
        "Quand le sport devient une obsession",
        "L'ancien rugbyman Marc Aubert a longtemps caché son addiction. « Je m'entraînais "
        "trois heures par jour », raconte-t-il.",
        introduction,
        "« La plupart arrivent épuisés, parfois blessés, mais ils refusent de s'arrêter. »",
        "« Le sport devient leur seule source de plaisir. »",
    )
    assert speaker_of(quotes, "Je m'entraînais trois heures par jour") == "Marc Aubert"
    assert speaker_of(quotes, "La plupart arrivent épuisés, parfois blessés, mais ils refusent "
                              "de s'arrêter.") == "Paul Berthier"
    assert speaker_of(quotes, "Le sport devient leur seule source de plaisir.") == "Paul Berthier"


def test_a_quotation_paragraph_after_a_paragraph_of_events_stays_the_last_speakers() -> None:
    quotes = quotes_of(
        "en",
        "Ferry service cut",
        "\"We were told nothing,\" said Moira Kent, who runs a café by the pier.",
        "The operator cancelled four crossings on Monday after an engine fault.",
        "\"Nobody called us, not once.\"",
    )
    assert speaker_of(quotes, "Nobody called us, not once.") == "Moira Kent"


def test_english_for_x_is_no_quotation_but_puts_x_on_stage() -> None:
    """"For Nadia Brook, the delay meant …" says whose case it is, not what she said; she is the
    person a following quotation with no cue of its own goes to."""
    quotes = quotes_of("en", '"The depot will close," Arthur Kemp said.',
                       "For Nadia Brook, the delay meant another winter without heating.",
                       '"We cannot wait another year."')
    assert not [q for q in quotes if "winter without heating" in q.text]
    assert speaker_of(quotes, "We cannot wait another year.") == "Nadia Brook"


def test_french_pour_x_still_reports_a_view() -> None:
    quotes = quotes_of("fr", "Pour Nadia Brook, ce retard condamne les locataires à un nouvel "
                             "hiver sans chauffage.")
    assert speaker_of(quotes, "ce retard condamne les locataires à un nouvel hiver sans "
                              "chauffage") == "Nadia Brook"


@pytest.mark.parametrize(("language", "paragraphs", "text"), [
    ("en", ['"The talks are over," Mark Dunn said.',
            "Nora Quist stormed out of the hall on Tuesday, saying the vote had been rigged."],
     "the vote had been rigged"),
    ("fr", ["« Les négociations sont finies », a dit Marc Dunand.",
            "Nora Quist a quitté la salle mardi, estimant que le vote avait été truqué."],
     "le vote avait été truqué"),
])
def test_a_participle_cue_has_the_subject_the_sentence_opens_with(
        language: str, paragraphs: list[str], text: str) -> None:
    """"…, saying …" with no reporting verb before it: the person the sentence opens with,
    not the last speaker."""
    assert speaker_of(quotes_of(language, *paragraphs), text) == "Nora Quist"


@pytest.mark.parametrize(("paragraphs", "source", "source_clause", "own_clause", "floating"), [
    (["According to the ministry, the target is met in nine cases out of ten but Tom "
            "Ridley says it is not what the nurses see.", '"Most days it takes an hour."'],
     "ministry", "the target is met in nine cases out of ten", "it is not what the nurses see",
     "Most days it takes an hour."),
    (["Selon le ministère, l’objectif est atteint dans neuf cas sur dix mais Tom Ridley "
            "affirme que ce n’est pas ce que voient les infirmières.",
            "« La plupart du temps, il faut une heure. »"],
     "le ministère", "l’objectif est atteint dans neuf cas sur dix",
     "ce n’est pas ce que voient les infirmières", "La plupart du temps, il faut une heure."),
])
def test_a_source_clause_stops_where_another_speaker_is_coordinated(
        paragraphs: list[str], source: str, source_clause: str, own_clause: str,
        floating: str) -> None:
    """"According to X, A but Y says B": A is X's, B is Y's, and Y, who spoke last, speaks the
    quotation that follows with no cue of its own."""
    quotes = quotes_of("fr" if source == "le ministère" else "en", *paragraphs)
    assert speaker_of(quotes, source_clause) == source
    assert speaker_of(quotes, own_clause) == "Tom Ridley"
    assert speaker_of(quotes, floating) == "Tom Ridley"


def test_but_added_keeps_the_subject_before() -> None:
    quotes = quotes_of("en", "Ada Rusk said on Monday that the vote was up to the "
                             "council, but added that she hoped it would be quick.")
    assert speaker_of(quotes, "she hoped it would be quick") == "Ada Rusk"


@pytest.mark.parametrize(("language", "paragraph", "text", "cue"), [
    ("en", 'Mayor Ana Ruiz thanked allies — France, the United States and Japan — for "standing '
           'with us. That matters."', "standing with us. That matters.", None),
    ("fr", "Le maire Paul Vidal a salué le festival Affirme Ta Voix pour « son énergie "
           "incroyable ce week-end ».", "son énergie incroyable ce week-end", "a salué"),
])
def test_a_capitalised_verb_inside_a_sentence_is_a_name(
        language: str, paragraph: str, text: str, cue: str | None) -> None:
    """"the United States", « le festival Affirme Ta Voix »: no "states" or « affirme » cue."""
    quotes = quotes_of(language, paragraph)
    found = [q for q in quotes if q.text == text]
    assert found and found[0].cue == cue
    assert all(q.speaker is None or "States" not in q.speaker.name for q in quotes)


def test_denying_a_charge_quotes_no_words_but_denying_that_does() -> None:
    quotes = quotes_of("en", "Orvane Mining has denied the existence of any link with the "
                             "ministry.",
                       "Its chair, Lou Barrett, denied that the company had paid anyone.")
    assert not [q for q in quotes if "existence" in q.text]
    assert speaker_of(quotes, "the company had paid anyone") == "Lou Barrett"


@pytest.mark.parametrize(("language", "withheld", "spoken", "text", "speaker"), [
    ("en", "Orvane did not say whether it would appeal the ruling.",
     'Orvane declined to comment further: "We will read the ruling."',
     "We will read the ruling.", "Orvane"),
    ("fr", "Le maire Paul Vidal a refusé de dire si la ligne fermerait cet hiver.",
     "Le maire Paul Vidal a refusé de confirmer : « Rien n’est décidé. »",
     "Rien n’est décidé.", "Paul Vidal"),
])
def test_withheld_speech_is_no_quotation(language: str, withheld: str, spoken: str, text: str,
                                         speaker: str) -> None:
    """"did not say whether …", « a refusé de dire si … »: what follows was not said; a
    quotation after the refusal still is."""
    assert quotes_of(language, withheld) == ()
    assert speaker_of(quotes_of(language, spoken), text) == speaker


def test_speech_reported_inside_a_clause_stays_in_it() -> None:
    quotes = quotes_of("en", 'Petra Lind said her coach, Tom Ridley, had told her to "stop '
                             'thinking and just play."')
    assert speaker_of(quotes, 'her coach, Tom Ridley, had told her to "stop thinking and just '
                              'play."') == "Petra Lind"
