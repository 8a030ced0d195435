"""`ModelCheckpoint`: saves the model or its weights during training."""

import os
import warnings

from keras_core._src.api_export import keras_public
from keras_core._src.callbacks.atomic_files import write_atomically
from keras_core._src.callbacks.monitor import MonitorCallback
from keras_core._src.callbacks.monitor import as_float
from keras_core._src.utils import io_utils


def check_save_freq(save_freq, message):
    """Raises `ValueError(message)` unless `save_freq` is 'epoch' or an int >= 1."""
    if save_freq == "epoch":
        return
    if isinstance(save_freq, bool) or not isinstance(save_freq, int) or save_freq < 1:
        raise ValueError(message)


class BatchCounter:
    """Counts the batches run since the last save, across epochs.

    Batch indices restart at each epoch and may jump by more than one
    (several steps per execution), so the count comes from the indices.
    """

    def __init__(self):
        self.since_last_save = 0
        self.last_batch = -1

    def reached(self, batch, every):
        """Records `batch`; True (and restarts) once `every` batches ran."""
        if batch <= self.last_batch:
            added = batch + 1
        else:
            added = batch - self.last_batch
        self.since_last_save += added
        self.last_batch = batch
        if self.since_last_save >= every:
            self.since_last_save = 0
            return True
        return False


def _format_best(value):
    return "None" if value is None else f"{value:.5f}"


@keras_public("keras.callbacks")
class ModelCheckpoint(MonitorCallback):
    """Saves the model (`.keras`) or its weights (`.weights.h5`) as it trains.

    `filepath` may hold format fields filled at each save: `{epoch}` (from
    1), `{batch}` (from 1, with an integer `save_freq`) and any log name,
    such as `{val_loss:.2f}`. Each file is written under a temporary name
    and renamed when complete, so an interrupted save leaves the previous
    file intact.

    With `save_best_only`, a file is written only when the monitored value
    improves on the best so far (or when it is not in the logs, with a
    warning). `mode="auto"` minimizes losses and asks the model's metric
    objects for the direction of metrics; other names need "min" or "max".

    Args:
        filepath: The path, ending in `.keras` (or `.weights.h5` with
            `save_weights_only`).
        monitor: The quantity compared with `save_best_only`.
        verbose: 1 prints a message at each save.
        save_best_only: Whether to save only improved models.
        save_weights_only: Whether to save only the weights
            (`model.save_weights`) instead of the model (`model.save`).
        mode: "auto", "min" or "max".
        save_freq: "epoch" (at each epoch end) or a number of batches.
        initial_value_threshold: The value the first save must beat, with
            `save_best_only`.

    Example:

    >>> checkpoint = keras_core.callbacks.ModelCheckpoint(
    ...     "best.keras", monitor="val_loss", save_best_only=True)
    """

    @property
    def _reads_weights_per_batch(self):
        # Weights are read after batches only when saving every N batches;
        # on JAX the trainer then writes its state back after each step.
        return self.save_freq != "epoch"

    def __init__(
        self,
        filepath,
        monitor="val_loss",
        verbose=0,
        save_best_only=False,
        save_weights_only=False,
        mode="auto",
        save_freq="epoch",
        initial_value_threshold=None,
    ):
        super().__init__(monitor, mode)
        self.verbose = verbose
        self.filepath = os.fspath(filepath)
        self.save_best_only = save_best_only
        self.save_weights_only = save_weights_only
        self.save_freq = save_freq
        self.best = initial_value_threshold
        self._batch_counter = BatchCounter()
        self._current_epoch = 0
        check_save_freq(
            save_freq,
            f"Unrecognized save_freq: {save_freq}. Expected save_freq are "
            "'epoch' or integer values (a number of batches, at least 1)",
        )
        if save_weights_only:
            if not self.filepath.endswith(".weights.h5"):
                raise ValueError(
                    "When using `save_weights_only=True` in `ModelCheckpoint`, "
                    "the filepath provided must end in `.weights.h5` (Keras "
                    f"weights format). Received: filepath={self.filepath}"
                )
        elif not self.filepath.endswith((".keras", ".h5")):
            raise ValueError(
                "The filepath provided must end in `.keras` (Keras model "
                f"format). Received: filepath={self.filepath}"
            )

    def on_train_begin(self, logs=None):
        self._batch_counter = BatchCounter()

    def on_epoch_begin(self, epoch, logs=None):
        self._current_epoch = epoch

    def on_train_batch_end(self, batch, logs=None):
        if self.save_freq != "epoch" and self._batch_counter.reached(
            batch, self.save_freq
        ):
            self._save(self._current_epoch, batch, logs)

    def on_epoch_end(self, epoch, logs=None):
        if self.save_freq == "epoch":
            self._save(epoch, None, logs)

    def _file_path(self, epoch, batch, logs):
        fields = {key: _format_value(value) for key, value in (logs or {}).items()}
        fields["epoch"] = epoch + 1
        if batch is not None:
            fields["batch"] = batch + 1
        try:
            return self.filepath.format(**fields)
        except KeyError as error:
            raise KeyError(
                f'Failed to format this callback filepath: "{self.filepath}". '
                f"Reason: {error}"
            ) from error

    def _save(self, epoch, batch, logs):
        filepath = self._file_path(epoch, batch, logs)
        if self.save_best_only:
            if self.monitor_op is None:
                self._set_monitor_op()
            current = self._monitored_value(logs)
            if current is None:
                warnings.warn(
                    f"Can save best model only with {self.monitor} available.",
                    stacklevel=3,
                )
            elif self._is_improvement(current, self.best):
                if self.verbose > 0:
                    io_utils.print_msg(
                        f"\nEpoch {epoch + 1}: {self.monitor} improved from "
                        f"{_format_best(self.best)} to {current:.5f}, saving "
                        f"model to {filepath}"
                    )
                self.best = current
            else:
                if self.verbose > 0:
                    io_utils.print_msg(
                        f"\nEpoch {epoch + 1}: {self.monitor} did not improve "
                        f"from {_format_best(self.best)}"
                    )
                return
        elif self.verbose > 0:
            io_utils.print_msg(f"\nEpoch {epoch + 1}: saving model to {filepath}")
        if self.save_weights_only:
            write_atomically(
                filepath, lambda path: self.model.save_weights(path, overwrite=True)
            )
        else:
            write_atomically(
                filepath, lambda path: self.model.save(path, overwrite=True)
            )
        if self.verbose > 0:
            io_utils.print_msg(
                f"\nEpoch {epoch + 1}: finished saving model to {filepath}"
            )


def _format_value(value):
    """A log value usable in a format field (`{loss:.2f}` needs a number)."""
    if isinstance(value, (int, float, str)):
        return value
    try:
        return as_float(value)
    except (TypeError, ValueError):
        return value
