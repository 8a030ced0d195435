"""`LayerNormalization`: normalizes each example over its feature axes."""

import warnings

from keras_core import ops
from keras_core._src import constraints
from keras_core._src import initializers
from keras_core._src import regularizers
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.normalization import normalization_utils as utils

__all__ = ["LayerNormalization"]


@keras_public("keras.layers")
class LayerNormalization(Layer):
    """Normalizes each example to zero mean and unit variance over `axis`.

    Unlike `BatchNormalization`, the statistics come from each example alone
    (over the axes in `axis`), so training and inference compute the same.
    The result is `gamma * (x - mean) / sqrt(variance + epsilon) + beta`,
    `gamma` and `beta` having the shape of the normalized axes. Float16 and
    bfloat16 inputs are normalized in float32.

    Args:
        axis: An int or a list/tuple of ints: the axes to normalize over
            (the feature axes, usually -1).
        epsilon: Small float added to the variance to avoid dividing by 0.
        center: Whether to add the offset `beta`.
        scale: Whether to multiply by the scale `gamma`.
        beta_initializer: Initializer of `beta`.
        gamma_initializer: Initializer of `gamma`.
        beta_regularizer: Optional regularizer of `beta`.
        gamma_regularizer: Optional regularizer of `gamma`.
        beta_constraint: Optional constraint of `beta`.
        gamma_constraint: Optional constraint of `gamma`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...), and the
            deprecated `rms_scaling`: when True the layer computes
            `gamma * x / sqrt(variance + epsilon)` (no centering, no `beta`,
            `gamma` always created), as Keras does; use `RMSNormalization`
            for RMS normalization.

    Example:

    >>> layer = keras_core.layers.LayerNormalization()
    >>> x = numpy.array([[0.0, 1.0, 2.0]], "float32")
    >>> keras_core.ops.convert_to_numpy(layer(x)).round(3)
    array([[-1.224,  0.   ,  1.224]], dtype=float32)
    """

    def __init__(
        self,
        axis=-1,
        epsilon=1e-3,
        center=True,
        scale=True,
        beta_initializer="zeros",
        gamma_initializer="ones",
        beta_regularizer=None,
        gamma_regularizer=None,
        beta_constraint=None,
        gamma_constraint=None,
        **kwargs,
    ):
        rms_scaling = kwargs.pop("rms_scaling", False)
        if rms_scaling:
            warnings.warn(
                "LayerNormalization: `rms_scaling=True` is deprecated: it scales "
                "the inputs by their variance, not their root mean square. Use "
                "`keras_core.layers.RMSNormalization` for RMS normalization.",
                stacklevel=2,
            )
        super().__init__(**kwargs)
        self.axis = utils.check_axis("LayerNormalization", axis)
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
        self.rms_scaling = rms_scaling
        self.beta_initializer = initializers.get(beta_initializer)
        self.gamma_initializer = initializers.get(gamma_initializer)
        self.beta_regularizer = regularizers.get(beta_regularizer)
        self.gamma_regularizer = regularizers.get(gamma_regularizer)
        self.beta_constraint = constraints.get(beta_constraint)
        self.gamma_constraint = constraints.get(gamma_constraint)
        self.supports_masking = True
        self.gamma = None
        self.beta = None

    def build(self, input_shape):
        axes = utils.resolve_axes("LayerNormalization", self.axis, input_shape)
        shape = utils.defined_dims("LayerNormalization", axes, input_shape)
        if self.scale or self.rms_scaling:
            self.gamma = self.add_weight(
                name="gamma",
                shape=shape,
                initializer=self.gamma_initializer,
                regularizer=self.gamma_regularizer,
                constraint=self.gamma_constraint,
                autocast=False,
            )
        if self.center and not self.rms_scaling:
            self.beta = self.add_weight(
                name="beta",
                shape=shape,
                initializer=self.beta_initializer,
                regularizer=self.beta_regularizer,
                constraint=self.beta_constraint,
                autocast=False,
            )
        self._axes = axes
        self._parameter_shape = utils.broadcast_shape(len(input_shape), axes, shape)

    def call(self, inputs):
        dtype = utils.output_dtype(inputs, self.compute_dtype)
        inputs = utils.statistics_inputs(inputs, self.compute_dtype)
        compute = standardize_dtype(inputs.dtype)
        if self.rms_scaling:
            gamma = self._in_dtype(self.gamma, compute)
            if gamma is not None:
                gamma = ops.reshape(gamma, self._parameter_shape)
            _, variance = ops.moments(inputs, self._axes, keepdims=True)
            outputs = inputs * ops.rsqrt(variance + self.epsilon) * gamma
        else:
            # The op lays parameters with one dimension per axis along the
            # axes itself (no reshape ops on the hot path).
            outputs = ops.layer_normalization(
                inputs,
                self._in_dtype(self.gamma, compute),
                self._in_dtype(self.beta, compute),
                axis=self._axes,
                epsilon=self.epsilon,
            )
        return outputs if compute == dtype else ops.cast(outputs, dtype)

    @staticmethod
    def _in_dtype(weight, dtype):
        if weight is None:
            return None
        value = weight.value
        return value if weight.dtype == dtype else ops.cast(value, dtype)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {
            **super().get_config(),
            "axis": self.axis,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
            "rms_scaling": self.rms_scaling,
            "beta_initializer": initializers.serialize(self.beta_initializer),
            "gamma_initializer": initializers.serialize(self.gamma_initializer),
            "beta_regularizer": regularizers.serialize(self.beta_regularizer),
            "gamma_regularizer": regularizers.serialize(self.gamma_regularizer),
            "beta_constraint": constraints.serialize(self.beta_constraint),
            "gamma_constraint": constraints.serialize(self.gamma_constraint),
        }
