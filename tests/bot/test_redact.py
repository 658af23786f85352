"""The token never appears in a log line."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from bot.redact import PLACEHOLDER, protect_logs
from tests.bot.fake_telegram import TOKEN


@pytest.fixture
def captured() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    stream = io.StringIO()
    root = logging.getLogger("redact-test")
    root.setLevel(logging.DEBUG)
    handler = logging.StreamHandler(stream)
    root.addHandler(handler)
    levels = {name: logging.getLogger(name).level for name in ("httpx", "httpcore")}
    protect_logs(TOKEN, root=root)
    yield root, stream
    root.removeHandler(handler)
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def test_token_in_message_arguments_and_traceback_is_replaced(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    root, stream = captured
    child = root.getChild("httpx-like")
    child.info("HTTP Request: POST https://api.telegram.org/bot%s/getMe", TOKEN)
    child.warning(f"literal https://api.telegram.org/bot{TOKEN}/sendMessage")
    try:
        raise ConnectionError(f"cannot reach https://api.telegram.org/bot{TOKEN}/getUpdates")
    except ConnectionError:
        child.exception("polling failed")
    output = stream.getvalue()
    assert TOKEN not in output
    assert TOKEN.split(":")[1] not in output
    assert output.count(PLACEHOLDER) == 3
    assert "Traceback" in output and "ConnectionError" in output


def test_httpx_and_httpcore_are_quietened(captured: tuple[logging.Logger, io.StringIO]) -> None:
    assert logging.getLogger("httpx").level == logging.WARNING
    assert logging.getLogger("httpcore").level == logging.WARNING
