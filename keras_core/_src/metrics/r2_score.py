"""The R2 score (coefficient of determination) of regression outputs.

The state holds per-output weighted sums of `y`, `y^2`, the squared
residuals and the weights, so batches accumulate exactly: the total sum
of squares is `sum(w y^2) - sum(w y)^2 / sum(w)` at the end.
"""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.metrics.metric import Metric

__all__ = ["R2Score"]

_AGGREGATIONS = (None, "uniform_average", "variance_weighted_average")


@keras_public("keras.metrics")
class R2Score(Metric):
    """The R2 score: `1 - SS_residual / SS_total` per output.

    An output whose targets are constant (`SS_total = 0`) scores 1 when
    predicted exactly and 0 otherwise (as scikit-learn does).

    The adjusted R2, for `num_regressors = k > 0`, is
    `1 - (1 - R2) * (n - 1) / (n - k - 1)`, where `n` counts the target
    values seen (all entries of `y_true`); it falls back to the plain R2
    when `n - k - 1 <= 0`.

    Args:
        class_aggregation: How to combine the outputs (the last axis):
            `"uniform_average"` (mean of the per-output scores),
            `"variance_weighted_average"` (weighted by each output's
            `SS_total`) or None (one score per output).
        num_regressors: The number of independent variables of the
            regression, for the adjusted R2 (0: plain R2).
        name: The metric's name.
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.R2Score()
    >>> metric.update_state([[1.0], [2.0], [3.0]], [[1.0], [2.0], [2.0]])
    >>> float(metric.result())
    0.5
    """

    def __init__(
        self,
        class_aggregation="uniform_average",
        num_regressors=0,
        name="r2_score",
        dtype=None,
    ):
        super().__init__(name=name, dtype=dtype)
        if class_aggregation not in _AGGREGATIONS:
            raise ValueError(
                "R2Score got an invalid `class_aggregation`. Expected one of "
                f"{_AGGREGATIONS}. Received: "
                f"class_aggregation={class_aggregation!r}."
            )
        if (
            isinstance(num_regressors, bool)
            or not isinstance(num_regressors, int)
            or num_regressors < 0
        ):
            raise ValueError(
                "R2Score expects `num_regressors` to be an int >= 0 (the "
                "number of independent variables; 0 for the plain R2). "
                f"Received: num_regressors={num_regressors!r}."
            )
        self.class_aggregation = class_aggregation
        self.num_regressors = num_regressors
        self.num_samples = self.add_variable(
            shape=(), initializer="zeros", name="num_samples"
        )
        self.built = False
        self._direction = "up"

    def _check_shapes(self, y_true_shape, y_pred_shape):
        if len(y_true_shape) != 2 or len(y_pred_shape) != 2:
            raise ValueError(
                "R2Score expects 2D inputs of shape (batch_size, "
                f"num_outputs). Received: y_true.shape={y_true_shape}, "
                f"y_pred.shape={y_pred_shape}. Reshape a single output to "
                "(batch_size, 1)."
            )
        num_outputs = y_pred_shape[-1]
        if num_outputs is None or y_true_shape[-1] not in (None, num_outputs):
            raise ValueError(
                "R2Score expects y_true and y_pred with the same known number "
                f"of outputs (last axis). Received: y_true.shape="
                f"{y_true_shape}, y_pred.shape={y_pred_shape}."
            )
        return num_outputs

    def _build(self, y_true_shape, y_pred_shape):
        """Creates the per-output state for inputs of these shapes (once).

        Args:
            y_true_shape: The shape of `y_true`, `(batch_size, num_outputs)`.
            y_pred_shape: The shape of `y_pred`, `(batch_size, num_outputs)`.
        """
        y_true_shape, y_pred_shape = tuple(y_true_shape), tuple(y_pred_shape)
        self.num_outputs = self._check_shapes(y_true_shape, y_pred_shape)
        shape = (self.num_outputs,)
        self.squared_sum = self.add_variable(
            shape=shape, initializer="zeros", name="squared_sum"
        )
        self.sum = self.add_variable(shape=shape, initializer="zeros", name="sum")
        self.total_mse = self.add_variable(
            shape=shape, initializer="zeros", name="residual"
        )
        self.count = self.add_variable(shape=shape, initializer="zeros", name="count")
        self.built = True

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Adds a batch to the per-output sums.

        Args:
            y_true: Targets of shape `(batch_size, num_outputs)`.
            y_pred: Predictions of the same shape.
            sample_weight: Optional weights of shape `(batch_size,)`,
                `(batch_size, 1)` or `(batch_size, num_outputs)`.
        """
        y_true = ops.cast(ops.convert_to_tensor(y_true), self.dtype)
        y_pred = ops.cast(ops.convert_to_tensor(y_pred), self.dtype)
        if not self.built:
            self._build(y_true.shape, y_pred.shape)
        elif self._check_shapes(tuple(y_true.shape), tuple(y_pred.shape)) != (
            self.num_outputs
        ):
            raise ValueError(
                f"R2Score was built for {self.num_outputs} outputs but "
                f"received y_pred.shape={tuple(y_pred.shape)}. Use one "
                "metric per number of outputs."
            )
        if sample_weight is None:
            sample_weight = ops.ones_like(y_true)
        else:
            sample_weight = ops.cast(sample_weight, self.dtype)
            if len(sample_weight.shape) == 1:
                sample_weight = ops.expand_dims(sample_weight, axis=-1)
            sample_weight = ops.broadcast_to(sample_weight, ops.shape(y_true))
        weighted_y_true = y_true * sample_weight
        self.sum.assign_add(ops.sum(weighted_y_true, axis=0))
        self.squared_sum.assign_add(ops.sum(y_true * weighted_y_true, axis=0))
        self.total_mse.assign_add(
            ops.sum(ops.square(y_true - y_pred) * sample_weight, axis=0)
        )
        self.count.assign_add(ops.sum(sample_weight, axis=0))
        self.num_samples.assign_add(ops.cast(ops.size(y_true), self.dtype))

    def result(self):
        """The score: a scalar, or one per output for `class_aggregation=None`.

        Before any update the number of outputs is not known: the averaged
        scores are then 0, and `class_aggregation=None` raises.
        """
        if not self.built:
            if self.class_aggregation is None:
                raise ValueError(
                    "R2Score.result() with class_aggregation=None was called "
                    "before update_state: the number of outputs is not known "
                    "yet. Call update_state (or _build(y_true_shape, "
                    "y_pred_shape)) first."
                )
            return ops.zeros((), dtype=self.dtype)
        count = ops.convert_to_tensor(self.count)
        weighted_sum = ops.convert_to_tensor(self.sum)
        mean = ops.divide_no_nan(weighted_sum, count)
        total = ops.convert_to_tensor(self.squared_sum) - weighted_sum * mean
        residual = ops.convert_to_tensor(self.total_mse)
        constant_score = ops.cast(ops.logical_and(residual == 0, count > 0), self.dtype)
        scores = ops.where(
            total == 0, constant_score, 1 - ops.divide_no_nan(residual, total)
        )
        if self.class_aggregation == "uniform_average":
            score = ops.mean(scores)
        elif self.class_aggregation == "variance_weighted_average":
            score = ops.divide_no_nan(ops.sum(scores * total), ops.sum(total))
        else:
            score = scores
        if self.num_regressors == 0:
            return score
        num_samples = ops.convert_to_tensor(self.num_samples)
        degrees = num_samples - self.num_regressors - 1
        adjusted = 1 - (1 - score) * ops.divide_no_nan(num_samples - 1, degrees)
        return ops.where(degrees > 0, adjusted, score)

    def get_config(self):
        """The constructor arguments."""
        return {
            "name": self.name,
            "dtype": self.dtype,
            "class_aggregation": self.class_aggregation,
            "num_regressors": self.num_regressors,
        }
