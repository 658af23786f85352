"""`/healthz` in webhook mode: 200 with the checks while all pass, 503 as soon as one fails."""

from __future__ import annotations

import asyncio
import socket

import httpx
import pytest
from pydantic import SecretStr

from bot.app import build_application, build_health, serve_webhook
from bot.health import Health
from bot.settings import Settings
from index import Engine
from tests.bot.fake_telegram import FakeTelegram
from tests.postgres import MISSING, start_postgres


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def passes() -> bool:
    return True


async def says_no() -> bool:
    return False


async def raises() -> None:
    raise ConnectionError("postgresql://bot:s3cret@db/articles is unreachable")


async def hangs() -> None:
    await asyncio.sleep(10)


@pytest.mark.parametrize(
    ("check", "verdict"),
    [
        (passes, "ok"),
        (says_no, "failed"),
        (raises, "failed (ConnectionError)"),
        (hangs, "no answer within 0.1 s"),
    ],
    ids=["passes", "returns False", "raises", "hangs"],
)
async def test_a_check_passes_only_when_it_answers_in_time_without_error(
    check: object, verdict: str
) -> None:
    healthy, body = await Health({"store": check}, timeout=0.1).report()  # type: ignore[dict-item]
    assert body == {"status": "ok" if verdict == "ok" else "unavailable",
                    "checks": {"store": verdict}}
    assert healthy is (verdict == "ok")
    assert "s3cret" not in str(body)  # an error's text may hold a password: never shown


async def test_healthz_is_200_while_the_application_and_the_store_are_up_then_503(
    telegram: FakeTelegram, settings: Settings, engine: Engine
) -> None:
    port = free_port()
    hooked = settings.model_copy(update={
        "webhook_url": f"http://127.0.0.1:{port}/hook", "webhook_port": port,
    })
    store_up = True

    async def store_ping() -> None:  # stands for the store's ping() until the store is merged
        if not store_up:
            raise ConnectionRefusedError("the database is down")

    application = build_application(hooked, engine)
    await application.initialize()
    health = build_health(application).with_check("store", store_ping)
    stop = asyncio.Event()
    serving = asyncio.create_task(serve_webhook(application, hooked, stop, health))
    url = f"http://127.0.0.1:{port}/healthz"
    try:
        await telegram.wait_call("setWebhook")
        async with httpx.AsyncClient() as client:
            for _ in range(100):  # application.start() follows setWebhook
                up = await client.get(url)
                if up.status_code == 200:
                    break
                await asyncio.sleep(0.02)
            assert up.status_code == 200
            assert up.json() == {"status": "ok", "checks": {"application": "ok", "store": "ok"}}
            assert up.headers["Cache-Control"] == "no-store"
            store_up = False
            down = await client.get(url)
            assert down.status_code == 503
            assert down.json() == {
                "status": "unavailable",
                "checks": {"application": "ok", "store": "failed (ConnectionRefusedError)"},
            }
            store_up = True
            assert (await client.get(url)).status_code == 200
            await application.stop()  # the Application itself stopping: unhealthy too
            stopped = await client.get(url)
            assert stopped.status_code == 503
            assert stopped.json()["checks"]["application"] == "failed"
    finally:
        stop.set()
        await serving
        await application.shutdown()


async def test_healthz_follows_a_real_postgresql_store_going_down(
    telegram: FakeTelegram, settings: Settings, engine: Engine
) -> None:
    """The store's own check: a PostgreSQL server of its own, stopped while the bot serves."""
    server = start_postgres()
    if server is None:
        pytest.skip(MISSING)
    port = free_port()
    hooked = settings.model_copy(update={
        "webhook_url": f"http://127.0.0.1:{port}/hook", "webhook_port": port,
        "database_url": SecretStr(server.new_database()),
    })
    application = build_application(hooked, engine)
    await application.initialize()
    stop = asyncio.Event()
    serving = asyncio.create_task(serve_webhook(application, hooked, stop))
    url = f"http://127.0.0.1:{port}/healthz"
    try:
        await telegram.wait_call("setWebhook")
        async with httpx.AsyncClient() as client:
            for _ in range(100):
                up = await client.get(url)
                if up.status_code == 200:
                    break
                await asyncio.sleep(0.02)
            assert up.json() == {"status": "ok", "checks": {"application": "ok", "store": "ok"}}
            server.stop()
            down = await client.get(url)
            assert down.status_code == 503
            assert down.json()["checks"] == {"application": "ok", "store": "failed"}
    finally:
        server.stop()
        stop.set()
        await serving
        await application.shutdown()
