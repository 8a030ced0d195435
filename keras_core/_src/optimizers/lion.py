"""`Lion`: evolved sign momentum (Chen et al., 2023)."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.optimizers.optimizer import Optimizer

__all__ = ["Lion"]


@keras_public("keras.optimizers")
class Lion(Optimizer):
    """Lion: steps of equal size in every coordinate, signed by momentum.

    Each step: `w -= learning_rate * sign(beta_1 * m + (1 - beta_1) * g)`,
    then `m = beta_2 * m + (1 - beta_2) * g`. Since every coordinate moves
    by the full learning rate, Lion usually wants a learning rate 3-10
    times smaller than AdamW's (and a larger weight decay).

    Args:
        learning_rate: A float or a schedule.
        beta_1: In `(0, 1]`: the weight of the momentum in the step's sign.
        beta_2: The decay of the momentum.
        **kwargs: The base `Optimizer` arguments.

    Example:

    >>> optimizer = keras_core.optimizers.Lion(learning_rate=1e-4)
    """

    def __init__(
        self,
        learning_rate=0.001,
        beta_1=0.9,
        beta_2=0.99,
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
        if not 0.0 < beta_1 <= 1.0:
            raise ValueError(
                "Lion: `beta_1` must be in the range (0, 1]; at 0 the optimizer "
                f"degenerates to SignSGD. Received: beta_1={beta_1}."
            )
        self.beta_1 = beta_1
        self.beta_2 = beta_2

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self._momentums = self.add_optimizer_variables(variables, "momentum")

    def update_step(self, gradient, variable, learning_rate):
        momentum = self._momentums[self._variable_index(variable)]
        dtype = variable.dtype
        beta_1 = ops.cast(self.beta_1, dtype)
        beta_2 = ops.cast(self.beta_2, dtype)
        direction = ops.sign(momentum.value * beta_1 + gradient * (1.0 - beta_1))
        variable.assign(variable.value - learning_rate * direction)
        momentum.assign(momentum.value * beta_2 + gradient * (1.0 - beta_2))

    def get_config(self):
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2}
