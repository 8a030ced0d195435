"""GlobalMaxPooling1D/2D/3D and GlobalAveragePooling1D/2D/3D (with masks)."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

GLOBAL = {
    ("max", 1): layers.GlobalMaxPooling1D,
    ("max", 2): layers.GlobalMaxPooling2D,
    ("max", 3): layers.GlobalMaxPooling3D,
    ("average", 1): layers.GlobalAveragePooling1D,
    ("average", 2): layers.GlobalAveragePooling2D,
    ("average", 3): layers.GlobalAveragePooling3D,
}
ALIASES = {
    "GlobalMaxPool1D": layers.GlobalMaxPooling1D,
    "GlobalMaxPool2D": layers.GlobalMaxPooling2D,
    "GlobalMaxPool3D": layers.GlobalMaxPooling3D,
    "GlobalAvgPool1D": layers.GlobalAveragePooling1D,
    "GlobalAvgPool2D": layers.GlobalAveragePooling2D,
    "GlobalAvgPool3D": layers.GlobalAveragePooling3D,
}


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


@pytest.mark.parametrize("mode,rank", list(GLOBAL))
def test_matches_numpy_in_both_formats_and_keepdims(mode, rank):
    x = np.random.default_rng(rank).normal(size=(2, *range(2, rank + 2), 3))
    x = x.astype("float32")
    reduce = np.max if mode == "max" else np.mean
    axes = tuple(range(1, rank + 1))
    cls = GLOBAL[(mode, rank)]
    np.testing.assert_allclose(_np(cls()(x)), reduce(x, axis=axes), rtol=1e-5)
    kept = _np(cls(keepdims=True)(x))
    np.testing.assert_allclose(kept, reduce(x, axis=axes, keepdims=True), rtol=1e-5)
    first = np.moveaxis(x, -1, 1)
    layer = cls(data_format="channels_first", keepdims=True)
    expected = reduce(first, axis=tuple(a + 1 for a in axes), keepdims=True)
    np.testing.assert_allclose(_np(layer(first)), expected, rtol=1e-5)
    assert layer.weights == []


def test_average_1d_uses_only_unmasked_steps():
    x = np.random.default_rng(0).normal(size=(2, 4, 3)).astype("float32")
    mask = np.array([[1, 1, 0, 0], [1, 0, 1, 1]], bool)
    expected = np.stack([x[i][mask[i]].mean(axis=0) for i in range(2)])
    layer = layers.GlobalAveragePooling1D()
    assert layer.supports_masking
    np.testing.assert_allclose(_np(layer(x, mask=mask)), expected, rtol=1e-5)
    first = layers.GlobalAveragePooling1D(data_format="channels_first", keepdims=True)
    out = _np(first(np.moveaxis(x, -1, 1), mask=mask))
    np.testing.assert_allclose(out, expected[:, :, None], rtol=1e-5)
    assert layer.compute_mask(x, mask) is None


@pytest.mark.filterwarnings("ignore:invalid value encountered")
def test_average_1d_of_fully_masked_samples_is_nan_as_in_keras():
    x = np.ones((2, 4, 3), "float32")
    out = _np(layers.GlobalAveragePooling1D()(x, mask=np.zeros((2, 4), bool)))
    assert np.all(np.isnan(out))


def test_average_1d_reads_the_mask_carried_through_a_model():
    inputs = keras_core.Input((4, 3))
    pooled = layers.GlobalAveragePooling1D()(layers.Masking()(inputs))
    assert getattr(pooled, "_keras_mask", None) is None
    model = keras_core.Model(inputs, pooled)
    x = np.random.default_rng(1).normal(size=(2, 4, 3)).astype("float32")
    x[0, 2:] = 0.0
    expected = np.stack([x[0, :2].mean(axis=0), x[1].mean(axis=0)])
    np.testing.assert_allclose(_np(model(x)), expected, rtol=1e-5)


def test_configs_round_trips_and_aliases():
    for alias, cls in ALIASES.items():
        assert getattr(layers, alias) is cls
        layer = cls(data_format="channels_first", keepdims=True)
        config = layer.get_config()
        assert list(config) == [
            "name",
            "trainable",
            "dtype",
            "data_format",
            "keepdims",
        ]
        assert cls.from_config(config).get_config() == config
        record = layers.serialize(layer)
        assert record["class_name"] == cls.__name__
        assert layers.deserialize(record).get_config() == config
        record["class_name"] = alias
        assert type(layers.deserialize(record)) is cls
    assert layers.GlobalMaxPooling2D().get_config()["keepdims"] is False
    keras_core.config.set_image_data_format("channels_first")
    assert layers.GlobalAveragePooling3D().data_format == "channels_first"


def test_symbolic_shapes_dtypes_and_mixed_precision():
    cases = [
        (layers.GlobalMaxPooling1D(), (None, 3), (None, 3)),
        (layers.GlobalAveragePooling2D(keepdims=True), (4, None, 3), (None, 1, 1, 3)),
        (
            layers.GlobalMaxPooling3D(data_format="channels_first"),
            (3, 2, None, 4),
            (None, 3),
        ),
    ]
    for layer, shape, expected in cases:
        assert layer(keras_core.Input(shape)).shape == expected
        eager = layer(np.ones((2, *(n or 5 for n in shape)), "float32"))
        assert tuple(eager.shape) == (2, *expected[1:])
    ints = keras_core.Input((4, 3), dtype="int32")
    assert layers.GlobalMaxPooling1D()(ints).dtype == "int32"
    assert layers.GlobalAveragePooling1D()(ints).dtype == "float32"
    x = np.array([[[1], [2]]], "int32")
    out = layers.GlobalAveragePooling1D()(x)
    assert keras_core.backend.standardize_dtype(out.dtype) == "float32"
    np.testing.assert_allclose(_np(out), [[1.5]])
    mixed = layers.GlobalAveragePooling2D(dtype="mixed_float16")
    out = mixed(np.ones((1, 2, 2, 1), "float32"))
    assert keras_core.backend.standardize_dtype(out.dtype) == "float16"


def test_stateless_call_and_errors():
    layer = layers.GlobalMaxPooling2D()
    x = np.arange(8, dtype="float32").reshape(1, 2, 2, 2)
    out, state = layer.stateless_call([], [], x)
    np.testing.assert_array_equal(_np(out), [[6.0, 7.0]])
    assert state == []
    with pytest.raises(ValueError, match=r"GlobalMaxPooling2D.*data_format='x'"):
        layers.GlobalMaxPooling2D(data_format="x")
    with pytest.raises(ValueError, match=r"expected ndim=3, found ndim=4"):
        layers.GlobalAveragePooling1D()(x)
