"""The Telegram Application: built from settings and an Engine, run by polling or webhook."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import hashlib
import hmac
import logging
import signal
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any
from urllib.parse import urlparse

from telegram import (
    BotCommand,
    BotCommandScope,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    MessageEntity,
    Update,
)
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import chat_articles, handlers
from bot.admin import AdminReports
from bot.flood import FloodControl
from bot.health import Health
from bot.i18n import STRINGS, t
from bot.redact import hide_token_in_repr, protect_logs
from bot.retry import (
    STARTUP_BACKOFF,
    Backoff,
    RetryingRateLimiter,
    StartUpRefused,
    call_with_retries,
    initialize_with_retries,
)
from bot.settings import Settings
from bot.updates import PerChatUpdateProcessor
from bot.webhook import WebhookServer
from index import Engine

log = logging.getLogger(__name__)

# New messages, button presses and inline queries: edited messages and channel posts are never
# answered.
ALLOWED_UPDATES: tuple[str, ...] = (Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY)
POLL_TIMEOUT = 10  # seconds a getUpdates long poll waits; stopping cancels it at once
RATE_LIMIT_RETRIES = 3  # a 429 then waits retry_after and tries again instead of losing the answer
PRIVATE_COMMANDS = ("start", "help", "quote", "who", "speakers", "article", "articles", "forget")
GROUP_COMMANDS = ("quote", "who", "speakers", "article", "articles", "forget", "help")

TelegramApp = Application[Any, Any, Any, Any, Any, Any]


def build_application(settings: Settings, engine: Engine) -> TelegramApp:
    """The whole bot: client, rate limiter, handlers in the order Telegram updates try them."""
    if settings.token is None:
        raise ValueError("build_application needs TELEGRAM_BOT_TOKEN")
    application = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.telegram_bot_api_url)
        .base_file_url(file_url(settings))
        .rate_limiter(
            RetryingRateLimiter(
                overall_max_rate=settings.overall_rate_limit, max_retries=RATE_LIMIT_RETRIES
            )
        )
        .concurrent_updates(PerChatUpdateProcessor())
        .post_init(on_start)
        .post_shutdown(on_stop)
        .build()
    )
    hide_token_in_repr(application.bot)
    application.bot_data.update(
        handlers.bot_data(
            engine,
            settings.max_results,
            settings.allowed_chats,
            FloodControl(settings.chat_rate_limit, settings.chat_rate_window_seconds),
        )
    )
    application.bot_data[handlers.COMMANDS] = {"private": PRIVATE_COMMANDS, "group": GROUP_COMMANDS}
    if settings.admin_chat_id is not None:
        application.bot_data[handlers.ADMIN] = AdminReports(
            settings.admin_chat_id, settings.admin_report_interval_seconds
        )
    application.bot_data[chat_articles.ARTICLE_SETTINGS] = chat_articles.ArticleSettings.of(
        settings
    )

    new_message = filters.UpdateType.MESSAGE  # never edited messages nor channel posts
    private = new_message & filters.ChatType.PRIVATE
    groups = new_message & filters.ChatType.GROUPS
    application.add_handler(TypeHandler(Update, handlers.allowed_chats_only), group=-1)
    # CommandHandler answers /cmd and /cmd@ThisBot, never /cmd@OtherBot.
    application.add_handler(CommandHandler("start", handlers.start, filters=new_message))
    application.add_handler(CommandHandler("help", handlers.help_command, filters=new_message))
    application.add_handler(CommandHandler("quote", handlers.quote_command, filters=new_message))
    application.add_handler(CommandHandler("who", handlers.who_command, filters=new_message))
    application.add_handler(
        CommandHandler("speakers", handlers.speakers_command, filters=new_message)
    )
    application.add_handler(
        CommandHandler("article", chat_articles.article_command, filters=new_message)
    )
    application.add_handler(
        CommandHandler("articles", chat_articles.articles_command, filters=new_message)
    )
    application.add_handler(
        CommandHandler("forget", chat_articles.forget_command, filters=new_message)
    )
    # A link, a pasted article or a document becomes the chat's article (bot.chat_articles).
    links = filters.Entity(MessageEntity.URL) | filters.Entity(MessageEntity.TEXT_LINK)
    text = filters.TEXT & ~filters.COMMAND
    application.add_handler(
        MessageHandler((private | groups) & text & links, chat_articles.link_message)
    )
    pasted = chat_articles.PastedArticle(settings.paste_min_chars)
    application.add_handler(MessageHandler(private & text & pasted, chat_articles.pasted_message))
    application.add_handler(
        MessageHandler((private | groups) & filters.Document.ALL, chat_articles.document_message)
    )
    # Any other command: "unknown", with the real ones (in a group only /foo@ThisBot).
    application.add_handler(
        MessageHandler(new_message & filters.COMMAND, handlers.unknown_command)
    )
    application.add_handler(
        MessageHandler(private & filters.TEXT & ~filters.COMMAND, handlers.private_question)
    )
    application.add_handler(
        MessageHandler(groups & filters.TEXT & ~filters.COMMAND, handlers.group_question)
    )
    application.add_handler(MessageHandler(private, handlers.private_other))
    application.add_handler(
        CallbackQueryHandler(chat_articles.choose_button, pattern=r"^art\|")
    )
    application.add_handler(CallbackQueryHandler(handlers.answer_button))
    application.add_handler(InlineQueryHandler(handlers.inline_query))
    application.add_error_handler(handlers.error_handler)
    return application


def file_url(settings: Settings) -> str:
    """The file download URL: the setting, else the API URL with /bot turned into /file/bot."""
    if settings.telegram_bot_api_file_url:
        return settings.telegram_bot_api_file_url
    base = settings.telegram_bot_api_url
    if base.endswith("/bot"):
        return base.removesuffix("/bot") + "/file/bot"
    return base


async def on_start(application: TelegramApp) -> None:
    """post_init: the command menus and, meanwhile, the chats' articles (store, workers)."""
    menus = asyncio.ensure_future(set_command_menus(application))
    data = application.bot_data
    try:
        await chat_articles.open_articles(
            data, data[handlers.ENGINE], data[handlers.FINGERPRINT]
        )
    except BaseException:
        menus.cancel()
        raise
    await menus


