"""Regression losses: squared, absolute, percentage, log, Huber, cosine.

Each function returns one value per sample, averaged (or summed, for
the cosine similarity) over the last axis; its class wraps it as a `Loss`.
"""

import math

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.config import epsilon
from keras_core._src.losses.loss import LossFunctionWrapper
from keras_core._src.losses.loss import convert_inputs

__all__ = [
    "CosineSimilarity",
    "Huber",
    "LogCosh",
    "MeanAbsoluteError",
    "MeanAbsolutePercentageError",
    "MeanSquaredError",
    "MeanSquaredLogarithmicError",
    "cosine_similarity",
    "huber",
    "log_cosh",
    "mean_absolute_error",
    "mean_absolute_percentage_error",
    "mean_squared_error",
    "mean_squared_logarithmic_error",
]


@keras_public("keras.losses", "keras.metrics")
def mean_squared_error(y_true, y_pred):
    """Mean squared error over the last axis: `mean(square(y_true - y_pred))`.

    Args:
        y_true: The targets, shape `(batch, d0, .. dN)`.
        y_pred: The predictions, same shape.

    Returns:
        The loss of each sample, shape `(batch, d0, .. dN-1)`.

    Example:

    >>> keras_core.losses.mean_squared_error([[0.0, 1.0]], [[1.0, 3.0]])
    array([2.5], dtype=float32)
    """
    y_true, y_pred = convert_inputs(y_true, y_pred, "mean_squared_error")
    return ops.mean(ops.square(y_true - y_pred), axis=-1)


@keras_public("keras.losses", "keras.metrics")
def mean_absolute_error(y_true, y_pred):
    """Mean absolute error over the last axis: `mean(abs(y_true - y_pred))`.

    Args:
        y_true: The targets, shape `(batch, d0, .. dN)`.
        y_pred: The predictions, same shape.

    Returns:
        The loss of each sample, shape `(batch, d0, .. dN-1)`.

    Example:

    >>> keras_core.losses.mean_absolute_error([[0.0, 1.0]], [[1.0, 3.0]])
    array([1.5], dtype=float32)
    """
    y_true, y_pred = convert_inputs(y_true, y_pred, "mean_absolute_error")
    return ops.mean(ops.abs(y_true - y_pred), axis=-1)


@keras_public("keras.losses", "keras.metrics")
def mean_absolute_percentage_error(y_true, y_pred):
    """Mean absolute percentage error over the last axis.

    `100 * mean(abs((y_true - y_pred) / max(abs(y_true), epsilon)))`: a
    target of 0 is divided by `epsilon`, which makes the loss very large.

    Args:
        y_true: The targets, shape `(batch, d0, .. dN)`.
        y_pred: The predictions, same shape.

    Returns:
        The loss of each sample, shape `(batch, d0, .. dN-1)`.

    Example:

    >>> keras_core.losses.mean_absolute_percentage_error([[2.0, 4.0]],
    ...                                                  [[1.0, 5.0]])
    array([37.5], dtype=float32)
    """
    y_true, y_pred = convert_inputs(y_true, y_pred, "mean_absolute_percentage_error")
    denominator = ops.maximum(ops.abs(y_true), epsilon())
    return 100.0 * ops.mean(ops.abs((y_true - y_pred) / denominator), axis=-1)


@keras_public("keras.losses", "keras.metrics")
def mean_squared_logarithmic_error(y_true, y_pred):
    """Mean squared logarithmic error over the last axis.

    `mean(square(log(y_pred + 1) - log(y_true + 1)))`, values below
    `epsilon` taken as `epsilon` (so negative inputs give finite losses).

    Args:
        y_true: The targets, shape `(batch, d0, .. dN)`.
        y_pred: The predictions, same shape.

    Returns:
        The loss of each sample, shape `(batch, d0, .. dN-1)`.

    Example:

    >>> keras_core.losses.mean_squared_logarithmic_error([[0.0]], [[1.718282]])
    array([1.], dtype=float32)
    """
    y_true, y_pred = convert_inputs(y_true, y_pred, "mean_squared_logarithmic_error")
    log_pred = ops.log(ops.maximum(y_pred, epsilon()) + 1.0)
    log_true = ops.log(ops.maximum(y_true, epsilon()) + 1.0)
    return ops.mean(ops.square(log_pred - log_true), axis=-1)


