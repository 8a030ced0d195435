"""Public API: `keras_core.ops.numpy` (the NumPy-API ops).

Each family module of keras_core/_src/ops/numpy/ lists its ops in `__all__`.
"""

from keras_core._src.ops.numpy.arithmetic import *  # noqa: F403