async def on_stop(application: TelegramApp) -> None:
    """post_shutdown: the store closed, the workers ended."""
    await chat_articles.close_articles(application.bot_data)


async def set_command_menus(application: TelegramApp) -> None:
    """At start-up: the command menus of private chats and of groups, in every UI language (the
    calls at once: each is a round trip to Telegram)."""

    async def set_menu(language: str, scope: BotCommandScope, names: tuple[str, ...]) -> None:
        # The default language is set without language_code: it serves every other language.
        code = None if language == "en" else language
        commands = [BotCommand(name, t(language, f"cmd_{name}")) for name in names]
        try:
            await application.bot.set_my_commands(commands, scope=scope, language_code=code)
        except TelegramError as error:
            # Menus are a convenience: the bot answers without them.
            log.warning("Could not set the command menu (%s): %s", language, error)

    await asyncio.gather(*(
        set_menu(language, scope, names)
        for language in STRINGS
        for scope, names in (
            (BotCommandScopeAllPrivateChats(), PRIVATE_COMMANDS),
            (BotCommandScopeAllGroupChats(), GROUP_COMMANDS),
        )
    ))


def bot_identity(application: TelegramApp) -> str:
    """What getMe says of the bot that an operator must know: its name, privacy and inline mode."""
    me = application.bot.bot
    privacy = (
        "off: it receives every group message"
        if me.can_read_all_group_messages
        else "on: in groups it receives commands, replies and mentions (docs/TELEGRAM.md)"
    )
    inline = "on" if me.supports_inline_queries else "off (BotFather: /setinline to turn it on)"
    return f"Started as @{me.username}; privacy mode {privacy}; inline mode {inline}"


def polling_options(settings: Settings) -> dict[str, Any]:
    """Updater.start_polling arguments; pending updates kept: questions asked while down count."""
    return {
        "allowed_updates": list(ALLOWED_UPDATES),
        "drop_pending_updates": False,
        "timeout": POLL_TIMEOUT,
        # deleteWebhook at start-up is retried too: a flaky Bot API must not end the bot.
        "bootstrap_retries": -1,
    }


def webhook_secret(settings: Settings) -> str:
    """WEBHOOK_SECRET_TOKEN, else one derived from the bot token (the same on every instance)."""
    if settings.webhook_secret_token is not None:
        return settings.webhook_secret_token.get_secret_value()
    token = settings.token or ""
    return hmac.new(token.encode(), b"article-bot webhook", hashlib.sha256).hexdigest()


def webhook_options(settings: Settings) -> dict[str, Any]:
    """setWebhook's arguments for WEBHOOK_URL; pending updates are kept, as in polling."""
    return {
        "url": settings.webhook_url or "",
        "secret_token": webhook_secret(settings),
        "allowed_updates": list(ALLOWED_UPDATES),
        "drop_pending_updates": False,
    }


def application_check(application: TelegramApp) -> Callable[[], Awaitable[bool]]:
    """The health check of the Application itself: started and not stopping."""

    async def application_running() -> bool:
        return application.running

    return application_running


