"""The optional entity helper (index/quotes/entities.py): off by default, never needed."""

from __future__ import annotations

import pytest

from index.article import Article, Paragraph
from index.quotes import entities as module
from index.quotes.entities import Entities, entities, model_name
from index.quotes.grammar import grammar
from index.quotes.people import Cast


@pytest.mark.parametrize(("setting", "language", "expected"), [
    ("", "fr", None),
    ("off", "fr", None),
    ("fr_core_news_sm", "en", None),
    ("fr_core_news_sm", "fr", "fr_core_news_sm"),
])
def test_the_setting_chooses_the_model(monkeypatch: pytest.MonkeyPatch, setting: str,
                                       language: str, expected: str | None) -> None:
    monkeypatch.setenv(module.SETTING, setting)
    assert model_name(language) == expected


def test_without_the_setting_nothing_is_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(module.SETTING, raising=False)
    assert entities(["Jeanne Roux a parlé."], "fr") is None


def test_a_model_that_is_not_installed_leaves_the_rules_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(module.SETTING, "fr_no_such_model_installed")
    assert entities(["Jeanne Roux a parlé."], "fr") is None


def test_the_people_it_names_count_as_names_wherever_they_stand() -> None:
    cast = Cast(grammar("fr"))
    cast.read(["Jérémy, 27 ans, Marseille", "Jérémy est un fan."],
              Entities(people=frozenset({"Jérémy"})))
    assert "Jérémy" in cast.midcaps
    plain = Cast(grammar("fr"))
    plain.read(["Jérémy, 27 ans, Marseille", "Jérémy est un fan."])
    assert "Jérémy" not in plain.midcaps


def test_extraction_runs_the_same_without_the_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(module.SETTING, raising=False)
    article = Article((Paragraph(0, "« Rien n’est joué », a déclaré Jeanne Roux."),), "fr", "t")
    from index.quotes import extract_quotes
    (quote,) = extract_quotes(article)
    assert quote.speaker is not None and quote.speaker.name == "Jeanne Roux"
