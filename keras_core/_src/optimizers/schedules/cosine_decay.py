"""Cosine annealing: `CosineDecay` (with warmup) and `CosineDecayRestarts`."""

import math

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.optimizers.schedules._validation import check_positive_steps
from keras_core._src.optimizers.schedules.learning_rate_schedule import (
    LearningRateSchedule,
)

__all__ = ["CosineDecay", "CosineDecayRestarts"]


def _cosine_factor(fraction, alpha, scale=1.0):
    """`(1 - alpha) * scale * (1 + cos(pi * fraction)) / 2 + alpha`."""
    cosine = 0.5 * scale * (1 + ops.cos(math.pi * fraction))
    return (1 - alpha) * cosine + alpha


@keras_public("keras.optimizers.schedules")
class CosineDecay(LearningRateSchedule):
    """A cosine curve from the rate down to `alpha` times it, after a warmup.

    Without warmup (`warmup_target=None`):
    `rate(step) = initial * ((1 - alpha) * (1 + cos(pi * s / decay_steps)) / 2
    + alpha)` with `s = min(step, decay_steps)`. With a `warmup_target`, the
    rate first rises linearly from `initial_learning_rate` to
    `warmup_target` over `warmup_steps` steps, then follows that curve from
    `warmup_target`, counting `s` from the end of the warmup.

    Args:
        initial_learning_rate: The rate at step 0.
        decay_steps: The length of the cosine decay, in steps (> 0).
        alpha: The final rate, as a fraction of the rate decayed from.
        name: The schedule's name.
        warmup_target: The rate reached at the end of the warmup; None for
            no warmup.
        warmup_steps: The length of the warmup, in steps.

    Example:

    >>> schedule = keras_core.optimizers.schedules.CosineDecay(
    ...     0.0, decay_steps=100, warmup_target=0.1, warmup_steps=10)
    >>> round(float(schedule(5)), 6), round(float(schedule(10)), 6)
    (0.05, 0.1)
    """

    def __init__(
        self,
        initial_learning_rate,
        decay_steps,
        alpha=0.0,
        name="CosineDecay",
        warmup_target=None,
        warmup_steps=0,
    ):
        check_positive_steps("CosineDecay", "decay_steps", decay_steps)
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.alpha = alpha
        self.name = name
        self.warmup_target = warmup_target
        self.warmup_steps = warmup_steps

    def __call__(self, step):
        """Returns the rate at `step` (an int, tensor or Variable)."""
        initial = ops.convert_to_tensor(self.initial_learning_rate)
        dtype = initial.dtype
        step = ops.cast(step, dtype)
        decay_steps = ops.cast(self.decay_steps, dtype)
        alpha = ops.cast(self.alpha, dtype)
        if self.warmup_target is None:
            fraction = ops.minimum(step, decay_steps) / decay_steps
            return initial * _cosine_factor(fraction, alpha)
        target = ops.cast(self.warmup_target, dtype)
        warmup_steps = ops.cast(self.warmup_steps, dtype)
        # max(1, ...) only guards the division: with no warmup steps, the
        # warmup branch is never selected.
        warmup = initial + (target - initial) * step / ops.cast(
            max(self.warmup_steps, 1), dtype
        )
        fraction = ops.minimum(step - warmup_steps, decay_steps) / decay_steps
        decayed = target * _cosine_factor(fraction, alpha)
        return ops.where(step < warmup_steps, warmup, decayed)

    def get_config(self):
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "alpha": self.alpha,
            "name": self.name,
            "warmup_target": self.warmup_target,
            "warmup_steps": self.warmup_steps,
        }


@keras_public("keras.optimizers.schedules")
class CosineDecayRestarts(LearningRateSchedule):
    """Cosine decay with warm restarts (SGDR, Loshchilov and Hutter, 2016).

    Period `i` (from 0) lasts `first_decay_steps * t_mul**i` steps; within
    it the rate follows a cosine from `initial * m_mul**i` down to `alpha`
    times the initial rate, then restarts.

    Args:
        initial_learning_rate: The rate at step 0.
        first_decay_steps: The length of the first period, in steps (> 0).
        t_mul: The factor by which each period is longer than the last.
        m_mul: The factor by which each restart's rate is lower than the
            last one's.
        alpha: The final rate of each period, as a fraction of
            `initial_learning_rate`.
        name: The schedule's name.

    Example:

    >>> schedule = keras_core.optimizers.schedules.CosineDecayRestarts(
    ...     1.0, first_decay_steps=10, m_mul=0.5)
    >>> round(float(schedule(5)), 6), round(float(schedule(10)), 6)
    (0.5, 0.5)
    """

    def __init__(
        self,
        initial_learning_rate,
        first_decay_steps,
        t_mul=2.0,
        m_mul=1.0,
        alpha=0.0,
        name="SGDRDecay",
    ):
        check_positive_steps(
            "CosineDecayRestarts", "first_decay_steps", first_decay_steps
        )
        self.initial_learning_rate = initial_learning_rate
        self.first_decay_steps = first_decay_steps
        self.t_mul = t_mul
        self.m_mul = m_mul
        self.alpha = alpha
        self.name = name

    def __call__(self, step):
        """Returns the rate at `step` (an int, tensor or Variable)."""
        initial = ops.convert_to_tensor(self.initial_learning_rate)
        dtype = initial.dtype
        fraction = ops.cast(step, dtype) / ops.cast(self.first_decay_steps, dtype)
        t_mul = ops.cast(self.t_mul, dtype)
        if self.t_mul == 1.0:
            restarts = ops.floor(fraction)
            fraction = fraction - restarts
        else:
            # Periods grow geometrically: period i starts at the fraction
            # (1 - t_mul**i) / (1 - t_mul), so i comes from a logarithm.
            restarts = ops.floor(ops.log(1 - fraction * (1 - t_mul)) / ops.log(t_mul))
            elapsed = (1 - ops.power(t_mul, restarts)) / (1 - t_mul)
            fraction = (fraction - elapsed) / ops.power(t_mul, restarts)
        scale = ops.power(ops.cast(self.m_mul, dtype), restarts)
        alpha = ops.cast(self.alpha, dtype)
        return initial * _cosine_factor(fraction, alpha, scale)

    def get_config(self):
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "first_decay_steps": self.first_decay_steps,
            "t_mul": self.t_mul,
            "m_mul": self.m_mul,
            "alpha": self.alpha,
            "name": self.name,
        }
