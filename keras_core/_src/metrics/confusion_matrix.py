"""Weighted true/false positive/negative counts at decision thresholds.

Every confusion-matrix metric (TruePositives ... AUC) reduces a batch to
four counts per threshold: a prediction is positive at threshold `t` when
`y_pred > t`, and a label is positive when `y_true != 0`.

Two ways to count, with the same result:

- Evenly spaced thresholds (`i / (n - 1)`, as AUC and the at-X metrics
  make by default): each prediction, clipped to [0, 1], falls in the bucket
  `ceil(y_pred * (n - 1))`; one segment sum builds the histogram of
  buckets and one cumulative sum gives every threshold's counts, in
  O(batch + n) instead of O(batch * n).
- Any other thresholds: a `(thresholds, batch)` comparison contracted with
  the weights.

As in Keras, only the evenly spaced path clips predictions into [0, 1];
with other thresholds a prediction of 1.5 is above a threshold of 1.0.
"""

import collections
import math
import numbers

from keras_core import ops

__all__ = [
    "TOP_K_THRESHOLD",
    "ConfusionCounts",
    "check_class_id",
    "check_top_k",
    "config_thresholds",
    "confusion_counts",
    "is_evenly_spaced",
    "parse_thresholds",
]

# With `top_k`, Keras keeps the k best scores as positives whatever their
# value: they are compared with this threshold, the others are dropped.
TOP_K_THRESHOLD = -1e10

ConfusionCounts = collections.namedtuple(
    "ConfusionCounts",
    ["true_positives", "false_positives", "true_negatives", "false_negatives"],
)


def _as_floats(thresholds):
    if isinstance(thresholds, (str, bool)):
        return None
    if isinstance(thresholds, numbers.Real):
        return [float(thresholds)]
    try:
        return [float(value) for value in thresholds]
    except (TypeError, ValueError):
        return None


def parse_thresholds(owner, thresholds, default=0.5):
    """The thresholds as a list of Python floats, each checked in [0, 1].

    Args:
        owner: The class name, for error messages.
        thresholds: None, a number, or a sequence of numbers.
        default: The threshold used when `thresholds` is None (it is not
            range-checked: top_k metrics use `TOP_K_THRESHOLD`).

    Returns:
        A non-empty list of floats.
    """
    if thresholds is None:
        return [float(default)]
    values = _as_floats(thresholds)
    if not values:
        raise ValueError(
            f"{owner} expects `thresholds` to be a float in [0, 1] or a "
            f"non-empty list of them. Received: thresholds={thresholds!r}."
        )
    invalid = [value for value in values if not 0.0 <= value <= 1.0]
    if invalid:
        raise ValueError(
            f"{owner}: threshold values must be in [0, 1]. Received: "
            f"thresholds={thresholds!r} (out of range: {invalid}). A "
            "prediction counts as positive when `y_pred > threshold`; "
            "apply a sigmoid to logits first."
        )
    return values


def config_thresholds(thresholds):
    """`thresholds` as `get_config` records it: None, a number or a list."""
    if thresholds is None or isinstance(thresholds, (int, float)):
        return thresholds
    if isinstance(thresholds, numbers.Real):
        return float(thresholds)
    return [float(value) for value in thresholds]


def is_evenly_spaced(thresholds):
    """Whether `thresholds` are `i / (n - 1)` for `i < n`, with n >= 3.

    AUC's end thresholds (`-epsilon`, `1 + epsilon`) pass as 0 and 1.
    """
    count = len(thresholds)
    if count < 3:
        return False
    return all(
        math.isclose(value, i / (count - 1), rel_tol=1e-5, abs_tol=1e-6)
        for i, value in enumerate(thresholds)
    )


def check_top_k(owner, top_k):
    """Validates `top_k`: None or a positive int."""
    if top_k is None:
        return None
    if isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < 1:
        raise ValueError(
            f"{owner} expects `top_k` to be None or a positive int. "
            f"Received: top_k={top_k!r}."
        )
    return top_k


