"""Measured figures of the reliability tests, for docs/RELIABILITY.md.

Each test stores what it measured under its own name in ``.reliability/figures.json`` (git-ignored;
rewritten on every run); ``python -m tests.bot.figures [--markdown]`` sums them up.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
FIGURES = ROOT / ".reliability" / "figures.json"
# Keys summed over the tests; every test sets the ones it measures.
TOTALS = (
    "updates_generated",
    "updates_through_polling",
    "render_cases",
    "faults_injected",
    "outage_seconds",
    "restarts",
    "questions_asked",
    "questions_lost",
    "duplicates",
    "token_occurrences",
    "log_lines_checked",
)

log = logging.getLogger(__name__)


def record(test: str, **measured: Any) -> None:
    """Store ``measured`` for ``test`` (replacing what an earlier run stored)."""
    FIGURES.parent.mkdir(exist_ok=True)
    try:
        stored: dict[str, Any] = json.loads(FIGURES.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stored = {}
    stored[test] = measured
    FIGURES.write_text(json.dumps(stored, indent=1, sort_keys=True), encoding="utf-8")


def totals() -> dict[str, Any]:
    stored: dict[str, dict[str, Any]] = json.loads(FIGURES.read_text(encoding="utf-8"))
    summed: dict[str, Any] = {key: 0 for key in TOTALS}
    for measured in stored.values():
        for key in TOTALS:
            summed[key] += measured.get(key, 0)
    summed["tests"] = len(stored)
    return summed


def markdown() -> str:
    """The totals as the table of docs/RELIABILITY.md."""
    summed = totals()
    return "\n".join(
        ["| figure | value |", "| --- | --- |"]
        + [f"| {key.replace('_', ' ')} | {summed[key]:,} |" for key in TOTALS]
        + [f"| test records | {summed['tests']} |"]
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["--markdown"]:
        sys.stdout.write(markdown() + "\n")
    else:
        json.dump({"totals": totals(), "by_test": json.loads(FIGURES.read_text())}, sys.stdout,
                  indent=1, sort_keys=True)
        sys.stdout.write("\n")
