#!/bin/sh
# The Docker image's build steps (see Dockerfile), also run without Docker by
# deploy/check-image.sh: build the project's wheel, then install that wheel with the versions
# pinned in constraints.txt into a fresh virtual environment.
#
# Usage: deploy/install-from-wheel.sh SOURCE_DIR VENV_DIR    (PYTHON picks the interpreter)
set -eu

source_dir=$1
venv=$2
python=${PYTHON:-python3}
lock="$source_dir/constraints.txt"
wheels=$(mktemp -d)
trap 'rm -rf "$wheels"' EXIT

"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --constraint "$lock" --upgrade pip
"$venv/bin/python" -m pip wheel --quiet --no-deps --wheel-dir "$wheels" "$source_dir"
"$venv/bin/python" -m pip install --quiet --constraint "$lock" "$wheels"/article_bot-*.whl
"$venv/bin/python" -m pip check
