"""The torch backend's `core_ops` table: the functions behind keras_core.ops'
core ops (control flow, scatter, slices, casts, rearrange)."""

from keras_core._src.backend.torch.core_ops.control_flow import *  # noqa: F403
from keras_core._src.backend.torch.core_ops.conversion import *  # noqa: F403
from keras_core._src.backend.torch.core_ops.einops import *  # noqa: F403
from keras_core._src.backend.torch.core_ops.gradients import *  # noqa: F403
from keras_core._src.backend.torch.core_ops.slicing import *  # noqa: F403