@keras_public("keras.losses", "keras.metrics")
def huber(y_true, y_pred, delta=1.0):
    """Huber loss over the last axis: squared near 0, absolute beyond `delta`.

    Per entry, with `error = y_pred - y_true`: `0.5 * error**2` where
    `|error| <= delta`, else `delta * |error| - 0.5 * delta**2`.

    Args:
        y_true: The targets, shape `(batch, d0, .. dN)`.
        y_pred: The predictions, same shape.
        delta: Where the loss turns from quadratic to linear.

    Returns:
        The loss of each sample, shape `(batch, d0, .. dN-1)`.

    Example:

    >>> keras_core.losses.huber([[0.0, 0.0]], [[0.5, 3.0]])
    array([1.3125], dtype=float32)
    """
    y_true, y_pred = convert_inputs(y_true, y_pred, "huber")
    delta = ops.cast(delta, y_pred.dtype)
    abs_error = ops.abs(y_pred - y_true)
    quadratic = 0.5 * ops.square(abs_error)
    linear = delta * abs_error - 0.5 * ops.square(delta)
    return ops.mean(ops.where(abs_error <= delta, quadratic, linear), axis=-1)


@keras_public("keras.losses", "keras.metrics")
def log_cosh(y_true, y_pred):
    """Mean of `log(cosh(y_pred - y_true))` over the last axis.

    About `x**2 / 2` for small errors and `|x| - log(2)` for large ones;
    computed as `x + softplus(-2x) - log(2)`, which cannot overflow.

    Args:
        y_true: The targets, shape `(batch, d0, .. dN)`.
        y_pred: The predictions, same shape.

    Returns:
        The loss of each sample, shape `(batch, d0, .. dN-1)`.

    Example:

    >>> keras_core.losses.log_cosh([[0.0, 0.0]], [[0.0, 1.0]])
    array([0.21689...], dtype=float32)
    """
    y_true, y_pred = convert_inputs(y_true, y_pred, "log_cosh")
    error = y_pred - y_true
    return ops.mean(error + ops.softplus(-2.0 * error) - math.log(2.0), axis=-1)


@keras_public("keras.losses")
def cosine_similarity(y_true, y_pred, axis=-1):
    """Minus the cosine similarity of `y_true` and `y_pred` along `axis`.

    `-sum(l2_normalize(y_true) * l2_normalize(y_pred))`: -1 for vectors
    pointing the same way, 1 for opposite ones, 0 for orthogonal ones or
    when either is zero. Minimizing it aligns predictions with targets.

    Args:
        y_true: The targets.
        y_pred: The predictions, same shape.
        axis: The axis along which the similarity is computed.

    Returns:
        The loss of each sample: the inputs' shape without `axis`.

    Example:

    >>> loss = keras_core.losses.cosine_similarity([[0.0, 1.0], [1.0, 0.0]],
    ...                                            [[0.0, 3.0], [-1.0, 0.0]])
    >>> [round(float(value), 4) for value in loss]
    [-1.0, 1.0]
    """
    y_true, y_pred = convert_inputs(y_true, y_pred, "cosine_similarity")
    y_true = ops.normalize(y_true, axis=axis)
    y_pred = ops.normalize(y_pred, axis=axis)
    return -ops.sum(y_true * y_pred, axis=axis)


@keras_public("keras.losses")
class MeanSquaredError(LossFunctionWrapper):
    """Mean of the squared errors: `mean(square(y_true - y_pred))`.

    Args:
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.MeanSquaredError()
    >>> float(loss([[0.0, 1.0], [1.0, 1.0]], [[1.0, 1.0], [1.0, 3.0]]))
    1.25
    """

    def __init__(
        self, reduction="sum_over_batch_size", name="mean_squared_error", dtype=None
    ):
        super().__init__(
            mean_squared_error, name=name, reduction=reduction, dtype=dtype
        )


