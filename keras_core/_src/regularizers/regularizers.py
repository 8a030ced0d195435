"""Weight regularizers: penalties added to the loss during training."""

import numpy as np

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.config import epsilon


@keras_public("keras", "keras.regularizers")
class Regularizer:
    """Base class of the weight regularizers.

    A regularizer maps a weight tensor to a scalar penalty, which layers add
    to the training loss. Subclasses implement `__call__(x)` and
    `get_config()`; the base class has no penalty.

    Example:

    >>> class L1Sum(keras_core.regularizers.Regularizer):
    ...     def __init__(self, strength=0.01):
    ...         self.strength = strength
    ...     def __call__(self, x):
    ...         return self.strength * keras_core.ops.sum(keras_core.ops.abs(x))
    ...     def get_config(self):
    ...         return {"strength": self.strength}
    """

    def __call__(self, x):
        """Returns the penalty of the weights `x`.

        Args:
            x: The weight tensor.

        Returns:
            A scalar.
        """
        return 0.0

    def get_config(self):
        """Returns the constructor arguments as a JSON-ready dict.

        Returns:
            A dict.
        """
        raise NotImplementedError(
            f"{type(self).__name__} does not implement `get_config()`: override "
            "it to return the arguments of its constructor, so the regularizer "
            "can be saved."
        )

    @classmethod
    def from_config(cls, config):
        """Creates a regularizer from the output of `get_config()`.

        Args:
            config: A dict of constructor arguments.

        Returns:
            A regularizer.

        Example:

        >>> keras_core.regularizers.L2.from_config({"l2": 0.1})
        """
        return cls(**config)


def _non_negative_float(regularizer, argument, value):
    """`value` as a float, rejecting negative numbers and non-numbers."""
    try:
        result = float(value)
    except (TypeError, ValueError):
        result = -1.0
    if not result >= 0.0:
        raise ValueError(
            f"{type(regularizer).__name__}: invalid value for argument "
            f"`{argument}`: expected a non-negative float. Received: "
            f"{argument}={value!r}"
        )
    return result


def _float32(value):
    # Keras keeps these factors as float32 tensors, so their configs hold
    # float32-rounded values (0.01 -> 0.009999999776482582); matching it
    # keeps configs identical.
    return float(np.float32(value))


@keras_public("keras.regularizers")
class L1(Regularizer):
    """L1 penalty: `l1 * sum(abs(x))`.

    Args:
        l1: The non-negative factor (0.01 when None).

    Example:

    >>> x = keras_core.ops.convert_to_tensor([1.0, -2.0])
    >>> float(keras_core.regularizers.L1(0.5)(x))
    1.5
    """

    def __init__(self, l1=0.01):
        l1 = 0.01 if l1 is None else l1
        self.l1 = _float32(_non_negative_float(self, "l1", l1))

    def __call__(self, x):
        return self.l1 * ops.sum(ops.abs(x))

    def get_config(self):
        return {"l1": self.l1}


@keras_public("keras.regularizers")
class L2(Regularizer):
    """L2 penalty: `l2 * sum(square(x))`.

    Args:
        l2: The non-negative factor (0.01 when None).

    Example:

    >>> x = keras_core.ops.convert_to_tensor([1.0, -2.0])
    >>> float(keras_core.regularizers.L2(0.5)(x))
    2.5
    """

    def __init__(self, l2=0.01):
        l2 = 0.01 if l2 is None else l2
        self.l2 = _non_negative_float(self, "l2", l2)

    def __call__(self, x):
        return self.l2 * ops.sum(ops.square(x))

    def get_config(self):
        return {"l2": self.l2}


@keras_public("keras.regularizers")
class L1L2(Regularizer):
    """Both penalties: `l1 * sum(abs(x)) + l2 * sum(square(x))`.

    Args:
        l1: The non-negative L1 factor (0 when None).
        l2: The non-negative L2 factor (0 when None).

    Example:

    >>> x = keras_core.ops.convert_to_tensor([1.0, -2.0])
    >>> float(keras_core.regularizers.L1L2(l1=0.5, l2=0.5)(x))
    4.0
    """

    def __init__(self, l1=0.0, l2=0.0):
        self.l1 = _non_negative_float(self, "l1", 0.0 if l1 is None else l1)
        self.l2 = _non_negative_float(self, "l2", 0.0 if l2 is None else l2)

    def __call__(self, x):
        x = ops.convert_to_tensor(x)
        penalty = ops.zeros((), dtype=x.dtype)
        if self.l1:
            penalty = penalty + self.l1 * ops.sum(ops.abs(x))
        if self.l2:
            penalty = penalty + self.l2 * ops.sum(ops.square(x))
        return penalty

    def get_config(self):
        return {"l1": self.l1, "l2": self.l2}


_ORTHOGONAL_MODES = ("rows", "columns")


@keras_public("keras.regularizers")
class OrthogonalRegularizer(Regularizer):
    """Penalizes weight vectors that are not orthogonal to each other.

    The rows (`mode="rows"`) or columns (`"columns"`) of a 2D kernel are
    scaled to unit norm; the penalty is `factor` times the mean absolute
    cosine similarity of the distinct pairs:
    `factor * sum(abs(offdiag(V @ V.T))) / (n * (n - 1))` for the `n`
    normalized vectors `V`.

    Args:
        factor: The non-negative factor of the penalty.
        mode: `"rows"` (for a `Dense` kernel, the weights out of each
            input) or `"columns"` (the weights into each unit).

    Example:

    >>> w = keras_core.ops.convert_to_tensor([[1.0, 0.0], [1.0, 1.0]])
    >>> penalty = keras_core.regularizers.OrthogonalRegularizer(0.1)(w)
    """

    def __init__(self, factor=0.01, mode="rows"):
        if mode not in _ORTHOGONAL_MODES:
            raise ValueError(
                "OrthogonalRegularizer: invalid value for argument `mode`. "
                f"Expected one of {_ORTHOGONAL_MODES}. Received: mode={mode!r}"
            )
        self.factor = _float32(_non_negative_float(self, "factor", factor))
        self.mode = mode

    def __call__(self, x):
        x = ops.convert_to_tensor(x)
        if len(x.shape) != 2:
            raise ValueError(
                "OrthogonalRegularizer: inputs must have rank 2 (a Dense-like "
                f"kernel). Received: inputs.shape={tuple(x.shape)}"
            )
        vectors = x if self.mode == "rows" else ops.transpose(x)
        norms = ops.sqrt(ops.sum(ops.square(vectors), axis=1, keepdims=True))
        vectors = vectors / ops.maximum(norms, epsilon())
        similarities = ops.abs(ops.matmul(vectors, ops.transpose(vectors)))
        count = vectors.shape[0]
        off_diagonal = ops.sum(similarities) - ops.trace(similarities)
        return self.factor * off_diagonal / (count * (count - 1))

    def get_config(self):
        return {"factor": self.factor, "mode": self.mode}
