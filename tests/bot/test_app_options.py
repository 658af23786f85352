"""What run_bot derives from the settings: file URL, webhook path and secret."""

from __future__ import annotations

import pytest

from bot.app import file_url, webhook_options, webhook_secret
from bot.settings import Settings
from tests.bot.fake_telegram import TOKEN


def make(**values: object) -> Settings:
    return Settings(_env_file=None, telegram_bot_token=TOKEN, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({}, "https://api.telegram.org/file/bot"),
        ({"telegram_bot_api_url": "http://127.0.0.1:8081/bot"}, "http://127.0.0.1:8081/file/bot"),
        (
            {"telegram_bot_api_file_url": "http://files.example/file/bot"},
            "http://files.example/file/bot",
        ),
    ],
)
def test_file_url(values: dict[str, object], expected: str) -> None:
    assert file_url(make(**values)) == expected


def test_webhook_options_keep_pending_updates_with_a_stable_secret() -> None:
    settings = make(webhook_url="https://bot.example/telegram/hook", webhook_port=8443)
    options = webhook_options(settings)
    assert options["url"] == "https://bot.example/telegram/hook"
    assert options["drop_pending_updates"] is False
    assert options["allowed_updates"] == ["message", "callback_query", "inline_query"]
    # Derived from the token: the same on every instance, never the token itself.
    assert options["secret_token"] == webhook_secret(make()) != TOKEN
    assert TOKEN.split(":")[1] not in options["secret_token"]


def test_an_explicit_webhook_secret_wins() -> None:
    assert webhook_secret(make(webhook_secret_token="s3cret_value")) == "s3cret_value"
