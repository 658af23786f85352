"""The token never leaks: not in any log line at any level (faults included), not in an exception
text, not in a repr; a malformed token is refused at start-up in one sentence.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

from bot.app import build_application
from bot.settings import Settings, SettingsError, load_settings
from index import Engine
from tests.bot import figures
from tests.bot.fake_telegram import (
    EN_USER,
    FR_USER,
    SUPERGROUP,
    TOKEN,
    FakeTelegram,
    private_chat,
    text_message,
)
from tests.bot.processes import ROOT, start_bot, stop_all

SECRET = TOKEN.split(":", 1)[1]
FORMS = (TOKEN, SECRET, quote(TOKEN, safe=""))  # as is, its secret part, URL-encoded


def _occurrences(text: str) -> int:
    return sum(text.count(form) for form in FORMS)


@pytest.mark.slow
async def test_no_token_in_debug_logs_through_faults_and_restarts(
    telegram: FakeTelegram, tmp_path: Path
) -> None:
    # Start-up meets a reset, a 502 and invalid JSON; the run meets every other kind of fault.
    for kind in ("reset", "502", "bad_json"):
        telegram.inject("getMe", kind)
    for kind in ("429", "500", "reset", "bad_json"):
        telegram.inject("getUpdates", kind)
    for kind in ("429", "502", "reset"):
        telegram.inject("sendMessage", kind)
    asked = [
        text_message(telegram, private_chat(EN_USER), EN_USER, "/who blague"),
        text_message(telegram, private_chat(FR_USER), FR_USER, "Qui a parlé du Kazakhstan ?"),
        text_message(telegram, SUPERGROUP, FR_USER, "@ArticleTestBot /quote Kazakhstan"),
    ]
    for message in asked:
        telegram.push("message", message)
    bot = await start_bot(telegram.base_url, tmp_path, level="DEBUG")
    try:
        await telegram.wait_sent(len(asked), timeout=40)
        assert await bot.stop() == 0
    finally:
        await stop_all(bot)
    logs = bot.logs()
    assert all(telegram.answered().get(m["message_id"]) == 1 for m in asked)
    assert "DEBUG" in logs and "getUpdates" in logs  # the most talkative level was on
    assert "<token>" not in logs or "Traceback" in logs  # redaction had nothing to hide
    assert _occurrences(logs) == 0
    served = len(telegram.faults_served)
    assert served == 10
    figures.record(
        "secrets::debug-logs", faults_injected=served, token_occurrences=_occurrences(logs),
        log_lines_checked=len(logs.splitlines()), questions_asked=len(asked), restarts=0,
    )


@pytest.mark.parametrize(
    "token",
    [
        "not-a-token",
        "123456789:short",
        "123456789:AAHfake-token/for_tests_only_0123456789",  # a slash would change the URL
        "123456789:AAHfake token_for_tests_only_0123456789",
        "bot123456789:AAHfake-token_for_tests_only_0123456789",
        "123456789:AAHfake-token_for_tests_only_0123456789?x",
    ],
)
def test_a_malformed_token_is_refused_at_start_up_in_one_sentence(
    tmp_path: Path, token: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"], cwd=tmp_path, capture_output=True, text=True,
        timeout=60,
        env={"PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin",
             "TELEGRAM_BOT_TOKEN": token, "TELEGRAM_BOT_API_URL": "http://127.0.0.1:9/bot"},
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1, done.stderr
    assert "TELEGRAM_BOT_TOKEN" in done.stderr and done.stderr.rstrip().endswith(".")
    secret = token.split(":", 1)[-1]
    assert secret not in done.stderr and secret not in done.stdout


async def test_a_token_the_bot_api_refuses_ends_article_bot_run_in_one_sentence(
    telegram: FakeTelegram, tmp_path: Path
) -> None:
    telegram.token = "987654321:" + "B" * 35  # the server knows another bot: 401 Unauthorized
    bot = await start_bot(telegram.base_url, tmp_path, level="DEBUG")
    try:
        status = await asyncio.wait_for(bot.process.wait(), 30)
    finally:
        await stop_all(bot)
    logs = bot.logs()
    assert status == 2
    last = logs.splitlines()[-1]
    assert last.startswith("article-bot: The setting TELEGRAM_BOT_TOKEN is refused")
    assert "Traceback" not in logs and _occurrences(logs) == 0


def test_the_token_is_in_no_repr_str_or_error_of_the_settings(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(_env_file=None, telegram_bot_token=TOKEN)  # type: ignore[call-arg]
    texts = [repr(settings), str(settings), repr(settings.telegram_bot_token),
             str(settings.model_dump()), settings.model_dump_json()]
    application = build_application(settings, engine)
    texts += [repr(application), repr(application.bot), str(application.bot)]
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("MAX_RESULTS", "99")  # another setting is wrong: its error names it only
    with pytest.raises(SettingsError) as error:
        load_settings(env_file=None)
    texts.append(str(error.value))
    assert all(_occurrences(text) == 0 for text in texts), [t for t in texts if _occurrences(t)]
    figures.record("secrets::reprs", token_occurrences=sum(map(_occurrences, texts)))
