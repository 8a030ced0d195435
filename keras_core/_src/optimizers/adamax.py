"""`Adamax`: Adam with the infinity norm in place of the second moment."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.optimizers.optimizer import Optimizer

__all__ = ["Adamax"]


@keras_public("keras.optimizers")
class Adamax(Optimizer):
    """Adamax (Kingma and Ba, 2014, section 7): Adam under the max norm.

    At step `t` (from 1): `m = beta_1 * m + (1 - beta_1) * g`,
    `u = max(beta_2 * u, |g|)` and
    `w -= learning_rate / (1 - beta_1**t) * m / (u + epsilon)`.

    Args:
        learning_rate: A float or a schedule.
        beta_1: The decay of the first-moment average.
        beta_2: The decay of the weighted infinity norm.
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

    >>> optimizer = keras_core.optimizers.Adamax(learning_rate=0.1)
    >>> w = keras_core.Variable([1.0])
    >>> optimizer.apply([numpy.array([2.0])], [w])
    >>> round(float(w.numpy()[0]), 6)  # a first step moves by the rate
    0.9
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
        # Keras's slot order: both slots of one variable, then the next's.
        self._momentums, self._norms = [], []
        for variable in variables:
            self._momentums.append(
                self.add_variable_from_reference(variable, name="momentum")
            )
            self._norms.append(self.add_variable_from_reference(variable, name="norm"))

    def update_step(self, gradient, variable, learning_rate):
        index = self._variable_index(variable)
        dtype = variable.dtype
        step = ops.cast(self._applied_steps() + 1, dtype)
        beta_1 = ops.cast(self.beta_1, dtype)
        beta_2 = ops.cast(self.beta_2, dtype)
        m = self._momentums[index]
        u = self._norms[index]
        new_m = m.value + (gradient - m.value) * (1 - beta_1)
        new_u = ops.maximum(beta_2 * u.value, ops.abs(gradient))
        m.assign(new_m)
        u.assign(new_u)
        variable.assign(
            variable.value
            - learning_rate
            * new_m
            / ((1 - ops.power(beta_1, step)) * (new_u + self.epsilon))
        )

    def get_config(self):
        return {
            **super().get_config(),
            "beta_1": self.beta_1,
            "beta_2": self.beta_2,
            "epsilon": self.epsilon,
        }
