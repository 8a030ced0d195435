"""keras_core.layers.ReLU, LeakyReLU and ELU against NumPy references."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

X = np.array([[-3.0, -1.0, 0.0, 0.5, 1.0, 1.5, 2.0, 6.0]], "float32")


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def _relu_reference(x, max_value=None, negative_slope=0.0, threshold=0.0):
    out = np.where(x > threshold, x, negative_slope * (x - threshold))
    return out if max_value is None else np.minimum(out, max_value)


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"max_value": 2.0},
        {"negative_slope": 0.1},
        {"threshold": 1.0},
        {"max_value": 2.0, "negative_slope": 0.1, "threshold": 1.0},
        {"max_value": 0.0},
    ],
)
def test_relu_matches_numpy(kwargs):
    np.testing.assert_allclose(
        _np(layers.ReLU(**kwargs)(X)), _relu_reference(X, **kwargs), rtol=1e-6
    )


def test_relu_values_keras_gives():
    out = _np(layers.ReLU(max_value=2.0, negative_slope=0.1, threshold=1.0)(X))
    np.testing.assert_allclose(
        out, [[-0.4, -0.2, -0.1, -0.05, 0.0, 1.5, 2.0, 2.0]], rtol=1e-6
    )


@pytest.mark.parametrize(
    "kwargs, argument",
    [
        ({"max_value": -1.0}, "max_value"),
        ({"max_value": "a"}, "max_value"),
        ({"negative_slope": -1.0}, "negative_slope"),
        ({"negative_slope": None}, "negative_slope"),
        ({"threshold": -1.0}, "threshold"),
        ({"threshold": None}, "threshold"),
    ],
)
def test_relu_argument_errors(kwargs, argument):
    with pytest.raises(ValueError, match=rf"ReLU.*`{argument}`"):
        layers.ReLU(**kwargs)


def test_leaky_relu_matches_numpy_and_default_slope():
    np.testing.assert_allclose(
        _np(layers.LeakyReLU()(X)), np.where(X >= 0, X, 0.3 * X), rtol=1e-6
    )
    np.testing.assert_allclose(
        _np(layers.LeakyReLU(negative_slope=0.05)(X)),
        np.where(X >= 0, X, 0.05 * X),
        rtol=1e-6,
    )


def test_leaky_relu_deprecated_alpha_and_errors():
    with pytest.warns(UserWarning, match="alpha.*deprecated.*negative_slope"):
        layer = layers.LeakyReLU(alpha=0.2)
    assert layer.negative_slope == 0.2
    assert "alpha" not in layer.get_config()
    for bad in (-1.0, None, "a"):
        with pytest.raises(ValueError, match=r"LeakyReLU.*negative_slope"):
            layers.LeakyReLU(negative_slope=bad)


@pytest.mark.parametrize("alpha", [1.0, 0.5])
def test_elu_matches_numpy(alpha):
    expected = np.where(X > 0, X, alpha * np.expm1(X))
    np.testing.assert_allclose(
        _np(layers.ELU(alpha=alpha)(X)), expected, rtol=1e-5, atol=1e-6
    )


@pytest.mark.parametrize(
    "layer, keys",
    [
        (
            layers.ReLU(max_value=6.0, negative_slope=0.1, threshold=0.5),
            ["max_value", "negative_slope", "threshold"],
        ),
        (layers.LeakyReLU(negative_slope=0.1), ["negative_slope"]),
        (layers.ELU(alpha=0.7), ["alpha"]),
    ],
)
def test_config_round_trip_and_serialize(layer, keys):
    config = layer.get_config()
    assert sorted(config) == sorted(["name", "trainable", "dtype", *keys])
    clone = type(layer).from_config(config)
    assert clone.get_config() == config
    np.testing.assert_allclose(_np(clone(X)), _np(layer(X)))
    record = layers.serialize(layer)
    assert record["module"] == "keras.layers"
    assert record["class_name"] == type(layer).__name__
    assert layers.deserialize(record).get_config() == config


@pytest.mark.parametrize("cls", [layers.ReLU, layers.LeakyReLU, layers.ELU])
def test_symbolic_model_mixed_precision_and_mask(cls):
    inputs = keras_core.Input((None, 3))
    layer = cls()
    outputs = layer(inputs)
    assert outputs.shape == (None, None, 3) and outputs.dtype == "float32"
    assert layer.weights == []
    x = np.random.default_rng(0).normal(size=(2, 4, 3)).astype("float32")
    np.testing.assert_allclose(_np(keras_core.Model(inputs, outputs)(x)), _np(cls()(x)))
    out = cls(dtype="mixed_float16")(x)
    assert keras_core.backend.standardize_dtype(out.dtype) == "float16"
    masked = layers.Masking()(keras_core.Input((3, 2)))
    assert cls()(masked)._keras_mask is not None
