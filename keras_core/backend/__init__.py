"""Public API: `keras_core.backend` (backend name, dtypes, session state)."""

from keras_core._src.backend import backend
from keras_core._src.backend.common.config import epsilon
from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.config import image_data_format
from keras_core._src.backend.common.config import set_epsilon
from keras_core._src.backend.common.config import set_floatx
from keras_core._src.backend.common.config import set_image_data_format
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import is_int_dtype
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.global_state import clear_session
from keras_core._src.backend.common.global_state import get_uid
from keras_core._src.backend.common.keras_tensor import is_keras_tensor
