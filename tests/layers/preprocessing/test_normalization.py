"""keras_core.layers.Normalization."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

BACKEND = keras_core.config.backend()


def _np(x):
    return ops.convert_to_numpy(x)


def _data(*shape, seed=0):
    return np.random.RandomState(seed).normal(3.0, 2.0, size=shape).astype("float32")


def test_adapt_and_call_match_numpy():
    x = _data(8, 3)
    layer = layers.Normalization()
    layer.adapt(x)
    assert [(w.path, w.shape, w.dtype, w.trainable) for w in layer.weights] == [
        ("normalization/mean", (3,), "float32", False),
        ("normalization/variance", (3,), "float32", False),
        ("normalization/count", (), "int32", False),
    ]
    np.testing.assert_allclose(_np(layer.mean), x.mean(0, keepdims=True), rtol=1e-5)
    np.testing.assert_allclose(_np(layer.variance), x.var(0, keepdims=True), rtol=1e-5)
    expected = (x - x.mean(0)) / x.std(0)
    np.testing.assert_allclose(_np(layer(x)), expected, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize(
    ("axis", "shape"), [((1, 2), (2, 3, 4)), (1, (2, 3, 4)), (None, (2, 3, 4))]
)
def test_axis_keeps_statistics_per_index(axis, shape):
    x = _data(6, 3, 4)
    layer = layers.Normalization(axis=axis)
    layer.adapt(x)
    kept = () if axis is None else (axis if isinstance(axis, tuple) else (axis,))
    reduce = tuple(a for a in range(3) if a not in kept)
    mean = x.mean(axis=reduce, keepdims=True)
    std = x.std(axis=reduce, keepdims=True)
    assert layer.weights[0].shape == tuple(x.shape[a] for a in kept)
    np.testing.assert_allclose(_np(layer(x)), (x - mean) / std, rtol=1e-4, atol=1e-5)


def test_streaming_adapt_merges_batches_exactly():
    x = _data(50, 2, seed=1) * 1000 + 1e4
    whole = layers.Normalization()
    whole.adapt(x)
    # Uneven batches from a list, a generator, and array slices.
    for data, kwargs in [
        ([x[:7], x[7:30], x[30:]], {}),
        ((x[i : i + 9] for i in range(0, 50, 9)), {}),
        (x, {"batch_size": 16}),
    ]:
        layer = layers.Normalization()
        layer.adapt(data, **kwargs)
        np.testing.assert_allclose(_np(layer.mean), _np(whole.mean), rtol=1e-6)
        np.testing.assert_allclose(_np(layer.variance), _np(whole.variance), rtol=1e-5)
    assert int(_np(whole.count)) == 50
    partial = layers.Normalization()
    partial.adapt([x[:10], x[10:20], x[20:]], steps=2)
    np.testing.assert_allclose(_np(partial.mean)[0], x[:20].mean(0), rtol=1e-6)


def test_adapt_framework_datasets():
    x = _data(10, 3)
    if BACKEND == "tensorflow":
        import tensorflow as tf

        data = tf.data.Dataset.from_tensor_slices(x).batch(4)
    elif BACKEND == "torch":
        import torch

        data = torch.utils.data.DataLoader(torch.from_numpy(x), batch_size=4)
    else:
        data = ops.convert_to_tensor(x)
    layer = layers.Normalization()
    layer.adapt(data)
    np.testing.assert_allclose(_np(layer.mean)[0], x.mean(0), rtol=1e-5)
    np.testing.assert_allclose(_np(layer.variance)[0], x.var(0), rtol=1e-5)


def test_given_mean_variance_broadcast_and_invert():
    x = _data(2, 2, 3)
    layer = layers.Normalization(axis=1, mean=[1.0, 2.0], variance=[4.0, 9.0])
    mean = np.array([1.0, 2.0]).reshape(1, 2, 1)
    std = np.array([2.0, 3.0]).reshape(1, 2, 1)
    np.testing.assert_allclose(_np(layer(x)), (x - mean) / std, rtol=1e-6)
    assert layer.weights == []
    scalar = layers.Normalization(axis=(1, 2), mean=2.0, variance=4.0)
    np.testing.assert_allclose(_np(scalar(x)), (x - 2.0) / 2.0, rtol=1e-6)
    assert tuple(scalar.mean.shape) == (1, 2, 3)
    inverse = layers.Normalization(
        mean=[1.0, 2.0, 3.0], variance=[1.0, 4.0, 9.0], invert=True
    )
    np.testing.assert_allclose(
        _np(inverse(x)), x * np.array([1.0, 2.0, 3.0]) + [1.0, 2.0, 3.0], rtol=1e-6
    )
    # The standard deviation is floored at epsilon.
    flat = layers.Normalization()
    flat.adapt(np.ones((4, 2), "float32"))
    np.testing.assert_allclose(_np(flat(np.full((1, 2), 2.0))), [[1e7, 1e7]], rtol=1e-5)
    # Integer inputs give float outputs.
    out = layers.Normalization(mean=1.0, variance=1.0, axis=None)(np.array([3, 4]))
    assert "float32" in str(out.dtype)


def test_symbolic_model_and_saving(tmp_path):
    layer = layers.Normalization()
    x = _data(6, 3)
    layer.adapt(x)
    out = layer(keras_core.Input((3,), dtype="int32"))
    assert out.shape == (None, 3) and out.dtype == "float32"
    inputs = keras_core.Input((3,))
    out = layer(inputs)
    model = keras_core.Model(inputs, out)
    expected = (x - x.mean(0)) / x.std(0)
    np.testing.assert_allclose(
        model.predict(x, verbose=0), expected, rtol=1e-4, atol=1e-5
    )
    path = str(tmp_path / "norm.keras")
    model.save(path)
    loaded = keras_core.saving.load_model(path)
    np.testing.assert_allclose(_np(loaded.layers[-1].mean), _np(layer.mean))
    np.testing.assert_allclose(
        loaded.predict(x, verbose=0), expected, rtol=1e-4, atol=1e-5
    )


def test_config_round_trip():
    layer = layers.Normalization(
        axis=[1], mean=np.array([1.0, 2.0]), variance=np.array([3.0, 4.0]), invert=True
    )
    config = layer.get_config()
    assert list(config) == [
        "name",
        "trainable",
        "dtype",
        "axis",
        "invert",
        "mean",
        "variance",
    ]
    assert config["axis"] == (1,)
    assert config["mean"] == [1.0, 2.0] and config["variance"] == [3.0, 4.0]
    clone = layers.Normalization.from_config(config)
    assert clone.get_config() == config
    x = _data(2, 2)
    np.testing.assert_allclose(_np(clone(x)), _np(layer(x)))
    assert layers.Normalization(axis=None).get_config()["axis"] == ()


def test_errors():
    with pytest.raises(ValueError, match="both `mean` and `variance`"):
        layers.Normalization(mean=1.0)
    with pytest.raises(ValueError, match="rank of `mean`"):
        layers.Normalization(axis=None, mean=[1.0, 2.0], variance=[1.0, 1.0])
    with pytest.raises(TypeError, match="axis"):
        layers.Normalization(axis="a")
    with pytest.raises(ValueError, match=r"range \[-ndim, ndim\)"):
        layers.Normalization(axis=2).adapt(np.ones((3, 2)))
    with pytest.raises(ValueError, match="known size"):
        layers.Normalization()(keras_core.Input((None,)))
    with pytest.raises(ValueError, match="fixed `mean`"):
        layers.Normalization(mean=1.0, variance=1.0).adapt(np.ones((2, 1)))
    adapted = layers.Normalization()
    adapted.adapt(np.ones((3, 2)))
    with pytest.raises(ValueError, match=r"data of shape \(3, 4\)"):
        adapted.adapt(np.ones((3, 4)))
    with pytest.raises(ValueError, match="no data"):
        layers.Normalization().adapt([])
    with pytest.raises(TypeError, match="pairs"):
        layers.Normalization().adapt(iter([(np.ones((2, 1)), np.ones((2, 1)))]))


@pytest.mark.skipif(BACKEND == "numpy", reason="the numpy backend does not train")
def test_training_leaves_statistics_fixed():
    x = _data(16, 3)
    y = x.sum(axis=1, keepdims=True)
    layer = layers.Normalization()
    layer.adapt(x)
    model = keras_core.Sequential([keras_core.Input((3,)), layer, layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    before = model.layers[1].get_weights()[0].copy()
    history = model.fit(x, y, epochs=2, batch_size=8, verbose=0)
    assert np.all(np.isfinite(history.history["loss"]))
    assert not np.allclose(model.layers[1].get_weights()[0], before)
    np.testing.assert_allclose(_np(layer.mean)[0], x.mean(0), rtol=1e-5)
    assert layer.trainable_weights == []
