"""A small Bot API server on 127.0.0.1 for the tests: it queues updates, records what the bot
sends and checks it as Telegram would (HTML tags and nesting, entities, 4096 UTF-16 units, inline
keyboards and 64-byte callback data, edits that change nothing, answers to callback and inline
queries).

Served at ``http://127.0.0.1:<port>/bot<token>/<method>`` with tornado (installed with
python-telegram-bot[webhooks]); the real Application talks to it through TELEGRAM_BOT_API_URL.
Unlike Telegram it delivers every queued update whatever ``allowed_updates`` says (it records
the parameter), so that the bot's own filters are tested too.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import socket
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import tornado.httpserver
import tornado.iostream
import tornado.netutil
import tornado.web

TOKEN = "123456789:AAHfake-token_for_tests_only_0123456789"
BOT_ID = 123456789
BOT_USERNAME = "ArticleTestBot"
BOT_USER = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Article",
    "username": BOT_USERNAME,
    "can_join_groups": True,
    "can_read_all_group_messages": True,
    "supports_inline_queries": True,
}
MAX_UTF16 = 4096
MAX_CALLBACK_DATA = 64  # bytes
MAX_CALLBACK_ANSWER = 200  # characters of an answerCallbackQuery notice
MAX_INLINE_RESULTS = 50
_START_PARAMETER = re.compile(r"[A-Za-z0-9_-]{1,64}")

# Keys whose form value is JSON (python-telegram-bot sends the other non-strings as JSON too).
_JSON_KEYS = {
    "reply_parameters", "link_preview_options", "scope", "commands", "allowed_updates",
    "reply_markup", "entities", "results", "button",
}
_INT_KEYS = {
    "chat_id", "offset", "limit", "timeout", "message_id", "message_thread_id", "cache_time",
}


class BadRequest(Exception):
    """What Telegram answers with 400 Bad Request."""


# --- Telegram's HTML, checked --------------------------------------------------------------------

_TAG = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)"
    r"\s*>"
)
_ATTR = re.compile(r"([a-zA-Z-]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_SIMPLE = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler", "pre"}


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str) -> str:
    """The message text once Telegram has parsed its HTML; raises BadRequest as Telegram does."""
    out: list[str] = []
    stack: list[str] = []
    position = 0
    while position < len(text):
        char = text[position]
        if char == "<":
            match = _TAG.match(text, position)
            if match is None:
                raise BadRequest(f"can't parse entities: unexpected '<' at byte offset {position}")
            closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
            if closing:
                if not stack or stack[-1] != name:
                    raise BadRequest(f"can't parse entities: unmatched end tag </{name}>")
                stack.pop()
            else:
                _check_start_tag(name, _attributes(attributes), stack)
                stack.append(name)
            position = match.end()
        elif char == "&":
            match = _ENTITY.match(text, position)
            if match is None:
                raise BadRequest(f"can't parse entities: unescaped '&' at offset {position}")
            code = match.group(1)
            if code in _NAMED:
                out.append(_NAMED[code])
            else:
                out.append(chr(int(code[2:], 16) if code[1] == "x" else int(code[1:])))
            position = match.end()
        elif char == ">":
            raise BadRequest(f"can't parse entities: unescaped '>' at offset {position}")
        else:
            out.append(char)
            position += 1
    if stack:
        raise BadRequest(f"can't parse entities: can't find end tag corresponding to <{stack[-1]}>")
    return "".join(out)


def _attributes(raw: str) -> dict[str, str]:
    return {
        m.group(1).lower(): next((g for g in m.groups()[1:] if g is not None), "")
        for m in _ATTR.finditer(raw)
    }


def _check_start_tag(name: str, attributes: dict[str, str], stack: list[str]) -> None:
    if "code" in stack or ("pre" in stack and name != "code"):
        raise BadRequest(f"can't parse entities: <{name}> inside code or pre")
    if name in _SIMPLE or name == "code":
        allowed: set[str] = {"class"} if name == "code" and "pre" in stack else set()
    elif name == "span":
        if attributes.get("class") != "tg-spoiler":
            raise BadRequest("can't parse entities: <span> without class=\"tg-spoiler\"")
        allowed = {"class"}
    elif name == "a":
        if not attributes.get("href"):
            raise BadRequest("can't parse entities: <a> without href")
        allowed = {"href"}
    elif name == "tg-emoji":
        allowed = {"emoji-id"}
    elif name == "blockquote":
        if "blockquote" in stack:
            raise BadRequest("can't parse entities: nested blockquote")
        allowed = {"expandable"}
    else:
        raise BadRequest(f"can't parse entities: unsupported start tag \"{name}\"")
    unknown = set(attributes) - allowed
    if unknown:
        raise BadRequest(f"can't parse entities: unsupported attribute {sorted(unknown)}")


def check_text(text: str, parse_mode: str | None) -> str:
    """The text a user would see; BadRequest when Telegram would refuse the message."""
    if parse_mode is not None and parse_mode.upper() != "HTML":
        raise BadRequest(f"the fake server only knows HTML, not {parse_mode}")
    visible = parse_html(text) if parse_mode else text
    if not visible.strip():
        raise BadRequest("message text is empty")
    if utf16_len(visible) > MAX_UTF16:
        raise BadRequest("message is too long")
    return visible


def check_markup(markup: Any) -> None:
    """An inline keyboard as Telegram accepts it: labelled buttons, callback data of 1-64 bytes."""
    if markup is None:
        return
    if not isinstance(markup, dict) or not isinstance(markup.get("inline_keyboard"), list):
        raise BadRequest("can't parse reply keyboard markup JSON object")
    for row in markup["inline_keyboard"]:
        if not isinstance(row, list):
            raise BadRequest("can't parse inline keyboard button: row is not an array")
        for button in row:
            if not str(button.get("text", "")).strip():
                raise BadRequest("can't parse inline keyboard button: text is empty")
            data = button.get("callback_data")
            if data is None and "url" not in button:
                raise BadRequest("can't parse inline keyboard button: no action")
            if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA:
                raise BadRequest("BUTTON_DATA_INVALID")


def check_inline_results(results: Any) -> None:
    """answerInlineQuery's results as Telegram accepts them."""
    if not isinstance(results, list):
        raise BadRequest("can't parse inline query results JSON object")
    if len(results) > MAX_INLINE_RESULTS:
        raise BadRequest("RESULTS_TOO_MUCH")
    ids = [str(result.get("id", "")) for result in results]
    if any(not 1 <= len(identifier.encode()) <= 64 for identifier in ids):
        raise BadRequest("RESULT_ID_INVALID")
    if len(set(ids)) != len(ids):
        raise BadRequest("RESULT_ID_DUPLICATE")
    for result in results:
        if result.get("type") != "article":
            raise BadRequest(f"the fake server only knows article results, not {result}")
        if not str(result.get("title", "")).strip():
            raise BadRequest("RESULT_TITLE_EMPTY")
        content = result.get("input_message_content") or {}
        check_text(str(content.get("message_text", "")), content.get("parse_mode"))
        check_markup(result.get("reply_markup"))


