"""Public API: `keras_core.ops`.

Every op is here; the NumPy API, nn and linalg ops also in their
namespaces (the same objects), image ops only in `ops.image`.
"""

from keras_core._src.ops.core import *  # noqa: F403
from keras_core._src.ops.math import *  # noqa: F403
from keras_core.ops import image
from keras_core.ops import linalg
from keras_core.ops import nn
from keras_core.ops import numpy
from keras_core.ops.linalg import *  # noqa: F403
from keras_core.ops.nn import *  # noqa: F403
from keras_core.ops.numpy import *  # noqa: F403
