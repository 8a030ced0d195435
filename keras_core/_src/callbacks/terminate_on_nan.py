"""`TerminateOnNaN`: stops training at the first NaN or infinite loss."""

import numpy as np

from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.callbacks.callback import Callback
from keras_core._src.utils import io_utils


@keras_public("keras.callbacks")
class TerminateOnNaN(Callback):
    """Stops training when a batch's loss is NaN or infinite.

    Reads the loss after every training batch (which waits for the
    device each time).

    Args:
        raise_error: Whether to raise a `RuntimeError` instead of setting
            `model.stop_training` (which ends training after the batch).

    Example:

    >>> callback = keras_core.callbacks.TerminateOnNaN(raise_error=True)
    """

    # It reads the batch loss only, never weights.
    _reads_weights_per_batch = False

    def __init__(self, raise_error: bool = False):
        super().__init__()
        self.raise_error = raise_error

    def on_batch_end(self, batch, logs=None):
        loss = (logs or {}).get("loss")
        if loss is None:
            return
        if backend.core.is_tensor(loss):
            loss = backend.core.convert_to_numpy(loss)
        values = np.asarray(loss)
        if np.all(np.isfinite(values)):
            return
        if values.size == 1:
            loss = values.item()
        if self.raise_error:
            raise RuntimeError(
                f"NaN or Inf loss encountered at batch {batch}. Loss value: "
                f"{loss}. Terminating training immediately."
            )
        io_utils.print_msg(f"Batch {batch}: Invalid loss, terminating training")
        self.model.stop_training = True
