"""AUC: the area under the ROC, precision-recall or PR-gain curve.

The metric accumulates the four confusion-matrix counts at a fixed set of
thresholds; `result` builds the curve's points from them and sums the area
with a Riemann sum. The thresholds always start at `-epsilon` and end at
`1 + epsilon`, so that the curve reaches both ends (every prediction
positive, none positive) even for scores of exactly 0 or 1.
"""

import numbers

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.config import epsilon
from keras_core._src.metrics import confusion_matrix
from keras_core._src.metrics.metric import Metric

__all__ = ["AUC"]

_CURVES = ("ROC", "PR", "PRGAIN")
_SUMMATION_METHODS = ("interpolation", "majoring", "minoring")


def _check_choice(argument, value, choices, normalize):
    if isinstance(value, str) and normalize(value) in choices:
        return normalize(value)
    raise ValueError(
        f"AUC got an invalid `{argument}`: {value!r}. Expected one of "
        f"{list(choices)} (case-insensitive)."
    )


def _interpolated_pr_area(true_positives, false_positives, false_negatives):
    """Area under the PR curve, interpolated as Davis & Goadrich (2006).

    Between two thresholds, true positives are taken as linear in the
    number of predicted positives `p`: `tp = intercept + slope * p`.
    Precision `tp / p` then varies non-linearly, and integrating it over
    recall `tp / positives` gives, per interval,
    `slope * (dtp + intercept * log(p_high / p_low)) / positives`.
    """
    predicted = true_positives + false_positives
    delta_tp = true_positives[:-1] - true_positives[1:]
    delta_predicted = predicted[:-1] - predicted[1:]
    slope = ops.divide_no_nan(delta_tp, ops.maximum(delta_predicted, 0.0))
    intercept = true_positives[1:] - slope * predicted[1:]
    # An interval whose upper end has no predicted positives has no log
    # term (intercept is 0 there).
    both_positive = ops.logical_and(predicted[:-1] > 0, predicted[1:] > 0)
    ratio = ops.where(
        both_positive,
        ops.divide_no_nan(predicted[:-1], ops.maximum(predicted[1:], 0.0)),
        1.0,
    )
    positives = ops.maximum(true_positives[1:] + false_negatives[1:], 0.0)
    increments = ops.divide_no_nan(
        slope * (delta_tp + intercept * ops.log(ratio)), positives
    )
    return ops.sum(increments, axis=0)


