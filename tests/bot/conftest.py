"""Fixtures of the bot tests: the fake Bot API server, settings pointing at it, the running bot."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from bot.app import TelegramApp, build_application, polling_options
from bot.settings import Settings
from index import Engine
from tests.bot.fake_telegram import TOKEN, FakeTelegram
from tests.postgres import MISSING, PostgresServer, postgres_server


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
def settings(telegram: FakeTelegram, tmp_path: Path) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token=TOKEN,
        telegram_bot_api_url=telegram.base_url,
        data_dir=tmp_path / "data",  # the store of per-chat articles: never the checkout's
    )


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer | None]:
    """One PostgreSQL server for the session (None where PostgreSQL is not installed)."""
    with postgres_server() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The store's URL: the same tests run against SQLite and a real PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'store.sqlite3'}"
    server: PostgresServer | None = request.getfixturevalue("postgres")
    if server is None:
        pytest.skip(MISSING)
    return server.new_database()


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
        if application.post_shutdown is not None:
            await application.post_shutdown(application)  # as run_polling does


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

