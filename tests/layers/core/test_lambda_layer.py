"""keras_core.layers.Lambda, its serialization included."""

import json

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

OFFSET = 3.0


def scale(x, factor=1.0):
    return x * factor


def drop_mask(inputs, mask=None):
    return None


def halve_shape(input_shape):
    return (input_shape[0], input_shape[1] // 2)


def _np(x):
    return ops.convert_to_numpy(x)


def test_calls_function_with_arguments():
    layer = layers.Lambda(scale, arguments={"factor": 2.0})
    x = np.array([[1.0, -2.0]], dtype="float32")
    np.testing.assert_allclose(_np(layer(x)), x * 2)


def test_mask_and_training_are_passed_when_accepted():
    seen = {}

    def function(x, mask=None, training=None):
        seen["mask"], seen["training"] = mask, training
        return x

    layer = layers.Lambda(function)
    layer(np.ones((2, 3), "float32"), training=True)
    assert seen == {"mask": None, "training": True}
    layer(np.ones((2, 3), "float32"), mask=np.array([True, False]))
    np.testing.assert_array_equal(_np(seen["mask"]), [True, False])


def test_output_shapes():
    inputs = keras_core.Input((4, 3))
    assert layers.Lambda(lambda x: x[:, 0])(inputs).shape == (None, 3)
    given = layers.Lambda(lambda x: x[:, 0], output_shape=(7,))
    assert given.compute_output_shape((None, 4, 3)) == (None, 7)
    assert given(inputs).shape == (None, 7)
    computed = layers.Lambda(lambda x: x, output_shape=lambda s: (s[0], 9))
    assert computed.compute_output_shape((None, 4, 3)) == (None, 9)
    inferred = layers.Lambda(lambda x: ops.sum(x, axis=1))
    assert inferred.compute_output_shape((None, 4, 3)) == (None, 3)
    ints = layers.Lambda(lambda x: x + 1)(keras_core.Input((2,), dtype="int32"))
    assert ints.dtype == "int32"


def test_masks_in_a_model():
    inputs = keras_core.Input((3, 2))
    masked = layers.Masking()(inputs)
    dropped = layers.Lambda(lambda x: x * 2)(masked)
    assert getattr(dropped, "_keras_mask", None) is None
    kept = layers.Lambda(lambda x: x * 2, mask=lambda i, m: m)(masked)
    assert kept._keras_mask.shape == (None, 3)
    assert not layers.Lambda(scale).supports_masking
    assert layers.Lambda(scale, mask=drop_mask).supports_masking


def test_named_function_config_matches_keras():
    layer = layers.Lambda(scale, arguments={"factor": 2.0}, name="lam")
    config = layer.get_config()
    assert config["function"] == {
        "module": "builtins",
        "class_name": "function",
        "config": "scale",
        "registered_name": "function",
    }
    assert config["arguments"] == {"factor": 2.0}
    assert list(config) == ["name", "trainable", "dtype", "function", "arguments"]
    full = layers.Lambda(scale, output_shape=halve_shape, mask=drop_mask).get_config()
    assert list(full)[3:] == ["function", "output_shape", "mask", "arguments"]
    assert full["output_shape"]["config"] == "halve_shape"


def test_named_function_found_through_custom_objects():
    record = json.loads(json.dumps(layers.serialize(layers.Lambda(scale))))
    with pytest.raises(TypeError, match="scale"):
        layers.deserialize(record)
    clone = layers.deserialize(record, custom_objects={"scale": scale})
    assert clone.function is scale
    with keras_core.saving.custom_object_scope({"scale": scale}):
        assert layers.deserialize(record).function is scale


def test_named_function_found_through_registration():
    registered = keras_core.saving.register_keras_serializable(package="LambdaTest")(
        lambda_target
    )
    record = layers.serialize(layers.Lambda(registered))
    assert record["config"]["function"]["config"] == "LambdaTest>lambda_target"
    assert layers.deserialize(record).function is lambda_target


def lambda_target(x):
    return x + 1


def test_python_lambda_needs_unsafe_mode():
    def make(offset):
        return lambda x, bias=1.0: x * offset + bias + OFFSET

    layer = layers.Lambda(make(2.0), output_shape=(2,), mask=lambda i, m: m)
    config = layer.get_config()
    function = config["function"]
    assert function["class_name"] == "__lambda__"
    assert set(function["config"]) == {"code", "defaults", "closure"}
    assert function["config"]["defaults"] == (1.0,)
    assert function["config"]["closure"] == (2.0,)
    assert config["output_shape"] == (2,)
    record = json.loads(json.dumps(layers.serialize(layer)))
    with pytest.raises(ValueError, match="safe_mode=False"):
        layers.deserialize(record)
    with pytest.raises(ValueError, match="Python lambda"):
        layers.Lambda.from_config(record["config"])
    clone = keras_core.saving.deserialize_keras_object(
        record, safe_mode=False, custom_objects={"OFFSET": OFFSET}
    )
    x = np.array([[1.0, 2.0]], dtype="float32")
    np.testing.assert_allclose(_np(clone(x)), x * 2 + 1 + OFFSET)
    assert clone.compute_output_shape((None, 5)) == (None, 2)
    direct = layers.Lambda.from_config(
        record["config"], custom_objects={"OFFSET": 0.0}, safe_mode=False
    )
    np.testing.assert_allclose(_np(direct(x)), x * 2 + 1)


def test_bad_arguments():
    with pytest.raises(TypeError, match=r"Lambda.*callable.*3"):
        layers.Lambda(3)
    with pytest.raises(TypeError, match="output_shape"):
        layers.Lambda(scale, output_shape=3)


def test_inside_model_and_mixed_precision():
    inputs = keras_core.Input((3,))
    model = keras_core.Model(inputs, layers.Lambda(ops.square)(inputs))
    x = np.array([[1.0, 2.0, 3.0]], dtype="float32")
    np.testing.assert_allclose(_np(model(x)), x**2)
    half = layers.Lambda(scale, dtype="mixed_float16")(x)
    assert keras_core.backend.standardize_dtype(half.dtype) == "float16"
