"""`AdditiveAttention`: Bahdanau-style attention."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.attention.attention import Attention

__all__ = ["AdditiveAttention"]


@keras_public("keras.layers")
class AdditiveAttention(Attention):
    """Additive attention layer, a.k.a. Bahdanau-style attention.

    Like `Attention`, but the score of a query/key pair is
    `sum(scale * tanh(query + key), axis=-1)`, with `scale` a trainable
    vector of size `dim` (when `use_scale`), instead of their dot product.
    Masks, causal masking, dropout and the returned scores work as in
    `Attention`.

    Args:
        use_scale: If True, creates the trainable vector `scale` (shape
            `(dim,)`, Glorot-uniform initialized) weighting the terms.
        dropout: Fraction of the attention weights to drop while training.
        **kwargs: Base layer arguments (`name`, `dtype`, ...), and `seed`
            (an int seeding the dropout).

    Example:

    >>> query = numpy.ones((2, 3, 4))
    >>> value = numpy.ones((2, 5, 4))
    >>> layer = keras_core.layers.AdditiveAttention()
    >>> tuple(layer([query, value]).shape)
    (2, 3, 4)
    >>> [tuple(w.shape) for w in layer.weights]
    [(4,)]
    """

    def __init__(self, use_scale=True, dropout=0.0, **kwargs):
        super().__init__(use_scale=use_scale, dropout=dropout, **kwargs)

    def build(self, input_shape):
        self._validate_inputs(input_shape)
        dim = input_shape[0][-1]
        if self.use_scale:
            if dim is None:
                raise ValueError(
                    f"AdditiveAttention layer '{self.name}' needs the last axis "
                    "of the query to be defined to create its `scale`. "
                    f"Received: input_shape={input_shape}"
                )
            self.scale = self.add_weight(
                name="scale", shape=(dim,), initializer="glorot_uniform"
            )

    def _calculate_scores(self, query, key):
        pairs = ops.tanh(ops.add(ops.expand_dims(query, -2), ops.expand_dims(key, -3)))
        if self.scale is not None:
            pairs = ops.multiply(pairs, self.scale)
        return ops.sum(pairs, axis=-1)

    def get_config(self):
        config = super().get_config()
        del config["score_mode"]
        return config
