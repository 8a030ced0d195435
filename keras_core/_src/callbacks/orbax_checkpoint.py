"""`OrbaxCheckpoint`: checkpoints written by Orbax (`orbax-checkpoint`).

Orbax is an optional dependency: it is imported when the callback is
created, and a clear `ImportError` says how to install it.
"""

import importlib
import os

import numpy as np

from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.callbacks.model_checkpoint import BatchCounter
from keras_core._src.callbacks.model_checkpoint import check_save_freq
from keras_core._src.callbacks.monitor import MonitorCallback
from keras_core._src.utils import io_utils


def _import_orbax():
    try:
        return importlib.import_module("orbax.checkpoint")
    except ImportError as error:
        raise ImportError(
            "OrbaxCheckpoint requires the 'orbax-checkpoint' package. You can "
            "install it via pip install orbax-checkpoint"
        ) from error


def _values(variables):
    return [np.asarray(backend.core.convert_to_numpy(v.value)) for v in variables]


@keras_public("keras.callbacks")
class OrbaxCheckpoint(MonitorCallback):
    """Saves the model's state with Orbax, like `ModelCheckpoint`.

    Each checkpoint is a step folder of `directory` holding the trainable
    and non-trainable variables and (unless `save_weights_only`) the
    optimizer's variables, as NumPy arrays. Orbax writes them in the
    background by default, so training goes on during the write; at most
    `max_to_keep` checkpoints are kept. The step is the epoch index (with
    `save_freq="epoch"`) or the number of batches run.

    Args:
        directory: The folder of the checkpoints.
        monitor: The quantity compared with `save_best_only`.
        verbose: 1 prints a message at each save.
        save_best_only: Whether to save only when the monitored value
            improves (see `ModelCheckpoint`).
        mode: "auto", "min" or "max".
        save_freq: "epoch" or a number of batches.
        initial_value_threshold: The value the first save must beat.
        max_to_keep: The number of most recent checkpoints kept (None:
            all).
        save_on_background: Whether Orbax writes asynchronously.
        save_weights_only: Whether to leave the optimizer's state out.

    Example:

    >>> callback = keras_core.callbacks.OrbaxCheckpoint(
    ...     "/tmp/ckpt", save_freq=100)  # doctest: +SKIP
    """

    @property
    def _reads_weights_per_batch(self):
        # Weights are read after batches only when saving every N batches;
        # on JAX the trainer then writes its state back after each step.
        return self.save_freq != "epoch"

    def __init__(
        self,
        directory,
        monitor="val_loss",
        verbose=0,
        save_best_only=False,
        mode="auto",
        save_freq="epoch",
        initial_value_threshold=None,
        max_to_keep=1,
        save_on_background=True,
        save_weights_only=False,
    ):
        super().__init__(monitor, mode)
        check_save_freq(
            save_freq,
            f"Unrecognized save_freq: {save_freq}. Expected save_freq are "
            "'epoch' or integer values (a number of batches, at least 1)",
        )
        if max_to_keep is not None and (
            isinstance(max_to_keep, bool)
            or not isinstance(max_to_keep, int)
            or max_to_keep < 1
        ):
            raise ValueError(
                "OrbaxCheckpoint's `max_to_keep` must be a positive integer or "
                f"None (keep all). Received: max_to_keep={max_to_keep!r}"
            )
        self.directory = os.path.abspath(os.fspath(directory))
        self.verbose = verbose
        self.save_best_only = save_best_only
        self.save_freq = save_freq
        self.best = initial_value_threshold
        self.max_to_keep = max_to_keep
        self.save_on_background = save_on_background
        self.save_weights_only = save_weights_only
        self._orbax = _import_orbax()
        self._manager = None
        self._batch_counter = BatchCounter()
        self._batches_run = 0

    def _checkpoint_manager(self):
        if self._manager is None:
            ocp = self._orbax
            options = ocp.CheckpointManagerOptions(
                max_to_keep=self.max_to_keep,
                enable_async_checkpointing=self.save_on_background,
            )
            self._manager = ocp.CheckpointManager(self.directory, options=options)
        return self._manager

    def _state(self):
        state = {
            "trainable_variables": _values(self.model.trainable_variables),
            "non_trainable_variables": _values(self.model.non_trainable_variables),
        }
        optimizer = getattr(self.model, "optimizer", None)
        if not self.save_weights_only and optimizer is not None:
            state["optimizer_variables"] = _values(optimizer.variables)
        return state

    def on_train_batch_end(self, batch, logs=None):
        self._batches_run += 1
        if self.save_freq != "epoch" and self._batch_counter.reached(
            batch, self.save_freq
        ):
            self._save(self._batches_run, logs)

    def on_epoch_end(self, epoch, logs=None):
        if self.save_freq == "epoch":
            self._save(epoch, logs)

    def _save(self, step, logs):
        if self.save_best_only:
            current = self._monitored_value(logs)
            if current is None or not self._is_improvement(current, self.best):
                return
            self.best = current
        ocp = self._orbax
        self._checkpoint_manager().save(step, args=ocp.args.StandardSave(self._state()))
        if self.verbose > 0:
            io_utils.print_msg(
                f"OrbaxCheckpoint: saving step {step} to {self.directory}"
            )

    def on_train_end(self, logs=None):
        if self._manager is not None:
            self._manager.wait_until_finished()
