"""Public API: `keras_core.models`."""

from keras_core._src.models.cloning import clone_model
from keras_core._src.models.json_loading import model_from_json
from keras_core._src.models.model import Model
from keras_core._src.models.sequential import Sequential
from keras_core._src.saving.saving_api import load_model
from keras_core._src.saving.saving_api import save_model
