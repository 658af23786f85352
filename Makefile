# Two commands do all set-up (docs/CONTRACT.md): `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# Every install takes its versions from the lock, as the image does (docs/DEPLOY.md); `make lock`
# writes it again after a dependency changes in pyproject.toml.
LOCK := constraints.txt
PIP_INSTALL := $(BIN)/python -m pip install --quiet --constraint $(LOCK)
# setuptools announces every editable install with an "Editable installation" notice that pip
# shows as a warning; it is information about the install mode, not a fault of the project.
EDITABLE := PYTHONWARNINGS="ignore:Editable installation" $(PIP_INSTALL) -e
# Is a token set (environment or .env)? `make run` starts the bot if so, the console chat if not.
HAS_TOKEN := $(BIN)/python -c "import sys; from bot.settings import load_settings; \
	sys.exit(0 if load_settings().token else 1)" 2>/dev/null

.PHONY: run test lint typecheck pytest eval bench lock image-check clean help

help:
	@echo "make run          - set up .venv and start the bot (console chat without TELEGRAM_BOT_TOKEN)"
	@echo "make test         - set up .venv with test extras, then ruff, mypy and the whole test suite"
	@echo "make eval         - search and attribution quality on the bundled and the real articles"
	@echo "make bench        - performance benchmarks"
	@echo "make lock         - pin every dependency again in $(LOCK) (after editing pyproject.toml)"
	@echo "make image-check  - the Docker image's build steps, run here without Docker"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml $(LOCK) | $(BIN)/python
	$(EDITABLE) .
	@touch $@

$(TEST_STAMP): pyproject.toml $(LOCK) | $(BIN)/python
	$(EDITABLE) '.[test]'
	@touch $@ $(STAMP)

run: $(STAMP)
	@if $(HAS_TOKEN); then \
		exec $(BIN)/python -m bot run; \
	else \
		exec $(BIN)/python -m bot chat; \
	fi

lint: $(TEST_STAMP)
	$(BIN)/ruff check bot index tests bench
	$(BIN)/mypy

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

pytest: $(TEST_STAMP)
	$(BIN)/python -m pytest -q

test: $(TEST_STAMP)
	$(BIN)/ruff check bot index tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/python -m index.evaluation $(EVAL_ARGS)

BENCH_STAMP := $(VENV)/.installed-bench
$(BENCH_STAMP): pyproject.toml $(LOCK) | $(BIN)/python
	$(EDITABLE) '.[test,bench]'
	@touch $@ $(STAMP) $(TEST_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

# The lock: every package that `pip install '.[test,bench,nlp]'` brings, at the version it brings
# today, resolved in a fresh virtual environment without the old lock. Commit the result.
# A package installed from a URL (`name @ https://…`) is left out: pip refuses links as
# constraints, and the URL in pyproject.toml already pins it.
LOCK_VENV := $(VENV)-lock
lock:
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(LOCK_VENV)/bin/python -m pip install --quiet '.[test,bench,nlp]'
	{ echo "# The versions every install of article-bot uses (make test, make run, the Docker image)."; \
	  echo "# Written by 'make lock' with $$($(LOCK_VENV)/bin/python --version); do not edit by hand."; \
	  $(LOCK_VENV)/bin/python -m pip freeze --all --exclude article-bot | grep -v ' @ '; } > $(LOCK)
	rm -rf $(LOCK_VENV) build
	@echo "$(LOCK): $$(grep -c '==' $(LOCK)) pinned packages"

image-check:
	deploy/check-image.sh

clean:
	rm -rf $(VENV) $(LOCK_VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