def build_health(application: TelegramApp) -> Health:
    """The checks behind `/healthz`: the Application runs, and the store of the chats' articles
    answers."""
    data = application.bot_data

    async def store() -> bool:
        return await chat_articles.store_is_up(data)

    return Health({"application": application_check(application), "store": store})


async def serve_webhook(
    application: TelegramApp,
    settings: Settings,
    stop: asyncio.Event,
    health: Health | None = None,
    backoff: Backoff = STARTUP_BACKOFF,
) -> None:
    """Webhook mode until ``stop`` is set: the server (updates and /healthz), then setWebhook.

    The Application must be initialized. A setWebhook that Telegram keeps refusing raises
    :class:`StartUpRefused` after STARTUP_RETRIES retries.
    """
    options = webhook_options(settings)
    server = WebhookServer(
        application,
        urlparse(options["url"]).path or "/",
        options["secret_token"],
        health or build_health(application),
    )
    # Listen first: Telegram may post the first update as soon as setWebhook returns.
    server.listen(settings.webhook_port, settings.webhook_listen)
    try:
        if application.post_init is not None:
            await application.post_init(application)
        await call_with_retries(
            lambda: application.bot.set_webhook(**options),
            "setWebhook",
            settings.telegram_bot_api_url,
            backoff,
            settings.startup_retries,
        )
        await application.start()
        log.info(
            "Serving the webhook %s on %s:%d (health: /healthz)",
            settings.webhook_url, settings.webhook_listen, settings.webhook_port,
        )
        await stop.wait()
    finally:
        await server.stop()
        if application.running:
            await application.stop()


def run_bot(settings: Settings, engine: Engine) -> int:
    """Run the bot until SIGINT/SIGTERM: webhook when WEBHOOK_URL is set, else long polling.

    Returns the exit status: 0 after a stop, 1 when the Bot API refused to start the bot.
    """
    if settings.token is None:
        raise ValueError("run_bot needs TELEGRAM_BOT_TOKEN")
    protect_logs(settings.token)
    application = build_application(settings, engine)
    articles = application.bot_data[chat_articles.ARTICLE_SETTINGS]
    application.bot_data[chat_articles.ARTICLE_SETTINGS] = dataclasses.replace(
        articles, prestart=True
    )
    # One loop for start-up and running: the HTTP client is bound to the loop that opened it.
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        if not stoppable(loop, initialize_with_retries(
            application, settings.telegram_bot_api_url, refusals=settings.startup_retries
        )):
            log.info("Stopped before start-up completed")
            return 0
        log.info("%s", bot_identity(application))
        if settings.webhook_url:
            stop = asyncio.Event()

            def on_signal(task: asyncio.Task[object]) -> None:
                stop.set()
                if not application.running:  # still setting the webhook up: give up at once
                    task.cancel()

            health = build_health(application)
            stoppable(loop, serve_webhook(application, settings, stop, health), on_signal)
        else:
            if not stoppable(loop, call_with_retries(
                lambda: application.bot.delete_webhook(drop_pending_updates=False),
                "deleteWebhook",
                settings.telegram_bot_api_url,
                refusals=settings.startup_retries,
            )):
                log.info("Stopped before start-up completed")
                return 0
            log.info("Polling %s for updates", urlparse(settings.telegram_bot_api_url).netloc)
            application.run_polling(**polling_options(settings), close_loop=False)
    except StartUpRefused as refused:
        log.error("%s.", refused)
        return 1
    finally:
        loop.run_until_complete(application.shutdown())  # nothing to do if never initialized
        loop.close()
    log.info("Stopped")
    return 0


def stoppable(
    loop: asyncio.AbstractEventLoop,
    work: Coroutine[Any, Any, object],
    on_signal: Callable[[asyncio.Task[object]], object] | None = None,
) -> bool:
    """Run ``work`` until it ends; SIGINT/SIGTERM call ``on_signal`` with its task (default:
    cancel it). False when a signal cancelled it."""
    task: asyncio.Task[object] = loop.create_task(work)
    callback = on_signal or _cancel
    stop_signals = (signal.SIGINT, signal.SIGTERM)
    with contextlib.suppress(NotImplementedError):  # Windows: Ctrl-C still raises
        for stop in stop_signals:
            loop.add_signal_handler(stop, callback, task)
    try:
        loop.run_until_complete(task)
        return True
    except asyncio.CancelledError:
        return False
    finally:
        with contextlib.suppress(NotImplementedError):
            for stop in stop_signals:
                loop.remove_signal_handler(stop)


def _cancel(task: asyncio.Task[object]) -> None:
    task.cancel()
