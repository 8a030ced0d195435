"""`MultiOptimizer`: different optimizers for different variables.

Each variable is routed once, at build time, to the optimizer an
`OptimizerMap` (or a selector function) gives for it; every step hands
each optimizer the gradients of its own variables. The sub-optimizers
keep their own state, step counters and hyperparameters.
"""

from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.scopes import StatelessScope
from keras_core._src.optimizers.optimizer import Optimizer
from keras_core._src.optimizers.optimizer import _current
from keras_core._src.optimizers.optimizer_map import OptimizerMap

__all__ = ["MultiOptimizer"]


@keras_public("keras.optimizers")
class MultiOptimizer(Optimizer):
    """An optimizer that delegates each variable to one of several.

    Its `variables` are its own step counter and (unused) learning rate
    followed by every sub-optimizer's variables; it has no learning rate of
    its own (reading `learning_rate` raises `AttributeError`: use those of
    `optimizers`). With `loss_scale_factor`, the gradients are divided by
    it before they are handed on.

    Args:
        optimizer_map: An `OptimizerMap`, or a callable taking a variable
            and returning its `Optimizer` (called once per variable, when
            the optimizer is built).
        loss_scale_factor: A factor the loss is multiplied by (see
            `scale_loss`) and the gradients divided by.
        name: The optimizer's name.

    Example:

    >>> optimizer = keras_core.optimizers.MultiOptimizer(
    ...     keras_core.optimizers.OptimizerMap(
    ...         keras_core.optimizers.SGD(learning_rate=0.1),
    ...         {"encoder/.*": keras_core.optimizers.Adam()}))
    >>> model.compile(optimizer=optimizer, loss="mse")
    """

    def __init__(self, optimizer_map, loss_scale_factor=None, name=None):
        if not isinstance(optimizer_map, OptimizerMap) and (
            isinstance(optimizer_map, (Optimizer, dict)) or not callable(optimizer_map)
        ):
            raise TypeError(
                "MultiOptimizer: `optimizer_map` must be an OptimizerMap or a "
                "callable taking a variable and returning its optimizer. "
                f"Received: optimizer_map={optimizer_map!r}. To route by path "
                "pattern, wrap a dict in "
                "keras_core.optimizers.OptimizerMap(default_optimizer, dict)."
            )
        super().__init__(
            learning_rate=0.0, loss_scale_factor=loss_scale_factor, name=name
        )
        self.optimizer_map = optimizer_map
        self._selected = []
        self._assignment = {}

    @property
    def optimizers(self):
        """The sub-optimizers, each once.

        With an `OptimizerMap`: those of its patterns, then the default
        one. With a callable: those it returned, in order of first use
        (none before the optimizer is built).
        """
        if isinstance(self.optimizer_map, OptimizerMap):
            candidates = list(self.optimizer_map.values())
            candidates.append(self.optimizer_map.default_optimizer)
        else:
            candidates = self._selected
        unique = []
        for optimizer in candidates:
            if not any(optimizer is seen for seen in unique):
                unique.append(optimizer)
        return unique

    @property
    def variables(self):
        variables = list(self._variables)
        for optimizer in self.optimizers:
            variables.extend(optimizer.variables)
        return variables

    @property
    def learning_rate(self):
        raise AttributeError(
            f"MultiOptimizer '{self.name}' has no single learning rate: read or "
            "set it on the sub-optimizers, `optimizer.optimizers`."
        )

    @learning_rate.setter
    def learning_rate(self, value):
        raise AttributeError(
            f"MultiOptimizer '{self.name}' has no single learning rate: set it "
            "on the sub-optimizers, `optimizer.optimizers`."
        )

    def _select(self, variable):
        if isinstance(self.optimizer_map, OptimizerMap):
            optimizer = self.optimizer_map[variable.path]
        else:
            optimizer = self.optimizer_map(variable)
        if not isinstance(optimizer, Optimizer):
            raise ValueError(
                f"MultiOptimizer '{self.name}': the optimizer chosen for variable "
                f"'{variable.path}' is not an Optimizer instance. Received: "
                f"{optimizer!r}"
            )
        return optimizer

    def build(self, variables):
        """Routes each variable to its optimizer and builds those."""
        if self.built:
            return
        groups = []
        for variable in variables:
            optimizer = self._select(variable)
            for chosen, members in groups:
                if chosen is optimizer:
                    members.append(variable)
                    break
            else:
                groups.append((optimizer, [variable]))
            self._assignment[id(variable)] = optimizer
        self._selected = [optimizer for optimizer, _ in groups]
        for optimizer, members in groups:
            optimizer.build(members)
        self._trainable_variables = list(variables)
        self._index = {id(v): i for i, v in enumerate(variables)}
        self.built = True

    def _group(self, grads, variables):
        groups = []
        for grad, variable in zip(grads, variables, strict=True):
            self._variable_index(variable)
            optimizer = self._assignment[id(variable)]
            for chosen, group_grads, group_variables in groups:
                if chosen is optimizer:
                    group_grads.append(grad)
                    group_variables.append(variable)
                    break
            else:
                groups.append((optimizer, [grad], [variable]))
        return groups

    def apply(self, grads, trainable_variables=None):
        """Hands each sub-optimizer the gradients of its variables.

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
                    f"MultiOptimizer '{self.name}' is not built: pass the "
                    "variables with the gradients, or call `build(variables)` "
                    "first."
                )
            trainable_variables = self._trainable_variables
        grads = list(grads)
        trainable_variables = list(trainable_variables)
        if len(grads) != len(trainable_variables):
            raise ValueError(
                f"MultiOptimizer '{self.name}' received {len(grads)} gradients "
                f"for {len(trainable_variables)} variables; pass one per variable."
            )
        if not self.built:
            self.build(trainable_variables)
        if self.loss_scale_factor is not None:
            grads = [None if g is None else g / self.loss_scale_factor for g in grads]
        for optimizer, group_grads, group_variables in self._group(
            grads, trainable_variables
        ):
            if any(g is not None for g in group_grads):
                optimizer.apply(group_grads, group_variables)
        self._iterations.assign_add(1)
        return self._iterations

    def stateless_apply(self, optimizer_variables, grads, trainable_variables):
        if not self.built:
            raise ValueError(
                f"To call `stateless_apply`, MultiOptimizer '{self.name}' must be "
                "built: call `build(variables)` first."
            )
        variables = self.variables
        if len(optimizer_variables) != len(variables):
            raise ValueError(
                f"Argument `optimizer_variables` must have {len(variables)} "
                "values (one per optimizer variable); received "
                f"{len(optimizer_variables)}."
            )
        if len(trainable_variables) != len(self._trainable_variables):
            raise ValueError(
                "Argument `trainable_variables` must have "
                f"{len(self._trainable_variables)} values; received "
                f"{len(trainable_variables)}."
            )
        mapping = list(zip(variables, optimizer_variables, strict=True))
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
            for v, value in zip(variables, optimizer_variables, strict=True)
        ]
        return new_trainable, new_optimizer

    def finalize_variable_values(self, var_list):
        """Lets each sub-optimizer finalize its variables (moving averages)."""
        var_list = list(var_list)
        for optimizer, _, variables in self._group([None] * len(var_list), var_list):
            optimizer.finalize_variable_values(variables)

    def set_weights(self, weights):
        variables = self.variables
        if len(weights) != len(variables):
            raise ValueError(
                f"MultiOptimizer '{self.name}' has {len(variables)} variables; "
                f"`set_weights` received {len(weights)} values."
            )
        for variable, value in zip(variables, weights, strict=True):
            variable.assign(value)

    def save_own_variables(self, store):
        for index, variable in enumerate(self.variables):
            store[str(index)] = variable.numpy()

    def load_own_variables(self, store):
        variables = self.variables
        if len(store.keys()) != len(variables):
            raise ValueError(
                f"MultiOptimizer '{self.name}' has {len(variables)} variables, "
                f"but the saved state has {len(store.keys())}. Build the "
                "optimizer for the same model before loading."
            )
        for index, variable in enumerate(variables):
            variable.assign(store[str(index)])

    def get_config(self):
        from keras_core._src.saving import serialization_lib

        return {
            "optimizer_map": serialization_lib.serialize_keras_object(
                self.optimizer_map
            ),
            "loss_scale_factor": self.loss_scale_factor,
            "name": self.name,
        }

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from keras_core._src.saving import serialization_lib

        config = dict(config)
        config["optimizer_map"] = serialization_lib.deserialize_keras_object(
            config["optimizer_map"], custom_objects=custom_objects
        )
        return cls(**config)
