"""`ReLU`: the rectified linear unit, optionally leaky, capped and shifted."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.layer import Layer

__all__ = ["ReLU"]


def _check_non_negative(argument, value, allow_none):
    valid = (value is None and allow_none) or (
        isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
    )
    if not valid:
        expected = (
            "None or a non-negative number" if allow_none else "a non-negative number"
        )
        raise ValueError(
            f"Layer ReLU: argument `{argument}` must be {expected}. "
            f"Received: {argument}={value!r}"
        )


@keras_public("keras.layers")
class ReLU(Layer):
    """Rectified linear unit activation layer.

    Computes, elementwise:

    - `x` where `x > threshold` (capped at `max_value` when given),
    - `negative_slope * (x - threshold)` elsewhere.

    With the defaults this is `max(x, 0)`.

    Args:
        max_value: The largest output value, a non-negative float; None
            for no cap.
        negative_slope: The slope below `threshold`, a non-negative float.
        threshold: Where the identity part starts, a non-negative float.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.ReLU(max_value=1.0)
    >>> numpy.asarray(layer(numpy.array([-1.0, 0.5, 3.0]))).tolist()
    [0.0, 0.5, 1.0]
    """

    def __init__(self, max_value=None, negative_slope=0.0, threshold=0.0, **kwargs):
        super().__init__(**kwargs)
        _check_non_negative("max_value", max_value, allow_none=True)
        _check_non_negative("negative_slope", negative_slope, allow_none=False)
        _check_non_negative("threshold", threshold, allow_none=False)
        self.max_value = max_value
        self.negative_slope = negative_slope
        self.threshold = threshold
        self.supports_masking = True
        self.built = True

    def call(self, inputs):
        if self.negative_slope == 0 and self.threshold == 0:
            outputs = ops.relu(inputs)
        else:
            # Keras's rule: the identity only strictly above `threshold`,
            # so `x == threshold` maps to 0.
            below = ops.multiply(
                ops.subtract(inputs, self.threshold), self.negative_slope
            )
            outputs = ops.where(ops.greater(inputs, self.threshold), inputs, below)
        if self.max_value is not None:
            outputs = ops.minimum(outputs, ops.cast(self.max_value, outputs.dtype))
        return outputs

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {
            **super().get_config(),
            "max_value": self.max_value,
            "negative_slope": self.negative_slope,
            "threshold": self.threshold,
        }
