"""`Optimizer`: the base of every optimizer, its state in Variables.

`apply(grads, variables)` runs one step: loss-scale division, gradient
accumulation, clipping, decoupled weight decay, the subclass's
`update_step` per variable, constraints, the step counter and the moving
average of weights. Every stage is written with ops and `ops.where`
instead of Python branches on values, so one code path serves eager
execution and compiled steps (`jax.jit`, `tf.function`) alike; and
`stateless_apply` runs the same step on values held outside the Variables.
"""

from keras_core import ops
from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common import global_state
from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.scopes import StatelessScope
from keras_core._src.backend.common.scopes import name_scope
from keras_core._src.backend.common.variables import Variable
from keras_core._src.ops.operation import _snake_case
from keras_core._src.optimizers.schedules.learning_rate_schedule import (
    LearningRateSchedule,
)

_BASE_CONFIG_KEYS = (
    "learning_rate",
    "weight_decay",
    "clipnorm",
    "global_clipnorm",
    "clipvalue",
    "use_ema",
    "ema_momentum",
    "ema_overwrite_frequency",
    "loss_scale_factor",
    "gradient_accumulation_steps",
)


@keras_public("keras", "keras.optimizers")
class Optimizer:
    """The base class of optimizers: state, the update loop, and configs.

    Subclasses create their per-variable state in `build(variables)` (with
    `add_variable_from_reference`) and implement
    `update_step(gradient, variable, learning_rate)` with ops.

    Args:
        learning_rate: A float, a `LearningRateSchedule`, or a callable
            taking no arguments.
        weight_decay: Decoupled weight decay: each step multiplies
            variables by `1 - learning_rate * weight_decay`.
        clipnorm: Clips each gradient to this norm.
        clipvalue: Clips each gradient element to `[-clipvalue, clipvalue]`.
        global_clipnorm: Clips all gradients together to this global norm.
        use_ema: Whether to keep an exponential moving average of the
            weights (see `finalize_variable_values`).
        ema_momentum: The momentum of that average.
        ema_overwrite_frequency: Every this many steps, the weights are
            overwritten with their average.
        loss_scale_factor: A factor the loss is multiplied by (see
            `scale_loss`) and the gradients divided by.
        gradient_accumulation_steps: Applies an update every this many
            steps, with the mean of the gradients seen since the last one.
        name: The optimizer's name, unique by default.
        **kwargs: Nothing else is accepted.

    Example:

    >>> optimizer = keras_core.optimizers.SGD(learning_rate=0.1)
    >>> w = keras_core.Variable([1.0, 2.0])
    >>> optimizer.apply([numpy.array([1.0, 1.0])], [w])
    >>> w.numpy()
    array([0.9, 1.9], dtype=float32)
    """

    def __init__(
        self,
        learning_rate,
        weight_decay=None,
        clipnorm=None,
        clipvalue=None,
        global_clipnorm=None,
        use_ema=False,
        ema_momentum=0.99,
        ema_overwrite_frequency=None,
        loss_scale_factor=None,
        gradient_accumulation_steps=None,
        name=None,
        **kwargs,
    ):
        if kwargs.pop("decay", None) is not None:
            raise ValueError(
                "Argument `decay` is no longer supported: use a "
                "keras_core.optimizers.schedules.LearningRateSchedule instead."
            )
        if kwargs:
            raise ValueError(f"Argument(s) not recognized: {kwargs}")
        set_clips = [c for c in (clipnorm, clipvalue, global_clipnorm) if c is not None]
        if len(set_clips) > 1:
            raise ValueError(
                "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can "
                f"be set. Received: clipnorm={clipnorm}, clipvalue={clipvalue}, "
                f"global_clipnorm={global_clipnorm}"
            )
        if use_ema and not 0 <= ema_momentum <= 1:
            raise ValueError(
                "`ema_momentum` must be in the range [0, 1]. Received: "
                f"ema_momentum={ema_momentum}"
            )
        if ema_overwrite_frequency is not None and (
            not isinstance(ema_overwrite_frequency, int) or ema_overwrite_frequency < 1
        ):
            raise ValueError(
                "`ema_overwrite_frequency` must be an integer >= 1 or None. "
                f"Received: ema_overwrite_frequency={ema_overwrite_frequency}"
            )
        if gradient_accumulation_steps is not None and (
            not isinstance(gradient_accumulation_steps, int)
            or gradient_accumulation_steps < 2
        ):
            raise ValueError(
                "`gradient_accumulation_steps` must be an integer >= 2. "
                f"Received: gradient_accumulation_steps={gradient_accumulation_steps}"
            )
        self.name = name or global_state.unique_name(_snake_case(type(self).__name__))
        self.weight_decay = weight_decay
        self.clipnorm = clipnorm
        self.clipvalue = clipvalue
        self.global_clipnorm = global_clipnorm
        self.use_ema = use_ema
        self.ema_momentum = ema_momentum
        self.ema_overwrite_frequency = ema_overwrite_frequency
        self.loss_scale_factor = loss_scale_factor
        self.gradient_accumulation_steps = gradient_accumulation_steps
        self.built = False
        self._variables = []
        self._trainable_variables = []
        self._exclude_ids = set()
        self._exclude_names = ()
        with name_scope(self.name, caller=self):
            self._iterations = self._make_variable(
                0, "int32", "iteration", aggregation="only_first_replica"
            )
            if isinstance(learning_rate, LearningRateSchedule) or (
                callable(learning_rate) and not isinstance(learning_rate, Variable)
            ):
                self._learning_rate = learning_rate
            else:
                self._learning_rate = self._make_variable(
                    float(learning_rate), floatx(), "learning_rate"
                )

    def _make_variable(self, value, dtype, name, aggregation="none"):
        variable = backend.Variable(
            value, dtype=dtype, trainable=False, name=name, aggregation=aggregation
        )
        self._variables.append(variable)
        return variable

    # State.

    @property
    def variables(self):
        """The optimizer's state: step counter, learning rate and slots."""
        return list(self._variables)

    @property
    def iterations(self):
        """The number of updates applied so far.

        The step-counter Variable; with gradient accumulation, the calls
        so far divided by `gradient_accumulation_steps` (a tensor), as in
        Keras.
        """
        if self.gradient_accumulation_steps:
            return ops.floor_divide(
                self._iterations.value, self.gradient_accumulation_steps
            )
        return self._iterations

    def _applied_steps(self):
        """The updates applied before the current one, as an int tensor.

        Update rules use `_applied_steps() + 1` as the 1-based step of
        bias corrections; schedules read it as their step.
        """
        steps = self._iterations.value
        if self.gradient_accumulation_steps:
            steps = steps // self.gradient_accumulation_steps
        return steps

    @property
    def learning_rate(self):
        """The current learning rate (the schedule's value at this step)."""
        return self._get_current_learning_rate()

    @learning_rate.setter
    def learning_rate(self, value):
        if (
            isinstance(self._learning_rate, Variable)
            and not isinstance(value, LearningRateSchedule)
            and not callable(value)
        ):
            self._learning_rate.assign(value)
        elif isinstance(self._learning_rate, Variable):
            raise TypeError(
                f"Optimizer '{self.name}' was created with a fixed learning rate; "
                "it cannot be replaced by a schedule. Create the optimizer with "
                "the schedule instead."
            )
        else:
            self._learning_rate = value

    def _get_current_learning_rate(self):
        rate = self._learning_rate
        if isinstance(rate, LearningRateSchedule):
            return rate(self._applied_steps())
        if isinstance(rate, Variable):
            return rate.value
        if callable(rate):
            return rate()
        return rate

    def add_variable(
        self,
        shape,
        initializer="zeros",
        dtype=None,
        aggregation="none",
        layout=None,
        name=None,
    ):
        """Creates a state variable of the optimizer.

        Example:

        >>> slot = optimizer.add_variable((3,), name="scale")
        """
        from keras_core._src import initializers

        with name_scope(self.name, caller=self):
            variable = backend.Variable(
                initializer=initializers.get(initializer),
                shape=shape,
                dtype=dtype or floatx(),
                trainable=False,
                aggregation=aggregation,
                layout=layout,
                name=name,
            )
        self._variables.append(variable)
        return variable

    def add_variable_from_reference(
        self, reference_variable, name=None, initializer="zeros"
    ):
        """Creates a slot shaped like `reference_variable` (`<path>_<name>`)."""
        return self.add_variable(
            shape=reference_variable.shape,
            initializer=initializer,
            dtype=reference_variable.dtype,
            # Keras names slots after the variable's path: dense_kernel_momentum.
            name=f"{reference_variable.path.replace('/', '_')}_{name}"
            if name
            else None,
        )

    def add_optimizer_variables(self, trainable_variables, name, initializer="zeros"):
        """One slot per variable (a list, or a list per name for several)."""
        names = [name] if isinstance(name, str) else list(name)
        slots = [
            [
                self.add_variable_from_reference(v, name=slot, initializer=initializer)
                for v in trainable_variables
            ]
            for slot in names
        ]
        return slots[0] if isinstance(name, str) else tuple(slots)

    def build(self, variables):
        """Creates the state for `variables` (subclasses add their slots)."""
        if self.use_ema:
            self._average_variables = self.add_optimizer_variables(variables, "average")
        if self.gradient_accumulation_steps:
            self._accumulators = self.add_optimizer_variables(
                variables, "gradient_accumulator"
            )
        self._trainable_variables = list(variables)
        self._index = {id(v): i for i, v in enumerate(variables)}
        self.built = True

    def _variable_index(self, variable):
        try:
            return self._index[id(variable)]
        except KeyError:
            raise KeyError(
                f"Variable '{variable.path}' is not among the variables optimizer "
                f"'{self.name}' was built for. Build a new optimizer for a new "
                "set of variables."
            ) from None

    # Updates.

    def update_step(self, gradient, variable, learning_rate):
        """Updates one `variable` from its `gradient` (subclasses override)."""
        raise NotImplementedError(
            f"Optimizer {type(self).__name__} must implement "
            "`update_step(gradient, variable, learning_rate)`."
        )

    def assign(self, variable, value):
        """Sets `variable` to `value` (inside any stateless scope too)."""
        variable.assign(value)

    def assign_add(self, variable, value):
        """Adds `value` to `variable`."""
        variable.assign_add(value)

    def assign_sub(self, variable, value):
        """Subtracts `value` from `variable`."""
        variable.assign_sub(value)

    def apply_gradients(self, grads_and_vars):
        """Applies `(gradient, variable)` pairs; returns the step counter."""
        pairs = list(grads_and_vars)
        grads = [g for g, _ in pairs]
        variables = [v for _, v in pairs]
        return self.apply(grads, variables)

    def apply(self, grads, trainable_variables=None):
        """Runs one optimization step.

        Args:
            grads: One gradient per variable (None entries are skipped).
            trainable_variables: The variables; those given to `build` by
                default. The first call builds the optimizer for them.

        Returns:
            The step counter Variable.
        """
        if trainable_variables is None:
            if not self.built:
                raise ValueError(
                    f"Optimizer '{self.name}' is not built: pass the variables "
                    "with the gradients, or call `build(variables)` first."
                )
            trainable_variables = self._trainable_variables
        grads = list(grads)
        trainable_variables = list(trainable_variables)
        if len(grads) != len(trainable_variables):
            raise ValueError(
                f"Optimizer '{self.name}' received {len(grads)} gradients for "
                f"{len(trainable_variables)} variables; pass one per variable."
            )
        if not self.built:
            with name_scope(self.name, caller=self):
                self.build(trainable_variables)
        present = [
            (g, v)
            for g, v in zip(grads, trainable_variables, strict=True)
            if g is not None
        ]
        if not present:
            return self._iterations
        # Gradients usually have their variable's dtype already: no cast op.
        grads = [
            g if _dtype_of(g) == v.dtype else ops.cast(g, v.dtype) for g, v in present
        ]
        variables = [v for _, v in present]
        if self.loss_scale_factor is not None:
            grads = [g / self.loss_scale_factor for g in grads]
        if self.gradient_accumulation_steps:
            self._accumulated_step(grads, variables)
        else:
            self._update(grads, variables)
            self._finish_step(variables, True)
        return self._iterations

    def _accumulated_step(self, grads, variables):
        steps = self.gradient_accumulation_steps
        is_update = ops.equal((self._iterations.value + 1) % steps, 0)
        accumulators = [self._accumulators[self._variable_index(v)] for v in variables]
        means = [
            (a.value + g) / steps for a, g in zip(accumulators, grads, strict=True)
        ]
        with StatelessScope(
            state_mapping=[(v, v.value) for v in self._slot_and_target(variables)]
        ) as scope:
            self._update(means, variables)
        for variable in self._slot_and_target(variables):
            updated = scope.get_current_value(variable)
            if updated is not None:
                variable.assign(ops.where(is_update, updated, variable.value))
        for accumulator, grad in zip(accumulators, grads, strict=True):
            accumulator.assign(
                ops.where(is_update, ops.zeros_like(grad), accumulator.value + grad)
            )
        self._finish_step(variables, is_update)

    def _slot_and_target(self, variables):
        """The variables an update may write: targets and every slot."""
        reserved = {id(self._iterations)}
        if isinstance(self._learning_rate, Variable):
            reserved.add(id(self._learning_rate))
        for name in ("_average_variables", "_accumulators"):
            reserved.update(id(v) for v in getattr(self, name, ()))
        slots = [v for v in self._variables if id(v) not in reserved]
        return list(variables) + slots

    def _update(self, grads, variables):
        grads = self._clip_gradients(grads)
        learning_rate = self._get_current_learning_rate()
        self._apply_weight_decay(variables, learning_rate)
        if not self._fused_update(grads, variables, learning_rate):
            for grad, variable in zip(grads, variables, strict=True):
                self.update_step(
                    grad, variable, ops.cast(learning_rate, variable.dtype)
                )
        for variable in variables:
            if variable.constraint is not None:
                variable.assign(variable.constraint(variable.value))

    def _fused_update(self, grads, variables, learning_rate):
        """Runs the whole step in the backend's fused kernels, if it can.

        Subclasses with a fused form (Adam) override it; it must return
        False whenever it did nothing, and may only act outside stateless
        scopes (it writes the Variables in place).
        """
        return False

    def _finish_step(self, variables, is_update):
        # The moving average reads the step counter before it advances; the
        # counter advances on every call, accumulation steps included.
        if self.use_ema:
            self._update_moving_averages(variables, ops.convert_to_tensor(is_update))
        self._iterations.assign_add(1)

    def _clip_gradients(self, grads):
        if self.clipnorm is not None:
            return [self._clip_by_norm(g, self.clipnorm) for g in grads]
        if self.global_clipnorm is not None:
            global_norm = ops.sqrt(
                sum(ops.sum(ops.square(ops.cast(g, "float32"))) for g in grads)
            )
            scale = ops.minimum(
                1.0, self.global_clipnorm / ops.maximum(global_norm, 1e-12)
            )
            return [g * ops.cast(scale, g.dtype) for g in grads]
        if self.clipvalue is not None:
            return [ops.clip(g, -self.clipvalue, self.clipvalue) for g in grads]
        return grads

    @staticmethod
    def _clip_by_norm(grad, clip_norm):
        norm = ops.sqrt(ops.sum(ops.square(grad)))
        scale = ops.minimum(1.0, clip_norm / ops.maximum(norm, 1e-12))
        return grad * ops.cast(scale, grad.dtype)

    def exclude_from_weight_decay(self, var_list=None, var_names=None):
        """Leaves variables (or those whose path contains a name) undecayed.

        Example:

        >>> optimizer.exclude_from_weight_decay(var_names=["bias"])
        """
        if self.built:
            raise ValueError(
                "`exclude_from_weight_decay()` can only be configured before "
                "the optimizer is built."
            )
        self._exclude_ids = {id(v) for v in var_list or ()}
        self._exclude_names = tuple(var_names or ())

    def _decays(self, variable):
        if id(variable) in self._exclude_ids:
            return False
        return not any(name in variable.path for name in self._exclude_names)

    def _apply_weight_decay(self, variables, learning_rate):
        if not self.weight_decay:
            return
        for variable in variables:
            if self._decays(variable):
                rate = ops.cast(learning_rate, variable.dtype)
                variable.assign(
                    variable.value - variable.value * self.weight_decay * rate
                )

    def _update_moving_averages(self, variables, is_update):
        not_first = ops.cast(ops.not_equal(self._applied_steps(), 0), "float32")
        momentum = not_first * self.ema_momentum
        for variable in variables:
            average = self._average_variables[self._variable_index(variable)]
            m = ops.cast(momentum, variable.dtype)
            new_average = m * average.value + (1 - m) * variable.value
            average.assign(ops.where(is_update, new_average, average.value))
        if self.ema_overwrite_frequency:
            overwrite = ops.logical_and(
                is_update,
                ops.equal(
                    (self._applied_steps() + 1) % self.ema_overwrite_frequency, 0
                ),
            )
            for variable in variables:
                average = self._average_variables[self._variable_index(variable)]
                variable.assign(ops.where(overwrite, average.value, variable.value))

    def finalize_variable_values(self, var_list):
        """Copies the moving averages into the variables (with `use_ema`)."""
        if self.use_ema:
            for variable in var_list:
                average = self._average_variables[self._variable_index(variable)]
                variable.assign(average.value)

    def stateless_apply(self, optimizer_variables, grads, trainable_variables):
        """Runs `apply` on values, changing no Variable.

        Args:
            optimizer_variables: Values for `self.variables`, in order.
            grads: The gradients.
            trainable_variables: Values for the variables the optimizer was
                built for, in order.

        Returns:
            `(new_trainable_values, new_optimizer_values)`.
        """
        if not self.built:
            raise ValueError(
                f"To call `stateless_apply`, optimizer '{self.name}' must be "
                "built: call `build(variables)` first."
            )
        if len(optimizer_variables) != len(self._variables):
            raise ValueError(
                f"Argument `optimizer_variables` must have {len(self._variables)} "
                f"values (one per optimizer variable); received "
                f"{len(optimizer_variables)}."
            )
        if len(trainable_variables) != len(self._trainable_variables):
            raise ValueError(
                "Argument `trainable_variables` must have "
                f"{len(self._trainable_variables)} values; received "
                f"{len(trainable_variables)}."
            )
        mapping = list(zip(self._variables, optimizer_variables, strict=True))
        mapping += list(
            zip(self._trainable_variables, trainable_variables, strict=True)
        )
        with StatelessScope(state_mapping=mapping) as scope:
            self.apply(grads)
        new_trainable = [
            _current(scope, v, value)
            for v, value in zip(
                self._trainable_variables, trainable_variables, strict=True
            )
        ]
        new_optimizer = [
            _current(scope, v, value)
            for v, value in zip(self._variables, optimizer_variables, strict=True)
        ]
        return new_trainable, new_optimizer

    def scale_loss(self, loss):
        """Multiplies `loss` by `loss_scale_factor` (when set)."""
        if self.loss_scale_factor is not None:
            return loss * self.loss_scale_factor
        return loss

    # Saving.

    def set_weights(self, weights):
        """Sets the optimizer's variables from a list of arrays."""
        if len(weights) != len(self.variables):
            raise ValueError(
                f"Optimizer '{self.name}' has {len(self.variables)} variables; "
                f"`set_weights` received {len(weights)} values."
            )
        for variable, value in zip(self.variables, weights, strict=True):
            variable.assign(value)

    def save_own_variables(self, store):
        """Writes the variables to `store` under "0", "1", ..."""
        for index, variable in enumerate(self.variables):
            store[str(index)] = variable.numpy()

    def load_own_variables(self, store):
        """Reads the variables from `store`."""
        if len(store.keys()) != len(self.variables):
            raise ValueError(
                f"Optimizer '{self.name}' has {len(self.variables)} variables, "
                f"but the saved state has {len(store.keys())}. Build the "
                "optimizer for the same model before loading."
            )
        for index, variable in enumerate(self.variables):
            variable.assign(store[str(index)])

    def get_config(self):
        """Returns the constructor arguments as a JSON-ready dict."""
        from keras_core._src.saving import serialization_lib

        rate = self._learning_rate
        if isinstance(rate, Variable):
            rate = float(rate.numpy())
        elif isinstance(rate, LearningRateSchedule):
            rate = serialization_lib.serialize_keras_object(rate)
        config = {"name": self.name, "learning_rate": rate}
        for key in _BASE_CONFIG_KEYS[1:]:
            config[key] = getattr(self, key)
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        """Creates an optimizer from its `get_config()` dict."""
        from keras_core._src.saving import serialization_lib

        config = dict(config)
        if isinstance(config.get("learning_rate"), dict):
            config["learning_rate"] = serialization_lib.deserialize_keras_object(
                config["learning_rate"], custom_objects=custom_objects
            )
        return cls(**config)

    def __repr__(self):
        return f"<{type(self).__name__} name={self.name}, built={self.built}>"


def _dtype_of(tensor):
    """The dtype of a backend tensor; None for anything else (arrays too)."""
    if not backend.core.is_tensor(tensor):
        return None
    return standardize_dtype(tensor.dtype)


def _current(scope, variable, default):
    value = scope.get_current_value(variable)
    return default if value is None else value
