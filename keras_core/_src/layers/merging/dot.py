"""`Dot` and `dot`: batched dot products between two tensors."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.merging.base_merge import Merge
from keras_core._src.layers.merging.base_merge import _check_mask_lists

__all__ = ["Dot", "dot"]

_LETTERS = "bcdefghijklmnopqrstuvwxyz"


def _batch_dot(x, y, axes):
    """Contracts `x` axis `axes[0]` with `y` axis `axes[1]`, per sample.

    The result has the batch axis, then `x`'s remaining axes, then `y`'s;
    a result with only the batch axis left gets a trailing axis of size 1.
    """
    x_letters = list(_LETTERS[: len(x.shape) - 1])
    y_letters = list(_LETTERS[len(x.shape) - 1 : len(x.shape) + len(y.shape) - 2])
    y_letters[axes[1] - 1] = x_letters[axes[0] - 1]
    contracted = x_letters[axes[0] - 1]
    output = [c for c in x_letters if c != contracted]
    output += [c for c in y_letters if c != contracted]
    equation = f"a{''.join(x_letters)},a{''.join(y_letters)}->a{''.join(output)}"
    result = ops.einsum(equation, x, y)
    if not output:
        result = ops.expand_dims(result, axis=-1)
    return result


@keras_public("keras.layers")
class Dot(Merge):
    """Computes the dot product of two inputs along the given axes, per sample.

    For inputs of shapes `(batch, n)` and `(batch, n)` the output has shape
    `(batch, 1)`; in general it has the batch axis, then the first input's
    axes but `axes[0]`, then the second input's axes but `axes[1]`.

    Args:
        axes: An int, or a pair of ints: the axis of each input to contract
            (the same one for both when an int). Negative values count from
            the end; the batch axis (0) cannot be contracted.
        normalize: Whether to L2-normalize the inputs along the contracted
            axes first, giving the cosine similarity.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x1 = numpy.ones((2, 3))
    >>> x2 = numpy.full((2, 3), 2.0)
    >>> numpy.asarray(keras_core.layers.Dot(axes=1)([x1, x2])).tolist()
    [[6.0], [6.0]]
    """

    def __init__(self, axes, normalize=False, **kwargs):
        super().__init__(**kwargs)
        if isinstance(axes, bool) or not isinstance(axes, (int, list, tuple)):
            raise TypeError(
                f"Layer {type(self).__name__}: invalid type for argument `axes`: "
                f"it should be a list or an int. Received: axes={axes!r}"
            )
        if isinstance(axes, (list, tuple)):
            if len(axes) != 2:
                raise ValueError(
                    f"Layer {type(self).__name__}: invalid format for argument "
                    "`axes`: it should contain two elements (one axis per "
                    f"input). Received: axes={axes!r}"
                )
            if not all(isinstance(a, int) and not isinstance(a, bool) for a in axes):
                raise ValueError(
                    f"Layer {type(self).__name__}: invalid format for argument "
                    f"`axes`: list elements should be integers. Received: axes={axes!r}"
                )
        self.axes = axes
        self.normalize = normalize
        self.supports_masking = True

    def _check_input_list(self, input_shape):
        super()._check_input_list(input_shape)
        if len(input_shape) != 2:
            raise ValueError(
                f"{self._layer_label()} should be called on a list of 2 inputs. "
                f"Received {len(input_shape)} inputs with shapes "
                f"{[tuple(shape) for shape in input_shape]}."
            )

    def _resolve_axes(self, shapes):
        axes = self.axes if isinstance(self.axes, (list, tuple)) else [self.axes] * 2
        resolved = []
        for axis, shape in zip(axes, shapes, strict=True):
            rank = len(shape)
            if rank < 2:
                raise ValueError(
                    f"{self._layer_label()} cannot compute a batched dot product "
                    f"of inputs with rank < 2. Received inputs with shapes "
                    f"{tuple(shapes[0])} and {tuple(shapes[1])}."
                )
            if not -rank <= axis < rank:
                raise ValueError(
                    f"{self._layer_label()}: axis {axis} is out of range for an "
                    f"input of shape {tuple(shape)} (axes={self.axes})."
                )
            axis %= rank
            if axis == 0:
                raise ValueError(
                    f"{self._layer_label()} cannot contract the batch axis 0 "
                    f"(axes={self.axes}). If your inputs are not batched, add "
                    "a batch axis with `keras_core.ops.expand_dims(x, 0)`."
                )
            resolved.append(axis)
        return resolved

    def _check_shapes(self, shapes):
        self._check_input_list(shapes)
        shape1, shape2 = (tuple(shape) for shape in shapes)
        axes = self._resolve_axes((shape1, shape2))
        size1, size2 = shape1[axes[0]], shape2[axes[1]]
        if size1 is not None and size2 is not None and size1 != size2:
            raise ValueError(
                f"{self._layer_label()}: incompatible input shapes: axis values "
                f"{size1} (at axis {axes[0]}) != {size2} (at axis {axes[1]}). "
                f"Full input shapes: {shape1}, {shape2}"
            )
        if shape1[0] is not None and shape2[0] is not None and shape1[0] != shape2[0]:
            raise ValueError(
                f"{self._layer_label()} cannot compute a batched dot product of "
                f"inputs with different batch sizes. Received inputs with "
                f"shapes {shape1} and {shape2}."
            )
        return shape1, shape2, axes

    def build(self, input_shape):
        self._check_shapes(input_shape)

    def compute_output_shape(self, input_shape):
        shape1, shape2, axes = self._check_shapes(input_shape)
        batch = shape1[0] if shape1[0] is not None else shape2[0]
        rest1 = [s for index, s in enumerate(shape1[1:], 1) if index != axes[0]]
        rest2 = [s for index, s in enumerate(shape2[1:], 1) if index != axes[1]]
        output = rest1 + rest2
        return (batch, *output) if output else (batch, 1)

    def compute_output_spec(self, inputs):
        inputs = self._as_list(inputs)
        shapes = [tuple(tensor.shape) for tensor in inputs]
        dtype = result_type(*[tensor.dtype for tensor in inputs])
        return KerasTensor(self.compute_output_shape(shapes), dtype=dtype)

    def call(self, inputs):
        inputs = self._as_list(inputs)
        _, _, axes = self._check_shapes([tuple(tensor.shape) for tensor in inputs])
        x1, x2 = inputs
        if self.normalize:
            x1 = ops.normalize(x1, axis=axes[0])
            x2 = ops.normalize(x2, axis=axes[1])
        return _batch_dot(x1, x2, axes)

    def compute_mask(self, inputs, mask=None):
        """Dot products merge whole axes, so no mask carries over."""
        if mask is not None:
            _check_mask_lists(self, inputs, mask)
        return None

    def get_config(self):
        # A list `axes` is tracked as a TrackedList; configs hold plain lists.
        axes = list(self.axes) if isinstance(self.axes, list) else self.axes
        return {**super().get_config(), "axes": axes, "normalize": self.normalize}


@keras_public("keras.layers")
def dot(inputs, axes=-1, **kwargs):
    """Functional form of `Dot`: the batched dot product of two tensors.

    Args:
        inputs: A list of two tensors.
        axes: An int or a pair of ints: the axes to contract.
        **kwargs: Arguments of the `Dot` layer (`normalize`, `name`, ...).

    Returns:
        The batched dot product.

    Example:

    >>> keras_core.layers.dot([numpy.ones((2, 3)), numpy.ones((2, 3))], axes=1).shape
    (2, 1)
    """
    return Dot(axes=axes, **kwargs)(inputs)
