"""`to_categorical` and `normalize`: small NumPy helpers for labels and rows."""

import numpy as np

from keras_core._src import backend

__all__ = ["normalize", "to_categorical"]


def _as_numpy(x):
    if backend.core.is_tensor(x):
        return np.asarray(backend.core.convert_to_numpy(x))
    return np.asarray(x)


def to_categorical(x, num_classes=None):
    """Turns integer class labels into one-hot rows (a NumPy array).

    A trailing axis of size 1 (labels shaped `(batch, 1)`) is dropped
    before the class axis is added.

    Args:
        x: Integer labels from 0 to `num_classes - 1`, any shape.
        num_classes: The number of classes (default: the largest label + 1).

    Returns:
        A float64 array of shape `x.shape + (num_classes,)`.

    Example:

    >>> keras_core.utils.to_categorical([0, 2, 1], num_classes=3)
    array([[1., 0., 0.],
           [0., 0., 1.],
           [0., 1., 0.]])
    """
    labels = _as_numpy(x)
    fractional = labels.size and not np.issubdtype(labels.dtype, np.integer)
    if fractional and not np.all(np.equal(np.mod(labels, 1), 0)):
        raise ValueError(
            "to_categorical expects integer class labels. Received "
            f"values of dtype {labels.dtype} that are not whole numbers."
        )
    labels = labels.astype("int64")
    shape = labels.shape
    if len(shape) > 1 and shape[-1] == 1:
        shape = shape[:-1]
    labels = labels.reshape(-1)
    if num_classes is None:
        num_classes = int(labels.max()) + 1 if labels.size else 0
    if labels.size and (labels.min() < 0 or labels.max() >= num_classes):
        raise ValueError(
            f"to_categorical received labels from {labels.min()} to "
            f"{labels.max()}, outside [0, num_classes={num_classes}). Pass a "
            "larger `num_classes` or fix the labels."
        )
    one_hot = np.zeros((labels.size, num_classes), dtype="float64")
    one_hot[np.arange(labels.size), labels] = 1.0
    return one_hot.reshape((*shape, num_classes))


def normalize(x, axis=-1, order=2):
    """Scales `x` to unit norm along `axis` (zero rows stay zero).

    Args:
        x: An array.
        axis: The axis to normalize along.
        order: The norm's order (2: Euclidean, 1: sum of absolute values).

    Returns:
        A NumPy array for NumPy input, else a backend tensor.

    Example:

    >>> keras_core.utils.normalize(numpy.array([[3.0, 4.0]]))
    array([[0.6, 0.8]])
    """
    if not backend.core.is_tensor(x):
        array = np.asarray(x)
        norm = np.atleast_1d(np.linalg.norm(array, order, axis))
        norm[norm == 0] = 1
        return array / np.expand_dims(norm, axis)
    from keras_core import ops

    return ops.normalize(x, axis=axis, order=order)
