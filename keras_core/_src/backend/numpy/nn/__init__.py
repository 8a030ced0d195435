"""The numpy backend's table of `keras_core.ops.nn` ops, one module per family."""

from keras_core._src.backend.numpy.nn.activations import *  # noqa: F403
from keras_core._src.backend.numpy.nn.attention import *  # noqa: F403
from keras_core._src.backend.numpy.nn.convolution import *  # noqa: F403
from keras_core._src.backend.numpy.nn.ctc import *  # noqa: F403
from keras_core._src.backend.numpy.nn.losses import *  # noqa: F403
from keras_core._src.backend.numpy.nn.normalization import *  # noqa: F403
from keras_core._src.backend.numpy.nn.pooling import *  # noqa: F403
from keras_core._src.backend.numpy.nn.projection import *  # noqa: F403
from keras_core._src.backend.numpy.nn.rearrangement import *  # noqa: F403
from keras_core._src.backend.numpy.nn.utilities import *  # noqa: F403
