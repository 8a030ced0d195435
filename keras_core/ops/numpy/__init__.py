"""Public API: `keras_core.ops.numpy` (the NumPy-API ops).

Each family module of keras_core/_src/ops/numpy/ lists its ops in `__all__`.
"""

from keras_core._src.ops.numpy.arithmetic import *  # noqa: F403
from keras_core._src.ops.numpy.binary_math import *  # noqa: F403
from keras_core._src.ops.numpy.creation import *  # noqa: F403
from keras_core._src.ops.numpy.indexing import *  # noqa: F403
from keras_core._src.ops.numpy.joining import *  # noqa: F403
from keras_core._src.ops.numpy.manipulation import *  # noqa: F403
from keras_core._src.ops.numpy.products import *  # noqa: F403
from keras_core._src.ops.numpy.reductions import *  # noqa: F403
from keras_core._src.ops.numpy.statistics import *  # noqa: F403
from keras_core._src.ops.numpy.unary_math import *  # noqa: F403
from keras_core._src.ops.numpy.unary_misc import *  # noqa: F403
