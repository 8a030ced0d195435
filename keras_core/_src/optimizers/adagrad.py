"""`Adagrad`: per-weight steps from the sum of all squared gradients."""

from keras_core import ops
from keras_core._src import initializers
from keras_core._src.api_export import keras_public
from keras_core._src.optimizers.optimizer import Optimizer

__all__ = ["Adagrad"]


@keras_public("keras.optimizers")
class Adagrad(Optimizer):
    """Adagrad (Duchi et al., 2011): rarely-updated weights take larger steps.

    Each step: `accumulator += g**2` and
    `w -= learning_rate * g / sqrt(accumulator + epsilon)`, with the
    accumulator starting at `initial_accumulator_value`.

    Args:
        learning_rate: A float or a schedule.
        initial_accumulator_value: The starting value of the accumulators
            (>= 0).
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

    >>> optimizer = keras_core.optimizers.Adagrad(
    ...     learning_rate=0.1, initial_accumulator_value=0.0, epsilon=0.0)
    >>> w = keras_core.Variable([1.0])
    >>> optimizer.apply([numpy.array([3.0])], [w])
    >>> round(float(w.numpy()[0]), 6)  # 1 - 0.1 * 3 / sqrt(9)
    0.9
    """

    def __init__(
        self,
        learning_rate=0.001,
        initial_accumulator_value=0.1,
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
        self.initial_accumulator_value = initial_accumulator_value
        self.epsilon = epsilon

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self._squared_sums = self.add_optimizer_variables(
            variables,
            "accumulator",
            initializer=initializers.Constant(self.initial_accumulator_value),
        )

    def update_step(self, gradient, variable, learning_rate):
        accumulator = self._squared_sums[self._variable_index(variable)]
        new_accumulator = accumulator.value + ops.square(gradient)
        accumulator.assign(new_accumulator)
        variable.assign(
            variable.value
            - learning_rate * gradient / ops.sqrt(new_accumulator + self.epsilon)
        )

    def get_config(self):
        return {
            **super().get_config(),
            "initial_accumulator_value": self.initial_accumulator_value,
            "epsilon": self.epsilon,
        }
