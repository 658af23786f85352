"""`make run` keeps both promises of the contract: the Telegram bot with a token, the console chat
(saying so in one line) without one. Run in a copy of the Makefile beside the real .venv, so that
no `.env` of the developer's is read."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import pytest

from tests.bot.fake_telegram import EN_USER, TOKEN, FakeTelegram, private_chat, text_message

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """The Makefile, the files its targets depend on and the installed .venv; no .env."""
    for name in ("Makefile", "pyproject.toml", "constraints.txt"):
        (tmp_path / name).symlink_to(REPO / name)
    (tmp_path / ".venv").symlink_to(REPO / ".venv")
    return tmp_path


def environment(**settings: str) -> dict[str, str]:
    kept = {k: v for k, v in os.environ.items()
            if not k.startswith(("TELEGRAM_", "WEBHOOK_", "ARTICLE_", "LOG_"))}
    return {**kept, "MAKEFLAGS": "", **settings}


async def test_make_run_without_a_token_starts_the_console_chat(checkout: Path) -> None:
    process = await asyncio.create_subprocess_exec(
        "make", "-s", "run", cwd=checkout, env=environment(),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(
        process.communicate("Qui a parlé d’une blague ?\n".encode()), 60
    )
    assert process.returncode == 0, err.decode()
    assert "Discussion en console" in out.decode() and "Tokayev" in out.decode()
    notice = err.decode().strip().splitlines()
    assert len(notice) == 1 and "TELEGRAM_BOT_TOKEN" in notice[0]


async def test_make_run_with_a_token_starts_the_telegram_bot(
    checkout: Path, telegram: FakeTelegram
) -> None:
    telegram.push("message", text_message(telegram, private_chat(EN_USER), EN_USER, "/who blague"))
    process = await asyncio.create_subprocess_exec(
        "make", "-s", "run", cwd=checkout, start_new_session=True,
        env=environment(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BOT_API_URL=telegram.base_url),
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        sent = await telegram.wait_sent(1, timeout=60)
        assert "Tokayev" in sent[0]["visible"]
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # make and the bot it started
        out, err = await asyncio.wait_for(process.communicate(), 30)
    assert "Polling" in err.decode(), err.decode()
    assert "Discussion en console" not in out.decode()
