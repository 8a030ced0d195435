"""keras_core.layers.Dropout."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops


def _np(x):
    return ops.convert_to_numpy(x)


def test_identity_when_not_training():
    layer = layers.Dropout(0.5, seed=1)
    x = np.random.RandomState(0).rand(4, 5).astype("float32")
    np.testing.assert_array_equal(_np(layer(x)), x)
    np.testing.assert_array_equal(_np(layer(x, training=False)), x)
    np.testing.assert_array_equal(_np(layer(x, training=0)), x)


def test_inverted_dropout_statistics():
    rate = 0.3
    layer = layers.Dropout(rate, seed=7)
    x = np.ones((200, 200), dtype="float32")
    out = _np(layer(x, training=True))
    kept = out != 0
    np.testing.assert_allclose(out[kept], 1 / (1 - rate), rtol=1e-6)
    assert abs(kept.mean() - (1 - rate)) < 0.01
    assert abs(out.mean() - 1.0) < 0.02


def test_seeded_draws_reproducible_and_advancing():
    x = np.ones((8, 8), dtype="float32")
    first = layers.Dropout(0.5, seed=3)
    second = layers.Dropout(0.5, seed=3)
    a = _np(first(x, training=True))
    np.testing.assert_array_equal(a, _np(second(x, training=True)))
    assert not np.array_equal(a, _np(first(x, training=True)))


def test_noise_shape_broadcasts():
    layer = layers.Dropout(0.5, noise_shape=(None, 1, None), seed=2)
    x = np.ones((4, 6, 5), dtype="float32")
    out = _np(layer(x, training=True))
    # The same features are dropped at every step.
    np.testing.assert_array_equal(out, np.broadcast_to(out[:, :1, :], out.shape))
    with pytest.raises(ValueError, match="noise_shape"):
        layers.Dropout(0.5, noise_shape=(None, 1))(x, training=True)


def test_seed_generator_is_tracked_state():
    layer = layers.Dropout(0.5, seed=1)
    assert layer.built
    assert layer.weights == []
    assert len(layer.variables) == 1
    state = layer.variables[0]
    assert state.path == "seed_generator/seed_generator_state"
    assert not state.trainable
    assert layer.non_trainable_variables == [state]
    assert layers.Dropout(0.0).variables == []


def test_rate_edges():
    x = np.ones((3, 3), dtype="float32")
    np.testing.assert_array_equal(_np(layers.Dropout(0.0)(x, training=True)), x)
    np.testing.assert_array_equal(
        _np(layers.Dropout(1.0)(x, training=True)), np.zeros_like(x)
    )


@pytest.mark.parametrize("rate", [-0.1, 1.5, "a", None, True])
def test_rate_validation(rate):
    with pytest.raises(ValueError, match=r"Dropout.*rate"):
        layers.Dropout(rate)


def test_config_and_serialization():
    layer = layers.Dropout(0.25, noise_shape=(None, 1), seed=4, name="drop")
    config = layer.get_config()
    assert {k: config[k] for k in ("rate", "seed", "noise_shape")} == {
        "rate": 0.25,
        "seed": 4,
        "noise_shape": (None, 1),
    }
    assert set(config) == {"name", "trainable", "dtype", "rate", "seed", "noise_shape"}
    clone = layers.Dropout.from_config(config)
    assert clone.get_config() == config
    record = layers.serialize(layer)
    assert record["class_name"] == "Dropout" and record["module"] == "keras.layers"
    assert layers.deserialize(record).rate == 0.25


def test_symbolic_model_and_stateless_call():
    inputs = keras_core.Input((3,))
    outputs = layers.Dropout(0.5, seed=1)(inputs)
    assert outputs.shape == (None, 3)
    model = keras_core.Model(inputs, outputs)
    x = np.ones((2, 3), dtype="float32")
    np.testing.assert_array_equal(_np(model(x)), x)
    layer = layers.Dropout(0.5, seed=5)
    state = [ops.convert_to_tensor(v.numpy()) for v in layer.non_trainable_variables]
    out, new_state = layer.stateless_call([], state, x, training=True)
    assert set(np.unique(_np(out))) <= {0.0, 2.0}
    assert not np.array_equal(_np(new_state[0]), _np(state[0]))
    # The layer's own state did not move.
    np.testing.assert_array_equal(layer.variables[0].numpy(), _np(state[0]))


def test_mixed_precision_and_mask_passthrough():
    layer = layers.Dropout(0.5, seed=1, dtype="mixed_float16")
    out = layer(np.ones((2, 2)), training=True)
    assert keras_core.backend.standardize_dtype(out.dtype) == "float16"
    inputs = keras_core.Input((3, 2))
    masked = layers.Masking()(inputs)
    assert layers.Dropout(0.5)(masked)._keras_mask is not None
