# Two commands for a new user: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
BACKENDS := jax torch tensorflow numpy
# Test processes per backend run (pytest-xdist); CI machines have 2 cores.
TEST_WORKERS ?= 2
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt

.PHONY: demo test lint format bench bench-import clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The default backend (jax) only, as `pip install keras-core-mb[jax]` gives,
# plus scikit-learn for the digits the demo trains on.
$(VENV)/.demo-installed: $(BIN)/python pyproject.toml constraints.txt
	$(PIP_INSTALL) -e ".[jax,demo]"
	touch $@

# Every backend plus the test tools.
$(VENV)/.test-installed: $(BIN)/python pyproject.toml constraints.txt
	$(PIP_INSTALL) -e ".[all,test]"
	touch $@ $(VENV)/.demo-installed

# The demo venv has only JAX, so a keras.json left by another Keras install
# (which writes "tensorflow" there) must not pick the backend.
demo: $(VENV)/.demo-installed
	KERAS_BACKEND=$${KERAS_BACKEND:-jax} $(BIN)/python examples/demo.py

# Runs the whole suite once per backend; fails if any backend fails.
test: $(VENV)/.test-installed
	@failed=""; \
	for backend in $(BACKENDS); do \
		echo "=== tests on the $$backend backend"; \
		KERAS_BACKEND=$$backend $(BIN)/python -m pytest -n $(TEST_WORKERS) \
			|| failed="$$failed $$backend"; \
	done; \
	if [ -n "$$failed" ]; then echo "FAILED on:$$failed"; exit 1; fi; \
	echo "All backends passed: $(BACKENDS)"

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.test-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# keras_core against native loops and Keras 3 (the test extra's TensorFlow
# brings Keras 3; KERAS3_PYTHON=/path/to/python picks another environment).
# Writes benchmarks/results/bench.md and bench.json.
KERAS3_PYTHON ?= auto
bench: $(VENV)/.test-installed
	cd benchmarks && ../$(BIN)/python run.py --keras3-python $(KERAS3_PYTHON)

bench-import: $(VENV)/.test-installed
	$(BIN)/python benchmarks/import_time.py

clean:
	rm -rf $(VENV) build *.egg-info
