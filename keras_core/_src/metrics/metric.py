"""The Metric base class: state variables plus update, result and reset.

A metric keeps running totals in non-trainable variables. `update_state`
adds a batch to them, `result` reads the current value and `reset_state`
starts over. The `stateless_*` methods run the same code on values held
outside the variables (a `StatelessScope`), which is how a jitted train
step updates metrics without side effects.
"""

from keras_core import ops
from keras_core._src import backend
from keras_core._src import initializers
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common import global_state
from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.scopes import StatelessScope
from keras_core._src.backend.common.scopes import name_scope
from keras_core._src.ops.operation import _snake_case


@keras_public("keras.metrics")
class Metric:
    """Base class of metrics: state, `update_state`, `result`, `reset_state`.

    Subclasses create their state with `add_variable` in `__init__`, and
    implement `update_state(*args, **kwargs)` (adding a batch to the state
    with `variable.assign*`) and `result()` (reading it).

    Args:
        dtype: The dtype of the state and the result (default: floatx).
        name: The metric's name (default: the class name in snake case,
            made unique with a `_N` suffix).

    Example:

    >>> class Total(keras_core.metrics.Metric):
    ...     def __init__(self, name="total", dtype=None):
    ...         super().__init__(name=name, dtype=dtype)
    ...         self.total = self.add_variable(shape=(), initializer="zeros",
    ...                                        name="total")
    ...     def update_state(self, values):
    ...         self.total.assign_add(keras_core.ops.sum(values))
    ...     def result(self):
    ...         return self.total
    >>> metric = Total()
    >>> metric.update_state([1.0, 2.0])
    >>> float(metric.result())
    3.0
    """

    # The layer tracker recognises metrics assigned as attributes by this.
    _keras_tracking_kind = "metric"

    def __init__(self, dtype=None, name=None):
        # Unnamed metrics get unique names ("auc", "auc_1"), as in Keras.
        self.name = name or global_state.unique_name(_snake_case(type(self).__name__))
        self._dtype = standardize_dtype(dtype or floatx())
        self._variables = []
        self._sub_metrics = []

    def __setattr__(self, name, value):
        # Metrics built from metrics (e.g. a wrapper) expose their state too.
        if isinstance(value, Metric) and name != "_sub_metrics":
            sub_metrics = self.__dict__.get("_sub_metrics")
            if sub_metrics is not None and not any(value is m for m in sub_metrics):
                sub_metrics.append(value)
        super().__setattr__(name, value)

    def _check_initialized(self, method):
        if "_variables" not in self.__dict__:
            raise RuntimeError(
                f"{type(self).__name__}.{method}() was called before "
                "Metric.__init__: call `super().__init__(name=..., dtype=...)` "
                "at the start of your metric's `__init__`."
            )

    @property
    def dtype(self):
        """The dtype of the state and the result, as a string."""
        return self._dtype

    @property
    def variables(self):
        """The state variables, this metric's first, then its sub-metrics'."""
        self._check_initialized("variables")
        variables = list(self._variables)
        for metric in self._sub_metrics:
            variables.extend(metric.variables)
        return variables

    def add_variable(
        self, shape, initializer, dtype=None, aggregation="sum", name=None
    ):
        """Creates a state variable, path `<metric name>/<name>`.

        Args:
            shape: The variable's shape.
            initializer: An initializer (name, instance or callable) for
                the first value (`reset_state` sets zeros, as in Keras).
            dtype: The variable's dtype (default: the metric's).
            aggregation: How replicas combine it (`"sum"`, `"mean"`, ...).
            name: The variable's name.

        Returns:
            The new non-trainable `Variable`.
        """
        self._check_initialized("add_variable")
        with name_scope(self.name.replace("/", "_"), caller=self):
            variable = backend.Variable(
                initializer=initializers.get(initializer),
                shape=shape,
                dtype=dtype or self._dtype,
                trainable=False,
                aggregation=aggregation,
                name=name,
            )
        self._variables.append(variable)
        return variable

    def add_weight(self, shape=(), initializer=None, dtype=None, name=None):
        """Alias of `add_variable` with Layer-like defaults (zeros)."""
        return self.add_variable(
            shape=shape,
            initializer=initializer or "zeros",
            dtype=dtype,
            name=name,
        )

    def update_state(self, *args, **kwargs):
        """Adds a batch to the state. Subclasses implement it."""
        raise NotImplementedError(
            f"Metric {type(self).__name__} must implement "
            "`update_state(self, *args, **kwargs)`."
        )

    def result(self):
        """The metric's current value. Subclasses implement it."""
        raise NotImplementedError(
            f"Metric {type(self).__name__} must implement `result(self)`."
        )

    def reset_state(self):
        """Returns every state variable to zeros."""
        for variable in self.variables:
            variable.assign(ops.zeros(variable.shape, dtype=variable.dtype))

    def _values_after(self, metric_variables, method, *args, **kwargs):
        variables = self.variables
        if len(metric_variables) != len(variables):
            raise ValueError(
                f"Argument `metric_variables` of metric '{self.name}' must have "
                f"{len(variables)} values (one per variable in "
                f"`metric.variables`); received {len(metric_variables)}."
            )
        mapping = list(zip(variables, metric_variables, strict=True))
        with StatelessScope(state_mapping=mapping) as scope:
            output = method(*args, **kwargs)
        return output, scope.current_values(variables, metric_variables)

    def stateless_update_state(self, metric_variables, *args, **kwargs):
        """`update_state` on values instead of the variables.

        Args:
            metric_variables: Values for `self.variables`, in order.
            *args: Passed to `update_state`.
            **kwargs: Passed to `update_state`.

        Returns:
            The new values of `self.variables`, in order.

        Example:

        >>> metric = keras_core.metrics.Mean()
        >>> state = [v.value for v in metric.variables]
        >>> state = metric.stateless_update_state(state, [1.0, 3.0])
        >>> float(metric.stateless_result(state))
        2.0
        """
        _, new_values = self._values_after(
            metric_variables, self.update_state, *args, **kwargs
        )
        return new_values

    def stateless_result(self, metric_variables):
        """`result` computed from values instead of the variables."""
        output, _ = self._values_after(metric_variables, self.result)
        return output

    def stateless_reset_state(self):
        """The values `reset_state` would give `self.variables`, in order."""
        current = [variable.value for variable in self.variables]
        _, new_values = self._values_after(current, self.reset_state)
        return new_values

    def __call__(self, *args, **kwargs):
        """Updates the state with one batch and returns the result."""
        self.update_state(*args, **kwargs)
        return self.result()

    def get_config(self):
        """The constructor arguments: `name` and `dtype` here."""
        return {"name": self.name, "dtype": self.dtype}

    @classmethod
    def from_config(cls, config):
        """Creates a metric from the output of `get_config`."""
        return cls(**config)

    def __repr__(self):
        return f"<{type(self).__name__} name={self.name}>"

    def __str__(self):
        return self.__repr__()
