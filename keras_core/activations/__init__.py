"""Public API: `keras_core.activations` (activation functions)."""

from keras_core._src.activations.elementwise import *  # noqa: F403
from keras_core._src.activations.normalizing import *  # noqa: F403
from keras_core._src.activations.rectifiers import *  # noqa: F403
from keras_core._src.activations.serialization import *  # noqa: F403
from keras_core._src.activations.squashing import *  # noqa: F403
