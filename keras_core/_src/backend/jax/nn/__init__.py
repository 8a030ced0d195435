"""The jax backend's table of `keras_core.ops.nn` ops, one module per family."""

from keras_core._src.backend.jax.nn.activations import *  # noqa: F403
from keras_core._src.backend.jax.nn.attention import *  # noqa: F403
from keras_core._src.backend.jax.nn.convolution import *  # noqa: F403
from keras_core._src.backend.jax.nn.ctc import *  # noqa: F403
from keras_core._src.backend.jax.nn.losses import *  # noqa: F403
from keras_core._src.backend.jax.nn.normalization import *  # noqa: F403
from keras_core._src.backend.jax.nn.pooling import *  # noqa: F403
from keras_core._src.backend.jax.nn.projection import *  # noqa: F403
from keras_core._src.backend.jax.nn.rearrangement import *  # noqa: F403
from keras_core._src.backend.jax.nn.utilities import *  # noqa: F403
