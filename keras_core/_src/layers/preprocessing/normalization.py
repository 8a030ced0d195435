"""`Normalization`: shifts and scales inputs to zero mean and unit variance."""

import math

import numpy as np

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common import config as backend_config
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.preprocessing import preprocessing_utils
from keras_core._src.layers.preprocessing.data_layer import DataLayer

__all__ = ["Normalization"]


def _standardize_axis(axis):
    if axis is None:
        return ()
    if isinstance(axis, int) and not isinstance(axis, bool):
        return (axis,)
    if isinstance(axis, (list, tuple)) and all(
        isinstance(a, int) and not isinstance(a, bool) for a in axis
    ):
        return tuple(axis)
    raise TypeError(
        "Normalization: `axis` must be an int, a tuple of ints or None. "
        f"Received: axis={axis!r}"
    )


def _config_value(value):
    # Arrays in a config would not survive JSON; Keras stores them as lists.
    if isinstance(value, np.ndarray) or hasattr(value, "__array__"):
        return np.asarray(value).tolist()
    return value


@keras_public("keras.layers")
class Normalization(DataLayer):
    """Normalizes inputs feature-wise: `(inputs - mean) / sqrt(variance)`.

    The mean and variance are either given, or learned from data with
    `adapt()`, which streams through the data batch by batch (merging the
    per-batch statistics as Chan et al.'s parallel algorithm does) and
    stores them in non-trainable weights saved with the model. The standard
    deviation is floored at `keras_core.config.epsilon()`.

    Args:
        axis: The axis or axes kept separate: one mean and variance per
            index along them. `-1` (the default) normalizes each feature of
            `(batch, features)` inputs; `(1, 2)` keeps a statistic per
            position of `(batch, height, width)` inputs; None normalizes
            with one scalar mean and variance.
        mean: The mean to use, broadcastable to the kept axes' shape; set
            with `variance`, instead of calling `adapt()`.
        variance: The variance to use, alongside `mean`.
        invert: Whether to undo the normalization instead:
            `inputs * sqrt(variance) + mean`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.Normalization()
    >>> layer.adapt(numpy.array([[0.0, 10.0], [2.0, 30.0]]))
    >>> numpy.asarray(layer(numpy.array([[1.0, 20.0]]))).tolist()
    [[0.0, 0.0]]
    """

    def __init__(self, axis=-1, mean=None, variance=None, invert=False, **kwargs):
        super().__init__(**kwargs)
        self.axis = _standardize_axis(axis)
        if (mean is None) != (variance is None):
            raise ValueError(
                "Normalization: when setting values directly, both `mean` and "
                f"`variance` must be set. Received: mean={mean!r} and "
                f"variance={variance!r}"
            )
        for name, value in (("mean", mean), ("variance", variance)):
            if value is not None and np.ndim(value) > len(self.axis):
                raise ValueError(
                    f"Normalization: the rank of `{name}` must be at most the "
                    f"number of kept axes ({len(self.axis)}). Received: {name} "
                    f"of shape {np.shape(value)} for axis={self.axis}"
                )
        self.input_mean = mean
        self.input_variance = variance
        self.invert = bool(invert)
        self.supports_masking = True
        self._keep_axis = None
        self._broadcast_shape = None
        self._fixed_mean = None
        self._fixed_variance = None

    def build(self, input_shape):
        input_shape = tuple(input_shape)
        ndim = len(input_shape)
        if any(not -ndim <= a < ndim for a in self.axis):
            raise ValueError(
                f"Normalization: all `axis` values must be in the range "
                f"[-ndim, ndim). Received inputs with ndim={ndim}, while "
                f"axis={self.axis}"
            )
        keep_axis = tuple(sorted({a % ndim for a in self.axis}))
        unknown = [a for a in keep_axis if input_shape[a] is None]
        if unknown:
            raise ValueError(
                "Normalization: the kept axes must have a known size. Received "
                f"axis={self.axis} and input shape {input_shape}, unknown at "
                f"axis {unknown[0]}. Give the input a fixed size along it."
            )
        self._keep_axis = keep_axis
        stats_shape = tuple(input_shape[a] for a in keep_axis)
        self._broadcast_shape = tuple(
            input_shape[a] if a in keep_axis else 1 for a in range(ndim)
        )
        if self.input_mean is None:
            self.adapt_mean = self.add_weight(
                name="mean", shape=stats_shape, initializer="zeros", trainable=False
            )
            self.adapt_variance = self.add_weight(
                name="variance", shape=stats_shape, initializer="ones", trainable=False
            )
            self.count = self.add_weight(
                name="count",
                shape=(),
                dtype="int32",
                initializer="zeros",
                trainable=False,
            )
            return
        self._fixed_mean, self._fixed_variance = (
            np.broadcast_to(np.asarray(value, dtype=self.variable_dtype), stats_shape)
            .reshape(self._broadcast_shape)
            .copy()
            for value in (self.input_mean, self.input_variance)
        )

    @property
    def mean(self):
        """The mean in use, shaped to broadcast against inputs (None before build)."""
        if self._fixed_mean is not None:
            return ops.convert_to_tensor(self._fixed_mean)
        if self._broadcast_shape is None:
            return None
        return ops.reshape(
            ops.convert_to_tensor(self.adapt_mean), self._broadcast_shape
        )

    @property
    def variance(self):
        """The variance in use, shaped like `mean` (None before build)."""
        if self._fixed_variance is not None:
            return ops.convert_to_tensor(self._fixed_variance)
        if self._broadcast_shape is None:
            return None
        return ops.reshape(
            ops.convert_to_tensor(self.adapt_variance), self._broadcast_shape
        )

    def adapt(self, data, batch_size=None, steps=None):
        """Computes the mean and variance of `data` and stores them in the layer.

        Statistics are accumulated in float64 across batches, so a dataset
        gives the same result as the whole array at once. Calling `adapt`
        again replaces the statistics.

        Args:
            data: A NumPy array, a backend tensor, a `tf.data.Dataset`, or an
                iterable of batches (arrays or tensors).
            batch_size: Rows read at a time when `data` is an array.
            steps: The most batches to read (all by default).
        """
        if self.input_mean is not None:
            raise ValueError(
                f"Normalization '{self.name}' was created with a fixed `mean` "
                "and `variance`; adapt() cannot change them. Create the layer "
                "without `mean` and `variance` to learn them from data."
            )
        count = 0
        mean = m2 = None
        for batch in preprocessing_utils.adapt_batches(data, batch_size, steps):
            batch = np.asarray(batch, dtype="float64")
            if batch.size == 0:
                continue
            if count == 0:
                self._check_adapt_shape(batch.shape)
            reduce_axes = tuple(
                a for a in range(batch.ndim) if a not in self._keep_axis
            )
            size = math.prod(batch.shape[a] for a in reduce_axes)
            batch_mean = np.mean(batch, axis=reduce_axes)
            batch_m2 = np.var(batch, axis=reduce_axes) * size
            if count == 0:
                count, mean, m2 = size, batch_mean, batch_m2
                continue
            # Chan et al.: merging two partitions' means and squared deviations.
            total = count + size
            delta = batch_mean - mean
            mean = mean + delta * (size / total)
            m2 = m2 + batch_m2 + delta**2 * (count * size / total)
            count = total
        if count == 0:
            raise ValueError(
                f"Normalization '{self.name}': adapt() received no data. Pass "
                "a non-empty array, tensor or dataset."
            )
        self.adapt_mean.assign(mean)
        self.adapt_variance.assign(m2 / count)
        self.count.assign(min(count, np.iinfo("int32").max))

    def _check_adapt_shape(self, shape):
        if not self.built:
            self.build(shape)
            return
        ndim = len(self._broadcast_shape)
        compatible = len(shape) == ndim and all(
            shape[a] == self._broadcast_shape[a] for a in self._keep_axis
        )
        if not compatible:
            raise ValueError(
                f"Normalization '{self.name}' keeps axes {self._keep_axis} of "
                f"inputs shaped like {self._broadcast_shape} (1 = reduced), but "
                f"adapt() received data of shape {shape}. Adapt on data of the "
                "shape the layer was built for, or create a new layer."
            )

    def call(self, inputs):
        inputs = ops.cast(inputs, self.compute_dtype)
        mean = ops.cast(self.mean, self.compute_dtype)
        std = ops.maximum(
            ops.sqrt(ops.cast(self.variance, self.compute_dtype)),
            backend_config.epsilon(),
        )
        if self.invert:
            return mean + inputs * std
        return (inputs - mean) / std

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def compute_output_spec(self, inputs):
        return KerasTensor(inputs.shape, dtype=self.compute_dtype)

    def get_config(self):
        return {
            **super().get_config(),
            "axis": self.axis,
            "invert": self.invert,
            "mean": _config_value(self.input_mean),
            "variance": _config_value(self.input_variance),
        }
