"""`Concatenate` and `concatenate`: joins a list of tensors along an axis."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.merging.base_merge import Merge
from keras_core._src.layers.merging.base_merge import _check_mask_lists

__all__ = ["Concatenate", "concatenate"]


@keras_public("keras.layers")
class Concatenate(Merge):
    """Concatenates a list of inputs along `axis`.

    All inputs must have the same rank and the same sizes except along
    `axis`. The output mask keeps a step where any input keeps it, joining
    the masks along `axis` (an input without a mask counts as all kept).

    Args:
        axis: The axis to join along.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x1 = numpy.ones((2, 3))
    >>> x2 = numpy.ones((2, 4))
    >>> keras_core.layers.Concatenate()([x1, x2]).shape
    (2, 7)
    """

    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis

    def _check_input_list(self, input_shape):
        super()._check_input_list(input_shape)
        shapes = [tuple(shape) for shape in input_shape]
        rank = len(shapes[0])
        mismatch = any(len(shape) != rank for shape in shapes)
        if not mismatch:
            axis = self.axis % rank if rank else 0
            for index in range(rank):
                if index == axis:
                    continue
                sizes = {shape[index] for shape in shapes} - {None}
                mismatch = mismatch or len(sizes) > 1
        if mismatch:
            raise ValueError(
                f"{self._layer_label()} requires inputs with matching shapes "
                f"except for the concatenation axis (axis={self.axis}). "
                f"Received: input_shape={shapes}"
            )

    def compute_output_shape(self, input_shape):
        self._check_input_list(input_shape)
        shapes = [tuple(shape) for shape in input_shape]
        axis = self.axis % len(shapes[0])
        output = []
        for index in range(len(shapes[0])):
            sizes = [shape[index] for shape in shapes]
            if index == axis:
                output.append(None if None in sizes else sum(sizes))
            else:
                output.append(next((s for s in sizes if s is not None), None))
        return tuple(output)

    def compute_output_spec(self, inputs):
        inputs = self._as_list(inputs)
        shapes = [tuple(tensor.shape) for tensor in inputs]
        dtype = result_type(*[tensor.dtype for tensor in inputs])
        return KerasTensor(self.compute_output_shape(shapes), dtype=dtype)

    def call(self, inputs):
        inputs = self._as_list(inputs)
        self._check_input_list([tuple(tensor.shape) for tensor in inputs])
        return ops.concatenate(inputs, axis=self.axis)

    def compute_mask(self, inputs, mask=None):
        if mask is None:
            return None
        _check_mask_lists(self, inputs, mask)
        if all(m is None for m in mask):
            return None
        full_masks = []
        for tensor, tensor_mask in zip(inputs, mask, strict=True):
            kept = ops.ones_like(tensor, dtype="bool")
            if tensor_mask is not None:
                tensor_mask = ops.cast(tensor_mask, "bool")
                if len(tensor_mask.shape) < len(tensor.shape):
                    tensor_mask = ops.expand_dims(tensor_mask, axis=-1)
                kept = ops.logical_and(kept, tensor_mask)
            full_masks.append(kept)
        joined = ops.concatenate(full_masks, axis=self.axis)
        return ops.any(joined, axis=-1, keepdims=False)

    def get_config(self):
        return {**super().get_config(), "axis": self.axis}


@keras_public("keras.layers")
def concatenate(inputs, axis=-1, **kwargs):
    """Functional form of `Concatenate`: joins `inputs` along `axis`.

    Args:
        inputs: A list of tensors (at least 1).
        axis: The axis to join along.
        **kwargs: Arguments of the `Concatenate` layer (`name`, ...).

    Returns:
        The concatenated tensor.

    Example:

    >>> keras_core.layers.concatenate([numpy.ones((2, 3)), numpy.ones((2, 1))]).shape
    (2, 4)
    """
    return Concatenate(axis=axis, **kwargs)(inputs)
