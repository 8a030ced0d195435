"""The `.keras` format: layout, object walk, round trips, atomic writes,
and files moving between backends."""

import builtins
import errno
import io
import json
import os
import subprocess
import sys
import zipfile

import h5py
import numpy as np
import pytest

import keras_core
import keras_core.metrics
from keras_core._src.saving import h5_store
from keras_core._src.saving import saving_api
from keras_core._src.saving import saving_lib

BACKEND = keras_core.config.backend()
ALL_BACKENDS = ("numpy", "jax", "torch", "tensorflow")

# Model definitions shared with the subprocesses of the cross-backend test.
MODELS = """
import numpy as np
import keras_core as keras


@keras.saving.register_keras_serializable(package="SavingLibTest")
class Tower(keras.Model):
    def __init__(self, units=3, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.body = [keras.layers.Dense(units, name="body_0"),
                     keras.layers.Dense(units, name="body_1")]
        self.norm = keras.layers.BatchNormalization(name="norm")

    def call(self, inputs):
        return self.norm(self.body[1](self.body[0](inputs)))

    def get_config(self):
        return {**super().get_config(), "units": self.units}


def make_functional():
    inputs = keras.Input((4,), name="features")
    shared = keras.layers.Dense(4, name="shared")
    first = shared(inputs)
    second = shared(keras.layers.BatchNormalization(name="bn")(first))
    merged = keras.layers.Concatenate(name="cat")([first, second])
    return keras.Model(inputs, keras.layers.Dense(2, name="head")(merged), name="fn")


def make_sequential():
    return keras.Sequential(
        [keras.Input((5,), dtype="int32"), keras.layers.Embedding(10, 4, name="embed"),
         keras.layers.Conv1D(3, 2, name="conv"), keras.layers.Flatten(name="flat"),
         keras.layers.Dense(2, name="head")], name="seq")


def make_conv2d():
    return keras.Sequential(
        [keras.Input((6, 6, 2)), keras.layers.Conv2D(3, 3, name="conv"),
         keras.layers.BatchNormalization(name="bn"), keras.layers.Flatten(name="flat"),
         keras.layers.Dense(2, name="head")], name="conv2d_model")


def make_subclassed():
    model = Tower(name="tower")
    model(np.zeros((2, 4), "float32"))
    return model


BUILD = {"functional": make_functional, "sequential": make_sequential,
         "conv2d": make_conv2d, "subclassed": make_subclassed}
rng = np.random.RandomState(3)
INPUTS = {"functional": rng.normal(size=(3, 4)).astype("float32"),
          "sequential": rng.randint(0, 10, size=(3, 5)).astype("int32"),
          "conv2d": rng.normal(size=(3, 6, 6, 2)).astype("float32"),
          "subclassed": rng.normal(size=(3, 4)).astype("float32")}


def randomize(model, seed):
    rng = np.random.RandomState(seed)
    model.set_weights([rng.uniform(0.5, 1.5, w.shape).astype(w.dtype)
                       for w in model.get_weights()])


def predict(model, name):
    return keras.ops.convert_to_numpy(model(INPUTS[name], training=False))
"""

models = {}
exec(MODELS, models)


def _predict(model, name):
    return models["predict"](model, name)


def _built(name, seed=0):
    model = models["BUILD"][name]()
    models["randomize"](model, seed)
    return model


def _tree(path_or_bytes):
    source = (
        io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    )
    entries = []
    with h5py.File(source, "r") as h5_file:

        def visit(path, item):
            if isinstance(item, h5py.Dataset):
                entries.append((path, tuple(item.shape)))
            else:
                entries.append((path, item.attrs.get("name")))

        h5_file.visititems(visit)
    return sorted(entries, key=str)


# Round trips on this backend.


@pytest.mark.parametrize("name", ["functional", "sequential", "conv2d", "subclassed"])
def test_keras_file_round_trip_keeps_predictions_and_config(tmp_path, name):
    model = _built(name, seed=1)
    path = str(tmp_path / "model.keras")
    saving_api.save_model(model, path)
    restored = saving_api.load_model(path)
    assert type(restored) is type(model)
    np.testing.assert_allclose(
        _predict(restored, name), _predict(model, name), atol=1e-6
    )

    def as_json(config):
        return json.loads(json.dumps(config))

    assert as_json(restored.get_config()) == as_json(model.get_config())


