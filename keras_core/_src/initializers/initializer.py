"""The `Initializer` base class."""

from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype


@keras_public("keras", "keras.initializers")
class Initializer:
    """Base class of the weight initializers.

    A subclass implements `__call__(shape, dtype=None)`, returning a tensor
    of that shape, and `get_config()` if it takes arguments (the default
    `from_config` passes the config to the constructor).

    Example:

    >>> class Fill(keras_core.initializers.Initializer):
    ...     def __init__(self, value=0.5):
    ...         self.value = value
    ...     def __call__(self, shape, dtype=None):
    ...         return keras_core.ops.full(shape, self.value, dtype=dtype)
    ...     def get_config(self):
    ...         return {"value": self.value}
    >>> Fill(2.0)((2,))
    array([2., 2.], dtype=float32)
    """

    def __call__(self, shape, dtype=None):
        """Returns a tensor of `shape` holding the initial values.

        Args:
            shape: The shape of the tensor (a tuple of ints).
            dtype: The dtype; `keras_core.config.floatx()` when None.

        Returns:
            A tensor.
        """
        raise NotImplementedError(
            f"{type(self).__name__}: Initializer subclasses must implement the "
            "`__call__(shape, dtype=None)` method."
        )

    def get_config(self):
        """Returns the constructor arguments as a JSON-ready dict.

        Returns:
            A dict; empty for initializers without arguments.
        """
        return {}

    @classmethod
    def from_config(cls, config):
        """Creates an initializer from the output of `get_config()`.

        Args:
            config: A dict of constructor arguments.

        Returns:
            An initializer.

        Example:

        >>> config = keras_core.initializers.RandomUniform(seed=1).get_config()
        >>> initializer = keras_core.initializers.RandomUniform.from_config(config)
        """
        return cls(**config)

    def clone(self):
        """Returns a new initializer built from this one's config.

        Returns:
            An initializer of the same class and configuration.

        Example:

        >>> copy = keras_core.initializers.Constant(3.0).clone()
        """
        return self.__class__.from_config(self.get_config())


def resolve_float_dtype(initializer, dtype, allow_complex=False):
    """The standardized `dtype` (floatx when None), checked to be floating.

    Args:
        initializer: The initializer asking, named in the error.
        dtype: The requested dtype or None.
        allow_complex: Whether complex dtypes are also accepted.

    Returns:
        The dtype name.
    """
    dtype = standardize_dtype(dtype or floatx())
    if is_float_dtype(dtype) or (allow_complex and dtype.startswith("complex")):
        return dtype
    kinds = "floating-point or complex" if allow_complex else "floating-point"
    raise ValueError(
        f"{type(initializer).__name__}: `dtype` must be a {kinds} dtype, since "
        f"it draws non-integer values. Received: dtype={dtype!r}. Use an "
        "initializer such as `Zeros` or `Constant` for integer tensors."
    )