def check_class_id(owner, class_id):
    """Validates `class_id`: None or a non-negative int."""
    if class_id is None:
        return None
    if isinstance(class_id, bool) or not isinstance(class_id, int) or class_id < 0:
        raise ValueError(
            f"{owner} expects `class_id` to be None or a non-negative int "
            f"(the index of a class along the last axis). Received: "
            f"class_id={class_id!r}."
        )
    return class_id


def _match_ranks(owner, y_true, y_pred):
    # A trailing axis of size 1 on one side only is dropped, so (batch,)
    # labels go with (batch, 1) predictions.
    true_rank, pred_rank = len(y_true.shape), len(y_pred.shape)
    if pred_rank == true_rank + 1 and y_pred.shape[-1] == 1:
        y_pred = ops.squeeze(y_pred, axis=-1)
    elif true_rank == pred_rank + 1 and y_true.shape[-1] == 1:
        y_true = ops.squeeze(y_true, axis=-1)
    true_shape, pred_shape = tuple(y_true.shape), tuple(y_pred.shape)
    compatible = len(true_shape) == len(pred_shape) and all(
        a is None or b is None or a == b
        for a, b in zip(true_shape, pred_shape, strict=True)
    )
    if not compatible:
        raise ValueError(
            f"{owner} expects `y_true` and `y_pred` of the same shape (up "
            f"to a trailing axis of size 1). Received: y_true.shape="
            f"{true_shape}, y_pred.shape={pred_shape}."
        )
    return y_true, y_pred


def _keep_top_k(owner, y_pred, top_k):
    num_classes = y_pred.shape[-1] if len(y_pred.shape) else None
    if num_classes is not None and top_k > num_classes:
        raise ValueError(
            f"{owner}: `top_k` ({top_k}) is larger than the number of "
            f"classes in `y_pred` (last axis of shape {tuple(y_pred.shape)})."
        )
    _, indices = ops.top_k(y_pred, top_k)
    in_top_k = ops.sum(ops.one_hot(indices, num_classes, dtype="int32"), axis=-2)
    return ops.where(in_top_k > 0, y_pred, float("-inf"))


def _select_class(owner, tensors, class_id):
    num_classes = tensors[0].shape[-1] if len(tensors[0].shape) else None
    if num_classes is None or class_id >= num_classes:
        raise ValueError(
            f"{owner}: `class_id={class_id}` needs `y_pred` with more than "
            f"{class_id} classes on its last axis. Received: y_pred.shape="
            f"{tuple(tensors[0].shape)}."
        )
    return [None if tensor is None else tensor[..., class_id] for tensor in tensors]


def _bucket_counts(y_pred, weighted, thresholds):
    # weighted: (samples, labels, 2), the weights of positive and negative
    # labels. A prediction is above threshold i when its bucket is > i.
    count = len(thresholds)
    num_labels = y_pred.shape[1]
    y_pred = ops.clip(ops.nan_to_num(y_pred, nan=0.0), 0.0, 1.0)
    buckets = ops.cast(ops.ceil(y_pred * (count - 1)), "int32")
    if thresholds[0] < 0.0:
        # AUC's first threshold is -epsilon: predictions of 0 (bucket 0)
        # are above it too, as if in bucket 1.
        buckets = ops.maximum(buckets, 1)
    if num_labels > 1:
        buckets = buckets * num_labels + ops.arange(num_labels, dtype="int32")
    histogram = ops.segment_sum(
        ops.reshape(weighted, (-1, 2)),
        ops.reshape(buckets, (-1,)),
        num_segments=count * num_labels,
    )
    at_or_below = ops.cumsum(ops.reshape(histogram, (count, num_labels, 2)), axis=0)
    # The total minus a running sum that reached it is exactly 0 (and the
    # total itself where the running sum is still 0): the at-X metrics'
    # constraints (e.g. recall >= 1) rely on such exact counts.
    above = at_or_below[-1:] - at_or_below
    return above, at_or_below


