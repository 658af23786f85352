"""The answer-type detectors of news prose, one invented sentence each: when (dates, weekdays,
months, years, times of day, relative points, durations), where (the gazetteer, a name or a
place noun after a preposition of place, addresses), why (causes and purposes)."""

from __future__ import annotations

import pytest

from index.expressions import VAGUE, when, where, why


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("en", "The ferry broke down on Tuesday.", 1.0),
        ("en", "The plant will close in March.", 1.0),
        ("en", "The bridge was built in 1887.", 1.0),
        ("en", "The gallery opened in the 1990s.", 1.0),
        ("en", "The church dates from the 12th century.", 1.0),
        ("en", "The boat left the harbour at 7.40 a.m.", 1.0),
        ("en", "The council met last week to discuss it.", 1.0),
        ("en", "She resigned two years ago.", 1.0),
        ("en", "The road reopened yesterday.", 1.0),
        ("en", "The vote is due within two weeks.", 1.0),
        ("en", "The mayor recently changed her mind.", VAGUE),
        ("en", "Repairs lasted for three weeks.", VAGUE),
        ("en", "Nobody was hurt in the fire.", 0.0),
        ("en", "The club has 3,000 members.", 0.0),
        ("fr", "Le maire a démissionné la semaine dernière.", 1.0),
        ("fr", "Le col a été fermé en 2019 après un éboulement.", 1.0),
        ("fr", "La réunion commence à 18 h 30.", 1.0),
        ("fr", "Il a quitté le village il y a deux ans.", 1.0),
        ("fr", "L'usine a fermé hier.", 1.0),
        ("fr", "Le château date du XVIIIe siècle.", 1.0),
        ("fr", "Dimanche, le ministère a publié un communiqué.", 1.0),
        ("fr", "Les travaux reprendront début mars.", 1.0),
        ("fr", "La grève a duré trois semaines.", VAGUE),
        ("fr", "Le collectif compte 63 épargnants.", 0.0),
        ("fr", "Personne n'a été blessé.", 0.0),
    ],
)
def test_when(language: str, sentence: str, expected: float) -> None:
    assert when(sentence, language) == expected


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("en", "The runners trained in Iten for a month.", 1.0),
        ("en", "Two new vessels are being built in Poland.", 1.0),
        ("en", "The missiles arrived from Moscow on Sunday.", 1.0),
        ("en", "The hearing was held at the crown court.", 1.0),
        ("en", "Fans gathered outside the stadium.", 1.0),
        ("en", "The shop at 12 Harbour Street closed.", 1.0),
        ("en", "Many of the workers now live abroad.", VAGUE),
        ("en", "In March, the mayor said it was over.", 0.0),
        ("en", "The company said profits had fallen.", 0.0),
        ("fr", "La réunion a eu lieu à Göteborg.", 1.0),
        ("fr", "Élodie, habitante de la Seyne-sur-Mer (Var), a manifesté.", 1.0),
        ("fr", "Le prévenu a comparu au tribunal correctionnel.", 1.0),
        ("fr", "Les fruits viennent d'Espagne et du Maroc.", 1.0),
        ("fr", "La librairie du 12 rue Victor-Hugo a fermé.", 1.0),
        ("fr", "Les secours sont restés sur place toute la nuit.", VAGUE),
        ("fr", "Le gouvernement a annoncé un nouveau plan.", 0.0),
        ("fr", "En mars, le maire a changé d'avis.", 0.0),
    ],
)
def test_where(language: str, sentence: str, expected: float) -> None:
    assert where(sentence, language) == expected


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("en", "The plant closed because of falling demand.", True),
        ("en", "The match was called off due to heavy rain.", True),
        ("en", "Nurses walked out in protest at the pay offer.", True),
        ("en", "The council raised rents to cover the repairs.", True),
        ("en", "The ferry broke down on Tuesday.", False),
        ("en", "She said the figures were wrong.", False),
        ("fr", "La mairie a fermé la piscine en raison de la sécheresse.", True),
        ("fr", "Les cheminots font grève pour obtenir une prime.", True),
        ("fr", "Le col est fermé à cause des chutes de pierres.", True),
        ("fr", "Il a démissionné car il ne se sentait plus soutenu.", True),
        ("fr", "Le festival a été annulé.", False),
        ("fr", "La maire a présenté son projet mardi.", False),
    ],
)
def test_why(language: str, sentence: str, expected: bool) -> None:
    assert why(sentence, language) is expected
