#!/usr/bin/env bash
# The Docker image's build steps, run here without Docker (no Docker engine runs on the machines
# this project is developed and tested on): the build context the Dockerfile copies, the wheel
# built from it, installed with constraints.txt into a fresh virtual environment, then the
# installed bot used from an empty directory, as root and as an unprivileged user.
#
# Usage: deploy/check-image.sh    (make image-check; PYTHON picks the interpreter, default
# python3, which should be the image's Python, 3.11)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
step() { printf '== %s\n' "$*"; }
fail() { echo "check-image: $*" >&2; exit 1; }

step "the Dockerfile's build stage is the one this script mirrors"
build_stage=$(awk '/^FROM /{n++} n==1' "$repo/Dockerfile")
grep -qx 'RUN install-from-wheel /src /opt/article-bot' <<<"$build_stage" || {
    echo "Dockerfile: the build stage no longer runs 'install-from-wheel /src /opt/article-bot';" \
         "update deploy/check-image.sh with it" >&2
    exit 1
}

step "the build context: the sources of the build stage's COPY lines, and nothing else"
context="$work/src"
mkdir -p "$context"
while read -r _ args; do
    read -ra parts <<<"$args"
    dest=${parts[-1]}
    unset 'parts[-1]'
    case $dest in
        /src/*|./*|.) target="$context/${dest#/src/}" ;;
        *) continue ;;  # a tool copied elsewhere (the install script): used from the repo below
    esac
    for source in "${parts[@]}"; do
        if [[ $dest == */ || ${#parts[@]} -gt 1 ]]; then
            mkdir -p "$target"
            cp -R "$repo/$source" "$target/"
        else
            mkdir -p "$(dirname "$target")"
            cp -R "$repo/$source" "$target"
        fi
    done
done < <(grep -E '^COPY ' <<<"$build_stage" | grep -v -- '--from')
find "$context" -name __pycache__ -prune -exec rm -rf {} +
ls "$context"

step "RUN install-from-wheel /src /opt/article-bot (here: $work/venv, with $($python --version))"
PIP_NO_CACHE_DIR=1 PYTHON=$python "$repo/deploy/install-from-wheel.sh" "$context" "$work/venv"
venv="$work/venv"
"$venv/bin/python" -m pip list --format=freeze | grep -i '^article-bot=='

step "the installed bot, from an empty directory with an empty environment"
empty="$work/empty"
mkdir -p "$empty"
run() { (cd "$empty" && env -i PATH="$venv/bin:/usr/bin:/bin" HOME="$empty" "$@"); }
run python -c 'import bot, index, sys; where = bot.__file__
assert where.startswith(sys.prefix), where; print("bot imported from", where)'
answer=$(run article-bot ask --json "Qui a parlé d’une blague ?")
run python -c 'import json, sys; a = json.loads(sys.argv[1])
assert a["found"] and a["results"][0]["paragraph"] == 7, a; print("ask --json: paragraph 7")' \
    "$answer"
reply=$(printf 'merci !\n' | run article-bot chat 2>/dev/null)
grep -q 'Avec plaisir' <<<"$reply" || fail "chat did not answer small talk: $reply"
echo "chat: small talk answered (bot/data in the wheel)"
set +e
run article-bot run 2>"$work/run.err"
status=$?
set -e
[[ $status == 2 ]] || fail "run without a token exited with $status, not 2"
grep -q 'TELEGRAM_BOT_TOKEN' "$work/run.err" || fail "run without a token: $(cat "$work/run.err")"
echo "run without a token: exit status 2, $(wc -l <"$work/run.err") line"

if [[ $(id -u) == 0 ]] && command -v setpriv >/dev/null; then
    step "the same as an unprivileged user (uid 65534), as the image's USER"
    run setpriv --reuid=65534 --regid=65534 --clear-groups \
        article-bot who --json "nucléaire" >/dev/null
    echo "who --json as uid 65534: ok"
fi
step "image build steps: all passed"
