"""`BatchNormalization`: normalizes with batch statistics, keeps their averages."""

from keras_core import ops
from keras_core._src import constraints
from keras_core._src import initializers
from keras_core._src import regularizers
from keras_core._src.api_export import keras_public
from keras_core._src.layers import input_spec as input_spec_lib
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.normalization import normalization_utils as utils

__all__ = ["BatchNormalization"]

_RENORM_CLIPPING_KEYS = ("rmax", "rmin", "dmax")


def _check_renorm_clipping(renorm_clipping):
    if not isinstance(renorm_clipping, dict):
        raise TypeError(
            "BatchNormalization: `renorm_clipping` must be a dict with keys "
            f"among {list(_RENORM_CLIPPING_KEYS)}, or None. Received: "
            f"renorm_clipping={renorm_clipping!r}"
        )
    unknown = set(renorm_clipping) - set(_RENORM_CLIPPING_KEYS)
    if unknown:
        raise ValueError(
            "BatchNormalization: received invalid keys for the `renorm_clipping` "
            f"argument: { {k: renorm_clipping[k] for k in sorted(unknown)} }. "
            f"Supported keys: {list(_RENORM_CLIPPING_KEYS)}."
        )
    rmax, rmin = renorm_clipping.get("rmax"), renorm_clipping.get("rmin")
    if rmax is not None and rmin is not None and rmax < rmin:
        raise ValueError(
            "BatchNormalization: in the `renorm_clipping` argument, rmax should "
            f"be greater than rmin. Received: rmax={rmax}, rmin={rmin}."
        )


class _SqrtInitializer:
    """Square roots of another initializer's values (the initial stddev)."""

    def __init__(self, variance_initializer):
        self.variance_initializer = variance_initializer

    def __call__(self, shape, dtype=None):
        return ops.sqrt(self.variance_initializer(shape, dtype=dtype))


