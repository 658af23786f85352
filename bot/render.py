"""How an Answer looks: JSON for machines, plain text for the console, HTML for Telegram."""

from __future__ import annotations

import html
from functools import lru_cache
from typing import Any

from bot.i18n import t
from index import Answer, Engine, Quote, Result


def quote_to_dict(quote: Quote | None) -> dict[str, Any] | None:
    if quote is None:
        return None
    speaker = quote.speaker
    return {
        "text": quote.text,
        "speaker": speaker.name if speaker else None,
        "kind": quote.kind,
        "role": speaker.role if speaker else None,
        "cue": quote.cue,
    }


def result_to_dict(result: Result) -> dict[str, Any]:
    """One result of the `--json` answer object."""
    return {
        "paragraph": result.paragraph,
        "score": round(result.score, 4),
        "passage": result.passage,
        "quote": quote_to_dict(result.quote),
        "highlights": list(result.highlights),
    }


def answer_to_dict(answer: Answer) -> dict[str, Any]:
    """The `--json` answer object of docs/CONTRACT.md (keys may be added, never changed)."""
    payload: dict[str, Any] = {
        "query": answer.query,
        "mode": answer.mode,
        "found": answer.found,
        "language": answer.language,
        "intent": answer.intent,
        "results": [result_to_dict(result) for result in answer.results],
    }
    # where the article does not answer: the nearest paragraph, and what it does not say
    payload["closest"] = (
        result_to_dict(answer.closest)
        if not answer.found and answer.closest is not None else None
    )
    unsaid = answer.unsaid
    payload["unsaid"] = (
        {"asks": unsaid.asks, "speaker": unsaid.speaker, "topic": unsaid.topic}
        if unsaid is not None and not answer.found else None
    )
    return payload


def unsaid_line(answer: Answer, ui: str) -> str | None:
    """The hedged reply's first line ("The article does not seem to say who. Nearest
    passage:"), or None when the reply is a plain not-found."""
    unsaid = answer.unsaid
    if answer.found or answer.closest is None or unsaid is None:
        return None
    if unsaid.asks == "about" and unsaid.speaker and unsaid.topic:
        return t(ui, "unsaid_about", speaker=unsaid.speaker, topic=unsaid.topic)
    return t(ui, f"unsaid_{unsaid.asks}")


def quotes_to_dict(engine: Engine) -> dict[str, Any]:
    """The `--json` quotations object of docs/CONTRACT.md."""
    article = engine.article
    return {
        "article": {
            "language": article.language,
            "paragraphs": len(article.paragraphs),
            "source": article.source,
        },
        "quotes": [
            {"paragraph": quote.paragraph, **(quote_to_dict(quote) or {})}
            for quote in engine.quotes()
        ],
    }


def speakers_to_dict(engine: Engine) -> dict[str, Any]:
    return {
        "article": {"language": engine.article.language, "source": engine.article.source},
        "speakers": [
            {
                "speaker": entry.speaker.name,
                "role": entry.speaker.role,
                "organisation": entry.speaker.is_organisation,
                "quotes": entry.count,
            }
            for entry in engine.speakers()
        ],
    }


def speaker_label(quote: Quote | None, language: str) -> str | None:
    """"Speaker, role" as the reply shows it, or None when the paragraph holds no quotation."""
    if quote is None:
        return None
    if quote.speaker is None:
        return t(language, "unknown_speaker")
    if quote.speaker.role and quote.speaker.role.lower() not in quote.speaker.name.lower():
        return f"{quote.speaker.name}, {quote.speaker.role}"
    return quote.speaker.name


def result_to_text(result: Result, engine: Engine, language: str) -> str:
    """One result as console text: the passage, who said the quote, its place in the article."""
    lines = [result.passage]
    if result.quote is not None:
        lines.append(f"  «{result.quote.text}»")
        lines.append("  " + t(language, "said_by", speaker=speaker_label(result.quote, language)))
    total = len(engine.article.paragraphs)
    lines.append("  " + t(language, "place", number=result.paragraph + 1, total=total))
    return "\n".join(lines)


