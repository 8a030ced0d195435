"""Weight constraints: functions applied to a variable after each update."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.config import epsilon


@keras_public("keras.constraints")
class Constraint:
    """Base class of the weight constraints.

    A constraint maps a weight tensor to its projection on the allowed set;
    optimizers apply it after each update of a variable created with that
    constraint. The base class returns the weights unchanged.

    Example:

    >>> class NonNegative(keras_core.constraints.Constraint):
    ...     def __call__(self, w):
    ...         return keras_core.ops.relu(w)
    >>> NonNegative()(keras_core.ops.convert_to_tensor([-1.0, 2.0]))
    array([0., 2.], dtype=float32)
    """

    def __call__(self, w):
        """Returns the constrained weights.

        Args:
            w: The weight tensor.

        Returns:
            A tensor of the same shape.
        """
        return w

    def get_config(self):
        """Returns the constructor arguments as a JSON-ready dict.

        Returns:
            A dict; empty for constraints without arguments.
        """
        return {}

    @classmethod
    def from_config(cls, config):
        """Creates a constraint from the output of `get_config()`.

        Args:
            config: A dict of constructor arguments.

        Returns:
            A constraint.

        Example:

        >>> keras_core.constraints.MaxNorm.from_config({"max_value": 3, "axis": 0})
        """
        return cls(**config)


def _norms(w, axis):
    return ops.sqrt(ops.sum(ops.square(w), axis=axis, keepdims=True))


@keras_public("keras.constraints")
class MaxNorm(Constraint):
    """Rescales each weight vector whose L2 norm exceeds `max_value`.

    Vectors are the slices along `axis`: for a `Dense` kernel of shape
    `(input_dim, units)`, `axis=0` constrains the weights into each unit;
    for a `Conv2D` kernel in `"channels_last"` format, `axis=[0, 1, 2]`
    constrains each filter.

    Args:
        max_value: The largest norm allowed.
        axis: The axis or axes along which norms are computed.

    Example:

    >>> w = keras_core.ops.convert_to_tensor([[3.0], [4.0]])
    >>> keras_core.constraints.MaxNorm(1.0)(w)  # norm 5 -> 1
    array([[0.6],
           [0.8]], dtype=float32)
    """

    def __init__(self, max_value=2, axis=0):
        self.max_value = max_value
        self.axis = axis

    def __call__(self, w):
        w = ops.convert_to_tensor(w)
        norms = _norms(w, self.axis)
        desired = ops.clip(norms, 0, self.max_value)
        return w * (desired / (epsilon() + norms))

    def get_config(self):
        return {"max_value": self.max_value, "axis": self.axis}


@keras_public("keras.constraints")
class NonNeg(Constraint):
    """Sets negative weights to zero.

    Example:

    >>> keras_core.constraints.NonNeg()(keras_core.ops.convert_to_tensor([-1.0, 2.0]))
    array([0., 2.], dtype=float32)
    """

    def __call__(self, w):
        w = ops.convert_to_tensor(w)
        return ops.where(ops.greater_equal(w, 0), w, ops.zeros_like(w))


@keras_public("keras.constraints")
class UnitNorm(Constraint):
    """Rescales each weight vector to unit L2 norm.

    Args:
        axis: The axis or axes along which norms are computed (see
            `MaxNorm`).

    Example:

    >>> w = keras_core.ops.convert_to_tensor([[3.0], [4.0]])
    >>> keras_core.constraints.UnitNorm()(w)
    array([[0.6],
           [0.8]], dtype=float32)
    """

    def __init__(self, axis=0):
        self.axis = axis

    def __call__(self, w):
        w = ops.convert_to_tensor(w)
        return w / (epsilon() + _norms(w, self.axis))

    def get_config(self):
        return {"axis": self.axis}


@keras_public("keras.constraints")
class MinMaxNorm(Constraint):
    """Moves the L2 norm of each weight vector into `[min_value, max_value]`.

    With `rate=1.0` the norms are clipped into the range; a smaller rate
    moves them only part of the way each time, as
    `rate * clip(norm, min_value, max_value) + (1 - rate) * norm`.

    Args:
        min_value: The smallest norm allowed.
        max_value: The largest norm allowed.
        rate: How far to move the norms into the range, in `[0, 1]`.
        axis: The axis or axes along which norms are computed (see
            `MaxNorm`).

    Example:

    >>> w = keras_core.ops.convert_to_tensor([[3.0], [4.0]])
    >>> keras_core.constraints.MinMaxNorm(0.0, 2.0)(w)  # norm 5 -> 2
    array([[1.2],
           [1.6]], dtype=float32)
    """

    def __init__(self, min_value=0.0, max_value=1.0, rate=1.0, axis=0):
        self.min_value = min_value
        self.max_value = max_value
        self.rate = rate
        self.axis = axis

    def __call__(self, w):
        w = ops.convert_to_tensor(w)
        norms = _norms(w, self.axis)
        desired = (
            self.rate * ops.clip(norms, self.min_value, self.max_value)
            + (1 - self.rate) * norms
        )
        return w * (desired / (epsilon() + norms))

    def get_config(self):
        return {
            "min_value": self.min_value,
            "max_value": self.max_value,
            "rate": self.rate,
            "axis": self.axis,
        }
