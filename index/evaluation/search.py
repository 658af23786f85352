"""Evaluation of search quality (to be filled by the search work)."""

from __future__ import annotations

from pathlib import Path


def report(shared: Path, verbose: bool = False) -> None:
    """Print the search figures."""
    print("search evaluation: not written yet")