def _compared_counts(y_pred, weighted, thresholds, dtype):
    thresholds = ops.reshape(ops.convert_to_tensor(thresholds, dtype), (-1, 1, 1))
    is_above = ops.cast(ops.greater(y_pred[None], thresholds), dtype)
    above = ops.einsum("tsl,slc->tlc", is_above, weighted)
    # Counted directly, not as totals minus `above`: a count that should
    # be exactly 0 then is, which the at-X metrics' constraints rely on.
    below = ops.einsum("tsl,slc->tlc", 1.0 - is_above, weighted)
    return above, below


def confusion_counts(
    owner,
    y_true,
    y_pred,
    thresholds,
    dtype,
    sample_weight=None,
    top_k=None,
    class_id=None,
    multi_label=False,
    label_weights=None,
    evenly_spaced=False,
):
    """Weighted confusion-matrix counts of one batch, at every threshold.

    Args:
        owner: The class name, for error messages.
        y_true: Labels; nonzero means positive.
        y_pred: Scores, the same shape as `y_true` (a trailing axis of
            size 1 on one side is squeezed).
        thresholds: A list of floats: a prediction is positive at `t` when
            `y_pred > t`.
        dtype: The dtype of the counts.
        sample_weight: None, or weights broadcastable to the leading axes
            of `y_pred` (one per sample, or one per entry).
        top_k: If set, only the `top_k` highest scores of each row (last
            axis) can be positive.
        class_id: If set, only this class (index on the last axis) counts.
        multi_label: Whether to keep one count per label (last axis)
            instead of pooling all entries.
        label_weights: Per-label weights multiplied into the sample
            weights (used only when `multi_label` is False).
        evenly_spaced: Whether `thresholds` pass `is_evenly_spaced`;
            predictions are then clipped to [0, 1] and bucketed.

    Returns:
        A `ConfusionCounts` of tensors of shape `(len(thresholds),)`, or
        `(len(thresholds), labels)` when `multi_label`.
    """
    y_true = ops.convert_to_tensor(y_true)
    y_pred = ops.cast(ops.convert_to_tensor(y_pred), dtype)
    y_true, y_pred = _match_ranks(owner, y_true, y_pred)
    is_positive = ops.cast(ops.not_equal(y_true, 0), dtype)
    weights = None
    if sample_weight is not None:
        sample_weight = ops.cast(ops.convert_to_tensor(sample_weight), dtype)
        while len(sample_weight.shape) < len(y_pred.shape):
            sample_weight = ops.expand_dims(sample_weight, axis=-1)
        weights = sample_weight * ops.ones_like(y_pred)
    if top_k is not None:
        y_pred = _keep_top_k(owner, y_pred, top_k)
    if class_id is not None:
        is_positive, y_pred, weights = _select_class(
            owner, [is_positive, y_pred, weights], class_id
        )
    if label_weights is not None and not multi_label:
        label_weights = ops.cast(label_weights, dtype)
        weights = label_weights if weights is None else weights * label_weights
    if multi_label and len(y_pred.shape) > 1:
        num_labels = y_pred.shape[-1]
    else:
        num_labels = 1
    y_pred = ops.reshape(y_pred, (-1, num_labels))
    weighted = ops.stack([is_positive, 1.0 - is_positive], axis=-1)
    if weights is not None:
        weighted = weighted * ops.expand_dims(weights, axis=-1)
    weighted = ops.reshape(weighted, (-1, num_labels, 2))
    if evenly_spaced:
        above, below = _bucket_counts(y_pred, weighted, thresholds)
    else:
        above, below = _compared_counts(y_pred, weighted, thresholds, dtype)
    if not multi_label:
        above = ops.reshape(above, (len(thresholds), 2))
        below = ops.reshape(below, (len(thresholds), 2))
    return ConfusionCounts(
        true_positives=above[..., 0],
        false_positives=above[..., 1],
        true_negatives=below[..., 1],
        false_negatives=below[..., 0],
    )
