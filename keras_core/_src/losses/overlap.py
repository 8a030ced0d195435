"""Overlap losses for segmentation: Dice and Tversky.

Both compare the soft intersection of targets and predictions with their
sizes, summed over `axis` (every axis when None, giving one value for the
batch); `epsilon` in the denominator makes empty inputs give a loss of 1.
"""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.config import epsilon
from keras_core._src.losses.loss import LossFunctionWrapper
from keras_core._src.losses.loss import convert_inputs

__all__ = ["Dice", "Tversky", "dice", "tversky"]


@keras_public("keras.losses")
def dice(y_true, y_pred, axis=None):
    """Dice loss: `1 - 2 * sum(y_true * y_pred) / (sum(y_true) + sum(y_pred))`.

    Args:
        y_true: Targets in `[0, 1]` (masks).
        y_pred: Predicted probabilities, same shape.
        axis: The axes summed over; None sums over all of them.

    Returns:
        The loss: a scalar when `axis` is None, else the inputs' shape
        without `axis`.

    Example:

    >>> loss = keras_core.losses.dice([[1.0, 0.0], [1.0, 1.0]],
    ...                               [[1.0, 0.0], [0.0, 1.0]], axis=1)
    >>> [round(float(value), 4) for value in loss]
    [0.0, 0.3333]
    """
    y_true, y_pred = convert_inputs(y_true, y_pred, "dice")
    intersection = ops.sum(y_true * y_pred, axis=axis)
    sizes = ops.sum(y_true, axis=axis) + ops.sum(y_pred, axis=axis)
    return 1.0 - 2.0 * intersection / (sizes + epsilon())


@keras_public("keras.losses")
def tversky(y_true, y_pred, alpha=0.5, beta=0.5, axis=None):
    """Tversky loss: Dice with separate weights on the two kinds of error.

    `1 - tp / (tp + alpha * sum(y_true * (1 - y_pred)) + beta *
    sum((1 - y_true) * y_pred))`, with `tp = sum(y_true * y_pred)`: as in
    Keras 3.15, `alpha` weighs the missed positives and `beta` the false
    alarms. `alpha = beta = 0.5` gives the Dice loss.

    Args:
        y_true: Targets in `[0, 1]` (masks).
        y_pred: Predicted probabilities, same shape.
        alpha: The weight of `sum(y_true * (1 - y_pred))`.
        beta: The weight of `sum((1 - y_true) * y_pred)`.
        axis: The axes summed over; None sums over all of them.

    Returns:
        The loss: a scalar when `axis` is None, else the inputs' shape
        without `axis`.

    Example:

    >>> float(keras_core.losses.tversky([[1.0, 1.0, 0.0]], [[1.0, 0.0, 1.0]],
    ...                                 alpha=0.2, beta=0.8))
    0.5
    """
    y_true, y_pred = convert_inputs(y_true, y_pred, "tversky")
    true_positives = ops.sum(y_true * y_pred, axis=axis)
    missed = ops.sum(y_true * (1.0 - y_pred), axis=axis)
    false_alarms = ops.sum((1.0 - y_true) * y_pred, axis=axis)
    denominator = true_positives + alpha * missed + beta * false_alarms
    return 1.0 - true_positives / (denominator + epsilon())


@keras_public("keras.losses")
class Dice(LossFunctionWrapper):
    """Dice loss (see `keras_core.losses.dice`).

    Args:
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        axis: The axes summed over; None sums over all of them.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.Dice(axis=1)
    >>> round(float(loss([[1.0, 0.0], [1.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]])), 4)
    0.1667
    """

    def __init__(
        self, reduction="sum_over_batch_size", name="dice", axis=None, dtype=None
    ):
        super().__init__(dice, name=name, reduction=reduction, dtype=dtype, axis=axis)


@keras_public("keras.losses")
class Tversky(LossFunctionWrapper):
    """Tversky loss (see `keras_core.losses.tversky`).

    Args:
        alpha: The weight of `sum(y_true * (1 - y_pred))`.
        beta: The weight of `sum((1 - y_true) * y_pred)`.
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        axis: The axes summed over; None sums over all of them.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.Tversky(alpha=0.2, beta=0.8)
    >>> round(float(loss([[1.0, 1.0, 0.0]], [[1.0, 0.0, 1.0]])), 4)
    0.5
    """

    def __init__(
        self,
        alpha=0.5,
        beta=0.5,
        reduction="sum_over_batch_size",
        name="tversky",
        axis=None,
        dtype=None,
    ):
        super().__init__(
            tversky,
            name=name,
            reduction=reduction,
            dtype=dtype,
            alpha=alpha,
            beta=beta,
            axis=axis,
        )
