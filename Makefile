# The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
PORT ?= 8000

.PHONY: run test test-postgres install install-dev browser-deps migrate demo messages lint format ci clean bench

$(PY):
	python3 -m venv $(VENV)

$(UV): | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check uv==0.13.9

$(VENV)/.installed: requirements.txt | $(UV)
	$(UV) pip install --quiet --python $(PY) -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(UV)
	$(UV) pip install --quiet --python $(PY) -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_model

demo: migrate
	$(PY) manage.py seed_demo

run: demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# Debian's Chromium and poppler for browser and PDF tests; axe-core from npm (pinned in package-lock.json).
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium poppler-utils >/dev/null; \
		else echo "Chromium or poppler-utils is missing: run 'sudo apt-get install chromium poppler-utils' (those tests are skipped without them)"; fi; \
	fi
	@if [ ! -f node_modules/axe-core/axe.min.js ]; then npm ci --no-audit --no-fund --silent; fi

test: install-dev browser-deps
	$(PY) manage.py makemigrations --check --dry-run >/dev/null || (echo "A migration is missing: run manage.py makemigrations" && exit 1)
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

# The same suite against a throwaway PostgreSQL server (the production database).
test-postgres: install-dev browser-deps
	scripts/with-postgres $(PY) -m pytest

# The production server on a synthetic national data set, loaded with wrk; prints throughput,
# latency and memory per page (docs/benchmarks.md). Not part of `make test`.
bench: install
	scripts/bench $(BENCH_ARGS)

messages: install-dev
	$(PY) manage.py makemessages -l sv --no-obsolete --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'tests/*' --ignore '*/tests/*'
	msgfmt --check -o locale/sv/LC_MESSAGES/django.mo locale/sv/LC_MESSAGES/django.po

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

ci: test

clean:
	rm -rf $(VENV) node_modules var staticfiles
