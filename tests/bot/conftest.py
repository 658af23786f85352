"""Fixtures of the bot tests: the fake Bot API server, settings pointing at it, the running bot."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest

from bot.app import TelegramApp, build_application, polling_options
from bot.settings import Settings
from index import Engine
from tests.bot.fake_telegram import TOKEN, FakeTelegram


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.from_path(None)


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegram]:
    fake = await FakeTelegram().start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
def settings(telegram: FakeTelegram) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token=TOKEN,
        telegram_bot_api_url=telegram.base_url,
    )


@asynccontextmanager
async def running(settings: Settings, engine: Engine) -> AsyncIterator[TelegramApp]:
    """The Application as run_polling runs it: initialize, post_init, poll, start; then stop."""
    application = build_application(settings, engine)
    await application.initialize()
    if application.post_init is not None:
        await application.post_init(application)
    assert application.updater is not None
    # A short long-poll keeps the tests quick; everything else is what run_bot passes.
    await application.updater.start_polling(**{**polling_options(settings), "timeout": 1})
    await application.start()
    try:
        yield application
    finally:
        await application.updater.stop()
        await application.stop()
        await application.shutdown()


@pytest.fixture
async def bot(
    telegram: FakeTelegram, settings: Settings, engine: Engine
) -> AsyncIterator[TelegramApp]:
    """The running bot; afterwards, every message it sent must be one Telegram accepted."""
    async with running(settings, engine) as application:
        telegram.idle = lambda: (
            application.update_queue.empty()
            and application.update_processor.current_concurrent_updates == 0
        )
        yield application
        telegram.idle = None
    assert not telegram.rejected(), [(c.method, c.error) for c in telegram.rejected()]
    for sent in telegram.sent:
        assert sent["parse_mode"] == "HTML"
        assert sent["link_preview_options"] == {"is_disabled": True}
        assert "message_id" in sent["reply_parameters"]
    for edit in telegram.edits:
        assert edit["parse_mode"] == "HTML"
        assert edit["link_preview_options"] == {"is_disabled": True}
    for markup in [m.get("reply_markup") for m in (*telegram.sent, *telegram.edits)]:
        for row in (markup or {}).get("inline_keyboard", []):
            assert all(len(button["callback_data"].encode()) <= 64 for button in row)

