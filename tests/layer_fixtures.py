"""Small layers the Layer and Model tests build on (NumPy references easy)."""

import numpy as np

import keras_core
from keras_core import ops


class Linear(keras_core.layers.Layer):
    """x @ kernel + bias, with weights created in `build`."""

    def __init__(self, units, kernel_initializer="glorot_uniform", **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.kernel_initializer = kernel_initializer

    def build(self, input_shape):
        self.kernel = self.add_weight(
            shape=(input_shape[-1], self.units),
            initializer=self.kernel_initializer,
            name="kernel",
        )
        self.bias = self.add_weight(
            shape=(self.units,), initializer="zeros", name="bias"
        )
        self.input_spec = keras_core.InputSpec(min_ndim=2, axes={-1: input_shape[-1]})

    def call(self, inputs):
        return ops.matmul(inputs, self.kernel) + self.bias

    def compute_output_shape(self, input_shape):
        return (*input_shape[:-1], self.units)


class RunningMean(keras_core.layers.Layer):
    """Keeps a non-trainable running mean of its inputs while training."""

    def build(self, input_shape):
        self.mean = self.add_weight(
            shape=(input_shape[-1],), initializer="zeros", trainable=False, name="mean"
        )

    def call(self, inputs, training=None):
        if training:
            self.mean.assign(0.5 * self.mean + 0.5 * ops.mean(inputs, axis=0))
        return inputs - self.mean


class TrainingProbe(keras_core.layers.Layer):
    """Records the `training` value of each call."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.seen = []

    def call(self, inputs, training=None):
        self.seen.append(training)
        return inputs


class ZeroMask(keras_core.layers.Layer):
    """Masks time steps whose features are all zero (like Masking)."""

    def compute_mask(self, inputs, previous_mask=None):
        return ops.any(ops.not_equal(inputs, 0), axis=-1)

    def call(self, inputs):
        return inputs


class MaskedSum(keras_core.layers.Layer):
    """Sums over time steps where the mask is True."""

    def call(self, inputs, mask=None):
        if mask is None:
            return ops.sum(inputs, axis=1)
        weights = ops.expand_dims(ops.cast(mask, inputs.dtype), -1)
        return ops.sum(inputs * weights, axis=1)


class Shift(keras_core.layers.Layer):
    """Adds 1 and passes the input mask on."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def call(self, inputs):
        return inputs + 1.0


def to_numpy(x):
    return np.asarray(ops.convert_to_numpy(x))
