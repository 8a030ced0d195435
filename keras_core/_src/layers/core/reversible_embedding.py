"""`ReversibleEmbedding`: an embedding that also maps vectors back to logits."""

from keras_core import ops
from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.layers.core.embedding import Embedding

__all__ = ["ReversibleEmbedding"]


@keras_public("keras.layers")
class ReversibleEmbedding(Embedding):
    """An embedding layer which can project backwards to the input dim.

    Called normally it is an `Embedding`. Called with `reverse=True` on
    vectors of size `output_dim` it returns logits over the vocabulary:
    `inputs @ embeddings.T` when `tie_weights` is True, else
    `inputs @ reverse_embeddings` with a separate `(output_dim, input_dim)`
    weight. Language models use it to share the token embedding with the
    output projection.

    Args:
        input_dim: Size of the vocabulary.
        output_dim: Dimension of the dense embedding.
        tie_weights: Whether the reverse projection uses the embeddings
            (transposed) instead of a weight of its own.
        embeddings_initializer: Initializer of the embeddings (and of the
            reverse embeddings).
        embeddings_regularizer: Regularizer applied to the embeddings.
        embeddings_constraint: Constraint applied to the embeddings.
        mask_zero: Whether index 0 is masked out (see `Embedding`).
        reverse_dtype: Optional dtype the reverse projection computes in
            (such as `"float32"` for accurate logits under mixed
            precision); by default the inputs' and weights' common dtype.
        logit_soft_cap: Optional positive float: reverse logits become
            `tanh(logits / logit_soft_cap) * logit_soft_cap`.
        **kwargs: `Embedding` and base layer arguments (`lora_rank`,
            `name`, `dtype`, ...).

    Call arguments:
        inputs: Indices, or vectors of size `output_dim` with `reverse=True`.
        reverse: Whether to project vectors back to vocabulary logits.

    Example:

    >>> layer = keras_core.layers.ReversibleEmbedding(10, 4)
    >>> vectors = layer(numpy.array([[1, 2]]))
    >>> layer(vectors, reverse=True).shape
    (1, 2, 10)
    """

    def __init__(
        self,
        input_dim,
        output_dim,
        tie_weights=True,
        embeddings_initializer="uniform",
        embeddings_regularizer=None,
        embeddings_constraint=None,
        mask_zero=False,
        reverse_dtype=None,
        logit_soft_cap=None,
        **kwargs,
    ):
        super().__init__(
            input_dim,
            output_dim,
            embeddings_initializer=embeddings_initializer,
            embeddings_regularizer=embeddings_regularizer,
            embeddings_constraint=embeddings_constraint,
            mask_zero=mask_zero,
            **kwargs,
        )
        self.tie_weights = tie_weights
        self.reverse_dtype = (
            None if reverse_dtype is None else standardize_dtype(reverse_dtype)
        )
        self.logit_soft_cap = logit_soft_cap
        self.reverse_embeddings = None

    def build(self, input_shape=None):
        self._build_embeddings()
        if not self.tie_weights:
            self.reverse_embeddings = self.add_weight(
                name="reverse_embeddings",
                shape=(self.output_dim, self.input_dim),
                initializer=self.embeddings_initializer,
            )
        if self.lora_rank:
            self.enable_lora(self.lora_rank, lora_alpha=self.lora_alpha)

    def call(self, inputs, reverse=False):
        if not reverse:
            return super().call(inputs)
        if self.tie_weights:
            kernel = ops.transpose(self._embeddings_value())
        else:
            kernel = self.reverse_embeddings.value
        if self.reverse_dtype is not None:
            inputs = ops.cast(inputs, self.reverse_dtype)
            kernel = ops.cast(kernel, self.reverse_dtype)
        logits = ops.matmul(inputs, kernel)
        if self.logit_soft_cap is not None:
            cap = self.logit_soft_cap
            logits = ops.multiply(ops.tanh(ops.divide(logits, cap)), cap)
        return logits

    def compute_mask(self, inputs, mask=None):
        if is_float_dtype(standardize_dtype(inputs.dtype)):
            # Vectors projected back (`reverse=True`) keep their mask.
            return mask
        return super().compute_mask(inputs, mask)

    def compute_output_shape(self, input_shape, reverse=False):
        if reverse:
            return (*input_shape[:-1], self.input_dim)
        return super().compute_output_shape(input_shape)

    def compute_output_spec(self, inputs, reverse=False):
        if reverse:
            # The logits' dtype depends on the inputs' (they are not
            # autocast): evaluate `call` abstractly so it matches eager.
            return backend.core.compute_output_spec(self.call, inputs, reverse=True)
        return super().compute_output_spec(inputs)

    def get_config(self):
        return {
            **super().get_config(),
            "tie_weights": self.tie_weights,
            "reverse_dtype": self.reverse_dtype,
            "logit_soft_cap": self.logit_soft_cap,
        }
