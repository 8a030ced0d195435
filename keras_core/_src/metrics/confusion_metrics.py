"""Confusion-matrix counts and ratios at fixed thresholds.

TruePositives, FalsePositives, TrueNegatives and FalseNegatives keep one
weighted count per threshold; Precision and Recall keep the two counts
their ratio needs. A prediction is positive when `y_pred > threshold`, a
label when it is nonzero (see `confusion_matrix.confusion_counts`). With
one threshold the result is a scalar, with several a vector.
"""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.metrics import confusion_matrix
from keras_core._src.metrics.metric import Metric

__all__ = [
    "FalseNegatives",
    "FalsePositives",
    "Precision",
    "Recall",
    "TrueNegatives",
    "TruePositives",
]


def _per_threshold(values, thresholds):
    return values[0] if len(thresholds) == 1 else values


class _ConfusionCount(Metric):
    """One weighted confusion-matrix count per threshold."""

    # The field of `ConfusionCounts` this metric accumulates.
    _count = None

    def __init__(self, thresholds=None, name=None, dtype=None):
        super().__init__(name=name, dtype=dtype)
        owner = type(self).__name__
        self.thresholds = confusion_matrix.parse_thresholds(owner, thresholds)
        self._init_thresholds = confusion_matrix.config_thresholds(thresholds)
        self._evenly_spaced = confusion_matrix.is_evenly_spaced(self.thresholds)
        self.accumulator = self.add_variable(
            shape=(len(self.thresholds),),
            initializer="zeros",
            name="accumulator",
        )

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Adds the batch's weighted count at each threshold.

        Args:
            y_true: Labels; nonzero means positive.
            y_pred: Scores, the shape of `y_true`.
            sample_weight: Optional weights, per sample or per entry.
        """
        counts = confusion_matrix.confusion_counts(
            type(self).__name__,
            y_true,
            y_pred,
            self.thresholds,
            self.dtype,
            sample_weight=sample_weight,
            evenly_spaced=self._evenly_spaced,
        )
        self.accumulator.assign_add(getattr(counts, self._count))

    def result(self):
        """The count: a scalar for one threshold, else one per threshold."""
        return _per_threshold(ops.convert_to_tensor(self.accumulator), self.thresholds)

    def get_config(self):
        """`name`, `dtype` and `thresholds` (as given)."""
        return {**super().get_config(), "thresholds": self._init_thresholds}


@keras_public("keras.metrics")
class TruePositives(_ConfusionCount):
    """The weighted number of true positives.

    A prediction is positive when `y_pred > threshold`; a label when it is
    nonzero.

    Args:
        thresholds: A float in [0, 1], or a list of them (one count per
            threshold). Default 0.5.
        name: The metric's name (default `"true_positives"`, made unique).
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.TruePositives()
    >>> metric.update_state([0, 1, 1, 1], [1, 0, 1, 1])
    >>> float(metric.result())
    2.0
    """

    _count = "true_positives"


@keras_public("keras.metrics")
class FalsePositives(_ConfusionCount):
    """The weighted number of false positives.

    Args:
        thresholds: A float in [0, 1], or a list of them (one count per
            threshold). Default 0.5.
        name: The metric's name (default `"false_positives"`, made unique).
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.FalsePositives(thresholds=[0.3, 0.7])
    >>> metric.update_state([0, 0, 1], [0.5, 0.9, 0.8])
    >>> [float(value) for value in metric.result()]
    [2.0, 1.0]
    """

    _count = "false_positives"


@keras_public("keras.metrics")
class TrueNegatives(_ConfusionCount):
    """The weighted number of true negatives.

    Args:
        thresholds: A float in [0, 1], or a list of them (one count per
            threshold). Default 0.5.
        name: The metric's name (default `"true_negatives"`, made unique).
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.TrueNegatives()
    >>> metric.update_state([0, 1, 0, 0], [1, 1, 0, 0],
    ...                     sample_weight=[0, 0, 0.5, 1])
    >>> float(metric.result())
    1.5
    """

    _count = "true_negatives"


@keras_public("keras.metrics")
class FalseNegatives(_ConfusionCount):
    """The weighted number of false negatives.

    Args:
        thresholds: A float in [0, 1], or a list of them (one count per
            threshold). Default 0.5.
        name: The metric's name (default `"false_negatives"`, made unique).
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.FalseNegatives()
    >>> metric.update_state([0, 1, 1, 1], [0, 1, 0, 0])
    >>> float(metric.result())
    2.0
    """

    _count = "false_negatives"


class _PrecisionOrRecall(Metric):
    """`TP / (TP + other)` per threshold, `other` being FP or FN."""

    # The field of `ConfusionCounts` in the denominator, besides TP.
    _other = None

    def __init__(
        self, thresholds=None, top_k=None, class_id=None, name=None, dtype=None
    ):
        super().__init__(name=name, dtype=dtype)
        owner = type(self).__name__
        self.top_k = confusion_matrix.check_top_k(owner, top_k)
        self.class_id = confusion_matrix.check_class_id(owner, class_id)
        # With top_k and no thresholds, every kept score is a positive.
        default = 0.5 if top_k is None else confusion_matrix.TOP_K_THRESHOLD
        self.thresholds = confusion_matrix.parse_thresholds(
            owner, thresholds, default=default
        )
        self._init_thresholds = confusion_matrix.config_thresholds(thresholds)
        self._evenly_spaced = confusion_matrix.is_evenly_spaced(self.thresholds)
        self._direction = "up"
        size = (len(self.thresholds),)
        self.true_positives = self.add_variable(
            shape=size, initializer="zeros", name="true_positives"
        )
        self._other_count = self.add_variable(
            shape=size, initializer="zeros", name=self._other
        )

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Adds the batch's weighted counts at each threshold.

        Args:
            y_true: Labels; nonzero means positive.
            y_pred: Scores, the shape of `y_true`.
            sample_weight: Optional weights, per sample or per entry.
        """
        counts = confusion_matrix.confusion_counts(
            type(self).__name__,
            y_true,
            y_pred,
            self.thresholds,
            self.dtype,
            sample_weight=sample_weight,
            top_k=self.top_k,
            class_id=self.class_id,
            evenly_spaced=self._evenly_spaced,
        )
        self.true_positives.assign_add(counts.true_positives)
        self._other_count.assign_add(getattr(counts, self._other))

    def result(self):
        """The ratio (0 where undefined): a scalar for one threshold."""
        true_positives = ops.convert_to_tensor(self.true_positives)
        ratio = ops.divide_no_nan(
            true_positives,
            true_positives + ops.convert_to_tensor(self._other_count),
        )
        return _per_threshold(ratio, self.thresholds)

    def get_config(self):
        """`name`, `dtype`, `thresholds` (as given), `top_k`, `class_id`."""
        return {
            **super().get_config(),
            "thresholds": self._init_thresholds,
            "top_k": self.top_k,
            "class_id": self.class_id,
        }


