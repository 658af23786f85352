"""Settings: read from the environment and .env, one sentence per bad value, a secret token."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError, load_settings

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)


def test_defaults_without_anything() -> None:
    settings = load_settings(env_file=None)
    assert settings.token is None
    assert settings.telegram_bot_api_url == "https://api.telegram.org/bot"
    assert settings.article_path is None
    assert settings.log_level == "INFO"


def test_environment_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("TELEGRAM_BOT_API_URL", "http://127.0.0.1:8081/bot")
    monkeypatch.setenv("ARTICLE_PATH", "/tmp/a.txt")
    monkeypatch.setenv("LOG_LEVEL", "debug")
    monkeypatch.setenv("ALLOWED_CHAT_IDS", "12, -100987")
    settings = load_settings(env_file=None)
    assert settings.token == TOKEN
    assert settings.telegram_bot_api_url == "http://127.0.0.1:8081/bot"
    assert settings.article_path == Path("/tmp/a.txt")
    assert settings.log_level == "DEBUG"
    assert settings.allowed_chats == frozenset({12, -100987})


def test_dotenv_file_is_read_and_empty_values_mean_default(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\nARTICLE_PATH=\nWEBHOOK_URL=\nMAX_RESULTS=5\n")
    settings = load_settings(env_file=env)
    assert settings.token == TOKEN
    assert settings.article_path is None
    assert settings.webhook_url is None
    assert settings.max_results == 5


def test_env_example_lists_every_setting() -> None:
    example = (Path(__file__).parents[2] / ".env.example").read_text("utf-8")
    for name in Settings.model_fields:
        assert f"\n{name.upper()}=" in example, name


def test_token_is_secret_in_repr_and_str(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    settings = load_settings(env_file=None)
    for text in (repr(settings), str(settings), str(settings.model_dump())):
        assert TOKEN not in text
        assert TOKEN.split(":")[1] not in text


@pytest.mark.parametrize(
    ("name", "value", "fragment"),
    [
        ("TELEGRAM_BOT_TOKEN", "not-a-token", "TELEGRAM_BOT_TOKEN is not a bot token"),
        ("TELEGRAM_BOT_TOKEN", "123:short", "TELEGRAM_BOT_TOKEN is not a bot token"),
        ("TELEGRAM_BOT_API_URL", "ftp://example", "TELEGRAM_BOT_API_URL must be an http"),
        ("LOG_LEVEL", "LOUD", "LOG_LEVEL is invalid"),
        ("MAX_RESULTS", "many", "MAX_RESULTS is invalid"),
        ("MAX_RESULTS", "0", "MAX_RESULTS is invalid"),
        ("WEBHOOK_PORT", "70000", "WEBHOOK_PORT is invalid"),
        ("ALLOWED_CHAT_IDS", "12;13", "ALLOWED_CHAT_IDS must be chat ids"),
    ],
)
def test_bad_value_is_one_sentence_naming_the_setting(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, fragment: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as error:
        load_settings(env_file=None)
    message = str(error.value)
    assert message.startswith(f"The setting {fragment}")
    assert "\n" not in message
    assert message.endswith(".")


def test_malformed_token_is_not_echoed(monkeypatch: pytest.MonkeyPatch) -> None:
    almost = TOKEN + "!"
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", almost)
    with pytest.raises(SettingsError) as error:
        load_settings(env_file=None)
    assert almost not in str(error.value)
    assert TOKEN.split(":")[1] not in str(error.value)
