"""Context managers that change how variables and ops behave inside them.

- `name_scope`: prefixes the paths of variables (and layers) made inside it.
- `StatelessScope`: variables read the values it maps them to, and writes go
  to the scope instead of the variable. This is how `stateless_call` runs a
  layer functionally on values held outside the variables.
- `SymbolicScope`: marks code that runs on symbolic inputs only.
- `AutocastScope`: float variables read as the mixed-precision compute dtype.

Each scope stacks on a per-thread attribute in `global_state`.
"""

from keras_core._src.backend.common import global_state
from keras_core._src.backend.common.dtypes import standardize_dtype


def _check_scope_name(name):
    if not isinstance(name, str) or "/" in name:
        raise ValueError(
            "Argument `name` must be a string and cannot contain character `/`. "
            f"Received: name={name!r}"
        )


def _count_entered(scope):
    # Per instance, so that an `__exit__` without its `__enter__` cannot
    # bring the count of open scopes below the truth.
    scope._open_count += 1
    global_state.count_value_scope(1)


def _count_exited(scope):
    if scope._open_count > 0:
        scope._open_count -= 1
        global_state.count_value_scope(-1)


class name_scope:
    """Prefixes the names of variables and layers created inside it.

    Scopes nest: a variable `kernel` made inside `name_scope("block")` inside
    `name_scope("model")` has the path `model/block/kernel`.

    Args:
        name: The scope's name, without `/`.
        caller: The object that opened the scope (such as a layer). When the
            innermost scope has the same name and caller, re-entering it adds
            nothing, so a layer calling itself recursively does not stack
            its name twice.
        deduplicate: Whether to apply the rule above (default True).
        override_parent: A path to use instead of the enclosing scopes'.

    Example:

    >>> with keras_core.name_scope("encoder"):
    ...     v = keras_core.Variable(1.0, name="bias")
    >>> v.path
    'encoder/bias'
    """

    def __init__(self, name, **kwargs):
        unknown = set(kwargs) - {"caller", "deduplicate", "override_parent"}
        if unknown:
            raise TypeError(
                f"name_scope got unexpected keyword arguments: {sorted(unknown)}. "
                "It accepts `caller`, `deduplicate` and `override_parent`."
            )
        _check_scope_name(name)
        self.name = name
        self.caller = kwargs.get("caller")
        self.deduplicate = kwargs.get("deduplicate", True)
        self.override_parent = kwargs.get("override_parent")
        self._pushed = False
        self._saved_stack = None

    def __enter__(self):
        stack = global_state.get_global_attribute("name_scope_stack")
        if stack is None:
            stack = []
            global_state.set_global_attribute("name_scope_stack", stack)
        if self.override_parent is not None:
            # Run under a different parent path: swap the whole stack.
            self._saved_stack = stack
            stack = [name_scope(part) for part in self.override_parent.split("/")]
            global_state.set_global_attribute("name_scope_stack", stack)
        innermost = stack[-1] if stack else None
        if (
            self.deduplicate
            and self.caller is not None
            and innermost is not None
            and innermost.name == self.name
            and innermost.caller is self.caller
        ):
            return self
        stack.append(self)
        self._pushed = True
        return self

    def __exit__(self, *exc_info):
        if self._pushed:
            global_state.get_global_attribute("name_scope_stack").pop()
            self._pushed = False
        if self._saved_stack is not None:
            global_state.set_global_attribute("name_scope_stack", self._saved_stack)
            self._saved_stack = None


def current_path():
    """The path of the enclosing name scopes, such as `"model/block"`."""
    stack = global_state.get_global_attribute("name_scope_stack")
    if not stack:
        return ""
    return "/".join(scope.name for scope in stack)


