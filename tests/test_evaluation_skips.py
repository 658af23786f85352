"""`make eval` in a fresh clone, without ../shared/eval: every set it cannot score is named as
skipped, with the path it looked for, instead of silently missing from the report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_every_missing_set_is_reported_as_skipped(tmp_path: Path) -> None:
    missing = tmp_path / "no-shared-eval"
    done = subprocess.run(
        [sys.executable, "-m", "index.evaluation", "--shared", str(missing)],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    skipped = [line for line in done.stdout.splitlines() if "skipped" in line]
    assert [line.split(":")[0] for line in skipped] == [
        "dev set (bundled article)",
        "real articles (shared)",
        "bundled (seed_gold)",
        "real articles",
        "== external sets",
    ]
    assert all(str(missing) in line for line in skipped)
    assert "own search articles" in done.stdout  # what it can score, it still scores
