"""The monitored-quantity logic shared by `EarlyStopping`,
`ReduceLROnPlateau`, `ModelCheckpoint` and `OrbaxCheckpoint`: which way is
better (`mode`), the improvement test with `min_delta`, reading the value.
"""

import operator
import warnings

import numpy as np

from keras_core._src import backend
from keras_core._src.callbacks.callback import Callback

_MODES = ("auto", "min", "max")


def as_float(value):
    """A log value as a Python float (reading a tensor waits for it)."""
    if isinstance(value, (int, float)):
        return float(value)
    if backend.core.is_tensor(value):
        value = backend.core.convert_to_numpy(value)
    return float(np.asarray(value))


def _model_metrics(model):
    """The model's metric objects, with those grouped in other metrics
    (the compiled metrics) listed too."""
    pending = list(getattr(model, "metrics", None) or ())
    found = []
    while pending:
        metric = pending.pop(0)
        found.append(metric)
        pending.extend(getattr(metric, "metrics", None) or ())
    return found


class MonitorCallback(Callback):
    """A callback that follows one quantity of the logs (`monitor`).

    With `mode="auto"` the direction comes from the model: a loss
    (`loss`, `val_loss`) is minimized; a metric object named like the
    monitored quantity (without `val_`) says its direction in
    `_direction` ("up" or "down"). Anything else needs an explicit mode.
    The direction is settled at the first use, once the model's metrics
    exist.

    Args:
        monitor: The name of the quantity in the logs.
        mode: "auto", "min" or "max" (anything else falls back to "auto"
            with a warning).
        baseline: A value the quantity must beat to count as improved.
        min_delta: The smallest change that counts as an improvement.
    """

    def __init__(self, monitor="val_loss", mode="auto", baseline=None, min_delta=0):
        super().__init__()
        if mode not in _MODES:
            warnings.warn(
                f"{type(self).__name__} mode '{mode}' is unknown, fallback to "
                "auto mode.",
                stacklevel=3,
            )
            mode = "auto"
        self.monitor = monitor
        self.mode = mode
        self.baseline = baseline
        self.min_delta = abs(min_delta)
        self.best = None
        self.monitor_op = None

    def _set_monitor_op(self):
        if self.mode == "min":
            self.monitor_op = operator.lt
        elif self.mode == "max":
            self.monitor_op = operator.gt
        else:
            name = self.monitor.removeprefix("val_")
            if name == "loss":
                self.monitor_op = operator.lt
            for metric in _model_metrics(self.model):
                direction = getattr(metric, "_direction", None)
                if metric.name == name and direction in ("up", "down"):
                    self.monitor_op = operator.gt if direction == "up" else operator.lt
        if self.monitor_op is None:
            raise ValueError(
                f"{type(self).__name__} callback received "
                f"monitor={self.monitor}, but Keras isn't able to "
                "automatically determine whether that metric should be "
                "maximized or minimized. Pass `mode='max'` in order to monitor "
                "based on the highest metric value, or pass `mode='min'` in "
                "order to use the lowest value."
            )
        # Stored with the sign of the direction, so that the test is
        # always `op(current - min_delta, reference)`.
        if self.monitor_op is operator.lt:
            self.min_delta = -abs(self.min_delta)
        else:
            self.min_delta = abs(self.min_delta)

    def _is_improvement(self, value, reference):
        """Whether `value` beats `reference` by more than `min_delta`."""
        if self.monitor_op is None:
            self._set_monitor_op()
        if reference is None:
            return True
        return bool(self.monitor_op(value - self.min_delta, reference))

    def _monitored_value(self, logs):
        """The monitored value as a float, or None when it is not logged."""
        value = (logs or {}).get(self.monitor)
        return None if value is None else as_float(value)
