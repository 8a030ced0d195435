"""The tensorflow backend's table of `keras_core.ops.nn` ops, one module per family."""

from keras_core._src.backend.tensorflow.nn.activations import *  # noqa: F403
from keras_core._src.backend.tensorflow.nn.attention import *  # noqa: F403
from keras_core._src.backend.tensorflow.nn.convolution import *  # noqa: F403
from keras_core._src.backend.tensorflow.nn.ctc import *  # noqa: F403
from keras_core._src.backend.tensorflow.nn.losses import *  # noqa: F403
from keras_core._src.backend.tensorflow.nn.normalization import *  # noqa: F403
from keras_core._src.backend.tensorflow.nn.pooling import *  # noqa: F403
from keras_core._src.backend.tensorflow.nn.projection import *  # noqa: F403
from keras_core._src.backend.tensorflow.nn.rearrangement import *  # noqa: F403
from keras_core._src.backend.tensorflow.nn.utilities import *  # noqa: F403
