"""Legacy `.h5` files: Keras 3's legacy writer and hand-made Keras 2 files,
plus `keras_core.legacy.saving`."""

import base64
import json
import marshal

import h5py
import numpy as np
import pytest

import keras_core
import keras_core.legacy.saving
from keras_core._src.saving import legacy_h5
from keras_core._src.saving import saving_api

RNG = np.random.RandomState(0)
W0 = RNG.normal(size=(3, 4)).astype("float32")
B0 = RNG.normal(size=(4,)).astype("float32")
W1 = RNG.normal(size=(4, 2)).astype("float32")
B1 = RNG.normal(size=(2,)).astype("float32")
X = RNG.normal(size=(5, 3)).astype("float32")


def _dense_config(name, units, activation, **extra):
    # Keras 2 (TF 2.x) form: no modules, dtype as a string.
    return {
        "class_name": "Dense",
        "config": {
            "name": name,
            "trainable": True,
            "dtype": "float32",
            **extra,
            "units": units,
            "activation": activation,
            "use_bias": True,
            "kernel_initializer": {
                "class_name": "GlorotUniform",
                "config": {"seed": None},
            },
            "bias_initializer": {"class_name": "Zeros", "config": {}},
            "kernel_regularizer": None,
            "bias_regularizer": None,
            "activity_regularizer": None,
            "kernel_constraint": None,
            "bias_constraint": None,
        },
    }


def _write_keras2_file(path, model_config, layer_weights, root_is_model=True):
    with h5py.File(path, "w") as h5_file:
        group = h5_file
        if root_is_model:
            h5_file.attrs["model_config"] = json.dumps(model_config)
            h5_file.attrs["keras_version"] = "2.13.1"
            h5_file.attrs["backend"] = "tensorflow"
            group = h5_file.create_group("model_weights")
        group.attrs["layer_names"] = (
            np.array([name.encode() for name in layer_weights], dtype=object)
            if layer_weights
            else []
        )
        group.attrs["keras_version"] = "2.13.1"
        group.attrs["backend"] = "tensorflow"
        for layer_name, weights in layer_weights.items():
            layer_group = group.create_group(layer_name)
            names = [f"{layer_name}/{key}:0" for key in weights]
            # Keras writes an empty float array when a layer has no weights.
            layer_group.attrs["weight_names"] = (
                np.array([n.encode() for n in names], dtype=object) if names else []
            )
            for name, value in zip(names, weights.values(), strict=True):
                layer_group.create_dataset(name, data=value)


def _to_numpy(value):
    return keras_core.ops.convert_to_numpy(value)


def _reference():
    return np.maximum(X @ W0 + B0, 0) @ W1 + B1


def test_keras2_sequential_file_loads(tmp_path):
    config = {
        "class_name": "Sequential",
        "config": {
            "name": "sequential",
            "layers": [
                _dense_config("dense", 4, "relu", batch_input_shape=[None, 3]),
                _dense_config("dense_1", 2, "linear"),
            ],
        },
    }
    path = tmp_path / "keras2_sequential.h5"
    weights = {
        "dense": {"kernel": W0, "bias": B0},
        "dense_1": {"kernel": W1, "bias": B1},
    }
    _write_keras2_file(path, config, weights)
    with pytest.warns(UserWarning, match="No training configuration"):
        model = saving_api.load_model(str(path))
    assert [layer.name for layer in model.layers] == ["dense", "dense_1"]
    np.testing.assert_allclose(_to_numpy(model(X)), _reference(), rtol=1e-5, atol=1e-5)


def test_keras2_functional_file_with_merge_loads(tmp_path):
    config = {
        "class_name": "Model",
        "config": {
            "name": "model",
            "layers": [
                {
                    "class_name": "InputLayer",
                    "config": {
                        "batch_input_shape": [None, 3],
                        "dtype": "float32",
                        "sparse": False,
                        "ragged": False,
                        "name": "input_1",
                    },
                    "name": "input_1",
                    "inbound_nodes": [],
                },
                {
                    **_dense_config("dense", 4, "relu"),
                    "name": "dense",
                    "inbound_nodes": [[["input_1", 0, 0, {}]]],
                },
                {
                    **_dense_config("dense_1", 2, "linear"),
                    "name": "dense_1",
                    "inbound_nodes": [[["dense", 0, 0, {}]]],
                },
                {
                    **_dense_config("skip", 2, "linear"),
                    "name": "skip",
                    "inbound_nodes": [[["input_1", 0, 0, {}]]],
                },
                {
                    "class_name": "Add",
                    "config": {"name": "add", "trainable": True, "dtype": "float32"},
                    "name": "add",
                    "inbound_nodes": [[["dense_1", 0, 0, {}], ["skip", 0, 0, {}]]],
                },
            ],
            "input_layers": [["input_1", 0, 0]],
            "output_layers": [["add", 0, 0]],
        },
    }
    skip_kernel = RNG.normal(size=(3, 2)).astype("float32")
    weights = {
        "input_1": {},
        "dense": {"kernel": W0, "bias": B0},
        "dense_1": {"kernel": W1, "bias": B1},
        "skip": {"kernel": skip_kernel, "bias": np.zeros(2, "float32")},
        "add": {},
    }
    path = tmp_path / "keras2_functional.h5"
    _write_keras2_file(path, config, weights)
    model = saving_api.load_model(str(path), compile=False)
    outputs = _to_numpy(model(X))
    np.testing.assert_allclose(
        outputs, _reference() + X @ skip_kernel, rtol=1e-5, atol=1e-5
    )


