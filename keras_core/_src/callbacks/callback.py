"""`Callback`: the base class, one no-op method per hook."""

from keras_core._src.api_export import keras_public


@keras_public("keras.callbacks")
class Callback:
    """Base class of callbacks: override the hooks you need.

    `fit`, `evaluate` and `predict` call the hooks of their callbacks at
    the start and end of the loop, of each epoch and of each batch. `logs`
    is a dict: per batch, the current values of the loss and metrics
    (backend scalar tensors: reading one waits for the device, so read
    them only when needed); at epoch end, the epoch's results as Python
    floats, with `val_`-prefixed validation results; in predict batch
    hooks, `{"outputs": ...}`.

    Attributes:
        params: A dict of the loop's parameters (`verbose`, `epochs`,
            `steps`).
        model: The model being trained, evaluated or used for prediction.

    Example:

    >>> class CountBatches(keras_core.callbacks.Callback):
    ...     def on_train_begin(self, logs=None):
    ...         self.batches = 0
    ...     def on_train_batch_end(self, batch, logs=None):
    ...         self.batches += 1
    """

    def __init__(self):
        self.params = None
        self._model = None

    def set_params(self, params):
        """Sets `params` (the loop's parameters, a dict)."""
        self.params = params

    def set_model(self, model):
        """Sets the model the callback acts on."""
        self._model = model

    @property
    def model(self):
        """The model the callback acts on (None before `set_model`)."""
        return self._model

    def on_batch_begin(self, batch, logs=None):
        """A training batch starts (the same as `on_train_batch_begin`)."""

    def on_batch_end(self, batch, logs=None):
        """A training batch ended (the same as `on_train_batch_end`)."""

    def on_epoch_begin(self, epoch, logs=None):
        """An epoch of `fit` starts.

        Args:
            epoch: The index of the epoch (0-based).
            logs: An empty dict.
        """

    def on_epoch_end(self, epoch, logs=None):
        """An epoch of `fit` ended.

        Args:
            epoch: The index of the epoch (0-based).
            logs: The epoch's results: `loss`, metrics, and `val_` results
                when there was validation.
        """

    def on_train_batch_begin(self, batch, logs=None):
        """A training batch starts; calls `on_batch_begin` by default.

        Args:
            batch: The index of the batch within the epoch.
            logs: An empty dict.
        """
        self.on_batch_begin(batch, logs)

    def on_train_batch_end(self, batch, logs=None):
        """A training batch ended; calls `on_batch_end` by default.

        Args:
            batch: The index of the batch within the epoch.
            logs: The running loss and metrics (backend scalars).
        """
        self.on_batch_end(batch, logs)

    def on_test_batch_begin(self, batch, logs=None):
        """A batch of `evaluate` (or of validation in `fit`) starts."""

    def on_test_batch_end(self, batch, logs=None):
        """A batch of `evaluate` ended; `logs` holds the running results."""

    def on_predict_batch_begin(self, batch, logs=None):
        """A batch of `predict` starts."""

    def on_predict_batch_end(self, batch, logs=None):
        """A batch of `predict` ended; `logs` is `{"outputs": ...}`."""

    def on_train_begin(self, logs=None):
        """`fit` starts."""

    def on_train_end(self, logs=None):
        """`fit` ended; `logs` holds the last epoch's results."""

    def on_test_begin(self, logs=None):
        """`evaluate` (or a validation pass of `fit`) starts."""

    def on_test_end(self, logs=None):
        """`evaluate` ended; `logs` holds its results."""

    def on_predict_begin(self, logs=None):
        """`predict` starts."""

    def on_predict_end(self, logs=None):
        """`predict` ended."""
