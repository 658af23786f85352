"""The fake server refuses keyboards and inline results that Telegram refuses."""

from __future__ import annotations

from typing import Any

import pytest

from tests.bot.fake_telegram import BadRequest, check_inline_results, check_markup


def article(identifier: str, text: str = "<b>x</b>", title: str = "t") -> dict[str, Any]:
    return {
        "type": "article",
        "id": identifier,
        "title": title,
        "input_message_content": {"message_text": text, "parse_mode": "HTML"},
    }


def keyboard(*datas: str) -> dict[str, Any]:
    return {"inline_keyboard": [[{"text": "b", "callback_data": data} for data in datas]]}


def test_accepted() -> None:
    check_markup(keyboard("x" * 64, "é" * 32))
    check_inline_results([article("a" * 64), article("b")])
    check_inline_results([article(str(n)) for n in range(50)])


@pytest.mark.parametrize(
    "markup",
    [
        keyboard("x" * 65),
        keyboard("é" * 33),  # 66 bytes in UTF-8
        keyboard(""),
        {"inline_keyboard": [[{"text": "", "callback_data": "x"}]]},
        {"inline_keyboard": [[{"text": "no action"}]]},
        {"keyboard": []},
    ],
    ids=["65 bytes", "66 utf-8 bytes", "empty data", "no label", "no action", "not inline"],
)
def test_refused_keyboards(markup: dict[str, Any]) -> None:
    with pytest.raises(BadRequest):
        check_markup(markup)


@pytest.mark.parametrize(
    "results",
    [
        [article(str(n)) for n in range(51)],
        [article("")],
        [article("x" * 65)],
        [article("same"), article("same")],
        [article("a", title=" ")],
        [article("a", text="a < b")],
        [article("a", text="")],
    ],
    ids=["51 results", "empty id", "long id", "duplicate id", "no title", "bad html", "no text"],
)
def test_refused_inline_results(results: list[dict[str, Any]]) -> None:
    with pytest.raises(BadRequest):
        check_inline_results(results)
