"""Probabilistic metrics: means of crossentropies, KL divergence and Poisson.

The functions are the losses' (with the same `from_logits`,
`label_smoothing`, `ignore_class` and `axis` arguments); each metric is
their weighted mean over the samples seen.
"""

from keras_core._src.api_export import keras_public
from keras_core._src.losses.probabilistic import binary_crossentropy
from keras_core._src.losses.probabilistic import categorical_crossentropy
from keras_core._src.losses.probabilistic import kl_divergence
from keras_core._src.losses.probabilistic import poisson
from keras_core._src.losses.probabilistic import sparse_categorical_crossentropy
from keras_core._src.metrics.reduction_metrics import MeanMetricWrapper

__all__ = [
    "BinaryCrossentropy",
    "CategoricalCrossentropy",
    "KLDivergence",
    "Poisson",
    "SparseCategoricalCrossentropy",
]


@keras_public("keras.metrics")
class KLDivergence(MeanMetricWrapper):
    """The mean Kullback-Leibler divergence `sum(y_true * log(y_true / y_pred))`.

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.KLDivergence()
    >>> metric.update_state([[0.5, 0.5]], [[0.5, 0.5]])
    >>> float(metric.result())
    0.0
    """

    def __init__(self, name="kl_divergence", dtype=None):
        super().__init__(fn=kl_divergence, name=name, dtype=dtype)
        self._direction = "down"


@keras_public("keras.metrics")
class Poisson(MeanMetricWrapper):
    """The mean Poisson deviance term `y_pred - y_true * log(y_pred)`.

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.Poisson()
    >>> metric.update_state([[0.0, 0.0]], [[1.0, 1.0]])
    >>> float(metric.result())
    1.0
    """

    def __init__(self, name="poisson", dtype=None):
        super().__init__(fn=poisson, name=name, dtype=dtype)
        self._direction = "down"


@keras_public("keras.metrics")
class BinaryCrossentropy(MeanMetricWrapper):
    """The mean binary crossentropy between 0/1 labels and predictions.

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.
        from_logits: Whether `y_pred` holds logits rather than
            probabilities.
        label_smoothing: In [0, 1]: labels are moved towards 0.5 by this
            much (`y_true * (1 - s) + 0.5 * s`).

    Example:

    >>> metric = keras_core.metrics.BinaryCrossentropy()
    >>> metric.update_state([[1.0], [0.0]], [[0.5], [0.5]])
    >>> float(metric.result())
    0.693147...
    """

    def __init__(
        self,
        name="binary_crossentropy",
        dtype=None,
        from_logits=False,
        label_smoothing=0,
    ):
        super().__init__(
            fn=binary_crossentropy,
            name=name,
            dtype=dtype,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
        )
        self._direction = "down"


@keras_public("keras.metrics")
class CategoricalCrossentropy(MeanMetricWrapper):
    """The mean crossentropy between one-hot labels and predictions.

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.
        from_logits: Whether `y_pred` holds logits rather than
            probabilities.
        label_smoothing: In [0, 1]: labels are moved towards uniform by
            this much.
        axis: The class axis.

    Example:

    >>> metric = keras_core.metrics.CategoricalCrossentropy()
    >>> metric.update_state([[0.0, 1.0]], [[0.5, 0.5]])
    >>> float(metric.result())
    0.693147...
    """

    def __init__(
        self,
        name="categorical_crossentropy",
        dtype=None,
        from_logits=False,
        label_smoothing=0,
        axis=-1,
    ):
        super().__init__(
            fn=categorical_crossentropy,
            name=name,
            dtype=dtype,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )
        self._direction = "down"


@keras_public("keras.metrics")
class SparseCategoricalCrossentropy(MeanMetricWrapper):
    """The mean crossentropy between integer labels and predictions.

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.
        from_logits: Whether `y_pred` holds logits rather than
            probabilities.
        ignore_class: A class id whose samples score 0 (e.g. padding), or
            None.
        axis: The class axis.

    Example:

    >>> metric = keras_core.metrics.SparseCategoricalCrossentropy()
    >>> metric.update_state([1], [[0.5, 0.5]])
    >>> float(metric.result())
    0.693147...
    """

    def __init__(
        self,
        name="sparse_categorical_crossentropy",
        dtype=None,
        from_logits=False,
        ignore_class=None,
        axis=-1,
    ):
        super().__init__(
            fn=sparse_categorical_crossentropy,
            name=name,
            dtype=dtype,
            from_logits=from_logits,
            ignore_class=ignore_class,
            axis=axis,
        )
        self._direction = "down"
