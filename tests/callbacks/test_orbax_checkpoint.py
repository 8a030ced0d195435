"""`OrbaxCheckpoint`: the error without Orbax, argument checks, and what it
hands to Orbax (through a stand-in `orbax.checkpoint` module)."""

import importlib.util
import sys
import types

import pytest

import keras_core
from keras_core import callbacks
from keras_core import layers

HAS_ORBAX = importlib.util.find_spec("orbax") is not None


@pytest.mark.skipif(HAS_ORBAX, reason="orbax-checkpoint is installed here")
def test_missing_orbax_says_how_to_install_it(tmp_path):
    with pytest.raises(ImportError, match="pip install orbax-checkpoint"):
        callbacks.OrbaxCheckpoint(str(tmp_path))


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"save_freq": "batch"}, "Unrecognized save_freq: batch"),
        ({"save_freq": 0}, "Unrecognized save_freq: 0"),
        ({"max_to_keep": 0}, "`max_to_keep` must be a positive integer"),
    ],
)
def test_arguments_are_checked_first(tmp_path, kwargs, message):
    with pytest.raises(ValueError, match=message):
        callbacks.OrbaxCheckpoint(str(tmp_path), **kwargs)


class StandIn:
    """Records what the callback asks of `orbax.checkpoint`."""

    def __init__(self):
        self.saves = []
        self.waited = False
        self.options = None

    def module(self):
        stand_in = self
        module = types.ModuleType("orbax.checkpoint")

        def options(**kwargs):
            stand_in.options = kwargs
            return kwargs

        class CheckpointManager:
            def __init__(self, directory, options=None):
                stand_in.directory = directory

            def save(self, step, args=None):
                stand_in.saves.append((step, args))

            def wait_until_finished(self):
                stand_in.waited = True

        module.CheckpointManagerOptions = options
        module.CheckpointManager = CheckpointManager
        module.args = types.SimpleNamespace(StandardSave=lambda state: state)
        return module


@pytest.fixture
def orbax(monkeypatch):
    stand_in = StandIn()
    package = types.ModuleType("orbax")
    module = stand_in.module()
    package.checkpoint = module
    monkeypatch.setitem(sys.modules, "orbax", package)
    monkeypatch.setitem(sys.modules, "orbax.checkpoint", module)
    return stand_in


def make_model():
    model = keras_core.Sequential([keras_core.Input((2,)), layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    model.optimizer.build(model.trainable_variables)
    return model


def test_saves_each_epoch_with_the_state(tmp_path, orbax):
    callback = callbacks.OrbaxCheckpoint(str(tmp_path), max_to_keep=2)
    callback.set_model(make_model())
    callback.on_train_begin()
    for epoch in range(2):
        callback.on_epoch_begin(epoch)
        callback.on_train_batch_end(0, {"loss": 1.0})
        callback.on_epoch_end(epoch, {"loss": 1.0})
    callback.on_train_end()
    assert orbax.options == {"max_to_keep": 2, "enable_async_checkpointing": True}
    assert [step for step, _ in orbax.saves] == [0, 1]
    state = orbax.saves[0][1]
    assert sorted(state) == [
        "non_trainable_variables",
        "optimizer_variables",
        "trainable_variables",
    ]
    assert [v.shape for v in state["trainable_variables"]] == [(2, 1), (1,)]
    assert orbax.waited


def test_best_only_and_batch_frequency(tmp_path, orbax):
    callback = callbacks.OrbaxCheckpoint(
        str(tmp_path),
        monitor="loss",
        save_best_only=True,
        save_freq=2,
        save_weights_only=True,
    )
    callback.set_model(make_model())
    for batch, loss in enumerate([3.0, 2.0, 2.5, 4.0, 1.0, 1.5]):
        callback.on_train_batch_end(batch, {"loss": loss})
    # Checks at batches 2, 4, 6: 2.0 saved, 4.0 not better, 1.5 better.
    assert [step for step, _ in orbax.saves] == [2, 6]
    assert "optimizer_variables" not in orbax.saves[0][1]
