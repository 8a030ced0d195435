"""`EinsumDense`: a dense layer of any shape, written as an einsum equation."""

import re

from keras_core import ops
from keras_core._src import activations
from keras_core._src import constraints
from keras_core._src import initializers
from keras_core._src import regularizers
from keras_core._src.api_export import keras_public
from keras_core._src.layers.core import einsum_matmul
from keras_core._src.layers.core import lora
from keras_core._src.layers.layer import Layer
from keras_core._src.saving import serialization_lib

__all__ = ["EinsumDense"]

# The three accepted forms, and on which side of the input the `...` sits.
_FORMS = (
    (re.compile(r"^([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)$"), None),
    (re.compile(r"^\.\.\.([a-zA-Z]+),([a-zA-Z]+)->\.\.\.([a-zA-Z]+)$"), "left"),
    (re.compile(r"^([a-zA-Z]+)\.\.\.,([a-zA-Z]+)->([a-zA-Z]+)\.\.\.$"), "right"),
)


def _parse_equation(equation):
    for pattern, ellipsis in _FORMS:
        match = pattern.match(equation) if isinstance(equation, str) else None
        if match:
            return (*match.groups(), ellipsis)
    raise ValueError(
        f"Invalid einsum equation '{equation}'. Equations must be in the form "
        "[X],[Y]->[Z], ...[X],[Y]->...[Z], or [X]...,[Y]->[Z]...."
    )


def analyze_equation(equation, bias_axes, input_shape, output_shape):
    """Kernel shape, bias shape and output shape of an `EinsumDense`.

    The partial `output_shape` is lined up with the output spec the way
    Keras does it (after the batch axis; from the end for `...x`
    equations), so the weights have Keras's shapes and transfer. The
    returned output shape is the one the einsum really produces.

    Args:
        equation: The einsum equation.
        bias_axes: The output axes the bias spans, or None.
        input_shape: The input shape (a tuple, None for unknown sizes).
        output_shape: The layer's `output_shape` (an int or a tuple).

    Returns:
        `(kernel_shape, bias_shape or None, full_output_shape)`.
    """
    input_spec, weight_spec, output_spec, ellipsis = _parse_equation(equation)
    input_shape = tuple(input_shape)
    extra = len(input_shape) - len(input_spec)
    partial = [output_shape] if isinstance(output_shape, int) else list(output_shape)
    left = ellipsis == "left"
    if left:
        # Keras lines the middle axes up last-first here; weight sizes read
        # from these positions must match Keras's.
        declared = [input_shape[0], *reversed(input_shape[1:extra]), *partial]
        input_index = {d: i - len(input_spec) for i, d in enumerate(input_spec)}
        output_index = {d: i + extra - len(declared) for i, d in enumerate(output_spec)}
    else:
        trailing = list(input_shape[len(input_shape) - extra :]) if extra > 0 else []
        declared = [input_shape[0], *partial, *trailing]
        input_index = {d: i for i, d in enumerate(input_spec)}
        output_index = {d: i for i, d in enumerate(output_spec)}

    for dim in input_spec:
        if dim in output_index:
            declared_size = declared[output_index[dim]]
            input_size = input_shape[input_index[dim]]
            if declared_size is not None and declared_size != input_size:
                raise ValueError(
                    "Input shape and output shape do not match at shared "
                    f"dimension '{dim}'. Input shape is {input_size}, and output "
                    f"shape is {declared_size}."
                )
    for dim in output_spec:
        if dim not in input_spec and dim not in weight_spec:
            raise ValueError(
                f"Dimension '{dim}' was specified in the output '{output_spec}' "
                "but has no corresponding dim in the input spec "
                f"'{input_spec}' or weight spec '{weight_spec}'"
            )

    def size(dim):
        # An output axis shared with the input takes the input's size when
        # the given output shape leaves it out (None).
        if dim in input_index:
            return input_shape[input_index[dim]]
        return declared[output_index[dim]]

    kernel_shape = []
    for dim in weight_spec:
        if dim not in input_index and dim not in output_index:
            raise ValueError(
                f"Weight dimension '{dim}' did not have a match in either the "
                f"input spec '{input_spec}' or the output spec '{output_spec}'. "
                "For this layer, the weight must be fully specified."
            )
        kernel_shape.append(size(dim))

    bias_shape = None
    if bias_axes is not None:
        for dim in bias_axes:
            if dim not in output_spec:
                raise ValueError(
                    f"Bias dimension '{dim}' was requested, but is not part of "
                    f"the output spec '{output_spec}'"
                )
        first = min(output_spec.find(dim) for dim in bias_axes)
        bias_shape = [
            size(dim) if dim in bias_axes else 1 for dim in output_spec[first:]
        ]
        if not left:
            bias_shape += [1] * max(extra, 0)

    def output_size(dim):
        if dim in input_index and input_shape[input_index[dim]] is not None:
            return input_shape[input_index[dim]]
        if dim in input_index:
            return declared[output_index[dim]]
        return kernel_shape[weight_spec.index(dim)]

    core = [output_size(dim) for dim in output_spec]
    if left:
        full_output_shape = (*input_shape[:extra], *core)
    else:
        full_output_shape = (*core, *input_shape[len(input_shape) - max(extra, 0) :])
    return (
        tuple(kernel_shape),
        None if bias_shape is None else tuple(bias_shape),
        full_output_shape,
    )


