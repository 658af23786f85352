"""Error reports to ADMIN_CHAT_ID: one per burst, the token never in them."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.admin import AdminReports, report_html
from bot.settings import Settings
from index import Answer, Engine, Mode
from tests.bot.conftest import running
from tests.bot.fake_telegram import (
    EN_USER,
    FR_USER,
    TOKEN,
    FakeTelegram,
    check_text,
    private_chat,
    text_message,
)

ADMIN_ID = 4242


class BrokenEngine(Engine):
    """An engine with a bug: every answer raises."""

    def answer(self, mode: Mode, question: str, limit: int = 3) -> Answer:
        raise RuntimeError(f"a bug in the engine (the bot's token is {TOKEN})")


def test_a_burst_makes_one_report_and_the_next_one_counts_the_rest() -> None:
    now = [100.0]
    reports = AdminReports(chat_id=1, interval=60, clock=lambda: now[0])
    assert reports.take() == 0  # the first error: reported
    assert [reports.take() for _ in range(4)] == [None] * 4  # the burst: held back
    now[0] += 59
    assert reports.take() is None
    now[0] += 1.5
    assert reports.take() == 5  # reported, saying how many were held back


def test_a_report_is_valid_html_under_4096_and_hides_the_token() -> None:
    try:
        raise RuntimeError(f"<b>&{TOKEN}" + "x" * 10_000)
    except RuntimeError as error:
        text = report_html(error, None, held_back=3, token=TOKEN)
    visible = check_text(text, "HTML")
    assert TOKEN not in text and "<token>" in visible
    assert "3 more error(s)" in visible and "RuntimeError" in visible


async def test_errors_reach_admin_chat_id_once_per_burst(
    telegram: FakeTelegram, settings: Settings, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="bot")
    admin = settings.model_copy(
        update={"admin_chat_id": ADMIN_ID, "admin_report_interval_seconds": 1.0}
    )

    def to_admin() -> list[dict[str, object]]:
        return [sent for sent in telegram.sent if sent["chat_id"] == ADMIN_ID]

    def apologies() -> int:
        return len([sent for sent in telegram.sent if sent["chat_id"] != ADMIN_ID])

    questions = ["Qui a parlé du Kazakhstan ?", "Et de la Russie ?", "Qui a plaisanté ?"]
    async with running(admin, BrokenEngine(engine.article)):
        for user in (FR_USER, EN_USER, FR_USER):
            for question in questions:
                telegram.push("message", text_message(telegram, private_chat(user), user, question))
        await telegram.wait_for(lambda: apologies() == 9, "nine apologies")
        assert len(to_admin()) == 1  # a burst of nine errors, one report
        await asyncio.sleep(1.1)
        telegram.push("message", text_message(telegram, private_chat(EN_USER), EN_USER, "Why?"))
        await telegram.wait_for(lambda: len(to_admin()) == 2, "the second report")
    first, second = (str(sent["visible"]) for sent in to_admin())
    assert "RuntimeError: a bug in the engine" in first
    assert "message in a private chat" in first and "more error" not in first
    assert "8 more error(s) since the last report were not reported" in second
    for report in (first, second):
        assert TOKEN not in report and TOKEN.split(":")[1] not in report
        assert not any(question in report for question in questions)  # never what was asked
    assert len([r for r in caplog.records if r.name == "bot.handlers"]) == 10


async def test_an_admin_chat_that_refuses_is_a_warning_and_users_still_get_the_apology(
    telegram: FakeTelegram, settings: Settings, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    admin = settings.model_copy(update={"admin_chat_id": ADMIN_ID})
    telegram.inject("sendMessage", "403", description="bot can't initiate conversation with a user")
    async with running(admin, BrokenEngine(engine.article)):
        telegram.push("message", text_message(telegram, private_chat(FR_USER), FR_USER, "Qui ?"))
        sent = await telegram.wait_sent(1)
    assert sent[0]["chat_id"] == FR_USER["id"] and sent[0]["visible"].startswith("Désolé")
    assert any("Could not send the error report" in r.getMessage() for r in caplog.records)
    telegram.calls = [call for call in telegram.calls if call.status != 403]
