"""Hinge metrics: the means of the hinge, squared hinge and categorical hinge.

Labels are -1 or 1 (0 is read as -1) for `Hinge` and `SquaredHinge`, one-hot
for `CategoricalHinge`; the functions are the hinge losses'.
"""

from keras_core._src.api_export import keras_public
from keras_core._src.losses.hinge import categorical_hinge
from keras_core._src.losses.hinge import hinge
from keras_core._src.losses.hinge import squared_hinge
from keras_core._src.metrics.reduction_metrics import MeanMetricWrapper

__all__ = ["CategoricalHinge", "Hinge", "SquaredHinge"]


@keras_public("keras.metrics")
class Hinge(MeanMetricWrapper):
    """The mean of `maximum(1 - y_true * y_pred, 0)` (labels -1/1 or 0/1).

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.Hinge()
    >>> metric.update_state([[1.0, -1.0]], [[0.5, -2.0]])
    >>> float(metric.result())
    0.25
    """

    def __init__(self, name="hinge", dtype=None):
        super().__init__(fn=hinge, name=name, dtype=dtype)
        self._direction = "down"


@keras_public("keras.metrics")
class SquaredHinge(MeanMetricWrapper):
    """The mean of `maximum(1 - y_true * y_pred, 0) ** 2` (labels -1/1 or 0/1).

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.SquaredHinge()
    >>> metric.update_state([[1.0, -1.0]], [[0.5, -2.0]])
    >>> float(metric.result())
    0.125
    """

    def __init__(self, name="squared_hinge", dtype=None):
        super().__init__(fn=squared_hinge, name=name, dtype=dtype)
        self._direction = "down"


@keras_public("keras.metrics")
class CategoricalHinge(MeanMetricWrapper):
    """The mean of `maximum(neg - pos + 1, 0)` over one-hot labels.

    `pos` is the score of the true class, `neg` the highest score of the
    other classes.

    Args:
        name: The metric's name.
        dtype: The dtype of the state and the result.

    Example:

    >>> metric = keras_core.metrics.CategoricalHinge()
    >>> metric.update_state([[0.0, 1.0]], [[0.3, 0.8]])
    >>> float(metric.result())
    0.5
    """

    def __init__(self, name="categorical_hinge", dtype=None):
        super().__init__(fn=categorical_hinge, name=name, dtype=dtype)
        self._direction = "down"
