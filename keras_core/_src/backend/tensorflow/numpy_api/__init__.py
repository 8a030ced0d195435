"""The tensorflow backend's table of NumPy-API ops, one module per op family.

Inputs arrive converted to the op's compute dtype (see ops/dtype_rules.py).
"""

from keras_core._src.backend.tensorflow.numpy_api.arithmetic import *  # noqa: F403
from keras_core._src.backend.tensorflow.numpy_api.binary_math import *  # noqa: F403
from keras_core._src.backend.tensorflow.numpy_api.creation import *  # noqa: F403
from keras_core._src.backend.tensorflow.numpy_api.indexing import *  # noqa: F403
from keras_core._src.backend.tensorflow.numpy_api.manipulation import *  # noqa: F403
from keras_core._src.backend.tensorflow.numpy_api.products import *  # noqa: F403
from keras_core._src.backend.tensorflow.numpy_api.reductions import *  # noqa: F403
from keras_core._src.backend.tensorflow.numpy_api.statistics import *  # noqa: F403
from keras_core._src.backend.tensorflow.numpy_api.unary_math import *  # noqa: F403
from keras_core._src.backend.tensorflow.numpy_api.unary_misc import *  # noqa: F403
