"""`BackupAndRestore`: resumes an interrupted `fit` where it stopped."""

import json
import os
import shutil
import uuid

from keras_core._src.api_export import keras_public
from keras_core._src.callbacks.atomic_files import write_atomically
from keras_core._src.callbacks.atomic_files import write_text_atomically
from keras_core._src.callbacks.callback import Callback
from keras_core._src.callbacks.model_checkpoint import BatchCounter
from keras_core._src.callbacks.model_checkpoint import check_save_freq

_WEIGHTS = "latest.weights.h5"
_METADATA = "training_metadata.json"
_PREVIOUS = ".bkp"


@keras_public("keras.callbacks")
class BackupAndRestore(Callback):
    """Backs up the training state, so that a restarted `fit` resumes it.

    The weights (with the optimizer's state) go to
    `backup_dir/latest.weights.h5` and the position to
    `backup_dir/training_metadata.json` (`{"epoch": ..., "batch": ...}`,
    the epoch to resume at). When `fit` starts and a backup exists, it is
    loaded and training resumes at its epoch (an interrupted epoch is run
    again from its start). After a `fit` that completes, the backup is
    deleted (unless `delete_checkpoint=False`).

    Files are written under temporary names and renamed when complete, so
    a crash while saving keeps the previous backup.

    Args:
        backup_dir: The folder of the backup; use one per training job.
        save_freq: "epoch" (back up at each epoch end) or a number of
            batches.
        double_checkpoint: Whether to keep the previous backup too
            (`*.bkp`), used when the latest cannot be read.
        delete_checkpoint: Whether to delete the backup when `fit` ends
            normally.

    Example:

    >>> callback = keras_core.callbacks.BackupAndRestore(backup_dir="/tmp/backup")
    >>> # model.fit(x, y, epochs=10, callbacks=[callback])  # interrupted...
    >>> # model.fit(x, y, epochs=10, callbacks=[callback])  # ...resumes
    """

    @property
    def _reads_weights_per_batch(self):
        # Weights are read after batches only when saving every N batches;
        # on JAX the trainer then writes its state back after each step.
        return self.save_freq != "epoch"

    def __init__(
        self,
        backup_dir,
        save_freq="epoch",
        double_checkpoint=False,
        delete_checkpoint=True,
    ):
        super().__init__()
        if not backup_dir:
            raise ValueError(
                "Empty `backup_dir` argument passed: BackupAndRestore needs "
                f"the path of a folder. Received: backup_dir={backup_dir!r}"
            )
        check_save_freq(
            save_freq,
            "Invalid value for argument `save_freq`. Received: "
            f"save_freq={save_freq}. Expected either 'epoch' or an integer "
            "value (a number of batches, at least 1).",
        )
        self.backup_dir = os.fspath(backup_dir)
        self.save_freq = save_freq
        self.double_checkpoint = double_checkpoint
        self.delete_checkpoint = delete_checkpoint
        self._weights_path = os.path.join(self.backup_dir, _WEIGHTS)
        self._training_metadata_path = os.path.join(self.backup_dir, _METADATA)
        self._prev_weights_path = self._weights_path + _PREVIOUS
        self._prev_training_metadata_path = self._training_metadata_path + _PREVIOUS
        self._batch_counter = BatchCounter()
        self._current_epoch = 0

    def on_train_begin(self, logs=None):
        self._batch_counter = BatchCounter()
        if not os.path.exists(self._weights_path):
            return
        if not self.model.built:
            raise ValueError(
                "To use the BackupAndRestore callback, your model must be "
                "built before you call `fit()`, so that the backup can be "
                f"loaded into it. Model {self.model.name} is unbuilt. Build it "
                "beforehand with `model.build(input_shape)`, by calling it on "
                "a batch of data, or by starting it with a `keras.Input`."
            )
        optimizer = getattr(self.model, "optimizer", None)
        if optimizer is not None and not optimizer.built:
            # The backup holds the optimizer's state: it needs its slots.
            optimizer.build(self.model.trainable_variables)
        try:
            epoch = self._restore(self._weights_path, self._training_metadata_path)
        except Exception:
            if not (self.double_checkpoint and os.path.exists(self._prev_weights_path)):
                raise
            epoch = self._restore(
                self._prev_weights_path, self._prev_training_metadata_path
            )
        self._current_epoch = epoch
        self.model._initial_epoch = epoch

    def _restore(self, weights_path, metadata_path):
        """Loads a backup; returns the epoch to resume at."""
        if weights_path.endswith(".weights.h5"):
            self.model.load_weights(weights_path)
        else:
            # `load_weights` reads the format from the suffix, which the
            # previous backup (`*.weights.h5.bkp`) hides: read a copy.
            copy = os.path.join(self.backup_dir, f".tmp-{uuid.uuid4().hex}-{_WEIGHTS}")
            try:
                shutil.copyfile(weights_path, copy)
                self.model.load_weights(copy)
            finally:
                if os.path.exists(copy):
                    os.remove(copy)
        with open(metadata_path) as file:
            return int(json.load(file)["epoch"])

    def on_epoch_begin(self, epoch, logs=None):
        self._current_epoch = epoch

    def on_train_batch_end(self, batch, logs=None):
        if self.save_freq != "epoch" and self._batch_counter.reached(
            batch, self.save_freq
        ):
            self._backup(epoch=self._current_epoch, batch=batch)

    def on_epoch_end(self, epoch, logs=None):
        if self.save_freq == "epoch":
            self._backup(epoch=epoch + 1, batch=0)

    def _backup(self, epoch, batch):
        os.makedirs(self.backup_dir, exist_ok=True)
        if self.double_checkpoint and os.path.exists(self._weights_path):
            os.replace(self._weights_path, self._prev_weights_path)
            if os.path.exists(self._training_metadata_path):
                os.replace(
                    self._training_metadata_path, self._prev_training_metadata_path
                )
        write_atomically(
            self._weights_path,
            lambda path: self.model.save_weights(path, overwrite=True),
        )
        write_text_atomically(
            self._training_metadata_path, json.dumps({"epoch": epoch, "batch": batch})
        )

    def on_train_end(self, logs=None):
        if not self.delete_checkpoint:
            return
        for path in (
            self._weights_path,
            self._training_metadata_path,
            self._prev_weights_path,
            self._prev_training_metadata_path,
        ):
            if os.path.exists(path):
                os.remove(path)
        # Only the backup's own files are removed: the folder goes only if
        # nothing else is in it.
        if os.path.isdir(self.backup_dir) and not os.listdir(self.backup_dir):
            os.rmdir(self.backup_dir)
