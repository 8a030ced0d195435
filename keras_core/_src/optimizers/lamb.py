"""`Lamb`: layer-wise adaptive moments for large batches (You et al., 2019)."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.optimizers.optimizer import Optimizer

__all__ = ["Lamb"]


@keras_public("keras.optimizers")
class Lamb(Optimizer):
    """LAMB: Adam's step, rescaled per variable by a trust ratio.

    At step `t` (from 1), with Adam's moments `m` and `v`:
    `u = (m / (1 - beta_1**t)) / (sqrt(v / (1 - beta_2**t)) + epsilon)`,
    and `w -= learning_rate * r * u` where the trust ratio
    `r = ||w|| / ||u||` (1 when either norm is zero), so every variable
    moves by about `learning_rate` times its own norm.

    Args:
        learning_rate: A float or a schedule.
        beta_1: The decay of the first-moment average.
        beta_2: The decay of the second-moment average.
        epsilon: A small constant for numerical stability.
        **kwargs: The base `Optimizer` arguments.

    Example:

    >>> optimizer = keras_core.optimizers.Lamb(learning_rate=1e-3)
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
        self._momentums, self._velocities = [], []
        for variable in variables:
            self._momentums.append(
                self.add_variable_from_reference(variable, name="momentum")
            )
            self._velocities.append(
                self.add_variable_from_reference(variable, name="velocity")
            )

    def update_step(self, gradient, variable, learning_rate):
        index = self._variable_index(variable)
        dtype = variable.dtype
        step = ops.cast(self._applied_steps() + 1, dtype)
        beta_1 = ops.cast(self.beta_1, dtype)
        beta_2 = ops.cast(self.beta_2, dtype)
        m = self._momentums[index]
        v = self._velocities[index]
        new_m = m.value + (gradient - m.value) * (1 - beta_1)
        new_v = v.value + (ops.square(gradient) - v.value) * (1 - beta_2)
        m.assign(new_m)
        v.assign(new_v)
        m_hat = new_m / (1 - ops.power(beta_1, step))
        v_hat = new_v / (1 - ops.power(beta_2, step))
        update = m_hat / (ops.sqrt(v_hat) + self.epsilon)
        weight_norm = ops.sqrt(ops.sum(ops.square(variable.value)))
        update_norm = ops.sqrt(ops.sum(ops.square(update)))
        both_positive = ops.logical_and(weight_norm > 0, update_norm > 0)
        # The ratio is computed on a safe denominator so that the branch
        # not taken cannot produce a NaN (which would leak into gradients).
        trust_ratio = ops.where(
            both_positive,
            weight_norm / ops.where(both_positive, update_norm, 1.0),
            1.0,
        )
        variable.assign(variable.value - learning_rate * trust_ratio * update)

    def get_config(self):
        return {
            **super().get_config(),
            "beta_1": self.beta_1,
            "beta_2": self.beta_2,
            "epsilon": self.epsilon,
        }
