"""The buttons under an answer and what each shows: another result, the context, more quotations.

Pure functions of the engine and a `ButtonState`, so that any instance of the bot draws the same
message for the same press.
"""

from __future__ import annotations

import html
import weakref
from collections.abc import Iterable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callback_data import MAX_ITEMS, ButtonState, Item, encode
from bot.i18n import t
from bot.render import (
    EXPANDABLE_OVER,
    answer_to_html,
    best_result,
    fit_lines,
    html_t,
    speaker_label,
    utf16_len,
)
from index import Answer, Engine, Mode, Quote, Result, Speaker

CONTEXT_PARAGRAPH_MAX = 1300  # UTF-16 units of each of the three paragraphs: together under 4096
MORE_QUOTE_MAX = 300  # characters of each quotation listed under "More from"
LABEL_MAX = 24  # characters of a speaker's name on a button


def quotes_in(engine: Engine, paragraph: int) -> tuple[Quote, ...]:
    return tuple(quote for quote in engine.quotes() if quote.paragraph == paragraph)


def slot_of(engine: Engine, result: Result) -> int | None:
    """Which of its paragraph's quotations the result shows (None: none, or one we cannot name)."""
    if result.quote is None:
        return None
    for slot, quote in enumerate(quotes_in(engine, result.paragraph)):
        if (quote.start, quote.end) == (result.quote.start, result.quote.end):
            return slot
    return None


#: result_of's results for each engine, which never change (an engine's index is read-only):
#: every answer's keyboard asks for its shown item, and the search behind it is not repeated.
#: At most one per paragraph and one per quotation of each engine still in use.
_RESULTS: weakref.WeakKeyDictionary[Engine, dict[Item, Result]] = weakref.WeakKeyDictionary()


def result_of(engine: Engine, item: Item) -> Result:
    """The result an item stands for, rebuilt without the question, as the engine gave it."""
    quotes = quotes_in(engine, item.paragraph)
    if item.slot is not None and item.slot >= len(quotes):
        item = Item(item.paragraph, None)  # no such quotation: the paragraph alone, as for None
    known = _RESULTS.get(engine)
    if known is None:
        known = _RESULTS[engine] = {}
    found = known.get(item)
    if found is None:
        found = known[item] = _rebuilt(engine, item, quotes)
    return found


def _rebuilt(engine: Engine, item: Item, quotes: tuple[Quote, ...]) -> Result:
    quote = quotes[item.slot] if item.slot is not None else None
    passage = engine.article.paragraphs[item.paragraph].text
    rebuilt = Result(paragraph=item.paragraph, score=0.0, passage=passage, quote=quote)
    if quote is None:
        return rebuilt
    # An answer may complete a quotation (the speaker it continues, say): ask about the
    # quotation itself and keep the engine's own result for it.
    for result in engine.answer("quote", quote.text, limit=MAX_ITEMS).results:
        found = result.quote
        if (
            result.paragraph == item.paragraph
            and found is not None
            and ((found.start, found.end) == (quote.start, quote.end))
        ):
            return result
    return rebuilt


def answer_state(
    answer: Answer, engine: Engine, fingerprint: str, asker: int
) -> ButtonState | None:
    """The buttons' state for a reply to ``answer``, or None when there is nothing to page.

    A declined question's reply shows its nearest passage: its context and its speaker's other
    quotations are a button away too."""
    if answer.found:
        shown = best_result(answer)
        results = answer.results[:MAX_ITEMS]
    else:
        shown = answer.closest
        results = (answer.closest,) if answer.closest is not None else ()
    if shown is None:
        return None
    items = tuple(Item(result.paragraph, slot_of(engine, result)) for result in results)
    position = next((i for i, result in enumerate(results) if result is shown), 0)
    state = ButtonState(fingerprint, "show", answer.mode, asker, position, items)
    try:
        encode(state)
    except ValueError:
        return None  # an article of more than 1,296 paragraphs: the answer goes without buttons
    return state


def fits(state: ButtonState, engine: Engine) -> bool:
    """Every paragraph of the state exists in the article (a fingerprint collision stays safe)."""
    total = len(engine.article.paragraphs)
    return all(item.paragraph < total for item in state.items)


def keyboard(state: ButtonState, engine: Engine, ui: str) -> InlineKeyboardMarkup:
    """The buttons under the message that ``state`` shows."""

    def button(label: str, target: ButtonState) -> InlineKeyboardButton:
        return InlineKeyboardButton(label, callback_data=encode(target))

    if state.action != "show":
        return InlineKeyboardMarkup([[button(t(ui, "button_back"), state.to("show"))]])
    paging = []
    if state.position > 0:
        paging.append(button(t(ui, "button_previous"), state.to("show", state.position - 1)))
    if state.position < len(state.items) - 1:
        paging.append(button(t(ui, "button_next"), state.to("show", state.position + 1)))
    more = [button(t(ui, "button_context"), state.to("context"))]
    quote = result_of(engine, state.item).quote
    if quote is not None and quote.speaker is not None:
        name = button_name(quote.speaker)
        more.append(button(t(ui, "button_more", speaker=name), state.to("more")))
    return InlineKeyboardMarkup([row for row in (paging, more) if row])


