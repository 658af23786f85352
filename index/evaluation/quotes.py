"""Evaluation of quotes quality (to be filled by the quotes work)."""

from __future__ import annotations

from pathlib import Path


def report(shared: Path, verbose: bool = False) -> None:
    """Print the quotes figures."""
    print("quotes evaluation: not written yet")
