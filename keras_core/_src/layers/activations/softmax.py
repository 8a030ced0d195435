"""`Softmax`: the softmax activation as a layer, with mask support."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.layers.layer import Layer

__all__ = ["Softmax"]


@keras_public("keras.layers")
class Softmax(Layer):
    """Softmax activation layer: `exp(x) / sum(exp(x), axis)`.

    Args:
        axis: The axis (or list of axes) the normalization runs over.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Call arguments:
        inputs: The logits.
        mask: Optional boolean tensor broadcastable to `inputs`: False
            positions get probability 0 and the others share 1 (a row
            masked everywhere is all 0).

    Example:

    >>> layer = keras_core.layers.Softmax()
    >>> probabilities = layer(numpy.array([[1.0, 1.0, 5.0]]),
    ...                       mask=numpy.array([[True, True, False]]))
    >>> numpy.asarray(probabilities).tolist()
    [[0.5, 0.5, 0.0]]
    """

    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis
        self.supports_masking = True
        self.built = True

    def call(self, inputs, mask=None):
        axis = tuple(self.axis) if isinstance(self.axis, (list, tuple)) else self.axis
        if mask is None:
            return ops.softmax(inputs, axis=axis)
        keep = ops.cast(mask, "bool")
        # A finite stand-in for -inf: a fully masked row must not give NaN.
        # -3e4 still fits float16.
        dtype = standardize_dtype(inputs.dtype)
        large_negative = -3e4 if dtype == "float16" else -1e9
        logits = ops.where(keep, inputs, ops.cast(large_negative, dtype))
        outputs = ops.softmax(logits, axis=axis)
        return ops.multiply(outputs, ops.cast(keep, outputs.dtype))

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "axis": self.axis}
