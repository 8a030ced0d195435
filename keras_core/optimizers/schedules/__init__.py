"""Public API: `keras_core.optimizers.schedules`."""

from keras_core._src.optimizers.schedules.learning_rate_schedule import (
    LearningRateSchedule,
)
