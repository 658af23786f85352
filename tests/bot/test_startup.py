"""Start-up that fails loudly: a webhook Telegram cannot call, a refused setWebhook or getMe, no
token. Each ends the process with a non-zero status and says why in the log, at ERROR."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from bot.app import build_application
from bot.retry import Backoff, StartUpRefused, initialize_with_retries
from bot.settings import Settings
from index import Engine
from tests.bot.fake_telegram import TOKEN, FakeTelegram
from tests.bot.processes import ROOT, start_bot, stop_all

REFUSAL = "bad webhook: Failed to resolve host: Name or service not known"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_an_http_webhook_for_telegrams_own_api_is_refused_in_one_sentence(tmp_path: Path) -> None:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
        "TELEGRAM_BOT_TOKEN": TOKEN,  # TELEGRAM_BOT_API_URL stays Telegram's own
        "WEBHOOK_URL": "http://bot.example.org/telegram",
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=env, capture_output=True,
        text=True, timeout=60, stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("article-bot: The setting WEBHOOK_URL must be an https:// URL")
    assert "Traceback" not in done.stderr and TOKEN not in done.stderr


async def test_a_refused_setwebhook_is_logged_at_error_and_ends_the_process(
    telegram: FakeTelegram, tmp_path: Path
) -> None:
    telegram.outage(60, "400", methods=("setWebhook",), description=REFUSAL)
    port = free_port()
    started = time.monotonic()
    bot = await start_bot(
        telegram.base_url, tmp_path,
        webhook_url=f"http://127.0.0.1:{port}/hook", webhook_port=str(port),
    )
    try:
        status = await asyncio.wait_for(bot.process.wait(), 30)
    finally:
        await stop_all(bot)
    elapsed = time.monotonic() - started
    logs = bot.logs()
    assert status == 1, logs
    assert elapsed < 30
    errors = [line for line in logs.splitlines() if " ERROR " in line]
    # One line per refusal with Telegram's own words (python-telegram-bot changes their case),
    # then the line that gives up.
    assert len(errors) == 4, logs
    assert all(REFUSAL.lower() in line.lower() for line in errors)
    assert "refused setWebhook 4 times" in errors[-1] and errors[-1].endswith("stopping.")
    assert [c.method for c in telegram.calls].count("setWebhook") == 4
    assert "Traceback" not in logs and TOKEN not in logs
    with pytest.raises(httpx.ConnectError):  # the webhook server is gone with the process
        httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)


async def test_a_refused_getme_is_retried_a_few_times_then_raised(
    telegram: FakeTelegram, settings: Settings, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot")
    telegram.outage(60, "403", methods=("getMe",), description="bot was blocked")
    application = build_application(settings, engine)
    with pytest.raises(StartUpRefused, match=r"refused getMe 3 times.*\"Forbidden: bot was blo"):
        await initialize_with_retries(
            application, settings.telegram_bot_api_url, Backoff(first=0.05), refusals=2
        )
    await application.shutdown()
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 2
    assert all("refused getMe: Forbidden: bot was blocked" in error for error in errors)


async def test_a_refusal_then_an_answer_starts_normally(
    telegram: FakeTelegram, settings: Settings, engine: Engine
) -> None:
    telegram.inject("getMe", "400", description="temporarily unavailable")
    application = build_application(settings, engine)
    attempts = await initialize_with_retries(
        application, settings.telegram_bot_api_url, Backoff(first=0.05)
    )
    await application.shutdown()
    assert attempts == 2


async def test_webhook_mode_serves_healthz_and_stops_cleanly_on_sigterm(
    telegram: FakeTelegram, tmp_path: Path
) -> None:
    port = free_port()
    bot = await start_bot(
        telegram.base_url, tmp_path,
        webhook_url=f"http://127.0.0.1:{port}/hook", webhook_port=str(port),
    )
    try:
        await bot.wait_log("Serving the webhook")
        async with httpx.AsyncClient() as client:
            health = await client.get(f"http://127.0.0.1:{port}/healthz")
        assert health.status_code == 200
        assert health.json() == {"status": "ok", "checks": {"application": "ok", "store": "ok"}}
        status = await bot.stop(signal.SIGTERM)
    finally:
        await stop_all(bot)
    assert status == 0, bot.logs()
    assert telegram.webhook["url"] == f"http://127.0.0.1:{port}/hook"
    # getMe's answer, said once: the fake bot has privacy mode off and inline mode on.
    assert "Started as @ArticleTestBot; privacy mode off: it receives every group message; " \
        "inline mode on" in bot.logs()
    assert "Traceback" not in bot.logs()
