"""`SwapEMAWeights`: which values the model and the averages hold when."""

import numpy as np
import pytest

import keras_core
from keras_core import callbacks
from keras_core import layers
from keras_core import optimizers


def ema_model(use_ema=True, build=True):
    model = keras_core.Sequential([keras_core.Input((2,)), layers.Dense(1)])
    model.compile(optimizer=optimizers.SGD(0.1, use_ema=use_ema), loss="mse")
    if build:
        model.optimizer.build(model.trainable_variables)
    if build and use_ema:
        for variable, average in zip(
            model.trainable_variables, model.optimizer._average_variables, strict=True
        ):
            variable.assign(np.full(variable.shape, 1.0, "float32"))
            average.assign(np.full(average.shape, 2.0, "float32"))
    return model


def held(model):
    """(value in the model, value in the averages), from the kernel."""
    kernel = model.trainable_variables[0]
    average = model.optimizer._average_variables[0]
    return float(np.mean(kernel.numpy())), float(np.mean(average.numpy()))


@pytest.mark.parametrize("loop", ["test", "predict"])
def test_evaluation_and_prediction_use_the_averages(loop):
    model = ema_model()
    swap = callbacks.SwapEMAWeights()
    swap.set_model(model)
    getattr(swap, f"on_{loop}_begin")({})
    assert held(model) == (2.0, 1.0)
    getattr(swap, f"on_{loop}_end")({})
    assert held(model) == (1.0, 2.0)
    # The bias is swapped too.
    assert float(model.trainable_variables[1].numpy()[0]) == 1.0


def test_swap_on_epoch_keeps_the_averages_between_epochs():
    model = ema_model()
    swap = callbacks.SwapEMAWeights(swap_on_epoch=True)
    swap.set_model(model)
    swap.set_params({"epochs": 2, "steps": 1, "verbose": 0})
    swap.on_train_begin()
    swap.on_epoch_begin(0)
    # Validation inside the epoch swaps in and out.
    swap.on_test_begin()
    assert held(model) == (2.0, 1.0)
    swap.on_test_end()
    assert held(model) == (1.0, 2.0)
    swap.on_epoch_end(0)
    assert held(model) == (2.0, 1.0)
    # An evaluation by a later callback finds the averages already there.
    swap.on_test_begin()
    swap.on_test_end()
    assert held(model) == (2.0, 1.0)
    swap.on_epoch_begin(1)
    assert held(model) == (1.0, 2.0)
    # After the last epoch the averages stay in the model (and in the
    # optimizer, which copies them into the model when fit ends).
    swap.on_epoch_end(1)
    assert held(model) == (2.0, 2.0)


def test_early_stop_also_leaves_the_averages():
    model = ema_model()
    swap = callbacks.SwapEMAWeights(swap_on_epoch=True)
    swap.set_model(model)
    swap.set_params({"epochs": 5})
    swap.on_train_begin()
    model.stop_training = True
    swap.on_epoch_end(0)
    assert held(model) == (2.0, 2.0)


def test_swap_needs_an_ema_optimizer_that_is_built():
    swap = callbacks.SwapEMAWeights()
    swap.set_model(ema_model(use_ema=False))
    with pytest.raises(ValueError, match="Received: use_ema=False"):
        swap.on_test_begin()
    swap.set_model(ema_model(build=False))
    with pytest.raises(ValueError, match="found the optimizer unbuilt"):
        swap.on_predict_begin()
    # Without epoch swapping, training alone never swaps.
    swap.set_model(ema_model(use_ema=False))
    swap.on_train_begin()
    swap.on_epoch_end(0)
