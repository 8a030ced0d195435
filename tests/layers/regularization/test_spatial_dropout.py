"""keras_core.layers.SpatialDropout1D/2D/3D."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


CASES = [
    (layers.SpatialDropout1D, {}, (40, 6, 30), (1,)),
    (layers.SpatialDropout2D, {"data_format": "channels_last"}, (20, 3, 4, 30), (1, 2)),
    (
        layers.SpatialDropout2D,
        {"data_format": "channels_first"},
        (20, 30, 3, 4),
        (2, 3),
    ),
    (
        layers.SpatialDropout3D,
        {"data_format": "channels_last"},
        (10, 2, 3, 2, 30),
        (1, 2, 3),
    ),
    (
        layers.SpatialDropout3D,
        {"data_format": "channels_first"},
        (10, 30, 2, 3, 2),
        (2, 3, 4),
    ),
]


@pytest.mark.parametrize("cls, kwargs, shape, spatial_axes", CASES)
def test_whole_channels_dropped_and_scaled(cls, kwargs, shape, spatial_axes):
    rate = 0.4
    layer = cls(rate, seed=3, **kwargs)
    x = np.ones(shape, "float32")
    out = _np(layer(x, training=True))
    # Constant along every spatial axis: a channel is kept or dropped whole.
    first = out[
        tuple(
            slice(0, 1) if a in spatial_axes else slice(None) for a in range(len(shape))
        )
    ]
    np.testing.assert_array_equal(out, np.broadcast_to(first, shape))
    assert np.all(np.isclose(out, 0.0) | np.isclose(out, 1 / (1 - rate)))
    kept = (first != 0).mean()
    assert abs(kept - (1 - rate)) < 0.1
    np.testing.assert_array_equal(_np(layer(x)), x)
    np.testing.assert_array_equal(_np(layer(x, training=False)), x)


def test_seeded_reproducible_and_advancing():
    x = np.ones((4, 5, 8), "float32")
    a = _np(layers.SpatialDropout1D(0.5, seed=2)(x, training=True))
    layer = layers.SpatialDropout1D(0.5, seed=2)
    np.testing.assert_array_equal(a, _np(layer(x, training=True)))
    assert not np.array_equal(a, _np(layer(x, training=True)))


def test_default_data_format_follows_config():
    assert (
        layers.SpatialDropout2D(0.5).data_format
        == keras_core.config.image_data_format()
    )
    with pytest.raises(ValueError, match="data_format"):
        layers.SpatialDropout2D(0.5, data_format="channels_middle")


def test_input_rank_checked():
    with pytest.raises(ValueError, match="ndim=3"):
        layers.SpatialDropout1D(0.5)(np.ones((2, 3), "float32"), training=True)
    with pytest.raises(ValueError, match="ndim=4"):
        layers.SpatialDropout2D(0.5)(np.ones((2, 3, 3), "float32"))
    with pytest.raises(ValueError, match="ndim=5"):
        layers.SpatialDropout3D(0.5)(np.ones((2, 3, 3, 3), "float32"))


@pytest.mark.parametrize("rate", [-0.1, 1.5, "a", None])
def test_rate_validation(rate):
    with pytest.raises(ValueError, match=r"SpatialDropout1D.*rate"):
        layers.SpatialDropout1D(rate)


def test_signature_has_no_kwargs():
    with pytest.raises(TypeError):
        layers.SpatialDropout1D(0.5, trainable=False)


def test_config_keys_round_trip_and_serialize():
    layer = layers.SpatialDropout1D(0.3, seed=4, name="sd")
    config = layer.get_config()
    assert list(config) == ["rate", "seed", "name", "dtype"]
    assert (config["rate"], config["seed"], config["name"]) == (0.3, 4, "sd")
    assert layers.SpatialDropout1D.from_config(config).get_config() == config
    layer = layers.SpatialDropout3D(0.2, data_format="channels_first", name="sd3")
    config = layer.get_config()
    assert list(config) == ["rate", "seed", "name", "dtype", "data_format"]
    clone = layers.SpatialDropout3D.from_config(config)
    assert clone.data_format == "channels_first"
    record = layers.serialize(layers.SpatialDropout2D(0.1))
    assert record["module"] == "keras.layers"
    assert record["class_name"] == "SpatialDropout2D"
    restored = layers.deserialize(record)
    assert isinstance(restored, layers.SpatialDropout2D) and restored.rate == 0.1
    assert isinstance(restored, layers.Dropout)


def test_symbolic_shapes_model_and_stateless_call():
    inputs = keras_core.Input((None, 3, 4))
    outputs = layers.SpatialDropout2D(0.5, seed=1)(inputs)
    assert outputs.shape == (None, None, 3, 4)
    model = keras_core.Model(inputs, outputs)
    x = np.ones((2, 5, 3, 4), "float32")
    np.testing.assert_array_equal(_np(model(x)), x)
    layer = layers.SpatialDropout1D(0.5, seed=5)
    state = [ops.convert_to_tensor(v.numpy()) for v in layer.non_trainable_variables]
    x = np.ones((3, 4, 6), "float32")
    out, new_state = layer.stateless_call([], state, x, training=True)
    out = _np(out)
    np.testing.assert_array_equal(out, np.broadcast_to(out[:, :1], out.shape))
    assert not np.array_equal(_np(new_state[0]), _np(state[0]))


def test_mixed_precision():
    layer = layers.SpatialDropout1D(0.5, seed=1, dtype="mixed_float16")
    out = layer(np.ones((2, 3, 4)), training=True)
    assert keras_core.backend.standardize_dtype(out.dtype) == "float16"
