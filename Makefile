# The README's two commands: `make demo` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_ENV := DEBUG=true JEUGDHULP_DEMO_TOTP_HINT=true
HOST ?= 127.0.0.1
PORT ?= 8000

# Fixed dates for the date-sensitive run: a Saturday, Koningsdag, and a year end (see tests/conftest.py).
TEST_DATES ?= 2027-03-06 2027-04-27 2026-12-31

.PHONY: demo test test-dates install install-test lint format check-migrations check-openapi openapi vendor lock bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-base: $(BIN)/python requirements/base.txt pyproject.toml
	$(BIN)/pip install --quiet -r requirements/base.txt
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed-base requirements/test.txt
	$(BIN)/pip install --quiet -r requirements/test.txt
	@touch $@

install: $(VENV)/.installed-base
install-test: $(VENV)/.installed-test

## make demo: install, migrate SQLite, build the demo municipality (once), print logins, serve on :8000 with the worker
demo: install
	$(DEMO_ENV) $(BIN)/jeugdhulp migrate --noinput -v 0
	$(DEMO_ENV) $(BIN)/jeugdhulp demo
	$(DEMO_ENV) $(BIN)/jeugdhulp demo_logins --url http://$(HOST):$(PORT)
	$(DEMO_ENV) BIN=$(BIN) sh scripts/web_en_worker.sh $(HOST):$(PORT)  # web + worker; Ctrl-C stops both

## make test: install test tools and run every gate and the whole suite (SQLite unless DATABASE_URL says otherwise)
test: install-test lint check-migrations check-openapi
	$(BIN)/pytest

## make test-dates: the suite (browser tests aside) once more under each fixed date, so no test depends on the day it runs
test-dates: install-test
	@for d in $(TEST_DATES); do echo "== tests on $$d"; PYTEST_VANDAAG=$$d $(BIN)/pytest -q -m "not browser" -p no:randomly || exit 1; done

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-migrations:
	$(BIN)/jeugdhulp makemigrations --check --dry-run

check-openapi:  ## the schema is generated against one backend: integer ranges differ per database
	@DATABASE_URL=sqlite:///:memory: $(BIN)/jeugdhulp spectacular --validate --fail-on-warn --file $(VENV)/openapi.generated.yaml
	@diff -u openapi.yaml $(VENV)/openapi.generated.yaml && echo "openapi.yaml is up to date" \
	  || (echo "openapi.yaml differs from the code: run 'make openapi' and commit it" && exit 1)

openapi: install
	DATABASE_URL=sqlite:///:memory: $(BIN)/jeugdhulp spectacular --validate --fail-on-warn --file openapi.yaml

## make vendor: refresh the front-end assets from the npm registry (needs Node; `make demo` does not)
vendor:
	npm install --no-audit --no-fund
	$(PYTHON) scripts/vendor_assets.py

## make lock: re-pin Python dependencies after editing pyproject.toml
lock: $(BIN)/python
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml -o requirements/base.txt --python-version 3.11 -q
	$(BIN)/uv pip compile pyproject.toml --extra test -o requirements/test.txt --python-version 3.11 -q

bench: install-test
	$(BIN)/python bench/ijw_ingest.py

clean:
	rm -rf $(VENV) var/jeugdhulp.sqlite3*
