"""`TimeDistributed`: applies a layer to every temporal slice of its input."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.core.wrapper import Wrapper
from keras_core._src.layers.layer import Layer
from keras_core._src.tree import tree_api

__all__ = ["TimeDistributed"]


@keras_public("keras.layers")
class TimeDistributed(Wrapper):
    """Applies a layer to every temporal slice (axis 1) of its input.

    For inputs `(batch, steps, *features)` the wrapped layer sees inputs
    `(batch, *features)`, with the same weights at every step, and the
    outputs are stacked back along axis 1. The slices are computed in one
    call of the wrapped layer on the batch and step axes merged, so a
    layer whose results couple examples of a batch (batch normalization
    while training) sees `batch * steps` examples at once.

    The wrapper's weights are the wrapped layer's. An input mask
    `(batch, steps, ...)` is passed on, sliced the same way, to a wrapped
    layer whose `call` takes a `mask`, and is the mask of the outputs.

    Args:
        layer: The `keras_core.layers.Layer` to apply at every step.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Call arguments:
        inputs: A tensor of rank 3 or more.
        training: Passed on to the wrapped layer.
        mask: Optional boolean tensor `(batch, steps, ...)`.

    Example:

    >>> layer = keras_core.layers.TimeDistributed(keras_core.layers.Dense(2))
    >>> layer(numpy.ones((4, 10, 3))).shape
    (4, 10, 2)
    >>> [w.name for w in layer.weights]
    ['kernel', 'bias']
    """

    def __init__(self, layer, **kwargs):
        if not isinstance(layer, Layer):
            raise ValueError(
                "TimeDistributed must wrap a `keras_core.layers.Layer` "
                f"instance. Received: layer={layer!r}"
            )
        super().__init__(layer, **kwargs)
        self.supports_masking = True

    def _step_shape(self, input_shape):
        if input_shape is None or len(input_shape) < 3:
            raise ValueError(
                f"Layer '{self.name}' (TimeDistributed) expects inputs of "
                "rank 3 or more, `(batch, steps, *features)`. Received input "
                f"shape: {None if input_shape is None else tuple(input_shape)}."
            )
        return (input_shape[0], *input_shape[2:])

    def build(self, input_shape):
        step_shape = self._step_shape(input_shape)
        if not self.layer.built:
            self.layer.build(step_shape)

    def compute_output_shape(self, input_shape):
        step_output = self.layer.compute_output_shape(self._step_shape(input_shape))
        return tree_api.map_shape_structure(
            lambda shape: (shape[0], input_shape[1], *shape[1:]), step_output
        )

    def compute_output_spec(self, inputs, training=None, mask=None):
        shape = tuple(inputs.shape)
        step = KerasTensor(self._step_shape(shape), dtype=inputs.dtype)
        step_output = self.layer.compute_output_spec(step)
        return tree_api.map_structure(
            lambda out: KerasTensor(
                (out.shape[0], shape[1], *out.shape[1:]), dtype=out.dtype
            ),
            step_output,
        )

    def call(self, inputs, training=None, mask=None):
        self._step_shape(tuple(inputs.shape))
        merged = ops.reshape(inputs, (-1, *_known_dims(inputs, 2)))
        kwargs = {}
        if mask is not None and self.layer._get_call_info().accepts_mask:
            kwargs["mask"] = ops.reshape(mask, (-1, *_known_dims(mask, 2)))
        # `training` reaches the wrapped layer through the call context.
        outputs = self.layer(merged, **kwargs)
        steps = _known_dims(inputs, 1)[0]
        return tree_api.map_structure(
            lambda out: ops.reshape(out, (-1, steps, *_known_dims(out, 1))),
            outputs,
        )


def _known_dims(tensor, start):
    """The sizes of `tensor`'s axes from `start`: static ints where known.

    Dynamic sizes (None in a traced graph) come from `ops.shape`; static
    ones stay Python ints, which every backend's reshape accepts.
    """
    dynamic = None
    dims = []
    for axis, size in enumerate(tensor.shape[start:], start):
        if size is None:
            dynamic = ops.shape(tensor) if dynamic is None else dynamic
            size = dynamic[axis]
        dims.append(size)
    return dims
