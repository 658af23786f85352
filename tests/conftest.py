"""Test-wide settings: hypothesis draws new examples locally, a fixed draw on CI.

Locally every run draws new examples (and replays past failures from .hypothesis/); on CI
(CI=true) the draw is derandomised so that a commit found green stays green.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")
