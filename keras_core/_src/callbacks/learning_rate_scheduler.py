"""`LearningRateScheduler`: sets the learning rate at each epoch start."""

import inspect

import numpy as np

from keras_core._src.api_export import keras_public
from keras_core._src.callbacks.callback import Callback
from keras_core._src.callbacks.monitor import as_float
from keras_core._src.utils import io_utils


def _takes_two_arguments(function):
    """Whether `function(epoch, lr)` is a valid call (else `function(epoch)`)."""
    try:
        inspect.signature(function).bind(0, 0.0)
    except TypeError:
        return False
    except ValueError:
        # No signature to read (some builtins): the two-argument form is
        # the documented one.
        return True
    return True


@keras_public("keras.callbacks")
class LearningRateScheduler(Callback):
    """Sets the learning rate from a function of the epoch, at each epoch.

    At the start of each epoch, `schedule(epoch, lr)` (or `schedule(epoch)`
    when it takes one argument) gets the epoch index and the current
    learning rate and returns the new one, a float. The learning rate in
    use is added to the epoch's logs as `learning_rate`.

    Args:
        schedule: The function, returning a float.
        verbose: 1 prints the learning rate set at each epoch.

    Example:

    >>> def schedule(epoch, lr):
    ...     return lr if epoch < 10 else lr * 0.9
    >>> callback = keras_core.callbacks.LearningRateScheduler(schedule)
    """

    def __init__(self, schedule, verbose=0):
        super().__init__()
        if not callable(schedule):
            raise TypeError(
                "LearningRateScheduler expects `schedule` to be a function "
                "schedule(epoch, lr) -> float (or schedule(epoch)). Received: "
                f"schedule={schedule!r}"
            )
        self.schedule = schedule
        self.verbose = verbose

    def on_epoch_begin(self, epoch, logs=None):
        optimizer = getattr(self.model, "optimizer", None)
        if not hasattr(optimizer, "learning_rate"):
            raise ValueError('Optimizer must have a "learning_rate" attribute.')
        learning_rate = as_float(optimizer.learning_rate)
        if _takes_two_arguments(self.schedule):
            learning_rate = self.schedule(epoch, learning_rate)
        else:
            learning_rate = self.schedule(epoch)
        if not isinstance(learning_rate, (float, np.floating)):
            raise ValueError(
                "The output of the `schedule` function should be a float. "
                f"Got: {learning_rate}"
            )
        optimizer.learning_rate = float(learning_rate)
        if self.verbose > 0:
            io_utils.print_msg(
                f"\nEpoch {epoch + 1}: LearningRateScheduler setting learning "
                f"rate to {learning_rate}."
            )

    def on_epoch_end(self, epoch, logs=None):
        if logs is not None:
            logs["learning_rate"] = as_float(self.model.optimizer.learning_rate)
