"""Public API: `keras_core.optimizers.legacy` (placeholders that raise)."""

from keras_core._src.optimizers.legacy import LegacyOptimizerWarning as Adagrad
from keras_core._src.optimizers.legacy import LegacyOptimizerWarning as Adam
from keras_core._src.optimizers.legacy import LegacyOptimizerWarning as Ftrl
from keras_core._src.optimizers.legacy import LegacyOptimizerWarning as Optimizer
from keras_core._src.optimizers.legacy import LegacyOptimizerWarning as RMSprop
from keras_core._src.optimizers.legacy import LegacyOptimizerWarning as SGD

__all__ = ["SGD", "Adagrad", "Adam", "Ftrl", "Optimizer", "RMSprop"]
