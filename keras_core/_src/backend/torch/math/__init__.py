"""The torch backend's `math` table."""

from keras_core._src.backend.torch.math.segments import *  # noqa: F403
from keras_core._src.backend.torch.math.selection import *  # noqa: F403
from keras_core._src.backend.torch.math.special import *  # noqa: F403
from keras_core._src.backend.torch.math.spectral import *  # noqa: F403
