# pcplan: `make demo` runs the Cambridgeshire and Peterborough demo; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .stamps
PCPLAN_DATA_DIR ?= $(CURDIR)
export PCPLAN_DATA_DIR

.PHONY: install dev assets demo serve test lint typecheck pytest clean screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMPS)/install: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/dev: $(STAMPS)/install
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@mkdir -p $(STAMPS) && touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

pcplan/static/pcplan/pcplan.css: node_modules/.package-lock.json pcplan/assets/pcplan.scss scripts/build-assets.mjs
	npm run --silent build

install: $(STAMPS)/install
dev: $(STAMPS)/dev
assets: pcplan/static/pcplan/pcplan.css

## Install, build the assets, load the demo and serve it on http://127.0.0.1:8000
demo: install assets
	PCPLAN_DEBUG=1 $(BIN)/pcplan demo

## Install the development tools and run lint, format check, type check and the whole test suite
test: dev assets lint typecheck pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck:
	PCPLAN_TESTING=1 $(BIN)/mypy pcplan tests

pytest:
	PCPLAN_TESTING=1 $(BIN)/pytest $(PYTEST_ARGS)

screenshots: dev assets
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) $(STAMPS) node_modules pcplan/static/pcplan staticfiles
