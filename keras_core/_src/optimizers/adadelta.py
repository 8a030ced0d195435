"""`Adadelta`: steps sized by the ratio of two moving RMS averages."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.optimizers.optimizer import Optimizer

__all__ = ["Adadelta"]


@keras_public("keras.optimizers")
class Adadelta(Optimizer):
    """Adadelta (Zeiler, 2012): a step in the units of the weights.

    Each step: `grad_avg = rho * grad_avg + (1 - rho) * g**2`,
    `delta = -g * sqrt(delta_avg + epsilon) / sqrt(grad_avg + epsilon)`,
    `delta_avg = rho * delta_avg + (1 - rho) * delta**2` and
    `w += learning_rate * delta`.

    Args:
        learning_rate: A float or a schedule (Adadelta's own scale is
            built in; the original paper uses 1.0).
        rho: The decay of the moving averages.
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

    >>> optimizer = keras_core.optimizers.Adadelta(learning_rate=1.0)
    """

    def __init__(
        self,
        learning_rate=0.001,
        rho=0.95,
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
        self.rho = rho
        self.epsilon = epsilon

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        # Keras's slot order: both slots of one variable, then the next's.
        self._grad_averages, self._delta_averages = [], []
        for variable in variables:
            self._grad_averages.append(
                self.add_variable_from_reference(variable, name="accumulated_grad")
            )
            self._delta_averages.append(
                self.add_variable_from_reference(variable, name="accumulated_delta_var")
            )

    def update_step(self, gradient, variable, learning_rate):
        index = self._variable_index(variable)
        rho = ops.cast(self.rho, variable.dtype)
        grad_average = self._grad_averages[index]
        delta_average = self._delta_averages[index]
        new_grad_average = rho * grad_average.value + (1 - rho) * ops.square(gradient)
        delta = (
            -gradient
            * ops.sqrt(delta_average.value + self.epsilon)
            / ops.sqrt(new_grad_average + self.epsilon)
        )
        grad_average.assign(new_grad_average)
        delta_average.assign(rho * delta_average.value + (1 - rho) * ops.square(delta))
        variable.assign(variable.value + learning_rate * delta)

    def get_config(self):
        return {**super().get_config(), "rho": self.rho, "epsilon": self.epsilon}
