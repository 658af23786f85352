"""Running for real: menus, polling options, 429s, errors, restarts, signals, webhook, the token."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import sys
from pathlib import Path

import httpx
import pytest

from bot.app import TelegramApp, build_application, serve_webhook, webhook_options
from bot.settings import Settings
from index import Answer, Engine, Mode
from tests.bot.conftest import running
from tests.bot.fake_telegram import (
    EN_USER,
    FR_USER,
    TOKEN,
    FakeTelegram,
    ask,
    assert_silent,
    private_chat,
    text_message,
)

EN = private_chat(EN_USER)
FR = private_chat(FR_USER)
ROOT = Path(__file__).resolve().parents[2]


async def test_command_menus_are_set_for_both_languages_and_both_scopes(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    menus = {(scope, language): [c["command"] for c in commands]
             for (scope, language), commands in telegram.commands.items()}
    private = '{"type": "all_private_chats"}'
    groups = '{"type": "all_group_chats"}'
    assert set(menus) == {(private, ""), (private, "fr"), (groups, ""), (groups, "fr")}
    assert menus[(private, "")] == [
        "start", "help", "quote", "who", "speakers", "article", "articles", "forget"
    ]
    assert "start" not in menus[(groups, "fr")] and "quote" in menus[(groups, "fr")]
    french = telegram.commands[(private, "fr")]
    assert french[0]["description"] == "Présenter le bot"


async def test_polling_asks_for_messages_presses_and_inline_queries_and_keeps_pending_updates(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    get_updates = await telegram.wait_call("getUpdates")
    assert get_updates.params["allowed_updates"] == ["message", "callback_query", "inline_query"]
    delete_webhook = await telegram.wait_call("deleteWebhook")
    assert not delete_webhook.params.get("drop_pending_updates")


async def test_a_429_delays_the_answer_instead_of_losing_it(
    telegram: FakeTelegram, bot: TelegramApp
) -> None:
    telegram.fail_next("sendMessage", retry_after=1)
    sent = await ask(telegram, EN, EN_USER, "/who blague")
    assert "Tokayev" in sent["visible"]
    statuses = [call.status for call in telegram.calls if call.method == "sendMessage"]
    assert statuses == [429, 200]


class BrokenEngine(Engine):
    """An engine with a bug: every answer raises."""

    def answer(self, mode: Mode, question: str, limit: int = 3) -> Answer:
        raise RuntimeError("a bug in the engine")


async def test_an_error_is_logged_with_its_traceback_and_apologised_for_once(
    telegram: FakeTelegram, settings: Settings, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="bot")
    async with running(settings, BrokenEngine(engine.article)):
        sent = await ask(telegram, FR, FR_USER, "Qui a parlé du Kazakhstan ?")
        assert sent["visible"].startswith("Désolé")
        await assert_silent(telegram)  # nothing more than the one apology
    errors = [r for r in caplog.records if r.name == "bot.handlers"]
    assert len(errors) == 1
    assert errors[0].exc_info is not None and "a bug in the engine" in str(errors[0].exc_info[1])


async def test_questions_asked_while_the_bot_was_down_are_answered_once_after_restart(
    telegram: FakeTelegram, settings: Settings, engine: Engine
) -> None:
    first = text_message(telegram, EN, EN_USER, "/quote Kazakhstan")
    async with running(settings, engine):
        telegram.push("message", first)
        await telegram.wait_sent(1)
    waiting = [
        text_message(telegram, EN, EN_USER, "/who blague"),
        text_message(telegram, FR, FR_USER, "Qui a parlé du Kazakhstan ?"),
    ]
    for message in waiting:
        telegram.push("message", message)
    await asyncio.sleep(0.2)
    assert len(telegram.sent) == 1  # the bot is down
    async with running(settings, engine):
        await telegram.wait_sent(3)
    calls_before = len(telegram.calls)
    async with running(settings, engine):
        # A full poll while running again: nothing is answered twice.
        while not any(c.method == "getUpdates" for c in telegram.calls[calls_before:]):
            await asyncio.sleep(0.02)
    answered = [sent["reply_parameters"]["message_id"] for sent in telegram.sent]
    assert answered == [first["message_id"], *(m["message_id"] for m in waiting)]
    assert not telegram.rejected()


async def test_allowed_chat_ids_keeps_other_chats_out(
    telegram: FakeTelegram, settings: Settings, engine: Engine
) -> None:
    limited = settings.model_copy(update={"allowed_chat_ids": str(EN_USER["id"])})
    async with running(limited, engine):
        # One refusal line (tests/bot/test_abuse.py), then silence.
        refusal = await ask(telegram, FR, FR_USER, "/start")
        assert refusal["visible"].startswith("Désolé, ce bot ne répond que")
        await assert_silent(telegram, ("message", text_message(telegram, FR, FR_USER, "/start")))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def test_webhook_mode_sets_a_secret_token_and_refuses_requests_without_it(
    telegram: FakeTelegram, settings: Settings, engine: Engine
) -> None:
    port = _free_port()
    hooked = settings.model_copy(
        update={
            "webhook_url": f"http://127.0.0.1:{port}/telegram-hook",
            "webhook_listen": "127.0.0.1",
            "webhook_port": port,
        }
    )
    application = build_application(hooked, engine)
    options = webhook_options(hooked)
    await application.initialize()
    stop = asyncio.Event()
    serving = asyncio.create_task(serve_webhook(application, hooked, stop))
    try:
        set_webhook = await telegram.wait_call("setWebhook")
        assert set_webhook.params["url"] == hooked.webhook_url
        assert set_webhook.params["secret_token"] == options["secret_token"]
        allowed = set_webhook.params["allowed_updates"]
        assert allowed == ["message", "callback_query", "inline_query"]
        assert not set_webhook.params.get("drop_pending_updates")
        update = {"update_id": 1, "message": text_message(telegram, EN, EN_USER, "/who blague")}
        telegram.chats[EN["id"]] = EN
        async with httpx.AsyncClient() as client:
            refused = await client.post(
                hooked.webhook_url or "", json=update,
                headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"},
            )
            assert refused.status_code == 403
            garbage = await client.post(
                hooked.webhook_url or "", content=b"{not json",
                headers={"X-Telegram-Bot-Api-Secret-Token": options["secret_token"]},
            )
            assert garbage.status_code == 400
            accepted = await client.post(
                hooked.webhook_url or "", json=update,
                headers={"X-Telegram-Bot-Api-Secret-Token": options["secret_token"]},
            )
            assert accepted.status_code == 200
        sent = await telegram.wait_sent(1)
        assert "Tokayev" in sent[0]["visible"]
    finally:
        stop.set()
        await serving
        await application.shutdown()
    assert not application.running


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
async def test_article_bot_run_answers_then_exits_cleanly_without_logging_the_token(
    telegram: FakeTelegram, tmp_path: Path, stop: signal.Signals
) -> None:
    question = text_message(telegram, EN, EN_USER, "/who blague")
    telegram.push("message", question)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BOT_API_URL": telegram.base_url,
        "LOG_LEVEL": "DEBUG",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run",
        cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    try:
        sent = await telegram.wait_sent(1, timeout=30)
        assert "Tokayev" in sent[0]["visible"]
        process.send_signal(stop)
        stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=15)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    logs = stdout.decode() + stderr.decode()
    assert process.returncode == 0, logs
    assert "Traceback" not in logs
    assert TOKEN not in logs and TOKEN.split(":")[1] not in logs
    assert "getUpdates" in logs  # DEBUG logging was on, and still no token


async def test_a_flooding_chat_is_told_once_then_ignored_while_others_are_served(
    telegram: FakeTelegram, settings: Settings, engine: Engine
) -> None:
    limited = settings.model_copy(update={"chat_rate_limit": 2})
    async with running(limited, engine):
        for _ in range(2):
            await ask(telegram, FR, FR_USER, "Qui a parlé du Kazakhstan ?")
        warned = await ask(telegram, FR, FR_USER, "Qui a parlé du Kazakhstan ?")
        assert warned["visible"].startswith("Beaucoup de questions")
        flood = text_message(telegram, FR, FR_USER, "Qui a parlé du Kazakhstan ?")
        await assert_silent(telegram, ("message", flood))