def test_archive_layout_is_keras_3(tmp_path):
    model = _built("functional")
    path = tmp_path / "model.keras"
    saving_api.save_model(model, str(path))
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        assert [i.filename for i in infos] == [
            "metadata.json",
            "config.json",
            "model.weights.h5",
        ]
        assert {i.compress_type for i in infos} == {zipfile.ZIP_STORED}
        metadata = json.loads(archive.read("metadata.json"))
        config = json.loads(archive.read("config.json"))
        weights = archive.read("model.weights.h5")
    assert sorted(metadata) == ["date_saved", "keras_version"]
    assert metadata["keras_version"] == "3.15.1"
    assert config["class_name"] == "Functional"
    assert [layer["name"] for layer in config["config"]["layers"]] == [
        "features",
        "shared",
        "bn",
        "cat",
        "head",
    ]
    # Written out from a Keras 3.15 file of the same model.
    assert _tree(weights) == sorted(
        [
            ("layers", None),
            ("layers/batch_normalization", None),
            ("layers/batch_normalization/vars", "bn"),
            *[(f"layers/batch_normalization/vars/{i}", (4,)) for i in range(4)],
            ("layers/concatenate", None),
            ("layers/concatenate/vars", "cat"),
            ("layers/dense", None),
            ("layers/dense/vars", "shared"),
            ("layers/dense/vars/0", (4, 4)),
            ("layers/dense/vars/1", (4,)),
            ("layers/dense_1", None),
            ("layers/dense_1/vars", "head"),
            ("layers/dense_1/vars/0", (8, 2)),
            ("layers/dense_1/vars/1", (2,)),
            ("layers/input_layer", None),
            ("layers/input_layer/vars", "features"),
            ("vars", "fn"),
        ],
        key=str,
    )


