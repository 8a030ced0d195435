"""Pearson and concordance correlation between targets and predictions.

Both are computed per sample, along `axis` (e.g. over a time series or
the outputs of each sample); the metrics average these per-sample values
over all samples seen, as Keras does (they do not pool the moments of
every batch into one correlation).
"""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.metrics.reduction_metrics import MeanMetricWrapper

__all__ = [
    "ConcordanceCorrelation",
    "PearsonCorrelation",
    "concordance_correlation",
    "pearson_correlation",
]


def _broadcastable(shape_a, shape_b):
    # Broadcasting aligns trailing axes; extra leading axes always fit.
    for dim_a, dim_b in zip(reversed(shape_a), reversed(shape_b), strict=False):
        if dim_a not in (dim_b, 1, None) and dim_b not in (1, None):
            return False
    return True


def _centered(function_name, y_true, y_pred, axis):
    y_pred = ops.convert_to_tensor(y_pred)
    if not is_float_dtype(standardize_dtype(y_pred.dtype)):
        y_pred = ops.cast(y_pred, floatx())
    y_true = ops.cast(ops.convert_to_tensor(y_true), y_pred.dtype)
    if not _broadcastable(tuple(y_true.shape), tuple(y_pred.shape)):
        raise ValueError(
            f"{function_name} expects y_true and y_pred of the same (or "
            f"broadcastable) shapes. Received: y_true.shape="
            f"{tuple(y_true.shape)}, y_pred.shape={tuple(y_pred.shape)}."
        )
    true_mean = ops.mean(y_true, axis=axis, keepdims=True)
    pred_mean = ops.mean(y_pred, axis=axis, keepdims=True)
    return y_true - true_mean, y_pred - pred_mean, true_mean, pred_mean


@keras_public("keras.metrics")
def pearson_correlation(y_true, y_pred, axis=-1):
    """Pearson correlation coefficient of `y_true` and `y_pred` along `axis`.

    `cov(y_true, y_pred) / (std(y_true) * std(y_pred))`; 0 where either
    input is constant along `axis`.

    Args:
        y_true: The targets.
        y_pred: The predictions (integer inputs are cast to floatx).
        axis: The axis to correlate along.

    Returns:
        The correlations: the inputs' shape without `axis`.

    Example:

    >>> float(keras_core.metrics.pearson_correlation([1.0, 2.0, 3.0],
    ...                                              [2.0, 4.0, 7.0]))
    0.993...
    """
    true_centered, pred_centered, _, _ = _centered(
        "pearson_correlation", y_true, y_pred, axis
    )
    covariance = ops.sum(true_centered * pred_centered, axis=axis)
    true_norm = ops.sqrt(ops.sum(ops.square(true_centered), axis=axis))
    pred_norm = ops.sqrt(ops.sum(ops.square(pred_centered), axis=axis))
    return ops.divide_no_nan(covariance, true_norm * pred_norm)


@keras_public("keras.metrics")
def concordance_correlation(y_true, y_pred, axis=-1):
    """Lin's concordance correlation coefficient along `axis`.

    `2 cov(y_true, y_pred) / (var(y_true) + var(y_pred) + (mean(y_true) -
    mean(y_pred))^2)`, with population moments: it measures agreement with
    the identity line, not only correlation. 0 when the denominator is.

    Args:
        y_true: The targets.
        y_pred: The predictions (integer inputs are cast to floatx).
        axis: The axis to compare along.

    Returns:
        The coefficients: the inputs' shape without `axis`.

    Example:

    >>> float(keras_core.metrics.concordance_correlation([1.0, 2.0, 3.0],
    ...                                                  [1.0, 2.0, 4.0]))
    0.857...
    """
    true_centered, pred_centered, true_mean, pred_mean = _centered(
        "concordance_correlation", y_true, y_pred, axis
    )
    covariance = ops.mean(true_centered * pred_centered, axis=axis)
    true_variance = ops.mean(ops.square(true_centered), axis=axis)
    pred_variance = ops.mean(ops.square(pred_centered), axis=axis)
    mean_gap = ops.squeeze(ops.square(true_mean - pred_mean), axis=axis)
    return ops.divide_no_nan(2 * covariance, true_variance + pred_variance + mean_gap)


@keras_public("keras.metrics")
class PearsonCorrelation(MeanMetricWrapper):
    """The mean over samples of `pearson_correlation` along `axis`.

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.
        axis: The axis each sample's values lie along.

    Example:

    >>> metric = keras_core.metrics.PearsonCorrelation()
    >>> metric.update_state([[1.0, 2.0, 3.0]], [[2.0, 4.0, 7.0]])
    >>> float(metric.result())
    0.993...
    """

    def __init__(self, name="pearson_correlation", dtype=None, axis=-1):
        super().__init__(fn=pearson_correlation, name=name, dtype=dtype, axis=axis)
        self.axis = axis
        self._direction = "up"

    def get_config(self):
        """The constructor arguments."""
        return {"name": self.name, "dtype": self.dtype, "axis": self.axis}


@keras_public("keras.metrics")
class ConcordanceCorrelation(MeanMetricWrapper):
    """The mean over samples of `concordance_correlation` along `axis`.

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.
        axis: The axis each sample's values lie along.

    Example:

    >>> metric = keras_core.metrics.ConcordanceCorrelation()
    >>> metric.update_state([[1.0, 2.0, 3.0]], [[1.0, 2.0, 4.0]])
    >>> float(metric.result())
    0.857...
    """

    def __init__(self, name="concordance_correlation", dtype=None, axis=-1):
        super().__init__(fn=concordance_correlation, name=name, dtype=dtype, axis=axis)
        self.axis = axis
        self._direction = "up"

    def get_config(self):
        """The constructor arguments."""
        return {"name": self.name, "dtype": self.dtype, "axis": self.axis}
