"""Public API: `keras_core.dtype_policies` (float and quantized dtype policies)."""

from keras_core._src.dtype_policies.dtype_policy import DTypePolicy
from keras_core._src.dtype_policies.dtype_policy import FloatDTypePolicy
from keras_core._src.dtype_policies.dtype_policy_map import *  # noqa: F403
from keras_core._src.dtype_policies.quantized import *  # noqa: F403
from keras_core._src.dtype_policies.serialization import *  # noqa: F403
