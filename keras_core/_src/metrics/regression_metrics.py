"""Regression metrics: means of squared, absolute, relative and log errors.

Each is the weighted mean over samples of a per-sample error (see
`reduce_to_samplewise_values`); `RootMeanSquaredError` takes the square
root of that mean, and `CosineSimilarity` averages the cosine between
label and prediction vectors.
"""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.losses.regression import log_cosh
from keras_core._src.losses.regression import mean_absolute_error
from keras_core._src.losses.regression import mean_absolute_percentage_error
from keras_core._src.losses.regression import mean_squared_error
from keras_core._src.losses.regression import mean_squared_logarithmic_error
from keras_core._src.metrics.reduction_metrics import MeanMetricWrapper

__all__ = [
    "CosineSimilarity",
    "LogCoshError",
    "MeanAbsoluteError",
    "MeanAbsolutePercentageError",
    "MeanSquaredError",
    "MeanSquaredLogarithmicError",
    "RootMeanSquaredError",
]


def _float_pair(y_true, y_pred):
    y_pred = ops.convert_to_tensor(y_pred)
    dtype = y_pred.dtype if is_float_dtype(y_pred.dtype) else floatx()
    return ops.cast(y_true, dtype), ops.cast(y_pred, dtype)


def _squared_error(y_true, y_pred):
    """`(y_pred - y_true) ** 2` per entry (for `RootMeanSquaredError`)."""
    y_true, y_pred = _float_pair(y_true, y_pred)
    # Labels of shape (batch,) against predictions of shape (batch, 1) are
    # the same column, not a (batch, batch) grid.
    true_rank, pred_rank = len(y_true.shape), len(y_pred.shape)
    if true_rank == pred_rank + 1 and y_true.shape[-1] == 1:
        y_true = ops.squeeze(y_true, axis=-1)
    elif pred_rank == true_rank + 1 and y_pred.shape[-1] == 1:
        y_pred = ops.squeeze(y_pred, axis=-1)
    return ops.square(y_pred - y_true)


def _l2_normalize(x, axis):
    squared_norm = ops.sum(ops.square(x), axis=axis, keepdims=True)
    # A zero vector stays zero (its cosine with anything is 0), not NaN.
    return x / ops.sqrt(ops.maximum(squared_norm, 1e-12))


def _cosine_similarity(y_true, y_pred, axis=-1):
    """The cosine of the angle between label and prediction vectors."""
    y_true, y_pred = _float_pair(y_true, y_pred)
    return ops.sum(_l2_normalize(y_true, axis) * _l2_normalize(y_pred, axis), axis)


@keras_public("keras.metrics")
class MeanSquaredError(MeanMetricWrapper):
    """The mean of `(y_true - y_pred) ** 2`.

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.MeanSquaredError()
    >>> metric.update_state([[0.0, 1.0], [0.0, 0.0]], [[1.0, 1.0], [1.0, 0.0]])
    >>> float(metric.result())
    0.5
    """

    def __init__(self, name="mean_squared_error", dtype=None):
        super().__init__(fn=mean_squared_error, name=name, dtype=dtype)
        self._direction = "down"


@keras_public("keras.metrics")
class MeanAbsoluteError(MeanMetricWrapper):
    """The mean of `abs(y_true - y_pred)`.

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.MeanAbsoluteError()
    >>> metric.update_state([[0.0, 1.0], [0.0, 0.0]], [[1.0, 1.0], [1.0, 0.0]])
    >>> float(metric.result())
    0.5
    """

    def __init__(self, name="mean_absolute_error", dtype=None):
        super().__init__(fn=mean_absolute_error, name=name, dtype=dtype)
        self._direction = "down"


@keras_public("keras.metrics")
class MeanAbsolutePercentageError(MeanMetricWrapper):
    """The mean of `100 * abs((y_true - y_pred) / y_true)`.

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.MeanAbsolutePercentageError()
    >>> metric.update_state([[1.0, 2.0]], [[1.5, 2.0]])
    >>> float(metric.result())
    25.0
    """

    def __init__(self, name="mean_absolute_percentage_error", dtype=None):
        super().__init__(fn=mean_absolute_percentage_error, name=name, dtype=dtype)
        self._direction = "down"


@keras_public("keras.metrics")
class MeanSquaredLogarithmicError(MeanMetricWrapper):
    """The mean of `(log(y_true + 1) - log(y_pred + 1)) ** 2`.

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.MeanSquaredLogarithmicError()
    >>> metric.update_state([[0.0, 0.0]], [[0.0, 0.0]])
    >>> float(metric.result())
    0.0
    """

    def __init__(self, name="mean_squared_logarithmic_error", dtype=None):
        super().__init__(fn=mean_squared_logarithmic_error, name=name, dtype=dtype)
        self._direction = "down"


@keras_public("keras.metrics")
class RootMeanSquaredError(MeanMetricWrapper):
    """The square root of the (weighted) mean of `(y_true - y_pred) ** 2`.

    The root is taken of the mean over everything seen so far, not of
    each batch: it is not the mean of per-batch (or per-sample) roots.

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.RootMeanSquaredError()
    >>> metric.update_state([[0.0, 1.0], [0.0, 0.0]], [[1.0, 1.0], [1.0, 0.0]])
    >>> float(metric.result())
    0.707106...
    """

    def __init__(self, name="root_mean_squared_error", dtype=None):
        super().__init__(fn=_squared_error, name=name, dtype=dtype)
        self._direction = "down"

    def result(self):
        """The square root of the mean squared error so far."""
        return ops.sqrt(super().result())


@keras_public("keras.metrics")
class CosineSimilarity(MeanMetricWrapper):
    """The mean cosine of the angle between labels and predictions.

    Each sample scores `sum(l2_normalize(y_true) * l2_normalize(y_pred))`
    along `axis`: 1 when the vectors point the same way, -1 when opposite,
    0 when orthogonal (or when either is zero).

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.
        axis: The axis holding the vectors.

    Example:

    >>> metric = keras_core.metrics.CosineSimilarity()
    >>> metric.update_state([[0.0, 1.0], [1.0, 1.0]], [[1.0, 0.0], [1.0, 1.0]])
    >>> round(float(metric.result()), 4)
    0.5
    """

    def __init__(self, name="cosine_similarity", dtype=None, axis=-1):
        super().__init__(fn=_cosine_similarity, name=name, dtype=dtype, axis=axis)
        # Higher is better: 1 means the vectors are aligned.
        self._direction = "up"


@keras_public("keras.metrics")
class LogCoshError(MeanMetricWrapper):
    """The mean of `log(cosh(y_pred - y_true))`.

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.LogCoshError()
    >>> metric.update_state([[0.0, 0.0]], [[0.0, 0.0]])
    >>> float(metric.result())
    0.0
    """

    def __init__(self, name="logcosh", dtype=None):
        super().__init__(fn=log_cosh, name=name, dtype=dtype)
        self._direction = "down"
