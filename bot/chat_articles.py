"""Any article, in any chat: a link, a document or pasted text becomes the chat's article.

The handlers here take an article in (fetch → extract and attribute in a worker process → store →
engine) and answer with a card, or with one sentence saying why not, in which case the chat keeps
the article it had. ``/articles`` lists and switches, ``/forget`` forgets. ``engine_for`` tells
every other handler which engine answers an update: its chat's current article, else the bundled
one (inline queries: the asking user's private chat with the bot).
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes, filters

from bot.addressing import Addressed, addressed, entity_text
from bot.callback_data import FINGERPRINT_LENGTH
from bot.engines import ChatEngines, attribution_version, encode_attribution
from bot.fetch import Fetcher, FetchError, FetchLimits
from bot.i18n import pick_language, t
from bot.intake import IntakePool, IntakeTimeout, Job, TooManyParagraphs
from bot.render import article_to_html, html_t
from bot.store import Store, StoredArticle
from index import Engine
from index.sources import SourceError

log = logging.getLogger(__name__)

ARTICLES = "articles"  # bot_data: the ArticlesRuntime, once the store is open
ARTICLE_SETTINGS = "article_settings"  # bot_data: what opening it needs
CHOOSE_PREFIX = "art|"  # callback data of the /articles buttons: art|<hash prefix> or art|-
CHOOSE_HASH_CHARS = 16
DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
#: A pasted article has at least this many paragraphs (a question never has).
PASTE_MIN_PARAGRAPHS = 3
SPEAKERS_ON_CARD = 3
TITLE_ON_BUTTON = 48


@dataclass(frozen=True)
class ArticleSettings:
    """The settings of this part, as read once at start-up (bot.settings.Settings)."""

    data_dir: Path = Path("data")
    database_url: str | None = None
    fetch: FetchLimits = field(default_factory=FetchLimits)
    document_max_bytes: int = 20_000_000
    intake_timeout: float = 30.0
    max_paragraphs: int = 2000
    workers: int = 1
    cache_bytes: int = 200 * 1024 * 1024
    paste_min_chars: int = 400
    #: Start the intake workers with the bot (run_bot) rather than at the first article (tests).
    prestart: bool = False

    @classmethod
    def of(cls, settings: Any) -> ArticleSettings:
        return cls(
            data_dir=settings.data_dir,
            database_url=settings.database,
            fetch=FetchLimits.of(settings),
            document_max_bytes=settings.document_max_bytes,
            intake_timeout=settings.intake_timeout_seconds,
            max_paragraphs=settings.intake_max_paragraphs,
            workers=settings.intake_workers,
            cache_bytes=settings.engine_cache_mb * 1024 * 1024,
            paste_min_chars=settings.paste_min_chars,
        )


@dataclass
class ArticlesRuntime:
    """What the handlers of this module share: the store, the engines, the fetcher, the workers."""

    settings: ArticleSettings
    store: Store
    engines: ChatEngines
    fetcher: Fetcher
    intake: IntakePool

    async def close(self) -> None:
        self.intake.close()
        self.engines.close()
        await self.fetcher.aclose()
        await self.store.close()


# --- start-up and shutdown -------------------------------------------------------------------


async def open_articles(
    bot_data: dict[str, Any], default: Engine, default_fingerprint: str
) -> ArticlesRuntime:
    """Open the store (migrations), start the intake workers; kept in ``bot_data``."""
    settings: ArticleSettings = bot_data.get(ARTICLE_SETTINGS) or ArticleSettings()
    store = await Store.open(settings.database_url, settings.data_dir)
    intake = IntakePool(settings.workers, settings.intake_timeout)
    if settings.prestart:
        intake.start()
    runtime = ArticlesRuntime(
        settings=settings,
        store=store,
        engines=ChatEngines(store, default, default_fingerprint, settings.cache_bytes),
        fetcher=Fetcher(settings.fetch),
        intake=intake,
    )
    bot_data[ARTICLES] = runtime
    return runtime


async def close_articles(bot_data: dict[str, Any]) -> None:
    runtime: ArticlesRuntime | None = bot_data.pop(ARTICLES, None)
    if runtime is not None:
        await runtime.close()


def runtime_of(context: ContextTypes.DEFAULT_TYPE) -> ArticlesRuntime | None:
    found: ArticlesRuntime | None = context.bot_data.get(ARTICLES)
    return found


async def store_is_up(bot_data: dict[str, Any]) -> bool:
    """For /healthz: whether the store answers (True when the bot runs without one)."""
    runtime: ArticlesRuntime | None = bot_data.get(ARTICLES)
    return True if runtime is None else await runtime.store.ping()


# --- which engine answers ----------------------------------------------------------------------


def _chat_of(update: Update) -> int | None:
    """The chat an update's article belongs to: its chat; for inline queries, the user's private
    chat with the bot (a private chat's id is its user's id)."""
    if update.inline_query is not None:
        return update.inline_query.from_user.id
    if update.callback_query is not None and update.callback_query.message is not None:
        return update.callback_query.message.chat.id
    chat = update.effective_chat
    if chat is not None:
        return chat.id
    user = update.effective_user
    return user.id if user is not None else None


async def engine_for(update: Update, context: ContextTypes.DEFAULT_TYPE, default: Engine) -> Engine:
    """The engine that answers ``update``: its chat's current article, else ``default``."""
    runtime = runtime_of(context)
    chat_id = _chat_of(update)
    if runtime is None or chat_id is None:
        return default
    return await runtime.engines.for_chat(chat_id)


