"""Public API: `keras_core.saving` (model files, registration, configs)."""

from keras_core._src.saving.file_editor import KerasFileEditor
from keras_core._src.saving.object_registration import CustomObjectScope
from keras_core._src.saving.object_registration import custom_object_scope
from keras_core._src.saving.object_registration import get_custom_objects
from keras_core._src.saving.object_registration import get_registered_name
from keras_core._src.saving.object_registration import get_registered_object
from keras_core._src.saving.object_registration import register_keras_serializable
from keras_core._src.saving.saving_api import load_model
from keras_core._src.saving.saving_api import load_weights
from keras_core._src.saving.saving_api import save_model
from keras_core._src.saving.saving_api import save_weights
from keras_core._src.saving.serialization_lib import deserialize_keras_object
from keras_core._src.saving.serialization_lib import serialize_keras_object
