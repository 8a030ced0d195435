"""Shared fixtures: every test starts from a clean session and default config."""

import os
import subprocess
import sys

import pytest

import keras_core
from keras_core._src.backend.common import config as config_module

BACKEND = keras_core.config.backend()


@pytest.fixture(autouse=True)
def clean_session():
    """Resets settings a test may change, before and after it."""
    # free_memory=False: a garbage collection per test costs seconds in all.
    keras_core.backend.clear_session(free_memory=False)
    saved = (
        config_module.floatx(),
        config_module.epsilon(),
        config_module.image_data_format(),
        config_module.max_epochs(),
        config_module.max_steps_per_epoch(),
    )
    yield
    keras_core.backend.clear_session(free_memory=False)
    config_module.set_floatx(saved[0])
    config_module.set_epsilon(saved[1])
    config_module.set_image_data_format(saved[2])
    config_module.set_max_epochs(saved[3])
    config_module.set_max_steps_per_epoch(saved[4])


def _run_python(code, env=None, check=True):
    full_env = dict(os.environ)
    full_env.update(env or {})
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"Subprocess failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return result


@pytest.fixture
def run_python():
    """`run_python(code, env=None, check=True)` runs code in a fresh process.

    Returns the `subprocess.CompletedProcess`; with `check`, a non-zero exit
    fails the test and shows the output.
    """
    return _run_python


def pytest_generate_tests(metafunc):
    """Gives each `TableTests` method (tests/op_testing.py) its table's rows.

    A method with a `case_filter` gets only the rows it accepts.
    """
    cases = getattr(metafunc.cls, "CASES", None)
    if cases is None or "case" not in metafunc.fixturenames:
        return
    accepts = getattr(metafunc.function, "case_filter", None)
    if accepts is not None:
        cases = [case for case in cases if accepts(case)]
    metafunc.parametrize("case", cases, ids=[case.id for case in cases])
