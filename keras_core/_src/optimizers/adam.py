"""`Adam`: adaptive moment estimation (Kingma and Ba, 2014)."""

from keras_core import ops
from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.scopes import in_stateless_scope
from keras_core._src.optimizers.optimizer import Optimizer

__all__ = ["Adam"]


@keras_public("keras.optimizers")
class Adam(Optimizer):
    """Adam: per-weight steps from running moments of the gradients.

    At step `t` (from 1): `m = b1 * m + (1 - b1) * g`,
    `v = b2 * v + (1 - b2) * g**2`, and
    `w -= lr * sqrt(1 - b2**t) / (1 - b1**t) * m / (sqrt(v) + epsilon)`.
    With `amsgrad`, the largest `v` seen so far is used instead of `v`.

    Args:
        learning_rate: A float or a schedule.
        beta_1: The decay of the first-moment average.
        beta_2: The decay of the second-moment average.
        epsilon: A small constant for numerical stability.
        amsgrad: Whether to use the AMSGrad variant.
        **kwargs: The base `Optimizer` arguments.

    Example:

    >>> optimizer = keras_core.optimizers.Adam(learning_rate=1e-3)
    """

    def __init__(
        self,
        learning_rate=0.001,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-7,
        amsgrad=False,
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
        super().__init__(
            learning_rate=learning_rate,
            weight_decay=weight_decay,
            clipnorm=clipnorm,
            clipvalue=clipvalue,
            global_clipnorm=global_clipnorm,
            use_ema=use_ema,
            ema_momentum=ema_momentum,
            ema_overwrite_frequency=ema_overwrite_frequency,
            loss_scale_factor=loss_scale_factor,
            gradient_accumulation_steps=gradient_accumulation_steps,
            name=name,
            **kwargs,
        )
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self.amsgrad = amsgrad

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self._momentums, self._velocities = [], []
        for variable in variables:
            self._momentums.append(
                self.add_variable_from_reference(variable, name="momentum")
            )
            self._velocities.append(
                self.add_variable_from_reference(variable, name="velocity")
            )
        self._velocity_hats = (
            self.add_optimizer_variables(variables, "velocity_hat")
            if self.amsgrad
            else []
        )

    def _fused_update(self, grads, variables, learning_rate):
        fused = backend.optimizer_updates
        if fused is None or in_stateless_scope() or self.gradient_accumulation_steps:
            return False
        if any(v.dtype != variables[0].dtype for v in variables):
            return False
        indices = [self._variable_index(v) for v in variables]
        fused.adam_update(
            [v._value for v in variables],
            [
                g if backend.core.is_tensor(g) else backend.core.convert_to_tensor(g)
                for g in grads
            ],
            [self._momentums[i]._value for i in indices],
            [self._velocities[i]._value for i in indices],
            [self._velocity_hats[i]._value for i in indices] if self.amsgrad else None,
            learning_rate=learning_rate,
            beta_1=self.beta_1,
            beta_2=self.beta_2,
            epsilon=self.epsilon,
            step=self._iterations.value + 1,
        )
        return True

    def update_step(self, gradient, variable, learning_rate):
        index = self._variable_index(variable)
        dtype = variable.dtype
        step = ops.cast(self._applied_steps() + 1, dtype)
        beta_1 = ops.cast(self.beta_1, dtype)
        beta_2 = ops.cast(self.beta_2, dtype)
        alpha = (
            learning_rate
            * ops.sqrt(1 - ops.power(beta_2, step))
            / (1 - ops.power(beta_1, step))
        )
        m = self._momentums[index]
        v = self._velocities[index]
        new_m = m.value + (gradient - m.value) * (1 - beta_1)
        new_v = v.value + (ops.square(gradient) - v.value) * (1 - beta_2)
        m.assign(new_m)
        v.assign(new_v)
        if self.amsgrad:
            v_hat = self._velocity_hats[index]
            new_v = ops.maximum(v_hat.value, new_v)
            v_hat.assign(new_v)
        variable.assign(
            variable.value - alpha * new_m / (ops.sqrt(new_v) + self.epsilon)
        )

    def get_config(self):
        return {
            **super().get_config(),
            "beta_1": self.beta_1,
            "beta_2": self.beta_2,
            "epsilon": self.epsilon,
            "amsgrad": self.amsgrad,
        }
