"""Keeps autograph from rewriting keras_core inside a user's `tf.function`.

Autograph converts every Python function a `tf.function` reaches unless a
rule says not to; TensorFlow ships such rules for itself and for Keras.
keras_core's functions have no tensor-dependent Python control flow, and
converting the hundreds of them a model call reaches took ~20 s on the
first traced step. This adds keras_core to those rules, as Keras is.
"""

from tensorflow.python.autograph.core import config as autograph_config
from tensorflow.python.autograph.core import config_lib


def register():
    """Adds a do-not-convert rule for keras_core (once)."""
    rules = autograph_config.CONVERSION_RULES
    if any(
        isinstance(rule, config_lib.DoNotConvert) and rule._prefix == "keras_core"
        for rule in rules
    ):
        return
    autograph_config.CONVERSION_RULES = (config_lib.DoNotConvert("keras_core"), *rules)