@keras_public("keras.metrics")
class AUC(Metric):
    """The area under the ROC or precision-recall curve.

    The curve is sampled at `num_thresholds` thresholds: the counts of
    true/false positives/negatives at each give one point (ROC: false
    positive rate, true positive rate; PR: recall, precision; PRGAIN:
    recall gain, precision gain), and the area is a Riemann sum over them.
    More thresholds give a closer approximation of the exact area.

    Args:
        num_thresholds: The number of thresholds (> 1). They are evenly
            spaced in [0, 1] (the first and last moved by epsilon to
            `-epsilon` and `1 + epsilon`). Ignored when `thresholds` is
            given.
        curve: `"ROC"`, `"PR"` (precision-recall) or `"PRGAIN"`
            (precision-recall gain, Flach & Kull 2015).
        summation_method: How each interval between two thresholds is
            summed: `"interpolation"` (trapezoids for ROC; the Davis &
            Goadrich interpolation for PR), `"minoring"` (the lower of
            the two heights) or `"majoring"` (the higher).
        name: The metric's name (default `"auc"`, made unique).
        dtype: The dtype of the state and the result.
        thresholds: Explicit thresholds in [0, 1] (sorted here); the
            thresholds `-epsilon` and `1 + epsilon` are added, and
            `num_thresholds` becomes `len(thresholds) + 2`.
        multi_label: Whether `y_pred`'s last axis holds independent labels:
            one AUC per label, then averaged. When False every entry is
            pooled into one curve.
        num_labels: The number of labels with `multi_label` (default: from
            the first batch).
        label_weights: Weights of the labels: in the average of per-label
            AUCs with `multi_label`, else multiplied into the sample
            weights.
        from_logits: Whether `y_pred` holds logits (a sigmoid is applied).

    Example:

    >>> metric = keras_core.metrics.AUC(num_thresholds=3)
    >>> metric.update_state([0, 0, 1, 1], [0, 0.5, 0.3, 0.9])
    >>> float(metric.result())
    0.75
    """

    def __init__(
        self,
        num_thresholds=200,
        curve="ROC",
        summation_method="interpolation",
        name=None,
        dtype=None,
        thresholds=None,
        multi_label=False,
        num_labels=None,
        label_weights=None,
        from_logits=False,
    ):
        super().__init__(name=name, dtype=dtype)
        self.curve = _check_choice("curve", curve, _CURVES, str.upper)
        self.summation_method = _check_choice(
            "summation_method", summation_method, _SUMMATION_METHODS, str.lower
        )
        if thresholds is not None:
            interior = sorted(confusion_matrix.parse_thresholds("AUC", thresholds))
            num_thresholds = len(interior) + 2
        else:
            if (
                isinstance(num_thresholds, bool)
                or not isinstance(num_thresholds, numbers.Integral)
                or num_thresholds <= 1
            ):
                raise ValueError(
                    "AUC expects `num_thresholds` to be an integer > 1. "
                    f"Received: num_thresholds={num_thresholds!r}."
                )
            num_thresholds = int(num_thresholds)
            interior = [
                (i + 1) / (num_thresholds - 1) for i in range(num_thresholds - 2)
            ]
        self._init_thresholds = None if thresholds is None else interior
        self.num_thresholds = num_thresholds
        self._thresholds = [0.0 - epsilon(), *interior, 1.0 + epsilon()]
        self._evenly_spaced = confusion_matrix.is_evenly_spaced(self._thresholds)
        if num_labels is not None and not multi_label:
            raise ValueError(
                "AUC: `num_labels` is needed only when `multi_label` is True. "
                f"Received: num_labels={num_labels!r}, multi_label=False."
            )
        self.multi_label = bool(multi_label)
        self.num_labels = num_labels
        self.label_weights = (
            None if label_weights is None else [float(w) for w in label_weights]
        )
        self.from_logits = bool(from_logits)
        self._direction = "up"
        self.built = False
        if not self.multi_label:
            self._create_counts(None)
        elif num_labels is not None:
            self._create_counts(num_labels)

    @property
    def thresholds(self):
        """The thresholds, `-epsilon` and `1 + epsilon` included."""
        return list(self._thresholds)

    def _build(self, y_true_shape, y_pred_shape):
        """Creates the counts of a multi-label AUC for these shapes.

        The trainer calls it before tracing a step, where variables cannot
        be created; eager updates call it on the first batch.

        Args:
            y_true_shape: The shape of the labels (unused: `y_pred` sets
                the number of labels).
            y_pred_shape: The shape of the predictions; its last axis
                holds the labels.
        """
        del y_true_shape
        self._create_counts(y_pred_shape[-1] if len(y_pred_shape) > 1 else 1)

    def _create_counts(self, num_labels):
        shape = (self.num_thresholds,)
        if num_labels is not None:
            shape += (num_labels,)
        for count_name in confusion_matrix.ConfusionCounts._fields:
            variable = self.add_variable(
                shape=shape, initializer="zeros", name=count_name
            )
            setattr(self, count_name, variable)
        self.built = True

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Adds the batch's weighted counts at every threshold.

        Args:
            y_true: Labels; nonzero means positive.
            y_pred: Scores in [0, 1] (or logits with `from_logits`), the
                shape of `y_true`.
            sample_weight: Optional weights, per sample or per entry.
        """
        y_pred = ops.cast(ops.convert_to_tensor(y_pred), self.dtype)
        if self.from_logits:
            y_pred = ops.sigmoid(y_pred)
        counts = confusion_matrix.confusion_counts(
            "AUC",
            y_true,
            y_pred,
            self._thresholds,
            self.dtype,
            sample_weight=sample_weight,
            multi_label=self.multi_label,
            label_weights=self.label_weights,
            evenly_spaced=self._evenly_spaced,
        )
        if self.multi_label:
            num_labels = counts.true_positives.shape[-1]
            if not self.built:
                self._create_counts(num_labels)
            expected = self.true_positives.shape[-1]
            if num_labels != expected:
                raise ValueError(
                    f"AUC '{self.name}' counts {expected} labels (`num_labels` "
                    f"or the first batch) but received y_pred with "
                    f"{num_labels} labels on its last axis."
                )
        for count_name, count in zip(counts._fields, counts, strict=True):
            getattr(self, count_name).assign_add(count)

    def _curve_points(self, tp, fp, tn, fn):
        if self.curve == "ROC":
            x = ops.divide_no_nan(fp, fp + tn)
            y = ops.divide_no_nan(tp, tp + fn)
        elif self.curve == "PR":
            x = ops.divide_no_nan(tp, tp + fn)
            y = ops.divide_no_nan(tp, tp + fp)
        else:
            # Gains rescale precision and recall so that the positive rate
            # p / (p + n) maps to 0 and 1 stays 1: gain(v) = (v - pi) /
            # ((1 - pi) v), written with counts. As Keras does, recall
            # gains below 0 (recall under the positive rate) are clipped
            # and a threshold with no true positive has precision gain 1.
            positives = tp + fn
            negatives = fp + tn
            scaled_tp = tp * negatives
            y = 1.0 - ops.divide_no_nan(fp * positives, scaled_tp)
            x = ops.divide_no_nan(scaled_tp - fn * positives, scaled_tp)
            x = ops.clip(x, 0.0, 1.0)
        return x, y

    def result(self):
        """The area (one per label averaged when `multi_label`)."""
        if not self.built:
            return ops.zeros((), dtype=self.dtype)
        tp = ops.convert_to_tensor(self.true_positives)
        fp = ops.convert_to_tensor(self.false_positives)
        tn = ops.convert_to_tensor(self.true_negatives)
        fn = ops.convert_to_tensor(self.false_negatives)
        if self.curve == "PR" and self.summation_method == "interpolation":
            by_label = _interpolated_pr_area(tp, fp, fn)
        else:
            x, y = self._curve_points(tp, fp, tn, fn)
            if self.summation_method == "interpolation":
                heights = (y[:-1] + y[1:]) / 2.0
            elif self.summation_method == "minoring":
                heights = ops.minimum(y[:-1], y[1:])
            else:
                heights = ops.maximum(y[:-1], y[1:])
            # Thresholds increase, so x decreases along the axis.
            by_label = ops.sum((x[:-1] - x[1:]) * heights, axis=0)
        if not self.multi_label:
            return by_label
        if self.label_weights is None:
            return ops.mean(by_label)
        label_weights = ops.convert_to_tensor(self.label_weights, self.dtype)
        return ops.divide_no_nan(
            ops.sum(by_label * label_weights), ops.sum(label_weights)
        )

    def get_config(self):
        """The constructor arguments; `thresholds` only when given."""
        config = {
            **super().get_config(),
            "num_thresholds": self.num_thresholds,
            "curve": self.curve,
            "summation_method": self.summation_method,
            "multi_label": self.multi_label,
            "num_labels": self.num_labels,
            "label_weights": self.label_weights,
            "from_logits": self.from_logits,
        }
        if self._init_thresholds is not None:
            config["thresholds"] = list(self._init_thresholds)
        return config
