"""`DataLayer`: the base of preprocessing layers.

Preprocessing layers run in a model on every backend and, when the user
picks one, inside a `tf.data` pipeline. The tf.data part is added here (one
place for every preprocessing layer) by the tf.data interop work.
"""

from keras_core._src.layers.layer import Layer

__all__ = []


class DataLayer(Layer):
    """A layer that can also run inside a `tf.data` pipeline.

    Subclasses write `call` with `keras_core.ops` as any layer does.

    Example:

    >>> class Double(DataLayer):
    ...     def call(self, inputs):
    ...         return inputs * 2
    """
