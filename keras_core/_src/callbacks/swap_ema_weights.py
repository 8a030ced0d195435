"""`SwapEMAWeights`: evaluates (and predicts) with the moving-average
weights of an optimizer created with `use_ema=True`."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.callbacks.callback import Callback


@keras_public("keras.callbacks")
class SwapEMAWeights(Callback):
    """Swaps the model's weights with their moving averages (EMA) around
    evaluation and prediction.

    The optimizer must have `use_ema=True`: it keeps an exponential moving
    average of each trainable variable. Before `evaluate` or `predict`
    (including validation in `fit`) the averages are put in the model, and
    the trained values back after. With `swap_on_epoch`, the averages are
    also in the model from each epoch's end to the next epoch's start, so
    that callbacks after this one (such as `ModelCheckpoint`) see them;
    after the last epoch they stay (the optimizer puts them there at the
    end of `fit` anyway).

    Args:
        swap_on_epoch: Whether to swap at epoch ends and starts too.

    Example:

    >>> callback = keras_core.callbacks.SwapEMAWeights(swap_on_epoch=True)
    >>> # model.compile(optimizer=keras_core.optimizers.SGD(use_ema=True), ...)
    >>> # model.fit(x, y, callbacks=[callback, ModelCheckpoint(...)])
    """

    def __init__(self, swap_on_epoch=False):
        super().__init__()
        self.swap_on_epoch = swap_on_epoch
        self._ema_weights_in_model = False
        self._swapped_for_loop = False

    def _pairs(self):
        """(model variable, its moving average) for each trainable variable."""
        optimizer = getattr(self.model, "optimizer", None)
        use_ema = getattr(optimizer, "use_ema", False)
        if not use_ema:
            raise ValueError(
                "SwapEMAWeights must be used when `use_ema=True` is set on the "
                f"optimizer. Received: use_ema={use_ema}"
            )
        if not optimizer.built:
            raise ValueError(
                "SwapEMAWeights found the optimizer unbuilt: it has no moving "
                "averages yet. Train the model (or call "
                "`optimizer.build(model.trainable_variables)`) first."
            )
        return [
            (
                variable,
                optimizer._average_variables[optimizer._variable_index(variable)],
            )
            for variable in self.model.trainable_variables
        ]

    def _swap(self):
        for variable, average in self._pairs():
            # A copy: on some backends reading a variable aliases its storage.
            value = ops.copy(ops.convert_to_tensor(variable))
            variable.assign(average)
            average.assign(value)
        self._ema_weights_in_model = not self._ema_weights_in_model

    def _finalize(self):
        """Puts the averages in the model without keeping the trained values."""
        for variable, average in self._pairs():
            if self._ema_weights_in_model:
                average.assign(variable)
            else:
                variable.assign(average)
        self._ema_weights_in_model = False

    def _enter_loop(self):
        self._swapped_for_loop = not self._ema_weights_in_model
        if self._swapped_for_loop:
            self._swap()

    def _exit_loop(self):
        if self._swapped_for_loop:
            self._swap()
            self._swapped_for_loop = False

    def on_train_begin(self, logs=None):
        self._ema_weights_in_model = False

    def on_epoch_begin(self, epoch, logs=None):
        if self.swap_on_epoch and self._ema_weights_in_model:
            self._swap()

    def on_epoch_end(self, epoch, logs=None):
        if not self.swap_on_epoch:
            return
        epochs = (self.params or {}).get("epochs")
        last = getattr(self.model, "stop_training", False) or (
            epochs is not None and epoch + 1 >= epochs
        )
        if last:
            self._finalize()
        elif not self._ema_weights_in_model:
            self._swap()

    def on_test_begin(self, logs=None):
        self._enter_loop()

    def on_test_end(self, logs=None):
        self._exit_loop()

    def on_predict_begin(self, logs=None):
        self._enter_loop()

    def on_predict_end(self, logs=None):
        self._exit_loop()
