"""`PiecewiseConstantDecay`: a rate constant between step boundaries."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common import dtypes
from keras_core._src.optimizers.schedules.learning_rate_schedule import (
    LearningRateSchedule,
)

__all__ = ["PiecewiseConstantDecay"]


@keras_public("keras.optimizers.schedules")
class PiecewiseConstantDecay(LearningRateSchedule):
    """Holds `values[i]` for the steps between two boundaries.

    The rate is `values[0]` while `step <= boundaries[0]`, `values[i]`
    while `boundaries[i - 1] < step <= boundaries[i]`, and `values[-1]`
    once `step > boundaries[-1]`.

    Args:
        boundaries: Increasing step numbers where the rate changes.
        values: The rates, one more than there are boundaries.
        name: The schedule's name.

    Example:

    >>> schedule = keras_core.optimizers.schedules.PiecewiseConstantDecay(
    ...     boundaries=[100, 200], values=[1.0, 0.5, 0.1])
    >>> float(schedule(150))
    0.5
    """

    def __init__(self, boundaries, values, name="PiecewiseConstant"):
        if len(boundaries) != len(values) - 1:
            raise ValueError(
                "PiecewiseConstantDecay: `values` must have one more entry than "
                f"`boundaries` (one rate per interval). Received: "
                f"boundaries={boundaries} of length {len(boundaries)}, and "
                f"values={values} of length {len(values)}."
            )
        self.boundaries = boundaries
        self.values = values
        self.name = name

    def __call__(self, step):
        """Returns the rate at `step` (an int, tensor or Variable)."""
        step = ops.convert_to_tensor(step)
        boundaries = [ops.convert_to_tensor(b) for b in self.boundaries]
        # Integer steps compare exactly with integer boundaries; a float32
        # step would round above 2**24.
        dtype = dtypes.result_type(step.dtype, *(b.dtype for b in boundaries))
        step = ops.cast(step, dtype)
        rate = ops.convert_to_tensor(self.values[-1])
        # From the last interval back, so the first boundary reached wins.
        for boundary, value in zip(
            reversed(boundaries), reversed(self.values[:-1]), strict=True
        ):
            rate = ops.where(step <= ops.cast(boundary, dtype), value, rate)
        return rate

    def get_config(self):
        return {"boundaries": self.boundaries, "values": self.values, "name": self.name}
