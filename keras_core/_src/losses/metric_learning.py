"""Metric learning losses: Circle loss (Sun et al., 2020).

Embeddings are compared by the cosine distance `d = max(1 - <x, y>, 0)`
(the dot product is not normalized: pass unit-norm embeddings). Pairs of
the same label are positives, the others negatives; each query's loss is

    softplus(logsumexp_p(gamma * a_p * (d_p - margin))
             + logsumexp_n(gamma * a_n * (1 - margin - d_n)))

with `a_p = relu(d_p + margin)` and `a_n = relu(1 + margin - d_n)`. A query
without positive (or negative) pairs has a loss of 0 and, through a
`Loss`, is left out of the mean.
"""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers import call_context as call_context_lib
from keras_core._src.losses.loss import LossFunctionWrapper
from keras_core._src.losses.loss import convert_labels
from keras_core._src.losses.loss import convert_predictions
from keras_core._src.losses.loss import takes_integer_targets

__all__ = ["Circle", "circle"]


def _flat_labels(labels, owner):
    labels = convert_labels(labels)
    if len(labels.shape) == 2 and labels.shape[-1] == 1:
        labels = ops.squeeze(labels, axis=-1)
    if len(labels.shape) != 1:
        raise ValueError(
            f"`{owner}`: labels must have shape (batch,) or (batch, 1). "
            f"Received: labels.shape={tuple(labels.shape)}"
        )
    return labels


def _masked_logsumexp(values, mask):
    # Rows without any selected entry give -inf, with finite gradients
    # everywhere (a plain logsumexp over -inf entries gives NaN ones).
    has_any = ops.any(mask, axis=1)
    masked = ops.where(mask, values, float("-inf"))
    peak = ops.stop_gradient(ops.max(masked, axis=1, keepdims=True))
    peak = ops.where(ops.isfinite(peak), peak, ops.zeros_like(peak))
    total = ops.sum(ops.exp(masked - peak), axis=1)
    total = ops.where(has_any, total, ops.ones_like(total))
    result = ops.squeeze(peak, axis=1) + ops.log(total)
    return ops.where(has_any, result, float("-inf"))


@keras_public("keras.losses")
@takes_integer_targets
def circle(
    y_true,
    y_pred,
    ref_labels=None,
    ref_embeddings=None,
    remove_diagonal=True,
    gamma=80,
    margin=0.4,
):
    """Circle loss of each query embedding against reference embeddings.

    Args:
        y_true: Integer labels of the queries, `(batch,)` or `(batch, 1)`.
        y_pred: Query embeddings `(batch, dim)`, normally L2-normalized.
        ref_labels: Labels of the references (default: `y_true`).
        ref_embeddings: Reference embeddings `(num_refs, dim)` (default:
            `y_pred`).
        remove_diagonal: Whether pair `(i, i)` is not a positive (a query
            compared with itself when the references are the queries).
        gamma: The scale of the pair similarities.
        margin: The relaxation margin, `m` in the paper.

    Returns:
        The loss of each query, shape `(batch,)`.

    Example:

    >>> embeddings = keras_core.ops.normalize(
    ...     keras_core.ops.convert_to_tensor([[1.0, 0.0], [1.0, 0.2],
    ...                                       [0.0, 1.0]]))
    >>> loss = keras_core.losses.circle([0, 0, 1], embeddings, gamma=2.0)
    >>> [round(float(value), 2) for value in loss]
    [0.42, 0.45, 0.0]
    """
    y_pred = convert_predictions(y_pred)
    y_true = _flat_labels(y_true, "circle")
    if ref_embeddings is None:
        ref_embeddings = y_pred
    else:
        ref_embeddings = ops.cast(ops.convert_to_tensor(ref_embeddings), y_pred.dtype)
    ref_labels = y_true if ref_labels is None else _flat_labels(ref_labels, "circle")

    distances = ops.maximum(
        1.0 - ops.matmul(y_pred, ops.transpose(ref_embeddings)), 0.0
    )
    same_label = ops.equal(ops.expand_dims(y_true, 1), ops.expand_dims(ref_labels, 0))
    negative = ops.logical_not(same_label)
    positive = same_label
    if remove_diagonal:
        # Indices from cumulative sums work for unknown (symbolic) sizes.
        rows = ops.cumsum(ops.ones_like(y_true), axis=0) - 1
        columns = ops.cumsum(ops.ones_like(ref_labels), axis=0) - 1
        diagonal = ops.equal(ops.expand_dims(rows, 1), ops.expand_dims(columns, 0))
        positive = ops.logical_and(positive, ops.logical_not(diagonal))
    positive_terms = gamma * ops.relu(distances + margin) * (distances - margin)
    negative_terms = (
        gamma * ops.relu(1.0 + margin - distances) * (1.0 - margin - distances)
    )
    losses = ops.softplus(
        _masked_logsumexp(positive_terms, positive)
        + _masked_logsumexp(negative_terms, negative)
    )
    call_context_lib.set_mask(
        losses, losses > 0, getattr(call_context_lib.THREAD, "context", None)
    )
    return losses


@keras_public("keras.losses")
class Circle(LossFunctionWrapper):
    """Circle loss over the pairs of a batch (see `keras_core.losses.circle`).

    Queries without a positive or negative pair in the batch are left out
    of the mean.

    Args:
        gamma: The scale of the pair similarities.
        margin: The relaxation margin.
        remove_diagonal: Whether a sample is not its own positive.
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        dtype: The dtype of the computation.

    Example:

    >>> embeddings = keras_core.ops.normalize(
    ...     keras_core.ops.convert_to_tensor([[1.0, 0.0], [1.0, 0.2],
    ...                                       [0.0, 1.0]]))
    >>> loss = keras_core.losses.Circle(gamma=2.0)
    >>> round(float(loss([0, 0, 1], embeddings)), 2)
    0.44
    """

    def __init__(
        self,
        gamma=80.0,
        margin=0.4,
        remove_diagonal=True,
        reduction="sum_over_batch_size",
        name="circle",
        dtype=None,
    ):
        super().__init__(
            circle,
            name=name,
            reduction=reduction,
            dtype=dtype,
            gamma=gamma,
            margin=margin,
            remove_diagonal=remove_diagonal,
        )
