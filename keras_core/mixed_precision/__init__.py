"""Public API: `keras_core.mixed_precision` (Keras 2 names for dtype policies)."""

from keras_core._src.dtype_policies.dtype_policy import DTypePolicy
from keras_core._src.dtype_policies.dtype_policy import dtype_policy
from keras_core._src.dtype_policies.dtype_policy import set_dtype_policy
from keras_core._src.optimizers.loss_scale_optimizer import LossScaleOptimizer

Policy = DTypePolicy
global_policy = dtype_policy
set_global_policy = set_dtype_policy
