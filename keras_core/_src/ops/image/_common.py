"""Helpers shared by the image ops: argument checks, layouts and dtypes.

The image ops are compositions of the NumPy-API ops, so one implementation
serves every backend, eagerly, symbolically and under each compiler. These
helpers bring images to one working layout (batched, channels last, float)
and restore the caller's layout and dtype afterwards.
"""

from keras_core._src.backend.common import config
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import is_int_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core.ops import numpy as knp

FILL_MODES = ("constant", "nearest", "wrap", "mirror", "reflect")


def data_format_of(data_format, op_name):
    """The data format to use: the argument or the configured default."""
    data_format = data_format or config.image_data_format()
    if data_format not in ("channels_last", "channels_first"):
        raise ValueError(
            f"`{op_name}`: `data_format` must be 'channels_last' or "
            f"'channels_first'. Received: data_format={data_format!r}"
        )
    return data_format


def check_choice(op_name, name, value, choices):
    """Raises a ValueError naming the op when `value` is not in `choices`."""
    if value not in choices:
        raise ValueError(
            f"`{op_name}`: invalid value for argument `{name}`. Expected one "
            f"of {choices}. Received: {name}={value!r}"
        )


def as_tensor(x):
    """`x` as a tensor (KerasTensors and backend tensors pass unchanged)."""
    if hasattr(x, "shape") and hasattr(x, "dtype"):
        if type(x).__module__.startswith("numpy"):
            return knp.array(x)
        return x
    return knp.array(x)


def dtype_of(x):
    return standardize_dtype(x.dtype)


def to_working_layout(images, data_format, op_name, ranks=(3, 4), name="images"):
    """Batched channels-last images, and what `from_working_layout` needs.

    Args:
        images: Unbatched (rank `ranks[0]`) or batched (`ranks[1]`) images.
        data_format: "channels_last" or "channels_first".
        op_name: Named in errors.
        ranks: The accepted (unbatched, batched) ranks.
        name: The argument's name, for errors.

    Returns:
        `(images, state)`: batched channels-last images and the state to
        undo the changes with.
    """
    images = as_tensor(images)
    rank = len(images.shape)
    if rank not in ranks:
        raise ValueError(
            f"`{op_name}`: invalid `{name}` rank: expected rank {ranks[0]} "
            f"(single image) or rank {ranks[1]} (batch of images). Received "
            f"input with shape: {tuple(images.shape)}"
        )
    unbatched = rank == ranks[0]
    if unbatched:
        images = knp.expand_dims(images, 0)
    if data_format == "channels_first":
        images = knp.moveaxis(images, 1, -1)
    return images, (unbatched, data_format)


def from_working_layout(images, state):
    """Undoes `to_working_layout` on a batched channels-last result."""
    unbatched, data_format = state
    if data_format == "channels_first":
        images = knp.moveaxis(images, -1, 1)
    if unbatched:
        images = knp.squeeze(images, 0)
    return images


def to_float(x):
    """`x` in a float dtype to compute in: floats keep theirs, others floatx."""
    if is_float_dtype(dtype_of(x)):
        return x
    return knp.array(x, dtype=config.floatx())


def compute_float(x):
    """`x` in the dtype to interpolate in: float32 or float64.

    Half-precision inputs are computed in float32 (coordinates and weights
    need the precision) and given back in their dtype.
    """
    dtype = dtype_of(x)
    if dtype == "float64" or dtype == "float32":
        return x
    return knp.array(x, dtype="float32")


def restore_dtype(x, dtype, round_ints=True):
    """A float result back in the input's `dtype`.

    With `round_ints`, integer results are rounded half away from zero and
    clipped to the dtype's range (as Keras's interpolating ops give them);
    without, they are cast (truncated) as Keras's color conversions do.
    """
    if dtype_of(x) == dtype:
        return x
    if is_int_dtype(dtype) and round_ints:
        rounded = knp.sign(x) * knp.floor(knp.abs(x) + 0.5)
        info = _int_range(dtype)
        return knp.array(knp.clip(rounded, *info), dtype=dtype)
    if dtype == "bool":
        return knp.array(knp.round(x), dtype=dtype)
    return knp.array(x, dtype=dtype)


def _int_range(dtype):
    bits = int(dtype.lstrip("uint"))
    if dtype.startswith("u"):
        return 0, 2**bits - 1
    return -(2 ** (bits - 1)), 2 ** (bits - 1) - 1


def require_float(x, op_name):
    """Raises for non-float images (as Keras does for color conversions)."""
    dtype = dtype_of(x)
    if not is_float_dtype(dtype):
        raise TypeError(
            f"`{op_name}`: invalid images dtype: expected a float dtype. "
            f"Received: images.dtype={dtype}"
        )


def static_dims(images, axes, op_name):
    """The sizes of `axes` of `images`, which must be known."""
    dims = [images.shape[axis] for axis in axes]
    if any(d is None for d in dims):
        raise ValueError(
            f"`{op_name}` needs known spatial dimensions. Received input "
            f"with shape: {tuple(images.shape)}"
        )
    return dims
