"""Named entities as a helper: which capitalised words spaCy's French pipeline calls a person, an
organisation or a place, when the model is installed and switched on.

The attribution rules never need it; measured on the French sets it is an option, not the
default (see docs/EVALUATION.md). Only the tokenizer and the entity recogniser run: the
lemmatizer, the tagger and the parser are excluded (the parser mislabels the inverted subjects of
incises, and lemmas are wrong for many present-tense reporting verbs).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

logger = logging.getLogger(__name__)

#: The setting that switches the helper on: the name of an installed spaCy French pipeline.
SETTING = "ARTICLE_BOT_FR_MODEL"
_EXCLUDED = ["lemmatizer", "parser", "morphologizer", "attribute_ruler", "senter"]


@dataclass(frozen=True)
class Entities:
    """What the recogniser found in one article."""

    people: frozenset[str] = field(default_factory=frozenset)
    organisations: frozenset[str] = field(default_factory=frozenset)
    places: frozenset[str] = field(default_factory=frozenset)


@cache
def _pipeline(name: str) -> Any:
    """The spaCy pipeline ``name``, loaded once per process; None when it cannot be."""
    try:
        import spacy
    except ImportError:
        logger.info("spaCy is not installed: attribution runs on its rules alone")
        return None
    try:
        return spacy.load(name, exclude=_EXCLUDED)
    except OSError:
        logger.warning("the spaCy model %s is not installed: attribution runs on its rules alone",
                       name)
        return None


def model_name(language: str) -> str | None:
    """The pipeline chosen for ``language`` by the setting, or None (English has none)."""
    name = os.environ.get(SETTING, "").strip()
    return name if language == "fr" and name and name.lower() not in ("0", "off", "none") \
        else None


def entities(texts: Sequence[str], language: str) -> Entities | None:
    """The people, organisations and places the model names in ``texts``; None without one."""
    name = model_name(language)
    nlp = _pipeline(name) if name else None
    if nlp is None:
        return None
    people: set[str] = set()
    organisations: set[str] = set()
    places: set[str] = set()
    for doc in nlp.pipe(texts, batch_size=64):
        for ent in doc.ents:
            text = ent.text.strip()
            if ent.label_ == "PER":
                people.add(text)
            elif ent.label_ == "ORG":
                organisations.add(text)
            elif ent.label_ == "LOC":
                places.add(text)
    return Entities(frozenset(people), frozenset(organisations), frozenset(places))
