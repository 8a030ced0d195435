"""Connectionist Temporal Classification (CTC): loss and decoding.

`output`/`inputs` are unnormalized scores (logits) of shape
`(batch, max_time, num_classes)`; one class, `mask_index`, is the blank.
The loss runs the CTC forward recursion in log space on the log-softmax of
the logits. Decoding is greedy (best class per step, repeats merged, blanks
dropped) or a prefix beam search; decoded labels are padded with -1.
"""

import numpy as np

from keras_core._src.ops.op_definition import backend_op

__all__ = ["ctc_decode", "ctc_loss"]

_STRATEGIES = ("greedy", "beam_search")


def _compute_dtype(dtype):
    # float64 is kept for the backend: Keras's TensorFlow backend returns
    # float64 there, its other backends float32 (each backend table casts).
    return "float64" if dtype == "float64" else "float32"


def _loss_rule(target, output, target_length, output_length):
    """Labels and lengths as int32, logits as float32 (float64 kept).

    The result dtype is the backend table's: float32, or float64 for
    float64 logits on TensorFlow, as Keras 3.15 gives.
    """
    return ["int32", _compute_dtype(output), "int32", "int32"], None


def _decode_rule(inputs, sequence_lengths):
    """Logits as float32 (float64 kept), lengths as int32.

    int32 labels; scores in the backend table's dtype: float32, or float64
    for float64 logits on TensorFlow, as Keras 3.15 gives.
    """
    return [_compute_dtype(inputs), "int32"], None


def _shape(x):
    return tuple(x.shape) if hasattr(x, "shape") else tuple(np.shape(x))


def _check_rank(name, argument, value, rank, meaning):
    shape = _shape(value)
    if len(shape) != rank:
        raise ValueError(
            f"`{name}`: `{argument}` must have rank {rank} ({meaning}). "
            f"Received: {argument}.shape={shape}"
        )
    return shape


def _check_loss(target, output, target_length, output_length, **_):
    name = "ctc_loss"
    target_shape = _check_rank(name, "target", target, 2, "batch, labels")
    output_shape = _check_rank(name, "output", output, 3, "batch, time, classes")
    _check_rank(name, "target_length", target_length, 1, "batch")
    _check_rank(name, "output_length", output_length, 1, "batch")
    if None not in (target_shape[0], output_shape[0]) and (
        target_shape[0] != output_shape[0]
    ):
        raise ValueError(
            f"`{name}`: `target` and `output` must have the same batch size. "
            f"Received: target.shape={target_shape}, output.shape={output_shape}"
        )


@backend_op(
    "nn",
    _loss_rule,
    tensors=("target", "output", "target_length", "output_length"),
    check=_check_loss,
)
def ctc_loss(target, output, target_length, output_length, mask_index=0):
    """CTC loss: minus the log-probability of each target labelling.

    Sums the probabilities of every alignment of the first `target_length`
    labels to the first `output_length` steps of `softmax(output)`.

    Args:
        target: Integer tensor `(batch, max_label_length)` of labels
            (padding past `target_length` is ignored).
        output: Float tensor `(batch, max_time, num_classes)` of logits.
        target_length: Integer tensor `(batch,)`: labels in each target.
        output_length: Integer tensor `(batch,)`: steps in each output.
        mask_index: The class index of the blank.

    Returns:
        A float tensor `(batch,)` of losses. An impossible labelling (too
        long for its output) gives a very large loss (about 1e5).

    Example:

    >>> target = keras_core.ops.convert_to_tensor([[1, 2]])
    >>> output = keras_core.ops.zeros((1, 3, 3))
    >>> keras_core.ops.ctc_loss(target, output, [2], [3])  # -log(5/27)
    array([1.686399], dtype=float32)
    """


def _check_decode(inputs, sequence_lengths, strategy, beam_width, top_paths, **_):
    name = "ctc_decode"
    if strategy not in _STRATEGIES:
        raise ValueError(
            f"`{name}`: invalid strategy {strategy!r}. Supported values are "
            "'greedy' and 'beam_search'."
        )
    if strategy == "beam_search" and not (beam_width >= 1 and top_paths >= 1):
        raise ValueError(
            f"`{name}`: `beam_width` and `top_paths` must be at least 1. "
            f"Received: beam_width={beam_width}, top_paths={top_paths}"
        )
    _check_rank(name, "inputs", inputs, 3, "batch, time, classes")
    _check_rank(name, "sequence_lengths", sequence_lengths, 1, "batch")
    if strategy == "greedy":
        # Only used by the beam search: one canonical set of static
        # arguments, so greedy calls share one cached spec.
        return {"beam_width": 100, "top_paths": 1}
    return None


@backend_op(
    "nn", _decode_rule, tensors=("inputs", "sequence_lengths"), check=_check_decode
)
def ctc_decode(
    inputs,
    sequence_lengths,
    strategy="greedy",
    beam_width=100,
    top_paths=1,
    merge_repeated=True,
    mask_index=0,
):
    """Decodes CTC outputs into label sequences.

    `"greedy"` takes the best class at each step, merges repeats (if
    `merge_repeated`) and drops blanks; its score is minus the sum of the
    best logits. `"beam_search"` keeps the `beam_width` most probable
    label prefixes (each summing all its alignments) at every step and
    returns the `top_paths` best, with their log-probabilities (under the
    log-softmax of `inputs`) as scores; paths it could not fill are -1 with
    score `-inf`.

    Args:
        inputs: Float tensor `(batch, max_time, num_classes)` of logits.
        sequence_lengths: Integer tensor `(batch,)` of valid steps.
        strategy: `"greedy"` or `"beam_search"`.
        beam_width: Beams kept by the beam search.
        top_paths: Paths returned by the beam search (greedy gives 1).
        merge_repeated: Whether greedy decoding merges repeated classes.
        mask_index: The blank class; None means the last class.

    Returns:
        A tuple `(decoded, scores)`: int32 labels of shape
        `(top_paths, batch, max_time)` padded with -1, and float scores of
        shape `(batch, top_paths)`.

    Example:

    >>> logits = keras_core.ops.convert_to_tensor([[[0., 5., 0.], [5., 0., 0.],
    ...                                              [0., 0., 5.]]])
    >>> decoded, scores = keras_core.ops.ctc_decode(logits, [3])
    >>> decoded
    array([[[ 1,  2, -1]]], dtype=int32)
    """
