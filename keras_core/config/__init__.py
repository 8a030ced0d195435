"""Public API: `keras_core.config` (process-wide settings)."""

from keras_core._src.backend import backend
from keras_core._src.backend.common.config import disable_flash_attention
from keras_core._src.backend.common.config import disable_interactive_logging
from keras_core._src.backend.common.config import disable_traceback_filtering
from keras_core._src.backend.common.config import enable_flash_attention
from keras_core._src.backend.common.config import enable_interactive_logging
from keras_core._src.backend.common.config import enable_traceback_filtering
from keras_core._src.backend.common.config import enable_unsafe_deserialization
from keras_core._src.backend.common.config import epsilon
from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.config import image_data_format
from keras_core._src.backend.common.config import is_flash_attention_enabled
from keras_core._src.backend.common.config import is_interactive_logging_enabled
from keras_core._src.backend.common.config import is_nnx_enabled
from keras_core._src.backend.common.config import is_traceback_filtering_enabled
from keras_core._src.backend.common.config import max_epochs
from keras_core._src.backend.common.config import max_steps_per_epoch
from keras_core._src.backend.common.config import set_epsilon
from keras_core._src.backend.common.config import set_floatx
from keras_core._src.backend.common.config import set_image_data_format
from keras_core._src.backend.common.config import set_max_epochs
from keras_core._src.backend.common.config import set_max_steps_per_epoch
from keras_core._src.backend.selection import set_backend
from keras_core._src.dtype_policies.dtype_policy import dtype_policy
from keras_core._src.dtype_policies.dtype_policy import set_dtype_policy
