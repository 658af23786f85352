"""The bot end to end: `python -m bot run` (a real subprocess) against the local Bot API server.

Start-up is the time from launching the process to its first getUpdates; the burst is 1,000
questions from 50 private chats queued at once; the paced run asks one question at a time.
The rate limiter's overall cap (Telegram's ~30 messages a second) is lifted for these runs only
(OVERALL_RATE_LIMIT=0), and per-chat flood control is raised, to measure the headroom.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.bot.fake_telegram import TOKEN, FakeTelegram, private_chat, text_message

REPO = Path(__file__).parents[1]
QUESTIONS = [
    "Qui a parlé d'une blague ?",
    "Combien d'habitants compte le Kazakhstan ?",
    "/quote Kazakhstan",
    "/who nucléaire",
    "Quels systèmes de missiles sont arrivés de Moscou ?",
    "Who said that nobody is against Kazakhstan?",
    "Quelle est la capitale de l'Australie ?",
    "traité de non-prolifération",
]


class TimedTelegram(FakeTelegram):
    """The test server, noting when each question was queued and when its answer arrived."""

    def __init__(self) -> None:
        super().__init__()
        self.queued: dict[int, float] = {}
        self.answered: dict[int, float] = {}
        self.first_poll: float | None = None

    async def api_getupdates(self, params: dict[str, Any]) -> Any:
        if self.first_poll is None:
            self.first_poll = time.perf_counter()
        return await super().api_getupdates(params)

    async def api_sendmessage(self, params: dict[str, Any]) -> Any:
        result = await super().api_sendmessage(params)
        reply_to = (params.get("reply_parameters") or {}).get("message_id")
        if reply_to is not None:
            self.answered.setdefault(int(reply_to), time.perf_counter())
        self._notify()
        return result

    def ask(self, user_id: int, text: str) -> None:
        user = {"id": user_id, "is_bot": False, "first_name": f"U{user_id}", "language_code": "fr"}
        message = text_message(self, private_chat(user), user, text)
        self.queued[message["message_id"]] = time.perf_counter()
        self.push("message", message)

    async def wait_answers(self, count: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while len(self.answered) < count and time.monotonic() < deadline:
            await asyncio.sleep(0.005)


#: The bot processes' stores, removed when the benchmark ends.
_STORES = tempfile.TemporaryDirectory(prefix="article-bot-bench-")


def _bot_process(fake: FakeTelegram) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ARTICLE_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_BOT_API_URL=fake.base_url,
        OVERALL_RATE_LIMIT="0",
        CHAT_RATE_LIMIT="1000",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(REPO),
        # a store of its own for each run, not one that grows across runs in the checkout
        DATA_DIR=tempfile.mkdtemp(dir=_STORES.name),
    )
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run"], cwd=REPO / "bench", env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def _session(questions: int, chats: int) -> dict[str, Any]:
    fake = await TimedTelegram().start()
    launched = time.perf_counter()
    process = _bot_process(fake)
    try:
        while fake.first_poll is None:
            if process.poll() is not None:
                raise RuntimeError(process.stderr.read().decode() if process.stderr else "exit")
            await asyncio.sleep(0.002)
        startup_s = fake.first_poll - launched
        rss_idle = _rss_mb(process.pid)
        # Paced: one question at a time, the reply latency of a quiet bot.
        paced = []
        for i in range(200):
            fake.ask(1_000 + i % 7, QUESTIONS[i % len(QUESTIONS)])
            await fake.wait_answers(i + 1, timeout=10)
        for message_id, sent in fake.queued.items():
            if message_id in fake.answered:
                paced.append((fake.answered[message_id] - sent) * 1000)
        done_paced = len(fake.answered)
        # Burst: every question queued at once, from many chats.
        fake.queued.clear()
        start = time.perf_counter()
        for i in range(questions):
            fake.ask(10_000 + i % chats, QUESTIONS[i % len(QUESTIONS)])
        await fake.wait_answers(done_paced + questions, timeout=120)
        elapsed = time.perf_counter() - start
        burst = sorted(
            (fake.answered[m] - t) * 1000 for m, t in fake.queued.items() if m in fake.answered
        )
        rss_after = _rss_mb(process.pid)
        return {
            "startup_s": startup_s,
            "rss_idle_mb": rss_idle,
            "rss_after_mb": rss_after,
            "answers_after": len(fake.answered),
            "paced_median_ms": statistics.median(paced),
            "paced_p99_ms": sorted(paced)[int(len(paced) * 0.99)],
            "burst_questions": questions,
            "burst_answered": len(burst),
            "burst_chats": chats,
            "burst_per_second": len(burst) / elapsed,
            "burst_median_ms": statistics.median(burst) if burst else float("nan"),
            "burst_p99_ms": burst[int(len(burst) * 0.99)] if burst else float("nan"),
            "rejected": len(fake.rejected()),
        }
    finally:
        process.terminate()
        process.wait(timeout=20)
        await fake.stop()


def burst(questions: int = 1000, chats: int = 50) -> dict[str, Any]:
    """Throughput and reply latency; the figures and the report lines."""
    result = asyncio.run(_session(questions, chats))
    result["lines"] = [
        "`python -m bot run` in its own process against the project's Bot API server on "
        "127.0.0.1 (rate limiter's overall cap lifted for this run only, per-chat flood control "
        "raised).",
        "",
        "| measure | value | goal |",
        "| --- | ---: | ---: |",
        f"| burst: {result['burst_questions']:,} questions from {result['burst_chats']} chats, "
        f"answered | {result['burst_answered']:,} | all |",
        f"| burst: answered updates per second | {result['burst_per_second']:,.0f} | ≥ 300 |",
        f"| burst: time from queued to answered, median / p99 | "
        f"{result['burst_median_ms']:,.0f} ms / {result['burst_p99_ms']:,.0f} ms | (queueing) |",
        f"| one question at a time: reply latency median / p99 | "
        f"{result['paced_median_ms']:.1f} ms / {result['paced_p99_ms']:.1f} ms | median < 10 ms |",
        f"| messages Telegram would have rejected | {result['rejected']} | 0 |",
        f"| resident memory after {result['answers_after']:,} answers | "
        f"{result['rss_after_mb']:.0f} MB | < 120 MB |",
    ]
    return result


def startup(rounds: int = 5) -> dict[str, Any]:
    """From launching `article-bot run` to its first getUpdates, over several launches."""

    async def once() -> tuple[float, float]:
        fake = await TimedTelegram().start()
        launched = time.perf_counter()
        process = _bot_process(fake)
        try:
            while fake.first_poll is None and process.poll() is None:
                await asyncio.sleep(0.002)
            if fake.first_poll is None:
                raise RuntimeError("the bot exited before polling")
            return fake.first_poll - launched, _rss_mb(process.pid)
        finally:
            process.terminate()
            process.wait(timeout=20)
            await fake.stop()

    runs = [asyncio.run(once()) for _ in range(rounds)]
    times = sorted(t for t, _ in runs)
    rss = statistics.median(r for _, r in runs)
    return {
        "startup_median_s": statistics.median(times),
        "startup_max_s": times[-1],
        "rss_start_mb": rss,
        "lines": [
            f"From launching `python -m bot run` to its first getUpdates (article loaded, "
            f"attributed and indexed, command menus set): median **{statistics.median(times):.2f} "
            f"s**, slowest {times[-1]:.2f} s over {rounds} launches (goal < 1.5 s). Resident "
            f"memory when it starts polling: {rss:.0f} MB.",
        ],
    }
