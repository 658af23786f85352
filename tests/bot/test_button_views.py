"""What the buttons show, from the engine alone: escaped, under 4096, at the article's ends."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.buttons import (
    answer_state,
    button_name,
    context_to_html,
    keyboard,
    more_to_html,
    result_of,
    view,
)
from bot.callback_data import ButtonState, Item, decode, fingerprint
from bot.i18n import t
from bot.inline import inline_articles
from index import Engine, Speaker
from tests.bot.fake_telegram import check_markup, check_text

# Long paragraphs full of what HTML and UTF-16 make longer.
HOSTILE = "\n\n".join(
    f"“Les <armes> & les 😀 {n} ”, a déclaré Jean <Dupont>. " + "Texte & <b> 😀 " * 400
    for n in range(4)
)


@pytest.fixture(scope="module")
def hostile() -> Engine:
    return Engine.from_text(HOSTILE, source="<Source & Co>")


@pytest.mark.parametrize("paragraph", [0, 1, 3], ids=["first", "middle", "last"])
def test_context_fits_and_stays_inside_the_article(hostile: Engine, paragraph: int) -> None:
    html = context_to_html(hostile, paragraph, "fr")
    visible = check_text(html, "HTML")
    total = len(hostile.article.paragraphs)
    shown = [n for n in range(total) if f"§ {n + 1}/{total}" in visible]
    assert shown == [n for n in (paragraph - 1, paragraph, paragraph + 1) if 0 <= n < total]


def test_every_view_of_a_hostile_article_is_valid_telegram_html(hostile: Engine) -> None:
    answer = hostile.answer("who", "armes Dupont", limit=3)
    state = answer_state(answer, hostile, fingerprint(hostile.article), 42)
    assert state is not None
    for position in range(len(state.items)):
        for action in ("show", "context", "more"):
            pressed = state.to(action, position)  # type: ignore[arg-type]
            check_text(view(pressed, hostile, "en"), "HTML")
            check_markup(keyboard(pressed, hostile, "en").to_dict())


def test_inline_results_of_a_hostile_article_are_valid(hostile: Engine) -> None:
    for query in ("", "armes", "Dupont"):
        for article in inline_articles(hostile, fingerprint(hostile.article), query):
            content = article.input_message_content
            check_text(content.message_text, "HTML")  # type: ignore[attr-defined]


def test_more_without_a_named_speaker_says_so(engine: Engine) -> None:
    assert "does not say" in more_to_html(engine, None, "en")


def test_a_quotation_slot_the_engine_no_longer_has_shows_the_paragraph(engine: Engine) -> None:
    result = result_of(engine, Item(7, 30))
    assert result.quote is None
    assert result.passage == engine.article.paragraphs[7].text


def test_the_buttons_of_an_answer_point_at_its_best_result(engine: Engine) -> None:
    answer = engine.answer("who", "blague", limit=3)
    state = answer_state(answer, engine, fingerprint(engine.article), 7)
    assert state is not None and state.item.paragraph == 7
    markup = keyboard(state, engine, "fr").to_dict()
    datas = [b["callback_data"] for row in markup["inline_keyboard"] for b in row]
    actions = {decoded.action for decoded in map(decode, datas) if decoded is not None}
    assert {"context", "more"} <= actions
    back = ButtonState(state.fingerprint, "more", "who", 7, state.position, state.items)
    assert [b["text"] for row in keyboard(back, engine, "en").to_dict()["inline_keyboard"]
            for b in row] == ["↩ Answer"]


@pytest.mark.parametrize(
    ("speaker", "label"),
    [
        (Speaker("Alexandre Loukachenko"), "Alexandre Loukachenko"),
        (Speaker("Kassym-Jomart Kemelevich Tokayev"), "Tokayev"),
        (Speaker("le bureau de Kassym-Jomart Tokayev", is_organisation=True),
         "le bureau … Tokayev"),
        (Speaker("le ministère biélorusse de la Défense", is_organisation=True),
         "le ministère … Défense"),
        (Speaker("Organisation des Nations unies pour l’alimentation", is_organisation=True),
         "Organisation des…"),
    ],
)
def test_a_speakers_name_on_a_button_is_short(speaker: Speaker, label: str) -> None:
    assert button_name(speaker) == label


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_inline_query_gives_at_most_10_valid_results_with_unique_ids(
    engine: Engine, query: str
) -> None:
    results = inline_articles(engine, fingerprint(engine.article), query)
    assert len(results) <= 10
    assert len({result.id for result in results}) == len(results)
    for result in results:
        assert 1 <= len(result.id.encode()) <= 64 and result.title.strip()
        check_text(result.input_message_content.message_text, "HTML")  # type: ignore[attr-defined]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_press_on_the_bundled_article_shows_valid_html_and_buttons(
    engine: Engine, data: st.DataObject
) -> None:
    total = len(engine.article.paragraphs)
    items = data.draw(
        st.lists(
            st.builds(Item, st.integers(0, total - 1), st.none() | st.integers(0, 3)),
            min_size=1,
            max_size=10,
        )
    )
    state = ButtonState(
        fingerprint(engine.article),
        data.draw(st.sampled_from(["show", "context", "more"])),
        data.draw(st.sampled_from(["ask", "quote", "who"])),
        data.draw(st.integers(-(2**53), 2**53)),
        data.draw(st.integers(0, len(items) - 1)),
        tuple(items),
    )
    for ui in ("fr", "en"):
        check_text(view(state, engine, ui), "HTML")
        check_markup(keyboard(state, engine, ui).to_dict())


@pytest.mark.parametrize("ui", ["fr", "en"])
def test_button_words_are_short(ui: str) -> None:
    for key in ("button_previous", "button_next", "button_context", "button_back"):
        assert len(t(ui, key)) <= 12
    assert len(t(ui, "button_more", speaker="x" * 24)) <= 36
    assert len(t(ui, "inline_none")) <= 64  # the old switch_pm_text limit, to be safe
    for key in ("button_stale", "button_not_yours"):
        assert len(t(ui, key)) <= 200  # answerCallbackQuery's limit


def test_an_items_result_is_found_once_per_engine_and_is_the_same_as_found_anew(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = engine.answer("who", "blague", limit=3)
    state = answer_state(answer, engine, fingerprint(engine.article), 7)
    assert state is not None and state.item.slot is not None
    fresh = Engine(engine.article)  # another engine of the same article: its own results
    first = result_of(fresh, state.item)
    asked: list[str] = []
    real_answer = Engine.answer

    def counting(self: Engine, *args: object, **kwargs: object) -> object:
        asked.append(str(args))
        return real_answer(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Engine, "answer", counting)
    assert result_of(fresh, state.item) is first
    assert result_of(fresh, Item(state.item.paragraph, 99)) == result_of(
        fresh, Item(state.item.paragraph, None)
    )
    assert asked == []
    assert result_of(engine, state.item) == first  # the shared engine finds the same result
    assert first.quote is not None and first.paragraph == state.item.paragraph
