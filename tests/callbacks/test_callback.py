"""`Callback`, `CallbackList`, `History`, `LambdaCallback` and the public
namespace `keras_core.callbacks`."""

import inspect

import pytest

from keras_core import callbacks
from keras_core._src import api_export

PUBLIC_NAMES = [
    "BackupAndRestore",
    "CSVLogger",
    "Callback",
    "CallbackList",
    "EarlyStopping",
    "History",
    "LambdaCallback",
    "LearningRateScheduler",
    "ModelCheckpoint",
    "OrbaxCheckpoint",
    "ProgbarLogger",
    "ReduceLROnPlateau",
    "RemoteMonitor",
    "SwapEMAWeights",
    "TensorBoard",
    "TerminateOnNaN",
]

BATCH_HOOKS = [
    f"on_{kind}_batch_{when}"
    for kind in ("train", "test", "predict")
    for when in ("begin", "end")
] + ["on_batch_begin", "on_batch_end"]
EPOCH_HOOKS = ["on_epoch_begin", "on_epoch_end"]
LOOP_HOOKS = [
    f"on_{kind}_{when}"
    for kind in ("train", "test", "predict")
    for when in ("begin", "end")
]


class Recorder(callbacks.Callback):
    """Records every hook call as `(hook, args)`."""

    def __init__(self, calls):
        super().__init__()
        self.calls = calls

    def __getattribute__(self, name):
        if name.startswith("on_"):
            calls = object.__getattribute__(self, "calls")
            return lambda *args: calls.append((name, args))
        return object.__getattribute__(self, name)


def test_namespace_has_the_sixteen_keras_names():
    assert sorted(n for n in dir(callbacks) if not n.startswith("_")) == PUBLIC_NAMES
    for name in PUBLIC_NAMES:
        cls = getattr(callbacks, name)
        assert issubclass(cls, callbacks.Callback)
        assert api_export.public_location(cls) == ("keras.callbacks", name)


def test_callback_defaults_and_hooks_do_nothing():
    callback = callbacks.Callback()
    assert callback.params is None and callback.model is None
    for hook in BATCH_HOOKS + EPOCH_HOOKS:
        assert getattr(callback, hook)(0, {"loss": 1.0}) is None
    for hook in LOOP_HOOKS:
        assert getattr(callback, hook)({}) is None
    callback.set_params({"epochs": 2})
    model = object()
    callback.set_model(model)
    assert callback.params == {"epochs": 2} and callback.model is model


def test_train_batch_hooks_default_to_on_batch_hooks():
    seen = []

    class OldStyle(callbacks.Callback):
        def on_batch_begin(self, batch, logs=None):
            seen.append(("begin", batch, logs))

        def on_batch_end(self, batch, logs=None):
            seen.append(("end", batch, logs))

    callback = OldStyle()
    callback.on_train_batch_begin(3, {})
    callback.on_train_batch_end(3, {"loss": 2.0})
    callback.on_test_batch_end(3, {"loss": 9.0})
    assert seen == [("begin", 3, {}), ("end", 3, {"loss": 2.0})]


def test_callback_list_dispatches_every_hook_in_order():
    calls = []
    first, second = Recorder(calls), Recorder(calls)
    callback_list = callbacks.CallbackList([first, [second]])
    assert callback_list.callbacks == [first, second]
    for hook in BATCH_HOOKS + EPOCH_HOOKS:
        calls.clear()
        getattr(callback_list, hook)(4, {"x": 1})
        assert calls == [(hook, (4, {"x": 1}))] * 2
    for hook in LOOP_HOOKS:
        calls.clear()
        getattr(callback_list, hook)()
        # None logs become an empty dict.
        assert calls == [(hook, ({},))] * 2


def test_callback_list_sets_model_and_params():
    model = object()
    inner = callbacks.Callback()
    callback_list = callbacks.CallbackList([inner], model=model, epochs=3, steps=5)
    assert callback_list.model is model and inner.model is model
    assert callback_list.params == {"epochs": 3, "steps": 5}
    assert inner.params == {"epochs": 3, "steps": 5}
    # Without params, the callbacks' params are left alone.
    untouched = callbacks.Callback()
    assert callbacks.CallbackList([untouched]).params == {}
    assert untouched.params is None


