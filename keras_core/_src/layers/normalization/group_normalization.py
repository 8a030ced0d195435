"""`GroupNormalization`: normalizes groups of channels of each example."""

import numpy as np

from keras_core import ops
from keras_core._src import constraints
from keras_core._src import initializers
from keras_core._src import regularizers
from keras_core._src.api_export import keras_public
from keras_core._src.layers import input_spec as input_spec_lib
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.normalization import normalization_utils as utils

__all__ = ["GroupNormalization"]


def _mean(x, axes):
    # An empty axis list must reduce nothing (some backends reduce all).
    return ops.mean(x, axis=axes) if axes else x


@keras_public("keras.layers")
class GroupNormalization(Layer):
    """Group Normalization (Wu and He, 2018): per-example, per channel group.

    The channels (axis `axis`) are split into `groups` groups of equal size;
    each example is normalized to zero mean and unit variance within each
    group, over the group's channels and every other non-batch axis. Then
    `gamma * normalized + beta` is applied per channel. With `groups=1`
    this is layer normalization over all non-batch axes; with `groups=-1`
    (one group per channel) instance normalization. Float16 and bfloat16
    inputs are normalized in float32.

    Args:
        groups: The number of groups, which must divide the number of
            channels; -1 for one group per channel.
        axis: The channels axis.
        epsilon: Small float added to the variance to avoid dividing by 0.
        center: Whether to add the offset `beta`.
        scale: Whether to multiply by the scale `gamma`.
        beta_initializer: Initializer of `beta`.
        gamma_initializer: Initializer of `gamma`.
        beta_regularizer: Optional regularizer of `beta`.
        gamma_regularizer: Optional regularizer of `gamma`.
        beta_constraint: Optional constraint of `beta`.
        gamma_constraint: Optional constraint of `gamma`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.GroupNormalization(groups=2)
    >>> x = numpy.array([[0.0, 1.0, 2.0, 5.0, 5.0, 5.0]], "float32")
    >>> keras_core.ops.convert_to_numpy(layer(x)).round(3)
    array([[-1.224,  0.   ,  1.224,  0.   ,  0.   ,  0.   ]], dtype=float32)
    """

    def __init__(
        self,
        groups=32,
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
        super().__init__(**kwargs)
        valid = isinstance(groups, int) and not isinstance(groups, bool)
        if not valid or (groups <= 0 and groups != -1):
            raise ValueError(
                "GroupNormalization: received an invalid value for argument "
                "`groups`, expected a positive integer (or `-1` for instance "
                f"normalization). Received: groups={groups!r}"
            )
        if isinstance(axis, bool) or not isinstance(axis, int):
            raise TypeError(
                "GroupNormalization: `axis` must be an int (the channels axis). "
                f"Received: axis={axis!r}"
            )
        self.groups = groups
        self.axis = axis
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
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
        (axis,) = utils.resolve_axes("GroupNormalization", [self.axis], input_shape)
        if axis == 0:
            raise ValueError(
                f"GroupNormalization layer '{self.name}': `axis` {self.axis} is "
                "the batch axis; pass the channels axis instead."
            )
        (channels,) = utils.defined_dims("GroupNormalization", [axis], input_shape)
        if self.groups == -1:
            self.groups = channels
        if self.groups > channels:
            raise ValueError(
                f"GroupNormalization layer '{self.name}': the number of groups "
                f"({self.groups}) cannot be more than the number of channels "
                f"({channels}) of input shape {tuple(input_shape)}."
            )
        if channels % self.groups:
            raise ValueError(
                f"GroupNormalization layer '{self.name}': the number of channels "
                f"({channels}) must be a multiple of the number of groups "
                f"({self.groups}). Received: groups={self.groups}"
            )
        self.input_spec = input_spec_lib.InputSpec(
            ndim=len(input_shape), axes={self.axis: channels}
        )
        if self.scale:
            self.gamma = self.add_weight(
                name="gamma",
                shape=(channels,),
                initializer=self.gamma_initializer,
                regularizer=self.gamma_regularizer,
                constraint=self.gamma_constraint,
                autocast=False,
            )
        if self.center:
            self.beta = self.add_weight(
                name="beta",
                shape=(channels,),
                initializer=self.beta_initializer,
                regularizer=self.beta_regularizer,
                constraint=self.beta_constraint,
                autocast=False,
            )
        self._channels_axis = axis
        self._group_size = channels // self.groups
        self._membership = np.eye(self.groups, dtype="float32").repeat(
            self._group_size, axis=0
        )
        self._parameter_shape = utils.broadcast_shape(
            len(input_shape), [axis], [channels]
        )

    def call(self, inputs):
        dtype = utils.output_dtype(inputs, self.compute_dtype)
        inputs = utils.statistics_inputs(inputs, self.compute_dtype)
        ndim = len(inputs.shape)
        # Per-channel statistics pooled into groups by a (channels, groups)
        # one-hot matrix: no reshape, so unknown non-channel sizes are fine.
        spatial = [i for i in range(1, ndim) if i != self._channels_axis]
        membership = ops.cast(self._membership, inputs.dtype)
        mean = self._per_channel(_mean(inputs, spatial), membership, ndim)
        centered = inputs - mean
        variance = self._per_channel(
            _mean(ops.square(centered), spatial), membership, ndim
        )
        outputs = centered * ops.rsqrt(variance + self.epsilon)
        if self.gamma is not None:
            outputs = outputs * ops.reshape(
                ops.cast(self.gamma, outputs.dtype), self._parameter_shape
            )
        if self.beta is not None:
            outputs = outputs + ops.reshape(
                ops.cast(self.beta, outputs.dtype), self._parameter_shape
            )
        return ops.cast(outputs, dtype)

    def _per_channel(self, channel_statistic, membership, ndim):
        """Group averages of a `(batch, channels)` statistic, per channel."""
        group_statistic = ops.matmul(channel_statistic, membership) / self._group_size
        statistic = ops.matmul(group_statistic, ops.transpose(membership))
        for axis in range(1, ndim):
            if axis != self._channels_axis:
                statistic = ops.expand_dims(statistic, axis)
        return statistic

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {
            **super().get_config(),
            "groups": self.groups,
            "axis": self.axis,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
            "beta_initializer": initializers.serialize(self.beta_initializer),
            "gamma_initializer": initializers.serialize(self.gamma_initializer),
            "beta_regularizer": regularizers.serialize(self.beta_regularizer),
            "gamma_regularizer": regularizers.serialize(self.gamma_regularizer),
            "beta_constraint": constraints.serialize(self.beta_constraint),
            "gamma_constraint": constraints.serialize(self.gamma_constraint),
        }
