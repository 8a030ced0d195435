"""`Embedding`: turns integer indices into dense vectors of fixed size."""

from keras_core import ops
from keras_core._src import constraints
from keras_core._src import initializers
from keras_core._src import regularizers
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.layers.core import lora
from keras_core._src.layers.layer import Layer
from keras_core._src.saving import serialization_lib

__all__ = ["Embedding"]


def _check_positive(kind, name, value):
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(
            f"{kind}: `{name}` must be a positive integer. Received: "
            f"{name}={value} (of type {type(value).__name__})."
        )


@keras_public("keras.layers")
class Embedding(Layer):
    """Turns nonnegative integers (indexes) into dense vectors of fixed size.

    `[[4], [20]]` becomes `[[embeddings[4]], [embeddings[20]]]`, where
    `embeddings` is a trainable `(input_dim, output_dim)` matrix. Float
    inputs are truncated to integers.

    Args:
        input_dim: Size of the vocabulary: the largest index plus one.
        output_dim: Dimension of the dense embedding.
        embeddings_initializer: Initializer of the `embeddings` matrix.
        embeddings_regularizer: Regularizer applied to the `embeddings`.
        embeddings_constraint: Constraint applied to the `embeddings`.
        mask_zero: Whether index 0 is a "padding" value to be masked out:
            the output mask is then `inputs != 0` (so index 0 cannot be a
            word, and `input_dim` should count it).
        weights: Optional initial value of the embeddings (an array of
            shape `(input_dim, output_dim)`, or a list holding it); the
            layer is then built at once.
        lora_rank: Optional positive integer: build the layer with LoRA
            enabled at this rank (see `enable_lora`).
        lora_alpha: Optional scale numerator of the LoRA update;
            `lora_rank` by default.
        quantization_config: Optional quantization settings, kept for
            `quantize()`.
        **kwargs: Base layer arguments (`name`, `dtype`,
            `activity_regularizer`, ...).

    Input shape:
        Integer tensor of any shape `(batch_size, ...)`.

    Output shape:
        `(batch_size, ..., output_dim)`.

    Example:

    >>> layer = keras_core.layers.Embedding(10, 4, mask_zero=True)
    >>> layer(numpy.array([[1, 2, 0]])).shape
    (1, 3, 4)
    >>> numpy.asarray(layer.compute_mask(numpy.array([[1, 2, 0]])))
    array([[ True,  True, False]])
    """

    def __init__(
        self,
        input_dim,
        output_dim,
        embeddings_initializer="uniform",
        embeddings_regularizer=None,
        embeddings_constraint=None,
        mask_zero=False,
        weights=None,
        lora_rank=None,
        lora_alpha=None,
        quantization_config=None,
        **kwargs,
    ):
        kind = type(self).__name__
        _check_positive(kind, "input_dim", input_dim)
        _check_positive(kind, "output_dim", output_dim)
        lora.check_lora_rank(kind, lora_rank)
        super().__init__(**kwargs)
        self.input_dim = input_dim
        self.output_dim = output_dim
        self.embeddings_initializer = initializers.get(embeddings_initializer)
        self.embeddings_regularizer = regularizers.get(embeddings_regularizer)
        self.embeddings_constraint = constraints.get(embeddings_constraint)
        self.mask_zero = mask_zero
        self.supports_masking = mask_zero
        self.lora_rank = lora_rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else lora_rank
        self.lora_enabled = False
        self.quantization_config = quantization_config
        # Indices must not be autocast: in float16 an index above 2048 would
        # round to a neighbour. `call` casts float indices to int32 itself.
        self._convert_input_args = False
        self._allow_non_tensor_positional_args = True
        if weights is not None:
            self.build()
            if not (isinstance(weights, list) and len(weights) == 1):
                weights = [weights]
            self.set_weights(weights)

    def build(self, input_shape=None):
        self._build_embeddings()
        if self.lora_rank:
            self.enable_lora(self.lora_rank, lora_alpha=self.lora_alpha)

    def _build_embeddings(self):
        lora.check_not_quantized(self)
        self._embeddings = self.add_weight(
            name="embeddings",
            shape=(self.input_dim, self.output_dim),
            initializer=self.embeddings_initializer,
            regularizer=self.embeddings_regularizer,
            constraint=self.embeddings_constraint,
            trainable=True,
        )

    @property
    def embeddings(self):
        """The embeddings: the variable, or its LoRA-merged value when enabled."""
        if self.lora_enabled:
            return lora.merged_weight(
                self._embeddings.value,
                self.lora_embeddings_a,
                self.lora_embeddings_b,
                self.lora_alpha,
                self.lora_rank,
            )
        return self._embeddings

    def enable_lora(
        self, rank, lora_alpha=None, a_initializer="he_uniform", b_initializer="zeros"
    ):
        """Freezes `embeddings` and trains a low-rank update of it instead.

        Adds `lora_embeddings_a` (`(input_dim, rank)`) and
        `lora_embeddings_b` (`(rank, output_dim)`).

        Args:
            rank: The rank of the update, a positive integer.
            lora_alpha: The scale numerator; `rank` by default.
            a_initializer: Initializer of `lora_embeddings_a`.
            b_initializer: Initializer of `lora_embeddings_b`.

        Example:

        >>> layer = keras_core.layers.Embedding(10, 4)
        >>> layer.build()
        >>> layer.enable_lora(2)
        >>> [w.name for w in layer.trainable_weights]
        ['lora_embeddings_a', 'lora_embeddings_b']
        """
        self.lora_embeddings_a, self.lora_embeddings_b = lora.add_lora_weights(
            self,
            "_embeddings",
            rank,
            lora_alpha,
            a_initializer,
            b_initializer,
            names=("lora_embeddings_a", "lora_embeddings_b"),
            regularizer=self.embeddings_regularizer,
        )

    def _embeddings_value(self):
        return self.embeddings if self.lora_enabled else self._embeddings.value

    def call(self, inputs):
        inputs = ops.convert_to_tensor(inputs)
        if standardize_dtype(inputs.dtype) not in ("int32", "int64"):
            inputs = ops.cast(inputs, "int32")
        outputs = ops.take(self._embeddings_value(), inputs, axis=0)
        if standardize_dtype(outputs.dtype) != self.compute_dtype:
            outputs = ops.cast(outputs, self.compute_dtype)
        return outputs

    def compute_mask(self, inputs, mask=None):
        if not self.mask_zero:
            return None
        return ops.not_equal(inputs, 0)

    def compute_output_shape(self, input_shape):
        return (*input_shape, self.output_dim)

    def quantize(self, mode=None, type_check=True, config=None):
        """Quantizes the weights; not available in keras_core yet.

        Raises:
            ValueError: If the layer is not built.
            NotImplementedError: Always, once built.
        """
        lora.quantize_not_implemented(self, mode)

    def get_config(self):
        config = {
            **super().get_config(),
            "input_dim": self.input_dim,
            "output_dim": self.output_dim,
            "embeddings_initializer": initializers.serialize(
                self.embeddings_initializer
            ),
            "embeddings_regularizer": regularizers.serialize(
                self.embeddings_regularizer
            ),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "embeddings_constraint": constraints.serialize(self.embeddings_constraint),
            "mask_zero": self.mask_zero,
            "quantization_config": serialization_lib.serialize_keras_object(
                self.quantization_config
            ),
        }
        return lora.lora_config(self, config)
