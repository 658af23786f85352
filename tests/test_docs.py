"""Docs that hold: the contract names every command and setting, citations point at files that
exist, and docs/TELEGRAM.md shows the words the bot really sends."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.cli import COMMANDS
from bot.i18n import STRINGS
from bot.settings import Settings

REPO = Path(__file__).resolve().parents[1]
CONTRACT = (REPO / "docs" / "CONTRACT.md").read_text(encoding="utf-8")
README = (REPO / "README.md").read_text(encoding="utf-8")
TELEGRAM = (REPO / "docs" / "TELEGRAM.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_every_setting_is_in_the_contract_and_the_readme(name: str) -> None:
    assert f"`{name.upper()}`" in CONTRACT
    assert f"`{name.upper()}`" in README


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_contract(command: str) -> None:
    assert f"`article-bot {command}" in CONTRACT


def test_every_citation_of_the_contract_points_at_docs_contract() -> None:
    cited = []
    for path in [*REPO.glob("*.md"), *REPO.glob("docs/*.md"), *REPO.glob("Makefile"),
                 *(p for folder in ("bot", "index", "tests", "bench") for p in
                   (REPO / folder).rglob("*.py"))]:
        if path == Path(__file__).resolve():
            continue  # this test names the file itself
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"[\w./-]*CONTRACT\.md", text):
            target = match.group(0)
            base = path.parent if path.parent.name == "docs" else REPO
            cited.append((path.relative_to(REPO), target, (base / target).is_file()))
    assert cited
    assert [entry for entry in cited if not entry[2]] == []


BUTTONS = ("button_next", "button_context", "button_back", "button_previous")


@pytest.mark.parametrize("language", sorted(STRINGS))
def test_telegram_md_shows_the_button_texts_the_bot_sends(language: str) -> None:
    strings = STRINGS[language]
    for key in BUTTONS:
        assert f"`{strings[key]}`" in TELEGRAM, (language, key)
    more = strings["button_more"].replace("{speaker}", "<speaker>")
    assert f"`{more}`" in TELEGRAM
    inline_none = strings["inline_none"]
    assert f"“{inline_none}”" in TELEGRAM.replace("\n", " ")
