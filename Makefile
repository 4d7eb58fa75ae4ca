# Two commands do all set-up on a fresh machine: `make demo` and `make test`. Online, the demo
# also polls feeds/world.toml once (at most 60 new articles and 90 seconds) so the ledger holds
# today's news; offline it says so in one line and serves the bundled sample.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= wirewatch.db

.PHONY: install demo test test-fast lint goldens goldens-check mutation reliability docs bench clean \
	screenshots

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: install
	$(BIN)/wirewatch ingest examples --db $(DB)
	@if $(BIN)/python -c "import socket; socket.create_connection(('feeds.bbci.co.uk', 443), 3).close()" 2>/dev/null; then \
		$(BIN)/wirewatch watch feeds/world.toml --once --limit 60 --seconds 90 --db $(DB) || true; \
	else echo "offline: no news feed can be reached, so the ledger holds the bundled sample only"; fi
	$(BIN)/wirewatch actors --db $(DB)
	@echo "The ledger is in $(abspath $(DB)); serving it at http://127.0.0.1:8000 (Ctrl-C stops)"
	$(BIN)/wirewatch serve --db $(DB) --host 127.0.0.1 --port 8000

# The store tests also run against a real PostgreSQL server on 127.0.0.1, and the page tests in
# Debian's chromium (both installed with apt-get where missing; required when CI=true). The
# server is stopped afterwards if this started it; the exit status is pytest's.
test: install
	$(BIN)/ruff check src tests bench scripts
	scripts/install_chromium.sh
	scripts/with_postgres.sh $(BIN)/python -m pytest -q

# The tests that need no browser, server, second process or cluster, for the edit-test loop,
# a process per core (about a minute on two); `make test` runs them all, PostgreSQL's too.
test-fast: install
	env -u WIREWATCH_TEST_POSTGRES $(BIN)/python -m pytest -q -m "not slow" -n auto

# docs/screenshots/: every page of the desk at 1366 px, from a demo ledger (the test fixtures'
# articles across months and publishers) served by `wirewatch serve` on 127.0.0.1 and saved
# by Debian's chromium through Playwright (scripts/screenshots.py, about a minute).
screenshots: install
	scripts/install_chromium.sh
	$(BIN)/python scripts/screenshots.py

lint: install
	$(BIN)/ruff check src tests bench scripts

# `goldens` rewrites tests/golden/*/*.expected.json and prints what changed in each;
# `goldens-check` writes the new output to a temporary folder and fails on any difference.
goldens: install
	$(BIN)/python scripts/regenerate_goldens.py

goldens-check: install
	$(BIN)/python scripts/regenerate_goldens.py --check

# Mutation testing, outside `make test` and CI (5 to 10 minutes a slice on two cores): mutmut over
# convert, the modality, quantity and time rules, the store's reads and the API's auth; the
# score and the surviving mutants go to docs/reliability.md. SLICE picks which tenths of the
# mutants run (by the last digit of their number): SLICE=0 is one tenth, SLICE=0123456789 all.
SLICE ?= 0
mutation: install
	$(BIN)/python -m pip install --quiet -e ".[dev,mutation]"
	$(BIN)/python scripts/mutation.py --slice $(SLICE)

# docs/reliability.md, outside `make test` and CI (about 10 minutes on two cores): the hostile
# corpus, ingest killed with SIGKILL and rerun, serve read while ingest writes for a minute, on
# SQLite and a throw-away PostgreSQL server; `make mutation`'s section is kept. `make test`
# runs short versions (tests/reliability/).
reliability: install
	scripts/with_postgres.sh $(BIN)/python scripts/reliability.py

docs: install
	$(BIN)/python scripts/generate_cli_docs.py

bench: install
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/workers.py --copies 4
	$(BIN)/python bench/writer.py
	$(BIN)/python bench/query.py
	$(BIN)/python bench/engines.py --copies 4 --shards 16

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache mutants
