"""`LossScaleOptimizer`: dynamic loss scaling for float16 training.

float16 gradients of small losses underflow to zero. The loss is scaled up
before differentiation (`scale_loss`) and the gradients scaled back down
here; a step with non-finite gradients is skipped and halves the scale,
and every `dynamic_growth_steps` finite steps double it.
"""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.scopes import StatelessScope
from keras_core._src.backend.common.scopes import name_scope
from keras_core._src.optimizers.optimizer import Optimizer
from keras_core._src.optimizers.optimizer import _current

__all__ = ["LossScaleOptimizer"]


@keras_public("keras.optimizers", "keras.mixed_precision")
class LossScaleOptimizer(Optimizer):
    """Wraps an optimizer with dynamic loss scaling.

    Args:
        inner_optimizer: The optimizer that applies the (unscaled) updates.
        initial_scale: The starting loss scale.
        dynamic_growth_steps: How many finite steps double the scale.
        name: The optimizer's name.
        **kwargs: Base `Optimizer` arguments; the inner optimizer's
            settings are what apply.

    Example:

    >>> optimizer = keras_core.optimizers.LossScaleOptimizer(
    ...     keras_core.optimizers.SGD(learning_rate=0.1))
    >>> scaled_loss = optimizer.scale_loss(loss)
    """

    def __init__(
        self,
        inner_optimizer,
        initial_scale=2.0**15,
        dynamic_growth_steps=2000,
        name=None,
        **kwargs,
    ):
        if not isinstance(inner_optimizer, Optimizer):
            raise ValueError(
                "LossScaleOptimizer needs an Optimizer to wrap. Received: "
                f"inner_optimizer={inner_optimizer!r}"
            )
        if not isinstance(dynamic_growth_steps, int) or dynamic_growth_steps < 1:
            raise ValueError(
                "`dynamic_growth_steps` must be an integer >= 1. Received: "
                f"dynamic_growth_steps={dynamic_growth_steps}"
            )
        super().__init__(learning_rate=0.0, name=name, **kwargs)
        self.inner_optimizer = inner_optimizer
        self.initial_scale = float(initial_scale)
        self.dynamic_growth_steps = dynamic_growth_steps
        with name_scope(self.name, caller=self):
            self.step_counter = self._make_variable(
                0, "int32", "step_counter", aggregation="only_first_replica"
            )
            self.dynamic_scale = self._make_variable(
                self.initial_scale, "float32", "dynamic_scale"
            )

    @property
    def variables(self):
        return list(self._variables) + self.inner_optimizer.variables

    @property
    def learning_rate(self):
        return self.inner_optimizer.learning_rate

    @learning_rate.setter
    def learning_rate(self, value):
        self.inner_optimizer.learning_rate = value

    def build(self, variables):
        self.inner_optimizer.build(variables)
        self._trainable_variables = list(variables)
        self.built = True

    def scale_loss(self, loss):
        """Multiplies `loss` by the current loss scale."""
        return loss * ops.cast(self.dynamic_scale.value, loss.dtype)

    def apply(self, grads, trainable_variables=None):
        """Unscales `grads`; applies them if all are finite, else skips.

        Returns:
            The inner optimizer's step counter.
        """
        if trainable_variables is None:
            trainable_variables = self._trainable_variables
        trainable_variables = list(trainable_variables)
        if not self.built:
            self.build(trainable_variables)
        scale = self.dynamic_scale.value
        unscaled = [None if g is None else g / ops.cast(scale, g.dtype) for g in grads]
        finite = ops.convert_to_tensor(True)
        for grad in unscaled:
            if grad is not None:
                finite = ops.logical_and(finite, ops.all(ops.isfinite(grad)))
        # The inner step runs on the side and is kept only if every
        # gradient was finite: one code path for eager and compiled steps.
        targets = trainable_variables + self.inner_optimizer.variables
        with StatelessScope(state_mapping=[(v, v.value) for v in targets]) as scope:
            self.inner_optimizer.apply(unscaled, trainable_variables)
        for variable in targets:
            updated = scope.get_current_value(variable)
            if updated is not None:
                variable.assign(ops.where(finite, updated, variable.value))
        counter = self.step_counter.value + 1
        grow = ops.logical_and(
            finite, ops.greater_equal(counter, self.dynamic_growth_steps)
        )
        new_scale = ops.where(finite, ops.where(grow, scale * 2.0, scale), scale / 2.0)
        self.dynamic_scale.assign(new_scale)
        self.step_counter.assign(
            ops.where(ops.logical_and(finite, ops.logical_not(grow)), counter, 0)
        )
        self._iterations.assign_add(1)
        return self.inner_optimizer.iterations

    def stateless_apply(self, optimizer_variables, grads, trainable_variables):
        mapping = list(zip(self.variables, optimizer_variables, strict=True))
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
            for v, value in zip(self.variables, optimizer_variables, strict=True)
        ]
        return new_trainable, new_optimizer

    def finalize_variable_values(self, var_list):
        self.inner_optimizer.finalize_variable_values(var_list)

    def get_config(self):
        from keras_core._src.saving import serialization_lib

        return {
            "name": self.name,
            "inner_optimizer": serialization_lib.serialize_keras_object(
                self.inner_optimizer
            ),
            "initial_scale": self.initial_scale,
            "dynamic_growth_steps": self.dynamic_growth_steps,
        }

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from keras_core._src.saving import serialization_lib

        config = dict(config)
        config["inner_optimizer"] = serialization_lib.deserialize_keras_object(
            config["inner_optimizer"], custom_objects=custom_objects
        )
        return cls(**config)