def answer_to_text(answer: Answer, engine: Engine, language: str) -> str:
    """The console reply: the best result (as the bot replies), the hedged reply (what the
    article does not say, then the nearest passage), or the not-found line."""
    if not answer.found:
        line = unsaid_line(answer, language)
        if line is not None and answer.closest is not None:
            return line + "\n" + result_to_text(answer.closest, engine, language)
        return t(language, "not_found")
    return result_to_text(answer.results[0], engine, language)


def speakers_to_text(engine: Engine, language: str) -> str:
    entries = engine.speakers()
    if not entries:
        return t(language, "speakers_none")
    lines = [t(language, "speakers_title")]
    for entry in entries:
        label = entry.speaker.name
        if entry.speaker.role:
            label += f", {entry.speaker.role}"
        plural = "s" if entry.count > 1 else ""
        lines.append("• " + t(language, "speaker_line", speaker=label, count=entry.count,
                                plural=plural))
    return "\n".join(lines)


# --- Telegram HTML -------------------------------------------------------------------------------

TELEGRAM_MAX_UTF16 = 4096  # Telegram's limit on a message, counted in UTF-16 code units
EXPANDABLE_OVER = 400  # a passage longer than this folds into an expandable blockquote
_LABEL_MAX = 200  # speaker labels and sources are article text too: keep the fixed parts small


