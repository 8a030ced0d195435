"""`CallbackList`: the callbacks of one loop, called as one."""

from keras_core._src.api_export import keras_public
from keras_core._src.callbacks.callback import Callback
from keras_core._src.callbacks.history import History
from keras_core._src.callbacks.progbar_logger import ProgbarLogger


def _flatten_callbacks(callbacks):
    if callbacks is None:
        return []
    if isinstance(callbacks, Callback):
        return [callbacks]
    if not isinstance(callbacks, (list, tuple)):
        raise TypeError(
            "CallbackList expects a list of keras_core.callbacks.Callback "
            f"instances (or None). Received: callbacks={callbacks!r} of type "
            f"{type(callbacks).__name__}."
        )
    flat = []
    for item in callbacks:
        if isinstance(item, (list, tuple)):
            flat.extend(_flatten_callbacks(item))
        elif isinstance(item, Callback):
            flat.append(item)
        else:
            raise TypeError(
                "Each callback must be an instance of "
                "keras_core.callbacks.Callback (subclass it and override the "
                f"hooks you need). Received: {item!r} of type "
                f"{type(item).__name__}."
            )
    return flat


@keras_public("keras.callbacks")
class CallbackList(Callback):
    """Calls each hook of a list of callbacks, in order.

    `fit`, `evaluate` and `predict` wrap the callbacks they are given in
    one; a `CallbackList` passed to them is used as is.

    Args:
        callbacks: A list of `Callback`s (nested lists are flattened).
        add_history: Whether to add a `History` if there is none.
        add_progbar: Whether to add a `ProgbarLogger` if there is none.
        model: The model the callbacks act on (given to `set_model`).
        **params: The loop's parameters (`verbose`, `epochs`, `steps`),
            given to `set_params` when there are any.

    Example:

    >>> history = keras_core.callbacks.History()
    >>> callbacks = keras_core.callbacks.CallbackList([history], epochs=1)
    >>> callbacks.on_train_begin()
    >>> callbacks.on_epoch_end(0, {"loss": 0.5})
    >>> history.history
    {'loss': [0.5]}
    """

    def __init__(
        self,
        callbacks=None,
        add_history=False,
        add_progbar=False,
        model=None,
        **params,
    ):
        super().__init__()
        self.callbacks = _flatten_callbacks(callbacks)
        self._history = None
        self._progbar = None
        for callback in self.callbacks:
            if isinstance(callback, History):
                self._history = callback
            elif isinstance(callback, ProgbarLogger):
                self._progbar = callback
        if self._history is None and add_history:
            self._history = History()
            self.callbacks.append(self._history)
        if self._progbar is None and add_progbar:
            self._progbar = ProgbarLogger()
            self.callbacks.append(self._progbar)
        if model is not None:
            self.set_model(model)
        self.params = params
        if params:
            self.set_params(params)

    def set_model(self, model):
        """Sets the model of the list and of every callback in it."""
        super().set_model(model)
        for callback in self.callbacks:
            callback.set_model(model)

    def set_params(self, params):
        """Sets the params of the list and of every callback in it."""
        super().set_params(params)
        for callback in self.callbacks:
            callback.set_params(params)

    # Batch hooks run once per step: a plain loop, no per-call checks.

    def on_batch_begin(self, batch, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_batch_begin(batch, logs)

    def on_batch_end(self, batch, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_batch_end(batch, logs)

    def on_train_batch_begin(self, batch, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_train_batch_begin(batch, logs)

    def on_train_batch_end(self, batch, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_train_batch_end(batch, logs)

    def on_test_batch_begin(self, batch, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_test_batch_begin(batch, logs)

    def on_test_batch_end(self, batch, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_test_batch_end(batch, logs)

    def on_predict_batch_begin(self, batch, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_predict_batch_begin(batch, logs)

    def on_predict_batch_end(self, batch, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_predict_batch_end(batch, logs)

    def on_epoch_begin(self, epoch, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_epoch_begin(epoch, logs)

    def on_epoch_end(self, epoch, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_epoch_end(epoch, logs)

    def on_train_begin(self, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_train_begin(logs)

    def on_train_end(self, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_train_end(logs)

    def on_test_begin(self, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_test_begin(logs)

    def on_test_end(self, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_test_end(logs)

    def on_predict_begin(self, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_predict_begin(logs)

    def on_predict_end(self, logs=None):
        logs = logs if logs is not None else {}
        for callback in self.callbacks:
            callback.on_predict_end(logs)
