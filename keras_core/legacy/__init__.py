"""Public API: `keras_core.legacy` (Keras 2 compatibility)."""

from keras_core.legacy import saving
