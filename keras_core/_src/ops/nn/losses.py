"""Crossentropy losses of `keras_core.ops.nn`, computed per sample.

`output` holds probabilities, or logits with `from_logits=True` (then the
log-sigmoid / log-softmax is taken in a numerically stable way, so huge
logits give finite losses). Probabilities are clipped to
`[epsilon, 1 - epsilon]` (`keras_core.config.epsilon()`) before the log, as
Keras does, so a confident wrong prediction costs about `-log(epsilon)`
rather than infinity. Categorical outputs are also rescaled to sum to 1
along `axis`. Nothing is averaged: the losses keep the sample axes.
"""

import numpy as np

from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.ops.numpy.manipulation import squeeze
from keras_core._src.ops.op_definition import backend_op

__all__ = [
    "binary_crossentropy",
    "categorical_crossentropy",
    "sparse_categorical_crossentropy",
]


def _binary_rule(target, output):
    """Both inputs and the loss in their promoted float dtype.

    As Keras: integer pairs give floatx, and a float16 `output` with an
    integer `target` stays float16.
    """
    dtype = result_type(target, output, float)
    return dtype, dtype


def _categorical_rule(target, output):
    """An integer `output` is read as floatx, then promoted with `target`.

    Keras rescales `output` by its sum before anything else, which makes
    integer outputs floatx whatever the target (float16 target with int32
    output gives float32, unlike `binary_crossentropy`).
    """
    dtype = result_type(target, result_type(output, float))
    return dtype, dtype


def _sparse_rule(target, output):
    """Class indices as int32; the loss in float32 (float64 kept as float64).

    Keras computes the sparse loss in at least float32 whatever the float
    dtype of `output` (on its NumPy and JAX backends).
    """
    dtype = result_type(output, "float32")
    return ["int32", dtype], dtype


def _shape(x):
    return tuple(x.shape) if hasattr(x, "shape") else tuple(np.shape(x))


def _same(a, b):
    # Unknown (None) dimensions of symbolic inputs match anything.
    return len(a) == len(b) and all(
        x is None or y is None or x == y for x, y in zip(a, b, strict=True)
    )


def _check_same_shape(name, target, output, need_axis=None):
    target_shape, output_shape = _shape(target), _shape(output)
    if not _same(target_shape, output_shape):
        raise ValueError(
            f"`{name}`: arguments `target` and `output` must have the same "
            f"shape. Received: target.shape={target_shape}, "
            f"output.shape={output_shape}"
        )
    if need_axis is not None and not output_shape:
        raise ValueError(
            f"`{name}`: `output` needs at least one axis (the classes, "
            f"axis={need_axis}). Received: output.shape={output_shape}"
        )


def _check_binary(target, output, **_):
    _check_same_shape("binary_crossentropy", target, output)


@backend_op("nn", _binary_rule, tensors=("target", "output"), check=_check_binary)
def binary_crossentropy(target, output, from_logits=False):
    """Binary crossentropy between targets and predicted probabilities.

    Computed elementwise: `-(target * log(output) + (1 - target) *
    log(1 - output))`, with `output` clipped to `[epsilon, 1 - epsilon]`.

    Args:
        target: Tensor of targets in `[0, 1]`.
        output: Tensor of the same shape: probabilities, or logits if
            `from_logits`.
        from_logits: Whether `output` holds logits (the stable formula
            `max(x, 0) - x * target + log(1 + exp(-|x|))` is used).

    Returns:
        A tensor of the shape of `target`: the loss of each element.

    Example:

    >>> target = keras_core.ops.convert_to_tensor([0.0, 1.0])
    >>> output = keras_core.ops.convert_to_tensor([0.5, 0.5])
    >>> keras_core.ops.binary_crossentropy(target, output)
    array([0.6931472, 0.6931472], dtype=float32)
    """


def _check_categorical(target, output, axis, **_):
    _check_same_shape("categorical_crossentropy", target, output, need_axis=axis)


@backend_op(
    "nn", _categorical_rule, tensors=("target", "output"), check=_check_categorical
)
def categorical_crossentropy(target, output, from_logits=False, axis=-1):
    """Categorical crossentropy between one-hot (or soft) targets and outputs.

    `-sum(target * log(p), axis)`, where `p` is `softmax(output)` if
    `from_logits`, else `output` rescaled to sum to 1 along `axis` and
    clipped to `[epsilon, 1 - epsilon]`.

    Args:
        target: Tensor of class probabilities (one-hot or soft).
        output: Tensor of the same shape: probabilities, or logits if
            `from_logits`.
        from_logits: Whether `output` holds logits.
        axis: The class axis.

    Returns:
        A tensor of the shape of `target` without `axis`.

    Example:

    >>> target = keras_core.ops.convert_to_tensor([[0.0, 1.0], [1.0, 0.0]])
    >>> output = keras_core.ops.convert_to_tensor([[0.5, 0.5], [0.8, 0.2]])
    >>> keras_core.ops.categorical_crossentropy(target, output)
    array([0.6931472 , 0.22314353], dtype=float32)
    """


def _check_sparse(target, output, axis, **_):
    """Checks shapes; drops a trailing length-1 axis of `target`, as Keras."""
    name = "sparse_categorical_crossentropy"
    target_shape, output_shape = _shape(target), _shape(output)
    if not output_shape:
        raise ValueError(
            f"`{name}`: `output` needs at least one axis (the classes, "
            f"axis={axis}). Received: output.shape={output_shape}"
        )
    if not -len(output_shape) <= axis < len(output_shape):
        raise ValueError(
            f"`{name}`: axis={axis} is out of range for output.shape={output_shape}."
        )
    expected = list(output_shape)
    del expected[axis]
    if (
        len(target_shape) == len(output_shape)
        and target_shape
        and target_shape[-1] == 1
        and _same(target_shape[:-1], tuple(expected))
    ):
        # Keras accepts targets with a trailing length-1 axis.
        target = squeeze(target, axis=-1)
        target_shape = target_shape[:-1]
    if not _same(target_shape, tuple(expected)):
        raise ValueError(
            f"`{name}`: `target` must have the shape of `output` without its "
            f"class axis (axis={axis}). Received: target.shape={target_shape}, "
            f"output.shape={output_shape}"
        )
    return {"target": target}


@backend_op("nn", _sparse_rule, tensors=("target", "output"), check=_check_sparse)
def sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1):
    """Categorical crossentropy with integer class indices as targets.

    The loss of each sample is `-log(p[target])` along `axis`, `p` as in
    `categorical_crossentropy`. Indices outside `[0, classes)` match no
    class and give a loss of 0.

    Args:
        target: Integer tensor of class indices, of the shape of `output`
            without `axis` (a trailing axis of length 1 is also accepted).
        output: Tensor of probabilities, or logits if `from_logits`.
        from_logits: Whether `output` holds logits.
        axis: The class axis of `output`.

    Returns:
        A tensor of the shape of `target` (trailing length-1 axis dropped).

    Example:

    >>> target = keras_core.ops.convert_to_tensor([1, 0])
    >>> output = keras_core.ops.convert_to_tensor([[0.5, 0.5], [0.8, 0.2]])
    >>> keras_core.ops.sparse_categorical_crossentropy(target, output)
    array([0.6931472 , 0.22314353], dtype=float32)
    """
