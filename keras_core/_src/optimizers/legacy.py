"""Placeholders for `keras.optimizers.legacy`, the Keras 2 optimizers.

Keras 3 keeps the names so that old code fails with an explanation rather
than an `AttributeError`; every name is this one class, as in Keras 3.
"""

__all__ = ["LegacyOptimizerWarning"]


class LegacyOptimizerWarning:
    """Raises an `ImportError` explaining that legacy optimizers are gone.

    `keras_core.optimizers.legacy.{Adagrad, Adam, Ftrl, Optimizer, RMSprop,
    SGD}` are all this class.

    Args:
        *args: Ignored.
        **kwargs: Ignored.

    Example:

    >>> keras_core.optimizers.legacy.Adam()
    Traceback (most recent call last):
    ImportError: `keras_core.optimizers.legacy` is not supported...
    """

    def __init__(self, *args, **kwargs):
        raise ImportError(
            "`keras_core.optimizers.legacy` is not supported: like Keras 3, "
            "keras_core has no Keras 2 (legacy) optimizers. Use the optimizer "
            "of the same name in `keras_core.optimizers` instead (for example "
            "`keras_core.optimizers.Adam`). To keep using a "
            "`tf.keras.optimizers.legacy` optimizer, install the `tf_keras` "
            "package (Keras 2) and set the environment variable "
            "`TF_USE_LEGACY_KERAS=True`."
        )
