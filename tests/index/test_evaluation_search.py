"""The search report's tally of declined replies: which "does not say" line was shown, and
whether the article indeed does not say it (the question has no gold paragraph)."""

from __future__ import annotations

from index.engine import Engine
from index.evaluation.search import Question, QuestionSet, Scores, score_set

_PORT = (
    "The port authority of Kestrel Bay approved a new ferry terminal on Tuesday.\n\n"
    '"The terminal will open in spring," said Ines Varga, the authority\'s director.\n\n'
    "Local cafés expect more visitors once the ferries run.\n"
)


def test_a_declined_reply_is_counted_by_its_line_and_by_whether_it_holds() -> None:
    engine = Engine.from_text(_PORT)
    questions = (
        # Varga speaks of the opening, never of wages: the line "does not speak about" holds
        Question("What did Ines Varga say about wages?", "quote", (), None),
        # the article does answer this one
        Question("Who is the director of the port authority?", "who", (1,), "Ines Varga"),
    )
    scores = score_set(QuestionSet("port", engine, questions))
    assert scores.hedged[("about", True)] == 1
    assert sum(n for (_, holds), n in scores.hedged.items() if not holds) == 0
    assert "about 1/1" in scores.hedged_summary()


def test_tallies_add_up_across_sets() -> None:
    a, b = Scores(), Scores()
    a.hedged[("who", True)] += 1
    b.hedged[("who", False)] += 2
    b.hedged[("about", True)] += 1
    a.add(b)
    assert a.hedged_summary() == "about 1/1  who 1/3"
    assert Scores().hedged_summary() == "-"
