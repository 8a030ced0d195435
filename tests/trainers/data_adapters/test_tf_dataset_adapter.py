"""tf.data.Dataset batches, on every backend (when TensorFlow is installed)."""

import numpy as np
import pytest

import keras_core
from keras_core import ops
from keras_core import tree
from keras_core._src.trainers.data_adapters import EpochIterator
from keras_core._src.trainers.data_adapters import get_data_adapter
from keras_core._src.trainers.data_adapters.tf_dataset_adapter import TFDatasetAdapter
from keras_core._src.trainers.data_adapters.tf_dataset_adapter import is_tf_dataset

tf = pytest.importorskip("tensorflow", reason="TensorFlow is not installed")

BACKEND = keras_core.config.backend()
X = np.arange(20, dtype="float64").reshape(10, 2)
Y = np.arange(10)


def numpy_of(structure):
    return tree.map_structure(
        lambda leaf: None if leaf is None else ops.convert_to_numpy(leaf), structure
    )


def one_epoch(iterator):
    return [batch for _, group in iterator.enumerate_epoch() for batch in group]


def assert_backend_value(leaf):
    if BACKEND in ("jax", "numpy"):
        assert isinstance(leaf, np.ndarray) or ops.is_tensor(leaf), type(leaf)
    else:
        assert ops.is_tensor(leaf) and not isinstance(leaf, np.ndarray), type(leaf)


def test_detection():
    dataset = tf.data.Dataset.from_tensor_slices(X).batch(4)
    assert is_tf_dataset(dataset) and is_tf_dataset(dataset.map(lambda x: x))
    assert not is_tf_dataset(X) and not is_tf_dataset(iter(dataset))
    assert isinstance(get_data_adapter(dataset, batch_size=32), TFDatasetAdapter)


def test_batches_and_epochs():
    dataset = tf.data.Dataset.from_tensor_slices((X, Y)).batch(4)
    iterator = EpochIterator(dataset, steps_per_execution=2)
    assert iterator.num_batches == 3
    for _ in range(2):
        batches = one_epoch(iterator)
        assert len(batches) == 3
        x, y = batches[2]
        assert_backend_value(x)
        assert keras_core.backend.standardize_dtype(x.dtype) == "float32"
        np.testing.assert_array_equal(ops.convert_to_numpy(x), X[8:])
        np.testing.assert_array_equal(ops.convert_to_numpy(y), Y[8:])


def test_dict_elements_are_inputs_only():
    dataset = tf.data.Dataset.from_tensor_slices({"a": X}).batch(5)
    (first, _) = numpy_of(one_epoch(EpochIterator(dataset)))
    assert isinstance(first, dict)
    np.testing.assert_array_equal(first["a"], X[:5])


def test_cardinality():
    dataset = tf.data.Dataset.from_tensor_slices(X).batch(3)
    assert EpochIterator(dataset.repeat()).num_batches is None
    assert EpochIterator(dataset.filter(lambda x: True)).num_batches is None
    endless = EpochIterator(dataset.repeat(), steps_per_epoch=5)
    assert endless.num_batches == 5
    assert [len(b) for b in numpy_of(one_epoch(endless))] == [3, 3, 3, 1, 3]


def test_class_weight():
    dataset = tf.data.Dataset.from_tensor_slices((X, Y % 3)).batch(4)
    batches = numpy_of(one_epoch(EpochIterator(dataset, class_weight={2: 0.25})))
    weights = np.concatenate([batch[2] for batch in batches])
    np.testing.assert_array_equal(weights, np.where(Y % 3 == 2, 0.25, 1.0))


def test_tensorflow_tensors_as_arrays():
    x = tf.constant(X, dtype="float32")
    (batch, _) = one_epoch(EpochIterator(x, tf.constant(Y), batch_size=6))
    assert_backend_value(batch[0])
    np.testing.assert_array_equal(ops.convert_to_numpy(batch[1]), Y[:6])


def test_errors():
    dataset = tf.data.Dataset.from_tensor_slices((X, Y))
    with pytest.raises(ValueError, match=r"forget `\.batch\(batch_size\)`"):
        EpochIterator(dataset)
    with pytest.raises(ValueError, match="yielded no batches: its cardinality is 0"):
        EpochIterator(dataset.batch(2).take(0))
    with pytest.raises(ValueError, match=r"tf\.data\.Dataset, `y` should not"):
        EpochIterator(dataset.batch(2), y=Y)
