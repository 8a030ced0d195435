"""Metrics that reduce values: Sum, Mean and MeanMetricWrapper.

The weighting rule follows Keras: values of rank above the sample weight's
are first averaged over their trailing axes down to the weight's rank; the
weighted values (and the weights) are then averaged over all but the batch
axis, so each sample counts once, weighted by its mean weight.
"""

from keras_core import ops
from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.layers.call_context import mask_of
from keras_core._src.metrics.metric import Metric
from keras_core._src.saving import serialization_lib

__all__ = [
    "Mean",
    "MeanMetricWrapper",
    "Sum",
    "reduce_to_samplewise_values",
]


def _mean_over_trailing_axes(values, keep_rank):
    axes = tuple(range(keep_rank, len(values.shape)))
    return ops.mean(values, axis=axes) if axes else values


def _expand_weights(sample_weight, rank, values_shape=None, name="metric"):
    # Weights line up with the leading axes of the values (a per-sample
    # weight of shape (batch,) scales every entry of its sample).
    if values_shape is not None:
        weight_shape = tuple(sample_weight.shape)
        leading = tuple(values_shape[: len(weight_shape)])
        for weight_dim, value_dim in zip(weight_shape, leading, strict=True):
            if None in (weight_dim, value_dim) or weight_dim in (1, value_dim):
                continue
            raise ValueError(
                f"Metric '{name}' received `sample_weight` of shape "
                f"{weight_shape} for values of shape {tuple(values_shape)}: the "
                "weights must match the leading axes of the values (one "
                "weight per sample, e.g. shape (batch,))."
            )
    while len(sample_weight.shape) < rank:
        sample_weight = ops.expand_dims(sample_weight, axis=-1)
    return sample_weight


def _is_scalar(value):
    if value is None or isinstance(value, (int, float)):
        return True
    shape = getattr(value, "shape", None)
    return shape is not None and len(shape) == 0


def reduce_to_samplewise_values(values, sample_weight, dtype, name="metric"):
    """Per-sample values and weights, as `Mean` accumulates them.

    Args:
        values: A tensor whose first axis is the batch (or a scalar).
        sample_weight: None, or weights broadcastable to the leading axes
            of `values`.
        dtype: The dtype of the results.
        name: The metric's name, for error messages.

    Returns:
        `(values, sample_weight)`: both of rank 0 or 1, the weights None
        when none were given.
    """
    values = ops.cast(values, dtype)
    if sample_weight is not None:
        sample_weight = ops.cast(sample_weight, dtype)
        weight_rank = len(sample_weight.shape)
        if len(values.shape) > weight_rank:
            values = _mean_over_trailing_axes(values, weight_rank)
        sample_weight = _expand_weights(
            sample_weight, len(values.shape), values.shape, name
        )
        values = values * sample_weight
        sample_weight = ops.broadcast_to(sample_weight, values.shape)
        if len(values.shape) > 1:
            values = _mean_over_trailing_axes(values, 1)
            sample_weight = _mean_over_trailing_axes(sample_weight, 1)
        return values, sample_weight
    if len(values.shape) > 1:
        values = _mean_over_trailing_axes(values, 1)
    return values, None


