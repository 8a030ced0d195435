"""Files move both ways between keras_core and Keras 3.15, with equal predictions.

The same model-building code (`BUILDERS`, written against the shared
public API) runs here with `keras = keras_core` and, in one subprocess,
with the real Keras 3.15 of the reference environment. That subprocess
loads the files saved here and saves its own; each side's predictions on
the same inputs are compared. Also compares the file layouts: the weights
tree (group paths, dataset shapes, `vars` names), config.json keys and
metadata.json keys.
"""

import io
import json
import os
import subprocess
import zipfile

import h5py
import numpy as np
import pytest

import keras_core
from keras_core._src.saving import saving_api

KERAS_PYTHON = "/tmp/scratchvenv/bin/python"

pytestmark = pytest.mark.skipif(
    not os.path.exists(KERAS_PYTHON),
    reason="needs Keras 3.15 in the reference environment /tmp/scratchvenv "
    "(the test environment may install Keras 3 there)",
)

BUILDERS = """
import numpy as np


@keras.saving.register_keras_serializable(package="CompatTest")
class TwoTower(keras.Model):
    def __init__(self, units=3, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.embed = keras.layers.Dense(units, name="embed")
        self.blocks = [
            keras.layers.Dense(units, name="block_a"),
            keras.layers.Dense(units, activation="relu", name="block_b"),
        ]
        self.norm = keras.layers.BatchNormalization(name="norm")

    def call(self, inputs):
        x = self.norm(self.embed(inputs))
        for block in self.blocks:
            x = block(x)
        return x

    def get_config(self):
        return {**super().get_config(), "units": self.units}


def make_sequential():
    return keras.Sequential(
        [
            keras.Input((5,), dtype="int32"),
            keras.layers.Embedding(10, 4, name="embedding"),
            keras.layers.Conv1D(3, 2, activation="tanh", name="conv"),
            keras.layers.Flatten(name="flatten"),
            keras.layers.Dense(2, name="head"),
        ],
        name="sequential_compat",
    )


def make_functional():
    inputs = keras.Input((4,), name="features")
    shared = keras.layers.Dense(4, name="shared")
    first = shared(inputs)
    normed = keras.layers.BatchNormalization(name="bn")(first)
    second = shared(normed)
    merged = keras.layers.Concatenate(name="cat")([first, second])
    outputs = keras.layers.Dense(2, name="head")(merged)
    return keras.Model(inputs, outputs, name="functional_compat")


def make_subclassed():
    model = TwoTower(name="two_tower")
    model(np.zeros((2, 4), "float32"))
    return model


def make_conv2d():
    return keras.Sequential(
        [
            keras.Input((6, 6, 2)),
            keras.layers.Conv2D(3, 3, activation="relu", name="conv"),
            keras.layers.BatchNormalization(name="bn"),
            keras.layers.MaxPooling2D(name="pool"),
            keras.layers.Flatten(name="flatten"),
            keras.layers.Dense(2, name="head"),
        ],
        name="conv2d_compat",
    )


BUILD = {
    "sequential": make_sequential,
    "functional": make_functional,
    "subclassed": make_subclassed,
    "conv2d": make_conv2d,
}
_rng = np.random.RandomState(7)
INPUTS = {
    "sequential": _rng.randint(0, 10, size=(3, 5)).astype("int32"),
    "functional": _rng.normal(size=(3, 4)).astype("float32"),
    "subclassed": _rng.normal(size=(3, 4)).astype("float32"),
    "conv2d": _rng.normal(size=(3, 6, 6, 2)).astype("float32"),
}


def randomize(model, seed):
    # Positive values keep batch-norm variances valid.
    rng = np.random.RandomState(seed)
    weights = model.get_weights()
    model.set_weights([rng.uniform(0.5, 1.5, w.shape).astype(w.dtype) for w in weights])


def predict(model, name):
    return keras.ops.convert_to_numpy(model(INPUTS[name], training=False))
"""

KERAS_SIDE = """
import json, sys, traceback
import keras
exec(BUILDERS)
LEGACY = ("sequential", "functional", "conv2d")
work = sys.argv[1]
results, errors = {}, {}
for index, name in enumerate(BUILD):
    try:
        loaded = keras.saving.load_model(f"{work}/ours_{name}.keras")
        results[f"load_{name}"] = predict(loaded, name)
    except Exception:
        errors[f"load_{name}"] = traceback.format_exc()
    try:
        fresh = BUILD[name]()
        fresh.load_weights(f"{work}/ours_{name}.weights.h5")
        results[f"load_weights_{name}"] = predict(fresh, name)
    except Exception:
        errors[f"load_weights_{name}"] = traceback.format_exc()
    if name in LEGACY:
        try:
            loaded = keras.saving.load_model(f"{work}/ours_{name}.h5", compile=False)
            results[f"load_legacy_{name}"] = predict(loaded, name)
        except Exception:
            errors[f"load_legacy_{name}"] = traceback.format_exc()
    model = BUILD[name]()
    randomize(model, 100 + index)
    model.save(f"{work}/keras_{name}.keras")
    model.save_weights(f"{work}/keras_{name}.weights.h5")
    if name in LEGACY:
        model.save(f"{work}/keras_{name}.h5")
    results[f"keras_{name}"] = predict(model, name)
np.savez(f"{work}/keras_results.npz", **results)
with open(f"{work}/keras_errors.json", "w") as stream:
    json.dump(errors, stream)
"""