async def engine_for_button(
    update: Update, context: ContextTypes.DEFAULT_TYPE, fingerprint: str,
    default: Engine, default_fingerprint: str,
) -> Engine | None:
    """The engine a button's fingerprint names, among the articles of the chat it was pressed
    in (never another chat's); None when that chat holds no such article."""
    runtime = runtime_of(context)
    if runtime is None:
        return default if fingerprint == default_fingerprint else None
    chat_id = _chat_of(update)
    if chat_id is None:
        return default if fingerprint == default_fingerprint else None
    return await runtime.engines.for_fingerprint(chat_id, fingerprint)


def fingerprint_for(
    context: ContextTypes.DEFAULT_TYPE, engine: Engine, default_fingerprint: str
) -> str:
    """The fingerprint buttons under an answer from ``engine`` carry."""
    runtime = runtime_of(context)
    if runtime is None:
        return default_fingerprint
    return runtime.engines.fingerprint(engine)


def is_personal(context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Inline results depend on who asks once chats have their own articles."""
    return runtime_of(context) is not None


# --- what a message brings -------------------------------------------------------------------


def link_of(message: Message) -> str | None:
    """The first link of a message (text or caption), with a scheme."""
    entities = message.entities or message.caption_entities
    text = message.text if message.text is not None else message.caption
    for entity in entities:
        if entity.type == MessageEntity.TEXT_LINK and entity.url:
            return entity.url
        if entity.type == MessageEntity.URL:
            found = _entity_text(message, entity, text or "")
            if found:
                return found if re.match(r"(?i)^[a-z][a-z0-9+.-]*://", found) else f"http://{found}"
    return None


def _entity_text(message: Message, entity: MessageEntity, text: str) -> str:
    if message.text is not None:
        return entity_text(message, entity)
    encoded = text.encode("utf-16-le")
    start, end = entity.offset * 2, (entity.offset + entity.length) * 2
    try:
        return encoded[start:end].decode("utf-16-le") if 0 <= start < end <= len(encoded) else ""
    except UnicodeDecodeError:
        return ""


def _paragraph_count(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.strip())


class PastedArticle(filters.MessageFilter):
    """A long text of several paragraphs: an article pasted, not a question."""

    def __init__(self, min_chars: int) -> None:
        super().__init__(name="PastedArticle")
        self.min_chars = min_chars

    def filter(self, message: Message) -> bool:
        text = message.text or ""
        return len(text) >= self.min_chars and _paragraph_count(text) >= PASTE_MIN_PARAGRAPHS


# --- replies -----------------------------------------------------------------------------------


def _ui(update: Update) -> str:
    user = update.effective_user
    return pick_language(user.language_code if user else None)


async def _reply(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str,
                 markup: InlineKeyboardMarkup | None = None) -> None:
    from bot.handlers import reply  # the one reply path: flood control, threads, no preview

    await reply(update, context, text, markup)


async def _typing(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat = update.effective_chat
    message = update.effective_message
    if chat is None:
        return
    try:
        await context.bot.send_chat_action(
            chat.id, ChatAction.TYPING,
            message_thread_id=message.message_thread_id
            if message is not None and message.is_topic_message else None,
        )
    except TelegramError as error:  # a courtesy: the article is taken in all the same
        log.debug("No typing indicator: %s", error)


def refusal(error: Exception, ui: str, settings: ArticleSettings) -> str:
    """One sentence (HTML) saying why an article was not taken."""
    if isinstance(error, FetchError):
        values: dict[str, str] = {
            "limit": str(settings.fetch.max_redirects),
            "seconds": f"{settings.fetch.timeout:g}",
            "megabytes": f"{settings.fetch.max_bytes / 1_000_000:g}",
            "content_type": html.escape(describe_type(str(error.detail.get("content_type")), ui)),
            "status": html.escape(
                f"{error.detail.get('status', '?')} {error.detail.get('phrase', '')}".strip()
            ),
        }
        return html_t(ui, f"fetch_{error.reason}", **values)
    if isinstance(error, SourceError):
        return html_t(ui, f"source_{error.reason}")
    if isinstance(error, TooManyParagraphs):
        return html_t(ui, "intake_too_long", count=f"{error.count:,}", limit=f"{error.limit:,}")
    if isinstance(error, IntakeTimeout):
        return html_t(ui, "intake_timeout", seconds=f"{settings.intake_timeout:g}")
    raise TypeError(f"no refusal for {error!r}")


def describe_type(mime: str, ui: str) -> str:
    """A content type as a person says it: "an image (image/png)", "a Word document" …"""
    major = mime.split("/", 1)[0]
    if major in ("image", "video", "audio"):
        return t(ui, f"type_{major}", mime=mime)
    if "wordprocessingml" in mime or mime == "application/msword":
        return t(ui, "type_word")
    if mime in ("application/zip", "application/gzip", "application/x-tar",
                "application/x-7z-compressed", "application/vnd.rar"):
        return t(ui, "type_archive", mime=mime)
    return mime


def card_html(engine: Engine, ui: str, bundled: bool = False) -> str:
    """The card of an article: title, site, date, size, quotations, most quoted, what to ask."""
    article = engine.article
    title = article.title or (t(ui, "card_bundled") if bundled else article.source)
    lines = [f"{html_t(ui, 'card_now_reading')} <b>{html.escape(_short(title, 300))}</b>"]
    about = [value for value in (article.site, article.author, article.date) if value]
    count = len(article.paragraphs)
    about.append(t(ui, "card_paragraph") if count == 1 else t(ui, "card_paragraphs", count=count))
    lines.append(html.escape(" · ".join(_short(value, 120) for value in about)))
    quotes = engine.quotes()
    speakers = engine.speakers()
    if quotes:
        line = t(ui, "card_quote") if len(quotes) == 1 else t(ui, "card_quotes", count=len(quotes))
        if speakers:
            named = ", ".join(
                f"{_short(entry.speaker.name, 60)} ({entry.count})"
                for entry in speakers[:SPEAKERS_ON_CARD]
            )
            line += " · " + t(ui, "card_most_quoted", speakers=named)
        lines.append(html.escape(line))
    else:
        lines.append(html_t(ui, "card_no_quotes"))
    lines.append(f"<i>{html_t(ui, 'card_hint', example=html.escape(_example(engine)))}</i>")
    return "\n".join(lines)


def _example(engine: Engine) -> str:
    """A command worth trying on this article: /who or /quote with a word it holds."""
    speakers = engine.speakers()
    if speakers:
        name = speakers[0].speaker.name.split()[-1]
        return f"/quote {name}"
    words = re.findall(r"[^\W\d_]{6,}", engine.article.title or " ".join(
        p.text for p in engine.article.body[:2]
    ))
    return f"/who {max(words, key=len)}" if words else "/speakers"


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- taking an article in -------------------------------------------------------------------


async def take_in(
    update: Update, context: ContextTypes.DEFAULT_TYPE, job: Job, kind: str
) -> None:
    """Extract, attribute, store and index ``job`` for the update's chat; reply with its card,
    or with one sentence saying why not (the chat then keeps its article)."""
    runtime = runtime_of(context)
    chat = update.effective_chat
    if runtime is None or chat is None:
        return
    ui = _ui(update)
    try:
        taken = await runtime.intake.run(job)
    except (SourceError, TooManyParagraphs, IntakeTimeout) as error:
        log.info("Chat %s: no article from %s (%s)", chat.id, kind, error)
        await _reply(update, context, refusal(error, ui, runtime.settings))
        return
    blob = encode_attribution(taken.quotes)
    stored = await runtime.store.add(chat.id, taken.article, kind, blob, attribution_version())
    entry = await runtime.engines.engine_of(stored, taken.quotes, taken.article)
    log.info(
        "Chat %s reads a new article (%s, %d paragraphs, %d quotations, taken in %.0f ms)",
        chat.id, kind, len(taken.article.paragraphs), len(taken.quotes), taken.seconds * 1000,
    )
    await _reply(update, context, card_html(entry.engine, ui))


async def fetch_and_take_in(
    update: Update, context: ContextTypes.DEFAULT_TYPE, link: str
) -> None:
    runtime = runtime_of(context)
    if runtime is None:
        return
    await _typing(update, context)
    try:
        fetched = await runtime.fetcher.fetch(link)
    except FetchError as error:
        log.info("A link was refused (%s): %s", error.reason, error)
        await _reply(update, context, refusal(error, _ui(update), runtime.settings))
        return
    name = PurePosixPath(fetched.url.split("?", 1)[0]).name or None
    job = Job(fetched.data, fetched.url, name=name, content_type=fetched.content_type,
              url=fetched.url, charset=fetched.charset,
              max_paragraphs=runtime.settings.max_paragraphs)
    await take_in(update, context, job, "url")


async def document_and_take_in(
    update: Update, context: ContextTypes.DEFAULT_TYPE, message: Message
) -> None:
    runtime = runtime_of(context)
    document = message.document
    if runtime is None or document is None:
        return
    ui = _ui(update)
    name = document.file_name or "document"
    limit = runtime.settings.document_max_bytes
    if document.file_size is not None and document.file_size > limit:
        await _reply(update, context, html_t(ui, "document_too_big",
                                             megabytes=f"{limit / 1_000_000:g}"))
        return
    if not name.lower().endswith(DOCUMENT_SUFFIXES) and document.mime_type not in (
        "text/plain", "text/html", "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ):
        await _reply(update, context, html_t(ui, "source_unsupported"))
        return
    await _typing(update, context)
    try:
        file = await context.bot.get_file(document.file_id)
        if file.file_size is not None and file.file_size > limit:
            await _reply(update, context, html_t(ui, "document_too_big",
                                                 megabytes=f"{limit / 1_000_000:g}"))
            return
        data = bytes(await file.download_as_bytearray())
    except TelegramError as error:
        log.warning("Could not download a document: %s", error)
        await _reply(update, context, html_t(ui, "document_unreadable"))
        return
    if len(data) > limit:
        await _reply(update, context, html_t(ui, "document_too_big",
                                             megabytes=f"{limit / 1_000_000:g}"))
        return
    job = Job(data, name, name=name, content_type=document.mime_type,
              max_paragraphs=runtime.settings.max_paragraphs)
    await take_in(update, context, job, PurePosixPath(name).suffix.lstrip(".").lower() or "file")


async def text_and_take_in(
    update: Update, context: ContextTypes.DEFAULT_TYPE, text: str
) -> None:
    runtime = runtime_of(context)
    if runtime is None:
        return
    job = Job(text.encode("utf-8", "surrogatepass"), t(_ui(update), "pasted_source"),
              content_type="text/plain", max_paragraphs=runtime.settings.max_paragraphs)
    await take_in(update, context, job, "pasted")


# --- handlers ----------------------------------------------------------------------------------


async def link_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs on a message holding a link (private chat, or addressed to us in a group)."""
    from bot import handlers

    message = update.effective_message
    if message is None:
        return
    if runtime_of(context) is None:  # no store: the link is only words of a question
        private = message.chat.type == "private"
        await (handlers.private_question if private else handlers.group_question)(update, context)
        return
    if message.chat.type != "private":
        why = addressed(message, context.bot.id, context.bot.username)
        if why not in (Addressed.REPLY, Addressed.MENTION):
            return
    link = link_of(message)
    if link is not None:
        await fetch_and_take_in(update, context, link)


async def pasted_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs on a long multi-paragraph private message: an article pasted."""
    from bot import handlers

    message = update.effective_message
    if runtime_of(context) is None:
        await handlers.private_question(update, context)
    elif message is not None and message.text:
        await text_and_take_in(update, context, message.text)


async def document_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs on a document (private chat, or in a group with a caption mentioning us)."""
    from bot import handlers

    message = update.effective_message
    if message is None or message.document is None:
        return
    if runtime_of(context) is None:
        if message.chat.type == "private":
            await handlers.private_other(update, context)
        return
    if message.chat.type != "private":
        caption = message.caption or ""
        mentioned = f"@{context.bot.username}".lower() in caption.lower()
        replied = message.reply_to_message is not None and message.reply_to_message.from_user \
            is not None and message.reply_to_message.from_user.id == context.bot.id
        if not (mentioned or replied):
            return
    await document_and_take_in(update, context, message)


async def article_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs on /article: with a link, or in reply to a link, a file or a text, reads it; alone,
    shows the card of the chat's article."""
    from bot import handlers

    message = update.effective_message
    runtime = runtime_of(context)
    if message is None or runtime is None:
        await handlers.article_command(update, context)
        return
    words = " ".join(context.args or ())
    link = link_of(message) or (words if re.match(r"(?i)^https?://\S+$", words) else None)
    if link is not None:
        await fetch_and_take_in(update, context, link)
        return
    replied = message.reply_to_message
    if replied is not None:
        if replied.document is not None:
            await document_and_take_in(update, context, replied)
            return
        replied_link = link_of(replied)
        if replied_link is not None:
            await fetch_and_take_in(update, context, replied_link)
            return
        if replied.text:
            await text_and_take_in(update, context, replied.text)
            return
    engine = await engine_for(update, context, handlers.engine_of(context))
    bundled = engine is handlers.engine_of(context)
    ui = _ui(update)
    # the card, then the article's source, dateline, byline and size
    details = article_to_html(engine, ui)
    await _reply(update, context, card_html(engine, ui, bundled=bundled) + "\n\n" + details)


async def articles_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs on /articles: this chat's articles, a button each to read it again."""
    runtime = runtime_of(context)
    chat = update.effective_chat
    if runtime is None or chat is None:
        return
    ui = _ui(update)
    listed = await runtime.store.articles_of(chat.id)
    if not listed:
        await _reply(update, context, html_t(ui, "articles_none"))
        return
    rows = []
    for summary in listed:
        label = _short(summary.title or summary.source, TITLE_ON_BUTTON)
        mark = "✓ " if summary.current else ""
        rows.append([InlineKeyboardButton(
            f"{mark}{label} ({summary.paragraph_count} §)",
            callback_data=CHOOSE_PREFIX + summary.content_hash[:CHOOSE_HASH_CHARS],
        )])
    bundled_mark = "" if any(s.current for s in listed) else "✓ "
    rows.append([InlineKeyboardButton(
        bundled_mark + t(ui, "articles_bundled"), callback_data=CHOOSE_PREFIX + "-"
    )])
    await _reply(update, context, html_t(ui, "articles_title"), InlineKeyboardMarkup(rows))


async def forget_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs on /forget: the chat forgets every article it sent (back to the bundled one)."""
    runtime = runtime_of(context)
    chat = update.effective_chat
    if runtime is None or chat is None:
        return
    count = await runtime.store.forget(chat.id)
    ui = _ui(update)
    if count:
        await _reply(update, context, html_t(ui, "forgotten", count=str(count)))
    else:
        await _reply(update, context, html_t(ui, "forgotten_none"))


async def choose_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs when an /articles button is pressed: that article becomes the chat's."""
    from bot import handlers

    query = update.callback_query
    runtime = runtime_of(context)
    if query is None or runtime is None:
        return
    ui = pick_language(query.from_user.language_code)
    message = query.message
    if message is None:
        await handlers.acknowledge(query.answer(t(ui, "article_gone"), show_alert=True))
        return
    wanted = (query.data or "").removeprefix(CHOOSE_PREFIX)
    stored: StoredArticle | None = None
    if wanted == "-":
        await runtime.store.choose(message.chat.id, None)
        engine = handlers.engine_of(context)
    else:
        if len(wanted) < FINGERPRINT_LENGTH:
            await handlers.acknowledge(query.answer(t(ui, "article_gone"), show_alert=True))
            return
        stored = await runtime.store.choose(message.chat.id, wanted)
        if stored is None:
            await handlers.acknowledge(query.answer(t(ui, "article_gone"), show_alert=True))
            return
        engine = (await runtime.engines.engine_of(stored)).engine
    await handlers.acknowledge(query.answer())
    text = card_html(engine, ui, bundled=stored is None)
    try:
        await context.bot.edit_message_text(
            text, chat_id=message.chat.id, message_id=message.message_id,
            parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True),
        )
    except BadRequest as error:
        if "not modified" not in error.message.lower():
            raise
