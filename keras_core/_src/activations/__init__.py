"""Activation functions: `keras_core.activations`.

Layers read their `activation` arguments with `get` and write them with
`serialize`, both re-exported here.
"""

from keras_core._src.activations.serialization import deserialize
from keras_core._src.activations.serialization import get
from keras_core._src.activations.serialization import serialize

__all__ = ["deserialize", "get", "serialize"]