# --- updates the tests queue ---------------------------------------------------------------------

_COMMAND_OR_MENTION = re.compile(
    r"(?<![\w/@])(/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?|@[A-Za-z0-9_]{5,32})"
)


def entities_of(text: str) -> list[dict[str, Any]]:
    """bot_command and mention entities, as Telegram computes them (UTF-16 offsets)."""
    found = []
    for match in _COMMAND_OR_MENTION.finditer(text):
        kind = "bot_command" if match.group(0).startswith("/") else "mention"
        found.append(
            {
                "type": kind,
                "offset": utf16_len(text[: match.start()]),
                "length": utf16_len(match.group(0)),
            }
        )
    return found


@dataclass
class Recorded:
    """One call the bot made."""

    method: str
    params: dict[str, Any]
    status: int
    error: str | None = None


# Faults the server can inject (see FakeTelegram.inject and FakeTelegram.outage).
FAULT_KINDS = ("400", "403", "429", "500", "502", "reset", "slow", "bad_json")


@dataclass
class Fault:
    """One planned failure of a Bot API call."""

    kind: str  # one of FAULT_KINDS
    retry_after: int = 1  # for "429"
    delay: float = 0.0  # for "slow": seconds before the (normal) answer
    description: str = ""  # for "400" and "403": what Telegram says after "Bad Request: " …

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {self.kind!r}; choose one of {FAULT_KINDS}")


