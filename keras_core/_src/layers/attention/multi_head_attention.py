"""`MultiHeadAttention`: attention with learned projections per head."""

import math
import string

from keras_core import ops
from keras_core._src import constraints
from keras_core._src import initializers
from keras_core._src import regularizers
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.attention import attention_masks
from keras_core._src.layers.attention.attention import check_dropout
from keras_core._src.layers.core.einsum_dense import EinsumDense
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.regularization.dropout import Dropout

__all__ = ["MultiHeadAttention"]

_LETTERS = string.ascii_lowercase


def check_positive_int(layer_name, argument, value, allow_none=False):
    """Raises a ValueError unless `value` is a positive int (or None)."""
    if allow_none and value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(
            f"{layer_name}: received an invalid value for argument `{argument}`, "
            f"expected a positive integer{' or None' if allow_none else ''}. "
            f"Received: {argument}={value}"
        )


def check_flash_dropout(flash_attention, dropout):
    """Raises the error Keras raises for flash attention with dropout."""
    if flash_attention and dropout > 0.0:
        raise ValueError(
            "Dropout is not supported when flash attention is enabled. "
            "Please set dropout to 0.0 to use flash attention."
        )


def check_flash_scores(flash_attention, return_attention_scores):
    """Raises the error Keras raises for flash attention with scores."""
    if flash_attention and return_attention_scores:
        raise ValueError(
            "Returning attention scores is not supported when flash attention "
            "is enabled. Please disable flash attention to access attention "
            "scores."
        )


def sublayer_kwargs(layer):
    """Initializers, regularizers and constraints shared by the projections.

    Each projection gets its own copy of the initializers (as in Keras), so
    a seeded initializer draws the same way for each of them.
    """
    return {
        "kernel_initializer": initializers.get(
            initializers.serialize(layer.kernel_initializer)
        ),
        "bias_initializer": initializers.get(
            initializers.serialize(layer.bias_initializer)
        ),
        "kernel_regularizer": layer.kernel_regularizer,
        "bias_regularizer": layer.bias_regularizer,
        "kernel_constraint": layer.kernel_constraint,
        "bias_constraint": layer.bias_constraint,
        "dtype": layer.dtype_policy,
    }


def common_config(layer):
    """The initializer/regularizer/constraint entries of a layer's config."""
    return {
        "kernel_initializer": initializers.serialize(layer.kernel_initializer),
        "bias_initializer": initializers.serialize(layer.bias_initializer),
        "kernel_regularizer": regularizers.serialize(layer.kernel_regularizer),
        "bias_regularizer": regularizers.serialize(layer.bias_regularizer),
        "activity_regularizer": regularizers.serialize(layer.activity_regularizer),
        "kernel_constraint": constraints.serialize(layer.kernel_constraint),
        "bias_constraint": constraints.serialize(layer.bias_constraint),
    }


def check_key_value_shapes(value_shape, key_shape):
    """Raises Keras's error when `key` and `value` differ but for features."""
    if key_shape is not None and tuple(value_shape[:-1]) != tuple(key_shape[:-1]):
        raise ValueError(
            "All dimensions of `value` and `key`, except the last one, must be "
            f"equal. Received: value_shape={tuple(value_shape)} and "
            f"key_shape={tuple(key_shape)}"
        )


