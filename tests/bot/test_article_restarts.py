"""Restarts: a real `python -m bot run` killed with SIGKILL after twenty chats sent their own
article; started again, every chat answers from its own article. Against SQLite in DATA_DIR and
against a real PostgreSQL server."""

from __future__ import annotations

import asyncio
import signal
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.bot.fake_telegram import FakeTelegram, private_chat, text_message
from tests.bot.processes import start_bot, stop_all
from tests.postgres import MISSING, PostgresServer

pytestmark = pytest.mark.slow

CHATS = 20
# Invented people and places: each chat's article quotes its own person about its own place.
NAMES = [
    "Ada Quennell", "Bruno Okwu", "Celia Marchbanks", "Dario Festini", "Elin Haugstad",
    "Farid Belmokh", "Greta Lindholm", "Hugo Tarrant", "Ines Valcourt", "Jonas Pelletreau",
    "Kofi Asante", "Lena Drobny", "Marek Zielny", "Nora Castellane", "Omar Haddou",
    "Paula Ferreiro", "Quentin Aubriot", "Rhea Kallis", "Sven Moberg", "Tessa Orlik",
]
PLACES = [
    "Ashby", "Brantford", "Carrow", "Dunmore", "Eastleigh", "Fenwick", "Glenrock", "Holloway",
    "Ingleby", "Jarrow", "Kelso", "Langley", "Marston", "Newbury", "Oakham", "Penrith",
    "Quarrington", "Redruth", "Selby", "Thirsk",
]


def article(n: int) -> str:
    name, place = NAMES[n], PLACES[n]
    return (
        f"{place} library to reopen after the floods\n\n"
        f"The library in {place} will reopen in June, eight months after floodwater ruined its "
        f"ground floor and most of its children's books, the district council said on Monday.\n\n"
        f"“We lost nearly eleven thousand books, but not our readers,” said {name}, who has run "
        f"the {place} library for twelve years. “They have been asking every week.”\n\n"
        f"The council will spend 380,000 pounds on repairs, and volunteers have collected more "
        f"than four thousand donated books, {name.split()[-1]} added."
    )


async def _wait(done: Any, what: str, timeout: float = 60) -> None:
    for _ in range(int(timeout / 0.05)):
        if done():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _replies(telegram: FakeTelegram, message_ids: list[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for sent in telegram.sent:
        replied = (sent.get("reply_parameters") or {}).get("message_id")
        if replied in message_ids:
            found[replied] = sent["visible"]
    return found


async def _twenty_chats_then_sigkill_then_ask(
    telegram: FakeTelegram, tmp_path: Path, **settings: str
) -> None:
    users = [
        {"id": 7000 + n, "is_bot": False, "first_name": f"U{n}", "language_code": "en"}
        for n in range(CHATS)
    ]
    first = await start_bot(telegram.base_url, tmp_path, **settings)
    second = None
    try:
        sent_ids = []
        for n, user in enumerate(users):
            message = text_message(telegram, private_chat(user), user, article(n))
            telegram.push("message", message)
            sent_ids.append(message["message_id"])
        await _wait(lambda: len(_replies(telegram, sent_ids)) == CHATS, "twenty cards", 120)
        cards = _replies(telegram, sent_ids)
        for n, message_id in enumerate(sent_ids):
            assert PLACES[n] in cards[message_id], cards[message_id]
            assert NAMES[n].split()[-1] in cards[message_id], cards[message_id]
        assert await first.stop(signal.SIGKILL) == -signal.SIGKILL
        second = await start_bot(telegram.base_url, tmp_path, **settings)
        asked = []
        for user in users:
            message = text_message(telegram, private_chat(user), user,
                                   "/who eleven thousand books")
            telegram.push("message", message)
            asked.append(message["message_id"])
        await _wait(lambda: len(_replies(telegram, asked)) == CHATS, "twenty answers", 120)
        answers = _replies(telegram, asked)
        for n, message_id in enumerate(asked):
            reply = answers[message_id]
            surname = NAMES[n].split()[-1]
            assert surname in reply, (n, reply)
            assert not any(o.split()[-1] in reply for o in NAMES if o != NAMES[n]), reply
        await second.stop(signal.SIGTERM)
    finally:
        await stop_all(first, *(b for b in (second,) if b is not None))
    # the bot's worker processes (and the forkserver they came from) end with it, SIGKILL or not
    await _wait(lambda: not _running(tmp_path), "the worker processes to end", 15)


def _running(folder: Path) -> list[str]:
    """Live processes started from ``folder`` (their command line names it)."""
    found = subprocess.run(["ps", "-eo", "stat=,args="], capture_output=True, text=True)
    return [line for line in found.stdout.splitlines()
            if str(folder) in line and not line.lstrip().startswith("Z")]


async def test_twenty_chats_survive_sigkill_sqlite(
    telegram: FakeTelegram, tmp_path: Path
) -> None:
    await _twenty_chats_then_sigkill_then_ask(telegram, tmp_path)
    assert (tmp_path / "data" / "article-bot.sqlite3").exists()


async def test_twenty_chats_survive_sigkill_postgresql(
    telegram: FakeTelegram, tmp_path: Path, postgres: PostgresServer | None
) -> None:
    if postgres is None:
        pytest.skip(MISSING)
    await _twenty_chats_then_sigkill_then_ask(
        telegram, tmp_path, database_url=postgres.new_database()
    )
    assert not (tmp_path / "data").exists()
