"""Backend selection: env var, keras.json, default order, errors, isolation.

Each case runs in a fresh process, since the backend is chosen at import.
"""

import ast
import json
import os

import pytest

import keras_core

FRAMEWORKS = ("jax", "torch", "tensorflow")
# Hides the given modules from importlib.util.find_spec, as if not installed.
HIDE = (
    "import importlib.util as u; _find = u.find_spec; "
    "u.find_spec = lambda name, *a, **k: None if name in {hidden!r} "
    "else _find(name, *a, **k); "
)


@pytest.fixture
def empty_home(tmp_path):
    """A KERAS_HOME with no keras.json."""
    return {"KERAS_HOME": str(tmp_path / "keras_home")}


ENV_CHANGES = (
    "import os, sys; before = dict(os.environ); import {module}; "
    "after = dict(os.environ); "
    "print(sorted(k for k in set(before) | set(after) "
    "if before.get(k) != after.get(k)))"
)


LOADED = (
    "import sys; import {module}; "
    f"print(sorted(m for m in {(*FRAMEWORKS, 'h5py', 'scipy', 'keras')!r} "
    "if m in sys.modules))"
)


def test_import_loads_only_the_chosen_framework(run_python, empty_home):
    """keras_core adds no framework (nor Keras) to what its own framework loads.

    TensorFlow itself imports jax, scipy and h5py when they are installed, so
    the reference is a process that imports only the framework.
    """
    backend = keras_core.config.backend()
    env = {"KERAS_BACKEND": backend, **empty_home}
    ours = ast.literal_eval(
        run_python(LOADED.format(module="keras_core"), env=env).stdout
    )
    # The framework alone may write settings (TensorFlow does): elsewhere.
    framework_env = {**env, "KERAS_HOME": empty_home["KERAS_HOME"] + "_framework"}
    alone = ast.literal_eval(
        run_python(LOADED.format(module=backend), env=framework_env).stdout
    )
    assert set(ours) <= set(alone) - {"keras"}
    if backend != "numpy":
        assert backend in ours
    # Nothing written: not even the settings folder.
    assert not os.path.exists(empty_home["KERAS_HOME"])


def test_import_sets_no_environment_variable(run_python, empty_home):
    """keras_core changes no variable beyond what its framework itself sets."""
    backend = keras_core.config.backend()
    env = {"KERAS_BACKEND": backend, **empty_home}
    ours = run_python(ENV_CHANGES.format(module="keras_core"), env=env)
    framework_env = {**env, "KERAS_HOME": empty_home["KERAS_HOME"] + "_framework"}
    framework = run_python(ENV_CHANGES.format(module=backend), env=framework_env)
    assert set(ast.literal_eval(ours.stdout)) <= set(ast.literal_eval(framework.stdout))


def test_default_order_is_jax_torch_tensorflow_numpy(run_python, tmp_path):
    cases = [
        ((), "jax"),
        (("jax",), "torch"),
        (("jax", "torch"), "tensorflow"),
        (("jax", "torch", "tensorflow"), "numpy"),
    ]
    for index, (hidden, expected) in enumerate(cases):
        # A fresh home each time: importing TensorFlow imports Keras 3,
        # which writes a keras.json naming "tensorflow" into KERAS_HOME.
        env = {"KERAS_BACKEND": "", "KERAS_HOME": str(tmp_path / f"home_{index}")}
        code = HIDE.format(hidden=set(hidden) or {""}) + (
            "import keras_core; print(keras_core.config.backend())"
        )
        assert run_python(code, env=env).stdout.strip() == expected


def test_keras_json_backend_is_used(run_python, tmp_path):
    (tmp_path / "keras.json").write_text(json.dumps({"backend": "numpy"}))
    result = run_python(
        "import keras_core, sys; "
        "print(keras_core.config.backend(), 'jax' in sys.modules)",
        env={"KERAS_BACKEND": "", "KERAS_HOME": str(tmp_path)},
    )
    assert result.stdout.split() == ["numpy", "False"]


def test_environment_wins_over_keras_json(run_python, tmp_path):
    (tmp_path / "keras.json").write_text(json.dumps({"backend": "jax"}))
    result = run_python(
        "import keras_core; print(keras_core.config.backend())",
        env={"KERAS_BACKEND": "numpy", "KERAS_HOME": str(tmp_path)},
    )
    assert result.stdout.strip() == "numpy"


def test_unknown_backend_lists_valid_names(run_python, empty_home):
    result = run_python(
        "import keras_core", env={"KERAS_BACKEND": "mxnet", **empty_home}, check=False
    )
    assert result.returncode != 0
    assert "Unknown keras_core backend 'mxnet'" in result.stderr
    assert "jax, torch, tensorflow, numpy" in result.stderr


def test_missing_framework_names_the_extra(run_python, empty_home):
    code = HIDE.format(hidden={"torch"}) + "import keras_core"
    result = run_python(code, env={"KERAS_BACKEND": "torch", **empty_home}, check=False)
    assert result.returncode != 0
    assert "ImportError" in result.stderr
    assert "pip install keras-core-mb[torch]" in result.stderr


def test_set_backend_reloads_keras_core(run_python, empty_home):
    code = (
        "import keras_core, sys\n"
        "from keras_core import config\n"
        "keras_core.config.set_backend('numpy')\n"
        "import numpy as np\n"
        "v = keras_core.Variable([1.0, 2.0])\n"
        "print(config.backend(), keras_core.config.backend(), "
        "type(v.value).__name__, type(v).__module__)\n"
    )
    result = run_python(code, env={"KERAS_BACKEND": "jax", **empty_home})
    assert result.stdout.split() == [
        "numpy",
        "numpy",
        "ndarray",
        "keras_core._src.backend.numpy.core",
    ]


def test_set_backend_rejects_unknown_names():
    with pytest.raises(ValueError, match="Valid backends are: jax, torch"):
        keras_core.config.set_backend("theano")
    with pytest.raises(ValueError, match="must be a string"):
        keras_core.config.set_backend(None)
    assert keras_core.config.backend() in ("jax", "torch", "tensorflow", "numpy")