@keras_public("keras.losses")
class MeanAbsoluteError(LossFunctionWrapper):
    """Mean of the absolute errors: `mean(abs(y_true - y_pred))`.

    Args:
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.MeanAbsoluteError()
    >>> float(loss([[0.0, 1.0], [1.0, 1.0]], [[1.0, 1.0], [1.0, 3.0]]))
    0.75
    """

    def __init__(
        self, reduction="sum_over_batch_size", name="mean_absolute_error", dtype=None
    ):
        super().__init__(
            mean_absolute_error, name=name, reduction=reduction, dtype=dtype
        )


@keras_public("keras.losses")
class MeanAbsolutePercentageError(LossFunctionWrapper):
    """Mean absolute percentage error: `100 * mean(abs((t - p) / t))`.

    Args:
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.MeanAbsolutePercentageError()
    >>> float(loss([[2.0, 4.0]], [[1.0, 5.0]]))
    37.5
    """

    def __init__(
        self,
        reduction="sum_over_batch_size",
        name="mean_absolute_percentage_error",
        dtype=None,
    ):
        super().__init__(
            mean_absolute_percentage_error,
            name=name,
            reduction=reduction,
            dtype=dtype,
        )


@keras_public("keras.losses")
class MeanSquaredLogarithmicError(LossFunctionWrapper):
    """Mean of `square(log(y_pred + 1) - log(y_true + 1))`.

    Args:
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.MeanSquaredLogarithmicError()
    >>> round(float(loss([[0.0, 1.0]], [[1.718282, 1.0]])), 4)
    0.5
    """

    def __init__(
        self,
        reduction="sum_over_batch_size",
        name="mean_squared_logarithmic_error",
        dtype=None,
    ):
        super().__init__(
            mean_squared_logarithmic_error,
            name=name,
            reduction=reduction,
            dtype=dtype,
        )


@keras_public("keras.losses")
class Huber(LossFunctionWrapper):
    """Huber loss: quadratic for errors up to `delta`, linear beyond.

    The config also records `delta` (Keras 3.15 leaves it out, so its
    round trips fall back to `delta=1.0`).

    Args:
        delta: Where the loss turns from quadratic to linear.
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.Huber(delta=1.0)
    >>> float(loss([[0.0, 0.0]], [[0.5, 3.0]]))
    1.3125
    """

    def __init__(
        self,
        delta=1.0,
        reduction="sum_over_batch_size",
        name="huber_loss",
        dtype=None,
    ):
        super().__init__(
            huber, name=name, reduction=reduction, dtype=dtype, delta=delta
        )


@keras_public("keras.losses")
class LogCosh(LossFunctionWrapper):
    """Mean of `log(cosh(y_pred - y_true))`.

    Args:
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.LogCosh()
    >>> round(float(loss([[0.0, 0.0]], [[0.0, 1.0]])), 4)
    0.2169
    """

    def __init__(self, reduction="sum_over_batch_size", name="log_cosh", dtype=None):
        super().__init__(log_cosh, name=name, reduction=reduction, dtype=dtype)


@keras_public("keras.losses")
class CosineSimilarity(LossFunctionWrapper):
    """Minus the cosine similarity of targets and predictions along `axis`.

    The config also records `axis` (Keras 3.15 leaves it out, so its
    round trips fall back to `axis=-1`).

    Args:
        axis: The axis along which the similarity is computed.
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.CosineSimilarity()
    >>> round(float(loss([[0.0, 1.0], [1.0, 1.0]], [[1.0, 0.0], [2.0, 2.0]])), 4)
    -0.5
    """

    def __init__(
        self,
        axis=-1,
        reduction="sum_over_batch_size",
        name="cosine_similarity",
        dtype=None,
    ):
        super().__init__(
            cosine_similarity, name=name, reduction=reduction, dtype=dtype, axis=axis
        )
