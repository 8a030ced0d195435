"""`Ftrl`: Follow The Regularized Leader (McMahan et al., 2013)."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.initializers.constant_initializers import Constant
from keras_core._src.optimizers.optimizer import Optimizer

__all__ = ["Ftrl"]


@keras_public("keras.optimizers")
class Ftrl(Optimizer):
    """FTRL-proximal, the optimizer of large sparse linear models.

    With `n` the accumulator (starting at `initial_accumulator_value`),
    `p = -learning_rate_power` and the shrinkage-adjusted gradient
    `g' = g + 2 * l2_shrinkage_regularization_strength * w`, each step is:
    `n_new = n + g**2`,
    `z += g' - (n_new**p - n**p) / learning_rate * w`,
    `w = (clip(z, -l1, l1) - z) / (n_new**p / learning_rate + 2 * l2')`,
    where `l2' = l2_regularization_strength + beta / (2 * learning_rate)`.
    The `clip` sets to zero every weight whose `|z|` is below `l1`, which
    is what makes FTRL models sparse.

    Args:
        learning_rate: A float or a schedule.
        learning_rate_power: A float <= 0: how the per-weight step shrinks
            as the accumulator grows (-0.5 is AdaGrad-like; 0 is constant).
        initial_accumulator_value: The starting value (>= 0) of the
            accumulators.
        l1_regularization_strength: L1 strength (>= 0).
        l2_regularization_strength: L2 strength (>= 0), stabilizing.
        l2_shrinkage_regularization_strength: L2 shrinkage (>= 0), a
            magnitude penalty added to the gradient.
        beta: A float, as in the FTRL-proximal paper (added to the L2
            strength as `beta / (2 * learning_rate)`).
        **kwargs: The base `Optimizer` arguments.

    Example:

    >>> optimizer = keras_core.optimizers.Ftrl(
    ...     learning_rate=0.1, l1_regularization_strength=0.01)
    """

    def __init__(
        self,
        learning_rate=0.001,
        learning_rate_power=-0.5,
        initial_accumulator_value=0.1,
        l1_regularization_strength=0.0,
        l2_regularization_strength=0.0,
        l2_shrinkage_regularization_strength=0.0,
        beta=0.0,
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
        if learning_rate_power > 0.0:
            raise ValueError(
                "Ftrl: `learning_rate_power` must be negative or zero. "
                f"Received: learning_rate_power={learning_rate_power}."
            )
        for argument, value in (
            ("initial_accumulator_value", initial_accumulator_value),
            ("l1_regularization_strength", l1_regularization_strength),
            ("l2_regularization_strength", l2_regularization_strength),
            (
                "l2_shrinkage_regularization_strength",
                l2_shrinkage_regularization_strength,
            ),
        ):
            if value < 0.0:
                raise ValueError(
                    f"Ftrl: `{argument}` must be positive or zero. "
                    f"Received: {argument}={value}."
                )
        self.learning_rate_power = learning_rate_power
        self.initial_accumulator_value = initial_accumulator_value
        self.l1_regularization_strength = l1_regularization_strength
        self.l2_regularization_strength = l2_regularization_strength
        self.l2_shrinkage_regularization_strength = l2_shrinkage_regularization_strength
        self.beta = beta

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self._accumulators, self._linears = [], []
        for variable in variables:
            self._accumulators.append(
                self.add_variable_from_reference(
                    variable,
                    name="accumulator",
                    initializer=Constant(self.initial_accumulator_value),
                )
            )
            self._linears.append(
                self.add_variable_from_reference(variable, name="linear")
            )

    def update_step(self, gradient, variable, learning_rate):
        index = self._variable_index(variable)
        accumulator = self._accumulators[index]
        linear = self._linears[index]
        power = -self.learning_rate_power
        l1 = self.l1_regularization_strength
        l2 = self.l2_regularization_strength + self.beta / (2.0 * learning_rate)
        weights = variable.value
        shrunk_gradient = (
            gradient + 2.0 * self.l2_shrinkage_regularization_strength * weights
        )
        new_accumulator = accumulator.value + ops.square(gradient)
        new_linear = (
            linear.value
            + shrunk_gradient
            - (ops.power(new_accumulator, power) - ops.power(accumulator.value, power))
            / learning_rate
            * weights
        )
        quadratic = ops.power(new_accumulator, power) / learning_rate + 2.0 * l2
        accumulator.assign(new_accumulator)
        linear.assign(new_linear)
        variable.assign((ops.clip(new_linear, -l1, l1) - new_linear) / quadratic)

    def get_config(self):
        return {
            **super().get_config(),
            "learning_rate_power": self.learning_rate_power,
            "initial_accumulator_value": self.initial_accumulator_value,
            "l1_regularization_strength": self.l1_regularization_strength,
            "l2_regularization_strength": self.l2_regularization_strength,
            "l2_shrinkage_regularization_strength": (
                self.l2_shrinkage_regularization_strength
            ),
            "beta": self.beta,
        }