@keras_public("keras.layers")
class EinsumDense(Layer):
    """A layer that uses `einsum` as the backing computation.

    It computes `activation(einsum(equation, inputs, kernel) + bias)`: a
    dense layer whose input, kernel and output can have any number of
    axes. The equation reads `"<input>,<kernel>-><output>"` with one letter
    per axis; `...` on the input and output stands for the axes the
    equation leaves out (`"...b,bc->...c"`). The kernel's shape follows
    from the equation, the input shape and `output_shape`.

    Args:
        equation: The einsum equation, such as `"ab,bc->ac"`.
        output_shape: The expected output shape, without the batch axis
            (an int for one axis). Use None for axes of unknown size (they
            take the input's size).
        activation: Activation function (object or name); none by default.
        bias_axes: Letters of the output axes the bias spans, or None for
            no bias.
        kernel_initializer: Initializer of the kernel.
        bias_initializer: Initializer of the bias.
        kernel_regularizer: Regularizer applied to the kernel.
        bias_regularizer: Regularizer applied to the bias.
        kernel_constraint: Constraint applied to the kernel.
        bias_constraint: Constraint applied to the bias.
        lora_rank: Optional positive integer: build the layer with LoRA
            enabled at this rank (see `enable_lora`).
        lora_alpha: Optional scale numerator of the LoRA update;
            `lora_rank` by default.
        gptq_unpacked_column_size: The unpacked column count of GPTQ
            int4 weights; kept for quantization.
        quantization_config: Optional quantization settings, kept for
            `quantize()`.
        **kwargs: Base layer arguments (`name`, `dtype`,
            `activity_regularizer`, ...).

    Example:

    >>> layer = keras_core.layers.EinsumDense(
    ...     "abc,cd->abd", output_shape=(None, 64), bias_axes="d")
    >>> layer(numpy.ones((2, 7, 32))).shape
    (2, 7, 64)
    >>> [tuple(w.shape) for w in layer.weights]
    [(32, 64), (64,)]
    """

    def __init__(
        self,
        equation,
        output_shape,
        activation=None,
        bias_axes=None,
        kernel_initializer="glorot_uniform",
        bias_initializer="zeros",
        kernel_regularizer=None,
        bias_regularizer=None,
        kernel_constraint=None,
        bias_constraint=None,
        lora_rank=None,
        lora_alpha=None,
        gptq_unpacked_column_size=None,
        quantization_config=None,
        **kwargs,
    ):
        _parse_equation(equation)
        lora.check_lora_rank("EinsumDense", lora_rank)
        super().__init__(**kwargs)
        self.equation = equation
        self.partial_output_shape = (
            (output_shape,) if isinstance(output_shape, int) else tuple(output_shape)
        )
        self.bias_axes = bias_axes
        self.activation = activations.get(activation)
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.lora_rank = lora_rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else lora_rank
        self.lora_enabled = False
        self.gptq_unpacked_column_size = gptq_unpacked_column_size
        self.quantization_config = quantization_config
        self.bias = None
        self._matmul_plan = None

    @property
    def activation(self):
        """The activation function applied to the outputs."""
        return self._activation

    @activation.setter
    def activation(self, value):
        self._activation = value
        self._activation_or_none = None if value is activations.get("linear") else value

    def build(self, input_shape):
        lora.check_not_quantized(self)
        kernel_shape, bias_shape, self.full_output_shape = analyze_equation(
            self.equation, self.bias_axes, input_shape, self.partial_output_shape
        )
        for label, shape in (("kernel", kernel_shape), ("bias", bias_shape)):
            if shape is not None and None in shape:
                raise ValueError(
                    f"EinsumDense layer '{self.name}' cannot size its {label}: "
                    f"equation '{self.equation}' gives it shape {shape} for "
                    f"input_shape={tuple(input_shape)} and "
                    f"output_shape={self.partial_output_shape}. Give the "
                    "missing sizes in `output_shape` or define them in the input."
                )
        self._kernel = self.add_weight(
            name="kernel",
            shape=kernel_shape,
            initializer=self.kernel_initializer,
            regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint,
        )
        if bias_shape is not None:
            self.bias = self.add_weight(
                name="bias",
                shape=bias_shape,
                initializer=self.bias_initializer,
                regularizer=self.bias_regularizer,
                constraint=self.bias_constraint,
            )
        self._matmul_plan = einsum_matmul.plan(
            _parse_equation(self.equation), kernel_shape, bias_shape
        )
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
        """Freezes the kernel and trains a low-rank update of it instead.

        Adds `lora_kernel_a` (the kernel's shape with its last axis
        replaced by `rank`) and `lora_kernel_b` (`(rank, kernel.shape[-1])`);
        the layer computes with `kernel + (lora_alpha / rank) * a @ b`.

        Args:
            rank: The rank of the update, a positive integer.
            lora_alpha: The scale numerator; `rank` by default.
            a_initializer: Initializer of `lora_kernel_a`.
            b_initializer: Initializer of `lora_kernel_b`.

        Example:

        >>> layer = keras_core.layers.EinsumDense("ab,bcd->acd", (4, 5))
        >>> layer.build((None, 3))
        >>> layer.enable_lora(2)
        >>> tuple(layer.lora_kernel_a.shape)
        (3, 4, 2)
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
        kernel = self.kernel if self.lora_enabled else self._kernel.value
        bias = None if self.bias is None else self.bias.value
        outputs = None
        if self._matmul_plan is not None:
            outputs = self._matmul_plan.run(inputs, kernel, bias)
        if outputs is None:
            outputs = ops.einsum(self.equation, inputs, kernel)
            if bias is not None:
                outputs = ops.add(outputs, bias)
        if self._activation_or_none is not None:
            outputs = self._activation_or_none(outputs)
        return outputs

    def compute_output_shape(self, input_shape):
        return analyze_equation(
            self.equation, self.bias_axes, input_shape, self.partial_output_shape
        )[2]

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
            "output_shape": self.partial_output_shape,
            "equation": self.equation,
            "activation": activations.serialize(self.activation),
            "bias_axes": self.bias_axes,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
            "quantization_config": serialization_lib.serialize_keras_object(
                self.quantization_config
            ),
        }
        return lora.lora_config(self, config)
