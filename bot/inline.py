"""Inline mode: `@ThisBot words` in any chat lists quotations; the chosen one is posted.

Results are in the article's language, not the user's: Telegram caches them per query for every
user (``is_personal`` off) and the posted message is read by the whole chat.
"""

from __future__ import annotations

import hashlib
import itertools
from typing import Final

from telegram import InlineQueryResultArticle, InputTextMessageContent, LinkPreviewOptions
from telegram.constants import ParseMode

from bot.buttons import quotes_in, result_to_html
from bot.i18n import t
from bot.render import speaker_label
from index import Engine, Quote, Result, Speaker

MAX_RESULTS: Final = 10
MAX_QUERY: Final = 256  # Telegram's limit on an inline query; anything longer is not from it
CACHE_SECONDS: Final = 300  # the article does not change while the bot runs
TITLE_MAX: Final = 64
DESCRIPTION_MAX: Final = 120


def result_id(fingerprint: str, paragraph: int, start: int) -> str:
    """Stable across restarts and instances: the same quotation of the same article, same id."""
    key = f"{fingerprint}:{paragraph}:{start}".encode()
    return hashlib.sha256(key).hexdigest()[:32]


def matching_results(engine: Engine, query: str) -> list[Result]:
    """What an inline query lists, best first: quotations (and paragraphs without one)."""
    words = query.strip()[:MAX_QUERY]
    if not words:
        return most_quoted(engine)
    answer = engine.answer("quote", words, limit=MAX_RESULTS)
    found: list[Result] = []
    for result in answer.results:
        if result.quote is None:
            found.append(result)
            continue
        # The engine's quotation first, then the paragraph's others.
        others = [q for q in quotes_in(engine, result.paragraph) if q.start != result.quote.start]
        found.extend(_with_quote(result, quote) for quote in (result.quote, *others))
    return found[:MAX_RESULTS]


def most_quoted(engine: Engine) -> list[Result]:
    """The most quoted speakers' quotations, a round of one each, most quoted speaker first.

    Every quotation, in reading order, when the article names no speaker.
    """
    by_speaker: dict[Speaker, list[Quote]] = {entry.speaker: [] for entry in engine.speakers()}
    for quote in engine.quotes():
        if quote.speaker is not None and quote.speaker in by_speaker:
            by_speaker[quote.speaker].append(quote)
    rounds = itertools.zip_longest(*by_speaker.values())
    chosen = [quote for round_ in rounds for quote in round_ if quote is not None]
    if not chosen:
        chosen = list(engine.quotes())
    paragraphs = engine.article.paragraphs
    return [
        Result(quote.paragraph, 0.0, paragraphs[quote.paragraph].text, quote)
        for quote in chosen[:MAX_RESULTS]
    ]


def inline_articles(engine: Engine, fingerprint: str, query: str) -> list[InlineQueryResultArticle]:
    """The inline results for ``query``: title the speaker, description the quotation's start."""
    language = engine.article.language
    total = len(engine.article.paragraphs)
    articles: list[InlineQueryResultArticle] = []
    seen: set[str] = set()
    for result in matching_results(engine, query):
        quote = result.quote
        identifier = result_id(fingerprint, result.paragraph, quote.start if quote else -1)
        if identifier in seen:
            continue
        seen.add(identifier)
        place = t(language, "place", number=result.paragraph + 1, total=total)
        title = _short(speaker_label(quote, language) or "", TITLE_MAX).strip() or place
        description = _short(
            " ".join((quote.text if quote else result.passage).split()), DESCRIPTION_MAX
        )
        text = result_to_html(result, "quote", engine, language)
        articles.append(
            InlineQueryResultArticle(
                id=identifier,
                title=title,
                description=description or None,
                input_message_content=InputTextMessageContent(
                    text,
                    parse_mode=ParseMode.HTML,
                    link_preview_options=LinkPreviewOptions(is_disabled=True),
                ),
            )
        )
    return articles


def _with_quote(result: Result, quote: Quote) -> Result:
    return Result(result.paragraph, result.score, result.passage, quote)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
