"""`ReduceLROnPlateau`: lowers the learning rate when progress stalls."""

import warnings

import numpy as np

from keras_core._src.api_export import keras_public
from keras_core._src.callbacks.monitor import MonitorCallback
from keras_core._src.callbacks.monitor import as_float
from keras_core._src.utils import io_utils


@keras_public("keras.callbacks")
class ReduceLROnPlateau(MonitorCallback):
    """Multiplies the learning rate by `factor` when a quantity stalls.

    After `patience` epochs without improvement of the monitored value
    (by more than `min_delta`), the optimizer's learning rate becomes
    `max(learning_rate * factor, min_lr)`; then `cooldown` epochs pass
    before epochs without improvement count again. The current learning
    rate is added to the epoch's logs as `learning_rate`.

    Args:
        monitor: The quantity to follow.
        factor: The factor the learning rate is multiplied by (< 1).
        patience: The number of epochs without improvement before a
            reduction.
        verbose: 1 prints a message at each reduction.
        mode: "min", "max" or "auto" (see `ModelCheckpoint`).
        min_delta: The smallest change that counts as an improvement.
        cooldown: The number of epochs to wait after a reduction.
        min_lr: The lowest learning rate.
        **kwargs: Accepted for compatibility and ignored, with a warning.

    Example:

    >>> callback = keras_core.callbacks.ReduceLROnPlateau(
    ...     monitor="val_loss", factor=0.2, patience=5, min_lr=0.001)
    >>> callback.factor
    0.2
    """

    def __init__(
        self,
        monitor="val_loss",
        factor=0.1,
        patience=10,
        verbose=0,
        mode="auto",
        min_delta=1e-4,
        cooldown=0,
        min_lr=0.0,
        **kwargs,
    ):
        super().__init__(monitor, mode, min_delta=min_delta)
        if factor >= 1.0:
            raise ValueError(
                "ReduceLROnPlateau does not support a factor >= 1.0. "
                f"Received factor={factor}"
            )
        if kwargs:
            warnings.warn(
                "ReduceLROnPlateau ignores the arguments "
                f"{sorted(kwargs)}: it accepts monitor, factor, patience, "
                "verbose, mode, min_delta, cooldown and min_lr.",
                stacklevel=2,
            )
        self.factor = factor
        self.min_lr = min_lr
        self.patience = patience
        self.verbose = verbose
        self.cooldown = cooldown
        self.cooldown_counter = 0
        self.wait = 0

    def on_train_begin(self, logs=None):
        self.cooldown_counter = 0
        self.wait = 0

    def on_epoch_end(self, epoch, logs=None):
        if self.monitor_op is None:
            self._set_monitor_op()
        logs = logs if logs is not None else {}
        learning_rate = as_float(self.model.optimizer.learning_rate)
        logs["learning_rate"] = learning_rate
        current = self._monitored_value(logs)
        if current is None:
            warnings.warn(
                "Learning rate reduction is conditioned on metric "
                f"`{self.monitor}` which is not available. Available metrics "
                f"are: {','.join(logs)}.",
                stacklevel=2,
            )
            return
        in_cooldown = self.cooldown_counter > 0
        if in_cooldown:
            self.cooldown_counter -= 1
            self.wait = 0
        if self._is_improvement(current, self.best):
            self.best = current
            self.wait = 0
        elif self.cooldown_counter <= 0:
            self.wait += 1
            # The rate is stored in float32: compare at that precision, or
            # a rate already at `min_lr` would look above it.
            if self.wait >= self.patience and learning_rate > np.float32(self.min_lr):
                new_learning_rate = max(learning_rate * self.factor, self.min_lr)
                self.model.optimizer.learning_rate = new_learning_rate
                if self.verbose > 0:
                    io_utils.print_msg(
                        f"\nEpoch {epoch + 1}: ReduceLROnPlateau reducing "
                        f"learning rate to {new_learning_rate}."
                    )
                self.cooldown_counter = self.cooldown
                self.wait = 0