def test_callback_list_adds_history_and_progbar_once():
    default = callbacks.CallbackList(add_history=True, add_progbar=True)
    assert [type(c) for c in default.callbacks] == [
        callbacks.History,
        callbacks.ProgbarLogger,
    ]
    history, progbar = callbacks.History(), callbacks.ProgbarLogger()
    given = callbacks.CallbackList(
        [progbar, history], add_history=True, add_progbar=True
    )
    assert given.callbacks == [progbar, history]
    assert callbacks.CallbackList([], add_history=False).callbacks == []


def test_callback_list_refuses_non_callbacks():
    with pytest.raises(TypeError, match="Received: 1 of type int"):
        callbacks.CallbackList([1])
    with pytest.raises(TypeError, match="callbacks='abc' of type str"):
        callbacks.CallbackList("abc")


def test_callback_list_signature():
    parameters = list(inspect.signature(callbacks.CallbackList).parameters)
    assert parameters == ["callbacks", "add_history", "add_progbar", "model", "params"]


class Holder:
    history = None


def test_history_records_epochs_and_sets_model_history():
    history = callbacks.History()
    model = Holder()
    history.set_model(model)
    history.on_train_begin()
    assert model.history is history and history.epoch == []
    history.on_epoch_end(0, {"loss": 1.0})
    history.on_epoch_end(1, {"loss": 0.5, "val_loss": 0.7})
    history.on_epoch_end(2, None)
    assert history.history == {"loss": [1.0, 0.5], "val_loss": [0.7]}
    assert history.epoch == [0, 1, 2]
    # A new fit restarts the epochs and keeps adding to the history.
    history.on_train_begin()
    history.on_epoch_end(0, {"loss": 0.25})
    assert history.epoch == [0] and history.history["loss"] == [1.0, 0.5, 0.25]


def test_lambda_callback_calls_the_given_functions():
    calls = []
    callback = callbacks.LambdaCallback(
        on_epoch_begin=lambda epoch, logs: calls.append(("epoch_begin", epoch)),
        on_epoch_end=lambda epoch, logs: calls.append(("epoch_end", epoch, logs)),
        on_train_begin=lambda logs: calls.append("train_begin"),
        on_train_end=lambda logs: calls.append("train_end"),
        on_train_batch_end=lambda batch, logs: calls.append(("batch_end", batch)),
        on_test_begin=lambda logs: calls.append("test_begin"),
        on_predict_batch_end=lambda batch, logs: calls.append(("predict", batch)),
    )
    callback_list = callbacks.CallbackList([callback])
    callback_list.on_train_begin()
    callback_list.on_epoch_begin(0)
    callback_list.on_train_batch_begin(0)
    callback_list.on_train_batch_end(0, {"loss": 1.0})
    callback_list.on_epoch_end(0, {"loss": 1.0})
    callback_list.on_test_begin()
    callback_list.on_predict_batch_end(2, {"outputs": None})
    callback_list.on_train_end()
    assert calls == [
        "train_begin",
        ("epoch_begin", 0),
        ("batch_end", 0),
        ("epoch_end", 0, {"loss": 1.0}),
        "test_begin",
        ("predict", 2),
        "train_end",
    ]


def test_lambda_callback_on_batch_hooks_serve_training_batches():
    calls = []
    callback = callbacks.LambdaCallback(
        on_batch_begin=lambda batch, logs: calls.append(("begin", batch)),
        on_batch_end=lambda batch, logs: calls.append(("end", batch)),
    )
    callback.on_train_batch_begin(1, {})
    callback.on_train_batch_end(1, {})
    assert calls == [("begin", 1), ("end", 1)]


def test_lambda_callback_refuses_unknown_hooks_and_non_functions():
    with pytest.raises(TypeError, match=r"unknown hook names \['on_foo'\]"):
        callbacks.LambdaCallback(on_foo=print)
    with pytest.raises(TypeError, match="`on_epoch_end` must be a function"):
        callbacks.LambdaCallback(on_epoch_end=3)
