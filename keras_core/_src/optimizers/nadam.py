"""`Nadam`: Adam with Nesterov momentum (Dozat, 2016)."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.config import floatx
from keras_core._src.optimizers.optimizer import Optimizer

__all__ = ["Nadam"]

# The momentum schedule's decay: mu_t = beta_1 * (1 - 0.5 * 0.96**t), as
# Keras 3 computes it.
_MOMENTUM_DECAY = 0.96


@keras_public("keras.optimizers")
class Nadam(Optimizer):
    """Nadam: Adam whose first moment takes a Nesterov look-ahead step.

    At step `t` (from 1), with the momentum schedule
    `mu_t = beta_1 * (1 - 0.5 * 0.96**t)` and its running product
    `P_t = mu_1 * ... * mu_t` (kept in one scalar variable, the last of
    `variables`): `m = beta_1 * m + (1 - beta_1) * g`,
    `v = beta_2 * v + (1 - beta_2) * g**2`,
    `m_hat = mu_{t+1} * m / (1 - P_t * mu_{t+1}) + (1 - mu_t) * g / (1 - P_t)`,
    `v_hat = v / (1 - beta_2**t)` and
    `w -= learning_rate * m_hat / (sqrt(v_hat) + epsilon)`.

    Args:
        learning_rate: A float or a schedule.
        beta_1: The decay of the first-moment average.
        beta_2: The decay of the second-moment average.
        epsilon: A small constant for numerical stability.
        weight_decay: Decoupled weight decay (see `Optimizer`).
        clipnorm: Clips each gradient to this norm.
        clipvalue: Clips each gradient element to `[-clipvalue, clipvalue]`.
        global_clipnorm: Clips all gradients together to this global norm.
        use_ema: Whether to keep a moving average of the weights.
        ema_momentum: The momentum of that average.
        ema_overwrite_frequency: Every this many steps, the weights are
            overwritten with their average.
        loss_scale_factor: A factor the loss is multiplied by and the
            gradients divided by.
        gradient_accumulation_steps: Applies an update every this many
            steps, with the mean of the gradients seen since the last one.
        name: The optimizer's name, unique by default.
        **kwargs: Nothing else is accepted.
    Example:

    >>> optimizer = keras_core.optimizers.Nadam(learning_rate=1e-3)
    """

    def __init__(
        self,
        learning_rate=0.001,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-7,
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

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        # Keras's slot order: both slots of one variable, then the next's,
        # then the momentum-schedule product.
        self._momentums, self._velocities = [], []
        for variable in variables:
            self._momentums.append(
                self.add_variable_from_reference(variable, name="momentum")
            )
            self._velocities.append(
                self.add_variable_from_reference(variable, name="velocity")
            )
        self._u_product = self.add_variable(
            shape=(),
            initializer="ones",
            dtype=variables[0].dtype if variables else floatx(),
            name="u_product",
        )

    def _momentum_cache(self, step, dtype):
        """`mu_step = beta_1 * (1 - 0.5 * 0.96**step)`."""
        decay = ops.cast(_MOMENTUM_DECAY, dtype)
        return ops.cast(self.beta_1, dtype) * (1 - 0.5 * ops.power(decay, step))

    def _update(self, grads, variables):
        # The product advances once per applied step, before any variable
        # is updated; under gradient accumulation this runs only on the
        # steps that apply an update.
        dtype = self._u_product.dtype
        step = ops.cast(self._applied_steps() + 1, dtype)
        self._u_product.assign(
            self._u_product.value * self._momentum_cache(step, dtype)
        )
        super()._update(grads, variables)

    def update_step(self, gradient, variable, learning_rate):
        index = self._variable_index(variable)
        dtype = variable.dtype
        step = ops.cast(self._applied_steps() + 1, dtype)
        beta_1 = ops.cast(self.beta_1, dtype)
        beta_2 = ops.cast(self.beta_2, dtype)
        u_t = self._momentum_cache(step, dtype)
        u_next = self._momentum_cache(step + 1, dtype)
        u_product = ops.cast(self._u_product.value, dtype)
        u_product_next = u_product * u_next
        m = self._momentums[index]
        v = self._velocities[index]
        new_m = m.value + (gradient - m.value) * (1 - beta_1)
        new_v = v.value + (ops.square(gradient) - v.value) * (1 - beta_2)
        m.assign(new_m)
        v.assign(new_v)
        m_hat = u_next * new_m / (1 - u_product_next) + (1 - u_t) * gradient / (
            1 - u_product
        )
        v_hat = new_v / (1 - ops.power(beta_2, step))
        variable.assign(
            variable.value - learning_rate * m_hat / (ops.sqrt(v_hat) + self.epsilon)
        )

    def get_config(self):
        return {
            **super().get_config(),
            "beta_1": self.beta_1,
            "beta_2": self.beta_2,
            "epsilon": self.epsilon,
        }
