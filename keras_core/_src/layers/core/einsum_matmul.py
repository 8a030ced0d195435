"""`EinsumDense` equations that are a matrix product in disguise.

Most equations in practice (every projection of `MultiHeadAttention`,
`"abc,cde->abde"` and `"abcd,cde->abe"`) contract trailing input axes
with leading kernel axes and keep every other axis in order. Such an
equation is `reshape(x) @ reshape(kernel) + bias`: one `dense_projection`
(a fused matmul-and-bias kernel on torch) where the einsum dispatches a
batched product and a separate broadcast add.
"""

from keras_core import ops
from keras_core._src.ops.nn.projection import dense_projection


class MatmulPlan:
    """How to run an equation as one 2-D product.

    Attributes:
        contracted: How many trailing input axes the kernel contracts.
        contracted_size: Their total size (the product's inner size).
        kept_shape: The kernel's other axes, which end the output.
        bias_shape: The bias laid on `kept_shape` (leading ones added), or
            None for no bias.
    """

    def __init__(self, contracted, contracted_size, kept_shape, bias_shape):
        self.contracted = contracted
        self.contracted_size = contracted_size
        self.kept_shape = kept_shape
        self.bias_shape = bias_shape

    def run(self, inputs, kernel, bias):
        """The equation's result (before activation), or None if it cannot.

        None when an axis kept from the input (other than the first) has
        an unknown size: the reshape could not name it.
        """
        kept_input = tuple(inputs.shape[: len(inputs.shape) - self.contracted])
        if any(size is None for size in kept_input[1:]):
            return None
        lead = (-1, *kept_input[1:]) if kept_input else ()
        if len(kernel.shape) != 2:
            kernel = ops.reshape(kernel, (self.contracted_size, -1))
        if self.contracted != 1:
            inputs = ops.reshape(inputs, (*lead, self.contracted_size))
        if bias is not None and self.bias_shape != self.kept_shape:
            bias = ops.broadcast_to(ops.reshape(bias, self.bias_shape), self.kept_shape)
        if bias is not None and len(self.kept_shape) != 1:
            bias = ops.reshape(bias, (-1,))
        outputs = dense_projection(inputs, kernel, bias)
        if len(self.kept_shape) != 1:
            outputs = ops.reshape(outputs, (*lead, *self.kept_shape))
        return outputs


def plan(parsed_equation, kernel_shape, bias_shape):
    """The `MatmulPlan` of an `EinsumDense` equation, or None if it has none.

    Args:
        parsed_equation: `(input, kernel, output, ellipsis side)` letters of
            the layer's equation.
        kernel_shape: The built kernel's shape.
        bias_shape: The built bias's shape (Keras's layout), or None.
    """
    input_spec, weight_spec, output_spec, ellipsis = parsed_equation
    if ellipsis == "right":
        return None
    shared = [dim for dim in weight_spec if dim in input_spec]
    count = len(shared)
    kept_input = input_spec[: len(input_spec) - count]
    kept_weight = weight_spec[count:]
    if (
        not count
        or input_spec[len(input_spec) - count :] != "".join(shared)
        or weight_spec[:count] != "".join(shared)
        or output_spec != kept_input + kept_weight
        or any(dim in weight_spec for dim in kept_input)
        or len(set(input_spec + weight_spec)) != len(input_spec) + len(kept_weight)
    ):
        return None
    contracted_size = 1
    for size in kernel_shape[:count]:
        contracted_size *= size
    kept_shape = tuple(kernel_shape[count:])
    laid_bias = None
    if bias_shape is not None:
        # Keras lays the bias over the output's trailing axes from the first
        # one it spans; it may only span kernel axes here.
        if len(bias_shape) > len(kept_shape):
            return None
        laid_bias = (1,) * (len(kept_shape) - len(bias_shape)) + tuple(bias_shape)
    return MatmulPlan(count, contracted_size, kept_shape, laid_bias)
