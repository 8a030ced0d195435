"""Public API: `keras_core.models`."""

from keras_core._src.models.cloning import clone_model
from keras_core._src.models.json_loading import model_from_json
from keras_core._src.models.model import Model
from keras_core._src.models.sequential import Sequential
from keras_core._src.utils.lazy_exports import lazy_exports

# Loaded on first use, like keras_core.saving's (no h5py at import).
__getattr__, __dir__ = lazy_exports(
    globals(),
    {
        "load_model": ("keras_core._src.saving.saving_api", "load_model"),
        "save_model": ("keras_core._src.saving.saving_api", "save_model"),
    },
)
