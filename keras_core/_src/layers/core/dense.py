"""`Dense`: `activation(inputs @ kernel + bias)` over the last axis."""

from keras_core._src import activations
from keras_core._src import constraints
from keras_core._src import initializers
from keras_core._src import regularizers
from keras_core._src.api_export import keras_public
from keras_core._src.layers import input_spec as input_spec_lib
from keras_core._src.layers.core import lora
from keras_core._src.layers.layer import Layer
from keras_core._src.ops.nn.projection import dense_projection
from keras_core._src.saving import serialization_lib

__all__ = ["Dense"]


@keras_public("keras.layers")
class Dense(Layer):
    """Just your regular densely-connected NN layer.

    `Dense` computes `output = activation(dot(input, kernel) + bias)`, where
    `kernel` is a weights matrix created by the layer and `bias` a vector
    (when `use_bias` is True). Inputs of rank greater than 2 are contracted
    along their last axis: `(batch, d0, d1)` becomes `(batch, d0, units)`.

    Args:
        units: Positive integer, dimensionality of the output space.
        activation: Activation function (object or name); none
            (`"linear"`) by default.
        use_bias: Whether the layer uses a bias vector.
        kernel_initializer: Initializer of the `kernel` weights matrix.
        bias_initializer: Initializer of the bias vector.
        kernel_regularizer: Regularizer applied to the `kernel`.
        bias_regularizer: Regularizer applied to the bias.
        activity_regularizer: Regularizer applied to the output.
        kernel_constraint: Constraint applied to the `kernel`.
        bias_constraint: Constraint applied to the bias.
        lora_rank: Optional positive integer: build the layer with LoRA
            enabled at this rank (see `enable_lora`).
        lora_alpha: Optional scale of the LoRA update (`lora_alpha /
            lora_rank`); `lora_rank` by default, a scale of 1.
        quantization_config: Optional quantization settings, kept for
            `quantize()`.
        **kwargs: Base layer arguments (`name`, `dtype`, `trainable`, ...).

    Input shape:
        N-D tensor of shape `(batch_size, ..., input_dim)`, N >= 2.

    Output shape:
        N-D tensor of shape `(batch_size, ..., units)`.

    Example:

    >>> layer = keras_core.layers.Dense(4, activation="relu")
    >>> layer(numpy.ones((2, 3))).shape
    (2, 4)
    >>> [w.path for w in layer.weights]
    ['dense/kernel', 'dense/bias']
    """

    def __init__(
        self,
        units,
        activation=None,
        use_bias=True,
        kernel_initializer="glorot_uniform",
        bias_initializer="zeros",
        kernel_regularizer=None,
        bias_regularizer=None,
        activity_regularizer=None,
        kernel_constraint=None,
        bias_constraint=None,
        lora_rank=None,
        lora_alpha=None,
        quantization_config=None,
        **kwargs,
    ):
        if isinstance(units, bool) or not isinstance(units, int) or units <= 0:
            raise ValueError(
                "Dense: received an invalid value for `units`, expected a "
                f"positive integer. Received: units={units}"
            )
        lora.check_lora_rank("Dense", lora_rank)
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.units = units
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.lora_rank = lora_rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else lora_rank
        self.lora_enabled = False
        self.quantization_config = quantization_config
        self.input_spec = input_spec_lib.InputSpec(min_ndim=2)
        self.supports_masking = True
        self.bias = None

    @property
    def activation(self):
        """The activation function applied to the outputs."""
        return self._activation

    @activation.setter
    def activation(self, value):
        self._activation = value
        # `call` skips the identity rather than paying a function call.
        self._activation_or_none = None if value is activations.get("linear") else value

    def build(self, input_shape):
        lora.check_not_quantized(self)
        input_dim = input_shape[-1]
        if input_dim is None:
            raise ValueError(
                f"Dense layer '{self.name}' needs the last axis of its input "
                "to be defined to create its kernel. Received: "
                f"input_shape={tuple(input_shape)}"
            )
        self._kernel = self.add_weight(
            name="kernel",
            shape=(input_dim, self.units),
            initializer=self.kernel_initializer,
            regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint,
        )
        if self.use_bias:
            self.bias = self.add_weight(
                name="bias",
                shape=(self.units,),
                initializer=self.bias_initializer,
                regularizer=self.bias_regularizer,
                constraint=self.bias_constraint,
            )
        self.input_spec = input_spec_lib.InputSpec(min_ndim=2, axes={-1: input_dim})
        if self.lora_rank:
            self.enable_lora(self.lora_rank, lora_alpha=self.lora_alpha)

    @property
    def kernel(self):
        """The kernel: the variable, or its LoRA-merged value when enabled."""
        if self.lora_enabled:
            return lora.merged_weight(
                self._kernel.value,
                self.lora_kernel_a,
                self.lora_kernel_b,
                self.lora_alpha,
                self.lora_rank,
            )
        return self._kernel

    def enable_lora(
        self, rank, lora_alpha=None, a_initializer="he_uniform", b_initializer="zeros"
    ):
        """Freezes `kernel` and trains a low-rank update of it instead.

        Adds the weights `lora_kernel_a` (`(input_dim, rank)`) and
        `lora_kernel_b` (`(rank, units)`); the layer then computes with
        `kernel + (lora_alpha / rank) * lora_kernel_a @ lora_kernel_b`.

        Args:
            rank: The rank of the update, a positive integer.
            lora_alpha: The scale numerator; `rank` by default.
            a_initializer: Initializer of `lora_kernel_a`.
            b_initializer: Initializer of `lora_kernel_b` (zeros, so the
                layer starts out unchanged).

        Example:

        >>> layer = keras_core.layers.Dense(4)
        >>> layer.build((None, 3))
        >>> layer.enable_lora(2)
        >>> [w.name for w in layer.trainable_weights]
        ['bias', 'lora_kernel_a', 'lora_kernel_b']
        """
        self.lora_kernel_a, self.lora_kernel_b = lora.add_lora_weights(
            self,
            "_kernel",
            rank,
            lora_alpha,
            a_initializer,
            b_initializer,
            names=("lora_kernel_a", "lora_kernel_b"),
            regularizer=self.kernel_regularizer,
        )

    def call(self, inputs):
        # The hot path of eager PyTorch code: each variable is read once
        # and nothing is looked up that `build` could have settled.
        kernel = self.kernel if self.lora_enabled else self._kernel.value
        bias = self.bias
        outputs = dense_projection(inputs, kernel, None if bias is None else bias.value)
        activation = self._activation_or_none
        if activation is not None:
            outputs = activation(outputs)
        return outputs

    def compute_output_shape(self, input_shape):
        return (*tuple(input_shape[:-1]), self.units)

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
            "units": self.units,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
            "quantization_config": serialization_lib.serialize_keras_object(
                self.quantization_config
            ),
        }
        return lora.lora_config(self, config)