@keras_public("keras.layers")
class MultiHeadAttention(Layer):
    """Multi-head attention layer (as in "Attention Is All You Need").

    `query`, `key` and `value` are projected per head (`EinsumDense`
    layers named `query`, `key` and `value`) to `(batch_size, T, num_heads,
    key_dim)` (values: `value_dim`); each head computes
    `softmax(query @ key^T / sqrt(key_dim)) @ value` over the attention
    axes, and the heads are projected back (layer `attention_output`) to
    the query's last dimension or to `output_shape`. With `key` omitted,
    `value` serves as both.

    Without returned scores and without active dropout, the heads are
    computed by `keras_core.ops.dot_product_attention` (fused kernels where
    the backend has them); otherwise by an explicit softmax, whose fully
    masked rows give zero scores where the fused op averages the values.

    Args:
        num_heads: Number of attention heads.
        key_dim: Size of each attention head for query and key.
        value_dim: Size of each attention head for value; `key_dim` by
            default.
        dropout: Dropout rate of the attention scores while training.
        use_bias: Whether the projections use bias vectors.
        output_shape: The shape of the outputs without the batch and
            attention axes (an int or tuple); the query's last dimension by
            default.
        attention_axes: Axes over which attention is applied (an int or
            tuple); all axes but batch, heads and features by default.
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
        return_attention_scores: Also return the `(B, num_heads, T, S)`
            attention scores (before dropout).
        training: Whether dropout is active.
        use_causal_mask: Whether query `i` may only attend to keys `j <=
            i`.

    Masks attached to the inputs (e.g. from `Embedding(mask_zero=True)`)
    serve as `query_mask`/`value_mask`/`key_mask` when those are not given;
    all masks are combined with a logical AND. The output carries the
    query's mask.

    Returns:
        The outputs, of shape `(B, T, dim)` (or `output_shape`), and with
        `return_attention_scores` the scores as well.

    Example:

    >>> layer = keras_core.layers.MultiHeadAttention(num_heads=2, key_dim=3)
    >>> query, value = numpy.ones((2, 8, 16)), numpy.ones((2, 4, 16))
    >>> outputs, scores = layer(query, value, return_attention_scores=True)
    >>> tuple(outputs.shape), tuple(scores.shape)
    ((2, 8, 16), (2, 2, 8, 4))
    """

    def __init__(
        self,
        num_heads,
        key_dim,
        value_dim=None,
        dropout=0.0,
        use_bias=True,
        output_shape=None,
        attention_axes=None,
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
        check_positive_int(name, "num_heads", num_heads)
        check_positive_int(name, "key_dim", key_dim)
        check_positive_int(name, "value_dim", value_dim, allow_none=True)
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
        check_flash_dropout(flash_attention, dropout)
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.supports_masking = True
        self._num_heads = num_heads
        self._key_dim = key_dim
        self._value_dim = value_dim if value_dim else key_dim
        self._dropout = dropout
        self._use_bias = use_bias
        self._use_gate = use_gate
        if isinstance(output_shape, int):
            output_shape = (output_shape,)
        self._output_shape = output_shape
        if isinstance(attention_axes, int):
            attention_axes = (attention_axes,)
        self._attention_axes = attention_axes
        self._sliding_window = sliding_window
        self._flash_attention = flash_attention
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.seed = seed
        self._inverse_sqrt_key_dim = 1.0 / math.sqrt(float(key_dim))

    @property
    def num_heads(self):
        """The number of attention heads."""
        return self._num_heads

    @property
    def key_dim(self):
        """The size of each query/key head."""
        return self._key_dim

    @property
    def value_dim(self):
        """The size of each value head."""
        return self._value_dim

    @property
    def dropout(self):
        """The dropout rate of the attention scores."""
        return self._dropout

    @property
    def use_bias(self):
        """Whether the projections have biases."""
        return self._use_bias

    @property
    def attention_axes(self):
        """The attention axes (normalized to positive ones once built)."""
        return self._attention_axes

    @property
    def query_dense(self):
        """The query projection (`EinsumDense`)."""
        return self._query_dense

    @property
    def key_dense(self):
        """The key projection (`EinsumDense`)."""
        return self._key_dense

    @property
    def value_dense(self):
        """The value projection (`EinsumDense`)."""
        return self._value_dense

    @property
    def output_dense(self):
        """The output projection (`EinsumDense`)."""
        return self._output_dense

    def _normalized_attention_axes(self, rank):
        if self._attention_axes is None:
            return tuple(range(1, rank - 1))
        axes = []
        for axis in self._attention_axes:
            positive = axis + rank if axis < 0 else axis
            if not 0 < positive < rank - 1:
                raise ValueError(
                    f"MultiHeadAttention layer '{self.name}': attention axis "
                    f"{axis} is out of range for inputs of rank {rank}; expected "
                    f"axes between 1 and {rank - 2} (or -{rank - 1} and -2), "
                    "excluding the batch and feature axes. Received: "
                    f"attention_axes={self._attention_axes}"
                )
            axes.append(positive)
        return tuple(sorted(axes))

    def _projection(self, name, rank, heads, size, activation=None):
        # Keras's equation: the input's last axis contracts into (heads, size).
        inputs = _LETTERS[:rank]
        new = _LETTERS[rank : rank + 2]
        equation = f"{inputs},{inputs[-1]}{new}->{inputs[:-1]}{new}"
        return EinsumDense(
            equation,
            output_shape=(*([None] * (rank - 2)), heads, size),
            bias_axes=new if self._use_bias else None,
            activation=activation,
            name=name,
            **sublayer_kwargs(self),
        )

    def build(self, query_shape, value_shape, key_shape=None):
        check_key_value_shapes(value_shape, key_shape)
        key_shape = value_shape if key_shape is None else key_shape
        rank = len(query_shape)
        if len(value_shape) != rank:
            raise ValueError(
                f"MultiHeadAttention layer '{self.name}' needs `query` and "
                f"`value` of the same rank. Received: query_shape="
                f"{tuple(query_shape)}, value_shape={tuple(value_shape)}"
            )
        self._attention_axes = self._normalized_attention_axes(rank)
        self._query_dense = self._projection(
            "query", rank, self._num_heads, self._key_dim
        )
        self._query_dense.build(query_shape)
        self._key_dense = self._projection("key", rank, self._num_heads, self._key_dim)
        self._key_dense.build(key_shape)
        if self._use_gate:
            self._gate_dense = self._projection(
                "gate", rank, self._num_heads, self._value_dim, activation="sigmoid"
            )
            self._gate_dense.build(query_shape)
        self._value_dense = self._projection(
            "value", rank, self._num_heads, self._value_dim
        )
        self._value_dense.build(value_shape)
        self._build_attention_equations(rank + 1)
        self._dropout_layer = Dropout(
            rate=self._dropout, dtype=self.dtype_policy, seed=self.seed
        )
        output_shape = self._output_shape or (query_shape[-1],)
        inputs = _LETTERS[: rank + 1]
        new = _LETTERS[rank + 1 : rank + 1 + len(output_shape)]
        self._output_dense = EinsumDense(
            f"{inputs},{inputs[-2:]}{new}->{inputs[:-2]}{new}",
            output_shape=(*([None] * (rank - 2)), *output_shape),
            bias_axes=new if self._use_bias else None,
            name="attention_output",
            **sublayer_kwargs(self),
        )
        self._output_dense.build(
            (*tuple(query_shape[:-1]), self._num_heads, self._value_dim)
        )

    def _build_attention_equations(self, projected_rank):
        """Einsum equations of the scores and the weighted sum of values.

        Projected tensors have axes `(batch, *positions, heads, features)`;
        scores have `(batch axes, heads, query attention axes, key attention
        axes)`.
        """
        query = _LETTERS[:projected_rank]
        key = list(query)
        for index, axis in enumerate(self._attention_axes):
            key[axis] = _LETTERS[projected_rank + index]
        key = "".join(key)
        batch = "".join(
            query[axis]
            for axis in range(projected_rank - 2)
            if axis not in self._attention_axes
        )
        heads = query[-2]
        query_positions = "".join(query[axis] for axis in self._attention_axes)
        key_positions = "".join(key[axis] for axis in self._attention_axes)
        scores = f"{batch}{heads}{query_positions}{key_positions}"
        self._dot_product_equation = f"{key},{query}->{scores}"
        self._combine_equation = f"{scores},{key}->{query}"
        count = len(self._attention_axes)
        self._softmax_axes = tuple(range(-count, 0))
        self._mask_head_axis = -2 * count - 1

    def _compute_attention(
        self, query, key, value, attention_mask, training, return_attention_scores
    ):
        check_flash_scores(self._flash_attention, return_attention_scores)
        dropout_active = bool(training) and self._dropout > 0
        fused = (
            not return_attention_scores
            and not dropout_active
            and len(query.shape) == 4
            and self._attention_axes == (1,)
        )
        if fused:
            mask = None
            if attention_mask is not None:
                mask = ops.expand_dims(attention_mask, 1)
            outputs = ops.dot_product_attention(
                query,
                key,
                value,
                mask=mask,
                scale=self._inverse_sqrt_key_dim,
                flash_attention=self._flash_attention,
            )
            return outputs, None
        query = ops.multiply(query, ops.cast(self._inverse_sqrt_key_dim, query.dtype))
        logits = ops.einsum(self._dot_product_equation, key, query)
        if attention_mask is not None:
            attention_mask = ops.expand_dims(attention_mask, self._mask_head_axis)
        scores = attention_masks.masked_softmax(
            logits, attention_mask, axis=self._softmax_axes
        )
        dropped = self._dropout_layer(scores, training=training)
        outputs = ops.einsum(self._combine_equation, dropped, value)
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
            sliding_window=self._sliding_window,
        )
        key = value if key is None else key
        projected_query = self._query_dense(query)
        projected_key = self._key_dense(key)
        projected_value = self._value_dense(value)
        outputs, scores = self._compute_attention(
            projected_query,
            projected_key,
            projected_value,
            attention_mask,
            training,
            return_attention_scores,
        )
        if self._use_gate:
            outputs = ops.multiply(outputs, self._gate_dense(query))
        outputs = self._output_dense(outputs)
        if return_attention_scores:
            return outputs, scores
        return outputs

    def compute_output_shape(self, query_shape, value_shape, key_shape=None):
        check_key_value_shapes(value_shape, key_shape)
        output_shape = self._output_shape or (query_shape[-1],)
        return (*tuple(query_shape[:-1]), *output_shape)

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
        check_flash_scores(self._flash_attention, return_attention_scores)
        key_shape = None if key is None else key.shape
        outputs = KerasTensor(
            self.compute_output_shape(query.shape, value.shape, key_shape),
            dtype=self.compute_dtype,
        )
        if not return_attention_scores:
            return outputs
        axes = self._attention_axes
        batch = [
            query.shape[axis]
            for axis in range(len(query.shape) - 1)
            if axis not in axes
        ]
        shape = (
            *batch,
            self._num_heads,
            *(query.shape[axis] for axis in axes),
            *(value.shape[axis] for axis in axes),
        )
        return outputs, KerasTensor(shape, dtype=self.compute_dtype)

    def get_config(self):
        return {
            **super().get_config(),
            "num_heads": self._num_heads,
            "key_dim": self._key_dim,
            "value_dim": self._value_dim,
            "dropout": self._dropout,
            "use_bias": self._use_bias,
            "use_gate": self._use_gate,
            "output_shape": self._output_shape,
            "attention_axes": self._attention_axes,
            "sliding_window": self._sliding_window,
            **common_config(self),
            "seed": self.seed,
        }
