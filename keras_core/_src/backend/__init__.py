"""The backend registry: picks the backend once and hands out its tables.

Code above the backend layer reaches framework functions only through this
module (`backend.core.convert_to_tensor(...)`), never by importing a
framework or by testing the backend's name.
"""

import importlib

from keras_core._src.backend import selection
from keras_core._src.backend.common import backend_layer
from keras_core._src.backend.common import dtypes

_BACKEND_NAME = selection.select_backend()
_implementation = importlib.import_module(f"keras_core._src.backend.{_BACKEND_NAME}")
dtypes.configure_backend_traits(keeps_64bit=_implementation.KEEPS_64BIT)

core = _implementation.core
# "numpy_api", not "numpy": the numpy backend's package is already called so.
numpy_api = _implementation.numpy_api
nn = _implementation.nn
linalg = _implementation.linalg
math = _implementation.math
image = _implementation.image
# "core_ops": the tables behind `keras_core.ops`' core functions (cond,
# scan, scatter...); `core` is the backend's own conversion layer.
core_ops = _implementation.core_ops
random = _implementation.random
# The recurrent loop and fused recurrent kernels (see layers/rnn).
rnn = _implementation.rnn
Variable = core.Variable
# Fused optimizer updates for eager steps, where the backend has them.
optimizer_updates = getattr(_implementation, "optimizer_updates", None)
# The base every Layer derives from: a torch.nn.Module on torch.
BackendLayer = getattr(_implementation, "BackendLayer", backend_layer.BackendLayer)
# The steps of fit/evaluate/predict and how they are compiled.
BackendTrainer = _implementation.BackendTrainer


def backend():
    """Returns the name of the backend in use.

    Returns:
        `"jax"`, `"torch"`, `"tensorflow"` or `"numpy"`.

    Example:

    >>> keras_core.config.backend()
    'jax'
    """
    return _BACKEND_NAME


def device(device_name):
    """Returns a context manager placing tensors and computations on a device.

    Args:
        device_name: `"cpu"`, `"cpu:0"`, `"gpu:0"`, ... (on torch also
            `"cuda:N"` and `"mps"`).

    Example:

    >>> with keras_core.device("cpu:0"):
    ...     x = keras_core.Variable([1.0, 2.0])
    """
    return core.device_scope(device_name)
