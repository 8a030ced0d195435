"""`CSVLogger`: writes each epoch's logs as a row of a CSV file."""

import collections.abc
import csv
import os

import numpy as np

from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.callbacks.callback import Callback


def _cell(value):
    """A log value as written in a cell; lists are written `"[a, b]"`."""
    if backend.core.is_tensor(value):
        value = backend.core.convert_to_numpy(value)
    if isinstance(value, np.ndarray) and value.ndim == 0:
        return value[()]
    if isinstance(value, str) or not isinstance(value, collections.abc.Iterable):
        return value
    return f'"[{", ".join(map(str, value))}]"'


@keras_public("keras.callbacks")
class CSVLogger(Callback):
    """Streams the logs of every epoch to a CSV file.

    The first epoch fixes the columns: `epoch`, then the log names in
    sorted order; when that epoch has no validation results, a `val_`
    column is added for each name, so that later validated epochs fit.
    A missing value is written `NA`; names that appear only later are not
    written.

    Args:
        filename: The path of the CSV file.
        separator: The string separating cells.
        append: Whether to append to an existing file (no header is
            written when it already has content) instead of overwriting it.

    Example:

    >>> logger = keras_core.callbacks.CSVLogger("training.log")
    >>> # model.fit(x, y, callbacks=[logger])
    """

    def __init__(self, filename, separator=",", append=False):
        super().__init__()
        self.sep = separator
        self.filename = os.fspath(filename)
        self.append = append
        self.writer = None
        self.keys = None
        self.append_header = True
        self.csv_file = None

    def on_train_begin(self, logs=None):
        if self.append:
            if os.path.exists(self.filename):
                with open(self.filename) as existing:
                    self.append_header = not existing.readline()
            mode = "a"
        else:
            mode = "w"
        self.keys = None
        self.writer = None
        # Open for the whole of training (closed in on_train_end): each
        # epoch appends a row.
        self.csv_file = open(self.filename, mode, newline="")  # noqa: SIM115

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        if self.keys is None:
            self.keys = sorted(logs)
            if not any(key.startswith("val_") for key in self.keys):
                self.keys.extend(f"val_{key}" for key in list(self.keys))
        if self.writer is None:
            self.writer = csv.writer(
                self.csv_file, delimiter=self.sep, lineterminator="\n"
            )
            if self.append_header:
                self.writer.writerow(["epoch", *self.keys])
        self.writer.writerow([epoch, *(_cell(logs.get(k, "NA")) for k in self.keys)])
        self.csv_file.flush()

    def on_train_end(self, logs=None):
        if self.csv_file is not None:
            self.csv_file.close()
        self.csv_file = None
        self.writer = None