NAMES = ("sequential", "functional", "subclassed", "conv2d")
# Keras writes legacy `.h5` files for graph models only.
LEGACY = ("sequential", "functional", "conv2d")
KERAS_PATH_NAMES = list(NAMES)


namespace = {"keras": keras_core}
exec(BUILDERS, namespace)


@pytest.fixture(scope="module")
def exchange(tmp_path_factory):
    """Saves our files, runs Keras once on them, returns both sides' results."""
    work = tmp_path_factory.mktemp("keras_compat")
    ours = {}
    for index, name in enumerate(NAMES):
        model = namespace["BUILD"][name]()
        namespace["randomize"](model, index)
        model.save(str(work / f"ours_{name}.keras"))
        model.save_weights(str(work / f"ours_{name}.weights.h5"))
        if name in LEGACY:
            model.save(str(work / f"ours_{name}.h5"))
        ours[name] = namespace["predict"](model, name)
    script = f"BUILDERS = {BUILDERS!r}\n{KERAS_SIDE}"
    environment = dict(os.environ, KERAS_BACKEND="numpy", TF_CPP_MIN_LOG_LEVEL="3")
    environment.pop("PYTHONPATH", None)
    completed = subprocess.run(
        [KERAS_PYTHON, "-c", script, str(work)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=str(work),
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    with open(work / "keras_errors.json") as stream:
        errors = json.load(stream)
    results = dict(np.load(work / "keras_results.npz"))
    return work, ours, results, errors


@pytest.mark.parametrize("name", KERAS_PATH_NAMES)
def test_keras_loads_our_keras_file_with_equal_predictions(exchange, name):
    _, ours, results, errors = exchange
    assert f"load_{name}" not in errors, errors.get(f"load_{name}")
    np.testing.assert_allclose(
        results[f"load_{name}"], ours[name], rtol=1e-5, atol=1e-5
    )


@pytest.mark.parametrize("name", NAMES)
def test_keras_loads_our_weights_file_with_equal_predictions(exchange, name):
    _, ours, results, errors = exchange
    assert f"load_weights_{name}" not in errors, errors.get(f"load_weights_{name}")
    np.testing.assert_allclose(
        results[f"load_weights_{name}"], ours[name], rtol=1e-5, atol=1e-5
    )


@pytest.mark.parametrize("name", KERAS_PATH_NAMES)
def test_we_load_keras_keras_file_with_equal_predictions(exchange, name):
    work, _, results, _ = exchange
    model = saving_api.load_model(str(work / f"keras_{name}.keras"))
    np.testing.assert_allclose(
        namespace["predict"](model, name),
        results[f"keras_{name}"],
        rtol=1e-5,
        atol=1e-5,
    )


@pytest.mark.parametrize("name", NAMES)
def test_we_load_keras_weights_file_with_equal_predictions(exchange, name):
    work, _, results, _ = exchange
    model = namespace["BUILD"][name]()
    before = namespace["predict"](model, name)
    model.load_weights(str(work / f"keras_{name}.weights.h5"))
    after = namespace["predict"](model, name)
    assert not np.allclose(before, after)
    np.testing.assert_allclose(after, results[f"keras_{name}"], rtol=1e-5, atol=1e-5)


def _tree(h5_file):
    entries = []

    def visit(path, item):
        if isinstance(item, h5py.Dataset):
            entries.append((path, tuple(item.shape), str(item.dtype)))
        else:
            entries.append((path, dict(item.attrs).get("name")))

    h5_file.visititems(visit)
    return sorted(entries, key=str)


def _archive(path):
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        config = json.loads(archive.read("config.json"))
        metadata = json.loads(archive.read("metadata.json"))
        with h5py.File(io.BytesIO(archive.read("model.weights.h5")), "r") as h5_file:
            tree = _tree(h5_file)
    return names, config, metadata, tree


@pytest.mark.parametrize("name", KERAS_PATH_NAMES)
def test_layout_matches_keras(exchange, name):
    work, _, _, _ = exchange
    our_names, our_config, our_metadata, our_tree = _archive(
        work / f"ours_{name}.keras"
    )
    names, config, metadata, tree = _archive(work / f"keras_{name}.keras")
    assert our_names == names == ["metadata.json", "config.json", "model.weights.h5"]
    assert sorted(our_metadata) == sorted(metadata) == ["date_saved", "keras_version"]
    assert our_metadata["keras_version"] == metadata["keras_version"]
    # Keras also writes `"compile_config": {}` for uncompiled models.
    assert sorted(set(our_config) - {"compile_config"}) == sorted(
        set(config) - {"compile_config"}
    )
    assert our_config["class_name"] == config["class_name"]
    assert our_config["registered_name"] == config["registered_name"]
    assert sorted(our_config["config"]) == sorted(config["config"])
    assert our_tree == tree
    with (
        h5py.File(work / f"ours_{name}.weights.h5", "r") as ours,
        h5py.File(work / f"keras_{name}.weights.h5", "r") as theirs,
    ):
        assert _tree(ours) == _tree(theirs)


@pytest.mark.parametrize("name", LEGACY)
def test_legacy_h5_files_both_ways(exchange, name):
    work, ours, results, errors = exchange
    assert f"load_legacy_{name}" not in errors, errors.get(f"load_legacy_{name}")
    np.testing.assert_allclose(
        results[f"load_legacy_{name}"], ours[name], rtol=1e-5, atol=1e-5
    )
    model = saving_api.load_model(str(work / f"keras_{name}.h5"), compile=False)
    np.testing.assert_allclose(
        namespace["predict"](model, name),
        results[f"keras_{name}"],
        rtol=1e-5,
        atol=1e-5,
    )
