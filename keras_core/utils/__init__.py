"""Public API: `keras_core.utils`."""

from keras_core._src.trainers.data_adapters.data_utils import pack_x_y_sample_weight
from keras_core._src.trainers.data_adapters.data_utils import unpack_x_y_sample_weight
from keras_core._src.utils.feature_space import FeatureSpace
from keras_core._src.utils.io_utils import disable_interactive_logging
from keras_core._src.utils.io_utils import enable_interactive_logging
from keras_core._src.utils.io_utils import is_interactive_logging_enabled
from keras_core._src.utils.numerical_utils import *  # noqa: F403
from keras_core._src.utils.progbar import Progbar
from keras_core._src.utils.py_dataset import PyDataset
from keras_core._src.utils.py_dataset import Sequence
from keras_core._src.utils.rng_utils import *  # noqa: F403
from keras_core.utils import bounding_boxes
