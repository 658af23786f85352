#!/usr/bin/env bash
# The deployment examples, checked with the real tools where this machine has them: the systemd
# unit (systemd-analyze verify), the compose file (docker-compose config), and the nginx example
# (nginx -t, then a real request through nginx over TLS to `article-bot run` in webhook mode,
# against the project's local Bot API server). Needs `make test` to have made .venv/; nginx and
# docker-compose are Debian packages (apt-get install nginx-light docker-compose). A tool that is
# missing is reported as not checked; the script fails only on a check that ran and failed.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
py="$repo/.venv/bin/python"
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    [[ -f $work/nginx.pid ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
step() { printf '== %s\n' "$*"; }
fail() { echo "check-examples: $*" >&2; exit 1; }
free_port() { "$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

step "deploy/article-bot.service"
if command -v systemd-analyze >/dev/null; then
    # /opt/article-bot does not exist here: verify the unit with a program that does.
    sed 's|^ExecStart=.*|ExecStart=/bin/true|' "$repo/deploy/article-bot.service" \
        >"$work/article-bot.service"
    systemd-analyze verify "$work/article-bot.service"
    echo "systemd-analyze verify: ok (ExecStart replaced by /bin/true)"
else
    echo "not checked: systemd-analyze is not installed"
fi

step "compose.yaml"
if command -v docker-compose >/dev/null; then
    mkdir "$work/compose"
    cp "$repo/compose.yaml" "$work/compose/"
    printf 'TELEGRAM_BOT_TOKEN=\nPOSTGRES_PASSWORD=example\n' >"$work/compose/.env"
    (cd "$work/compose" && docker-compose config -q)
    echo "docker-compose $(docker-compose version --short) config: ok"
else
    echo "not checked: docker-compose is not installed"
fi

step "deploy/nginx.conf in front of the bot in webhook mode"
if ! command -v nginx >/dev/null; then
    echo "not checked: nginx is not installed"
    exit 0
fi
tls_port=$(free_port)
bot_port=$(free_port)
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=bot.example.org" \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
# The example as shipped, with a throw-away certificate, a free port and the bot's port.
sed -e "s|/etc/letsencrypt/live/bot.example.org/fullchain.pem|$work/cert.pem|" \
    -e "s|/etc/letsencrypt/live/bot.example.org/privkey.pem|$work/key.pem|" \
    -e "s|listen 443 ssl;|listen 127.0.0.1:$tls_port ssl;|" -e "s|listen \[::\]:443 ssl;||" \
    -e "s|127.0.0.1:8443|127.0.0.1:$bot_port|g" "$repo/deploy/nginx.conf" >"$work/site.conf"
cat >"$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events {}
http {
    access_log $work/nginx-access.log;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    include $work/site.conf;
}
CONF
nginx -t -c "$work/nginx.conf" 2>&1 | tail -1
nginx -c "$work/nginx.conf"

# The project's local Bot API server, then the bot in webhook mode behind nginx.
cd "$repo"
"$py" - >"$work/fake.url" 2>"$work/fake.log" <<'PY' &
import asyncio
from tests.bot.fake_telegram import FakeTelegram

async def serve() -> None:
    fake = await FakeTelegram().start()
    print(fake.base_url, flush=True)
    await asyncio.Event().wait()

asyncio.run(serve())
PY
pids+=($!)
for _ in $(seq 50); do [[ -s $work/fake.url ]] && break; sleep 0.1; done
api=$(cat "$work/fake.url")
token=$("$py" -c 'from tests.bot.fake_telegram import TOKEN; print(TOKEN)')
secret=example-secret-token
(cd "$work" && exec env -i PATH=/usr/bin:/bin HOME="$work" PYTHONPATH="$repo" \
    TELEGRAM_BOT_TOKEN="$token" TELEGRAM_BOT_API_URL="$api" WEBHOOK_SECRET_TOKEN="$secret" \
    WEBHOOK_URL="https://bot.example.org/telegram/hook" WEBHOOK_PORT="$bot_port" \
    "$py" -m bot run >"$work/bot.log" 2>&1) &
pids+=($!)
for _ in $(seq 100); do grep -q "Serving the webhook" "$work/bot.log" 2>/dev/null && break; sleep 0.1; done
grep -q "Serving the webhook" "$work/bot.log" || fail "the bot did not start: $(cat "$work/bot.log")"

curl_tls() { curl -sk --resolve "bot.example.org:$tls_port:127.0.0.1" "$@"; }
health=$(curl_tls -w ' %{http_code}' "https://bot.example.org:$tls_port/healthz")
[[ $health == '{"status": "ok", "checks": {"application": "ok"}} 200' ]] \
    || fail "/healthz through nginx: $health"
echo "GET /healthz through nginx (TLS): $health"
update='{"update_id": 1, "message": {"message_id": 5, "date": 0, "text": "/who blague",
  "chat": {"id": 1002, "type": "private", "first_name": "John"},
  "from": {"id": 1002, "is_bot": false, "first_name": "John", "language_code": "en"},
  "entities": [{"type": "bot_command", "offset": 0, "length": 4}]}}'
code=$(curl_tls -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -H "X-Telegram-Bot-Api-Secret-Token: $secret" --data "$update" \
    "https://bot.example.org:$tls_port/telegram/hook")
[[ $code == 200 ]] || fail "an update through nginx: HTTP $code"
wrong=$(curl_tls -o /dev/null -w '%{http_code}' -H 'X-Telegram-Bot-Api-Secret-Token: wrong' \
    --data "$update" "https://bot.example.org:$tls_port/telegram/hook")
[[ $wrong == 403 ]] || fail "an update with the wrong secret through nginx: HTTP $wrong"
other=$(curl_tls -o /dev/null -w '%{http_code}' "https://bot.example.org:$tls_port/anything")
[[ $other == 404 ]] || fail "another path through nginx: HTTP $other"
for _ in $(seq 50); do grep -q "private message /who" "$work/bot.log" && break; sleep 0.1; done
grep "bot.updates" "$work/bot.log" | tail -1
grep -q "private message who: found" "$work/bot.log" || fail "the update was not answered"
echo "POST update through nginx: 200, answered; wrong secret: 403; other paths: 404"
step "examples: all checks that ran passed"