@keras_public("keras.metrics")
class Precision(_PrecisionOrRecall):
    """The fraction of predicted positives that are positive: TP / (TP + FP).

    Args:
        thresholds: A float in [0, 1], or a list of them (one precision per
            threshold). Default 0.5, or with `top_k` every kept score.
        top_k: If set, only the `top_k` highest scores of each row count
            as predicted positives.
        class_id: If set, only this class (index on the last axis) counts.
        name: The metric's name (default `"precision"`, made unique).
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.Precision()
    >>> metric.update_state([0, 1, 1, 1], [1, 0, 1, 1])
    >>> float(metric.result())
    0.666...
    >>> metric = keras_core.metrics.Precision(top_k=1)
    >>> metric.update_state([[0, 1, 1]], [[0.2, 0.3, 0.9]])
    >>> float(metric.result())
    1.0
    """

    _other = "false_positives"

    @property
    def false_positives(self):
        """The variable of weighted false positives, one per threshold."""
        return self._other_count


@keras_public("keras.metrics")
class Recall(_PrecisionOrRecall):
    """The fraction of positives predicted positive: TP / (TP + FN).

    Args:
        thresholds: A float in [0, 1], or a list of them (one recall per
            threshold). Default 0.5, or with `top_k` every kept score.
        top_k: If set, only the `top_k` highest scores of each row count
            as predicted positives.
        class_id: If set, only this class (index on the last axis) counts.
        name: The metric's name (default `"recall"`, made unique).
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.Recall()
    >>> metric.update_state([0, 1, 1, 1], [1, 0, 1, 1])
    >>> float(metric.result())
    0.666...
    """

    _other = "false_negatives"

    @property
    def false_negatives(self):
        """The variable of weighted false negatives, one per threshold."""
        return self._other_count
