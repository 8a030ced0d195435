"""`RMSprop`: steps scaled by a moving average of squared gradients."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.optimizers.optimizer import Optimizer

__all__ = ["RMSprop"]


@keras_public("keras.optimizers")
class RMSprop(Optimizer):
    """RMSprop (Hinton, 2012), with optional momentum and centering.

    Each step: `velocity = rho * velocity + (1 - rho) * g**2` and
    `increment = learning_rate * g / sqrt(velocity + epsilon)`. With
    `centered=True`, the variance is estimated instead:
    `average = rho * average + (1 - rho) * g` and the denominator is
    `sqrt(velocity - average**2 + epsilon)`. Without momentum,
    `w -= increment`; with it, `m = momentum * m + increment` and
    `w -= m`.

    Args:
        learning_rate: A float or a schedule.
        rho: The decay of the moving averages.
        momentum: The momentum (0 for none).
        epsilon: A small constant for numerical stability.
        centered: Whether to normalize by the estimated variance of the
            gradient instead of its uncentered second moment.
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

    >>> optimizer = keras_core.optimizers.RMSprop(learning_rate=0.1)
    >>> w = keras_core.Variable([1.0])
    >>> optimizer.apply([numpy.array([2.0])], [w])
    >>> float(w.numpy()[0])  # 1 - 0.1 * 2 / sqrt(0.1 * 4)
    0.6837...
    """

    def __init__(
        self,
        learning_rate=0.001,
        rho=0.9,
        momentum=0.0,
        epsilon=1e-7,
        centered=False,
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
        self.rho = rho
        self.momentum = momentum
        self.epsilon = epsilon
        self.centered = centered

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        # Keras's slot order: every velocity, then every momentum, then
        # every average gradient, so saved weights line up.
        self._velocities = self.add_optimizer_variables(variables, "velocity")
        self._momentums = (
            self.add_optimizer_variables(variables, "momentum")
            if self.momentum > 0
            else []
        )
        self._average_gradients = (
            self.add_optimizer_variables(variables, "average_gradient")
            if self.centered
            else []
        )

    def update_step(self, gradient, variable, learning_rate):
        index = self._variable_index(variable)
        rho = ops.cast(self.rho, variable.dtype)
        velocity = self._velocities[index]
        new_velocity = rho * velocity.value + (1 - rho) * ops.square(gradient)
        velocity.assign(new_velocity)
        denominator = new_velocity + self.epsilon
        if self.centered:
            average = self._average_gradients[index]
            new_average = rho * average.value + (1 - rho) * gradient
            average.assign(new_average)
            denominator = denominator - ops.square(new_average)
        increment = learning_rate * gradient * ops.rsqrt(denominator)
        if self.momentum > 0:
            momentum = self._momentums[index]
            increment = self.momentum * momentum.value + increment
            momentum.assign(increment)
        variable.assign(variable.value - increment)

    def get_config(self):
        return {
            **super().get_config(),
            "rho": self.rho,
            "momentum": self.momentum,
            "epsilon": self.epsilon,
            "centered": self.centered,
        }
