"""`InputSpec`: what a layer accepts, and the check that reports mismatches.

Layers set `self.input_spec` (usually in `build`) and every call checks its
inputs against it before running, so a wrong shape fails at the layer that
cannot take it, with both the expected and the received shape, instead of
deep inside a matrix multiply.
"""

from keras_core._src.api_export import keras_public
from keras_core._src.tree import tree_api


@keras_public("keras", "keras.layers")
class InputSpec:
    """Specifies the rank, dtype and shape of each input to a layer.

    Args:
        dtype: The expected dtype, or None for any.
        shape: The expected full shape (None for any dimension size).
        ndim: The expected rank.
        max_ndim: The largest accepted rank.
        min_ndim: The smallest accepted rank.
        axes: A dict from axis index to the size that axis must have.
        allow_last_axis_squeeze: Whether a last axis of size 1 may be
            missing or extra when the rank is checked.
        name: The name of the input this spec is for (in multi-input layers).
        optional: Whether the input may be None.

    Example:

    >>> spec = keras_core.InputSpec(min_ndim=2, axes={-1: 16})
    >>> spec
    InputSpec(min_ndim=2, axes={-1: 16})
    """

    def __init__(
        self,
        dtype=None,
        shape=None,
        ndim=None,
        max_ndim=None,
        min_ndim=None,
        axes=None,
        allow_last_axis_squeeze=False,
        name=None,
        optional=False,
    ):
        self.dtype = dtype
        if shape is not None:
            self.shape = tuple(shape)
            self.ndim = len(self.shape)
        else:
            self.shape = None
            self.ndim = ndim
        self.max_ndim = max_ndim
        self.min_ndim = min_ndim
        self.name = name
        self.optional = optional
        self.allow_last_axis_squeeze = allow_last_axis_squeeze
        try:
            self.axes = {int(axis): value for axis, value in (axes or {}).items()}
        except (TypeError, ValueError):
            raise TypeError(
                "Argument `axes` of InputSpec must be a dict with integer keys. "
                f"Received: axes={axes}"
            ) from None
        if self.axes and (self.ndim is not None or self.max_ndim is not None):
            rank = self.ndim if self.ndim is not None else self.max_ndim
            if max(self.axes) >= rank:
                raise ValueError(
                    f"Axis {max(self.axes)} is greater than the maximum allowed "
                    f"value: {rank - 1}"
                )

    def __repr__(self):
        parts = []
        for key in ("dtype", "shape", "ndim", "max_ndim", "min_ndim", "axes"):
            value = getattr(self, key)
            if value:
                parts.append(f"{key}={value}")
        return f"InputSpec({', '.join(parts)})"

    def get_config(self):
        return {
            "dtype": self.dtype,
            "shape": self.shape,
            "ndim": self.ndim,
            "max_ndim": self.max_ndim,
            "min_ndim": self.min_ndim,
            "axes": self.axes,
        }

    @classmethod
    def from_config(cls, config):
        return cls(**config)


def _hint(layer_name, expected_rank, received_rank, source):
    if expected_rank is not None and received_rank > expected_rank:
        before = f' before "{layer_name}"'
        if source:
            before = f' between "{source}" and "{layer_name}"'
        return f" Did you forget a Flatten() or Reshape() layer{before}?"
    if expected_rank is not None and received_rank < expected_rank:
        return (
            f" Add the missing axes to the input of {layer_name!r} "
            "(for example with a Reshape() layer or ops.expand_dims)."
        )
    return ""


def _source_layer(tensor):
    history = getattr(tensor, "_keras_history", None)
    if history is None:
        return None
    return getattr(history.operation, "name", None)


def assert_input_compatibility(input_spec, inputs, layer_name):
    """Raises a clear ValueError when `inputs` do not satisfy `input_spec`.

    Args:
        input_spec: An InputSpec, a list of them (one per input), or None.
        inputs: The layer's first call argument (a tensor or a structure).
        layer_name: The layer's name, for the message.
    """
    if not input_spec:
        return
    specs = tree_api.flatten(input_spec)
    if isinstance(inputs, dict):
        names = [spec.name for spec in specs]
        if all(names):
            inputs = [inputs.get(name) for name in names]
    flat_inputs = tree_api.flatten(inputs)
    if len(specs) != len(flat_inputs):
        raise ValueError(
            f'Layer "{layer_name}" expects {len(specs)} input(s), but it '
            f"received {len(flat_inputs)} input tensors. Pass exactly "
            f"{len(specs)} tensor(s)."
        )
    for index, (spec, tensor) in enumerate(zip(specs, flat_inputs, strict=True)):
        if spec is None:
            continue
        if tensor is None:
            if spec.optional:
                continue
            raise ValueError(
                f'Input {index} of layer "{layer_name}" is None, but this input '
                "is not optional. Pass a tensor."
            )
        _check_one(spec, tensor, index, layer_name)


def _check_one(spec, tensor, index, layer_name):
    shape = getattr(tensor, "shape", None)
    if shape is None:
        raise ValueError(
            f'Input {index} of layer "{layer_name}" must be a tensor, but it '
            f"received {tensor!r} of type {type(tensor).__name__}. Convert it "
            "with keras_core.ops.convert_to_tensor() first."
        )
    shape = tuple(None if d is None else int(d) for d in shape)
    rank = len(shape)
    source = _source_layer(tensor)
    origin = f' (produced by layer "{source}")' if source else ""
    prefix = (
        f'Input {index} of layer "{layer_name}" is incompatible with the '
        "layer: expected"
    )
    received = f"but received input with shape {shape}{origin}."
    if spec.ndim is not None and not spec.allow_last_axis_squeeze and rank != spec.ndim:
        raise ValueError(
            f"{prefix} ndim={spec.ndim}, found ndim={rank}, {received}"
            + _hint(layer_name, spec.ndim, rank, source)
        )
    if spec.max_ndim is not None and rank > spec.max_ndim:
        raise ValueError(
            f"{prefix} max_ndim={spec.max_ndim}, found ndim={rank}, {received}"
            + _hint(layer_name, spec.max_ndim, rank, source)
        )
    if spec.min_ndim is not None and rank < spec.min_ndim:
        raise ValueError(
            f"{prefix} min_ndim={spec.min_ndim}, found ndim={rank}, {received}"
            + _hint(layer_name, spec.min_ndim, rank, source)
        )
    if spec.dtype is not None:
        from keras_core._src.backend.common.dtypes import standardize_dtype

        dtype = standardize_dtype(tensor.dtype)
        if dtype != spec.dtype:
            raise ValueError(
                f"{prefix} dtype={spec.dtype}, found dtype={dtype}. Cast the "
                f'input of "{layer_name}" with keras_core.ops.cast().'
            )
    for axis, value in spec.axes.items():
        if value is None:
            continue
        if axis >= rank or axis < -rank:
            raise ValueError(
                f"{prefix} axis {axis} of input shape to exist, {received}"
                + _hint(layer_name, abs(axis) + (axis >= 0), rank, source)
            )
        if shape[axis] not in (value, None):
            raise ValueError(
                f"{prefix} axis {axis} of input shape to have value {value}, "
                f"{received}"
                + (
                    _hint(layer_name, spec.min_ndim, rank, source)
                    if spec.min_ndim is not None and rank > spec.min_ndim
                    else ""
                )
            )
    if spec.shape is not None and (
        rank != len(spec.shape)
        or any(
            expected is not None and actual is not None and expected != actual
            for expected, actual in zip(spec.shape, shape, strict=False)
        )
    ):
        raise ValueError(f"{prefix} shape={spec.shape}, {received}")
