"""Accuracy metrics: exact, binary, categorical, sparse and top-k matches.

Each function returns one value per sample (1.0 for a match, 0.0 for a
miss) in floatx; each class is the weighted mean of its function over the
batches it sees.
"""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.config import floatx
from keras_core._src.metrics.reduction_metrics import MeanMetricWrapper

__all__ = [
    "Accuracy",
    "BinaryAccuracy",
    "CategoricalAccuracy",
    "SparseCategoricalAccuracy",
    "SparseTopKCategoricalAccuracy",
    "TopKCategoricalAccuracy",
    "binary_accuracy",
    "categorical_accuracy",
    "sparse_categorical_accuracy",
    "sparse_top_k_categorical_accuracy",
    "top_k_categorical_accuracy",
]


def _expand_to_same_rank(y_true, y_pred):
    # Labels of shape (batch,) against predictions of shape (batch, 1), or
    # the reverse, are the same column: give the lower-ranked one the
    # trailing axis of size 1 so the comparison does not broadcast to a
    # (batch, batch) grid.
    true_rank, pred_rank = len(y_true.shape), len(y_pred.shape)
    if true_rank == pred_rank + 1 and y_true.shape[-1] == 1:
        y_pred = ops.expand_dims(y_pred, axis=-1)
    elif pred_rank == true_rank + 1 and y_pred.shape[-1] == 1:
        y_true = ops.expand_dims(y_true, axis=-1)
    return y_true, y_pred


def _check_broadcastable(function_name, y_true, y_pred):
    true_shape, pred_shape = tuple(y_true.shape), tuple(y_pred.shape)
    # Trailing axes pair up, as in broadcasting; extra leading ones are free.
    pairs = zip(true_shape[::-1], pred_shape[::-1], strict=False)
    for true_dim, pred_dim in pairs:
        if None in (true_dim, pred_dim) or 1 in (true_dim, pred_dim):
            continue
        if true_dim != pred_dim:
            raise ValueError(
                f"{function_name} expects `y_true` and `y_pred` of the same "
                f"shape (or broadcastable shapes). Received: y_true.shape="
                f"{true_shape}, y_pred.shape={pred_shape}. Pass labels and "
                "predictions with one entry per prediction."
            )


def _class_ids_for(function_name, y_true, y_pred):
    """`y_true` as class ids of shape `y_pred.shape[:-1]`, and its old rank."""
    true_rank, pred_rank = len(y_true.shape), len(y_pred.shape)
    squeezed = true_rank == pred_rank and true_rank > 0 and y_true.shape[-1] == 1
    if squeezed:
        y_true = ops.squeeze(y_true, axis=-1)
    if pred_rank == 0 or len(y_true.shape) != pred_rank - 1:
        raise ValueError(
            f"{function_name} expects class ids `y_true` of shape "
            "`y_pred.shape[:-1]` (or with a trailing axis of size 1) and "
            "scores `y_pred` with one entry per class on the last axis. "
            f"Received: y_true.shape={tuple(y_true.shape)}, "
            f"y_pred.shape={tuple(y_pred.shape)}. For one-hot labels use the "
            "categorical (non-sparse) version."
        )
    return y_true, squeezed


def _check_k(owner, k):
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError(
            f"{owner} expects `k` to be a positive integer (how many of the "
            f"highest scores count as a match). Received: k={k!r}."
        )


def _in_top_k(class_ids, scores, k):
    """Whether each id's score is among the `k` highest (ties count as in).

    A class is in the top k when fewer than k classes score strictly
    higher: every class tied at the boundary is in, on every backend
    alike. Ids outside `[0, num_classes)` never match.
    """
    num_classes = scores.shape[-1]
    class_ids = ops.cast(class_ids, "int32")
    valid = ops.logical_and(
        ops.greater_equal(class_ids, 0), ops.less(class_ids, num_classes)
    )
    safe_ids = ops.where(valid, class_ids, ops.zeros_like(class_ids))
    target_scores = ops.take_along_axis(
        scores, ops.expand_dims(safe_ids, axis=-1), axis=-1
    )
    higher = ops.sum(ops.cast(ops.greater(scores, target_scores), "int32"), axis=-1)
    return ops.logical_and(valid, ops.less(higher, k))


