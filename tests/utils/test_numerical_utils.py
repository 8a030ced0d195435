"""to_categorical and normalize against hand-made one-hot rows and norms."""

import numpy as np
import pytest

import keras_core
from keras_core import ops


def test_to_categorical_rows_are_one_hot():
    result = keras_core.utils.to_categorical([0, 2, 1], num_classes=4)
    expected = np.array([[1, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0]], "float64")
    np.testing.assert_array_equal(result, expected)
    assert result.dtype == np.float64


def test_to_categorical_infers_classes_and_drops_trailing_one():
    result = keras_core.utils.to_categorical(np.array([[1], [3]]))
    assert result.shape == (2, 4)
    np.testing.assert_array_equal(result.argmax(-1), [1, 3])


def test_to_categorical_keeps_leading_axes_and_takes_tensors():
    labels = ops.convert_to_tensor(np.array([[0, 1], [2, 1]], "int32"))
    result = keras_core.utils.to_categorical(labels, 3)
    assert isinstance(result, np.ndarray)
    assert result.shape == (2, 2, 3)
    np.testing.assert_array_equal(result.argmax(-1), [[0, 1], [2, 1]])


def test_to_categorical_rejects_labels_out_of_range():
    with pytest.raises(ValueError, match="num_classes=3"):
        keras_core.utils.to_categorical([0, 5], 3)


def test_to_categorical_rejects_fractional_labels():
    with pytest.raises(ValueError, match="integer class labels"):
        keras_core.utils.to_categorical([0.5, 1.0], 3)


@pytest.mark.parametrize("order", [1, 2])
def test_normalize_numpy_rows(order):
    x = np.array([[3.0, 4.0], [0.0, 0.0], [1.0, -1.0]])
    result = keras_core.utils.normalize(x, order=order)
    norms = np.linalg.norm(x, order, axis=-1, keepdims=True)
    expected = np.where(norms == 0, 0.0, x / np.where(norms == 0, 1, norms))
    np.testing.assert_allclose(result, expected)


def test_normalize_backend_tensor_along_axis():
    x = np.array([[3.0, 1.0], [4.0, 0.0]], "float32")
    result = keras_core.utils.normalize(ops.convert_to_tensor(x), axis=0)
    np.testing.assert_allclose(
        ops.convert_to_numpy(result), x / np.linalg.norm(x, axis=0), rtol=1e-6
    )
