"""The `keras_core.ops.nn` ops, one module per family."""

from keras_core._src.ops.nn.activations import *  # noqa: F403
from keras_core._src.ops.nn.attention import *  # noqa: F403
from keras_core._src.ops.nn.convolution import *  # noqa: F403
from keras_core._src.ops.nn.ctc import *  # noqa: F403
from keras_core._src.ops.nn.losses import *  # noqa: F403
from keras_core._src.ops.nn.normalization import *  # noqa: F403
from keras_core._src.ops.nn.pooling import *  # noqa: F403
from keras_core._src.ops.nn.projection import *  # noqa: F403
from keras_core._src.ops.nn.rearrangement import *  # noqa: F403
from keras_core._src.ops.nn.utilities import *  # noqa: F403
