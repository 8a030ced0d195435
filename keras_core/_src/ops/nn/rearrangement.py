"""Rearranging image patches and blocks: unfold, fold, depth_to_space and
space_to_depth.

`unfold`/`fold` work on (N, C, H, W) images as PyTorch's do: `unfold`
gives (N, C * kh * kw, L) patch columns (channel-major, then row-major
kernel positions), `fold` sums such columns back into an image.
`depth_to_space`/`space_to_depth` move blocks of channels to and from
space as TensorFlow's do.
"""

from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.ops.op_definition import backend_op

__all__ = ["depth_to_space", "fold", "space_to_depth", "unfold"]


def _keep_rule(dtype):
    """Elements are moved (or summed in place): the input dtype is kept."""
    dtype = result_type(dtype)
    return dtype, dtype


@backend_op("nn", _keep_rule)
def unfold(x, kernel_size, dilation=1, padding=0, stride=1):
    """Extracts sliding patches of a batch of images as columns.

    Args:
        x: Tensor of shape (N, C, H, W).
        kernel_size: Int or pair of ints, the patch size.
        dilation: Int or pair of ints, the spacing of patch elements.
        padding: Int or pair of ints, zeros added on both sides.
        stride: Int or pair of ints, the step between patches.

    Returns:
        Tensor of shape (N, C * kh * kw, L), L the number of patches.

    >>> x = keras_core.ops.ones((1, 2, 3, 3))
    >>> keras_core.ops.unfold(x, 2).shape
    (1, 8, 4)
    """


@backend_op("nn", _keep_rule)
def fold(x, output_size, kernel_size, dilation=1, padding=0, stride=1):
    """Sums patch columns (as `unfold` gives them) back into images.

    Args:
        x: Tensor of shape (N, C * kh * kw, L).
        output_size: Pair of ints (H, W), the image size.
        kernel_size: Int or pair of ints.
        dilation: Int or pair of ints.
        padding: Int or pair of ints.
        stride: Int or pair of ints.

    Returns:
        Tensor of shape (N, C, H, W); overlapping patch elements add up.

    >>> x = keras_core.ops.ones((1, 8, 4))
    >>> keras_core.ops.fold(x, (3, 3), 2)[0, 0]
    array([[1., 2., 1.],
           [2., 4., 2.],
           [1., 2., 1.]], dtype=float32)
    """


@backend_op("nn", _keep_rule)
def depth_to_space(x, block_size, data_format="channels_last"):
    """Moves channel blocks into (block_size x block_size) spatial blocks.

    Args:
        x: Tensor of rank 4: (N, H, W, C) or (N, C, H, W).
        block_size: Int, the side of the blocks; C must be a multiple of
            its square.
        data_format: "channels_last" or "channels_first".

    Returns:
        Tensor of spatial size (H * block_size, W * block_size) and
        C / block_size**2 channels.

    >>> x = keras_core.ops.ones((1, 2, 2, 8))
    >>> keras_core.ops.depth_to_space(x, 2).shape
    (1, 4, 4, 2)
    """


@backend_op("nn", _keep_rule)
def space_to_depth(x, block_size, data_format="channels_last"):
    """Moves (block_size x block_size) spatial blocks into channels.

    The inverse of `depth_to_space`.

    Args:
        x: Tensor of rank 4: (N, H, W, C) or (N, C, H, W); H and W must be
            multiples of `block_size`.
        block_size: Int.
        data_format: "channels_last" or "channels_first".

    Returns:
        Tensor of spatial size (H / block_size, W / block_size) and
        C * block_size**2 channels.

    >>> x = keras_core.ops.ones((1, 4, 4, 2))
    >>> keras_core.ops.space_to_depth(x, 2).shape
    (1, 2, 2, 8)
    """