class Inner(keras_core.layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.zz = keras_core.layers.Dense(2, name="inner_zz")
        self.mapping = {
            "k1": keras_core.layers.Dense(2, name="inner_k1"),
            "k0": keras_core.layers.Dense(2, name="inner_k0"),
        }
        self.scale = self.add_weight(shape=(1,), initializer="ones", name="scale")
        self.tracker = keras_core.metrics.Mean()

    def call(self, x):
        return self.mapping["k0"](self.mapping["k1"](self.zz(x))) * self.scale


class Walked(keras_core.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        shared = keras_core.layers.Dense(2, name="shared")
        self.zeta = shared
        self.beta = shared
        self.a = keras_core.layers.Dense(2, name="a")
        self.z = [self.a, keras_core.layers.Dense(2, name="z1")]
        self.nested = [
            [keras_core.layers.Dense(2, name="n0")],
            {"x": Inner(name="inner")},
        ]
        self._hidden = keras_core.layers.Dense(2, name="hidden")

    @property
    def extra(self):
        return self.__dict__.setdefault(
            "_extra", keras_core.layers.Dense(7, name="extra")
        )

    def call(self, x):
        x = self.nested[0][0](self.z[1](self.a(self.beta(x))))
        return self._hidden(self.nested[1]["x"](x))


def test_object_walk_names_like_keras(tmp_path):
    model = Walked(name="walked")
    model(np.ones((2, 2), "float32"))
    path = tmp_path / "walked.weights.h5"
    saving_api.save_weights(model, str(path))
    paths = [entry[0] for entry in _tree(str(path)) if entry[0].endswith("vars")]
    # Keras 3.15's layout for this model. Attributes in sorted order; the
    # shared layer saved once, at "beta"; `layers` (every tracked layer:
    # shared, a, z1, n0, inner, hidden) names its items by class counting
    # the ones already saved, so z1 is dense_2. Metrics and private
    # attributes are not walked; properties are.
    assert sorted(paths) == sorted(
        [
            "a/vars",
            "beta/vars",
            "extra/vars",
            "layers/dense_2/vars",
            "layers/dense_3/vars",
            "layers/dense_4/vars",
            "layers/inner/vars",
            "layers/inner/mapping/dense/vars",
            "layers/inner/mapping/dense_1/vars",
            "layers/inner/zz/vars",
            "vars",
        ]
    )
    with h5py.File(path, "r") as h5_file:
        assert h5_file["layers/inner/mapping/dense/vars"].attrs["name"] == "inner_k1"
        assert h5_file["layers/dense_4/vars"].attrs["name"] == "hidden"
        assert h5_file["layers/inner/vars/0"].shape == (1,)
    restored = Walked(name="walked")
    restored(np.ones((2, 2), "float32"))
    saving_api.load_weights(restored, str(path))
    for left, right in zip(model.get_weights(), restored.get_weights(), strict=True):
        np.testing.assert_array_equal(left, right)


def test_optimizer_state_round_trips_through_weights_file(tmp_path):
    model = _built("functional")
    optimizer = keras_core.optimizers.Adam()
    optimizer.build(model.trainable_variables)
    rng = np.random.RandomState(0)
    for variable in optimizer.variables:
        variable.assign(rng.randint(1, 9, size=variable.shape).astype(variable.dtype))
    model.optimizer = optimizer
    path = str(tmp_path / "with_optimizer.weights.h5")
    saving_api.save_weights(model, path)
    with h5py.File(path, "r") as h5_file:
        assert h5_file["optimizer/vars"].attrs["name"] == optimizer.name
        assert len(h5_file["optimizer/vars"]) == len(optimizer.variables)
    restored = _built("functional", seed=5)
    fresh = keras_core.optimizers.Adam()
    fresh.build(restored.trainable_variables)
    restored.optimizer = fresh
    saving_api.load_weights(restored, path)
    for left, right in zip(optimizer.variables, fresh.variables, strict=True):
        np.testing.assert_array_equal(left.numpy(), right.numpy())

    unbuilt = _built("functional", seed=5)
    unbuilt.optimizer = keras_core.optimizers.Adam()
    with pytest.warns(UserWarning, match="Skipping variable loading for optimizer"):
        saving_api.load_weights(unbuilt, path)
    assert int(unbuilt.optimizer.iterations.numpy()) == 0


def test_unzipped_folder_round_trip(tmp_path):
    model = _built("sequential", seed=2)
    folder = tmp_path / "saved_model"
    saving_api.save_model(model, str(folder), zipped=False)
    assert sorted(os.listdir(folder)) == [
        "config.json",
        "metadata.json",
        "model.weights.h5",
    ]
    restored = saving_api.load_model(str(folder))
    np.testing.assert_allclose(
        _predict(restored, "sequential"), _predict(model, "sequential")
    )


def test_path_and_argument_errors(tmp_path):
    model = _built("sequential")
    with pytest.raises(ValueError, match=r"should not end in `\.keras`"):
        saving_api.save_model(model, str(tmp_path / "m.keras"), zipped=False)
    with pytest.raises(ValueError, match="Invalid filepath extension"):
        saving_api.save_model(model, str(tmp_path / "m.tf"))
    with pytest.raises(ValueError, match=r"not supported: \['foo'\]"):
        saving_api.save_model(model, str(tmp_path / "m.keras"), foo=1)
    with pytest.raises(TypeError, match="must be a string or a path-like"):
        saving_api.save_model(model, 3)
    with pytest.raises(ValueError, match="File not found"):
        saving_api.load_model(str(tmp_path / "missing.keras"))
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(ValueError, match="File format not supported"):
        saving_api.load_model(str(text))
    incomplete = tmp_path / "incomplete.keras"
    with zipfile.ZipFile(incomplete, "w") as archive:
        archive.writestr("metadata.json", "{}")
    with pytest.raises(ValueError, match=r"no config\.json"):
        saving_api.load_model(str(incomplete))
    saving_api.save_model(model, tmp_path / "pathlike.keras")
    assert saving_api.load_model(tmp_path / "pathlike.keras").name == "seq"


def test_overwrite_false_asks_first(tmp_path, monkeypatch):
    path = tmp_path / "m.keras"
    saving_api.save_model(_built("sequential", seed=1), str(path))
    before = path.read_bytes()
    answers = iter(["maybe", "n"])
    monkeypatch.setattr(builtins, "input", lambda prompt="": next(answers))
    saving_api.save_model(_built("sequential", seed=2), str(path), overwrite=False)
    assert path.read_bytes() == before
    monkeypatch.setattr(builtins, "input", lambda prompt="": "y")
    saving_api.save_model(_built("sequential", seed=2), str(path), overwrite=False)
    assert path.read_bytes() != before


# Atomic writes.


class Unserializable(keras_core.layers.Layer):
    def get_config(self):
        return {**super().get_config(), "handle": object()}

    def call(self, x):
        return x


def _folder_state(folder):
    return {name: (folder / name).read_bytes() for name in sorted(os.listdir(folder))}


def test_failed_saves_leave_previous_file_intact(tmp_path, monkeypatch):
    good = _built("sequential", seed=1)
    keras_path = tmp_path / "m.keras"
    weights_path = tmp_path / "m.weights.h5"
    legacy_path = tmp_path / "m.h5"
    saving_api.save_model(good, str(keras_path))
    saving_api.save_weights(good, str(weights_path))
    saving_api.save_model(good, str(legacy_path))
    before = _folder_state(tmp_path)

    bad = keras_core.Sequential([keras_core.Input((3,)), Unserializable()])
    with pytest.raises(TypeError, match="Cannot serialize"):
        saving_api.save_model(bad, str(keras_path))
    with pytest.raises(TypeError, match="Cannot serialize"):
        saving_api.save_model(bad, str(legacy_path))

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(h5_store.H5WeightsWriter, "_write", disk_full)
    other = _built("sequential", seed=2)
    for save in (
        lambda: saving_api.save_model(other, str(keras_path)),
        lambda: saving_api.save_weights(other, str(weights_path)),
        lambda: saving_api.save_weights(other, str(weights_path), max_shard_size=1),
    ):
        with pytest.raises(OSError, match="existing file is unchanged") as raised:
            save()
        assert raised.value.errno == errno.ENOSPC
        assert "No space left on device" in str(raised.value)
    monkeypatch.setattr(h5py.File, "create_group", disk_full)
    with pytest.raises(OSError, match="existing file is unchanged"):
        saving_api.save_model(other, str(legacy_path))
    assert _folder_state(tmp_path) == before


# Across backends.

CROSS_BACKEND_SCRIPT = """
import sys
exec(open(sys.argv[1]).read())
from keras_core._src.saving import saving_api
work = sys.argv[2]
results = {}
for name in BUILD:
    model = saving_api.load_model(f"{work}/{name}.keras")
    results[f"model_{name}"] = predict(model, name)
    saving_api.load_weights(model, f"{work}/{name}.weights.h5")
    results[f"weights_{name}"] = predict(model, name)
compiled = saving_api.load_model(f"{work}/compiled.keras")
results["optimizer"] = np.concatenate(
    [np.ravel(v.numpy()).astype("float64") for v in compiled.optimizer.variables]
)
np.savez(f"{work}/from_{keras.config.backend()}.npz", **results)
"""


def test_files_load_on_every_other_backend(tmp_path):
    models_file = tmp_path / "models.py"
    models_file.write_text(MODELS)
    expected = {}
    for index, name in enumerate(models["BUILD"]):
        model = _built(name, seed=10 + index)
        saving_api.save_model(model, str(tmp_path / f"{name}.keras"))
        expected[f"model_{name}"] = _predict(model, name)
        models["randomize"](model, 20 + index)
        saving_api.save_weights(model, str(tmp_path / f"{name}.weights.h5"))
        expected[f"weights_{name}"] = _predict(model, name)
    compiled = _built("functional", seed=30)
    compiled.compile(optimizer=keras_core.optimizers.Adam(), loss="mse")
    compiled.optimizer.build(compiled.trainable_variables)
    rng = np.random.RandomState(1)
    for variable in compiled.optimizer.variables:
        variable.assign(rng.randint(1, 9, variable.shape).astype(variable.dtype))
    saving_api.save_model(compiled, str(tmp_path / "compiled.keras"))
    expected["optimizer"] = np.concatenate(
        [np.ravel(v.numpy()).astype("float64") for v in compiled.optimizer.variables]
    )
    others = [b for b in ALL_BACKENDS if b != BACKEND]
    processes = {
        backend: subprocess.Popen(
            [
                sys.executable,
                "-c",
                CROSS_BACKEND_SCRIPT,
                str(models_file),
                str(tmp_path),
            ],
            env=dict(os.environ, KERAS_BACKEND=backend, TF_CPP_MIN_LOG_LEVEL="3"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for backend in others
    }
    for backend, process in processes.items():
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, f"{backend}:\n{stderr[-3000:]}"
        results = np.load(tmp_path / f"from_{backend}.npz")
        assert sorted(results.files) == sorted(expected)
        for key, value in expected.items():
            np.testing.assert_allclose(
                results[key], value, rtol=1e-5, atol=1e-5, err_msg=f"{backend} {key}"
            )


def test_walk_handles_model_without_weights(tmp_path):
    model = keras_core.Sequential([keras_core.Input((3,)), keras_core.layers.Flatten()])
    path = str(tmp_path / "empty.weights.h5")
    saving_api.save_weights(model, path)
    assert _tree(path) == sorted(
        [
            ("layers", None),
            ("layers/flatten", None),
            ("layers/flatten/vars", "flatten"),
            ("vars", model.name),
        ],
        key=str,
    )
    saving_lib.load_weights_only(model, path)


# With the trainer: compile config and optimizer state.

needs_training = pytest.mark.skipif(
    BACKEND == "numpy", reason="the NumPy backend runs inference only (no fit)"
)


def _compiled_model():
    model = keras_core.Sequential(
        [
            keras_core.Input((4,)),
            keras_core.layers.Dense(8, activation="relu", name="hidden"),
            keras_core.layers.BatchNormalization(name="norm"),
            keras_core.layers.Dense(2, name="head"),
        ],
        name="trained",
    )
    model.compile(
        optimizer=keras_core.optimizers.Adam(0.01), loss="mse", jit_compile=False
    )
    return model


def _data():
    rng = np.random.RandomState(0)
    return rng.normal(size=(32, 4)).astype("float32"), rng.normal(size=(32, 2)).astype(
        "float32"
    )


def _fit(model, epochs=1):
    x, y = _data()
    history = model.fit(x, y, epochs=epochs, batch_size=8, shuffle=False, verbose=0)
    return history.history["loss"]


@needs_training
def test_training_resumes_exactly_after_loading(tmp_path):
    model = _compiled_model()
    _fit(model, epochs=2)
    path = str(tmp_path / "trained.keras")
    saving_api.save_model(model, path)
    weights_path = str(tmp_path / "trained.weights.h5")
    model.save_weights(weights_path)
    with zipfile.ZipFile(path) as archive:
        config = json.loads(archive.read("config.json"))
        with h5py.File(io.BytesIO(archive.read("model.weights.h5")), "r") as h5_file:
            assert sorted(h5_file) == ["layers", "optimizer", "vars"]
            # iteration, learning rate, then momentum and velocity per weight.
            assert len(h5_file["optimizer/vars"]) == 2 + 2 * 6
    compile_config = config["compile_config"]
    assert compile_config["loss"] == "mse"
    assert compile_config["optimizer"]["class_name"] == "Adam"
    assert compile_config["optimizer"]["module"] == "keras.optimizers"

    restored = saving_api.load_model(path)
    assert restored.compiled and restored.optimizer.built
    assert int(restored.optimizer.iterations.numpy()) == 8
    for left, right in zip(
        model.optimizer.variables, restored.optimizer.variables, strict=True
    ):
        np.testing.assert_array_equal(left.numpy(), right.numpy())
    from_weights = _compiled_model()
    from_weights.optimizer.build(from_weights.trainable_variables)
    from_weights.load_weights(weights_path)

    expected = _fit(model)
    assert _fit(restored) == expected
    assert _fit(from_weights) == expected
    for left, right in zip(model.get_weights(), restored.get_weights(), strict=True):
        np.testing.assert_allclose(left, right, rtol=1e-6, atol=1e-7)
    uncompiled = saving_api.load_model(path, compile=False)
    assert not uncompiled.compiled and uncompiled.optimizer is None


@pytest.mark.skipif(BACKEND == "tensorflow", reason="checks the other backends")
def test_saving_never_imports_tensorflow(run_python, tmp_path):
    code = f"""
import sys
import keras_core
from keras_core._src.saving import saving_api
model = keras_core.Sequential([keras_core.Input((3,)), keras_core.layers.Dense(2)])
saving_api.save_model(model, {str(tmp_path / "m.keras")!r})
saving_api.save_model(model, {str(tmp_path / "m.h5")!r})
saving_api.load_model({str(tmp_path / "m.keras")!r})
saving_api.load_model({str(tmp_path / "m.h5")!r})
assert "tensorflow" not in sys.modules, "tensorflow was imported"
"""
    run_python(code, env={"KERAS_BACKEND": BACKEND})


@keras_core.saving.register_keras_serializable(package="SavingLibTest")
class Vocabulary(keras_core.layers.Layer):
    """Keeps a word list as an asset file, as lookup layers do."""

    def __init__(self, words=(), **kwargs):
        super().__init__(**kwargs)
        self.words = list(words)

    def call(self, x):
        return x

    def get_config(self):
        # The words travel as an asset file only.
        return super().get_config()

    def save_assets(self, directory):
        with open(os.path.join(directory, "vocabulary.txt"), "w") as stream:
            stream.write("\n".join(self.words))

    def load_assets(self, directory):
        with open(os.path.join(directory, "vocabulary.txt")) as stream:
            self.words = stream.read().split("\n")


def test_assets_travel_in_the_archive(tmp_path):
    model = keras_core.Sequential(
        [keras_core.Input((2,)), Vocabulary(["a", "b"], name="vocab")]
    )
    path = tmp_path / "assets.keras"
    saving_api.save_model(model, str(path))
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist()[-1] == "assets/layers/vocabulary/vocabulary.txt"
        assert archive.read("assets/layers/vocabulary/vocabulary.txt") == b"a\nb"
    restored = saving_api.load_model(str(path))
    assert restored.layers[0].words == ["a", "b"]