def test_keras2_weights_file_loads_by_layer_name(tmp_path):
    # Keras 2 listed a layer's trainable weights before its non-trainable
    # ones: for this nested model, the batch-norm statistics come last,
    # while keras_core lists each inner layer's weights together.
    gamma, beta = np.full(4, 2.0, "float32"), np.full(4, 0.5, "float32")
    mean, variance = np.full(4, 1.0, "float32"), np.full(4, 4.0, "float32")
    kernel, bias = W0.T, B0[:3]
    weights = {
        "block": {
            "norm/gamma": gamma,
            "norm/beta": beta,
            "dense/kernel": kernel,
            "dense/bias": bias,
            "norm/moving_mean": mean,
            "norm/moving_variance": variance,
        },
    }
    path = tmp_path / "keras2_weights.h5"
    _write_keras2_file(path, None, weights, root_is_model=False)
    inputs = keras_core.Input((4,))
    block = keras_core.Sequential(
        [
            keras_core.Input((4,)),
            keras_core.layers.BatchNormalization(name="norm"),
            keras_core.layers.Dense(3, name="dense"),
        ],
        name="block",
    )
    model = keras_core.Model(inputs, block(inputs))
    model.load_weights(str(path))
    norm, dense = block.layers
    np.testing.assert_array_equal(norm.moving_variance.numpy(), variance)
    np.testing.assert_array_equal(dense.kernel.numpy(), kernel)
    features = RNG.normal(size=(5, 4)).astype("float32")
    expected = ((features - mean) / np.sqrt(variance + 1e-3) * gamma + beta) @ kernel
    outputs = _to_numpy(model(features))
    np.testing.assert_allclose(outputs, expected + bias, rtol=1e-4, atol=1e-5)


def test_legacy_round_trip_layout_and_optimizer(tmp_path):
    model = keras_core.Sequential(
        [
            keras_core.Input((3,)),
            keras_core.layers.Dense(4, activation="relu", name="d"),
            keras_core.layers.Dense(2, name="e"),
        ],
        name="legacy",
    )
    model.set_weights([W0, B0, W1, B1])
    optimizer = keras_core.optimizers.SGD(momentum=0.9)
    optimizer.build(model.trainable_variables)
    model.optimizer = optimizer
    path = tmp_path / "legacy.h5"
    model.save(str(path))
    with h5py.File(path, "r") as h5_file:
        assert h5_file.attrs["keras_version"] == "3.15.1"
        assert h5_file.attrs["backend"] == keras_core.config.backend()
        config = json.loads(h5_file.attrs["model_config"])
        assert config["class_name"] == "Sequential"
        assert "module" not in config
        assert [layer["class_name"] for layer in config["config"]["layers"]] == [
            "InputLayer",
            "Dense",
            "Dense",
        ]
        group = h5_file["model_weights"]
        assert [n for n in group.attrs["layer_names"]] == ["d", "e"]
        assert list(group["d"].attrs["weight_names"]) == [
            "legacy/d/kernel",
            "legacy/d/bias",
        ]
        np.testing.assert_array_equal(group["d/legacy/d/kernel"][()], W0)
        assert len(h5_file["optimizer_weights"].attrs["weight_names"]) == len(
            optimizer.variables
        )
    restored = saving_api.load_model(str(path), compile=False)
    np.testing.assert_allclose(_to_numpy(restored(X)), _reference(), rtol=1e-5)
    fresh = keras_core.models.clone_model(model)
    fresh.load_weights(str(path))
    np.testing.assert_allclose(_to_numpy(fresh(X)), _reference(), rtol=1e-5)


