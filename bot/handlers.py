"""One small async function per kind of update; `bot.app.build_application` wires them in order."""

from __future__ import annotations

import html
import logging
import time
from collections.abc import Awaitable
from typing import Any

from telegram import (
    CallbackQuery,
    Chat,
    InlineKeyboardMarkup,
    InlineQueryResultsButton,
    LinkPreviewOptions,
    ReplyParameters,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot import buttons, chat_articles, inline
from bot.addressing import Addressed, addressed, command_target, strip_mention
from bot.admin import AdminReports, report_html
from bot.callback_data import decode, fingerprint
from bot.flood import FloodControl
from bot.i18n import pick_language, t
from bot.logs import note
from bot.render import answer_to_html, article_to_html, best_result, html_t, speakers_to_html
from bot.smalltalk import SmallTalk, classify
from index import Engine, Mode

log = logging.getLogger(__name__)

ENGINE = "engine"  # bot_data keys: the shared, read-only state of every handler
MAX_RESULTS = "max_results"
ALLOWED_CHATS = "allowed_chats"
FLOOD = "flood"
FINGERPRINT = "fingerprint"
MAX_QUESTION = 4096  # longer text cannot come from Telegram; cut it rather than search it all
REFUSED = "refused"  # chats outside ALLOWED_CHAT_IDS already told so (each is told once)
REFUSED_MAX = 10_000  # then forgotten, so that a swarm of chats cannot grow memory without end
COMMANDS = "commands"  # bot_data: the command names of private chats and of groups, for /foo
ADMIN = "admin"  # bot_data: where error reports go (AdminReports), or absent
#: Every message the bot sends goes without a link preview (a frozen object: one for all).
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def engine_of(context: ContextTypes.DEFAULT_TYPE) -> Engine:
    engine: Engine = context.bot_data[ENGINE]
    return engine


async def chat_engine(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Engine:
    """The engine answering ``update``: its chat's article (bot.chat_articles), else the default."""
    return await chat_articles.engine_for(update, context, engine_of(context))


def ui_of(update: Update) -> str:
    """The UI language of whoever sent the update."""
    user = update.effective_user
    return pick_language(user.language_code if user else None)


async def reply(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    """Send ``text`` (HTML) threaded to the message, in its forum topic, without link preview."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None:
        return
    flood: FloodControl | None = context.bot_data.get(FLOOD)
    verdict = flood.verdict(chat.id, time.monotonic()) if flood else "reply"
    if verdict == "drop":
        log.info("Chat %s is over CHAT_RATE_LIMIT: reply dropped", chat.id)
        note(action="flood: dropped")
        return
    if verdict == "warn":
        text, markup = html_t(ui_of(update), "slow_down"), None
        note(action="flood: warned")
    await context.bot.send_message(
        chat_id=chat.id,
        text=text,
        parse_mode=ParseMode.HTML,
        reply_parameters=ReplyParameters(
            message_id=message.message_id, allow_sending_without_reply=True
        ),
        # Outside forum topics message_thread_id names a reply thread, which sendMessage refuses.
        message_thread_id=message.message_thread_id if message.is_topic_message else None,
        link_preview_options=NO_PREVIEW,
        reply_markup=markup,
    )
    note(replied=True, language=ui_of(update))


async def answer_question(
    update: Update, context: ContextTypes.DEFAULT_TYPE, mode: Mode, question: str
) -> None:
    """Ask the engine and reply with the answer, or with a usage hint when there is no question."""
    ui = ui_of(update)
    engine = await chat_engine(update, context)
    question = question.strip()[:MAX_QUESTION]
    if not question:
        if mode == "ask":
            example = t(engine.article.language, "example_question")
            await reply(update, context, html_t(ui, "empty_question", example=html.escape(example)))
        else:
            await reply(update, context, html_t(ui, f"usage_{mode}"))
        return
    answer = engine.answer(mode, question, limit=context.bot_data.get(MAX_RESULTS, 3))
    shown = best_result(answer)
    note(
        action=mode,
        found=answer.found,
        paragraph=shown.paragraph if answer.found and shown is not None else None,
        results=len(answer.results),
    )
    print_ = chat_articles.fingerprint_for(context, engine, fingerprint_of(context))
    state = buttons.answer_state(answer, engine, print_, asker_of(update))
    markup = buttons.keyboard(state, engine, ui) if state is not None else None
    await reply(update, context, answer_to_html(answer, engine, ui), markup)


def fingerprint_of(context: ContextTypes.DEFAULT_TYPE) -> str:
    print_: str = context.bot_data[FINGERPRINT]
    return print_


def asker_of(update: Update) -> int:
    """Who may press the buttons of our reply: the asker; anyone (0) when sent as a chat."""
    message = update.effective_message
    user = update.effective_user
    if user is None or (message is not None and message.sender_chat is not None):
        return 0  # an anonymous admin or a channel: every admin shares that identity
    return user.id


async def allowed_chats_only(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs first on every update: stops it when ALLOWED_CHAT_IDS is set and omits its chat.

    The first message of such a chat that is for us gets one refusal line; the rest, silence.
    """
    allowed: frozenset[int] | None = context.bot_data.get(ALLOWED_CHATS)
    chat = update.effective_chat
    if allowed is not None and (chat is None or chat.id not in allowed):
        log.debug("Ignoring an update from chat %s, not in ALLOWED_CHAT_IDS", chat and chat.id)
        refused: set[int] = context.bot_data.setdefault(REFUSED, set())  # made on first use
        message = update.message  # a new message only: never an edit or a channel post
        if (
            chat is not None
            and message is not None
            and chat.id not in refused
            and addressed(message, context.bot.id, context.bot.username) is not None
        ):
            if len(refused) >= REFUSED_MAX:
                refused.clear()
            refused.add(chat.id)
            await reply(update, context, html_t(ui_of(update), "not_allowed"))
        note(action="not allowed")
        raise ApplicationHandlerStop


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs on /start: greets and explains in three lines, with an example."""
    ui = ui_of(update)
    engine = await chat_engine(update, context)
    example = t(engine.article.language, "example_question")
    text = html_t(
        ui,
        "start",
        source=f"<b>{html.escape(engine.article.source)}</b>",
        example=f"<i>{html.escape(example)}</i>",
    )
    await reply(update, context, text)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs on /help: the commands in a private chat, one short line in a group."""
    ui = ui_of(update)
    chat = update.effective_chat
    if chat is not None and chat.type != Chat.PRIVATE:
        await reply(update, context, html_t(ui, "help_group", username=context.bot.username))
    elif chat_articles.runtime_of(context) is not None:
        await reply(update, context, html_t(ui, "help") + "\n" + html_t(ui, "help_articles"))
    else:
        await reply(update, context, html_t(ui, "help"))


async def quote_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs on /quote <words>: the best quotation about the words and its speaker."""
    await answer_question(update, context, "quote", " ".join(context.args or ()))


async def who_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs on /who <words>: who said it, with the quotation."""
    await answer_question(update, context, "who", " ".join(context.args or ()))


async def speakers_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs on /speakers: who is quoted in the article, most quoted first."""
    engine = await chat_engine(update, context)
    await reply(update, context, speakers_to_html(engine, ui_of(update)))


async def article_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs on /article: the article's source, date, byline and size."""
    await reply(update, context, article_to_html(engine_of(context), ui_of(update)))


async def private_question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs on any text that is not a command in a private chat: a question (mode "ask")."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    talk = classify(message.text)
    if talk is not None:
        await small_talk(update, context, talk)
        return
    await answer_question(update, context, "ask", message.text)


async def group_question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs on text in a group: answers a reply to the bot or a mention of it, else stays silent."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    why = addressed(message, context.bot.id, context.bot.username)
    if why not in (Addressed.REPLY, Addressed.MENTION):
        return
    question = strip_mention(message.text, context.bot.username)
    if classify(question) is not None:
        # "merci !", "lol 😂", "👍" said to the bot in a group: nothing to answer, nothing to add.
        note(action="small talk")
        return
    await answer_question(update, context, "ask", question)


async def small_talk(update: Update, context: ContextTypes.DEFAULT_TYPE, talk: SmallTalk) -> None:
    """A greeting, thanks or "ok" in a private chat: a short friendly hint, never "not found"."""
    ui = ui_of(update)
    note(action=f"small talk: {talk.kind}")
    if talk.kind == "greeting":
        example = t(engine_of(context).article.language, "example_question")
        text = html_t(ui, "smalltalk_greeting", example=f"<i>{html.escape(example)}</i>")
    elif talk.kind == "thanks":
        text = html_t(ui, "smalltalk_thanks")
    else:
        text = html_t(ui, "smalltalk_other")
    await reply(update, context, text)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs on a command the bot does not have: says so and lists the real ones.

    In a group only ``/foo@ThisBot`` is ours: a bare ``/foo`` is for another bot of the group.
    """
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None:
        return
    found = command_target(message)
    if found is None:
        return
    name, target = found
    in_group = chat.type != Chat.PRIVATE
    if in_group and (target is None or target.lower() != (context.bot.username or "").lower()):
        return
    names: dict[str, tuple[str, ...]] = context.bot_data.get(COMMANDS, {})
    listed = names.get("group" if in_group else "private", ())
    note(action="unknown command")
    text = html_t(
        ui_of(update),
        "unknown_command",
        command=f"/{html.escape(name[:32])}",
        commands=", ".join(f"/{command}" for command in listed),
    )
    await reply(update, context, text)


async def private_other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs on a sticker, photo, unknown command… in a private chat: a one-line hint."""
    await reply(update, context, html_t(ui_of(update), "text_only"))


async def answer_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs when a button under an answer is pressed: answers the press, then edits the answer."""
    query = update.callback_query
    if query is None:
        return
    ui = pick_language(query.from_user.language_code)
    state = decode(query.data or "")
    note(action=f"button: {state.action}" if state is not None else "button: unreadable",
         replied=True, language=ui)
    # the article the button's fingerprint names, among those of the chat it was pressed in
    engine = None if state is None else await chat_articles.engine_for_button(
        update, context, state.fingerprint, engine_of(context), fingerprint_of(context)
    )
    if state is None or engine is None or not buttons.fits(state, engine):
        await acknowledge(query.answer(t(ui, "button_stale"), show_alert=True))
        return
    if state.asker not in (0, query.from_user.id):
        await acknowledge(query.answer(t(ui, "button_not_yours")))
        return
    await acknowledge(query.answer())
    view, markup = buttons.view(state, engine, ui), buttons.keyboard(state, engine, ui)
    await edit_in_place(query, context, view, markup)


async def edit_in_place(
    query: CallbackQuery,
    context: ContextTypes.DEFAULT_TYPE,
    text: str,
    markup: InlineKeyboardMarkup,
) -> None:
    """Show ``text`` (HTML) and ``markup`` in the message whose button was pressed."""
    message = query.message
    where: dict[str, Any] = (
        {"chat_id": message.chat.id, "message_id": message.message_id}
        if message is not None
        else {"inline_message_id": query.inline_message_id}
    )
    try:
        await context.bot.edit_message_text(
            text,
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
            reply_markup=markup,
            **where,
        )
    except BadRequest as error:
        reason = error.message.lower()
        if "not modified" in reason:
            # A double tap sends the same press twice: the second edit changes nothing.
            log.debug("Button pressed twice: the message already shows it")
        elif "can't be edited" in reason or "to edit not found" in reason:
            log.info("A button's message is gone or too old to edit: %s", error.message)
        else:
            raise


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs when someone types @ThisBot <words> in any chat: up to 10 quotations to post."""
    query = update.inline_query
    if query is None:
        return
    engine = await chat_engine(update, context)  # the asking user's article
    print_ = chat_articles.fingerprint_for(context, engine, fingerprint_of(context))
    results = inline.inline_articles(engine, print_, query.query)
    button = None
    personal = False
    if not results and query.query.strip():
        # The button is in the user's language, so this answer is theirs alone: not shared.
        ui = pick_language(query.from_user.language_code)
        button = InlineQueryResultsButton(text=t(ui, "inline_none"), start_parameter="inline")
        personal = True
    note(action="inline", found=bool(results), results=len(results), replied=True)
    await acknowledge(
        query.answer(
            results, cache_time=inline.CACHE_SECONDS,
            is_personal=personal or chat_articles.is_personal(context), button=button,
        )
    )


async def acknowledge(answering: Awaitable[bool]) -> None:
    """Answer a callback or inline query; one that waited too long (the bot was down) is let go.

    Telegram accepts an answer only within seconds of the query; the press is still acted on.
    """
    try:
        await answering
    except BadRequest as error:
        if "query is too old" not in error.message.lower():
            raise
        log.info("A query waited too long to be answered: %s", error.message)


async def error_handler(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs when a handler raised: logs the traceback and apologises once to the user."""
    log.error("Error while handling an update", exc_info=context.error)
    note(error=type(context.error).__name__ if context.error else "unknown")
    await report_to_admin(update, context)
    if not isinstance(update, Update) or update.effective_message is None:
        return
    try:
        await reply(update, context, html_t(ui_of(update), "error"))
    except TelegramError as error:
        # The apology is a courtesy: never let it raise again into the error handler.
        log.warning("Could not apologise to the user: %s", error)


async def report_to_admin(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the error to ADMIN_CHAT_ID, the first of a burst only (bot.admin.AdminReports)."""
    reports: AdminReports | None = context.bot_data.get(ADMIN)
    error = context.error
    if reports is None or error is None:
        return
    held_back = reports.take()
    if held_back is None:
        log.debug("Error report held back: one was sent less than %s s ago", reports.interval)
        return
    try:
        await context.bot.send_message(
            chat_id=reports.chat_id,
            text=report_html(error, update, held_back, context.bot.token),
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
        )
    except TelegramError as failure:
        # ADMIN_CHAT_ID must have started the bot (or added it to the group) to receive reports.
        log.warning("Could not send the error report to ADMIN_CHAT_ID: %s", failure)


def bot_data(
    engine: Engine, max_results: int, allowed: frozenset[int] | None, flood: FloodControl
) -> dict[str, Any]:
    """What every handler reads: the engine and a few settings (read-only after start-up)."""
    return {
        ENGINE: engine,
        MAX_RESULTS: max_results,
        ALLOWED_CHATS: allowed,
        FLOOD: flood,
        FINGERPRINT: fingerprint(engine.article),
    }
