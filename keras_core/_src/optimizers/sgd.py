"""`SGD`: gradient descent with optional (Nesterov) momentum."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.optimizers.optimizer import Optimizer

__all__ = ["SGD"]


@keras_public("keras.optimizers")
class SGD(Optimizer):
    """Stochastic gradient descent, with momentum and Nesterov momentum.

    Without momentum: `w -= learning_rate * g`. With momentum:
    `velocity = momentum * velocity - learning_rate * g`, then
    `w += velocity` (or, with `nesterov=True`,
    `w += momentum * velocity - learning_rate * g`).

    Args:
        learning_rate: A float or a schedule.
        momentum: A float >= 0.
        nesterov: Whether to use Nesterov momentum.
        **kwargs: The base `Optimizer` arguments (`weight_decay`,
            `clipnorm`, `use_ema`, `gradient_accumulation_steps`, ...).

    Example:

    >>> optimizer = keras_core.optimizers.SGD(learning_rate=0.1, momentum=0.9)
    """

    def __init__(
        self,
        learning_rate=0.01,
        momentum=0.0,
        nesterov=False,
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
        if not isinstance(momentum, (int, float)) or momentum < 0:
            raise ValueError(
                f"`momentum` must be a float >= 0. Received: momentum={momentum}"
            )
        self.momentum = float(momentum)
        self.nesterov = nesterov

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self._momentums = (
            self.add_optimizer_variables(variables, "momentum") if self.momentum else []
        )

    def update_step(self, gradient, variable, learning_rate):
        if not self.momentum:
            variable.assign(variable.value - learning_rate * gradient)
            return
        velocity = self._momentums[self._variable_index(variable)]
        momentum = ops.cast(self.momentum, variable.dtype)
        new_velocity = momentum * velocity.value - learning_rate * gradient
        velocity.assign(new_velocity)
        if self.nesterov:
            variable.assign(
                variable.value + momentum * new_velocity - learning_rate * gradient
            )
        else:
            variable.assign(variable.value + new_velocity)

    def get_config(self):
        return {
            **super().get_config(),
            "momentum": self.momentum,
            "nesterov": self.nesterov,
        }
