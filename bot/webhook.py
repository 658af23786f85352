"""The webhook server: Telegram's updates on the WEBHOOK_URL path, and `/healthz` beside them.

python-telegram-bot's own webhook server serves one route only; this one is its handler plus a
health route, on the same tornado (installed with python-telegram-bot[webhooks]). Updates go
into the Application's update queue exactly as python-telegram-bot's server puts them.
"""

from __future__ import annotations

import hmac
import json
import logging
from http import HTTPStatus
from typing import Any, Final

import tornado.httpserver
import tornado.web
from telegram import Update
from telegram.ext import Application

from bot.health import Health

log = logging.getLogger(__name__)

HEALTH_PATH: Final = "/healthz"
SECRET_HEADER: Final = "X-Telegram-Bot-Api-Secret-Token"
MAX_UPDATE_BYTES: Final = 1 << 20  # an update is a few kB; anything larger is not Telegram's

TelegramApp = Application[Any, Any, Any, Any, Any, Any]


class UpdateRoute(tornado.web.RequestHandler):
    """POST on the webhook path: Telegram's update, checked against the secret token."""

    def initialize(self, telegram_app: TelegramApp, secret: str) -> None:
        self.telegram_app = telegram_app
        self.secret = secret

    def check_xsrf_cookie(self) -> None:
        """Telegram's POST carries no cookie: the secret token header is the check."""

    async def post(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            log.debug("Webhook request without the right secret token from %s",
                      self.request.remote_ip)
            raise tornado.web.HTTPError(HTTPStatus.FORBIDDEN)
        try:
            data = json.loads(self.request.body)
            update = Update.de_json(data, self.telegram_app.bot)
        except Exception as error:  # anything unparsable is refused, never crashes the server
            log.warning("A webhook request was not an update (%s)", type(error).__name__)
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST) from None
        if update is None:
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST)
        await self.telegram_app.update_queue.put(update)
        self.set_status(HTTPStatus.OK)

    def log_exception(self, *args: Any) -> None:
        """HTTP errors above are answers, not faults: no traceback in the log."""


class HealthRoute(tornado.web.RequestHandler):
    """GET /healthz: 200 and the checks when all pass, 503 otherwise."""

    def initialize(self, health: Health) -> None:
        self.health = health

    async def get(self) -> None:
        healthy, body = await self.health.report()
        self.set_status(HTTPStatus.OK if healthy else HTTPStatus.SERVICE_UNAVAILABLE)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(body))

    head = get


class _QuietApplication(tornado.web.Application):
    def log_request(self, handler: tornado.web.RequestHandler) -> None:
        """One line per request would double the bot's own line per update."""


class WebhookServer:
    """The HTTP server of webhook mode: started before setWebhook, stopped at the end."""

    def __init__(self, application: TelegramApp, path: str, secret: str, health: Health) -> None:
        if not path.startswith("/"):
            path = "/" + path
        if path.rstrip("/") == HEALTH_PATH:
            raise ValueError(f"the webhook path cannot be {HEALTH_PATH}")
        routes: list[Any] = [
            (HEALTH_PATH, HealthRoute, {"health": health}),
            (path.rstrip("/") + "/?" if path != "/" else "/", UpdateRoute,
             {"telegram_app": application, "secret": secret}),
        ]
        self._server = tornado.httpserver.HTTPServer(
            _QuietApplication(routes), max_body_size=MAX_UPDATE_BYTES
        )

    def listen(self, port: int, address: str) -> None:
        self._server.listen(port, address=address)

    async def stop(self) -> None:
        self._server.stop()
        await self._server.close_all_connections()
