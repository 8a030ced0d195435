"""F-beta and F1 scores of multi-class or multi-label predictions.

The state is per-class sums of true positives, false positives, false
negatives and true labels (the support, for `average="weighted"`). Its
size is the number of classes, read from the first batch as Keras does;
`_build(y_true_shape, y_pred_shape)` creates it ahead of a compiled step.
"""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.metrics.metric import Metric

__all__ = ["F1Score", "FBetaScore"]

_AVERAGES = (None, "micro", "macro", "weighted")


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@keras_public("keras.metrics")
class FBetaScore(Metric):
    """The F-beta score: a weighted harmonic mean of precision and recall.

    `F = (1 + beta^2) * precision * recall / (beta^2 * precision + recall)`,
    per class (the last axis of `y_true` and `y_pred`). A zero denominator
    gives 0.

    Args:
        average: How to combine the classes: None (one score per class),
            `"micro"` (pool all classes' counts), `"macro"` (mean of the
            per-class scores) or `"weighted"` (mean weighted by each class's
            count of true labels).
        beta: How many times recall counts more than precision (> 0).
        threshold: Scores above it are positive predictions, so several
            classes may be positive (multi-label). None: the highest score
            of each row is the positive one (single-label).
        name: The metric's name.
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.FBetaScore(beta=2.0, average="micro")
    >>> metric.update_state([[1, 0], [0, 1]], [[0.9, 0.1], [0.8, 0.2]])
    >>> float(metric.result())
    0.5
    """

    def __init__(
        self,
        average=None,
        beta=1.0,
        threshold=None,
        name="fbeta_score",
        dtype=None,
    ):
        super().__init__(name=name, dtype=dtype)
        class_name = type(self).__name__
        if average not in _AVERAGES:
            raise ValueError(
                f"{class_name} got an invalid `average`. Expected one of "
                f"{_AVERAGES}. Received: average={average!r}."
            )
        if not _is_number(beta) or not beta > 0:
            raise ValueError(
                f"{class_name} expects `beta` to be a number > 0. Received: "
                f"beta={beta!r}."
            )
        if threshold is not None and (
            not _is_number(threshold) or not 0 < threshold <= 1
        ):
            raise ValueError(
                f"{class_name} expects `threshold` to be None or a number with "
                f"0 < threshold <= 1. Received: threshold={threshold!r}."
            )
        self.average = average
        self.beta = float(beta)
        self.threshold = None if threshold is None else float(threshold)
        self.axis = (0, 1) if average == "micro" else 0
        self.built = False
        self._direction = "up"

    def _check_shapes(self, y_true_shape, y_pred_shape):
        if len(y_true_shape) != 2 or len(y_pred_shape) != 2:
            raise ValueError(
                f"{type(self).__name__} expects 2D inputs of shape "
                "(batch_size, num_classes). Received: "
                f"y_true.shape={y_true_shape}, y_pred.shape={y_pred_shape}. "
                "Reshape single-output targets to (batch_size, 1)."
            )
        num_classes = y_pred_shape[-1]
        if num_classes is None:
            raise ValueError(
                f"{type(self).__name__} needs a known number of classes (the "
                f"last axis of y_pred). Received: y_pred.shape={y_pred_shape}."
            )
        if y_true_shape[-1] not in (None, num_classes):
            raise ValueError(
                f"{type(self).__name__} expects y_true and y_pred to have the "
                f"same number of classes. Received: y_true.shape="
                f"{y_true_shape}, y_pred.shape={y_pred_shape}."
            )
        return num_classes

    def _build(self, y_true_shape, y_pred_shape):
        """Creates the state for inputs of these shapes (called once).

        Args:
            y_true_shape: The shape of `y_true`, `(batch_size, num_classes)`.
            y_pred_shape: The shape of `y_pred`, `(batch_size, num_classes)`.
        """
        y_true_shape, y_pred_shape = tuple(y_true_shape), tuple(y_pred_shape)
        num_classes = self._check_shapes(y_true_shape, y_pred_shape)
        self.num_classes = num_classes
        shape = () if self.average == "micro" else (num_classes,)
        self.true_positives = self.add_variable(
            shape=shape, initializer="zeros", name="true_positives"
        )
        self.false_positives = self.add_variable(
            shape=shape, initializer="zeros", name="false_positives"
        )
        self.false_negatives = self.add_variable(
            shape=shape, initializer="zeros", name="false_negatives"
        )
        self.intermediate_weights = self.add_variable(
            shape=shape, initializer="zeros", name="intermediate_weights"
        )
        self.built = True

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Adds a batch's true/false positive and false negative counts.

        Args:
            y_true: 0/1 targets of shape `(batch_size, num_classes)`.
            y_pred: Scores of shape `(batch_size, num_classes)`.
            sample_weight: Optional weights of shape `(batch_size,)`,
                `(batch_size, 1)` or `(batch_size, num_classes)`.
        """
        y_true = ops.cast(ops.convert_to_tensor(y_true), self.dtype)
        y_pred = ops.cast(ops.convert_to_tensor(y_pred), self.dtype)
        if not self.built:
            self._build(y_true.shape, y_pred.shape)
        elif self._check_shapes(tuple(y_true.shape), tuple(y_pred.shape)) != (
            self.num_classes
        ):
            raise ValueError(
                f"{type(self).__name__} was built for {self.num_classes} "
                f"classes but received y_pred.shape={tuple(y_pred.shape)}. "
                "Use one metric per number of classes."
            )
        if self.threshold is None:
            # The top score of each row is the prediction; tied scores are
            # all positive, as in Keras.
            row_max = ops.max(y_pred, axis=-1, keepdims=True)
            y_pred = ops.cast(y_pred >= row_max, self.dtype)
        else:
            y_pred = ops.cast(y_pred > self.threshold, self.dtype)
        if sample_weight is None:
            weighted_true = y_true
            weighted_false = 1 - y_true
        else:
            sample_weight = ops.cast(sample_weight, self.dtype)
            if len(sample_weight.shape) == 1:
                sample_weight = ops.expand_dims(sample_weight, axis=-1)
            weighted_true = y_true * sample_weight
            weighted_false = (1 - y_true) * sample_weight
        self.true_positives.assign_add(ops.sum(y_pred * weighted_true, axis=self.axis))
        self.false_positives.assign_add(
            ops.sum(y_pred * weighted_false, axis=self.axis)
        )
        self.false_negatives.assign_add(
            ops.sum((1 - y_pred) * weighted_true, axis=self.axis)
        )
        self.intermediate_weights.assign_add(ops.sum(weighted_true, axis=self.axis))

    def result(self):
        """The score: per class (`average=None`) or a scalar.

        Before any update the state has no size yet: averaged scores are
        then 0, and per-class scores raise a `ValueError`.
        """
        if not self.built:
            if self.average is None:
                raise ValueError(
                    f"{type(self).__name__}.result() with average=None was "
                    "called before update_state: the number of classes is "
                    "not known yet. Call update_state (or "
                    "_build(y_true_shape, y_pred_shape)) first."
                )
            return ops.zeros((), dtype=self.dtype)
        true_positives = ops.convert_to_tensor(self.true_positives)
        precision = ops.divide_no_nan(
            true_positives, true_positives + self.false_positives
        )
        recall = ops.divide_no_nan(
            true_positives, true_positives + self.false_negatives
        )
        beta_squared = self.beta**2
        scores = ops.divide_no_nan(
            (1 + beta_squared) * precision * recall,
            beta_squared * precision + recall,
        )
        if self.average == "weighted":
            weights = ops.convert_to_tensor(self.intermediate_weights)
            return ops.divide_no_nan(ops.sum(scores * weights), ops.sum(weights))
        if self.average == "macro":
            return ops.mean(scores)
        return scores

    def get_config(self):
        """The constructor arguments."""
        return {
            "name": self.name,
            "dtype": self.dtype,
            "average": self.average,
            "beta": self.beta,
            "threshold": self.threshold,
        }


@keras_public("keras.metrics")
class F1Score(FBetaScore):
    """The F1 score: the harmonic mean of precision and recall.

    `F1 = 2 * precision * recall / (precision + recall)`, per class; the
    arguments are those of `FBetaScore` with `beta=1`.

    Args:
        average: None, `"micro"`, `"macro"` or `"weighted"` (see
            `FBetaScore`).
        threshold: Scores above it are positive predictions; None: the
            top score of each row is.
        name: The metric's name.
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.F1Score(average="macro")
    >>> metric.update_state([[1, 0], [0, 1]], [[0.9, 0.1], [0.8, 0.2]])
    >>> float(metric.result())  # class 0: 2/3, class 1: 0
    0.333...
    """

    def __init__(self, average=None, threshold=None, name="f1_score", dtype=None):
        super().__init__(
            average=average, beta=1.0, threshold=threshold, name=name, dtype=dtype
        )

    def get_config(self):
        """The constructor arguments (no `beta`: it is always 1)."""
        config = super().get_config()
        del config["beta"]
        return config
