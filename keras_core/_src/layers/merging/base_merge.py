"""`Merge`: the base of the layers that combine a list of tensors.

The element-wise merges (`Add`, `Subtract`, `Multiply`, `Average`,
`Maximum`, `Minimum`) share one shape rule: the batch sizes must agree, and
the other dimensions broadcast NumPy-style, aligned from the right. A
lower-rank input gets new axes right after its batch axis, so a
`(batch, features)` tensor adds to a `(batch, steps, features)` one.
"""

from keras_core import ops
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.layer import Layer

__all__ = []


def _describe_shapes(shapes):
    return "[" + ", ".join(str(tuple(shape)) for shape in shapes) + "]"


class Merge(Layer):
    """Base class of the element-wise merging layers.

    Subclasses implement `_merge_function(inputs)`, which combines a list
    of tensors of the same rank (broadcasting against each other).

    Args:
        **kwargs: Base layer arguments (`name`, `dtype`, ...).
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def _merge_function(self, inputs):
        raise NotImplementedError(
            f"{type(self).__name__} must implement `_merge_function(inputs)`."
        )

    def _layer_label(self):
        return f"Layer '{self.name}' ({type(self).__name__})"

    def _check_input_list(self, input_shape):
        """Raises unless `input_shape` is a non-empty list of shapes."""
        is_list = isinstance(input_shape, (list, tuple)) and all(
            isinstance(shape, (list, tuple)) for shape in input_shape
        )
        if not is_list:
            raise ValueError(
                f"{self._layer_label()} should be called on a list of inputs. "
                f"Received: input_shape={input_shape} (not a list of shapes). "
                f"Call it as `{type(self).__name__}()([x1, x2])`."
            )
        if not input_shape:
            raise ValueError(
                f"{self._layer_label()} should be called on a list of at least "
                "1 input. Received: an empty list."
            )

    def _broadcast_shapes(self, shape1, shape2):
        """Right-aligned NumPy broadcast of two shapes without batch axes."""
        if len(shape1) < len(shape2):
            return self._broadcast_shapes(shape2, shape1)
        offset = len(shape1) - len(shape2)
        output = list(shape1[:offset])
        for size1, size2 in zip(shape1[offset:], shape2, strict=True):
            if size1 is None or size2 is None:
                known = size2 if size1 is None else size1
                output.append(None if known in (None, 1) else known)
            elif size1 == 1:
                output.append(size2)
            elif size2 == 1 or size1 == size2:
                output.append(size1)
            else:
                raise ValueError(
                    f"{self._layer_label()}: inputs have incompatible shapes. "
                    f"Received shapes {tuple(shape1)} and {tuple(shape2)} "
                    "(without the batch axis): each dimension must match or "
                    "be 1."
                )
        return tuple(output)

    def _check_batch_sizes(self, input_shape):
        batch_sizes = {shape[0] for shape in input_shape if shape} - {None}
        if len(batch_sizes) > 1:
            raise ValueError(
                f"{self._layer_label()} cannot merge tensors with different "
                f"batch sizes. Received tensors with shapes "
                f"{_describe_shapes(input_shape)}."
            )

    def build(self, input_shape):
        self._check_input_list(input_shape)
        self.compute_output_shape(input_shape)

    def compute_output_shape(self, input_shape):
        self._check_input_list(input_shape)
        self._check_batch_sizes(input_shape)
        batch_sizes = [shape[0] for shape in input_shape if shape]
        batch_size = next((size for size in batch_sizes if size is not None), None)
        output = tuple(input_shape[0][1:])
        for shape in input_shape[1:]:
            output = self._broadcast_shapes(output, tuple(shape[1:]))
        return (batch_size, *output)

    def compute_output_spec(self, inputs):
        inputs = self._as_list(inputs)
        shapes = [tuple(tensor.shape) for tensor in inputs]
        dtype = self._output_dtype([tensor.dtype for tensor in inputs])
        return KerasTensor(self.compute_output_shape(shapes), dtype=dtype)

    def _output_dtype(self, dtypes):
        return result_type(*dtypes)

    def _as_list(self, inputs):
        if not isinstance(inputs, (list, tuple)):
            shape = getattr(inputs, "shape", inputs)
            self._check_input_list(tuple(shape) if shape is not None else shape)
        return list(inputs)

    def call(self, inputs):
        inputs = self._as_list(inputs)
        self._check_input_list([tuple(tensor.shape) for tensor in inputs])
        ranks = [len(tensor.shape) for tensor in inputs]
        max_rank = max(ranks)
        if min(ranks) != max_rank:
            inputs = [
                _expand_after_batch(tensor, max_rank - rank)
                for tensor, rank in zip(inputs, ranks, strict=True)
            ]
        return self._merge_function(inputs)

    def compute_mask(self, inputs, mask=None):
        """An output step is kept where any input keeps it.

        The result is None when any input has no mask, as in Keras.
        """
        if mask is None:
            return None
        _check_mask_lists(self, inputs, mask)
        if any(m is None for m in mask):
            return None
        merged = mask[0]
        for other in mask[1:]:
            merged = ops.logical_or(merged, other)
        return merged


def _expand_after_batch(tensor, count):
    for _ in range(count):
        tensor = ops.expand_dims(tensor, axis=1)
    return tensor


def _check_mask_lists(layer, inputs, mask):
    label = f"Layer '{layer.name}' ({type(layer).__name__})"
    if not isinstance(mask, (list, tuple)):
        raise ValueError(
            f"{label}: `mask` should be a list (one mask or None per input). "
            f"Received: mask={mask!r}"
        )
    if not isinstance(inputs, (list, tuple)):
        raise ValueError(
            f"{label}: `inputs` should be a list. Received: inputs={inputs!r}"
        )
    if len(mask) != len(inputs):
        raise ValueError(
            f"{label}: the lists `inputs` and `mask` should have the same "
            f"length. Received: {len(inputs)} inputs and {len(mask)} masks."
        )
