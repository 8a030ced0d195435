"""`PolynomialDecay`: a polynomial ramp from one rate to another."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.optimizers.schedules._validation import check_positive_steps
from keras_core._src.optimizers.schedules.learning_rate_schedule import (
    LearningRateSchedule,
)

__all__ = ["PolynomialDecay"]


@keras_public("keras.optimizers.schedules")
class PolynomialDecay(LearningRateSchedule):
    """Decays the rate polynomially to `end_learning_rate` in `decay_steps`.

    `rate(step) = (initial - end) * (1 - step / decay_steps) ** power + end`
    with `step` capped at `decay_steps`. With `cycle=True` the ramp restarts:
    `decay_steps` grows to the first multiple of itself at or past `step`.

    Args:
        initial_learning_rate: The rate at step 0.
        decay_steps: The length of the ramp, in steps (> 0).
        end_learning_rate: The rate at the end of the ramp.
        power: The power of the polynomial (1.0 is linear).
        cycle: Whether to restart the ramp after `decay_steps`.
        name: The schedule's name.

    Example:

    >>> schedule = keras_core.optimizers.schedules.PolynomialDecay(
    ...     1.0, decay_steps=10, end_learning_rate=0.0)
    >>> float(schedule(5))
    0.5
    """

    def __init__(
        self,
        initial_learning_rate,
        decay_steps,
        end_learning_rate=0.0001,
        power=1.0,
        cycle=False,
        name="PolynomialDecay",
    ):
        check_positive_steps("PolynomialDecay", "decay_steps", decay_steps)
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.end_learning_rate = end_learning_rate
        self.power = power
        self.cycle = cycle
        self.name = name

    def __call__(self, step):
        """Returns the rate at `step` (an int, tensor or Variable)."""
        initial = ops.convert_to_tensor(self.initial_learning_rate)
        dtype = initial.dtype
        step = ops.cast(step, dtype)
        end = ops.cast(self.end_learning_rate, dtype)
        decay_steps = ops.cast(self.decay_steps, dtype)
        if self.cycle:
            # Step 0 is in the first cycle, not a cycle of length 0.
            cycles = ops.where(step == 0, 1.0, ops.ceil(step / decay_steps))
            decay_steps = decay_steps * ops.cast(cycles, dtype)
        else:
            step = ops.minimum(step, decay_steps)
        # Not `1 - step / decay_steps`: compilers may turn the division into
        # a multiplication by a reciprocal, leaving a residue at the end of
        # the ramp that a fractional power magnifies.
        remaining = (decay_steps - step) / decay_steps
        return (initial - end) * ops.power(remaining, ops.cast(self.power, dtype)) + end

    def get_config(self):
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "end_learning_rate": self.end_learning_rate,
            "power": self.power,
            "cycle": self.cycle,
            "name": self.name,
        }
