"""Public API: `keras_core.optimizers.schedules`."""

from keras_core._src.optimizers.schedules.cosine_decay import CosineDecay
from keras_core._src.optimizers.schedules.cosine_decay import CosineDecayRestarts
from keras_core._src.optimizers.schedules.exponential_decay import ExponentialDecay
from keras_core._src.optimizers.schedules.exponential_decay import InverseTimeDecay
from keras_core._src.optimizers.schedules.learning_rate_schedule import (
    LearningRateSchedule,
)
from keras_core._src.optimizers.schedules.piecewise_constant_decay import (
    PiecewiseConstantDecay,
)
from keras_core._src.optimizers.schedules.polynomial_decay import PolynomialDecay
from keras_core._src.optimizers.schedules.serialization import deserialize
from keras_core._src.optimizers.schedules.serialization import serialize
