"""The Telegram Application: built from settings and an Engine (the Telegram work fills it in)."""

from __future__ import annotations

from bot.settings import Settings
from index import Engine


def run_bot(settings: Settings, engine: Engine) -> None:
    """Run the bot until stopped."""
    raise NotImplementedError("the Telegram front end is being written")
