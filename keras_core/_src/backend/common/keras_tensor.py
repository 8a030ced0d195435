"""KerasTensor: a symbolic tensor, a shape and dtype with no value.

Functional models are built by calling layers and ops on KerasTensors: each
call records which operation made its outputs (`_keras_history`), and the
model is read back from those records.
"""

from keras_core._src.backend.common import global_state
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.tensor_operators import TensorOperatorsMixin
from keras_core._src.backend.common.tensor_operators import ops_module


def standardize_shape(shape):
    """Returns `shape` as a tuple of non-negative ints and None.

    Raises:
        ValueError: For a non-iterable shape, a string, or a dimension that
            is negative or not an integer.
    """
    if shape is None:
        raise ValueError("Undefined shapes are not supported: pass a tuple.")
    if isinstance(shape, str) or not hasattr(shape, "__iter__"):
        raise ValueError(
            f"Cannot convert '{shape}' to a shape: expected a tuple or list of "
            "integers and None."
        )
    dims = []
    for dim in shape:
        if dim is not None:
            # Framework shapes (torch.Size entries, tf.TensorShape dims, numpy
            # integers) become plain ints.
            dim = getattr(dim, "value", dim)
            if dim is not None:
                if isinstance(dim, bool) or not hasattr(dim, "__index__"):
                    raise ValueError(
                        f"Cannot convert '{tuple(shape)}' to a shape: found the "
                        f"invalid dimension {dim!r} (expected an int or None)."
                    )
                dim = int(dim)
                if dim < 0:
                    raise ValueError(
                        f"Cannot convert '{tuple(shape)}' to a shape: negative "
                        "dimensions are not allowed."
                    )
        dims.append(dim)
    return tuple(dims)


class KerasTensor(TensorOperatorsMixin):
    """A symbolic tensor: a placeholder for a shape and a dtype.

    KerasTensors are what `keras_core.Input` returns and what layers and ops
    return when called on KerasTensors. They have no value: use them to
    build functional models and to ask what shape a computation produces.

    Args:
        shape: A tuple of ints and None (unknown dimensions).
        dtype: The dtype, `"float32"` by default.
        sparse: Whether the tensor stands for a sparse tensor.
        ragged: Whether it stands for a ragged tensor (TensorFlow only).
        record_history: Whether ops called on it record the graph.
        name: A name; a unique `keras_tensor_N` by default.
        **kwargs: `ragged_rank` and `row_splits_dtype` for ragged tensors.

    Example:

    >>> x = keras_core.KerasTensor((None, 3))
    >>> x.shape, x.dtype
    ((None, 3), 'float32')
    """

    def __init__(
        self,
        shape,
        dtype="float32",
        sparse=False,
        ragged=False,
        record_history=True,
        name=None,
        **kwargs,
    ):
        ragged_rank = kwargs.pop("ragged_rank", None)
        row_splits_dtype = kwargs.pop("row_splits_dtype", None)
        if kwargs:
            raise TypeError(
                f"KerasTensor got unexpected keyword arguments: {sorted(kwargs)}"
            )
        self._shape = standardize_shape(shape)
        self._dtype = standardize_dtype(dtype)
        if sparse and ragged:
            raise ValueError(
                "A KerasTensor cannot be both sparse and ragged. Received: "
                "sparse=True, ragged=True"
            )
        self._sparse = bool(sparse)
        self._ragged = bool(ragged)
        if ragged:
            self._ragged_rank = 1 if ragged_rank is None else ragged_rank
            self._row_splits_dtype = standardize_dtype(row_splits_dtype or "int64")
        else:
            self._ragged_rank = None
            self._row_splits_dtype = None
        self.record_history = record_history
        self.name = global_state.unique_name("keras_tensor") if name is None else name

    @property
    def shape(self):
        return self._shape

    @shape.setter
    def shape(self, value):
        raise AttributeError(
            "The `shape` attribute of KerasTensor is read-only: make a new "
            "KerasTensor (or use `reshape`) instead."
        )

    @property
    def dtype(self):
        return self._dtype

    @dtype.setter
    def dtype(self, value):
        raise AttributeError(
            "The `dtype` attribute of KerasTensor is read-only: make a new "
            "KerasTensor instead."
        )

    @property
    def ndim(self):
        return len(self._shape)

    @property
    def sparse(self):
        return self._sparse

    @property
    def ragged(self):
        return self._ragged

    @property
    def ragged_rank(self):
        return self._ragged_rank

    @property
    def row_splits_dtype(self):
        return self._row_splits_dtype

    def reshape(self, newshape):
        """`keras_core.ops.reshape(self, newshape)` (one -1 allowed)."""
        return ops_module().reshape(self, newshape)

    def squeeze(self, axis=None):
        """`keras_core.ops.squeeze(self, axis)`: drops size-1 dimensions."""
        return ops_module().squeeze(self, axis=axis)

    def __invert__(self):
        # Symbolic `~` is logical, as in Keras (Variables invert bits).
        return ops_module().logical_not(self)

    def __repr__(self):
        return (
            f"<KerasTensor shape={self._shape}, dtype={self._dtype}, "
            f"sparse={self._sparse}, ragged={self._ragged}, name={self.name}>"
        )

    def __bool__(self):
        raise TypeError(
            "A symbolic KerasTensor cannot be used as a boolean: it has no value. "
            "Use `keras_core.ops.cond` for a branch that depends on a tensor."
        )

    def __iter__(self):
        raise NotImplementedError(
            "Iterating over a symbolic KerasTensor is not supported: it has no "
            "value. Index it (`x[0]`) or use `keras_core.ops.unstack`."
        )

    def __len__(self):
        if not self._shape or self._shape[0] is None:
            raise TypeError(
                f"len() of a KerasTensor with shape {self._shape} is unknown. "
                "Use `keras_core.ops.shape(x)[0]`."
            )
        return self._shape[0]

    def __array__(self, dtype=None, copy=None):
        raise ValueError(
            "A KerasTensor is symbolic: it is a placeholder for a shape and a "
            "dtype and has no numerical value, so it cannot become a NumPy "
            "array. Pass it to layers and ops to build a model, then call the "
            "model on real data."
        )

    def __hash__(self):
        return id(self)

    # NumPy defers to our reflected operators (`array + keras_tensor` calls
    # `__radd__`) instead of trying to make an array of a symbolic tensor.
    __array_ufunc__ = None


def raise_if_symbolic(x):
    """Raises a clear error when a KerasTensor reaches code needing values."""
    if isinstance(x, KerasTensor):
        raise ValueError(
            f"Cannot convert a symbolic KerasTensor to a tensor: {x}. It has no "
            "value: call the model or function on real data instead."
        )


def is_keras_tensor(x):
    """Returns whether `x` is a symbolic `KerasTensor`.

    Example:

    >>> keras_core.backend.is_keras_tensor(keras_core.Input(shape=(3,)))
    True
    >>> keras_core.backend.is_keras_tensor(numpy.zeros(3))
    False
    """
    return isinstance(x, KerasTensor)