@dataclass
class Outage:
    """Every call of ``methods`` (None: all) fails with ``fault`` until ``until`` (monotonic)."""

    fault: Fault
    until: float
    methods: frozenset[str] | None = None


@dataclass
class FakeTelegram:
    """The server's state: queued updates, what the bot sent, calls, and planned failures."""

    token: str = TOKEN
    updates: list[dict[str, Any]] = field(default_factory=list)
    sent: list[dict[str, Any]] = field(default_factory=list)
    calls: list[Recorded] = field(default_factory=list)
    commands: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    webhook: dict[str, Any] = field(default_factory=dict)
    chats: dict[int, dict[str, Any]] = field(default_factory=dict)
    messages: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    edits: list[dict[str, Any]] = field(default_factory=list)
    callback_answers: list[dict[str, Any]] = field(default_factory=list)
    inline_answers: list[dict[str, Any]] = field(default_factory=list)
    _open_queries: set[str] = field(default_factory=set)
    port: int = 0
    _fail: dict[str, list[int]] = field(default_factory=dict)
    planned: dict[str, list[Fault]] = field(default_factory=dict)
    outages: list[Outage] = field(default_factory=list)
    faults_served: list[tuple[str, str]] = field(default_factory=list)  # (method, kind)
    max_batch: int = 100  # at most this many updates per getUpdates (Telegram may send fewer)
    confirmed: int = 0  # the highest getUpdates offset seen: every update before it is confirmed
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(10_000))
    _changed: asyncio.Event = field(default_factory=asyncio.Event)
    _server: tornado.httpserver.HTTPServer | None = None
    _closing: bool = False
    #: Set by the running bot's fixture: True when the Application has no update left to handle.
    idle: Callable[[], bool] | None = None
    #: Documents users "sent": file_id → bytes, served by getFile and /file/bot<token>/<path>.
    files: dict[str, bytes] = field(default_factory=dict)
    downloads: list[str] = field(default_factory=list)
    chat_actions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        """What TELEGRAM_BOT_API_URL takes (the token is appended to it)."""
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self, port: int = 0) -> FakeTelegram:
        """Listen on 127.0.0.1:``port`` (0: any free port)."""
        app = tornado.web.Application([
            (r"/bot([^/]+)/(\w+)", _MethodHandler, {"fake": self}),
            (r"/file/bot([^/]+)/(.+)", _FileHandler, {"fake": self}),
        ])
        sockets = tornado.netutil.bind_sockets(port, "127.0.0.1")
        self.port = sockets[0].getsockname()[1]
        self._server = tornado.httpserver.HTTPServer(app)
        self._server.add_sockets(sockets)
        return self

    async def stop(self) -> None:
        self._closing = True
        self._notify()
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    # What the tests do.

    def push(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Queue an update of ``kind`` (message, edited_message, channel_post…)."""
        update = {"update_id": next(self._ids), kind: payload}
        chat = payload.get("chat")
        if chat:
            self.chats[chat["id"]] = chat
        self.updates.append(update)
        self._notify()
        return update

    def push_query(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Queue a callback_query or inline_query; the bot must answer its id exactly once."""
        self._open_queries.add(payload["id"])
        return self.push(kind, payload)

    def open_query(self, query_id: str) -> None:
        """A query the test delivers by itself (push_raw, process_update): it may be answered."""
        self._open_queries.add(query_id)

    def new_message_id(self) -> int:
        return next(self._message_ids)

    def push_raw(self, update: dict[str, Any]) -> None:
        """Queue an update built by the test, ``update_id`` included."""
        self.updates.append(update)
        self._notify()

    def fail_next(self, method: str, retry_after: int = 1) -> None:
        """The next call of ``method`` gets 429 Too Many Requests with retry_after."""
        self._fail.setdefault(method, []).append(retry_after)

    def inject(self, method: str, kind: str, times: int = 1, **options: Any) -> None:
        """The next ``times`` calls of ``method`` fail with ``kind`` (one of FAULT_KINDS)."""
        self.planned.setdefault(method, []).extend(Fault(kind, **options) for _ in range(times))

    def outage(
        self, seconds: float, kind: str = "502", methods: tuple[str, ...] | None = None,
        **options: Any,
    ) -> None:
        """For ``seconds`` from now every call of ``methods`` (None: all) fails with ``kind``."""
        until = time.monotonic() + seconds
        chosen = frozenset(methods) if methods is not None else None
        self.outages.append(Outage(Fault(kind, **options), until, chosen))

    def take_fault(self, method: str) -> Fault | None:
        """The fault this call of ``method`` meets, if any (planned ones first)."""
        planned = self.planned.get(method)
        if planned:
            return planned.pop(0)
        now = time.monotonic()
        for outage in self.outages:
            if now < outage.until and (outage.methods is None or method in outage.methods):
                return outage.fault
        return None

    def answered(self) -> dict[int, int]:
        """How many messages the bot sent in reply to each message id."""
        counts: dict[int, int] = {}
        for sent in self.sent:
            replied = (sent.get("reply_parameters") or {}).get("message_id")
            if replied is not None:
                counts[replied] = counts.get(replied, 0) + 1
        return counts

    async def wait_sent(self, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Wait until the bot has sent ``count`` messages in all; return them."""
        deadline = time.monotonic() + timeout
        while len(self.sent) < count:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"the bot sent {len(self.sent)} messages, not {count}")
            event = self._changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)
        return self.sent[:count]

    async def wait_call(self, method: str, timeout: float = 10.0) -> Recorded:
        deadline = time.monotonic() + timeout
        while True:
            for call in self.calls:
                if call.method == method:
                    return call
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"the bot never called {method}")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), remaining)

    async def wait_for(self, done: Any, what: str, timeout: float = 10.0) -> None:
        """Wait until ``done()`` is true (it is checked after every call the bot makes)."""
        deadline = time.monotonic() + timeout
        while not done():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"timed out waiting for {what}")
            event = self._changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    def rejected(self) -> list[Recorded]:
        return [call for call in self.calls if call.status == 400]

    # The Bot API.

    async def call(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        retries = self._fail.get(method)
        if retries:
            retry_after = retries.pop(0)
            return 429, {
                "ok": False,
                "error_code": 429,
                "description": f"Too Many Requests: retry after {retry_after}",
                "parameters": {"retry_after": retry_after},
            }
        handler = getattr(self, "api_" + method.lower(), None)
        if handler is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        try:
            result = await handler(params)
        except BadRequest as error:
            return 400, {"ok": False, "error_code": 400, "description": f"Bad Request: {error}"}
        return 200, {"ok": True, "result": result}

    async def api_getme(self, params: dict[str, Any]) -> Any:
        return BOT_USER

    async def api_getupdates(self, params: dict[str, Any]) -> Any:
        offset = params.get("offset")
        if offset:
            self.confirmed = max(self.confirmed, offset)
            # Telegram forgets every update before the offset: they are confirmed.
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        limit = min(params.get("limit") or 100, self.max_batch)
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        while not self.updates and not self._closing:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            try:
                await asyncio.wait_for(self._changed.wait(), remaining)
            except TimeoutError:
                break
        return self.updates[:limit]

    async def api_deletewebhook(self, params: dict[str, Any]) -> Any:
        if params.get("drop_pending_updates"):
            self.updates.clear()
        self.webhook = {}
        return True

    async def api_setwebhook(self, params: dict[str, Any]) -> Any:
        if params.get("drop_pending_updates"):
            self.updates.clear()
        self.webhook = dict(params)
        return True

    async def api_getwebhookinfo(self, params: dict[str, Any]) -> Any:
        return {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self.updates),
        }

    async def api_sendmessage(self, params: dict[str, Any]) -> Any:
        visible = check_text(str(params.get("text", "")), params.get("parse_mode"))
        check_markup(params.get("reply_markup"))
        chat_id = params["chat_id"]
        chat = self.chats.get(chat_id, {"id": chat_id, "type": "private", "first_name": "x"})
        message: dict[str, Any] = {
            "message_id": self.new_message_id(),
            "date": int(time.time()),
            "chat": chat,
            "from": BOT_USER,
            "text": visible,
        }
        if params.get("message_thread_id"):
            message["message_thread_id"] = params["message_thread_id"]
            message["is_topic_message"] = True
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self.sent.append({**params, "visible": visible, "message": message})
        self.messages[(chat_id, message["message_id"])] = {**message, "html": params["text"]}
        return message

    async def api_editmessagetext(self, params: dict[str, Any]) -> Any:
        key = (params.get("chat_id"), params.get("message_id"))
        stored = self.messages.get(key)  # type: ignore[arg-type]
        if stored is None:
            raise BadRequest("message to edit not found")
        visible = check_text(str(params.get("text", "")), params.get("parse_mode"))
        markup = params.get("reply_markup")
        check_markup(markup)
        if (params["text"], markup) == (stored["html"], stored.get("reply_markup")):
            raise BadRequest(
                "message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message"
            )
        edited = {**stored, "text": visible, "html": params["text"], "edit_date": int(time.time())}
        edited.pop("reply_markup", None)
        if markup:
            edited["reply_markup"] = markup
        self.messages[key] = edited  # type: ignore[index]
        self.edits.append({**params, "visible": visible, "message": edited})
        return {key: value for key, value in edited.items() if key != "html"}

    async def api_setmycommands(self, params: dict[str, Any]) -> Any:
        key = _menu_key(params)
        self.commands[key] = params["commands"]
        return True

    async def api_getmycommands(self, params: dict[str, Any]) -> Any:
        key = _menu_key(params)
        return self.commands.get(key, [])

    async def api_deletemycommands(self, params: dict[str, Any]) -> Any:
        key = _menu_key(params)
        self.commands.pop(key, None)
        return True

    def _close_query(self, query_id: Any) -> None:
        if query_id not in self._open_queries:
            raise BadRequest("query is too old and response timeout expired or query ID is invalid")
        self._open_queries.discard(query_id)

    async def api_answercallbackquery(self, params: dict[str, Any]) -> Any:
        self._close_query(params.get("callback_query_id"))
        if len(str(params.get("text", ""))) > MAX_CALLBACK_ANSWER:
            raise BadRequest("MESSAGE_TOO_LONG")
        self.callback_answers.append(params)
        return True

    async def api_answerinlinequery(self, params: dict[str, Any]) -> Any:
        self._close_query(params.get("inline_query_id"))
        check_inline_results(params.get("results"))
        button = params.get("button")
        if button is not None and not _START_PARAMETER.fullmatch(
            str(button.get("start_parameter", ""))
        ):
            raise BadRequest("START_PARAM_INVALID")
        if len(str(params.get("next_offset", "")).encode()) > 64:
            raise BadRequest("NEXT_OFFSET_INVALID")
        self.inline_answers.append(params)
        return True

    async def api_close(self, params: dict[str, Any]) -> Any:
        return True

    async def api_sendchataction(self, params: dict[str, Any]) -> Any:
        if params.get("action") not in ("typing", "upload_document"):
            raise BadRequest("wrong parameter action in request")
        self.chat_actions.append(params)
        return True

    async def api_getfile(self, params: dict[str, Any]) -> Any:
        file_id = str(params.get("file_id", ""))
        data = self.files.get(file_id)
        if data is None:
            raise BadRequest("invalid file_id")
        if len(data) > 20_000_000:
            raise BadRequest("file is too big")  # the Bot API serves files of 20 MB at most
        return {"file_id": file_id, "file_unique_id": "u" + file_id, "file_size": len(data),
                "file_path": f"documents/{file_id}"}

    async def api_logout(self, params: dict[str, Any]) -> Any:
        return True


class _FileHandler(tornado.web.RequestHandler):
    """GET /file/bot<token>/documents/<file_id>: a file's bytes, as api.telegram.org serves."""

    def initialize(self, fake: FakeTelegram) -> None:
        self.fake = fake

    async def get(self, token: str, path: str) -> None:
        data = self.fake.files.get(path.removeprefix("documents/"))
        if token != self.fake.token or data is None:
            self.set_status(404)
            self.finish()
            return
        self.fake.downloads.append(path)
        self.set_header("Content-Type", "application/octet-stream")
        self.finish(data)


def _menu_key(params: dict[str, Any]) -> tuple[str, str]:
    scope = params.get("scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True), params.get("language_code") or ""


class _MethodHandler(tornado.web.RequestHandler):
    """POST (or GET) /bot<token>/<method>."""

    def initialize(self, fake: FakeTelegram) -> None:
        self.fake = fake

    async def post(self, token: str, method: str) -> None:
        if token != self.fake.token:
            self.set_status(401)
            self.finish({"ok": False, "error_code": 401, "description": "Unauthorized"})
            return
        params = self._params()
        fault = self.fake.take_fault(method)
        if fault is not None:
            self.fake.faults_served.append((method, fault.kind))
            if fault.kind != "slow":
                self._serve_fault(method, params, fault)
                return
            await asyncio.sleep(fault.delay)
        status, body = await self.fake.call(method, params)
        error = None if status == 200 else body.get("description")
        self.fake.calls.append(Recorded(method, params, status, error))
        self.fake._notify()
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        with contextlib.suppress(tornado.iostream.StreamClosedError):
            self.finish(json.dumps(body))

    get = post

    def _serve_fault(self, method: str, params: dict[str, Any], fault: Fault) -> None:
        """Fail the call as a broken network or server would, before doing anything."""
        # The HTTP status the bot saw: none for a reset, 200 for the unparsable body.
        status = {"reset": 0, "bad_json": 200}.get(fault.kind) or int(fault.kind)
        self.fake.calls.append(Recorded(method, params, status, f"fault {fault.kind}"))
        self.fake._notify()
        if fault.kind == "reset":
            stream = self.detach()  # the handler is finished: tornado writes nothing more
            # SO_LINGER 0: close() sends a TCP RST instead of a polite FIN.
            stream.socket.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
            )
            stream.close()
            return
        self.set_header("Content-Type", "application/json")
        if fault.kind == "bad_json":
            self.finish("<html>502 Bad Gateway</html>{not json")
            return
        code = int(fault.kind)
        body: dict[str, Any] = {"ok": False, "error_code": code}
        if code == 429:
            body["description"] = f"Too Many Requests: retry after {fault.retry_after}"
            body["parameters"] = {"retry_after": fault.retry_after}
        elif code in (400, 403):
            prefix = "Bad Request" if code == 400 else "Forbidden"
            body["description"] = f"{prefix}: {fault.description or 'refused'}"
        else:
            body["description"] = "Internal Server Error" if code == 500 else "Bad Gateway"
        self.set_status(code)
        self.finish(json.dumps(body))

    def _params(self) -> dict[str, Any]:
        content_type = self.request.headers.get("Content-Type", "")
        if content_type.startswith("application/json"):
            loaded: dict[str, Any] = json.loads(self.request.body or b"{}")
            return loaded
        params: dict[str, Any] = {}
        for key, values in self.request.arguments.items():
            raw = values[-1].decode()
            if key in _JSON_KEYS or raw in ("true", "false"):
                params[key] = json.loads(raw)
            elif key in _INT_KEYS and re.fullmatch(r"-?\d+", raw):
                params[key] = int(raw)
            else:
                params[key] = raw
        return params


# --- users, chats and conversations of the tests -------------------------------------------------

FR_USER = {"id": 1001, "is_bot": False, "first_name": "Amélie", "language_code": "fr"}
EN_USER = {"id": 1002, "is_bot": False, "first_name": "John", "language_code": "en"}
DE_USER = {"id": 1003, "is_bot": False, "first_name": "Jonas", "language_code": "de"}
OTHER_USER = {"id": 1004, "is_bot": False, "first_name": "Zoé", "language_code": "fr"}
SUPERGROUP = {"id": -1001234567890, "type": "supergroup", "title": "Newsroom"}
GROUP = {"id": -4242, "type": "group", "title": "Friends"}
FORUM = {"id": -1009876543210, "type": "supergroup", "title": "Forum", "is_forum": True}
CHANNEL = {"id": -1001111111111, "type": "channel", "title": "News"}


def private_chat(user: dict[str, Any]) -> dict[str, Any]:
    return {"id": user["id"], "type": "private", "first_name": user["first_name"]}


def text_message(
    fake: FakeTelegram, chat: dict[str, Any], user: dict[str, Any] | None, text: str, **extra: Any
) -> dict[str, Any]:
    """A message as Telegram sends it, with its bot_command and mention entities."""
    message: dict[str, Any] = {
        "message_id": fake.new_message_id(),
        "date": int(time.time()),
        "chat": chat,
        "text": text,
    }
    if user is not None:
        message["from"] = user
    entities = entities_of(text)
    if entities:
        message["entities"] = entities
    message.update(extra)
    return message


def document_message(
    fake: FakeTelegram, chat: dict[str, Any], user: dict[str, Any], data: bytes, file_name: str,
    mime_type: str, caption: str | None = None, file_size: int | None = None, **extra: Any,
) -> dict[str, Any]:
    """A message carrying a document; the fake server serves ``data`` for it (getFile)."""
    file_id = f"doc{len(fake.files) + 1}x{fake.new_message_id()}"
    fake.files[file_id] = data
    message: dict[str, Any] = {
        "message_id": fake.new_message_id(),
        "date": int(time.time()),
        "chat": chat,
        "from": user,
        "document": {
            "file_id": file_id, "file_unique_id": "u" + file_id, "file_name": file_name,
            "mime_type": mime_type, "file_size": len(data) if file_size is None else file_size,
        },
    }
    if caption is not None:
        message["caption"] = caption
        entities = entities_of(caption)
        if entities:
            message["caption_entities"] = entities
    message.update(extra)
    return message


def url_entities(text: str) -> list[dict[str, Any]]:
    """The url entities Telegram finds in ``text`` (http and https links), with the others."""
    found = entities_of(text)
    for match in re.finditer(r"https?://\S+", text):
        found.append({"type": "url", "offset": utf16_len(text[: match.start()]),
                      "length": utf16_len(match.group(0))})
    return sorted(found, key=lambda entity: entity["offset"])


def bot_message(
    fake: FakeTelegram, chat: dict[str, Any], text: str = "an answer"
) -> dict[str, Any]:
    """A message the bot sent earlier (what a reply to the bot points at)."""
    return text_message(fake, chat, BOT_USER, text)


async def send(
    fake: FakeTelegram, message: dict[str, Any], kind: str = "message"
) -> dict[str, Any]:
    """Queue ``message`` and return what the bot sent in answer (exactly one message)."""
    before = len(fake.sent)
    fake.push(kind, message)
    sent = await fake.wait_sent(before + 1)
    return sent[-1]


async def ask(
    fake: FakeTelegram, chat: dict[str, Any], user: dict[str, Any], text: str, **extra: Any
) -> dict[str, Any]:
    return await send(fake, text_message(fake, chat, user, text, **extra))


async def assert_silent(fake: FakeTelegram, *updates: tuple[str, dict[str, Any]]) -> None:
    """The bot answers none of ``updates``: a private /help queued after them is the only reply.

    Updates are handled in order, so once the /help is answered the others have been handled.
    """
    before = len(fake.sent)
    for kind, payload in updates:
        fake.push(kind, payload)
    sentinel = text_message(fake, private_chat(EN_USER), EN_USER, "/help")
    fake.push("message", sentinel)
    await fake.wait_sent(before + 1)
    await _settle(fake)
    assert len(fake.sent) == before + 1, [s["text"] for s in fake.sent[before:]]
    assert fake.sent[-1]["reply_parameters"]["message_id"] == sentinel["message_id"]


def press_data(
    fake: FakeTelegram,
    user: dict[str, Any],
    message: dict[str, Any],
    data: str,
    expired: bool = False,
) -> dict[str, Any]:
    """Queue a press on a button of ``message`` (a message the bot sent) carrying ``data``.

    ``expired``: Telegram no longer accepts an answer to it (the bot was down for a while).
    """
    query_id = str(next(fake._ids) * 7919)
    stored = fake.messages.get((message["chat"]["id"], message["message_id"]), message)
    shown = {key: value for key, value in stored.items() if key != "html"}
    query = {
        "id": query_id,
        "from": user,
        "message": shown,
        "chat_instance": str(abs(message["chat"]["id"])),
        "data": data,
    }
    if expired:
        fake.push("callback_query", query)
    else:
        fake.push_query("callback_query", query)
    return query


def buttons_of(fake: FakeTelegram, message: dict[str, Any]) -> dict[str, str]:
    """The buttons of ``message`` as it stands now: label → callback data."""
    stored = fake.messages[(message["chat"]["id"], message["message_id"])]
    rows = (stored.get("reply_markup") or {}).get("inline_keyboard", [])
    return {button["text"]: button["callback_data"] for row in rows for button in row}


async def press(
    fake: FakeTelegram, user: dict[str, Any], message: dict[str, Any], data: str
) -> dict[str, Any]:
    """Press a button carrying ``data``; returns the bot's answerCallbackQuery parameters."""
    query = press_data(fake, user, message, data)
    await fake.wait_for(
        lambda: any(a["callback_query_id"] == query["id"] for a in fake.callback_answers),
        f"the answer to callback query {query['id']}",
    )
    answered = [a for a in fake.callback_answers if a["callback_query_id"] == query["id"]]
    return answered[0]


async def page(
    fake: FakeTelegram, user: dict[str, Any], message: dict[str, Any], label: str
) -> dict[str, Any]:
    """Press the button labelled ``label``; returns the message once the bot has edited it."""
    before = len(fake.edits)
    answer = await press(fake, user, message, buttons_of(fake, message)[label])
    assert "text" not in answer, answer  # a press that edits is answered without a notice
    await fake.wait_for(lambda: len(fake.edits) > before, "the edit after a press")
    edit = fake.edits[before]
    assert edit["message_id"] == message["message_id"]
    stored: dict[str, Any] = fake.messages[(message["chat"]["id"], message["message_id"])]
    return stored


async def inline_query(
    fake: FakeTelegram, user: dict[str, Any], text: str, chat_type: str = "supergroup"
) -> dict[str, Any]:
    """Type ``@bot text`` in a chat; returns the bot's answerInlineQuery parameters."""
    query_id = str(next(fake._ids) * 104729)
    fake.push_query(
        "inline_query",
        {"id": query_id, "from": user, "query": text, "offset": "", "chat_type": chat_type},
    )
    await fake.wait_for(
        lambda: any(a["inline_query_id"] == query_id for a in fake.inline_answers),
        f"the answer to inline query {query_id}",
    )
    return next(a for a in fake.inline_answers if a["inline_query_id"] == query_id)


async def _settle(fake: FakeTelegram) -> None:
    """Let any message still in flight arrive (a late extra reply would then be counted).

    Chats are handled concurrently, so the sentinel's answer does not prove that updates of other
    chats are done: wait until the Application says it has nothing left to handle.
    """
    await asyncio.sleep(0.05)
    if fake.idle is None:
        return
    deadline = time.monotonic() + 5
    while not fake.idle() and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    assert fake.idle(), "the bot was still handling updates after 5 s"
