"""The torch backend's table of `keras_core.ops.nn` ops, one module per family."""

from keras_core._src.backend.torch.nn.activations import *  # noqa: F403
from keras_core._src.backend.torch.nn.attention import *  # noqa: F403
from keras_core._src.backend.torch.nn.convolution import *  # noqa: F403
from keras_core._src.backend.torch.nn.ctc import *  # noqa: F403
from keras_core._src.backend.torch.nn.losses import *  # noqa: F403
from keras_core._src.backend.torch.nn.normalization import *  # noqa: F403
from keras_core._src.backend.torch.nn.pooling import *  # noqa: F403
from keras_core._src.backend.torch.nn.projection import *  # noqa: F403
from keras_core._src.backend.torch.nn.rearrangement import *  # noqa: F403
from keras_core._src.backend.torch.nn.utilities import *  # noqa: F403
