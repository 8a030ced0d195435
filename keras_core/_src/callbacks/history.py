"""`History`: the per-epoch logs of `fit`, returned by it."""

from keras_core._src.api_export import keras_public
from keras_core._src.callbacks.callback import Callback


@keras_public("keras.callbacks")
class History(Callback):
    """Records the logs of every epoch; `fit` returns it.

    Attributes:
        history: A dict of log name -> list of values, one per epoch
            (kept across `fit` calls on the same `History`).
        epoch: The indices of the epochs of the last `fit`.

    Example:

    >>> history = keras_core.callbacks.History()
    >>> history.on_train_begin()
    >>> history.on_epoch_end(0, {"loss": 0.5})
    >>> history.on_epoch_end(1, {"loss": 0.25})
    >>> history.history, history.epoch
    ({'loss': [0.5, 0.25]}, [0, 1])
    """

    def __init__(self):
        super().__init__()
        self.history = {}

    def on_train_begin(self, logs=None):
        self.epoch = []
        # Set here too (not only per epoch) so that a fit running no epoch
        # still returns this History.
        self._attach()

    def on_epoch_end(self, epoch, logs=None):
        self.epoch.append(epoch)
        for key, value in (logs or {}).items():
            self.history.setdefault(key, []).append(value)
        self._attach()

    def _attach(self):
        if self.model is not None:
            self.model.history = self
