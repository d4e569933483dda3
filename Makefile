# pcplan: `make demo` runs the Cambridgeshire and Peterborough demo; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .stamps
# Test processes: one per core (pytest-xdist). `make pytest PYTEST_WORKERS=0` runs in one process.
PYTEST_WORKERS ?= auto
PCPLAN_DATA_DIR ?= $(CURDIR)
export PCPLAN_DATA_DIR
# Some environments set PYTHONDONTWRITEBYTECODE (the development machines do): every process compiles
# pcplan's source again before it runs (a sixth of a `pcplan` command's time). Let it keep .pyc.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: install dev assets demo serve test lint typecheck pytest clean screenshots \
	system-packages system-packages-test

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

# The Debian packages WeasyPrint and the PDF checks need (and chromium, for the browser tests):
# installed when missing if we are root or may `sudo -n`; otherwise the script prints the command.
system-packages:
	scripts/system-packages.sh
system-packages-test:
	scripts/system-packages.sh --test

## Install, build the assets, load the demo and serve it on http://127.0.0.1:8000
demo: system-packages install assets
	PCPLAN_DEBUG=1 $(BIN)/pcplan demo

## Install the development tools and run lint, format check, type check and the whole test suite
test: system-packages-test dev assets lint typecheck pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck:
	PCPLAN_TESTING=1 $(BIN)/mypy pcplan tests

pytest:
	PCPLAN_TESTING=1 $(BIN)/pytest -n $(PYTEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

screenshots: dev assets
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) $(STAMPS) node_modules pcplan/static/pcplan staticfiles