class StatelessScope:
    """Runs code with variable values taken from a mapping, changing nothing.

    Inside the scope, reading a variable in `state_mapping` gives the mapped
    value; `assign` records the new value in the scope instead of writing the
    variable. Read the recorded values with `get_current_value`. Creating a
    variable from a concrete value inside the scope is an error (it would be
    state outside the mapping); a variable made from an initializer stays
    uninitialized until the scope ends, or until it is read.

    Args:
        state_mapping: Pairs `(variable, value)`: the values variables read
            inside the scope. Values are cast to each variable's dtype and
            must have its shape.
        collect_losses: Whether losses added inside the scope (with
            `Layer.add_loss`) are collected on the scope, in `losses`.
        initialize_variables: Whether variables made from initializers inside
            the scope are initialized when it ends.

    Example:

    >>> v = keras_core.Variable([1.0, 2.0])
    >>> with keras_core.StatelessScope(state_mapping=[(v, [5.0, 6.0])]) as scope:
    ...     v.assign(v + 1.0)
    ...     new_value = scope.get_current_value(v)
    >>> numpy.asarray(new_value)
    array([6., 7.], dtype=float32)
    >>> v.numpy()  # unchanged
    array([1., 2.], dtype=float32)
    """

    def __init__(
        self, state_mapping=None, collect_losses=False, initialize_variables=True
    ):
        from keras_core._src.backend.common.variables import Variable

        self.collect_losses = collect_losses
        self.initialize_variables = initialize_variables
        self.losses = []
        self.state_mapping = {}
        for pair in state_mapping or ():
            if not isinstance(pair, (list, tuple)) or len(pair) != 2:
                raise ValueError(
                    "Argument `state_mapping` of StatelessScope must be a list of "
                    f"(variable, value) pairs. Received an item: {pair!r}"
                )
            variable, value = pair
            if not isinstance(variable, Variable):
                raise ValueError(
                    "Invalid reference variable in StatelessScope: all keys in "
                    "argument `state_mapping` must be Variable instances. "
                    f"Received instead: {variable!r}"
                )
            value = variable._convert_to_tensor(value, dtype=variable.dtype)
            if tuple(value.shape) != variable.shape:
                raise ValueError(
                    "Invalid variable value in StatelessScope: every value in "
                    "argument `state_mapping` must have the shape of its variable. "
                    f"Variable {variable.path!r} has shape {variable.shape}, but "
                    f"received a value of shape {tuple(value.shape)}."
                )
            self.state_mapping[id(variable)] = (variable, value)
        self._parent = None
        self._open_count = 0

    def __enter__(self):
        self._parent = global_state.get_global_attribute("stateless_scope")
        global_state.set_global_attribute("stateless_scope", self)
        _count_entered(self)
        return self

    def __exit__(self, *exc_info):
        global_state.set_global_attribute("stateless_scope", self._parent)
        _count_exited(self)
        # Inside an enclosing stateless scope, initializing would escape it:
        # the outermost scope initializes on exit.
        if self.initialize_variables and self._parent is None:
            from keras_core._src.backend.common.variables import (
                initialize_all_variables,
            )

            initialize_all_variables()

    def add_loss(self, loss):
        self.losses.append(loss)

    def add_update(self, update):
        variable, value = update
        self.state_mapping[id(variable)] = (variable, value)

    def current_values(self, variables, values):
        """`values` (one per variable), with those assigned in the scope
        replaced by their new values."""
        updated = []
        for variable, value in zip(variables, values, strict=True):
            current = self.get_current_value(variable)
            updated.append(value if current is None else current)
        return updated

    def get_current_value(self, variable):
        """The value `variable` has in this scope, or None if it has none."""
        # Keyed by id (variables define `__eq__` elementwise, so they cannot be
        # dict keys); the entry keeps the variable alive so its id stays unique.
        entry = self.state_mapping.get(id(variable))
        return None if entry is None else entry[1]


def get_stateless_scope():
    return global_state.get_global_attribute("stateless_scope")


def in_stateless_scope():
    return global_state.get_global_attribute("stateless_scope") is not None


class SymbolicScope:
    """Marks code as running on symbolic inputs (`KerasTensor`s) only.

    Layers and ops use `in_symbolic_scope()` to skip work that needs real
    values, for example while a functional model computes its output specs.

    Example:

    >>> with keras_core.SymbolicScope():
    ...     outputs = layer.compute_output_spec(keras_core.KerasTensor((None, 4)))
    """

    def __init__(self):
        self._parent = None

    def __enter__(self):
        self._parent = global_state.get_global_attribute("symbolic_scope")
        global_state.set_global_attribute("symbolic_scope", self)
        return self

    def __exit__(self, *exc_info):
        global_state.set_global_attribute("symbolic_scope", self._parent)


def in_symbolic_scope():
    return global_state.get_global_attribute("symbolic_scope") is not None


class AutocastScope:
    """Makes float variables read as `dtype` (mixed precision compute).

    Args:
        dtype: A float dtype, or None to turn autocasting off inside.
    """

    def __init__(self, dtype):
        if dtype is not None:
            dtype = standardize_dtype(dtype)
            if not dtype.startswith(("float", "bfloat")):
                raise ValueError(
                    "AutocastScope can only cast to a float dtype. "
                    f"Received: dtype={dtype}"
                )
        self.dtype = dtype
        self._parent = None
        self._open_count = 0

    def __enter__(self):
        self._parent = global_state.get_global_attribute("autocast_scope")
        global_state.set_global_attribute("autocast_scope", self)
        _count_entered(self)
        return self

    def __exit__(self, *exc_info):
        global_state.set_global_attribute("autocast_scope", self._parent)
        _count_exited(self)


def get_autocast_scope():
    return global_state.get_global_attribute("autocast_scope")
