"""MaxPooling1D/2D/3D and AveragePooling1D/2D/3D against a NumPy reference."""

import itertools
import math

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

MAX = {1: layers.MaxPooling1D, 2: layers.MaxPooling2D, 3: layers.MaxPooling3D}
AVG = {
    1: layers.AveragePooling1D,
    2: layers.AveragePooling2D,
    3: layers.AveragePooling3D,
}


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def _reference(x, mode, pool, strides, padding):
    """Pools channels-last `x` window by window; padded entries are ignored."""
    spatial = x.shape[1:-1]
    if padding == "valid":
        out_sizes = [
            (n - p) // s + 1 for n, p, s in zip(spatial, pool, strides, strict=True)
        ]
        starts = [0] * len(spatial)
    else:
        out_sizes = [math.ceil(n / s) for n, s in zip(spatial, strides, strict=True)]
        starts = [
            -(max((o - 1) * s + p - n, 0) // 2)
            for n, p, s, o in zip(spatial, pool, strides, out_sizes, strict=True)
        ]
    out = np.zeros((x.shape[0], *out_sizes, x.shape[-1]), "float32")
    for position in itertools.product(*(range(o) for o in out_sizes)):
        window = tuple(
            slice(max(b + i * s, 0), min(b + i * s + p, n))
            for i, b, s, p, n in zip(
                position, starts, strides, pool, spatial, strict=True
            )
        )
        block = x[(slice(None), *window, slice(None))]
        axes = tuple(range(1, len(spatial) + 1))
        reduce = np.max if mode == "max" else np.mean
        out[(slice(None), *position, slice(None))] = reduce(block, axis=axes)
    return out


CASES = [
    (1, (3,), (2,), "valid"),
    (1, (2,), (1,), "same"),
    (2, (2, 3), (2, 1), "valid"),
    (2, (3, 3), (2, 2), "same"),
    (3, (2, 2, 1), (1, 2, 1), "valid"),
    (3, (2, 3, 2), (2, 2, 2), "same"),
]


@pytest.mark.parametrize("mode", ["max", "average"])
@pytest.mark.parametrize("rank,pool,strides,padding", CASES)
def test_matches_numpy_in_both_data_formats(mode, rank, pool, strides, padding):
    x = np.random.default_rng(rank).normal(size=(2, *[5] * rank, 3))
    x = x.astype("float32")
    expected = _reference(x, mode, pool, strides, padding)
    cls = (MAX if mode == "max" else AVG)[rank]
    layer = cls(pool, strides=strides, padding=padding)
    np.testing.assert_allclose(_np(layer(x)), expected, rtol=1e-5, atol=1e-6)
    first = cls(pool, strides=strides, padding=padding, data_format="channels_first")
    out = _np(first(np.moveaxis(x, -1, 1)))
    np.testing.assert_allclose(out, np.moveaxis(expected, -1, 1), rtol=1e-5, atol=1e-6)
    assert layer.weights == []


def test_defaults_and_configs_match_keras():
    config = layers.MaxPooling2D().get_config()
    assert list(config) == [
        "name",
        "trainable",
        "dtype",
        "pool_size",
        "padding",
        "strides",
        "data_format",
    ]
    assert config["pool_size"] == config["strides"] == (2, 2)
    assert layers.MaxPooling1D().get_config()["pool_size"] == (2,)
    assert layers.MaxPooling3D().get_config()["strides"] == (2, 2, 2)
    config = layers.AveragePooling2D([3, 2], strides=1, padding="SAME").get_config()
    assert config["pool_size"] == (3, 2)
    assert config["strides"] == (1, 1)
    assert config["padding"] == "SAME"
    assert config["data_format"] == "channels_last"
    keras_core.config.set_image_data_format("channels_first")
    assert layers.AveragePooling3D(2).data_format == "channels_first"
    assert layers.MaxPooling1D(data_format="Channels_Last").data_format == (
        "channels_last"
    )


@pytest.mark.parametrize("cls", [*MAX.values(), *AVG.values()])
def test_round_trips_and_aliases(cls):
    layer = cls(2, strides=1, padding="same", name="pool")
    config = layer.get_config()
    assert cls.from_config(config).get_config() == config
    record = layers.serialize(layer)
    assert record["module"] == "keras.layers"
    assert record["class_name"] == cls.__name__
    assert layers.deserialize(record).get_config() == config
    alias = cls.__name__.replace("Pooling", "Pool").replace("Average", "Avg")
    assert getattr(layers, alias) is cls
    record["class_name"] = alias  # Keras reads configs naming the alias too.
    assert type(layers.deserialize(record)) is cls


def test_symbolic_shapes_match_eager_shapes():
    for layer, shape in [
        (layers.MaxPooling2D(2), (5, 7, 3)),
        (layers.AveragePooling2D(3, strides=2, padding="same"), (5, 7, 3)),
        (layers.MaxPooling1D(2, data_format="channels_first"), (3, 7)),
        (layers.AveragePooling3D((1, 2, 3)), (2, 4, 6, 1)),
    ]:
        symbolic = layer(keras_core.Input(shape))
        eager = layer(np.ones((2, *shape), "float32"))
        assert symbolic.shape == (None, *tuple(eager.shape)[1:])
    unknown = layers.MaxPooling2D(2)(keras_core.Input((None, 7, 3)))
    assert unknown.shape == (None, None, 3, 3)
    same = layers.MaxPooling2D(2, padding="same")
    assert same.compute_output_shape((None, 5, None, 3)) == (None, 3, None, 3)


def test_dtypes_integers_and_mixed_precision():
    x = np.arange(2 * 4 * 4 * 1).reshape(2, 4, 4, 1).astype("int32")
    out = layers.MaxPooling2D()(x)
    assert keras_core.backend.standardize_dtype(out.dtype) == "int32"
    np.testing.assert_array_equal(_np(out)[0, :, :, 0], [[5, 7], [13, 15]])
    out = layers.AveragePooling2D(2)(x)
    assert keras_core.backend.standardize_dtype(out.dtype) == "float32"
    np.testing.assert_allclose(_np(out)[0, :, :, 0], [[2.5, 4.5], [10.5, 12.5]])
    symbolic = keras_core.Input((4, 4, 1), dtype="int32")
    assert layers.MaxPooling2D()(symbolic).dtype == "int32"
    assert layers.AveragePooling2D(2)(symbolic).dtype == "float32"
    mixed = layers.AveragePooling2D(2, dtype="mixed_float16")
    out = mixed(x.astype("float32"))
    assert keras_core.backend.standardize_dtype(out.dtype) == "float16"
    assert mixed(keras_core.Input((4, 4, 1))).dtype == "float16"


def test_inside_a_model_and_stateless_call():
    inputs = keras_core.Input((None, 2))
    model = keras_core.Model(inputs, layers.MaxPooling1D(2)(inputs))
    x = np.arange(12, dtype="float32").reshape(2, 3, 2)
    np.testing.assert_array_equal(_np(model(x)), x[:, 1:2])
    layer = layers.AveragePooling1D(3)
    out, state = layer.stateless_call([], [], x)
    np.testing.assert_allclose(_np(out), x.mean(axis=1, keepdims=True))
    assert state == []


def test_argument_errors_name_the_layer():
    with pytest.raises(ValueError, match=r"MaxPooling2D.*pool_size.*>= 1.*=0"):
        layers.MaxPooling2D(0)
    with pytest.raises(ValueError, match=r"tuple of 2 integers.*\(2, 2, 2\)"):
        layers.MaxPooling2D((2, 2, 2))
    with pytest.raises(ValueError, match=r"AveragePooling1D.*pool_size=2\.0"):
        layers.AveragePooling1D(2.0)
    with pytest.raises(ValueError, match=r"`strides`.*strides=0"):
        layers.MaxPooling3D(2, strides=0)
    with pytest.raises(ValueError, match=r"'valid' or 'same'.*padding='causal'"):
        layers.MaxPooling1D(2, padding="causal")
    with pytest.raises(ValueError, match=r"data_format.*Received: data_format='x'"):
        layers.AveragePooling2D(2, data_format="x")
    layer = layers.MaxPooling2D(7, name="big")
    with pytest.raises(ValueError, match=r"'big'.*zero or negative.*padding='same'"):
        layer(np.ones((1, 5, 6, 1), "float32"))
    with pytest.raises(ValueError, match="zero or negative"):
        layers.MaxPooling2D(7)(keras_core.Input((5, 6, 1)))
    with pytest.raises(ValueError, match=r"expected ndim=4, found ndim=3"):
        layers.MaxPooling2D()(np.ones((5, 6, 1), "float32"))
