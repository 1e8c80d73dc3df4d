# wasmui — every dependency is installed by these targets (fresh Debian + Python 3.11 + Node 20).
PY ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: all setup test test-py test-e2e typecheck-py serve web wheel chromium bench clean

all: setup

$(VENV)/.stamp: pyproject.toml
	$(PY) -m venv $(VENV)
	$(VPY) -m pip install -q -U pip
	$(VPY) -m pip install -q -e '.[test,native]'
	touch $@

node_modules/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian's Chromium for the end-to-end tests (never `playwright install`).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi; }

setup: $(VENV)/.stamp node_modules/.stamp

# Browser assets (shell, worker, service worker, Pyodide, wasmui wheel) into wasmui/_web/.
web: setup
	npm run build
	$(VPY) -m wasmui.webassets

test: setup chromium web
	npm run typecheck
	npm run test:unit
	$(VPY) -m mypy
	$(VPY) -m pytest -q

test-py: setup typecheck-py
	$(VPY) -m pytest -q -m "not e2e"

# mypy --strict over wasmui/ (settings in pyproject.toml).
typecheck-py: setup
	$(VPY) -m mypy

test-e2e: setup chromium web
	$(VPY) -m pytest -q -m e2e

# The examples gallery on http://127.0.0.1:$(PORT)/ (rebuilds and reloads on change).
serve: setup web
	$(VPY) -m wasmui serve examples --port $(PORT)

# Boot / latency / size figures into bench/results/ (one browser, one run).
bench: setup chromium web
	$(VPY) bench/boot.py

clean:
	rm -rf $(VENV) node_modules wasmui/_web dist build
