"""The shared machinery of the windowed pooling layers (max and average)."""

from keras_core import ops
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.input_spec import InputSpec
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.reshaping import spatial_arguments


def pooled_length(size, pool, stride, padding):
    """The output length of one spatial axis, or None when `size` is."""
    if size is None:
        return None
    if padding == "same":
        return (size + stride - 1) // stride
    return (size - pool) // stride + 1


def averaged_input(layer, inputs):
    """`inputs` as floats: averages of integers are floats of the layer's dtype."""
    if is_float_dtype(inputs.dtype):
        return inputs
    return ops.cast(inputs, layer.compute_dtype)


def averaged_dtype(layer, dtype):
    """The dtype of averages of `dtype` values (see `averaged_input`)."""
    return dtype if is_float_dtype(dtype) else layer.compute_dtype


class BasePooling(Layer):
    """Slides a window over the spatial axes and reduces it (max or mean).

    Subclasses set `rank` (the number of spatial axes) and `pool_mode`
    (`"max"` or `"average"`).
    """

    rank = None
    pool_mode = None

    def __init__(
        self,
        pool_size,
        strides=None,
        padding="valid",
        data_format=None,
        name=None,
        **kwargs,
    ):
        super().__init__(name=name, **kwargs)
        layer_name = type(self).__name__
        self.pool_size = spatial_arguments.int_tuple(
            pool_size, self.rank, "pool_size", layer_name
        )
        strides = pool_size if strides is None else strides
        self.strides = spatial_arguments.int_tuple(
            strides, self.rank, "strides", layer_name
        )
        if not isinstance(padding, str) or padding.lower() not in ("valid", "same"):
            raise ValueError(
                f"Layer {layer_name}: the `padding` argument must be 'valid' or "
                f"'same'. Received: padding={padding!r}"
            )
        # Kept as given, as Keras writes it to the config.
        self.padding = padding
        self.data_format = spatial_arguments.standardize_data_format(
            data_format, layer_name
        )
        self.input_spec = InputSpec(ndim=self.rank + 2)
        # No weights: built from the start, as in Keras.
        self.built = True

    def call(self, inputs):
        self.compute_output_shape(tuple(inputs.shape))
        if self.pool_mode == "max":
            pool = ops.max_pool
        else:
            pool = ops.average_pool
            inputs = averaged_input(self, inputs)
        return pool(
            inputs,
            pool_size=self.pool_size,
            strides=self.strides,
            padding=self.padding.lower(),
            data_format=self.data_format,
        )

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        axes = spatial_arguments.spatial_axes(self.rank, self.data_format)
        output_shape = list(input_shape)
        for axis, pool, stride in zip(axes, self.pool_size, self.strides, strict=True):
            length = pooled_length(
                input_shape[axis], pool, stride, self.padding.lower()
            )
            if length is not None and length <= 0:
                raise ValueError(
                    f"Layer '{self.name}' ({type(self).__name__}): the computed "
                    "output size would be zero or negative: the input is smaller "
                    f"than the pooling window. Received: input_shape={input_shape}"
                    f", pool_size={self.pool_size}, strides={self.strides}, "
                    f"padding={self.padding!r}. Use a smaller `pool_size` or "
                    "padding='same'."
                )
            output_shape[axis] = length
        return tuple(output_shape)

    def compute_output_spec(self, inputs):
        dtype = inputs.dtype
        if self.pool_mode == "average":
            dtype = averaged_dtype(self, dtype)
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=dtype)

    def get_config(self):
        return {
            **super().get_config(),
            "pool_size": self.pool_size,
            "padding": self.padding,
            "strides": self.strides,
            "data_format": self.data_format,
        }
