"""`ProgbarLogger`: the progress bar of `fit`, `evaluate` and `predict`."""

from keras_core._src.api_export import keras_public
from keras_core._src.callbacks.callback import Callback
from keras_core._src.utils import io_utils
from keras_core._src.utils.progbar import Progbar


@keras_public("keras.callbacks")
class ProgbarLogger(Callback):
    """Prints a progress bar (`keras_core.utils.Progbar`) and the logs.

    `fit`, `evaluate` and `predict` add one when `verbose` is not 0. Logs
    are shown as given (they are already running means) in sorted order;
    validation inside `fit` shows no bar of its own, its results end the
    epoch's line. When the number of steps is unknown the bar counts them
    and learns the total from the first epoch.

    Example:

    >>> logger = keras_core.callbacks.ProgbarLogger()
    >>> logger.set_params({"verbose": 2, "epochs": 1, "steps": 2})
    >>> logger.on_train_begin()
    >>> logger.on_epoch_begin(0)
    >>> logger.on_epoch_end(0, {"loss": 0.5})  # doctest: +SKIP
    2/2 - 0s - 0s/step - loss: 0.5000
    """

    def __init__(self):
        super().__init__()
        self.seen = 0
        self.progbar = None
        self.target = None
        self.verbose = 1
        self.epochs = 1
        self._called_in_fit = False

    def set_params(self, params):
        verbose = params.get("verbose", 1)
        self.verbose = 1 if verbose == "auto" else verbose
        self.epochs = params.get("epochs", 1)
        self.target = params.get("steps")

    def on_train_begin(self, logs=None):
        # Validation inside fit uses these callbacks too; its batches do
        # not draw a bar.
        self._called_in_fit = True

    def on_train_end(self, logs=None):
        self._called_in_fit = False

    def on_test_begin(self, logs=None):
        if not self._called_in_fit:
            self._reset_progbar()
            self._maybe_init_progbar()

    def on_predict_begin(self, logs=None):
        self._reset_progbar()
        self._maybe_init_progbar()

    def on_epoch_begin(self, epoch, logs=None):
        self._reset_progbar()
        self._maybe_init_progbar()
        if self.verbose and self.epochs > 1:
            io_utils.print_msg(f"Epoch {epoch + 1}/{self.epochs}")

    def on_train_batch_end(self, batch, logs=None):
        self._update_progbar(batch, logs)

    def on_test_batch_end(self, batch, logs=None):
        if not self._called_in_fit:
            self._update_progbar(batch, logs)

    def on_predict_batch_end(self, batch, logs=None):
        # The logs hold the outputs, which are not shown.
        self._update_progbar(batch, None)

    def on_epoch_end(self, epoch, logs=None):
        self._finalize_progbar(logs)

    def on_test_end(self, logs=None):
        if not self._called_in_fit:
            self._finalize_progbar(logs)

    def on_predict_end(self, logs=None):
        self._finalize_progbar({})

    def _reset_progbar(self):
        self.seen = 0
        self.progbar = None

    def _maybe_init_progbar(self):
        if self.progbar is None:
            self.progbar = Progbar(
                target=self.target,
                verbose=self.verbose,
                stateless_metrics=set(),
                unit_name="step",
            )

    def _update_progbar(self, batch, logs):
        self._maybe_init_progbar()
        self.seen = batch + 1
        if self.verbose == 1:
            self.progbar.update(self.seen, sorted((logs or {}).items()), finalize=False)

    def _finalize_progbar(self, logs):
        self._maybe_init_progbar()
        if self.target is None:
            # The first pass counted the steps: later ones know the total.
            self.target = self.seen
            self.progbar.target = self.seen
        self.progbar.update(self.target, sorted((logs or {}).items()), finalize=True)