@keras_public("keras.metrics")
class Sum(Metric):
    """Sums the values it is given, optionally weighted.

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.Sum()
    >>> metric.update_state([1.0, 3.0, 5.0], sample_weight=[1, 1, 0])
    >>> float(metric.result())
    4.0
    """

    def __init__(self, name="sum", dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.total = self.add_variable(shape=(), initializer="zeros", name="total")

    def update_state(self, values, sample_weight=None):
        """Adds `sum(values * sample_weight)` to the total."""
        values = ops.cast(values, self.dtype)
        if sample_weight is not None:
            sample_weight = ops.cast(sample_weight, self.dtype)
            values = values * _expand_weights(
                sample_weight, len(values.shape), values.shape, self.name
            )
        self.total.assign_add(ops.sum(values))

    def result(self):
        """The total so far."""
        return ops.convert_to_tensor(self.total)


@keras_public("keras.metrics")
class Mean(Metric):
    """The (weighted) mean of the values it is given.

    A value of rank above 1 counts as one sample per entry of its first
    axis, valued at its mean (see `reduce_to_samplewise_values`).

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.Mean()
    >>> metric.update_state([1.0, 3.0, 5.0, 7.0])
    >>> float(metric.result())
    4.0
    >>> metric.update_state([2.0], sample_weight=[3.0])
    >>> float(metric.result())
    3.142857...
    """

    def __init__(self, name="mean", dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.total = self.add_variable(shape=(), initializer="zeros", name="total")
        self.count = self.add_variable(shape=(), initializer="zeros", name="count")

    def update_state(self, values, sample_weight=None):
        """Adds the weighted values to the total and the weights to the count."""
        if _is_scalar(values) and _is_scalar(sample_weight):
            # The loss tracker's case, once per training step: two updates
            # and as few ops as can be.
            value = values
            if not (
                backend.core.is_tensor(values)
                and standardize_dtype(values.dtype) == self.dtype
            ):
                value = ops.cast(values, self.dtype)
            if sample_weight is None:
                self.total.assign_add(value)
                self.count.assign_add(1)
            elif isinstance(sample_weight, (int, float)):
                self.total.assign_add(value * sample_weight)
                self.count.assign_add(sample_weight)
            else:
                weight = ops.cast(sample_weight, self.dtype)
                self.total.assign_add(value * weight)
                self.count.assign_add(weight)
            return
        values, sample_weight = reduce_to_samplewise_values(
            values, sample_weight, self.dtype, self.name
        )
        self.total.assign_add(ops.sum(values))
        if sample_weight is None:
            count = ops.cast(ops.size(values), self.dtype)
        else:
            count = ops.sum(sample_weight)
        self.count.assign_add(count)

    def result(self):
        """The mean so far (0 before any update)."""
        return ops.divide_no_nan(self.total, ops.cast(self.count, self.dtype))


@keras_public("keras.metrics")
class MeanMetricWrapper(Mean):
    """The mean of `fn(y_true, y_pred, **kwargs)` over the samples seen.

    A mask on `y_pred` (from a masking layer) acts as a sample weight.

    Args:
        fn: A function `fn(y_true, y_pred, **kwargs)` returning values per
            sample (or per entry).
        name: The metric's name.
        dtype: The dtype of the state and the result.
        **kwargs: Passed to `fn` on each update.

    Example:

    >>> metric = keras_core.metrics.MeanMetricWrapper(
    ...     fn=lambda y_true, y_pred: keras_core.ops.abs(y_true - y_pred))
    >>> metric.update_state([1.0, 2.0], [1.5, 2.5])
    >>> float(metric.result())
    0.5
    """

    def __init__(self, fn, name=None, dtype=None, **kwargs):
        super().__init__(name=name or "mean_metric_wrapper", dtype=dtype)
        self._fn = fn
        self._fn_kwargs = kwargs
        # Lower is better for errors and losses; callbacks read this to
        # pick a monitoring mode.
        self._direction = "down" if _is_error_function(fn) else "up"

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Adds `fn(y_true, y_pred)` to the mean, weighted and masked."""
        mask = mask_of(y_pred)
        y_true = ops.convert_to_tensor(y_true)
        y_pred = ops.convert_to_tensor(y_pred)
        # Like Keras, entries a function masks on its own result (sparse
        # crossentropy's `ignore_class`) still count, as zeros.
        values = self._fn(y_true, y_pred, **self._fn_kwargs)
        if mask is not None:
            mask = ops.cast(mask, self.dtype)
            values_rank = len(ops.shape(values))
            while len(mask.shape) > values_rank:
                mask = ops.mean(mask, axis=-1)
            if sample_weight is None:
                sample_weight = mask
            else:
                sample_weight = ops.cast(sample_weight, self.dtype)
                sample_weight = _expand_weights(sample_weight, len(mask.shape))
                sample_weight = sample_weight * mask
        super().update_state(values, sample_weight=sample_weight)

    def get_config(self):
        """`name`, `dtype`, the function's kwargs and (for this class) `fn`."""
        config = {"name": self.name, "dtype": self.dtype}
        config.update(serialization_lib.serialize_keras_object(self._fn_kwargs))
        # Subclasses fix their function in `__init__`; only a bare wrapper
        # must record which function it wraps.
        if type(self) is MeanMetricWrapper:
            config["fn"] = serialization_lib.serialize_keras_object(self._fn)
        return config

    @classmethod
    def from_config(cls, config):
        """Creates the metric from `get_config`'s output."""
        if cls is MeanMetricWrapper and "fn" in config:
            config = dict(config)
            config["fn"] = serialization_lib.deserialize_keras_object(config["fn"])
        return cls(**config)


# Names of functions whose lower values are better (errors, losses,
# divergences); anything else wrapped is taken as higher-is-better.
_LOWER_IS_BETTER_WORDS = (
    "error",
    "loss",
    "hinge",
    "crossentropy",
    "divergence",
    "poisson",
    "cosh",
    "huber",
    "mse",
    "mae",
    "mape",
    "msle",
)


def _is_error_function(fn):
    name = getattr(fn, "__name__", "")
    return any(word in name for word in _LOWER_IS_BETTER_WORDS)
