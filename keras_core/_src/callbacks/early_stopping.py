"""`EarlyStopping`: stops `fit` when a quantity stops improving."""

import warnings

from keras_core._src.api_export import keras_public
from keras_core._src.callbacks.monitor import MonitorCallback
from keras_core._src.utils import io_utils


@keras_public("keras.callbacks")
class EarlyStopping(MonitorCallback):
    """Stops training when a monitored quantity has stopped improving.

    At each epoch end the monitored value is compared to the best so far:
    it improves when it is better by more than `min_delta`. After
    `patience` epochs without improvement (counting the current one),
    `model.stop_training` is set. With a `baseline`, the wait is not
    reset by improvements until the value beats the baseline too.

    Args:
        monitor: The quantity to follow, such as `"val_loss"`.
        min_delta: The smallest change that counts as an improvement (its
            absolute value is used).
        patience: The number of epochs without improvement after which
            training stops.
        verbose: 1 prints a message when stopping and restoring weights.
        mode: "min", "max" or "auto" (see `ModelCheckpoint`).
        baseline: A value to beat; training stops if it is not beaten
            within `patience` epochs.
        restore_best_weights: Whether to restore, at the end of training,
            the weights of the epoch with the best value (also when
            training did not stop early).
        start_from_epoch: The number of epochs to wait before starting to
            follow the quantity (a warm-up).

    Example:

    >>> callback = keras_core.callbacks.EarlyStopping(monitor="loss", patience=3)
    >>> callback.patience
    3
    """

    def __init__(
        self,
        monitor="val_loss",
        min_delta=0,
        patience=0,
        verbose=0,
        mode="auto",
        baseline=None,
        restore_best_weights=False,
        start_from_epoch=0,
    ):
        super().__init__(monitor, mode, baseline=baseline, min_delta=min_delta)
        self.patience = patience
        self.verbose = verbose
        self.wait = 0
        self.stopped_epoch = 0
        self.restore_best_weights = restore_best_weights
        self.best_weights = None
        self.start_from_epoch = start_from_epoch

    def on_train_begin(self, logs=None):
        self.wait = 0
        self.stopped_epoch = 0
        self.best = None
        self.best_weights = None
        self.best_epoch = 0

    def on_epoch_end(self, epoch, logs=None):
        if self.monitor_op is None:
            self._set_monitor_op()
        current = self._monitored_value(logs)
        if current is None:
            warnings.warn(
                f"Early stopping conditioned on metric `{self.monitor}` which "
                "is not available. Available metrics are: "
                f"{','.join(logs or {})}",
                stacklevel=2,
            )
            return
        if epoch < self.start_from_epoch:
            return
        if self.restore_best_weights and self.best_weights is None:
            # The first followed epoch is the best until beaten.
            self.best_weights = self.model.get_weights()
            self.best_epoch = epoch
        self.wait += 1
        if self._is_improvement(current, self.best):
            self.best = current
            self.best_epoch = epoch
            if self.restore_best_weights:
                self.best_weights = self.model.get_weights()
            if self.baseline is None or self._is_improvement(current, self.baseline):
                self.wait = 0
            return
        if self.wait >= self.patience and epoch > 0:
            self.stopped_epoch = epoch
            self.model.stop_training = True

    def on_train_end(self, logs=None):
        if self.stopped_epoch > 0 and self.verbose > 0:
            io_utils.print_msg(f"Epoch {self.stopped_epoch + 1}: early stopping")
        if self.restore_best_weights and self.best_weights is not None:
            if self.verbose > 0:
                io_utils.print_msg(
                    "Restoring model weights from the end of the best epoch: "
                    f"{self.best_epoch + 1}."
                )
            self.model.set_weights(self.best_weights)
