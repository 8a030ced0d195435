"""What SimpleRNN, LSTM and GRU (and their cells) share: argument checks,
config entries and the layer attributes that read through to the cell."""

from keras_core import ops
from keras_core._src import constraints
from keras_core._src import initializers
from keras_core._src import regularizers


def check_units(owner, units):
    if isinstance(units, bool) or not isinstance(units, int) or units <= 0:
        raise ValueError(
            f"{owner}: received an invalid value for argument `units`, expected "
            f"a positive integer, got {units!r}. Pass the number of units, "
            "e.g. units=32."
        )


def check_rate(owner, name, rate):
    if isinstance(rate, bool) or not isinstance(rate, (int, float)):
        raise ValueError(
            f"{owner}: argument `{name}` must be a float between 0 and 1. "
            f"Received: {name}={rate!r}"
        )
    # As in Keras, rates outside [0, 1] are clipped rather than refused.
    return min(1.0, max(0.0, float(rate)))


def cell_property(name):
    """A layer attribute that reads the cell's attribute of the same name."""

    def read(self):
        return getattr(self.cell, name)

    read.__doc__ = f"The cell's `{name}`."
    return property(read)


# The configuration entries of the weights, in Keras's order; `activation`,
# `recurrent_activation` and `unit_forget_bias` are placed by each class.
_INITIALIZERS = ("kernel_initializer", "recurrent_initializer", "bias_initializer")
_REGULARIZERS = ("kernel_regularizer", "recurrent_regularizer", "bias_regularizer")
_CONSTRAINTS = ("kernel_constraint", "recurrent_constraint", "bias_constraint")


def initializer_config(obj):
    return {key: initializers.serialize(getattr(obj, key)) for key in _INITIALIZERS}


def regularizer_config(obj):
    return {key: regularizers.serialize(getattr(obj, key)) for key in _REGULARIZERS}


def constraint_config(obj):
    return {key: constraints.serialize(getattr(obj, key)) for key in _CONSTRAINTS}


def set_weight_arguments(cell, arguments):
    """Stores the initializers, regularizers and constraints on the cell."""
    for key in _INITIALIZERS:
        setattr(cell, key, initializers.get(arguments[key]))
    for key in _REGULARIZERS:
        setattr(cell, key, regularizers.get(arguments[key]))
    for key in _CONSTRAINTS:
        setattr(cell, key, constraints.get(arguments[key]))


def zeros_state(batch_size, shape, dtype):
    """A `(batch_size, *shape)` zero state; `batch_size` may be a tensor.

    Traced TensorFlow steps see the batch size as a tensor, which creation
    ops refuse as a size: a static zero row is broadcast instead.
    """
    shape = tuple(shape) if isinstance(shape, (list, tuple)) else (shape,)
    return ops.broadcast_to(ops.zeros((1, *shape), dtype=dtype), (batch_size, *shape))
