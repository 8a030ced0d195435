"""Preprocessing layers."""

from keras_core._src.layers.preprocessing.category_encoding import *  # noqa: F403
from keras_core._src.layers.preprocessing.discretization import *  # noqa: F403
from keras_core._src.layers.preprocessing.hashed_crossing import *  # noqa: F403
from keras_core._src.layers.preprocessing.hashing import *  # noqa: F403
from keras_core._src.layers.preprocessing.integer_lookup import *  # noqa: F403
from keras_core._src.layers.preprocessing.mel_spectrogram import *  # noqa: F403
from keras_core._src.layers.preprocessing.normalization import *  # noqa: F403
from keras_core._src.layers.preprocessing.pipeline import *  # noqa: F403
from keras_core._src.layers.preprocessing.rescaling import *  # noqa: F403
from keras_core._src.layers.preprocessing.stft_spectrogram import *  # noqa: F403
from keras_core._src.layers.preprocessing.string_lookup import *  # noqa: F403
from keras_core._src.layers.preprocessing.text_vectorization import *  # noqa: F403