def _accuracy(y_true, y_pred):
    """1.0 where `y_pred` equals `y_true`, else 0.0 (for `Accuracy`)."""
    y_true = ops.convert_to_tensor(y_true)
    y_pred = ops.convert_to_tensor(y_pred)
    y_true, y_pred = _expand_to_same_rank(y_true, y_pred)
    _check_broadcastable("Accuracy", y_true, y_pred)
    return ops.cast(ops.equal(y_true, y_pred), floatx())


@keras_public("keras.metrics")
def binary_accuracy(y_true, y_pred, threshold=0.5):
    """1.0 where `y_pred > threshold` matches the 0/1 label, else 0.0.

    Args:
        y_true: Labels, 0 or 1 (or booleans).
        y_pred: Predicted probabilities (or logits, with `threshold=0`),
            of the shape of `y_true`.
        threshold: A prediction strictly above it counts as 1.

    Returns:
        A floatx tensor of the shape of the inputs, one entry per label.

    Example:

    >>> keras_core.metrics.binary_accuracy([1.0, 0.0, 1.0], [0.7, 0.6, 0.2])
    array([1., 0., 0.], dtype=float32)
    """
    y_true = ops.convert_to_tensor(y_true)
    y_pred = ops.convert_to_tensor(y_pred)
    y_true, y_pred = _expand_to_same_rank(y_true, y_pred)
    _check_broadcastable("binary_accuracy", y_true, y_pred)
    predicted = ops.cast(ops.greater(y_pred, threshold), y_true.dtype)
    return ops.cast(ops.equal(y_true, predicted), floatx())


@keras_public("keras.metrics")
def sparse_categorical_accuracy(y_true, y_pred):
    """1.0 where the highest-scoring class is the label, else 0.0.

    Args:
        y_true: Integer class ids of shape `y_pred.shape[:-1]` (a trailing
            axis of size 1 is also accepted; float ids are compared as
            they are).
        y_pred: Scores with one entry per class on the last axis.

    Returns:
        A floatx tensor of shape `y_pred.shape[:-1]`.

    Example:

    >>> keras_core.metrics.sparse_categorical_accuracy(
    ...     [2, 1], [[0.1, 0.9, 0.8], [0.05, 0.95, 0.0]])
    array([0., 1.], dtype=float32)
    """
    y_true = ops.convert_to_tensor(y_true)
    y_pred = ops.convert_to_tensor(y_pred)
    y_true, _ = _class_ids_for("sparse_categorical_accuracy", y_true, y_pred)
    predicted = ops.cast(ops.argmax(y_pred, axis=-1), y_true.dtype)
    return ops.cast(ops.equal(y_true, predicted), floatx())


@keras_public("keras.metrics")
def categorical_accuracy(y_true, y_pred):
    """1.0 where the highest-scoring class is the one-hot label, else 0.0.

    Args:
        y_true: One-hot labels, of the shape of `y_pred`.
        y_pred: Scores with one entry per class on the last axis.

    Returns:
        A floatx tensor of shape `y_pred.shape[:-1]`.

    Example:

    >>> keras_core.metrics.categorical_accuracy(
    ...     [[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0.0]])
    array([0., 1.], dtype=float32)
    """
    y_true = ops.convert_to_tensor(y_true)
    y_pred = ops.convert_to_tensor(y_pred)
    _check_one_hot_shape("categorical_accuracy", y_true, y_pred)
    return sparse_categorical_accuracy(ops.argmax(y_true, axis=-1), y_pred)