@keras_public("keras.layers")
class BatchNormalization(Layer):
    """Normalizes its inputs per feature with batch (or moving) statistics.

    In training (`training=True` and the layer trainable) the layer
    normalizes with the mean and variance of the current batch, taken over
    every axis but `axis`, and moves `moving_mean` and `moving_variance`
    towards them: `moving = moving * momentum + batch * (1 - momentum)`. In
    inference it normalizes with the moving statistics. Either way it then
    applies `gamma * normalized + beta`. A frozen layer
    (`layer.trainable = False`) always runs in inference mode, as in Keras.

    Statistics are computed in float32 for float16 and bfloat16 inputs
    (mixed precision); the outputs have the inputs' dtype.

    Args:
        axis: The features axis (usually -1, or 1 with `channels_first`).
        momentum: The momentum of the moving averages.
        epsilon: Small float added to the variance to avoid dividing by 0.
        center: Whether to add the offset `beta`.
        scale: Whether to multiply by the scale `gamma`.
        beta_initializer: Initializer of `beta`.
        gamma_initializer: Initializer of `gamma`.
        moving_mean_initializer: Initializer of the moving mean.
        moving_variance_initializer: Initializer of the moving variance.
        beta_regularizer: Optional regularizer of `beta`.
        gamma_regularizer: Optional regularizer of `gamma`.
        beta_constraint: Optional constraint of `beta`.
        gamma_constraint: Optional constraint of `gamma`.
        renorm: Whether to use Batch Renormalization (Ioffe, 2017): in
            training the batch-normalized values are corrected by
            `r = stddev / renorm_stddev` and `d = (mean - renorm_mean) /
            renorm_stddev` (both without gradient), moving averages kept with
            `renorm_momentum`. Adds the non-trainable weights
            `moving_stddev`, `renorm_mean` and `renorm_stddev`.
        renorm_clipping: With `renorm`, a dict with optional keys `"rmax"`,
            `"rmin"` and `"dmax"` clipping `r` to `[rmin, rmax]` and `d` to
            `[-dmax, dmax]`; no clipping (`{}`) by default.
        renorm_momentum: The momentum of the renormalization averages.
        synchronized: Whether to aggregate the batch statistics across the
            replicas of a TensorFlow distribution strategy. Backends that
            cannot raise an error when the layer is created.
        **kwargs: Base layer arguments (`name`, `dtype`, `trainable`, ...).

    Call arguments:
        inputs: Input tensor of any rank.
        training: Whether to normalize with batch statistics and update the
            moving ones.
        mask: Optional mask of the shape of `inputs` without the last axis:
            batch statistics then come from the unmasked positions only.

    Example:

    >>> layer = keras_core.layers.BatchNormalization(momentum=0.5)
    >>> x = numpy.array([[0.0, 2.0], [2.0, 4.0]], "float32")
    >>> keras_core.ops.convert_to_numpy(layer(x, training=True)).round(2).tolist()
    [[-1.0, -1.0], [1.0, 1.0]]
    >>> layer.moving_mean.numpy().tolist()
    [0.5, 1.5]
    """

    def __init__(
        self,
        axis=-1,
        momentum=0.99,
        epsilon=1e-3,
        center=True,
        scale=True,
        beta_initializer="zeros",
        gamma_initializer="ones",
        moving_mean_initializer="zeros",
        moving_variance_initializer="ones",
        beta_regularizer=None,
        gamma_regularizer=None,
        beta_constraint=None,
        gamma_constraint=None,
        renorm=False,
        renorm_clipping=None,
        renorm_momentum=0.99,
        synchronized=False,
        **kwargs,
    ):
        super().__init__(**kwargs)
        if isinstance(axis, bool) or not isinstance(axis, int):
            raise TypeError(
                "BatchNormalization: `axis` must be an int (the features axis). "
                f"Received: axis={axis!r}"
            )
        if synchronized:
            _check_synchronized_supported()
        self.axis = axis
        self.momentum = float(momentum)
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.beta_initializer = initializers.get(beta_initializer)
        self.gamma_initializer = initializers.get(gamma_initializer)
        self.moving_mean_initializer = initializers.get(moving_mean_initializer)
        self.moving_variance_initializer = initializers.get(moving_variance_initializer)
        self.beta_regularizer = regularizers.get(beta_regularizer)
        self.gamma_regularizer = regularizers.get(gamma_regularizer)
        self.beta_constraint = constraints.get(beta_constraint)
        self.gamma_constraint = constraints.get(gamma_constraint)
        self.synchronized = synchronized
        self.renorm = renorm
        if renorm and renorm_clipping is None:
            renorm_clipping = {}
        if renorm_clipping is not None:
            _check_renorm_clipping(renorm_clipping)
        self.renorm_clipping = renorm_clipping
        self.renorm_momentum = float(renorm_momentum)
        self.supports_masking = True
        self.gamma = None
        self.beta = None

    def build(self, input_shape):
        ndim = len(input_shape)
        if not -ndim <= self.axis < ndim:
            raise ValueError(
                f"BatchNormalization layer '{self.name}': `axis` {self.axis} is "
                f"out of range for inputs of rank {ndim} (shape "
                f"{tuple(input_shape)}). Pass an axis between {-ndim} and "
                f"{ndim - 1}."
            )
        dim = input_shape[self.axis]
        if dim is None:
            raise ValueError(
                f"BatchNormalization layer '{self.name}': axis {self.axis} of the "
                "input must have a defined size to create the layer's weights. "
                f"Received: input_shape={tuple(input_shape)}"
            )
        shape = (dim,)
        if self.scale:
            self.gamma = self.add_weight(
                shape=shape,
                name="gamma",
                initializer=self.gamma_initializer,
                regularizer=self.gamma_regularizer,
                constraint=self.gamma_constraint,
                autocast=False,
            )
        if self.center:
            self.beta = self.add_weight(
                shape=shape,
                name="beta",
                initializer=self.beta_initializer,
                regularizer=self.beta_regularizer,
                constraint=self.beta_constraint,
                autocast=False,
            )
        self.moving_mean = self._statistic("moving_mean", shape, "mean")
        self.moving_variance = self._statistic("moving_variance", shape, "variance")
        if self.renorm:
            self.moving_stddev = self._statistic("moving_stddev", shape, "stddev")
            self.renorm_mean = self._statistic("renorm_mean", shape, "mean")
            self.renorm_stddev = self._statistic("renorm_stddev", shape, "stddev")
        self.input_spec = input_spec_lib.InputSpec(ndim=ndim, axes={self.axis: dim})
        self._reduction_axes = [i for i in range(ndim) if i != self.axis % ndim]

    def _statistic(self, name, shape, kind):
        initializer = {
            "mean": self.moving_mean_initializer,
            "variance": self.moving_variance_initializer,
            "stddev": _SqrtInitializer(self.moving_variance_initializer),
        }[kind]
        return self.add_weight(
            shape=shape,
            name=name,
            initializer=initializer,
            trainable=False,
            autocast=False,
        )

    def call(self, inputs, training=None, mask=None):
        if mask is not None and len(mask.shape) != len(inputs.shape) - 1:
            raise ValueError(
                f"BatchNormalization layer '{self.name}': the mask should have one "
                "dimension less than the inputs (it masks positions, not "
                f"features). Received: mask.shape={tuple(mask.shape)}, "
                f"inputs.shape={tuple(inputs.shape)}"
            )
        dtype = utils.output_dtype(inputs, self.compute_dtype)
        inputs = utils.statistics_inputs(inputs, self.compute_dtype)
        axis = self.axis % len(inputs.shape)
        gamma = None if self.gamma is None else ops.cast(self.gamma, inputs.dtype)
        beta = None if self.beta is None else ops.cast(self.beta, inputs.dtype)
        if training and self.trainable:
            mean, variance = self._moments(inputs, mask)
            if self.renorm:
                gamma, beta = self._renormalize(mean, variance, gamma, beta)
            else:
                self._update_moving(self.moving_mean, mean, self.momentum)
                self._update_moving(self.moving_variance, variance, self.momentum)
        else:
            mean = ops.cast(self.moving_mean, inputs.dtype)
            variance = ops.cast(self.moving_variance, inputs.dtype)
        outputs = ops.batch_normalization(
            inputs,
            mean,
            variance,
            axis=axis,
            offset=beta,
            scale=gamma,
            epsilon=self.epsilon,
        )
        return ops.cast(outputs, dtype)

    def _moments(self, inputs, mask):
        if mask is None:
            return ops.moments(
                inputs, self._reduction_axes, synchronized=self.synchronized
            )
        weights = ops.expand_dims(ops.cast(mask, inputs.dtype), -1)
        weights = ops.broadcast_to(weights, ops.shape(inputs))
        count = ops.sum(weights, axis=self._reduction_axes)
        mean = ops.divide_no_nan(
            ops.sum(inputs * weights, axis=self._reduction_axes), count
        )
        deviations = inputs - ops.reshape(
            mean, utils.broadcast_shape(len(inputs.shape), [self.axis], [-1])
        )
        variance = ops.divide_no_nan(
            ops.sum(ops.square(deviations) * weights, axis=self._reduction_axes),
            count,
        )
        return mean, variance

    @staticmethod
    def _update_moving(variable, value, momentum):
        current = ops.cast(variable, value.dtype)
        variable.assign(
            ops.cast(current * momentum + value * (1.0 - momentum), variable.dtype)
        )

    def _renormalize(self, mean, variance, gamma, beta):
        """Updates the renorm statistics; returns the corrected gamma, beta."""
        dtype = mean.dtype
        stddev = ops.sqrt(variance + self.epsilon)
        renorm_mean = ops.cast(self.renorm_mean, dtype)
        # Early on the averaged stddev can be tiny: avoid dividing by ~0.
        renorm_stddev = ops.maximum(
            ops.cast(self.renorm_stddev, dtype), self.epsilon**0.5
        )
        r = stddev / renorm_stddev
        d = (mean - renorm_mean) / renorm_stddev
        clipping = self.renorm_clipping
        if clipping.get("rmin") is not None:
            r = ops.maximum(r, clipping["rmin"])
        if clipping.get("rmax") is not None:
            r = ops.minimum(r, clipping["rmax"])
        if clipping.get("dmax") is not None:
            d = ops.clip(d, -clipping["dmax"], clipping["dmax"])
        r, d = ops.stop_gradient(r), ops.stop_gradient(d)
        self._update_moving(self.renorm_mean, mean, self.renorm_momentum)
        self._update_moving(self.renorm_stddev, stddev, self.renorm_momentum)
        self._update_moving(self.moving_mean, mean, self.momentum)
        moving_stddev = ops.cast(self.moving_stddev, dtype) * self.momentum + stddev * (
            1.0 - self.momentum
        )
        self.moving_stddev.assign(ops.cast(moving_stddev, self.moving_stddev.dtype))
        # The inference variance mirrors the stddev (epsilon included).
        moving_variance = ops.relu(ops.square(moving_stddev) - self.epsilon)
        self.moving_variance.assign(
            ops.cast(moving_variance, self.moving_variance.dtype)
        )
        # gamma * (normalized * r + d) + beta, folded into one scale/offset.
        scale = r if gamma is None else gamma * r
        offset = d if gamma is None else gamma * d
        if beta is not None:
            offset = offset + beta
        return scale, offset

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {
            **super().get_config(),
            "axis": self.axis,
            "momentum": self.momentum,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
            "beta_initializer": initializers.serialize(self.beta_initializer),
            "gamma_initializer": initializers.serialize(self.gamma_initializer),
            "moving_mean_initializer": initializers.serialize(
                self.moving_mean_initializer
            ),
            "moving_variance_initializer": initializers.serialize(
                self.moving_variance_initializer
            ),
            "beta_regularizer": regularizers.serialize(self.beta_regularizer),
            "gamma_regularizer": regularizers.serialize(self.gamma_regularizer),
            "beta_constraint": constraints.serialize(self.beta_constraint),
            "gamma_constraint": constraints.serialize(self.gamma_constraint),
            "synchronized": self.synchronized,
            "renorm": self.renorm,
            "renorm_clipping": self.renorm_clipping,
            "renorm_momentum": self.renorm_momentum,
        }


def _check_synchronized_supported():
    # Probing the op keeps backend knowledge in the backend: those without
    # cross-replica statistics raise NotImplementedError.
    try:
        ops.moments(ops.zeros((1,)), axes=[0], synchronized=True)
    except NotImplementedError as error:
        raise ValueError(
            "BatchNormalization: argument synchronized=True is not supported on "
            f"this backend ({error}). Use synchronized=False, or the TensorFlow "
            "backend for cross-replica statistics."
        ) from None
