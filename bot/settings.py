"""The bot's settings: environment variables or `.env`, read once with pydantic-settings."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# BotFather tokens look like "123456789:AA…" (a numeric bot id, a colon, 35 url-safe characters).
_TOKEN = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{30,64}$")

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
LogFormat = Literal["text", "json"]
TELEGRAM_API_URL = "https://api.telegram.org/bot"  # the default: Telegram's own Bot API


class SettingsError(Exception):
    """A bad setting; the message is one sentence naming it."""


class Settings(BaseSettings):
    """Every setting of the bot; `.env.example` documents each one."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=False,
        hide_input_in_errors=True,
        env_ignore_empty=True,
    )

    telegram_bot_token: SecretStr | None = None
    telegram_bot_api_url: str = TELEGRAM_API_URL
    telegram_bot_api_file_url: str | None = None
    article_path: Path | None = None
    log_level: LogLevel = "INFO"
    max_results: int = Field(default=3, ge=1, le=10)
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret_token: SecretStr | None = None
    allowed_chat_ids: str | None = None
    overall_rate_limit: float = Field(default=30.0, ge=0, le=10_000)
    chat_rate_limit: int = Field(default=20, ge=1, le=1000)
    chat_rate_window_seconds: float = Field(default=60.0, gt=0, le=3600)
    log_format: LogFormat = "text"
    admin_chat_id: int | None = None
    admin_report_interval_seconds: float = Field(default=300.0, gt=0, le=86_400)
    startup_retries: int = Field(default=3, ge=0, le=100)
    # Any article, in any chat: where articles are kept, how links are fetched, how big an
    # article may be and how long taking one in may take (README "Sending an article").
    data_dir: Path = Path("data")
    database_url: SecretStr | None = None
    fetch_allow_hosts: str | None = None
    fetch_timeout_seconds: float = Field(default=10.0, gt=0, le=120)
    fetch_max_bytes: int = Field(default=5_000_000, ge=10_000, le=50_000_000)
    fetch_max_redirects: int = Field(default=5, ge=0, le=20)
    document_max_bytes: int = Field(default=20_000_000, ge=10_000, le=20_000_000)
    intake_timeout_seconds: float = Field(default=30.0, gt=0, le=600)
    intake_max_paragraphs: int = Field(default=2000, ge=10, le=20_000)
    intake_workers: int = Field(default=1, ge=1, le=8)
    engine_cache_mb: int = Field(default=200, ge=1, le=100_000)
    paste_min_chars: int = Field(default=400, ge=50, le=4096)

    @field_validator("telegram_bot_token", mode="before")
    @classmethod
    def _token_shape(cls, value: object) -> object:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        raw = value.get_secret_value() if isinstance(value, SecretStr) else str(value)
        if not _TOKEN.match(raw.strip()):
            # Never echo the value: it is (or is close to) a secret.
            raise ValueError("is not a bot token of the form 123456789:ABC… as BotFather gives it")
        return raw.strip()

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("telegram_bot_api_url", "webhook_url", "telegram_bot_api_file_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None if value == "" else value
        if not re.match(r"^https?://[^\s/]+", value):
            raise ValueError("must be an http:// or https:// URL")
        return value

    @field_validator("webhook_url")
    @classmethod
    def _webhook_over_https(cls, value: str | None, info: ValidationInfo) -> str | None:
        api = str(info.data.get("telegram_bot_api_url") or TELEGRAM_API_URL)
        if value and value.startswith("http://") and api.rstrip("/") == TELEGRAM_API_URL:
            # Telegram calls webhooks over HTTPS only; a self-hosted Bot API server may use http.
            raise ValueError(
                "must be an https:// URL: Telegram calls webhooks only over HTTPS "
                "(http:// works only with a self-hosted Bot API server in TELEGRAM_BOT_API_URL)"
            )
        return value

    @field_validator("log_format", mode="before")
    @classmethod
    def _lower_format(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("allowed_chat_ids")
    @classmethod
    def _chat_ids(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        for part in value.split(","):
            if not re.fullmatch(r"\s*-?\d+\s*", part):
                raise ValueError("must be chat ids separated by commas, such as 12345,-100987")
        return value

    @field_validator("database_url", mode="before")
    @classmethod
    def _database_url(cls, value: object) -> object:
        raw = value.get_secret_value() if isinstance(value, SecretStr) else value
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        if not isinstance(raw, str) or not re.match(r"^(?:sqlite|postgres(?:ql)?)(?:\+\w+)?://",
                                                     raw.strip()):
            # Never echo the value: it may hold a password.
            raise ValueError("must be a sqlite:// or postgresql+psycopg:// URL")
        return raw.strip()

    @field_validator("fetch_allow_hosts")
    @classmethod
    def _allow_hosts(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        from bot.fetch import parse_allow_hosts

        parse_allow_hosts(value)  # ValueError names the bad entry
        return value

    @property
    def database(self) -> str | None:
        """DATABASE_URL in clear, for the store only."""
        return self.database_url.get_secret_value() if self.database_url else None

    @property
    def token(self) -> str | None:
        """The token in clear, for the Telegram client only."""
        return self.telegram_bot_token.get_secret_value() if self.telegram_bot_token else None

    @property
    def allowed_chats(self) -> frozenset[int] | None:
        """The chats the bot serves, or None for all."""
        if self.allowed_chat_ids is None:
            return None
        return frozenset(int(part) for part in self.allowed_chat_ids.split(","))


def load_settings(env_file: str | Path | None = ".env") -> Settings:
    """Read the settings; a bad value raises :class:`SettingsError` naming the setting."""
    try:
        return Settings(_env_file=env_file)  # type: ignore[call-arg]
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "a setting"
        message = first["msg"].removeprefix("Value error, ")
        raise SettingsError(f"The setting {name} {_phrase(message)}.") from None


def _phrase(message: str) -> str:
    message = message.rstrip(".")
    if message.startswith(("is ", "must ")):
        return message
    return "is invalid: " + message[0].lower() + message[1:]
