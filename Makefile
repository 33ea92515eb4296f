# Newsroom: `make run` for the demo site, `make test` for the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format check setup clean bench bench-traffic bench-images bench-import bench-live bench-newsletter bench-desk messages lighthouse

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

setup: $(STAMP)

# PORT=8123 make run serves elsewhere; SITE_URL follows the port unless set.
PORT ?= 8000
run: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py load_demo
	DEBUG=1 PORT=$(PORT) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py check
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

# Refresh the French catalogue after changing interface text, translate, then compile.
messages: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py makemessages -l fr --ignore=.venv --ignore=tests --ignore=bench --no-obsolete
	DEBUG=1 $(BIN)/python manage.py makemessages -d djangojs -l fr --ignore=.venv --ignore=tests --ignore=bench --ignore=node_modules --ignore=staticfiles --no-obsolete
	msgfmt --check -o locale/fr/LC_MESSAGES/django.mo locale/fr/LC_MESSAGES/django.po
	msgfmt --check -o locale/fr/LC_MESSAGES/djangojs.mo locale/fr/LC_MESSAGES/djangojs.po

# Load test on this machine's PostgreSQL and Redis, then a live story's readers polling
# beside the traffic mix: ARTICLES=100000 make bench
bench: $(STAMP)
	$(BIN)/python bench/run.py --articles $(or $(ARTICLES),1000)
	$(BIN)/python bench/live_polls.py --articles $(or $(ARTICLES),1000) $(LIVE_ARGS)
	$(BIN)/python bench/admin_desk.py --articles $(or $(ARTICLES),1000)

# The editors' desk alone: DESK_ARGS="--database newsroom_bench_100000_new --against 1000" for
# compare.py's 100,000 articles, each request also held to 1.5 times its 1,000-article figure.
bench-desk: $(STAMP)
	$(BIN)/python bench/admin_desk.py --articles $(or $(ARTICLES),1000) $(DESK_ARGS)

# Newsroom traffic, another checkout (OLD: today's main) against this one (or NEW), side by
# side: OLD=/tmp/bench-old make bench-traffic [ARTICLES=1000] [TRAFFIC_ARGS="--reuse"]
bench-traffic: $(STAMP)
	$(if $(OLD),,$(error OLD=<a checkout of today's main> is needed, e.g. git worktree add --detach /tmp/bench-old main))
	$(BIN)/python bench/compare.py $(OLD) $(or $(NEW),.) --articles $(or $(ARTICLES),100000) $(TRAFFIC_ARGS)

bench-import: $(STAMP)
	$(BIN)/python -m importer.bench

# A live story's readers polling beside the traffic mix, an entry every 10 s, on its own.
bench-live: $(STAMP)
	$(BIN)/python bench/live_polls.py --articles $(or $(ARTICLES),1000) $(LIVE_ARGS)

# L'essentiel to 10,000 subscribers through the task worker, the traffic mix beside it.
bench-newsletter: $(STAMP)
	$(BIN)/python bench/newsletter_send.py --articles $(or $(ARTICLES),1000) $(NEWSLETTER_ARGS)

bench-images: $(STAMP)
	$(BIN)/python bench/image_pipeline.py
	$(BIN)/python bench/picture_upload.py

# Lighthouse (npm, package.json) with Debian's Chromium on the demo served as in production,
# loopback only: LIGHTHOUSE_ARGS="--pages home article" narrows it.
lighthouse: $(STAMP)
	test -x node_modules/.bin/lighthouse || npm ci --no-audit --no-fund --ignore-scripts
	$(BIN)/python bench/lighthouse.py $(LIGHTHOUSE_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .test-media
