"""The backend-independent part of `keras_core.Variable`.

A Variable owns the backend's native storage (`jax.Array`, a
`torch.nn.Parameter`, a `tf.Variable` or a `numpy.ndarray`) and adds what
Keras code needs on every backend: a path from the enclosing name scopes,
trainability, autocasting under mixed precision, constraints and
regularizers, and reads and writes that respect `StatelessScope`.

Each backend subclasses it and provides the hooks `_convert_to_tensor`,
`_convert_to_numpy`, `_initialize`, `_direct_assign` and, optionally,
`_on_trainable_change`.
"""

from keras_core._src.backend.common import global_state
from keras_core._src.backend.common import scopes
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import standardize_shape
from keras_core._src.backend.common.variable_operators import VariableOperatorsMixin

AGGREGATIONS = ("none", "mean", "sum", "only_first_replica")
SYNCHRONIZATIONS = ("none", "on_read", "on_write", "auto")


def _check_choice(argument, value, choices):
    if value is None:
        return "none"
    if value not in choices:
        expected = ", ".join(repr(c) for c in (None, *choices))
        raise ValueError(
            f"Invalid value for argument `{argument}`. Expected one of {expected}. "
            f"Received: {argument}={value!r}"
        )
    return value


class Variable(VariableOperatorsMixin):
    """A mutable tensor: the state of layers, optimizers and metrics.

    Args:
        initializer: The initial value (a tensor, array or Python number), or
            a callable `initializer(shape, dtype)` such as a
            `keras_core.initializers` object, in which case `shape` is needed.
        shape: The shape. Inferred from a value; required with a callable.
        dtype: The dtype. Inferred from a value; `floatx()` with a callable.
        trainable: Whether gradients should update it.
        autocast: Whether it reads as the compute dtype inside a
            mixed-precision layer (float variables only).
        aggregation: How values from replicas combine in distributed
            training: `"none"`, `"mean"`, `"sum"` or `"only_first_replica"`.
        synchronization: When replicas synchronize: `"none"`, `"on_read"`,
            `"on_write"` or `"auto"`.
        name: The name, without `/`; `variable` made unique by default.
        layout: A distribution layout saying how to shard the value.

    Example:

    >>> v = keras_core.Variable(numpy.ones((2, 2)), dtype="float32", name="w")
    >>> v.assign_add(numpy.ones((2, 2)))
    >>> v.numpy()
    array([[2., 2.],
           [2., 2.]], dtype=float32)
    >>> (v * 2).shape
    (2, 2)
    """

    def __init__(
        self,
        initializer,
        shape=None,
        dtype=None,
        trainable=True,
        autocast=True,
        aggregation="none",
        synchronization="auto",
        name=None,
        layout=None,
        **kwargs,
    ):
        if kwargs:
            raise TypeError(
                f"Variable got unexpected keyword arguments: {sorted(kwargs)}"
            )
        name = global_state.unique_name("variable") if name is None else name
        if not isinstance(name, str) or "/" in name:
            raise ValueError(
                "Argument `name` must be a string and cannot contain character "
                f"`/`. Received: name={name!r}"
            )
        if not isinstance(trainable, bool):
            raise TypeError(
                f"Argument `trainable` must be a boolean. Received: "
                f"trainable={trainable!r}"
            )
        parent_path = scopes.current_path()
        self._name = name
        self._path = f"{parent_path}/{name}" if parent_path else name
        self._trainable = trainable
        self._autocast = bool(autocast)
        self._aggregation = _check_choice("aggregation", aggregation, AGGREGATIONS)
        self._synchronization = _check_choice(
            "synchronization", synchronization, SYNCHRONIZATIONS
        )
        self._layout = layout
        self._constraint = None
        self._regularizer = None
        self._overwrite_with_gradient = False
        self._value = None
        self._initializer = None

        if callable(initializer):
            if shape is None:
                raise ValueError(
                    "When creating a Variable from an initializer, the `shape` "
                    f"argument should be specified. Received: "
                    f"initializer={initializer!r} and shape=None"
                )
            self._shape = standardize_shape(shape)
            self._dtype = standardize_dtype(dtype)
            if scopes.in_stateless_scope():
                # Creating state inside a stateless call would escape it:
                # defer until the scope ends (or the value is first read).
                self._initializer = initializer
                _register_uninitialized(self)
            else:
                self._initialize(self._initial_value(initializer))
            return

        if scopes.in_stateless_scope():
            raise ValueError(
                "You are attempting to create a variable from a concrete value "
                "while in a stateless scope. This is disallowed: the value would "
                "be state outside the scope's mapping. Create variables before "
                "calling the layer or model (in `build()`), or pass an "
                "initializer and a `shape`."
            )
        value = self._convert_to_tensor(
            initializer, dtype=None if dtype is None else standardize_dtype(dtype)
        )
        self._dtype = standardize_dtype(value.dtype)
        self._shape = standardize_shape(value.shape)
        if shape is not None and standardize_shape(shape) != self._shape:
            raise ValueError(
                f"The initial value of Variable {self._path!r} has shape "
                f"{self._shape}, but `shape={tuple(shape)}` was passed. Pass a "
                "value of that shape, or leave `shape` out."
            )
        self._initialize(value)

    def _initial_value(self, initializer):
        value = self._convert_to_tensor(
            initializer(self._shape, dtype=self._dtype), dtype=self._dtype
        )
        if standardize_shape(value.shape) != self._shape:
            raise ValueError(
                f"The initializer {initializer!r} of Variable {self._path!r} "
                f"returned a value of shape {tuple(value.shape)}, but the variable "
                f"has shape {self._shape}."
            )
        return value

    def _deferred_initialize(self):
        if self._value is not None:
            return
        if scopes.in_stateless_scope():
            raise ValueError(
                f"Variable {self._path!r} cannot be initialized inside a "
                "stateless scope. Initialize it after leaving the scope."
            )
        self._initialize(self._initial_value(self._initializer))
        self._initializer = None

    # Backend hooks.

    def _convert_to_tensor(self, value, dtype=None):
        raise NotImplementedError

    def _convert_to_numpy(self, value):
        raise NotImplementedError

    def _initialize(self, value):
        raise NotImplementedError

    def _direct_assign(self, value):
        raise NotImplementedError

    def _on_trainable_change(self, trainable):
        """Lets a backend mirror trainability (torch: `requires_grad`)."""

    # Reading.

    @property
    def value(self):
        """The current value as a backend tensor (the mapped one in a scope)."""
        if not global_state.open_value_scopes and self._value is not None:
            # No stateless or autocast scope anywhere: nothing to look up.
            return self._value
        scope = scopes.get_stateless_scope()
        while scope is not None:
            # Nested scopes: the innermost that maps this variable wins.
            mapped = scope.get_current_value(self)
            if mapped is not None:
                return self._maybe_autocast(mapped)
            scope = scope._parent
        if self._value is None:
            # A deferred variable read before initialization: compute the
            # initial value without storing it (we may be inside a scope).
            return self._maybe_autocast(self._initial_value(self._initializer))
        return self._maybe_autocast(self._value)

    def _autocast_dtype(self):
        """The dtype an enclosing AutocastScope makes this variable read as."""
        scope = scopes.get_autocast_scope()
        if (
            self._autocast
            and scope is not None
            and scope.dtype is not None
            and is_float_dtype(self._dtype)
        ):
            return scope.dtype
        return None

    def _maybe_autocast(self, value):
        dtype = self._autocast_dtype()
        if dtype is None or dtype == self._dtype:
            return value
        return self._convert_to_tensor(value, dtype=dtype)

    def numpy(self):
        """Returns the current value as a NumPy array."""
        return self._convert_to_numpy(self.value)

    # Writing.

    def assign(self, value):
        """Sets the value; returns the new value (cast to this dtype).

        Inside a `StatelessScope` the new value is recorded in the scope and
        the variable itself is left unchanged.
        """
        value = self._convert_to_tensor(value, dtype=self._dtype)
        if tuple(value.shape) != self._shape and (
            standardize_shape(value.shape) != self._shape
        ):
            raise ValueError(
                "The shape of the target variable and the shape of the target "
                "value in `variable.assign(value)` must match. "
                f"variable.shape={self._shape}, Received: "
                f"value.shape={tuple(value.shape)}. Target variable: {self!r}"
            )
        # No value scope open anywhere means no stateless scope either.
        scope = scopes.get_stateless_scope() if global_state.open_value_scopes else None
        if scope is not None:
            scope.add_update((self, value))
        else:
            self._direct_assign(value)
        return value

    def assign_add(self, value):
        """Adds `value` to the variable; returns the new value."""
        value = self._convert_to_tensor(value, self._dtype)
        if (
            not global_state.open_value_scopes
            and self._value is not None
            and (tuple(value.shape) == self._shape or not value.shape)
        ):
            # Metric totals and step counters, every step: in place where
            # the backend can (one kernel, no new tensor).
            return self._direct_assign_add(value)
        return self.assign(self._raw_value() + value)

    def assign_sub(self, value):
        """Subtracts `value` from the variable; returns the new value."""
        current = self._raw_value()
        return self.assign(current - self._convert_to_tensor(value, self._dtype))

    def _direct_assign_add(self, value):
        """Adds `value` (this dtype, broadcastable) outside any scope."""
        new_value = self._value + value
        self._direct_assign(new_value)
        return new_value

    def _raw_value(self):
        """The value in this variable's own dtype (never autocast)."""
        if not global_state.open_value_scopes and self._value is not None:
            return self._value
        with scopes.AutocastScope(None):
            return self.value

    # Properties.

    @property
    def name(self):
        return self._name

    @property
    def path(self):
        """The name prefixed by the enclosing name scopes, e.g. `dense/kernel`."""
        return self._path

    @property
    def dtype(self):
        """The dtype; the compute dtype when read inside an autocast scope."""
        if not global_state.open_value_scopes:
            return self._dtype
        return self._autocast_dtype() or self._dtype

    @property
    def shape(self):
        return self._shape

    @property
    def ndim(self):
        return len(self._shape)

    @property
    def trainable(self):
        return self._trainable

    @trainable.setter
    def trainable(self, value):
        if not isinstance(value, bool):
            raise TypeError(
                f"`trainable` must be a boolean. Received: trainable={value!r}"
            )
        self._trainable = value
        self._on_trainable_change(value)

    @property
    def autocast(self):
        return self._autocast

    @property
    def aggregation(self):
        return self._aggregation

    @property
    def synchronization(self):
        return self._synchronization

    @property
    def constraint(self):
        return self._constraint

    @constraint.setter
    def constraint(self, value):
        if value is not None and not callable(value):
            raise ValueError(
                "Invalid value for attribute `constraint`. Expected a callable "
                "(such as a `keras_core.constraints.Constraint` instance) or "
                f"`None`. Received: constraint={value!r}"
            )
        self._constraint = value

    @property
    def regularizer(self):
        return self._regularizer

    @regularizer.setter
    def regularizer(self, value):
        if value is not None and not callable(value):
            raise ValueError(
                "Invalid value for attribute `regularizer`. Expected a callable "
                "(such as a `keras_core.regularizers.Regularizer` instance) or "
                f"`None`. Received: regularizer={value!r}"
            )
        self._regularizer = value

    @property
    def overwrite_with_gradient(self):
        """Whether optimizers replace the value with the gradient (FP8 stats)."""
        return self._overwrite_with_gradient

    @overwrite_with_gradient.setter
    def overwrite_with_gradient(self, value):
        if not isinstance(value, bool):
            raise TypeError(
                f"`overwrite_with_gradient` must be a boolean. Received: {value!r}"
            )
        self._overwrite_with_gradient = value

    def __repr__(self):
        if self._value is None and self._initializer is not None:
            shown = "<uninitialized>"
        else:
            import numpy

            shown = numpy.array2string(
                numpy.asarray(self.numpy()), threshold=20, separator=" "
            )
        return (
            f"<Variable path={self._path}, shape={self._shape}, "
            f"dtype={self._dtype}, value={shown}>"
        )


def _register_uninitialized(variable):
    pending = global_state.get_global_attribute(
        "uninitialized_variables", [], set_to_default=True
    )
    pending.append(variable)


def initialize_all_variables():
    """Initializes the variables whose creation a stateless scope deferred."""
    pending = global_state.get_global_attribute("uninitialized_variables") or []
    for variable in pending:
        variable._deferred_initialize()
    global_state.set_global_attribute("uninitialized_variables", [])
