"""AdaptiveMaxPooling1D/2D/3D and AdaptiveAveragePooling1D/2D/3D."""

import itertools
import math

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

ADAPTIVE = {
    ("max", 1): layers.AdaptiveMaxPooling1D,
    ("max", 2): layers.AdaptiveMaxPooling2D,
    ("max", 3): layers.AdaptiveMaxPooling3D,
    ("average", 1): layers.AdaptiveAveragePooling1D,
    ("average", 2): layers.AdaptiveAveragePooling2D,
    ("average", 3): layers.AdaptiveAveragePooling3D,
}


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def _reference(x, mode, output_size):
    """Output `i` of an axis `n -> m` reduces `[floor(i n / m), ceil((i+1) n / m))`."""
    spatial = x.shape[1:-1]
    out = np.zeros((x.shape[0], *output_size, x.shape[-1]), "float32")
    reduce = np.max if mode == "max" else np.mean
    axes = tuple(range(1, len(spatial) + 1))
    for position in itertools.product(*(range(m) for m in output_size)):
        window = tuple(
            slice(i * n // m, math.ceil((i + 1) * n / m))
            for i, n, m in zip(position, spatial, output_size, strict=True)
        )
        block = x[(slice(None), *window, slice(None))]
        out[(slice(None), *position, slice(None))] = reduce(block, axis=axes)
    return out


SIZES = {1: ((7,), (3,)), 2: ((5, 7), (2, 3)), 3: ((4, 5, 3), (3, 2, 2))}


@pytest.mark.parametrize("mode,rank", list(ADAPTIVE))
def test_matches_numpy_in_both_data_formats(mode, rank):
    spatial, output_size = SIZES[rank]
    x = np.random.default_rng(rank).normal(size=(2, *spatial, 3)).astype("float32")
    expected = _reference(x, mode, output_size)
    cls = ADAPTIVE[(mode, rank)]
    layer = cls(output_size)
    np.testing.assert_allclose(_np(layer(x)), expected, rtol=1e-5, atol=1e-6)
    first = cls(output_size, data_format="channels_first")
    out = _np(first(np.moveaxis(x, -1, 1)))
    np.testing.assert_allclose(out, np.moveaxis(expected, -1, 1), rtol=1e-5, atol=1e-6)
    assert layer.weights == []


def test_upsamples_when_the_output_is_larger():
    x = np.arange(2 * 5 * 6 * 3, dtype="float32").reshape(2, 5, 6, 3)
    out = _np(layers.AdaptiveMaxPooling2D((7, 8))(x))
    np.testing.assert_array_equal(out, _reference(x, "max", (7, 8)))


def test_configs_and_round_trips():
    config = layers.AdaptiveMaxPooling2D([2, 3]).get_config()
    assert list(config) == ["name", "trainable", "dtype", "output_size", "data_format"]
    assert config["output_size"] == (2, 3)
    assert layers.AdaptiveAveragePooling1D(3).output_size == (3,)
    assert layers.AdaptiveAveragePooling3D(2).output_size == (2, 2, 2)
    for cls in ADAPTIVE.values():
        layer = cls(2, data_format="channels_first")
        config = layer.get_config()
        assert cls.from_config(config).get_config() == config
        record = layers.serialize(layer)
        assert (record["module"], record["class_name"]) == (
            "keras.layers",
            cls.__name__,
        )
        assert layers.deserialize(record).get_config() == config
    keras_core.config.set_image_data_format("channels_first")
    assert layers.AdaptiveMaxPooling1D(2).data_format == "channels_first"


def test_symbolic_shapes_dtypes_and_mixed_precision():
    layer = layers.AdaptiveAveragePooling2D((2, 3))
    assert layer(keras_core.Input((None, None, 4))).shape == (None, 2, 3, 4)
    first = layers.AdaptiveMaxPooling2D((2, 3), data_format="channels_first")
    assert first(keras_core.Input((4, None, None))).shape == (None, 4, 2, 3)
    assert tuple(first(np.ones((1, 4, 5, 6), "float32")).shape) == (1, 4, 2, 3)
    x = np.arange(6).reshape(1, 6, 1).astype("int32")
    out = layers.AdaptiveMaxPooling1D(2)(x)
    assert keras_core.backend.standardize_dtype(out.dtype) == "int32"
    np.testing.assert_array_equal(_np(out)[0, :, 0], [2, 5])
    out = layers.AdaptiveAveragePooling1D(2)(x)
    assert keras_core.backend.standardize_dtype(out.dtype) == "float32"
    np.testing.assert_allclose(_np(out)[0, :, 0], [1.0, 4.0])
    ints = keras_core.Input((6, 1), dtype="int32")
    assert layers.AdaptiveMaxPooling1D(2)(ints).dtype == "int32"
    assert layers.AdaptiveAveragePooling1D(2)(ints).dtype == "float32"
    mixed = layers.AdaptiveAveragePooling1D(2, dtype="mixed_float16")
    out = mixed(x.astype("float32"))
    assert keras_core.backend.standardize_dtype(out.dtype) == "float16"


def test_inside_a_model_with_any_input_size():
    inputs = keras_core.Input((None, 2))
    model = keras_core.Model(inputs, layers.AdaptiveMaxPooling1D(2)(inputs))
    for steps in (4, 9):
        x = np.random.default_rng(steps).normal(size=(2, steps, 2)).astype("float32")
        np.testing.assert_allclose(_np(model(x)), _reference(x, "max", (2,)))


def test_argument_errors():
    with pytest.raises(
        TypeError, match=r"AdaptiveMaxPooling2D.*output_size=\(2, 3, 4\)"
    ):
        layers.AdaptiveMaxPooling2D((2, 3, 4))
    with pytest.raises(TypeError, match=r"integer.*output_size=2\.5 of type float"):
        layers.AdaptiveAveragePooling1D(2.5)
    with pytest.raises(ValueError, match=r"`output_size` must be >= 1.*=0"):
        layers.AdaptiveMaxPooling3D(0)
    with pytest.raises(ValueError, match=r"data_format='x'"):
        layers.AdaptiveMaxPooling2D(2, data_format="x")
    with pytest.raises(ValueError, match=r"expected ndim=4, found ndim=3"):
        layers.AdaptiveMaxPooling2D(2)(np.ones((5, 6, 3), "float32"))
