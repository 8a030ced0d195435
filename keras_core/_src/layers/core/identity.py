"""`Identity`: a layer that returns its input unchanged."""

from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.layer import Layer
from keras_core._src.tree import tree_api

__all__ = ["Identity"]


@keras_public("keras.layers")
class Identity(Layer):
    """Returns its input (any nest of tensors) unchanged, mask included.

    Useful as a placeholder, such as a no-op branch of a model.

    Args:
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x = numpy.ones((2, 3))
    >>> keras_core.layers.Identity()(x).shape
    (2, 3)
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def call(self, inputs):
        return inputs

    def compute_output_shape(self, input_shape):
        return input_shape

    def compute_output_spec(self, inputs):
        # The input's dtype (not the compute dtype): integers stay integers.
        return tree_api.map_structure(
            lambda tensor: KerasTensor(
                tensor.shape, dtype=tensor.dtype, sparse=tensor.sparse
            ),
            inputs,
        )
