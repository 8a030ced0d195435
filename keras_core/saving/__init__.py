"""Public API: `keras_core.saving` (object registration and configs).

Saving and loading model files come with the `.keras` format.
"""

from keras_core._src.saving.object_registration import CustomObjectScope
from keras_core._src.saving.object_registration import custom_object_scope
from keras_core._src.saving.object_registration import get_custom_objects
from keras_core._src.saving.object_registration import get_registered_name
from keras_core._src.saving.object_registration import get_registered_object
from keras_core._src.saving.object_registration import register_keras_serializable
from keras_core._src.saving.serialization_lib import deserialize_keras_object
from keras_core._src.saving.serialization_lib import serialize_keras_object
