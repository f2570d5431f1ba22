# Two commands: `make demo` and `make test`. Each sets up .venv first when needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test serve clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,ray]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/dyad ingest examples/
	$(BIN)/dyad events

test: install
	$(BIN)/python -m pytest

serve: install
	$(BIN)/dyad serve

clean:
	rm -rf $(VENV) dyad.duckdb build src/*.egg-info
