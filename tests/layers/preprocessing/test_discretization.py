"""keras_core.layers.Discretization."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

BACKEND = keras_core.config.backend()


def _np(x):
    return ops.convert_to_numpy(x)


def test_buckets_match_numpy_digitize():
    boundaries = [-1.0, 0.0, 0.5, 2.0]
    x = np.array(
        [[-3.0, -1.0, -0.5, 0.0, 0.25], [0.5, 1.9, 2.0, np.inf, -np.inf]], "float32"
    )
    out = layers.Discretization(bin_boundaries=boundaries)(x)
    assert "int32" in str(out.dtype)
    np.testing.assert_array_equal(_np(out), np.digitize(x, boundaries))
    # NaN lands in the last bin; ints are bucketed as floats.
    nan = layers.Discretization(bin_boundaries=[0.0, 1.0])(np.array([np.nan]))
    assert _np(nan).tolist() == [2]
    ints = layers.Discretization(bin_boundaries=[0.5, 1.5])(np.array([0, 1, 2]))
    assert _np(ints).tolist() == [0, 1, 2]


def test_encoded_output_modes():
    x = np.array([[0.5, 2.5, 0.7], [-1.0, -2.0, 3.0]], "float32")
    bins = np.digitize(x, [0.0, 1.0, 2.0])
    eye = np.eye(4, dtype="float32")
    expected = {
        "one_hot": eye[bins],
        "multi_hot": eye[bins].max(axis=1),
        "count": eye[bins].sum(axis=1),
    }
    for mode, values in expected.items():
        layer = layers.Discretization(bin_boundaries=[0.0, 1.0, 2.0], output_mode=mode)
        np.testing.assert_array_equal(_np(layer(x)), values)


def test_adapt_quantiles_hand_computed():
    # Each value of a small batch stands for one point: the i-th of n sorted
    # values sits at cumulative fraction (i + 1) / n, and boundaries are the
    # values interpolated at 1/num_bins, 2/num_bins, ...
    layer = layers.Discretization(num_bins=4)
    layer.adapt(np.arange(10.0))
    np.testing.assert_allclose(layer.bin_boundaries, [1.5, 4.0, 6.5], rtol=1e-6)
    layer = layers.Discretization(num_bins=3)
    layer.adapt(np.arange(10.0).reshape(5, 2))
    np.testing.assert_allclose(layer.bin_boundaries, [7 / 3, 17 / 3], rtol=1e-6)
    layer = layers.Discretization(num_bins=7)
    layer.adapt([1.0, 1.0, 1.0, 2.0, 5.0, 5.0, 9.0])
    np.testing.assert_allclose(layer.bin_boundaries, [1, 1, 1, 2, 5, 5], rtol=1e-6)
    # With epsilon=0.1 a batch of 1234 keeps every 123rd sorted value (the
    # last of each group), each standing for 123 points: 122, 245, ...
    layer = layers.Discretization(num_bins=10, epsilon=0.1)
    layer.adapt(np.arange(1234.0))
    np.testing.assert_allclose(
        layer.bin_boundaries, 122 + 123 * np.arange(9), rtol=1e-6
    )
    # epsilon=0.01: every 12th value (12 points each), then compressed to
    # 100 points of weight 12.24; boundary k is at 12.24 * 10 * k - 1.
    layer = layers.Discretization(num_bins=10)
    layer.adapt(np.arange(1234.0))
    np.testing.assert_allclose(
        layer.bin_boundaries, 122.4 * np.arange(1, 10) - 1, rtol=1e-5
    )


def test_adapt_streams_batches():
    data = np.arange(300.0, dtype="float32")
    batches = [data[i : i + 7] for i in range(0, 300, 7)]
    layer = layers.Discretization(num_bins=5)
    layer.adapt(iter(batches))
    # Merged summaries of 43 small batches: close to the exact quintiles.
    np.testing.assert_allclose(layer.bin_boundaries, [59, 119, 179, 239], atol=1e-3)
    layer.adapt(batches, steps=2)
    np.testing.assert_allclose(layer.bin_boundaries, [1.8, 4.6, 7.4, 10.2], rtol=1e-5)
    assert layer.get_config()["bin_boundaries"] == layer.bin_boundaries


def test_symbolic_and_model():
    inputs = keras_core.Input((3,))
    out = layers.Discretization(bin_boundaries=[0.0, 1.0])(inputs)
    assert out.shape == (None, 3) and out.dtype == "int32"
    one_hot = layers.Discretization(bin_boundaries=[0.0, 1.0], output_mode="one_hot")
    assert one_hot(inputs).shape == (None, 3, 3)
    count = layers.Discretization(bin_boundaries=[0.0, 1.0], output_mode="count")
    assert count(inputs).shape == (None, 3) and count(inputs).dtype == "float32"
    layer = layers.Discretization(num_bins=4)
    layer.adapt(np.arange(10.0))
    model = keras_core.Model(inputs, layer(inputs))
    data = np.array([[0.0, 5.0, 9.0]], "float32")
    np.testing.assert_array_equal(model.predict(data, verbose=0), [[0, 2, 3]])


def test_config_and_saving_keep_learned_boundaries(tmp_path):
    layer = layers.Discretization(num_bins=4, name="disc")
    layer.adapt(np.arange(10.0))
    config = layer.get_config()
    assert list(config) == [
        "bin_boundaries", "num_bins", "epsilon", "output_mode", "sparse", "name",
        "dtype",
    ]  # fmt: skip
    assert config["num_bins"] == 4 and config["dtype"] == "float32"
    clone = layers.Discretization.from_config(config)
    assert clone.get_config() == config
    model = keras_core.Sequential([keras_core.Input((2,)), layer])
    path = str(tmp_path / "disc.keras")
    model.save(path)
    loaded = keras_core.saving.load_model(path)
    data = np.array([[1.0, 7.0]], "float32")
    np.testing.assert_array_equal(_np(loaded(data)), _np(model(data)))


def test_errors():
    with pytest.raises(ValueError, match="not both"):
        layers.Discretization(bin_boundaries=[1.0], num_bins=2)
    with pytest.raises(ValueError, match="Received neither"):
        layers.Discretization()
    with pytest.raises(ValueError, match="sorted"):
        layers.Discretization(bin_boundaries=[2.0, 1.0])
    with pytest.raises(ValueError, match="num_bins"):
        layers.Discretization(num_bins=0)
    with pytest.raises(ValueError, match="output_mode"):
        layers.Discretization(num_bins=2, output_mode="tf_idf")
    with pytest.raises(ValueError, match="sparse"):
        layers.Discretization(num_bins=2, sparse=True)
    with pytest.raises(ValueError, match="adapt"):
        layers.Discretization(num_bins=3)(np.array([1.0]))
    with pytest.raises(ValueError, match="num_bins"):
        layers.Discretization(bin_boundaries=[0.0]).adapt(np.array([1.0]))
    with pytest.raises(ValueError, match="no data"):
        layers.Discretization(num_bins=2).adapt(iter([]))


def test_sparse():
    if BACKEND in ("torch", "numpy"):
        with pytest.raises(ValueError, match="sparse tensors"):
            layers.Discretization(num_bins=2, output_mode="count", sparse=True)
        return
    # (1, 4) float32 results only: JAX compiles its dense-to-sparse
    # conversion once per shape, slowly.
    x = np.array([[0.5, 2.0, 2.0]], "float32")
    boundaries = [0.0, 1.0, 1.5]
    for mode in ("multi_hot", "count"):
        dense = layers.Discretization(bin_boundaries=boundaries, output_mode=mode)
        sparse = layers.Discretization(
            bin_boundaries=boundaries, output_mode=mode, sparse=True
        )
        np.testing.assert_array_equal(_np(sparse(x)), _np(dense(x)))
