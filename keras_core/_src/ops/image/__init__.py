"""The image ops (`keras_core.ops.image`): resizing, geometric transforms,
color conversions, patches and filters.

They are public only as `keras_core.ops.image.<name>`, as in Keras.
"""

from keras_core._src.ops.image.color import *  # noqa: F403
from keras_core._src.ops.image.elastic import *  # noqa: F403
from keras_core._src.ops.image.filters import *  # noqa: F403
from keras_core._src.ops.image.geometry import *  # noqa: F403
from keras_core._src.ops.image.patches import *  # noqa: F403
from keras_core._src.ops.image.resizing import *  # noqa: F403
from keras_core._src.ops.image.sampling import *  # noqa: F403
