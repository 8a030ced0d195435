"""`Masking`: masks the time steps whose features all equal a value."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.layer import Layer

__all__ = ["Masking"]


@keras_public("keras.layers")
class Masking(Layer):
    """Masks the time steps whose features all equal `mask_value`.

    For an input of shape `(batch, steps, features)` the mask has shape
    `(batch, steps)`: a step is kept when any of its features differs from
    `mask_value`. Masked steps are set to zero in the output, and layers
    that support masking downstream (RNNs, merges, ...) skip them.

    Args:
        mask_value: The value marking padding.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x = numpy.array([[[0.0, 0.0], [1.0, 2.0]]])
    >>> layer = keras_core.layers.Masking(mask_value=0.0)
    >>> numpy.asarray(layer.compute_mask(x)).tolist()
    [[False, True]]
    """

    def __init__(self, mask_value=0.0, **kwargs):
        super().__init__(**kwargs)
        self.mask_value = mask_value
        self.supports_masking = True

    def compute_mask(self, inputs, mask=None):
        return ops.any(ops.not_equal(inputs, self.mask_value), axis=-1)

    def call(self, inputs):
        kept = ops.any(ops.not_equal(inputs, self.mask_value), axis=-1, keepdims=True)
        # `where`, not a product with the mask: inf or nan padding stays zero.
        return ops.where(kept, inputs, ops.zeros_like(inputs))

    def compute_output_shape(self, input_shape):
        return input_shape

    def compute_output_spec(self, inputs):
        return KerasTensor(inputs.shape, dtype=inputs.dtype)

    def get_config(self):
        return {**super().get_config(), "mask_value": self.mask_value}
