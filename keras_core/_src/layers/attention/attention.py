"""`Attention`: dot-product (Luong-style) or concat attention."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.attention import attention_masks
from keras_core._src.layers.layer import Layer
from keras_core._src.random import random_ops as random

__all__ = ["Attention"]

_SCORE_MODES = ("dot", "concat")


def check_dropout(layer_name, dropout):
    """Raises a ValueError unless `dropout` is a number in [0, 1]."""
    valid = isinstance(dropout, (int, float)) and not isinstance(dropout, bool)
    if not valid or not 0 <= dropout <= 1:
        raise ValueError(
            f"{layer_name}: invalid value received for argument `dropout`. "
            f"Expected a float value between 0 and 1. Received: dropout={dropout!r}"
        )


@keras_public("keras.layers")
class Attention(Layer):
    """Dot-product attention layer, a.k.a. Luong-style attention.

    Called on `[query, value]` or `[query, value, key]` (tensors of shapes
    `(batch_size, Tq, dim)`, `(batch_size, Tv, dim)` and `(batch_size, Tv,
    dim)`; `key` defaults to `value`), it computes:

    1. `scores` of shape `(batch_size, Tq, Tv)`: `query @ key^T` (times
       `scale` with `use_scale`) for `score_mode="dot"`, or
       `concat_score_weight * sum(tanh(scale * (query + key)), -1)` over
       every query/key pair for `score_mode="concat"`;
    2. `weights = softmax(scores)` over the value axis (masked value
       positions and, with `use_causal_mask`, future positions get
       weight 0; dropout applies to the weights while training);
    3. `outputs = weights @ value`, zeroed at masked query positions.

    Args:
        use_scale: If True, creates a trainable scalar `scale` that
            multiplies the scores (`concat` mode: the summed terms).
        score_mode: `"dot"` or `"concat"` (the latter also creates the
            scalar weight `concat_score_weight`).
        dropout: Fraction of the attention weights to drop while training.
        seed: An int seeding the dropout.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Call arguments:
        inputs: `[query, value]` or `[query, value, key]`.
        mask: `[query_mask, value_mask]` (a key mask, if given third, is
            not used): booleans of shapes `(batch_size, Tq)` and
            `(batch_size, Tv)`. Masks of the inputs (e.g. from
            `Embedding(mask_zero=True)`) are used when not given.
        training: Whether dropout is active.
        return_attention_scores: Also return the attention weights.
        use_causal_mask: Whether query position `i` may only attend to
            value positions `j <= i`.

    Returns:
        `outputs` of shape `(batch_size, Tq, value_dim)`, and with
        `return_attention_scores` the weights of shape
        `(batch_size, Tq, Tv)` as well.

    Example:

    >>> query = numpy.ones((2, 3, 4))
    >>> value = numpy.ones((2, 5, 4))
    >>> layer = keras_core.layers.Attention()
    >>> outputs, scores = layer([query, value], return_attention_scores=True)
    >>> tuple(outputs.shape), tuple(scores.shape)
    ((2, 3, 4), (2, 3, 5))
    """

    def __init__(
        self, use_scale=False, score_mode="dot", dropout=0.0, seed=None, **kwargs
    ):
        super().__init__(**kwargs)
        if score_mode not in _SCORE_MODES:
            raise ValueError(
                "Invalid value for argument score_mode. Expected one of "
                f"{{'dot', 'concat'}}. Received: score_mode={score_mode}"
            )
        check_dropout(type(self).__name__, dropout)
        self.use_scale = use_scale
        self.score_mode = score_mode
        self.dropout = dropout
        self.seed = seed
        if dropout > 0:
            self.seed_generator = random.SeedGenerator(seed)
        self.scale = None
        self.concat_score_weight = None
        self.supports_masking = True

    def build(self, input_shape):
        self._validate_inputs(input_shape)
        if self.use_scale:
            self.scale = self.add_weight(name="scale", shape=(), initializer="ones")
        if self.score_mode == "concat":
            self.concat_score_weight = self.add_weight(
                name="concat_score_weight", shape=(), initializer="ones"
            )

    def _calculate_scores(self, query, key):
        """The `(batch_size, Tq, Tv)` scores of every query/key pair."""
        if self.score_mode == "dot":
            scores = ops.matmul(query, ops.swapaxes(key, -1, -2))
            if self.scale is not None:
                scores = ops.multiply(scores, self.scale)
            return scores
        pairs = ops.add(ops.expand_dims(query, -2), ops.expand_dims(key, -3))
        if self.scale is not None:
            pairs = ops.multiply(pairs, self.scale)
        return ops.multiply(self.concat_score_weight, ops.sum(ops.tanh(pairs), axis=-1))

    def call(
        self,
        inputs,
        mask=None,
        training=False,
        return_attention_scores=False,
        use_causal_mask=False,
    ):
        self._validate_inputs(inputs, mask)
        query, value = inputs[0], inputs[1]
        key = inputs[2] if len(inputs) > 2 else value
        query_mask = mask[0] if mask is not None else None
        value_mask = mask[1] if mask is not None else None
        scores = self._calculate_scores(query, key)
        score_mask = None
        if value_mask is not None:
            score_mask = ops.expand_dims(ops.cast(value_mask, "bool"), -2)
        if use_causal_mask:
            causal = attention_masks.causal_mask(
                ops.shape(scores)[-2], ops.shape(scores)[-1]
            )
            score_mask = (
                causal if score_mask is None else ops.logical_and(score_mask, causal)
            )
        weights = ops.softmax(attention_masks.mask_logits(scores, score_mask), axis=-1)
        if training and 0 < self.dropout < 1:
            weights = random.dropout(weights, self.dropout, seed=self.seed_generator)
        elif training and self.dropout == 1:
            weights = ops.zeros_like(weights)
        outputs = ops.matmul(weights, value)
        if query_mask is not None:
            outputs = ops.multiply(
                outputs, ops.expand_dims(ops.cast(query_mask, outputs.dtype), -1)
            )
        if return_attention_scores:
            return outputs, weights
        return outputs

    def compute_mask(self, inputs, mask=None):
        self._validate_inputs(inputs, mask)
        if mask is None or mask[0] is None:
            return None
        return ops.convert_to_tensor(mask[0])

    def compute_output_shape(self, input_shape):
        self._validate_inputs(input_shape)
        return (*tuple(input_shape[0][:-1]), input_shape[1][-1])

    def compute_output_spec(
        self,
        inputs,
        mask=None,
        training=False,
        return_attention_scores=False,
        use_causal_mask=False,
    ):
        self._validate_inputs(inputs, mask)
        query, value = inputs[0], inputs[1]
        outputs = KerasTensor(
            (*query.shape[:-1], value.shape[-1]), dtype=self.compute_dtype
        )
        if not return_attention_scores:
            return outputs
        scores = KerasTensor(
            (*query.shape[:-1], value.shape[-2]), dtype=self.compute_dtype
        )
        return outputs, scores

    def _validate_inputs(self, inputs, mask=None):
        name = type(self).__name__
        if not isinstance(inputs, (list, tuple)):
            raise ValueError(
                f"{name} layer must be called on a list of inputs, namely "
                f"[query, value] or [query, value, key]. Received: inputs={inputs}."
            )
        if len(inputs) < 2 or len(inputs) > 3:
            raise ValueError(
                f"{name} layer accepts inputs list of length 2 or 3, namely "
                "[query, value] or [query, value, key]. Received length: "
                f"{len(inputs)}."
            )
        if mask is not None and (
            not isinstance(mask, (list, tuple)) or not 2 <= len(mask) <= 3
        ):
            raise ValueError(
                f"{name} layer accepts mask list of length 2 or 3, namely "
                "[query_mask, value_mask] or [query_mask, value_mask, "
                f"key_mask]. Received: mask={mask}."
            )

    def get_config(self):
        return {
            **super().get_config(),
            "use_scale": self.use_scale,
            "score_mode": self.score_mode,
            "dropout": self.dropout,
            "seed": self.seed,
        }
