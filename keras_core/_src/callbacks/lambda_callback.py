"""`LambdaCallback`: a callback made of plain functions."""

from keras_core._src.api_export import keras_public
from keras_core._src.callbacks.callback import Callback

_HOOKS = (
    "on_batch_begin",
    "on_batch_end",
    "on_epoch_begin",
    "on_epoch_end",
    "on_train_batch_begin",
    "on_train_batch_end",
    "on_test_batch_begin",
    "on_test_batch_end",
    "on_predict_batch_begin",
    "on_predict_batch_end",
    "on_train_begin",
    "on_train_end",
    "on_test_begin",
    "on_test_end",
    "on_predict_begin",
    "on_predict_end",
)


@keras_public("keras.callbacks")
class LambdaCallback(Callback):
    """A callback whose hooks are the functions given.

    Epoch hooks are called as `f(epoch, logs)`, batch hooks as
    `f(batch, logs)`, begin/end hooks as `f(logs)`. Any hook of `Callback`
    can be given by name; the others do nothing. As in `Callback`,
    `on_train_batch_begin`/`end` default to `on_batch_begin`/`end`.

    Args:
        on_epoch_begin: Called at the start of each epoch.
        on_epoch_end: Called at the end of each epoch.
        on_train_begin: Called at the start of training.
        on_train_end: Called at the end of training.
        on_train_batch_begin: Called at the start of each training batch.
        on_train_batch_end: Called at the end of each training batch.
        **kwargs: Any other hook of `Callback` (`on_batch_end`,
            `on_test_begin`, `on_predict_batch_end`, ...).

    Example:

    >>> losses = []
    >>> callback = keras_core.callbacks.LambdaCallback(
    ...     on_epoch_end=lambda epoch, logs: losses.append(logs["loss"]))
    >>> callback.on_epoch_end(0, {"loss": 0.5})
    >>> losses
    [0.5]
    """

    def __init__(
        self,
        on_epoch_begin=None,
        on_epoch_end=None,
        on_train_begin=None,
        on_train_end=None,
        on_train_batch_begin=None,
        on_train_batch_end=None,
        **kwargs,
    ):
        super().__init__()
        unknown = sorted(name for name in kwargs if name not in _HOOKS)
        if unknown:
            raise TypeError(
                f"LambdaCallback received unknown hook names {unknown}. "
                f"Expected hooks among {list(_HOOKS)}."
            )
        hooks = dict(
            kwargs,
            on_epoch_begin=on_epoch_begin,
            on_epoch_end=on_epoch_end,
            on_train_begin=on_train_begin,
            on_train_end=on_train_end,
            on_train_batch_begin=on_train_batch_begin,
            on_train_batch_end=on_train_batch_end,
        )
        for name, function in hooks.items():
            if function is None:
                continue
            if not callable(function):
                raise TypeError(
                    f"LambdaCallback's `{name}` must be a function. Received: "
                    f"{name}={function!r}"
                )
            # An instance attribute shadows the no-op method of Callback.
            setattr(self, name, function)
