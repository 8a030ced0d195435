"""Public API: `keras_core.legacy.saving` (Keras 2 style serialization).

Loaded on first use (its module reads legacy `.h5` files with h5py).
"""

from keras_core._src.utils.lazy_exports import lazy_exports

__getattr__, __dir__ = lazy_exports(
    globals(),
    {
        "deserialize_keras_object": (
            "keras_core._src.saving.legacy_h5",
            "deserialize_keras_object",
        ),
        "serialize_keras_object": (
            "keras_core._src.saving.legacy_h5",
            "serialize_keras_object",
        ),
    },
)
