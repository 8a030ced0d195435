"""Public API: `keras_core.legacy.saving` (Keras 2 style serialization)."""

from keras_core._src.saving.legacy_h5 import deserialize_keras_object
from keras_core._src.saving.legacy_h5 import serialize_keras_object
