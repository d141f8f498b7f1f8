# APOP boutique — the README's two commands are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed-stamp
# Downloads are cached outside the repository.
export PIP_CACHE_DIR ?= $(HOME)/.cache/apop/pip
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.DEFAULT_GOAL := help
.PHONY: help install messages-compile setup run test lint format services services-stop messages migrations-check bench bench-full bench-demo mutation clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the Python dependencies

messages-compile: install ## Compile the fr/en message catalogues (Babel: no gettext needed)
	$(VENV)/bin/pybabel compile --domain django --directory locale --statistics 2>&1 | grep -v '^$$' || true
	@test -f locale/fr/LC_MESSAGES/django.mo

setup: messages-compile ## Install, migrate, load the taxonomies and demo content (idempotent)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) search_index --rebuild

run: setup ## Serve the product on http://127.0.0.1:8000/ with embedded defaults
	@echo "APOP boutique: http://127.0.0.1:8000/ (administration: http://127.0.0.1:8000/admin/)"
	$(MANAGE) runserver 127.0.0.1:8000

# scripts/test.sh installs (messages-compile) itself, while the services start.
test: ## Start the real services, run every test, stop the services
	scripts/test.sh

# Not part of `make test` (README « Mutation testing »: its duration). Uses stripe-mock when the
# environment names it (APOP_TEST_STRIPE_MOCK_URL, as `make services` prints); otherwise its tests
# skip. One mutant at a time and niced, since the machine is shared (MUTATION_CHILDREN=2 for two).
MUTATION_DB := $(CURDIR)/mutants/apop-mutation.sqlite3
mutation: messages-compile ## Mutation testing (mutmut) of the money, licence and download rules; fails under 90 %
	rm -rf mutants
	mkdir -p mutants
	DATABASE_URL=sqlite:///$(MUTATION_DB) APOP_TEST_DATABASE=$(MUTATION_DB) \
		nice -n 10 $(VENV)/bin/mutmut run --max-children $${MUTATION_CHILDREN:-1}
	$(VENV)/bin/mutmut export-cicd-stats
	$(PY) scripts/mutation_score.py mutants/mutmut-cicd-stats.json --minimum 90

lint: install ## ruff (lint and format check) and import-linter (the apps' layers)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: install ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

services: ## Start the test services and print their environment (stop: make services-stop)
	scripts/services.sh start
	@scripts/services.sh env

services-stop: ## Stop the test services
	scripts/services.sh stop

messages: install ## Update the fr/en catalogues from the code (needs GNU gettext)
	$(MANAGE) makemessages --locale fr --locale en --no-obsolete --add-location file \
		--ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'tests/*' --ignore 'node_modules/*'
	$(PY) scripts/fill_english_catalogue.py
	@echo "Now translate the new entries of locale/fr/LC_MESSAGES/django.po."

migrations-check: install ## Fail when a model change has no migration
	$(MANAGE) makemigrations --check --dry-run

# The services' environment (PostgreSQL, OpenSearch) when `make services` started them here; else
# the one exported already. The run makes its own database and index prefix and drops them.
BENCH_ENV = eval "$$(scripts/services.sh env)";
bench: messages-compile ## Benchmark 10,000 generated resources on PostgreSQL and OpenSearch (benchmarks/README.md)
	$(BENCH_ENV) $(PY) -m benchmarks.run --count 10000

bench-full: messages-compile ## The same at 100,000 resources (about 17 minutes on 2 cores)
	$(BENCH_ENV) $(PY) -m benchmarks.run --count 100000

bench-demo: setup ## In-process page and search latency on the demo catalogue (benchmarks/bench_*.py)
	$(PY) benchmarks/bench_pages.py
	$(PY) benchmarks/bench_search.py

clean: ## Remove generated files (not the database or media)
	rm -rf staticfiles test-results .pytest_cache .ruff_cache
	find . -name __pycache__ -not -path './.venv/*' -prune -exec rm -rf {} +