def utf16_len(text: str) -> int:
    """The length of ``text`` as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def html_t(ui: str, key: str, /, **html_values: str) -> str:
    """The UI string ``key`` escaped for HTML, filled with values that are already HTML."""
    return _escape(t(ui, key)).format(**html_values)


@lru_cache(maxsize=1024)
def _escape(text: str) -> str:
    """``html.escape``, kept per text: a reply's fixed parts and the article's passages recur."""
    return html.escape(text)


def _fits(text: str, limit: int) -> bool:
    """``utf16_len(text) <= limit``, without encoding when the length alone tells."""
    if 2 * len(text) <= limit:  # a character is at most two UTF-16 units
        return True
    return len(text) <= limit and utf16_len(text) <= limit


def best_result(answer: Answer) -> Result | None:
    """The result the reply shows: /quote and /who prefer the best result holding a quotation."""
    if not answer.results:
        return None
    if answer.mode in ("quote", "who"):
        quoted = next((result for result in answer.results if result.quote is not None), None)
        if quoted is not None:
            return quoted
    return answer.results[0]


def answer_to_html(
    answer: Answer, engine: Engine, ui: str, limit: int = TELEGRAM_MAX_UTF16
) -> str:
    """One Telegram message (HTML, at most ``limit`` UTF-16 units) answering ``answer``."""
    result = best_result(answer)
    hedge = unsaid_line(answer, ui)
    if hedge is not None and answer.closest is not None:
        # "The article does not seem to say who. Nearest passage:" over the nearest paragraph
        shown = Answer(answer.query, answer.mode, True, (answer.closest,), answer.language,
                       answer.intent)
        head = f"<i>{_escape_short(hedge)}</i>\n"
        return head + answer_to_html(shown, engine, ui, limit - utf16_len(head))
    if not answer.found or result is None:
        return html_t(ui, "not_found")
    quote = result.quote
    label = speaker_label(quote, ui)
    head = ""
    if answer.mode == "who":
        if label is not None:
            head = html_t(ui, "who_said", speaker=f"<b>{_escape_short(label)}</b>") + "\n"
        else:
            head = f"<i>{html_t(ui, 'no_quote_here')}</i>\n"
    tail = "\n"
    if label is not None and answer.mode != "who":  # /who names the speaker once, at the top
        tail += html_t(ui, "said_by", speaker=_escape_short(label)) + "\n"
    total = len(engine.article.paragraphs)
    place = _escape(t(ui, "place", number=result.paragraph + 1, total=total))
    tail += f"{place} · {_escape_short(engine.article.source)}"
    (before, quoted, after), body, expandable = _passage_html(
        result.passage, quote.text if quote is not None else ""
    )
    tag = "<blockquote expandable>" if expandable else "<blockquote>"

    def compose(before: str, quoted: str, after: str) -> str:
        bold = f"<b>{html.escape(quoted)}</b>" if quoted else ""
        body = html.escape(before) + bold + html.escape(after)
        return f"{head}{tag}{body}</blockquote>{tail}"

    # Trim the plain text, then measure the escaped HTML: escaping can only lengthen it.
    text = f"{head}{tag}{body}</blockquote>{tail}"  # compose(before, quoted, after), kept
    while True:
        if _fits(text, limit):
            return text
        excess = utf16_len(text) - limit
        if after:
            after = _trim_end(after, excess)
        elif before:
            before = _trim_start(before, excess)
        elif quoted:
            quoted = _trim_end(quoted, excess)
        else:
            raise ValueError(f"a reply cannot fit in {limit} UTF-16 units")
        text = compose(before, quoted, after)


@lru_cache(maxsize=1024)
def _passage_html(passage: str, quoted: str) -> tuple[tuple[str, str, str], str, bool]:
    """A passage split around its quotation (:func:`_split_passage`), the split escaped with the
    quotation in bold, and whether it folds (longer than ``EXPANDABLE_OVER``): kept per passage
    and quotation, which recur from answer to answer."""
    before, bold, after = _split_text(passage, quoted)
    body = html.escape(before) + (f"<b>{html.escape(bold)}</b>" if bold else "")
    body += html.escape(after)
    return (before, bold, after), body, not _fits(passage, EXPANDABLE_OVER)


def _split_passage(passage: str, quote: Quote | None) -> tuple[str, str, str]:
    """(before, quotation, after) when the passage holds the quotation, else ("", "", passage)."""
    return _split_text(passage, quote.text if quote is not None else "")


def _split_text(passage: str, quoted: str) -> tuple[str, str, str]:
    """(before, ``quoted``, after) when the passage holds ``quoted``, else ("", "", passage)."""
    if quoted:
        start = passage.find(quoted)
        if start >= 0:
            end = start + len(quoted)
            return passage[:start], passage[start:end], passage[end:]
    return "", "", passage


def _escape_short(text: str) -> str:
    return _escape(text if len(text) <= _LABEL_MAX else text[: _LABEL_MAX - 1] + "…")


def _trim_end(text: str, excess: int) -> str:
    """``text`` at least ``excess`` characters shorter, ending with an ellipsis ("" if gone)."""
    keep = len(text) - excess - 1
    return text[:keep].rstrip() + "…" if keep > 0 else ""


def _trim_start(text: str, excess: int) -> str:
    """``text`` at least ``excess`` characters shorter, starting with an ellipsis."""
    drop = excess + 1
    return "…" + text[drop:].lstrip() if drop < len(text) else ""


def fit_lines(lines: list[str], more: str, limit: int = TELEGRAM_MAX_UTF16) -> str:
    """HTML lines joined, dropping the last ones (replaced by ``more``, with {count}) to fit."""
    text = "\n".join(lines)
    kept = len(lines)
    while utf16_len(text) > limit and kept > 1:
        kept -= 1
        text = "\n".join([*lines[:kept], more.format(count=len(lines) - kept)])
    return text


def speakers_to_html(engine: Engine, ui: str, limit: int = TELEGRAM_MAX_UTF16) -> str:
    """/speakers: who is quoted, most quoted first, in one message."""
    entries = engine.speakers()
    if not entries:
        return html_t(ui, "speakers_none")
    lines = [f"<b>{html_t(ui, 'speakers_title')}</b>"]
    for entry in entries:
        label = entry.speaker.name
        if entry.speaker.role:
            label += f", {entry.speaker.role}"
        plural = "s" if entry.count > 1 else ""
        line = t(ui, "speaker_line", speaker=label, count=entry.count, plural=plural)
        lines.append("• " + _escape_short(line))
    return fit_lines(lines, html_t(ui, "speakers_more", count="{count}"), limit)


def article_to_html(engine: Engine, ui: str) -> str:
    """/article: the article's source, date, byline and size."""
    article = engine.article
    lines = [f"<b>{html_t(ui, 'article_title')}</b>"]
    for key, value in (
        ("article_source", article.source),
        ("article_date", article.dateline),
        ("article_agency", article.agency),
        ("article_byline", article.byline),
    ):
        if value:
            lines.append(html_t(ui, key, value=_escape_short(value)))
    lines.append(
        html.escape(
            t(
                ui,
                "article_size",
                paragraphs=len(article.paragraphs),
                words=article.word_count,
                language=article.language,
            )
        )
    )
    return "\n".join(lines)
