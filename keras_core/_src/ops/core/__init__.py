"""Core functions of keras_core.ops: control flow, scatter, slicing, conversion."""

from keras_core._src.ops.core import control_flow
from keras_core._src.ops.core import conversion
from keras_core._src.ops.core import einops
from keras_core._src.ops.core import gradients
from keras_core._src.ops.core import slicing
from keras_core._src.ops.core.control_flow import *  # noqa: F403
from keras_core._src.ops.core.conversion import *  # noqa: F403
from keras_core._src.ops.core.einops import *  # noqa: F403
from keras_core._src.ops.core.gradients import *  # noqa: F403
from keras_core._src.ops.core.slicing import *  # noqa: F403

__all__ = [
    *control_flow.__all__,
    *conversion.__all__,
    *einops.__all__,
    *gradients.__all__,
    *slicing.__all__,
]
