"""einops-style `rearrange`: reshapes and transposes named by a pattern."""

from keras_core._src.backend.common.einops_plans import rearrange_plan
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.ops import dtype_rules
from keras_core._src.ops.op_definition import backend_op

__all__ = ["rearrange"]


def _rearrange_spec(tensor, pattern, axes_lengths):
    """The output spec straight from the pattern (unknown sizes stay None).

    `output_spec` rules get the `**axes_lengths` dict under its own name.
    """
    _, _, output_shape = rearrange_plan(tensor.shape, pattern, axes_lengths)
    return KerasTensor(tuple(output_shape), dtype=tensor.dtype)


@backend_op("core_ops", dtype_rules.promote, output_spec=_rearrange_spec)
def rearrange(tensor, pattern, **axes_lengths):
    """Rearranges the axes of a tensor as an einops pattern says.

    The pattern names the input axes on the left of `->` and the output
    axes on the right; parentheses group axes that are merged into (or
    split from) one axis. Every name appears once on each side.

    Args:
        tensor: The input tensor.
        pattern: e.g. `"b h w c -> b c h w"` (transpose), `"b h w c -> b
            (h w) c"` (merge), `"(h w) c -> h w c"` (split).
        **axes_lengths: Sizes of split axes that the input shape alone
            cannot give, e.g. `h=2`.

    Returns:
        The rearranged tensor, with the dtype of `tensor`.

    Example:

    >>> x = np.arange(6).reshape(2, 3)
    >>> keras_core.ops.rearrange(x, "a b -> b a").shape
    (3, 2)
    """
