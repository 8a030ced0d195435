"""Public API: `keras_core.saving` (model files, registration, configs).

The file functions load with their module on first use (no h5py at import).
"""

from keras_core._src.saving.object_registration import CustomObjectScope
from keras_core._src.saving.object_registration import custom_object_scope
from keras_core._src.saving.object_registration import get_custom_objects
from keras_core._src.saving.object_registration import get_registered_name
from keras_core._src.saving.object_registration import get_registered_object
from keras_core._src.saving.object_registration import register_keras_serializable
from keras_core._src.saving.serialization_lib import deserialize_keras_object
from keras_core._src.saving.serialization_lib import serialize_keras_object
from keras_core._src.utils.lazy_exports import lazy_exports

_API = "keras_core._src.saving.saving_api"
__getattr__, __dir__ = lazy_exports(
    globals(),
    {
        "KerasFileEditor": ("keras_core._src.saving.file_editor", "KerasFileEditor"),
        "load_model": (_API, "load_model"),
        "load_weights": (_API, "load_weights"),
        "save_model": (_API, "save_model"),
        "save_weights": (_API, "save_weights"),
    },
)
