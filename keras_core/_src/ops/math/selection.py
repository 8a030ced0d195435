"""Top-k selection ops of `keras_core.ops`: top_k and in_top_k."""

from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.ops.op_definition import backend_op

__all__ = ["in_top_k", "top_k"]


def _check_k(k):
    if isinstance(k, bool) or not isinstance(k, int) or k < 0:
        raise ValueError(f"k must be an int >= 0. Received: k={k!r}")


def _top_k_rule(x, *, k):
    """Values keep x's dtype; indices are int32."""
    _check_k(k)
    dtype = result_type(x)
    return dtype, [dtype, "int32"]


def _in_top_k_rule(targets, predictions, *, k):
    """Targets read as int32, predictions as numbers; a boolean result."""
    _check_k(k)
    dtype = result_type(predictions)
    return ["int32", "int32" if dtype == "bool" else dtype], "bool"


@backend_op("math", _top_k_rule)
def top_k(x, k, sorted=True):
    """The `k` largest values along the last axis, and their indices.

    Values come in decreasing order (also with `sorted=False`, which only
    allows any order); among equal values the lower index comes first.

    Args:
        x: Tensor of shape `(..., n)`.
        k: Number of values to keep, at most `n`.
        sorted: Whether the values must come sorted.

    Returns:
        A tuple `(values, indices)` of shape `(..., k)`: values with `x`'s
        dtype, int32 indices.

    >>> values, indices = keras_core.ops.top_k([1.0, 4.0, 2.0], 2)
    >>> indices
    array([1, 2], dtype=int32)
    """


@backend_op("math", _in_top_k_rule, tensors=("targets", "predictions"))
def in_top_k(targets, predictions, k):
    """Whether each target class is among the `k` highest predictions.

    A target ranks within the top `k` when fewer than `k` predictions are
    strictly greater than its own: ties count in its favour.

    Args:
        targets: Integer tensor of shape `(batch,)`: class indices.
        predictions: Tensor of shape `(batch, classes)`.
        k: Number of top predictions to consider.

    Returns:
        A boolean tensor of shape `(batch,)`.

    >>> keras_core.ops.in_top_k([1, 0], [[0.1, 0.9], [0.1, 0.9]], 1)
    array([ True, False])
    """
