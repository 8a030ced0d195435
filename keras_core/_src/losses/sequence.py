"""Sequence losses: Connectionist Temporal Classification (CTC)."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.losses.loss import LossFunctionWrapper
from keras_core._src.losses.loss import convert_labels
from keras_core._src.losses.loss import convert_predictions
from keras_core._src.losses.loss import takes_integer_targets

__all__ = ["CTC", "ctc"]


@keras_public("keras.losses")
@takes_integer_targets
def ctc(y_true, y_pred):
    """CTC loss of label sequences under per-step class scores.

    Class 0 is the blank, and also the padding of `y_true`: the labels of
    a sample are its nonzero entries up to the first 0 (its length is its
    count of nonzero entries, as in Keras). Every step of `y_pred` is used.
    `y_pred` goes through a log-softmax (as `keras_core.ops.ctc_loss`), so
    softmax probabilities and logits are both accepted.

    Args:
        y_true: Integer labels `(batch, max_label_length)`, padded with 0.
        y_pred: Scores `(batch, max_time, num_classes)`.

    Returns:
        The loss of each sample, shape `(batch,)`.

    Example:

    >>> keras_core.losses.ctc([[1, 2]], keras_core.ops.zeros((1, 3, 3)))
    array([1.686399], dtype=float32)
    """
    y_pred = convert_predictions(y_pred)
    y_true = convert_labels(y_true)
    if len(y_true.shape) != 2 or len(y_pred.shape) != 3:
        raise ValueError(
            "`ctc`: expected `y_true` of shape (batch, max_label_length) and "
            "`y_pred` of shape (batch, max_time, num_classes). Received: "
            f"y_true.shape={tuple(y_true.shape)}, "
            f"y_pred.shape={tuple(y_pred.shape)}"
        )
    label_length = ops.sum(ops.cast(ops.not_equal(y_true, 0), "int32"), axis=-1)
    # Counted from the tensor, so that an unknown (symbolic) time works.
    input_length = ops.cast(ops.sum(ops.ones_like(y_pred[:, :, 0]), axis=1), "int32")
    return ops.ctc_loss(y_true, y_pred, label_length, input_length, mask_index=0)


@keras_public("keras.losses")
class CTC(LossFunctionWrapper):
    """CTC loss (see `keras_core.losses.ctc`).

    Args:
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.CTC()
    >>> round(float(loss([[1, 2]], keras_core.ops.zeros((1, 3, 3)))), 4)
    1.6864
    """

    def __init__(self, reduction="sum_over_batch_size", name="ctc", dtype=None):
        super().__init__(ctc, name=name, reduction=reduction, dtype=dtype)