def _check_one_hot_shape(function_name, y_true, y_pred):
    if len(y_true.shape) != len(y_pred.shape) or len(y_pred.shape) == 0:
        raise ValueError(
            f"{function_name} expects one-hot labels `y_true` of the shape of "
            f"`y_pred` (one entry per class on the last axis). Received: "
            f"y_true.shape={tuple(y_true.shape)}, "
            f"y_pred.shape={tuple(y_pred.shape)}. For integer class ids use "
            "the sparse version."
        )


@keras_public("keras.metrics")
def sparse_top_k_categorical_accuracy(y_true, y_pred, k=5, from_sorted_ids=False):
    """1.0 where the label is among the `k` highest-scoring classes.

    Args:
        y_true: Integer class ids of shape `y_pred.shape[:-1]` (a trailing
            axis of size 1 is also accepted, and kept in the result).
        y_pred: Scores with one entry per class on the last axis; or, with
            `from_sorted_ids=True`, class ids sorted from the most to the
            least likely (as `ops.top_k` returns), of which the first `k`
            are read.
        k: How many of the highest scores count as a match. Classes tied
            with the k-th highest score count too.
        from_sorted_ids: Whether `y_pred` holds sorted class ids rather
            than scores.

    Returns:
        A floatx tensor of the shape of `y_true`.

    Example:

    >>> keras_core.metrics.sparse_top_k_categorical_accuracy(
    ...     [2, 0], [[0.1, 0.9, 0.8], [0.05, 0.95, 0.5]], k=2)
    array([1., 0.], dtype=float32)
    """
    _check_k("sparse_top_k_categorical_accuracy", k)
    y_true = ops.convert_to_tensor(y_true)
    y_pred = ops.convert_to_tensor(y_pred)
    class_ids, squeezed = _class_ids_for(
        "sparse_top_k_categorical_accuracy", y_true, y_pred
    )
    if from_sorted_ids:
        top_ids = y_pred[..., :k]
        matches = ops.any(
            ops.equal(ops.expand_dims(class_ids, axis=-1), top_ids), axis=-1
        )
    else:
        matches = _in_top_k(class_ids, y_pred, k)
    if squeezed:
        matches = ops.expand_dims(matches, axis=-1)
    return ops.cast(matches, floatx())


@keras_public("keras.metrics")
def top_k_categorical_accuracy(y_true, y_pred, k=5):
    """1.0 where the one-hot label is among the `k` highest-scoring classes.

    Args:
        y_true: One-hot labels, of the shape of `y_pred`.
        y_pred: Scores with one entry per class on the last axis.
        k: How many of the highest scores count as a match. Classes tied
            with the k-th highest score count too.

    Returns:
        A floatx tensor of shape `y_pred.shape[:-1]`.

    Example:

    >>> keras_core.metrics.top_k_categorical_accuracy(
    ...     [[0, 0, 1], [1, 0, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0.5]], k=2)
    array([1., 0.], dtype=float32)
    """
    _check_k("top_k_categorical_accuracy", k)
    y_true = ops.convert_to_tensor(y_true)
    y_pred = ops.convert_to_tensor(y_pred)
    _check_one_hot_shape("top_k_categorical_accuracy", y_true, y_pred)
    matches = _in_top_k(ops.argmax(y_true, axis=-1), y_pred, k)
    return ops.cast(matches, floatx())


@keras_public("keras.metrics")
class Accuracy(MeanMetricWrapper):
    """How often predictions equal labels exactly.

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.Accuracy()
    >>> metric.update_state([1, 2, 3, 4], [0, 2, 3, 4])
    >>> float(metric.result())
    0.75
    """

    def __init__(self, name="accuracy", dtype=None):
        super().__init__(fn=_accuracy, name=name, dtype=dtype)
        self._direction = "up"


