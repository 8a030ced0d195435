"""Hinge losses for maximum-margin classifiers.

`hinge` and `squared_hinge` expect targets of -1 or 1; targets given as 0
or 1 (every entry of the batch) are converted to -1 and 1 first, as Keras
does. `categorical_hinge` expects one-hot targets.
"""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.losses.loss import LossFunctionWrapper
from keras_core._src.losses.loss import convert_inputs

__all__ = [
    "CategoricalHinge",
    "Hinge",
    "SquaredHinge",
    "categorical_hinge",
    "hinge",
    "squared_hinge",
]


def _signed_labels(y_true):
    # A batch of 0/1 labels becomes -1/1; any other value anywhere in it
    # means the labels are already signed. `where` rather than a Python
    # branch keeps this traceable.
    is_binary = ops.all(ops.logical_or(y_true == 0, y_true == 1))
    return ops.where(is_binary, 2.0 * y_true - 1.0, y_true)


def _margins(y_true, y_pred, owner):
    y_true, y_pred = convert_inputs(y_true, y_pred, owner)
    return ops.maximum(1.0 - _signed_labels(y_true) * y_pred, 0.0)


@keras_public("keras.losses", "keras.metrics")
def hinge(y_true, y_pred):
    """Hinge loss over the last axis: `mean(maximum(1 - y_true * y_pred, 0))`.

    Args:
        y_true: Targets of -1 or 1 (0 or 1 are converted), shape
            `(batch, d0, .. dN)`.
        y_pred: The predictions, same shape.

    Returns:
        The loss of each sample, shape `(batch, d0, .. dN-1)`.

    Example:

    >>> keras_core.losses.hinge([[0.0, 1.0]], [[0.3, 0.6]])
    array([0.84999...], dtype=float32)
    """
    return ops.mean(_margins(y_true, y_pred, "hinge"), axis=-1)


@keras_public("keras.losses", "keras.metrics")
def squared_hinge(y_true, y_pred):
    """Squared hinge loss: `mean(square(maximum(1 - y_true * y_pred, 0)))`.

    Args:
        y_true: Targets of -1 or 1 (0 or 1 are converted), shape
            `(batch, d0, .. dN)`.
        y_pred: The predictions, same shape.

    Returns:
        The loss of each sample, shape `(batch, d0, .. dN-1)`.

    Example:

    >>> keras_core.losses.squared_hinge([[0.0, 1.0]], [[0.3, 0.6]])
    array([0.92499...], dtype=float32)
    """
    return ops.mean(ops.square(_margins(y_true, y_pred, "squared_hinge")), axis=-1)


@keras_public("keras.losses", "keras.metrics")
def categorical_hinge(y_true, y_pred):
    """Categorical hinge loss: `maximum(neg - pos + 1, 0)` over the last axis.

    `pos = sum(y_true * y_pred)` is the score of the true class and
    `neg = max((1 - y_true) * y_pred)` the best score of the other ones.

    Args:
        y_true: One-hot targets, shape `(batch, d0, .. dN)`.
        y_pred: The predicted scores, same shape.

    Returns:
        The loss of each sample, shape `(batch, d0, .. dN-1)`.

    Example:

    >>> keras_core.losses.categorical_hinge([[0.0, 1.0, 0.0]], [[0.3, 0.6, 0.9]])
    array([1.3], dtype=float32)
    """
    y_true, y_pred = convert_inputs(y_true, y_pred, "categorical_hinge")
    positive = ops.sum(y_true * y_pred, axis=-1)
    negative = ops.max((1.0 - y_true) * y_pred, axis=-1)
    return ops.maximum(negative - positive + 1.0, 0.0)


@keras_public("keras.losses")
class Hinge(LossFunctionWrapper):
    """Hinge loss: `mean(maximum(1 - y_true * y_pred, 0))`.

    Args:
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.Hinge()
    >>> round(float(loss([[0.0, 1.0]], [[0.3, 0.6]])), 4)
    0.85
    """

    def __init__(self, reduction="sum_over_batch_size", name="hinge", dtype=None):
        super().__init__(hinge, name=name, reduction=reduction, dtype=dtype)


@keras_public("keras.losses")
class SquaredHinge(LossFunctionWrapper):
    """Squared hinge loss: `mean(square(maximum(1 - y_true * y_pred, 0)))`.

    Args:
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.SquaredHinge()
    >>> round(float(loss([[0.0, 1.0]], [[0.3, 0.6]])), 4)
    0.925
    """

    def __init__(
        self, reduction="sum_over_batch_size", name="squared_hinge", dtype=None
    ):
        super().__init__(squared_hinge, name=name, reduction=reduction, dtype=dtype)


@keras_public("keras.losses")
class CategoricalHinge(LossFunctionWrapper):
    """Categorical hinge loss: `maximum(neg - pos + 1, 0)`.

    Args:
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.CategoricalHinge()
    >>> round(float(loss([[0.0, 1.0, 0.0]], [[0.3, 0.6, 0.9]])), 4)
    1.3
    """

    def __init__(
        self, reduction="sum_over_batch_size", name="categorical_hinge", dtype=None
    ):
        super().__init__(categorical_hinge, name=name, reduction=reduction, dtype=dtype)
