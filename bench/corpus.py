"""Seeded synthetic corpora of French-like and English-like paragraphs (~40 words each)."""

from __future__ import annotations

import random
from collections.abc import Sequence

from index.lexicon import word_list

_SYLLABLES = {
    "fr": ["ba", "con", "de", "ment", "tion", "é", "ré", "vi", "lle", "gou", "ver", "ne", "pré",
           "si", "dent", "mi", "nis", "tre", "ac", "cord", "pa", "ris", "sé", "cu", "ri", "té"],
    "en": ["gov", "ern", "ment", "pre", "si", "dent", "mi", "nis", "ter", "ac", "cord", "war",
           "sec", "u", "ri", "ty", "stat", "e", "ment", "com", "pa", "ny", "mar", "ket", "ing"],
}


def vocabulary(language: str, size: int, seed: int) -> list[str]:
    """``size`` distinct pseudo-words built from the language's syllables."""
    rng = random.Random(seed)
    syllables = _SYLLABLES[language]
    words: dict[str, None] = {}
    while len(words) < size:
        words["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))] = None
    return list(words)


def paragraphs(language: str, count: int, seed: int = 7, words: int = 40) -> list[str]:
    """``count`` paragraphs: Zipf-distributed content words mixed with real stop words."""
    rng = random.Random(seed)
    content = vocabulary(language, 30_000, seed)
    stops = sorted(word_list(language, "stopwords"))
    weights = [1.0 / (rank + 1) for rank in range(len(content))]
    result = []
    for _ in range(count):
        length = max(8, int(rng.gauss(words, 8)))
        n_content = int(length * 0.55)
        chosen = rng.choices(content, weights=weights, k=n_content)
        chosen += rng.choices(stops, k=length - n_content)
        rng.shuffle(chosen)
        result.append(" ".join(chosen).capitalize() + ".")
    return result


def queries(
    documents: Sequence[Sequence[str]], count: int, seed: int = 11, size: tuple[int, int] = (2, 5)
) -> list[list[str]]:
    """Queries of 2-5 analysed terms drawn from random paragraphs (so that most match)."""
    rng = random.Random(seed)
    result = []
    for _ in range(count):
        doc = documents[rng.randrange(len(documents))]
        terms = list(dict.fromkeys(doc))
        k = min(len(terms), rng.randint(*size))
        result.append(rng.sample(terms, k) if terms else ["absent"])
    return result
