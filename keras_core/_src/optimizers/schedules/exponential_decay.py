"""Decay by a rate per period: `ExponentialDecay` and `InverseTimeDecay`."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.optimizers.schedules._validation import check_positive_steps
from keras_core._src.optimizers.schedules.learning_rate_schedule import (
    LearningRateSchedule,
)

__all__ = ["ExponentialDecay", "InverseTimeDecay"]


class _RateDecay(LearningRateSchedule):
    """The arguments and the step fraction both schedules share."""

    def __init__(self, initial_learning_rate, decay_steps, decay_rate, staircase, name):
        check_positive_steps(type(self).__name__, "decay_steps", decay_steps)
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.decay_rate = decay_rate
        self.staircase = staircase
        self.name = name

    def _initial_and_periods(self, step):
        """The initial rate as a tensor, and `step / decay_steps` in its dtype."""
        initial = ops.convert_to_tensor(self.initial_learning_rate)
        periods = ops.cast(step, initial.dtype) / ops.cast(
            self.decay_steps, initial.dtype
        )
        if self.staircase:
            periods = ops.floor(periods)
        return initial, periods

    def get_config(self):
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "decay_rate": self.decay_rate,
            "staircase": self.staircase,
            "name": self.name,
        }


@keras_public("keras.optimizers.schedules")
class ExponentialDecay(_RateDecay):
    """Multiplies the rate by `decay_rate` every `decay_steps` steps.

    `rate(step) = initial_learning_rate * decay_rate ** (step / decay_steps)`,
    with the exponent floored when `staircase=True`.

    Args:
        initial_learning_rate: The rate at step 0.
        decay_steps: The length of one decay period, in steps (> 0).
        decay_rate: The factor applied per period.
        staircase: Whether the rate drops in steps at whole periods
            instead of continuously.
        name: The schedule's name.

    Example:

    >>> schedule = keras_core.optimizers.schedules.ExponentialDecay(
    ...     0.1, decay_steps=10, decay_rate=0.5)
    >>> round(float(schedule(20)), 6)
    0.025
    """

    def __init__(
        self,
        initial_learning_rate,
        decay_steps,
        decay_rate,
        staircase=False,
        name="ExponentialDecay",
    ):
        super().__init__(
            initial_learning_rate, decay_steps, decay_rate, staircase, name
        )

    def __call__(self, step):
        """Returns the rate at `step` (an int, tensor or Variable)."""
        initial, periods = self._initial_and_periods(step)
        return initial * ops.power(ops.cast(self.decay_rate, initial.dtype), periods)


@keras_public("keras.optimizers.schedules")
class InverseTimeDecay(_RateDecay):
    """Divides the rate by `1 + decay_rate * step / decay_steps`.

    `rate(step) = initial_learning_rate / (1 + decay_rate * step /
    decay_steps)`, with `step / decay_steps` floored when `staircase=True`.

    Args:
        initial_learning_rate: The rate at step 0.
        decay_steps: The length of one decay period, in steps (> 0).
        decay_rate: How fast the rate falls.
        staircase: Whether the rate drops in steps at whole periods
            instead of continuously.
        name: The schedule's name.

    Example:

    >>> schedule = keras_core.optimizers.schedules.InverseTimeDecay(
    ...     0.1, decay_steps=10, decay_rate=0.5)
    >>> round(float(schedule(20)), 6)
    0.05
    """

    def __init__(
        self,
        initial_learning_rate,
        decay_steps,
        decay_rate,
        staircase=False,
        name="InverseTimeDecay",
    ):
        super().__init__(
            initial_learning_rate, decay_steps, decay_rate, staircase, name
        )

    def __call__(self, step):
        """Returns the rate at `step` (an int, tensor or Variable)."""
        initial, periods = self._initial_and_periods(step)
        return initial / (1 + ops.cast(self.decay_rate, initial.dtype) * periods)
