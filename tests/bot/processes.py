"""`python -m bot run` as a real subprocess pointed at the fake Bot API, its output in a file."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.bot.fake_telegram import TOKEN

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class BotProcess:
    """A running `article-bot run`; stdout and stderr go to ``output`` (a pipe could fill up)."""

    process: asyncio.subprocess.Process
    output: Path

    def logs(self) -> str:
        return self.output.read_text(encoding="utf-8", errors="replace")

    async def stop(self, how: signal.Signals = signal.SIGTERM, timeout: float = 15) -> int:
        """Send ``how`` and wait for the exit status (killed if it hangs)."""
        if self.process.returncode is None:
            self.process.send_signal(how)
        try:
            return await asyncio.wait_for(self.process.wait(), timeout)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
            raise AssertionError(f"the bot did not stop within {timeout} s on {how.name}") from None

    async def wait_log(self, text: str, count: int = 1, timeout: float = 20) -> None:
        """Wait until ``text`` appears ``count`` times in the output."""
        deadline = time.monotonic() + timeout
        while self.logs().count(text) < count:
            if self.process.returncode is not None or time.monotonic() > deadline:
                raise AssertionError(f"{text!r} not logged {count}×:\n{self.logs()[-3000:]}")
            await asyncio.sleep(0.05)


async def start_bot(
    base_url: str, directory: Path, token: str = TOKEN, level: str = "INFO",
    **settings: str,
) -> BotProcess:
    """Start `python -m bot run` in ``directory`` with only the given settings."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(directory),
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": token,
        "TELEGRAM_BOT_API_URL": base_url,
        "LOG_LEVEL": level,
        **{name.upper(): value for name, value in settings.items()},
    }
    runs = len(list(directory.glob("bot-*.log")))
    output = directory / f"bot-{runs}.log"
    with output.open("wb") as sink:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=directory, env=env,
            stdin=asyncio.subprocess.DEVNULL, stdout=sink, stderr=asyncio.subprocess.STDOUT,
        )
    return BotProcess(process, output)


async def stop_all(*bots: BotProcess) -> None:
    """Kill whatever is still running (a failed test must not leave a bot behind)."""
    for bot in bots:
        if bot.process.returncode is None:
            bot.process.kill()
            await bot.process.wait()
