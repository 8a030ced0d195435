"""`ScheduleFreeAdamW`: AdamW without a learning-rate schedule (Defazio et
al., 2024)."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.optimizers.optimizer import Optimizer

__all__ = ["ScheduleFreeAdamW"]


@keras_public("keras.optimizers")
class ScheduleFreeAdamW(Optimizer):
    """Schedule-free AdamW: averaging iterates replaces the decay schedule.

    Two sequences are kept: `z`, which takes plain (Adam-normalized)
    gradient steps, and `x`, the running mean of the `z`s. The model
    variable holds their interpolation `y = (1 - beta_1) * z + beta_1 * x`,
    where gradients are evaluated. At step `t` (from 1), with
    `lr_t = learning_rate * min(1, t / warmup_steps)`, `c = 1 / t` and
    `n = g / (sqrt(v / (1 - beta_2**t)) + epsilon)` (`v` the second-moment
    average): `y += c * (z - y) + lr_t * (beta_1 * (1 - c) - 1) * n` and
    `z -= lr_t * n`. The slot "momentum" holds `z` (starting at the
    variable's value) and "velocity" holds `v`.

    Args:
        learning_rate: A float or a schedule (constant is the point).
        beta_1: The interpolation weight between `x` and `z`.
        beta_2: The decay of the second-moment average.
        epsilon: A small constant for numerical stability.
        warmup_steps: The number of steps of linear learning-rate warmup.
        **kwargs: The base `Optimizer` arguments.

    Example:

    >>> optimizer = keras_core.optimizers.ScheduleFreeAdamW(warmup_steps=100)
    """

    def __init__(
        self,
        learning_rate=0.0025,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-8,
        warmup_steps=0,
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
        if not isinstance(warmup_steps, int) or warmup_steps < 0:
            raise ValueError(
                "ScheduleFreeAdamW: `warmup_steps` must be an integer >= 0. "
                f"Received: warmup_steps={warmup_steps!r}."
            )
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self.warmup_steps = warmup_steps

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self._momentums, self._velocities = [], []
        for variable in variables:
            self._momentums.append(
                self.add_variable_from_reference(
                    variable, name="momentum", initializer=_CopyOf(variable)
                )
            )
            self._velocities.append(
                self.add_variable_from_reference(variable, name="velocity")
            )

    def update_step(self, gradient, variable, learning_rate):
        index = self._variable_index(variable)
        dtype = variable.dtype
        step = ops.cast(self._applied_steps() + 1, dtype)
        if self.warmup_steps:
            learning_rate = learning_rate * ops.minimum(1.0, step / self.warmup_steps)
        beta_1 = ops.cast(self.beta_1, dtype)
        beta_2 = ops.cast(self.beta_2, dtype)
        z = self._momentums[index]
        v = self._velocities[index]
        new_v = beta_2 * v.value + (1 - beta_2) * ops.square(gradient)
        v.assign(new_v)
        normalized = gradient / (
            ops.sqrt(new_v / (1 - ops.power(beta_2, step))) + self.epsilon
        )
        average_weight = 1.0 / step
        y = variable.value
        y = y + average_weight * (z.value - y)
        y = y + learning_rate * (beta_1 * (1 - average_weight) - 1) * normalized
        variable.assign(y)
        z.assign(z.value - learning_rate * normalized)

    def get_config(self):
        return {
            **super().get_config(),
            "beta_1": self.beta_1,
            "beta_2": self.beta_2,
            "epsilon": self.epsilon,
            "warmup_steps": self.warmup_steps,
        }


class _CopyOf:
    """An initializer returning the current value of a variable."""

    def __init__(self, variable):
        self.variable = variable

    def __call__(self, shape, dtype=None):
        return ops.cast(self.variable.value, dtype)
