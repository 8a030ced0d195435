"""One rate at the best threshold where another rate reaches a target.

SensitivityAtSpecificity, SpecificityAtSensitivity, PrecisionAtRecall and
RecallAtPrecision accumulate the four confusion-matrix counts at
`num_thresholds` evenly spaced thresholds in [0, 1]; the result is the
highest value of one rate over the thresholds where the other rate is at
least the target (0 when no threshold reaches it).
"""

import numbers

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.metrics import confusion_matrix
from keras_core._src.metrics.metric import Metric

__all__ = [
    "PrecisionAtRecall",
    "RecallAtPrecision",
    "SensitivityAtSpecificity",
    "SpecificityAtSensitivity",
]


class _RateAtRate(Metric):
    """Counts at evenly spaced thresholds; subclasses pick the two rates.

    Args:
        value: The target of the constrained rate, in [0, 1].
        value_name: The argument's public name (`"specificity"`, ...).
        num_thresholds: The number of thresholds (1 means just 0.5).
        class_id: If set, only this class (index on the last axis) counts.
        name: The metric's name.
        dtype: The dtype of the state and the result.
    """

    def __init__(
        self,
        value,
        value_name,
        num_thresholds=200,
        class_id=None,
        name=None,
        dtype=None,
    ):
        super().__init__(name=name, dtype=dtype)
        owner = type(self).__name__
        if (
            isinstance(value, bool)
            or not isinstance(value, numbers.Real)
            or not 0 <= value <= 1
        ):
            raise ValueError(
                f"{owner} expects `{value_name}` in the range [0, 1]. "
                f"Received: {value_name}={value!r}."
            )
        if (
            isinstance(num_thresholds, bool)
            or not isinstance(num_thresholds, int)
            or num_thresholds < 1
        ):
            raise ValueError(
                f"{owner} expects `num_thresholds` to be an integer > 0. "
                f"Received: num_thresholds={num_thresholds!r}."
            )
        self._value = value
        self._value_name = value_name
        self.num_thresholds = num_thresholds
        self.class_id = confusion_matrix.check_class_id(owner, class_id)
        if num_thresholds == 1:
            self.thresholds = [0.5]
        else:
            self.thresholds = [i / (num_thresholds - 1) for i in range(num_thresholds)]
        # Keras clips predictions into [0, 1] for these metrics even with
        # two thresholds (0 and 1), unlike user-given thresholds.
        self._evenly_spaced = num_thresholds > 1
        self._direction = "up"
        for count_name in confusion_matrix.ConfusionCounts._fields:
            variable = self.add_variable(
                shape=(num_thresholds,), initializer="zeros", name=count_name
            )
            setattr(self, count_name, variable)

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Adds the batch's weighted counts at every threshold.

        Args:
            y_true: Labels; nonzero means positive.
            y_pred: Scores in [0, 1], the shape of `y_true` (values outside
                are clipped).
            sample_weight: Optional weights, per sample or per entry.
        """
        counts = confusion_matrix.confusion_counts(
            type(self).__name__,
            y_true,
            y_pred,
            self.thresholds,
            self.dtype,
            sample_weight=sample_weight,
            class_id=self.class_id,
            evenly_spaced=self._evenly_spaced,
        )
        for count_name, count in zip(counts._fields, counts, strict=True):
            getattr(self, count_name).assign_add(count)

    def _rates(self):
        true_positives = ops.convert_to_tensor(self.true_positives)
        false_positives = ops.convert_to_tensor(self.false_positives)
        true_negatives = ops.convert_to_tensor(self.true_negatives)
        false_negatives = ops.convert_to_tensor(self.false_negatives)
        return {
            "sensitivity": ops.divide_no_nan(
                true_positives, true_positives + false_negatives
            ),
            "specificity": ops.divide_no_nan(
                true_negatives, true_negatives + false_positives
            ),
            "precision": ops.divide_no_nan(
                true_positives, true_positives + false_positives
            ),
        }

    def _best(self, maximized, constrained):
        # The best `maximized` rate over the thresholds whose `constrained`
        # rate reaches the target; rates are >= 0, so 0 when none does.
        rates = self._rates()
        feasible = ops.greater_equal(rates[constrained], self._value)
        return ops.max(ops.where(feasible, rates[maximized], 0.0))

    def get_config(self):
        """`name`, `dtype`, `class_id`, `num_thresholds` and the target."""
        return {
            **super().get_config(),
            "class_id": self.class_id,
            "num_thresholds": self.num_thresholds,
            self._value_name: self._value,
        }


@keras_public("keras.metrics")
class SensitivityAtSpecificity(_RateAtRate):
    """The best sensitivity (recall) where specificity is >= `specificity`.

    Sensitivity is `TP / (TP + FN)` and specificity `TN / (TN + FP)`.

    Args:
        specificity: The target specificity, in [0, 1].
        num_thresholds: The number of evenly spaced thresholds in [0, 1]
            to try (1 means just 0.5).
        class_id: If set, only this class (index on the last axis) counts.
        name: The metric's name (default `"sensitivity_at_specificity"`,
            made unique).
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.SensitivityAtSpecificity(0.5)
    >>> metric.update_state([0, 0, 0, 1, 1], [0, 0.3, 0.8, 0.3, 0.8])
    >>> float(metric.result())
    0.5
    """

    def __init__(
        self, specificity, num_thresholds=200, class_id=None, name=None, dtype=None
    ):
        super().__init__(
            specificity,
            "specificity",
            num_thresholds=num_thresholds,
            class_id=class_id,
            name=name,
            dtype=dtype,
        )
        self.specificity = specificity

    def result(self):
        """The best sensitivity among thresholds meeting the specificity."""
        return self._best("sensitivity", "specificity")


@keras_public("keras.metrics")
class SpecificityAtSensitivity(_RateAtRate):
    """The best specificity where sensitivity (recall) is >= `sensitivity`.

    Args:
        sensitivity: The target sensitivity, in [0, 1].
        num_thresholds: The number of evenly spaced thresholds in [0, 1]
            to try (1 means just 0.5).
        class_id: If set, only this class (index on the last axis) counts.
        name: The metric's name (default `"specificity_at_sensitivity"`,
            made unique).
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.SpecificityAtSensitivity(0.5)
    >>> metric.update_state([0, 0, 0, 1, 1], [0, 0.3, 0.8, 0.3, 0.8])
    >>> float(metric.result())
    0.666...
    """

    def __init__(
        self, sensitivity, num_thresholds=200, class_id=None, name=None, dtype=None
    ):
        super().__init__(
            sensitivity,
            "sensitivity",
            num_thresholds=num_thresholds,
            class_id=class_id,
            name=name,
            dtype=dtype,
        )
        self.sensitivity = sensitivity

    def result(self):
        """The best specificity among thresholds meeting the sensitivity."""
        return self._best("specificity", "sensitivity")


@keras_public("keras.metrics")
class PrecisionAtRecall(_RateAtRate):
    """The best precision where recall is >= `recall`.

    Args:
        recall: The target recall, in [0, 1].
        num_thresholds: The number of evenly spaced thresholds in [0, 1]
            to try (1 means just 0.5).
        class_id: If set, only this class (index on the last axis) counts.
        name: The metric's name (default `"precision_at_recall"`, made
            unique).
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.PrecisionAtRecall(0.5)
    >>> metric.update_state([0, 0, 0, 1, 1], [0, 0.3, 0.8, 0.3, 0.8])
    >>> float(metric.result())
    0.5
    """

    def __init__(
        self, recall, num_thresholds=200, class_id=None, name=None, dtype=None
    ):
        super().__init__(
            recall,
            "recall",
            num_thresholds=num_thresholds,
            class_id=class_id,
            name=name,
            dtype=dtype,
        )
        self.recall = recall

    def result(self):
        """The best precision among thresholds meeting the recall."""
        return self._best("precision", "sensitivity")


@keras_public("keras.metrics")
class RecallAtPrecision(_RateAtRate):
    """The best recall where precision is >= `precision`.

    Args:
        precision: The target precision, in [0, 1].
        num_thresholds: The number of evenly spaced thresholds in [0, 1]
            to try (1 means just 0.5).
        class_id: If set, only this class (index on the last axis) counts.
        name: The metric's name (default `"recall_at_precision"`, made
            unique).
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.RecallAtPrecision(0.8)
    >>> metric.update_state([0, 0, 1, 1], [0, 0.5, 0.3, 0.9])
    >>> float(metric.result())
    0.5
    """

    def __init__(
        self, precision, num_thresholds=200, class_id=None, name=None, dtype=None
    ):
        super().__init__(
            precision,
            "precision",
            num_thresholds=num_thresholds,
            class_id=class_id,
            name=name,
            dtype=dtype,
        )
        self.precision = precision

    def result(self):
        """The best recall among thresholds meeting the precision."""
        return self._best("sensitivity", "precision")
