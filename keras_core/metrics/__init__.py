"""Public API: `keras_core.metrics`."""

from keras_core._src.metrics.metric import Metric
from keras_core._src.metrics.reduction_metrics import Mean
from keras_core._src.metrics.reduction_metrics import MeanMetricWrapper
from keras_core._src.metrics.reduction_metrics import Sum