@keras_public("keras.metrics")
class BinaryAccuracy(MeanMetricWrapper):
    """How often thresholded predictions match binary labels.

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.
        threshold: A prediction strictly above it counts as 1 (use 0 for
            logits).

    Example:

    >>> metric = keras_core.metrics.BinaryAccuracy()
    >>> metric.update_state([[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]])
    >>> float(metric.result())
    0.75
    """

    def __init__(self, name="binary_accuracy", dtype=None, threshold=0.5):
        if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
            raise ValueError(
                "BinaryAccuracy expects `threshold` to be a number (a "
                "prediction strictly above it counts as 1). Received: "
                f"threshold={threshold!r}."
            )
        super().__init__(
            fn=binary_accuracy, name=name, dtype=dtype, threshold=threshold
        )
        self._direction = "up"


@keras_public("keras.metrics")
class CategoricalAccuracy(MeanMetricWrapper):
    """How often the highest-scoring class is the one-hot label.

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.CategoricalAccuracy()
    >>> metric.update_state([[0, 0, 1], [0, 1, 0]],
    ...                     [[0.1, 0.9, 0.8], [0.05, 0.95, 0.0]])
    >>> float(metric.result())
    0.5
    """

    def __init__(self, name="categorical_accuracy", dtype=None):
        super().__init__(fn=categorical_accuracy, name=name, dtype=dtype)
        self._direction = "up"


@keras_public("keras.metrics")
class SparseCategoricalAccuracy(MeanMetricWrapper):
    """How often the highest-scoring class is the integer label.

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.SparseCategoricalAccuracy()
    >>> metric.update_state([[2], [1]], [[0.1, 0.6, 0.3], [0.05, 0.95, 0.0]])
    >>> float(metric.result())
    0.5
    """

    def __init__(self, name="sparse_categorical_accuracy", dtype=None):
        super().__init__(fn=sparse_categorical_accuracy, name=name, dtype=dtype)
        self._direction = "up"


@keras_public("keras.metrics")
class TopKCategoricalAccuracy(MeanMetricWrapper):
    """How often the one-hot label is among the `k` highest scores.

    Args:
        k: How many of the highest scores count as a match.
        name: The metric's name.
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.TopKCategoricalAccuracy(k=1)
    >>> metric.update_state([[0, 0, 1], [0, 1, 0]],
    ...                     [[0.1, 0.9, 0.8], [0.05, 0.95, 0.0]])
    >>> float(metric.result())
    0.5
    """

    def __init__(self, k=5, name="top_k_categorical_accuracy", dtype=None):
        _check_k("TopKCategoricalAccuracy", k)
        super().__init__(fn=top_k_categorical_accuracy, name=name, dtype=dtype, k=k)
        self._direction = "up"


@keras_public("keras.metrics")
class SparseTopKCategoricalAccuracy(MeanMetricWrapper):
    """How often the integer label is among the `k` highest scores.

    Args:
        k: How many of the highest scores count as a match.
        name: The metric's name.
        dtype: The dtype of the state and the result.
        from_sorted_ids: Whether `y_pred` holds class ids sorted from the
            most to the least likely (as `ops.top_k` returns) instead of
            scores.

    Example:

    >>> metric = keras_core.metrics.SparseTopKCategoricalAccuracy(k=1)
    >>> metric.update_state([2, 1], [[0.1, 0.9, 0.8], [0.05, 0.95, 0.0]])
    >>> float(metric.result())
    0.5
    """

    def __init__(
        self,
        k=5,
        name="sparse_top_k_categorical_accuracy",
        dtype=None,
        from_sorted_ids=False,
    ):
        _check_k("SparseTopKCategoricalAccuracy", k)
        super().__init__(
            fn=sparse_top_k_categorical_accuracy,
            name=name,
            dtype=dtype,
            k=k,
            from_sorted_ids=from_sorted_ids,
        )
        self._direction = "up"

    def get_config(self):
        """`name`, `dtype`, `k`, and `from_sorted_ids` when it is True."""
        config = super().get_config()
        # Keras writes the flag only when set; configs stay identical.
        if not config["from_sorted_ids"]:
            del config["from_sorted_ids"]
        return config
