"""Public API: `keras_core.layers`."""

from keras_core._src.layers.activations import *  # noqa: F403
from keras_core._src.layers.attention import *  # noqa: F403
from keras_core._src.layers.convolution import *  # noqa: F403
from keras_core._src.layers.core.dense import *  # noqa: F403
from keras_core._src.layers.core.einsum_dense import *  # noqa: F403
from keras_core._src.layers.core.embedding import *  # noqa: F403
from keras_core._src.layers.core.identity import *  # noqa: F403
from keras_core._src.layers.core.input_layer import Input
from keras_core._src.layers.core.input_layer import InputLayer
from keras_core._src.layers.core.lambda_layer import *  # noqa: F403
from keras_core._src.layers.core.masking import *  # noqa: F403
from keras_core._src.layers.core.reversible_embedding import *  # noqa: F403
from keras_core._src.layers.core.wrapper import *  # noqa: F403
from keras_core._src.layers.input_spec import InputSpec
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.merging.add import *  # noqa: F403
from keras_core._src.layers.merging.average import *  # noqa: F403
from keras_core._src.layers.merging.concatenate import *  # noqa: F403
from keras_core._src.layers.merging.dot import *  # noqa: F403
from keras_core._src.layers.merging.maximum import *  # noqa: F403
from keras_core._src.layers.merging.minimum import *  # noqa: F403
from keras_core._src.layers.merging.multiply import *  # noqa: F403
from keras_core._src.layers.merging.subtract import *  # noqa: F403
from keras_core._src.layers.normalization import *  # noqa: F403
from keras_core._src.layers.pooling import *  # noqa: F403
from keras_core._src.layers.preprocessing import *  # noqa: F403
from keras_core._src.layers.preprocessing.image import *  # noqa: F403
from keras_core._src.layers.regularization import *  # noqa: F403
from keras_core._src.layers.reshaping import *  # noqa: F403
from keras_core._src.layers.rnn import *  # noqa: F403
from keras_core._src.layers.serialization import deserialize
from keras_core._src.layers.serialization import serialize
from keras_core._src.layers.wrappers import *  # noqa: F403