def test_legacy_weight_mismatch(tmp_path):
    model = keras_core.Sequential(
        [keras_core.Input((3,)), keras_core.layers.Dense(4, name="d")]
    )
    path = tmp_path / "m.h5"
    model.save(str(path))
    other = keras_core.Sequential(
        [keras_core.Input((3,)), keras_core.layers.Dense(5, name="d")]
    )
    with pytest.raises(ValueError, match=r"Layer 'd' has weights of shapes"):
        other.load_weights(str(path))
    before = other.get_weights()
    with pytest.warns(UserWarning, match="Could not load the weights of 1 layers"):
        other.load_weights(str(path), skip_mismatch=True)
    np.testing.assert_array_equal(other.get_weights()[0], before[0])
    renamed = keras_core.Sequential(
        [keras_core.Input((3,)), keras_core.layers.Dense(4, name="x")]
    )
    with pytest.raises(ValueError, match="holds none for a layer of that name"):
        renamed.load_weights(str(path))


def test_weights_only_h5_is_not_a_model(tmp_path):
    path = tmp_path / "weights_only.h5"
    _write_keras2_file(path, None, {"dense": {"kernel": W0}}, root_is_model=False)
    with pytest.raises(ValueError, match="holds only weights"):
        saving_api.load_model(str(path))


def test_keras2_lambda_needs_safe_mode_off(tmp_path):
    code = base64.b64encode(marshal.dumps((lambda x: x * 3).__code__)).decode()
    config = {
        "class_name": "Sequential",
        "config": {
            "name": "sequential",
            "layers": [
                {
                    "class_name": "InputLayer",
                    "config": {"batch_input_shape": [None, 3], "name": "in"},
                },
                {
                    "class_name": "Lambda",
                    "config": {
                        "name": "lambda",
                        "trainable": True,
                        "dtype": "float32",
                        "function": [code, None, None],
                        "function_type": "lambda",
                        "module": "__main__",
                        "output_shape": None,
                        "output_shape_type": "raw",
                        "output_shape_module": None,
                        "arguments": {},
                    },
                },
            ],
        },
    }
    path = tmp_path / "lambda.h5"
    _write_keras2_file(path, config, {"lambda": {}})
    with pytest.raises(ValueError, match="safe_mode=False"):
        saving_api.load_model(str(path), compile=False)
    model = saving_api.load_model(str(path), compile=False, safe_mode=False)
    np.testing.assert_allclose(_to_numpy(model(X)), X * 3)


def test_legacy_files_get_the_hdf5_checks(tmp_path):
    path = tmp_path / "linked.h5"
    _write_keras2_file(path, {"class_name": "Sequential", "config": {}}, {})
    with h5py.File(path, "a") as h5_file:
        h5_file["model_weights/evil"] = h5py.ExternalLink("/etc/passwd", "/x")
    with pytest.raises(ValueError, match="external link"):
        saving_api.load_model(str(path))


def test_legacy_serialize_and_deserialize():
    layer = keras_core.layers.Dense(3, name="d")
    record = keras_core.legacy.saving.serialize_keras_object(layer)
    assert sorted(record) == ["class_name", "config"]
    assert record["class_name"] == "Dense"
    assert record["config"]["units"] == 3
    assert keras_core.legacy.saving.serialize_keras_object(None) is None
    relu = keras_core.activations.relu
    assert keras_core.legacy.saving.serialize_keras_object(relu) == "relu"
    with pytest.raises(ValueError, match="Cannot serialize"):
        keras_core.legacy.saving.serialize_keras_object(3)

    deserialize = keras_core.legacy.saving.deserialize_keras_object
    rebuilt = deserialize(record, module_objects={"Dense": keras_core.layers.Dense})
    assert isinstance(rebuilt, keras_core.layers.Dense) and rebuilt.units == 3
    with pytest.raises(ValueError, match="Unknown object: 'Dense'"):
        deserialize(record)
    with pytest.raises(ValueError, match="Unknown layer: 'Dense'"):
        deserialize(record, printable_module_name="layer")
    assert deserialize("relu", module_objects={"relu": relu}) is relu
    assert deserialize("relu", custom_objects={"relu": relu}) is relu
    assert deserialize(None) is None
    assert deserialize(relu) is relu
    with pytest.raises(ValueError, match="Improper config format"):
        deserialize({"config": {}})
    with pytest.raises(ValueError, match="Could not interpret"):
        deserialize(3)


def test_modernize_config_only_fills_public_modules():
    record = legacy_h5.modernize_config(
        {"class_name": "Dense", "config": {"units": 2, "activation": "relu"}}
    )
    assert record["module"] == "keras.layers"
    unknown = legacy_h5.modernize_config({"class_name": "system", "config": "ls"})
    assert unknown["module"] is None
    registered = legacy_h5.modernize_config({"class_name": "pkg>Layer", "config": {}})
    assert registered["registered_name"] == "pkg>Layer"
