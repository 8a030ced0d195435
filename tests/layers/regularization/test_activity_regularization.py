"""keras_core.layers.ActivityRegularization."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def test_identity_and_penalty_divided_by_batch():
    layer = layers.ActivityRegularization(l1=0.1, l2=0.01)
    x = np.arange(-3, 9, dtype="float32").reshape(3, 4)
    np.testing.assert_array_equal(_np(layer(x)), x)
    expected = (0.1 * np.abs(x).sum() + 0.01 * (x**2).sum()) / 3
    assert len(layer.losses) == 1
    np.testing.assert_allclose(_np(layer.losses[0]), expected, rtol=1e-6)
    layer(x)
    assert len(layer.losses) == 1


def test_zero_factors_give_zero_penalty():
    layer = layers.ActivityRegularization()
    layer(np.ones((2, 2), "float32"))
    assert float(_np(layer.losses[0])) == 0.0


@pytest.mark.parametrize("value", [-0.1, "a"])
def test_bad_factors(value):
    with pytest.raises(ValueError, match="l1"):
        layers.ActivityRegularization(l1=value)
    with pytest.raises(ValueError, match="l2"):
        layers.ActivityRegularization(l2=value)


def test_config_round_trip_and_serialize():
    layer = layers.ActivityRegularization(l1=0.5, l2=0.25, name="reg")
    config = layer.get_config()
    assert list(config) == ["name", "trainable", "dtype", "l1", "l2"]
    assert (config["l1"], config["l2"]) == (0.5, 0.25)
    clone = layers.ActivityRegularization.from_config(config)
    assert clone.get_config() == config
    record = layers.serialize(layer)
    assert record["module"] == "keras.layers"
    assert layers.deserialize(record).l2 == 0.25


def test_in_a_model_adds_loss_and_passes_mask():
    inputs = keras_core.Input((3,))
    outputs = layers.ActivityRegularization(l2=1.0)(inputs)
    assert outputs.shape == (None, 3)
    model = keras_core.Model(inputs, outputs)
    x = np.full((2, 3), 2.0, "float32")
    np.testing.assert_array_equal(_np(model(x)), x)
    np.testing.assert_allclose(_np(model.losses[0]), 12.0, rtol=1e-6)
    masked = layers.Masking()(keras_core.Input((3, 2)))
    assert layers.ActivityRegularization()(masked)._keras_mask is not None
