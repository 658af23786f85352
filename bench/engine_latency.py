"""Answer latency on the bundled article: the whole engine path, question to rendered reply."""

from __future__ import annotations

import statistics
import time

from index import Engine

#: Questions of our own on the bundled article, of every kind a reader types.
ASKED = [
    ("who", "Qui a promis des armes nucléaires à tout le monde ?"),
    ("quote", "Que pense le bureau de Tokayev de l'invitation ?"),
    ("who", "Qui trouve que c'est une blague ?"),
    ("ask", "Quel traité le Kazakhstan a-t-il signé ?"),
    ("ask", "Combien d'habitants au Kazakhstan ?"),
    ("ask", "Quand l'invasion de l'Ukraine a-t-elle commencé ?"),
    ("ask", "D'où viennent les missiles S-400 ?"),
    ("ask", "Est-ce l'opinion de la Russie ?"),
    ("ask", "À quelle télévision Loukachenko a-t-il parlé ?"),
    ("ask", "C'est quoi l'État de l'Union ?"),
    ("ask", "Quelle union économique dirige la Russie ?"),
    ("who", "qui parle des obligations internationales"),
    ("quote", "loukachenko kazakhstan"),
    ("who", "Who said nobody was against Kazakhstan?"),
    ("ask", "Was Lukashenko speaking for Moscow?"),
    ("ask", "Where did the missiles come from?"),
    ("ask", "Quelle est la capitale du Pérou ?"),
    ("ask", "Will it rain in London tomorrow?"),
]


def questions() -> list[tuple[str, str]]:
    """Our questions plus typed variants (typos, lower case, commands' words)."""
    pairs = list(ASKED)
    pairs += [("ask", q.lower().rstrip(" ?")) for _, q in ASKED]
    pairs += [("quote", "Kazakhstan"), ("who", "blague"), ("quote", "Kazakstan"),
              ("who", "habitans"), ("ask", "Lukashenko nuclear weapons"), ("who", "S-400")]
    return pairs


def measure(rounds: int = 200) -> dict[str, float]:
    """Median and p99 microseconds per answer, rendering included."""
    from bot.render import answer_to_html

    engine = Engine.from_path(None)
    asked = questions()
    for mode, q in asked:  # warm-up, fills per-word caches as a running bot would
        answer_to_html(engine.answer(mode, q), engine, "fr")  # type: ignore[arg-type]
    samples = []
    for _ in range(rounds):
        for mode, q in asked:
            t0 = time.perf_counter_ns()
            answer_to_html(engine.answer(mode, q), engine, "fr")  # type: ignore[arg-type]
            samples.append((time.perf_counter_ns() - t0) / 1000)
    samples.sort()
    cold = Engine.from_path(None)
    t0 = time.perf_counter_ns()
    for mode, q in asked:
        cold.answer(mode, q)  # type: ignore[arg-type]
    cold_us = (time.perf_counter_ns() - t0) / 1000 / len(asked)
    return {
        "answers": len(samples),
        "distinct_questions": len(asked),
        "median_us": statistics.median(samples),
        "p99_us": samples[int(len(samples) * 0.99)],
        "first_time_mean_us": cold_us,
    }


def breakdown(rounds: int = 200) -> dict[str, dict[str, float]]:
    """Where :func:`measure`'s time goes: median and p99 microseconds of ``Engine.answer`` alone,
    of ``answer_to_html`` alone, and of both, timed on the same answers."""
    from bot.render import answer_to_html

    engine = Engine.from_path(None)
    asked = questions()
    for mode, q in asked:  # warm-up, as in measure()
        answer_to_html(engine.answer(mode, q), engine, "fr")  # type: ignore[arg-type]
    parts: dict[str, list[float]] = {"answer": [], "render": [], "total": []}
    for _ in range(rounds):
        for mode, q in asked:
            t0 = time.perf_counter_ns()
            answer = engine.answer(mode, q)  # type: ignore[arg-type]
            t1 = time.perf_counter_ns()
            answer_to_html(answer, engine, "fr")
            t2 = time.perf_counter_ns()
            parts["answer"].append((t1 - t0) / 1000)
            parts["render"].append((t2 - t1) / 1000)
            parts["total"].append((t2 - t0) / 1000)
    result = {}
    for name, samples in parts.items():
        samples.sort()
        result[name] = {
            "median_us": statistics.median(samples),
            "p99_us": samples[int(len(samples) * 0.99)],
        }
    return result