def view(state: ButtonState, engine: Engine, ui: str) -> str:
    """The HTML of the message once the button of ``state`` is pressed."""
    result = result_of(engine, state.item)
    if state.action == "context":
        return context_to_html(engine, result.paragraph, ui, result.quote)
    if state.action == "more":
        return more_to_html(engine, result.quote, ui)
    return result_to_html(result, state.mode, engine, ui)


def result_to_html(result: Result, mode: Mode, engine: Engine, ui: str) -> str:
    """One result, exactly as a reply shows an answer whose best result it is."""
    language = engine.article.language
    answer = Answer(query="", mode=mode, found=True, results=(result,), language=language)
    return answer_to_html(answer, engine, ui)


def context_to_html(engine: Engine, paragraph: int, ui: str, quote: Quote | None = None) -> str:
    """The paragraph with the ones before and after it, each under its place in the article.

    The answer's quotation stays in bold, as in the answer.
    """
    paragraphs = engine.article.paragraphs
    total = len(paragraphs)
    parts = []
    for index in range(max(0, paragraph - 1), min(total, paragraph + 2)):
        place = html.escape(t(ui, "place", number=index + 1, total=total))
        label = f"<b>{place}</b>" if index == paragraph else f"<i>{place}</i>"
        text = paragraphs[index].text
        tag = "<blockquote expandable>" if utf16_len(text) > EXPANDABLE_OVER else "<blockquote>"
        body = html.escape(_short_utf16(text, CONTEXT_PARAGRAPH_MAX))
        if index == paragraph and quote is not None and utf16_len(text) <= CONTEXT_PARAGRAPH_MAX:
            start = text.find(quote.text) if quote.text else -1
            if start >= 0:
                end = start + len(quote.text)
                body = (
                    html.escape(text[:start])
                    + f"<b>{html.escape(text[start:end])}</b>"
                    + html.escape(text[end:])
                )
        parts.append(f"{label}\n{tag}{body}</blockquote>")
    return "\n".join(parts)


def more_to_html(engine: Engine, quote: Quote | None, ui: str) -> str:
    """The other quotations of the speaker of ``quote``, in reading order."""
    if quote is None or quote.speaker is None:
        return html_t(ui, "more_unknown")
    label = f"<b>{html.escape(_short(speaker_label(quote, ui) or '', 200))}</b>"
    others = outermost(
        other
        for other in engine.quotes()
        if other.speaker == quote.speaker and not overlaps(other, quote)
    )
    if not others:
        return html_t(ui, "more_none", speaker=label)
    total = len(engine.article.paragraphs)
    lines = [html_t(ui, "more_title", speaker=label)]
    for other in others:
        place = html.escape(t(ui, "place", number=other.paragraph + 1, total=total))
        lines.append(f"• «{html.escape(_short(other.text, MORE_QUOTE_MAX))}» {place}")
    return fit_lines(lines, html_t(ui, "speakers_more", count="{count}"))


def overlaps(one: Quote, other: Quote) -> bool:
    """The two quotations share some text of the same paragraph."""
    return one.paragraph == other.paragraph and one.start < other.end and other.start < one.end


def outermost(quotes: Iterable[Quote]) -> list[Quote]:
    """The quotations, in reading order, without those lying inside another one of them.

    A direct quotation is often part of an indirect one ("X said that … “…” …"): the reader of
    "More from X" wants the sentence once, not its fragment again.
    """
    ordered = sorted(quotes, key=lambda q: (q.paragraph, q.start, -q.end))
    kept: list[Quote] = []
    for quote in ordered:
        # Sorted by start, longest first: a container always comes before what it contains.
        inside = any(
            other.paragraph == quote.paragraph
            and other.start <= quote.start
            and quote.end <= other.end
            for other in kept
        )
        if not inside:
            kept.append(quote)
    return kept


def button_name(speaker: Speaker) -> str:
    """A speaker's name short enough for a button: a person's surname when the name is long."""
    name = " ".join(speaker.name.split())
    if len(name) <= LABEL_MAX:
        return name
    words = name.split()
    if not speaker.is_organisation:
        return _short(words[-1], LABEL_MAX)
    # "le bureau de Kassym-Jomart Tokayev" → "le bureau … Tokayev": the kind and the name.
    head_and_name = " ".join(words[:2]) + " … " + words[-1]
    if len(head_and_name) <= LABEL_MAX:
        return head_and_name
    kept = name[: LABEL_MAX - 1].rsplit(" ", 1)[0]  # whole words only
    return kept.rstrip(" ,") + "…"


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _short_utf16(text: str, limit: int) -> str:
    """``text`` within ``limit`` UTF-16 units, ending with an ellipsis when cut."""
    if utf16_len(text) <= limit:
        return text
    cut = text[: limit - 1]
    while utf16_len(cut) > limit - 1:
        cut = cut[:-1]
    return cut.rstrip() + "…"
