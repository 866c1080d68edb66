### collective.migrationnetwork
# `make start` and `make test` are all a newcomer needs; both install first.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --warn-undefined-variables --no-builtin-rules

PYTHON ?= python3
UV_VERSION := 0.13.9
HOST ?= 127.0.0.1
PORT ?= 8080
SITE_ID ?= Plone
ADMIN_PASSWORD ?= admin
DELETE_EXISTING ?= 0
FORCE ?= 0
BACKUP_DIR ?= instance/var/backups
BACKUP_KEEP ?= 7
RESTORE_DATE ?=
PYTEST_ARGS ?=
# Test processes (pytest-xdist): one per core; 0 runs the tests in-process.
TEST_WORKERS ?= auto
FUZZ_SCALE ?= 3
CHROMIUM ?= /usr/bin/chromium

TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/$(VENV)
export INSTANCE_HOME := $(CURDIR)/instance
export ZODB_CONF ?= $(CURDIR)/instance/etc/zodb-filestorage.conf
export SITE_ID ADMIN_PASSWORD DELETE_EXISTING FORCE BACKUP_DIR BACKUP_KEEP RESTORE_DATE

XML_FILES = $(shell find src -name '*.xml' -o -name '*.zcml')

.PHONY: help
help: ## Show the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-15s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)"

$(INSTALLED): $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

.PHONY: install
install: $(INSTALLED) ## Install the locked dependencies and the add-on into .venv
	mkdir -p instance/var/filestorage instance/var/blobstorage instance/var/cache instance/var/log

.PHONY: create-site
create-site: install ## Create the Plone site if missing (DELETE_EXISTING=1 recreates it)
	$(BIN)/zconsole run instance/etc/zope.conf scripts/create_site.py

.PHONY: start
start: create-site ## Serve the portal at http://$(HOST):$(PORT)/$(SITE_ID)
	$(BIN)/runwsgi instance/etc/zope.ini http_host=$(HOST) http_port=$(PORT)

.PHONY: backup
backup: install ## Back up Data.fs (repozo, incremental) and the blobs to BACKUP_DIR, keeping BACKUP_KEEP full backups
	VAR=instance/var REPOZO=$(BIN)/repozo bash scripts/backup.sh backup

.PHONY: restore
restore: install ## Restore Data.fs and the blobs from BACKUP_DIR (RESTORE_DATE=YYYY-MM-DD-HH-MM-SS for an earlier one); stop the portal first
	VAR=instance/var REPOZO=$(BIN)/repozo bash scripts/backup.sh restore

.PHONY: anonymise-registrations
anonymise-registrations: install ## Anonymise the registrations of trainings that ended longer ago than the retention period (also done daily by the portal)
	$(BIN)/zconsole run instance/etc/zope.conf scripts/anonymise_registrations.py

.PHONY: console
console: install ## Open a Python console with the Zope app (`app`)
	$(BIN)/zconsole debug instance/etc/zope.conf

.PHONY: browser
browser: ## Install Debian's Chromium for the browser tests if it is missing (needs root or sudo, and apt-get)
	@if [ -x "$(CHROMIUM)" ]; then \
		exit 0; \
	fi; \
	if [ "$$(id -u)" = 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; \
	else sudo=none; fi; \
	if [ "$$sudo" = none ] || ! command -v apt-get >/dev/null; then \
		echo "make browser: $(CHROMIUM) is missing; install Debian's chromium and chromium-driver." \
			"The browser tests are skipped without it, and fail on CI (CI=true)." >&2; \
	else \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q \
		&& $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver \
		|| echo "make browser: installing chromium failed; the browser tests are skipped (or fail on CI)." >&2; \
	fi

.PHONY: test
test: install browser ## Run the test suite (tests/integrator in a session of its own)
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)
	INTEGRATOR_TESTS=1 $(BIN)/pytest -q tests/integrator $(PYTEST_ARGS) || [ $$? -eq 5 ]

PLONE61 := $(TOOLS)/plone61
PLONE61_TESTS := tests/integrator tests/setup/test_setup_install.py tests/setup/test_setup_uninstall.py

.PHONY: test-plone61
test-plone61: $(UV) ## Install-and-smoke tests on the latest Plone 6.1 (a second resolution, in .tools/plone61)
	$(UV) pip compile --quiet pyproject.toml --group server --group test \
		--constraints .ci/plone61-constraints.txt --python $(PYTHON) -o $(PLONE61)-lock.txt
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(PLONE61)
	VIRTUAL_ENV=$(PLONE61) $(UV) pip sync --quiet $(PLONE61)-lock.txt
	VIRTUAL_ENV=$(PLONE61) $(UV) pip install --quiet --no-deps -e .
	INTEGRATOR_TESTS=1 $(PLONE61)/bin/pytest -p no:warnings -q $(PLONE61_TESTS) $(PYTEST_ARGS)

.PHONY: test-coverage
test-coverage: install ## Run the test suite and report coverage
	$(BIN)/pytest --cov --cov-report=term-missing --cov-report=html $(PYTEST_ARGS)

BENCH_ARGS ?=

.PHONY: bench
bench: install ## Benchmark against a vanilla Plone site at 10,000 items (docs/performance.md)
	$(BIN)/python scripts/bench/bench_run.py --size 10000 $(BENCH_ARGS)

.PHONY: bench-100k
bench-100k: install ## The same benchmark at 100,000 items (an hour or more)
	$(BIN)/python scripts/bench/bench_run.py --size 100000 $(BENCH_ARGS)

.PHONY: bench-registrations
bench-registrations: install ## Benchmark registering for trainings: throughput, 50 clients racing for the last places, the training page (docs/performance.md)
	$(BIN)/python scripts/bench/bench_registrations.py $(BENCH_ARGS)

.PHONY: fuzz
fuzz: install ## Property-based run of the REST API as anonymous, editor and admin, FUZZ_SCALE times CI's (docs/reliability.md)
	FUZZ_SCALE=$(FUZZ_SCALE) FUZZ_IDENTITIES=anonymous,editor,admin \
		$(BIN)/pytest tests/openapi/test_fuzz.py tests/reliability/test_fuzz_restapi.py -s -q $(PYTEST_ARGS)

.PHONY: lint
lint: install ## Check Python (ruff) and XML/ZCML (zpretty)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/zpretty --check $(XML_FILES)

.PHONY: format
format: install ## Format Python (ruff) and XML/ZCML (zpretty)
	$(BIN)/ruff check --fix src tests scripts
	$(BIN)/ruff format src tests scripts
	$(BIN)/zpretty -i $(XML_FILES)

.PHONY: versions
versions: install ## Regenerate versions.cfg (buildout pins) from uv.lock
	$(BIN)/python scripts/lock_to_versions.py uv.lock > versions.cfg

.PHONY: clean
clean: ## Remove the environment, generated files and caches (keeps the data)
	rm -rf $(VENV) $(TOOLS) htmlcov .coverage .ruff_cache instance/var/cache
	find src tests -name __pycache__ -type d -prune -exec rm -rf {} +
	find src -name '*.mo' -delete
