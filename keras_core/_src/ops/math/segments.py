"""Segment reductions of `keras_core.ops`: segment_sum, segment_prod,
segment_max and segment_min.

Rows of `data` with the same id in `segment_ids` are reduced together; the
result has one row per segment, `num_segments` of them (by default the
largest id plus one: the output shape then depends on the ids' values and
the op cannot run inside jax.jit / XLA). Empty segments hold the
reduction's identity: 0, 1, the lowest or the highest value of the dtype
(-inf / inf for floats). Ids outside `[0, num_segments)` are dropped.
"""

from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.ops.op_definition import backend_op

__all__ = ["segment_max", "segment_min", "segment_prod", "segment_sum"]


def _check_static(num_segments, sorted):
    if num_segments is not None and (
        not isinstance(num_segments, int) or num_segments < 0
    ):
        raise ValueError(
            f"num_segments must be None or an int >= 0. Received: {num_segments!r}"
        )
    if not isinstance(sorted, bool):
        raise ValueError(f"sorted must be a bool. Received: {sorted!r}")


def _arithmetic_rule(data, segment_ids, *, num_segments, sorted):
    """data keeps its dtype (booleans refused), ids are read as int32."""
    _check_static(num_segments, sorted)
    dtype = result_type(data)
    if dtype == "bool":
        raise TypeError("boolean data cannot be summed or multiplied.")
    return [dtype, "int32"], dtype


def _order_rule(data, segment_ids, *, num_segments, sorted):
    """data keeps its dtype (booleans too), ids are read as int32."""
    _check_static(num_segments, sorted)
    dtype = result_type(data)
    return [dtype, "int32"], dtype


def _segments_spec(data, segment_ids, num_segments=None, sorted=False):
    # Without num_segments the number of rows depends on the ids' values.
    return KerasTensor((num_segments, *data.shape[1:]), dtype=data.dtype)


_SEGMENT_ARGS = """
    Args:
        data: Tensor of shape `(n, ...)`.
        segment_ids: Integer tensor of shape `(n,)`: each row's segment.
        num_segments: Number of segments; None for the largest id plus one
            (not inside compiled functions).
        sorted: Whether `segment_ids` are sorted (a hint for speed).

    Returns:
        A tensor of shape `(num_segments, ...)` with `data`'s dtype.
"""


@backend_op(
    "math",
    _arithmetic_rule,
    tensors=("data", "segment_ids"),
    output_spec=_segments_spec,
)
def segment_sum(data, segment_ids, num_segments=None, sorted=False):
    """Sums of the rows of `data` in each segment (0 for empty segments).
    {args}
    >>> keras_core.ops.segment_sum([1.0, 2.0, 3.0], [0, 0, 2])
    array([3., 0., 3.], dtype=float32)
    """


@backend_op(
    "math",
    _arithmetic_rule,
    tensors=("data", "segment_ids"),
    output_spec=_segments_spec,
)
def segment_prod(data, segment_ids, num_segments=None, sorted=False):
    """Products of the rows of `data` in each segment (1 for empty segments).
    {args}
    >>> keras_core.ops.segment_prod([2.0, 3.0, 4.0], [0, 0, 1])
    array([6., 4.], dtype=float32)
    """


@backend_op(
    "math", _order_rule, tensors=("data", "segment_ids"), output_spec=_segments_spec
)
def segment_max(data, segment_ids, num_segments=None, sorted=False):
    """Maxima of the rows of `data` in each segment.

    Empty segments hold the dtype's lowest value (-inf for floats).
    {args}
    >>> keras_core.ops.segment_max([1.0, 5.0, 3.0], [0, 0, 1])
    array([5., 3.], dtype=float32)
    """


@backend_op(
    "math", _order_rule, tensors=("data", "segment_ids"), output_spec=_segments_spec
)
def segment_min(data, segment_ids, num_segments=None, sorted=False):
    """Minima of the rows of `data` in each segment.

    Empty segments hold the dtype's highest value (inf for floats).
    {args}
    >>> keras_core.ops.segment_min([1.0, 5.0, 3.0], [0, 0, 1])
    array([1., 3.], dtype=float32)
    """


for _op in (segment_sum, segment_prod, segment_max, segment_min):
    _op.__doc__ = _op.__doc__.replace("{args}", _SEGMENT_ARGS)
