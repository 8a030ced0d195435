"""keras_core.layers.UpSampling1D, UpSampling2D and UpSampling3D."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def _inputs(*shape):
    return np.arange(np.prod(shape), dtype="float32").reshape(shape)


def _linear_weights(n, factor):
    """`(n * factor, n)` half-pixel-centre linear interpolation matrix."""
    out = np.zeros((n * factor, n), "float32")
    for j in range(n * factor):
        source = min(max((j + 0.5) / factor - 0.5, 0.0), n - 1)
        low = int(np.floor(source))
        high = min(low + 1, n - 1)
        out[j, low] += 1 - (source - low)
        out[j, high] += source - low
    return out


def test_upsampling1d_repeats_steps():
    x = _inputs(2, 3, 2)
    np.testing.assert_array_equal(
        _np(layers.UpSampling1D(3)(x)), np.repeat(x, 3, axis=1)
    )
    np.testing.assert_array_equal(_np(layers.UpSampling1D()(x)), x.repeat(2, axis=1))
    assert layers.UpSampling1D().weights == []


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_nearest_2d_and_3d_repeat_in_both_formats(data_format):
    x = _inputs(2, 2, 3, 2)
    expected = x.repeat(2, axis=1).repeat(3, axis=2)
    v = _inputs(1, 2, 1, 2, 2)
    expected_v = v.repeat(1, axis=1).repeat(2, axis=2).repeat(3, axis=3)
    if data_format == "channels_first":
        x, expected = np.moveaxis(x, -1, 1), np.moveaxis(expected, -1, 1)
        v, expected_v = np.moveaxis(v, -1, 1), np.moveaxis(expected_v, -1, 1)
    layer = layers.UpSampling2D((2, 3), data_format=data_format)
    np.testing.assert_array_equal(_np(layer(x)), expected)
    layer = layers.UpSampling3D((1, 2, 3), data_format=data_format)
    np.testing.assert_array_equal(_np(layer(v)), expected_v)


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_bilinear_matches_half_pixel_linear_interpolation(data_format):
    x = np.random.default_rng(0).normal(size=(2, 3, 4, 2)).astype("float32")
    rows, cols = _linear_weights(3, 2), _linear_weights(4, 3)
    expected = np.einsum("ih,jw,bhwc->bijc", rows, cols, x)
    if data_format == "channels_first":
        x, expected = np.moveaxis(x, -1, 1), np.moveaxis(expected, -1, 1)
    layer = layers.UpSampling2D(
        (2, 3), data_format=data_format, interpolation="bilinear"
    )
    np.testing.assert_allclose(_np(layer(x)), expected, rtol=1e-5, atol=1e-5)


# First two rows of a (1, 2, 3, 1) ramp 0..5 upsampled by 2, as Keras 3 gives.
KERAS_VALUES = {
    "bicubic": [
        [-0.353, -0.097, 0.445, 1.025, 1.567, 1.824],
        [0.533, 0.789, 1.331, 1.912, 2.454, 2.71],
    ],
    "lanczos3": [
        [-0.619, -0.403, 0.081, 0.866, 1.35, 1.566],
        [0.606, 0.822, 1.306, 2.091, 2.575, 2.791],
    ],
    "lanczos5": [
        [-0.69, -0.588, -0.103, 0.779, 1.263, 1.366],
        [0.704, 0.806, 1.291, 2.172, 2.657, 2.759],
    ],
}


@pytest.mark.parametrize("interpolation", sorted(KERAS_VALUES))
def test_other_interpolations_match_keras(interpolation):
    layer = layers.UpSampling2D(2, interpolation=interpolation.upper())
    assert layer.interpolation == interpolation
    out = _np(layer(_inputs(1, 2, 3, 1)))
    assert out.shape == (1, 4, 6, 1)
    np.testing.assert_allclose(out[0, :2, :, 0], KERAS_VALUES[interpolation], atol=2e-3)


def test_configs_and_round_trips():
    config = layers.UpSampling1D().get_config()
    assert list(config) == ["name", "trainable", "dtype", "size"]
    assert config["size"] == 2
    config = layers.UpSampling2D().get_config()
    assert list(config)[3:] == ["size", "data_format", "interpolation"]
    assert (config["size"], config["interpolation"]) == ((2, 2), "nearest")
    assert layers.UpSampling2D([2, 3]).size == (2, 3)
    config = layers.UpSampling3D(2).get_config()
    assert list(config)[3:] == ["size", "data_format"]
    assert config["size"] == (2, 2, 2)
    for layer in [
        layers.UpSampling1D(3),
        layers.UpSampling2D((1, 2), "channels_first", interpolation="bilinear"),
        layers.UpSampling3D((1, 2, 3)),
    ]:
        config = layer.get_config()
        assert type(layer).from_config(config).get_config() == config
        record = layers.serialize(layer)
        assert (record["module"], record["class_name"]) == (
            "keras.layers",
            type(layer).__name__,
        )
        assert layers.deserialize(record).get_config() == config
    keras_core.config.set_image_data_format("channels_first")
    assert layers.UpSampling3D().data_format == "channels_first"


def test_symbolic_shapes_dtypes_model_and_stateless_call():
    assert layers.UpSampling1D(3)(keras_core.Input((None, 2))).shape == (None, None, 2)
    for interpolation in ("nearest", "bilinear"):
        layer = layers.UpSampling2D((2, 3), interpolation=interpolation)
        assert layer(keras_core.Input((None, 4, 2))).shape == (None, None, 12, 2)
        assert tuple(layer(np.ones((1, 3, 4, 2), "float32")).shape) == (1, 6, 12, 2)
    first = layers.UpSampling3D((2, 3, 1), data_format="channels_first")
    assert first(keras_core.Input((2, None, 4, 5))).shape == (None, 2, None, 12, 5)
    ints = np.ones((1, 2, 2, 1), "int32")
    for interpolation in ("nearest", "bilinear"):
        layer = layers.UpSampling2D(interpolation=interpolation)
        assert keras_core.backend.standardize_dtype(layer(ints).dtype) == "int32"
        assert layer(keras_core.Input((2, 2, 1), dtype="int32")).dtype == "int32"
    mixed = layers.UpSampling2D(dtype="mixed_float16", interpolation="bilinear")
    out = mixed(np.ones((1, 2, 2, 1), "float32"))
    assert keras_core.backend.standardize_dtype(out.dtype) == "float16"
    inputs = keras_core.Input((None, 2))
    model = keras_core.Model(inputs, layers.UpSampling1D(2)(inputs))
    x = _inputs(2, 3, 2)
    np.testing.assert_array_equal(_np(model(x)), x.repeat(2, axis=1))
    layer = layers.UpSampling1D()
    layer(x)
    out, state = layer.stateless_call([], [], x)
    np.testing.assert_array_equal(_np(out), x.repeat(2, axis=1))
    assert state == []


def test_errors():
    with pytest.raises(TypeError, match=r"UpSampling1D.*integer.*size=\(2,\)"):
        layers.UpSampling1D((2,))
    with pytest.raises(TypeError, match=r"size=2\.5 of type float"):
        layers.UpSampling1D(2.5)
    with pytest.raises(ValueError, match=r"UpSampling1D.*positive.*size=0"):
        layers.UpSampling1D(0)
    with pytest.raises(ValueError, match=r"UpSampling2D.*`size` must be >= 1.*=0"):
        layers.UpSampling2D(0)
    with pytest.raises(ValueError, match=r"tuple of 2 integers.*\(2, 3, 4\)"):
        layers.UpSampling2D((2, 3, 4))
    with pytest.raises(ValueError, match=r"UpSampling3D.*size=2\.0"):
        layers.UpSampling3D(2.0)
    with pytest.raises(ValueError, match=r"interpolation.*'bilinear'.*='area'"):
        layers.UpSampling2D(interpolation="area")
    with pytest.raises(ValueError, match=r"interpolation=None"):
        layers.UpSampling2D(interpolation=None)
    with pytest.raises(ValueError, match=r"data_format='x'"):
        layers.UpSampling2D(data_format="x")
    with pytest.raises(ValueError, match=r"expected ndim=3, found ndim=4"):
        layers.UpSampling1D()(np.ones((1, 2, 2, 1), "float32"))
