"""The settings of "any article, in any chat": defaults, bad values in one sentence, secrets."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError, load_settings


def test_defaults() -> None:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.data_dir == Path("data") and settings.database is None
    assert settings.fetch_allow_hosts is None
    assert (settings.fetch_timeout_seconds, settings.fetch_max_bytes,
            settings.fetch_max_redirects) == (10.0, 5_000_000, 5)
    assert settings.document_max_bytes == 20_000_000
    assert settings.engine_cache_mb == 200


@pytest.mark.parametrize(
    ("name", "value", "fragment"),
    [
        ("DATABASE_URL", "mysql://u:hunter2@db/x", "DATABASE_URL must be a sqlite://"),
        ("FETCH_ALLOW_HOSTS", "127.0.0.1:http", "FETCH_ALLOW_HOSTS"),
        ("FETCH_MAX_BYTES", "10", "FETCH_MAX_BYTES"),
        ("DOCUMENT_MAX_BYTES", "30000000", "DOCUMENT_MAX_BYTES"),
        ("INTAKE_WORKERS", "0", "INTAKE_WORKERS"),
        ("ENGINE_CACHE_MB", "lots", "ENGINE_CACHE_MB"),
    ],
)
def test_bad_values_are_one_sentence(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, fragment: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as raised:
        load_settings(env_file=None)
    message = str(raised.value)
    assert fragment in message and message.endswith(".") and "\n" not in message
    assert "hunter2" not in message


def test_database_password_never_in_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://bot:hunter2@db.internal/articles")
    settings = load_settings(env_file=None)
    assert settings.database == "postgresql+psycopg://bot:hunter2@db.internal/articles"
    assert "hunter2" not in repr(settings) and "hunter2" not in str(settings)
