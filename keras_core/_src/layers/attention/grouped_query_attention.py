"""`GroupQueryAttention`: attention with fewer key/value heads than queries."""

import math

from keras_core import ops
from keras_core._src import constraints
from keras_core._src import initializers
from keras_core._src import regularizers
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common import global_state
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.attention import attention_masks
from keras_core._src.layers.attention import multi_head_attention as mha
from keras_core._src.layers.attention.attention import check_dropout
from keras_core._src.layers.core.einsum_dense import EinsumDense
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.regularization.dropout import Dropout

__all__ = ["GroupQueryAttention"]


@keras_public("keras.layers")
class GroupQueryAttention(Layer):
    """Grouped-query attention (Ainslie et al., 2023).

    Like `MultiHeadAttention` over sequences, but `num_query_heads` query
    heads share `num_key_value_heads` key/value heads: query head `h` reads
    key/value head `h // (num_query_heads // num_key_value_heads)`. With
    one key/value head this is multi-query attention; with as many as query
    heads, multi-head attention. The projections are `EinsumDense` layers
    named `query`, `key`, `value` (and `gate`) and `attention_output`,
    which projects back to the query's last dimension.

    Without returned scores and without active dropout the heads are
    computed by `keras_core.ops.dot_product_attention`; otherwise by an
    explicit softmax, whose fully masked rows give zero scores.

    Args:
        head_dim: Size of each attention head.
        num_query_heads: Number of query heads.
        num_key_value_heads: Number of key/value heads; must divide
            `num_query_heads`.
        dropout: Dropout rate of the attention scores while training.
        use_bias: Whether the projections use bias vectors.
        sliding_window: If set (a positive int), query `i` only attends to
            keys `j` with `|i - j| < sliding_window` (`0 <= i - j <
            sliding_window` with the causal mask).
        flash_attention: None or False compute regularly; True asks for
            flash attention (an error where it is unavailable, with dropout
            or with returned scores).
        kernel_initializer: Initializer of the projection kernels.
        bias_initializer: Initializer of the projection biases.
        kernel_regularizer: Regularizer of the projection kernels.
        bias_regularizer: Regularizer of the projection biases.
        activity_regularizer: Regularizer of the output.
        kernel_constraint: Constraint of the projection kernels.
        bias_constraint: Constraint of the projection biases.
        use_gate: If True, a sigmoid gate projected from the query (layer
            `gate`) multiplies the heads before the output projection.
        seed: An int seeding the dropout.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Call arguments:
        query: Tensor of shape `(B, T, dim)`.
        value: Tensor of shape `(B, S, dim)`.
        key: Optional tensor of shape `(B, S, dim)`; `value` by default.
        query_mask: Boolean `(B, T)`: False for padded query positions.
        value_mask: Boolean `(B, S)`: False for padded value positions.
        key_mask: Boolean `(B, S)`: False for padded key positions.
        attention_mask: Boolean `(B, T, S)`: which keys each query may
            attend to.
        return_attention_scores: Also return the `(B, num_query_heads, T,
            S)` attention scores (before dropout).
        training: Whether dropout is active.
        use_causal_mask: Whether query `i` may only attend to keys `j <=
            i`.

    Masks attached to the inputs serve as the `*_mask` arguments not
    given, as in `MultiHeadAttention`.

    Returns:
        The outputs, of shape `(B, T, dim)`, and with
        `return_attention_scores` the scores as well.

    Example:

    >>> layer = keras_core.layers.GroupQueryAttention(
    ...     head_dim=4, num_query_heads=4, num_key_value_heads=2)
    >>> query, value = numpy.ones((2, 8, 16)), numpy.ones((2, 4, 16))
    >>> outputs, scores = layer(query, value, return_attention_scores=True)
    >>> tuple(outputs.shape), tuple(scores.shape)
    ((2, 8, 16), (2, 4, 8, 4))
    """

    def __init__(
        self,
        head_dim,
        num_query_heads,
        num_key_value_heads,
        dropout=0.0,
        use_bias=True,
        sliding_window=None,
        flash_attention=None,
        kernel_initializer="glorot_uniform",
        bias_initializer="zeros",
        kernel_regularizer=None,
        bias_regularizer=None,
        activity_regularizer=None,
        kernel_constraint=None,
        bias_constraint=None,
        use_gate=False,
        seed=None,
        **kwargs,
    ):
        name = type(self).__name__
        mha.check_positive_int(name, "head_dim", head_dim)
        mha.check_positive_int(name, "num_query_heads", num_query_heads)
        mha.check_positive_int(name, "num_key_value_heads", num_key_value_heads)
        if num_query_heads % num_key_value_heads != 0:
            raise ValueError(
                "`num_query_heads` must be divisible by `num_key_value_heads`. "
                f"Received: num_query_heads={num_query_heads}, "
                f"num_key_value_heads={num_key_value_heads}"
            )
        check_dropout(name, dropout)
        if sliding_window is not None and (
            isinstance(sliding_window, bool)
            or not isinstance(sliding_window, int)
            or sliding_window <= 0
        ):
            raise ValueError(
                "`sliding_window` must be `None` or a positive integer. "
                f"Received: sliding_window={sliding_window}"
            )
        mha.check_flash_dropout(flash_attention, dropout)
        if kwargs.get("name") is None:
            # Keras's class is `GroupedQueryAttention`: its layers are named so.
            kwargs["name"] = global_state.unique_name("grouped_query_attention")
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.supports_masking = True
        self.head_dim = head_dim
        self.num_query_heads = num_query_heads
        self.num_key_value_heads = num_key_value_heads
        self.num_repeats = num_query_heads // num_key_value_heads
        self.dropout = dropout
        self.use_bias = use_bias
        self.use_gate = use_gate
        self.sliding_window = sliding_window
        self._flash_attention = flash_attention
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.seed = seed
        self._inverse_sqrt_head_dim = 1.0 / math.sqrt(float(head_dim))

    def _projection(self, name, equation, output_shape, bias_axes, activation=None):
        return EinsumDense(
            equation,
            output_shape=output_shape,
            bias_axes=bias_axes if self.use_bias else None,
            activation=activation,
            name=name,
            **mha.sublayer_kwargs(self),
        )

    def build(self, query_shape, value_shape, key_shape=None):
        mha.check_key_value_shapes(value_shape, key_shape)
        key_shape = value_shape if key_shape is None else key_shape
        for argument, shape in (("query", query_shape), ("value", value_shape)):
            if len(shape) != 3:
                raise ValueError(
                    f"GroupQueryAttention layer '{self.name}' expects `{argument}` "
                    "of rank 3, (batch_size, sequence_length, dim). Received: "
                    f"{argument}_shape={tuple(shape)}"
                )
        query_heads = (None, self.num_query_heads, self.head_dim)
        key_value_heads = (None, self.num_key_value_heads, self.head_dim)
        self._query_dense = self._projection(
            "query", "bqm,muh->bquh", query_heads, "uh"
        )
        self._query_dense.build(query_shape)
        self._key_dense = self._projection(
            "key", "bkm,mvh->bkvh", key_value_heads, "vh"
        )
        self._key_dense.build(key_shape)
        if self.use_gate:
            self._gate_dense = self._projection(
                "gate", "bqm,muh->bquh", query_heads, "uh", activation="sigmoid"
            )
            self._gate_dense.build(query_shape)
        self._value_dense = self._projection(
            "value", "bkm,mvh->bkvh", key_value_heads, "vh"
        )
        self._value_dense.build(value_shape)
        self._dropout_layer = Dropout(
            rate=self.dropout, dtype=self.dtype_policy, seed=self.seed
        )
        self._output_dense = self._projection(
            "attention_output", "bquh,uhm->bqm", (None, query_shape[-1]), "m"
        )
        self._output_dense.build((*tuple(query_shape[:-1]), *query_heads[1:]))

    def _compute_attention(
        self, query, key, value, attention_mask, training, return_attention_scores
    ):
        mha.check_flash_scores(self._flash_attention, return_attention_scores)
        if not return_attention_scores and not (bool(training) and self.dropout > 0):
            mask = None
            if attention_mask is not None:
                mask = ops.expand_dims(attention_mask, 1)
            outputs = ops.dot_product_attention(
                query,
                key,
                value,
                mask=mask,
                scale=self._inverse_sqrt_head_dim,
                flash_attention=self._flash_attention,
            )
            return outputs, None
        key = ops.repeat(key, self.num_repeats, axis=2)
        value = ops.repeat(value, self.num_repeats, axis=2)
        query = ops.multiply(query, ops.cast(self._inverse_sqrt_head_dim, query.dtype))
        logits = ops.einsum("bquh,bkuh->buqk", query, key)
        if attention_mask is not None:
            attention_mask = ops.expand_dims(attention_mask, 1)
        scores = attention_masks.masked_softmax(logits, attention_mask, axis=-1)
        dropped = self._dropout_layer(scores, training=training)
        outputs = ops.einsum("buqk,bkuh->bquh", dropped, value)
        return outputs, scores

    def call(
        self,
        query,
        value,
        key=None,
        query_mask=None,
        value_mask=None,
        key_mask=None,
        attention_mask=None,
        return_attention_scores=False,
        training=None,
        use_causal_mask=False,
    ):
        attention_mask = attention_masks.combined_attention_mask(
            query,
            value,
            key,
            query_mask=query_mask,
            value_mask=value_mask,
            key_mask=key_mask,
            attention_mask=attention_mask,
            use_causal_mask=use_causal_mask,
            sliding_window=self.sliding_window,
        )
        key = value if key is None else key
        outputs, scores = self._compute_attention(
            self._query_dense(query),
            self._key_dense(key),
            self._value_dense(value),
            attention_mask,
            training,
            return_attention_scores,
        )
        if self.use_gate:
            outputs = ops.multiply(outputs, self._gate_dense(query))
        outputs = self._output_dense(outputs)
        if return_attention_scores:
            return outputs, scores
        return outputs

    def compute_output_shape(self, query_shape, value_shape, key_shape=None):
        mha.check_key_value_shapes(value_shape, key_shape)
        return tuple(query_shape)

    def compute_output_spec(
        self,
        query,
        value,
        key=None,
        query_mask=None,
        value_mask=None,
        key_mask=None,
        attention_mask=None,
        return_attention_scores=False,
        training=None,
        use_causal_mask=False,
    ):
        mha.check_flash_scores(self._flash_attention, return_attention_scores)
        key_shape = None if key is None else key.shape
        outputs = KerasTensor(
            self.compute_output_shape(query.shape, value.shape, key_shape),
            dtype=self.compute_dtype,
        )
        if not return_attention_scores:
            return outputs
        scores_shape = (
            query.shape[0],
            self.num_query_heads,
            query.shape[1],
            value.shape[1],
        )
        return outputs, KerasTensor(scores_shape, dtype=self.compute_dtype)

    def get_config(self):
        return {
            **super().get_config(),
            "head_dim": self.head_dim,
            "num_query_heads": self.num_query_heads,
            "num_key_value_heads": self.num_key_value_heads,
            "use_bias": self.use_bias,
            "use_gate": self.use_gate,
            "sliding_window": self.sliding_window,
            "dropout": self.dropout,
            **mha.common_config(self),
            "seed": self.seed,
        }
