"""Is the bot up? A list of named async checks, run together, for the `/healthz` route.

A check is any ``async def check() -> object``: it passes unless it raises, returns False or
takes longer than the timeout. The Application's own check lives in `bot.app`; the store adds
its ``ping()`` the same way.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

log = logging.getLogger(__name__)

HealthCheck = Callable[[], Awaitable[object]]
CHECK_TIMEOUT: Final = 2.0  # seconds: a load balancer's probe must not hang on a stuck store
PASSED: Final = "ok"


@dataclass(frozen=True)
class Health:
    """The named checks of a running bot; :meth:`report` runs them all at once."""

    checks: Mapping[str, HealthCheck] = field(default_factory=dict)
    timeout: float = CHECK_TIMEOUT

    def with_check(self, name: str, check: HealthCheck) -> Health:
        """The same checks and one more (the store's ``ping``, say)."""
        return Health({**self.checks, name: check}, self.timeout)

    async def report(self) -> tuple[bool, dict[str, Any]]:
        """(all passed, ``{"status": "ok" | "unavailable", "checks": {name: "ok" | why}}``)."""
        names = list(self.checks)
        verdicts = await asyncio.gather(*(self._run(name) for name in names))
        results = dict(zip(names, verdicts, strict=True))
        healthy = all(verdict == PASSED for verdict in verdicts)
        return healthy, {"status": "ok" if healthy else "unavailable", "checks": results}

    async def _run(self, name: str) -> str:
        try:
            result = await asyncio.wait_for(self.checks[name](), self.timeout)
        except TimeoutError:
            verdict = f"no answer within {self.timeout:g} s"
        except Exception as error:  # a failing check is a verdict, not a crash of the route
            # The type only: a database error's text may hold a connection URL and its password.
            verdict = f"failed ({type(error).__name__})"
            log.warning("Health check %s failed", name, exc_info=error)
        else:
            verdict = PASSED if result is not False else "failed"
        return verdict
