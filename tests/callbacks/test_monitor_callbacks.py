"""`EarlyStopping`, `ReduceLROnPlateau`, `LearningRateScheduler`,
`TerminateOnNaN` and the monitored-quantity rules they share."""

import operator
import warnings

import numpy as np
import pytest

from keras_core import callbacks
from keras_core import ops

MODE_ERROR = (
    "callback received monitor={}, but Keras isn't able to automatically "
    "determine whether that metric should be maximized or minimized"
)


def run_early_stopping(fake_model, values, **kwargs):
    """Runs epochs with `val_loss` values; returns per-epoch states."""
    callback = callbacks.EarlyStopping(**kwargs)
    model = fake_model()
    callback.set_model(model)
    callback.on_train_begin()
    states = []
    for epoch, value in enumerate(values):
        model.weights_value = epoch
        callback.on_epoch_end(epoch, {} if value is None else {"val_loss": value})
        states.append((callback.wait, callback.best, model.stop_training))
        if model.stop_training:
            break
    callback.on_train_end()
    return callback, model, states


def test_early_stopping_patience(fake_model):
    callback, _, states = run_early_stopping(fake_model, [5, 4, 4, 4, 4], patience=2)
    assert states == [(0, 5, False), (0, 4, False), (1, 4, False), (2, 4, True)]
    assert callback.stopped_epoch == 3 and callback.best_epoch == 1


def test_early_stopping_min_delta_needs_a_larger_change(fake_model):
    _, _, states = run_early_stopping(
        fake_model, [5, 4, 3.95, 3.9], patience=1, min_delta=0.1
    )
    # 3.95 is not below 4 - 0.1: no improvement.
    assert states == [(0, 5, False), (0, 4, False), (1, 4, True)]


def test_early_stopping_baseline(fake_model):
    # Improvements count only once below the baseline 2.5.
    _, _, states = run_early_stopping(
        fake_model, [5, 4, 3, 2, 1], patience=1, baseline=2.5
    )
    assert [s[0] for s in states] == [1, 2, 3, 0, 0]
    assert not any(s[2] for s in states)
    callback, _, states = run_early_stopping(
        fake_model, [5, 6, 7], patience=1, baseline=2.5
    )
    assert states[-1] == (2, 5, True) and callback.stopped_epoch == 1


def test_early_stopping_start_from_epoch(fake_model):
    _, _, states = run_early_stopping(
        fake_model, [5, 6, 7, 8], patience=1, start_from_epoch=2
    )
    assert states == [(0, None, False), (0, None, False), (0, 7, False), (1, 7, True)]


def test_early_stopping_restores_best_weights_with_messages(fake_model, capsys):
    callback, model, _ = run_early_stopping(
        fake_model, [5, 3, 4, 4, 4], patience=2, restore_best_weights=True, verbose=1
    )
    assert model.weights_value == 1
    assert capsys.readouterr().out == (
        "Epoch 4: early stopping\n"
        "Restoring model weights from the end of the best epoch: 2.\n"
    )
    # Restored at the end of training even without an early stop.
    callback, model, _ = run_early_stopping(
        fake_model, [5, 6, 7], patience=5, restore_best_weights=True, verbose=1
    )
    assert model.weights_value == 0 and callback.stopped_epoch == 0
    assert capsys.readouterr().out == (
        "Restoring model weights from the end of the best epoch: 1.\n"
    )


def test_early_stopping_missing_value_warns_and_skips(fake_model):
    with pytest.warns(UserWarning, match="`val_loss` which is not available"):
        _, _, states = run_early_stopping(fake_model, [5, None, 7], patience=0)
    assert states == [(0, 5, False), (0, 5, False), (1, 5, True)]


def test_early_stopping_max_mode_and_defaults(fake_model):
    _, _, states = run_early_stopping(fake_model, [0.1, 0.5, 0.2], mode="max")
    assert states == [(0, 0.1, False), (0, 0.5, False), (1, 0.5, True)]
    callback = callbacks.EarlyStopping(min_delta=-0.5)
    assert (callback.monitor, callback.patience, callback.min_delta) == (
        "val_loss",
        0,
        0.5,
    )


def test_auto_mode_reads_metric_directions(fake_model, fake_metric):
    compiled = fake_metric(
        "compile_metrics",
        metrics=[fake_metric("auc", "up"), fake_metric("mae", "down")],
    )
    model = fake_model(metrics=[fake_metric("loss"), compiled])
    for monitor, expected in [
        ("val_loss", operator.lt),
        ("loss", operator.lt),
        ("val_auc", operator.gt),
        ("auc", operator.gt),
        ("val_mae", operator.lt),
    ]:
        for cls in (callbacks.EarlyStopping, callbacks.ReduceLROnPlateau):
            callback = cls(monitor=monitor, min_delta=0.01)
            callback.set_model(model)
            callback.on_train_begin()
            callback.on_epoch_end(0, {monitor: 1.0})
            assert callback.monitor_op is expected, (cls, monitor)
            # min_delta carries the direction's sign.
            assert (callback.min_delta <= 0) == (expected is operator.lt)


@pytest.mark.parametrize("monitor", ["custom", "foo_acc", "val_bar"])
@pytest.mark.parametrize("cls", [callbacks.EarlyStopping, callbacks.ReduceLROnPlateau])
def test_auto_mode_without_direction_is_an_error(fake_model, fake_metric, cls, monitor):
    model = fake_model(metrics=[fake_metric("custom")])
    callback = cls(monitor=monitor)
    callback.set_model(model)
    callback.on_train_begin()
    with pytest.raises(
        ValueError, match=cls.__name__ + " " + MODE_ERROR.format(monitor)
    ):
        callback.on_epoch_end(0, {monitor: 1.0})


def test_unknown_mode_falls_back_to_auto():
    for cls in (callbacks.EarlyStopping, callbacks.ReduceLROnPlateau):
        with pytest.warns(UserWarning, match=f"{cls.__name__} mode 'bad' is unknown"):
            assert cls(mode="bad").mode == "auto"


def run_plateau(fake_model, values, **kwargs):
    callback = callbacks.ReduceLROnPlateau(**kwargs)
    model = fake_model(learning_rate=1.0)
    callback.set_model(model)
    callback.on_train_begin()
    states = []
    for epoch, value in enumerate(values):
        logs = {"val_loss": value}
        callback.on_epoch_end(epoch, logs)
        learning_rate = float(ops.convert_to_numpy(model.optimizer.learning_rate))
        states.append((callback.wait, callback.cooldown_counter, learning_rate))
        assert logs["learning_rate"] == pytest.approx(
            states[-2][2] if len(states) > 1 else 1.0
        )
    return states


def test_reduce_lr_patience_and_cooldown(fake_model, capsys):
    states = run_plateau(
        fake_model, [5] * 6, patience=1, factor=0.5, cooldown=2, verbose=1
    )
    assert states == [
        (0, 0, 1.0),
        (0, 2, 0.5),
        (0, 1, 0.5),
        (0, 2, 0.25),
        (0, 1, 0.25),
        (0, 2, 0.125),
    ]
    assert capsys.readouterr().out == "".join(
        f"\nEpoch {e}: ReduceLROnPlateau reducing learning rate to {lr}.\n"
        for e, lr in [(2, 0.5), (4, 0.25), (6, 0.125)]
    )


def test_reduce_lr_stops_at_min_lr(fake_model):
    states = run_plateau(fake_model, [5] * 5, patience=0, factor=0.1, min_lr=0.05)
    # 1 -> 0.1 -> max(0.01, 0.05); then the wait grows without reductions.
    assert [s[0] for s in states] == [0, 0, 0, 1, 2]
    assert [s[2] for s in states] == pytest.approx([1.0, 0.1, 0.05, 0.05, 0.05])


def test_reduce_lr_min_delta(fake_model):
    states = run_plateau(fake_model, [5, 4.99995, 4.9], patience=1, factor=0.5)
    assert [s[2] for s in states] == [1.0, 0.5, 0.5]


def test_reduce_lr_arguments(fake_model):
    with pytest.raises(ValueError, match=r"does not support a factor >= 1\.0"):
        callbacks.ReduceLROnPlateau(factor=1.0)
    with pytest.warns(UserWarning, match=r"ignores the arguments \['epsilon'\]"):
        callback = callbacks.ReduceLROnPlateau(epsilon=0.5)
    assert callback.min_delta == 1e-4
    callback.set_model(fake_model())
    with pytest.warns(UserWarning, match="`val_loss` which is not available"):
        callback.on_epoch_end(0, {"loss": 1.0})


def test_learning_rate_scheduler_two_and_one_argument_forms(fake_model, capsys):
    model = fake_model(learning_rate=0.5)
    scheduler = callbacks.LearningRateScheduler(lambda epoch, lr: lr * 0.5, verbose=1)
    scheduler.set_model(model)
    scheduler.on_epoch_begin(0)
    logs = {"loss": 1.0}
    scheduler.on_epoch_end(0, logs)
    assert logs == {"loss": 1.0, "learning_rate": 0.25}
    assert capsys.readouterr().out == (
        "\nEpoch 1: LearningRateScheduler setting learning rate to 0.25.\n"
    )
    scheduler = callbacks.LearningRateScheduler(lambda epoch: 0.1 * (epoch + 1))
    scheduler.set_model(model)
    scheduler.on_epoch_begin(2)
    assert float(ops.convert_to_numpy(model.optimizer.learning_rate)) == (
        pytest.approx(0.3)
    )
    scheduler = callbacks.LearningRateScheduler(lambda epoch: np.float32(0.125))
    scheduler.set_model(model)
    scheduler.on_epoch_begin(0)
    assert float(ops.convert_to_numpy(model.optimizer.learning_rate)) == 0.125


def test_learning_rate_scheduler_errors(fake_model):
    model = fake_model()

    def constant(output):
        return lambda epoch: output

    for output in ["x", 1, np.array([0.1, 0.2]), None]:
        scheduler = callbacks.LearningRateScheduler(constant(output))
        scheduler.set_model(model)
        with pytest.raises(ValueError, match=r"should be a float\. Got: "):
            scheduler.on_epoch_begin(0)

    class NoOptimizer:
        optimizer = object()

    scheduler = callbacks.LearningRateScheduler(lambda epoch: 0.1)
    scheduler.set_model(NoOptimizer())
    with pytest.raises(ValueError, match='must have a "learning_rate" attribute'):
        scheduler.on_epoch_begin(0)
    with pytest.raises(TypeError, match="expects `schedule` to be a function"):
        callbacks.LearningRateScheduler(0.1)


def test_learning_rate_scheduler_does_not_hide_type_errors(fake_model):
    def broken(epoch, lr):
        raise TypeError("inside the schedule")

    scheduler = callbacks.LearningRateScheduler(broken)
    scheduler.set_model(fake_model())
    with pytest.raises(TypeError, match="inside the schedule"):
        scheduler.on_epoch_begin(0)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "tensor"])
def test_terminate_on_nan(fake_model, capsys, bad):
    loss = ops.convert_to_tensor(float("-inf")) if bad == "tensor" else bad
    model = fake_model()
    callback = callbacks.TerminateOnNaN()
    callback.set_model(model)
    callback.on_train_batch_end(2, {"loss": 1.0})
    callback.on_train_batch_end(2, {})
    assert not model.stop_training
    callback.on_train_batch_end(3, {"loss": loss})
    assert model.stop_training
    assert capsys.readouterr().out == "Batch 3: Invalid loss, terminating training\n"
    raising = callbacks.TerminateOnNaN(raise_error=True)
    raising.set_model(fake_model())
    expected = "-inf" if bad == "tensor" else str(bad)
    with pytest.raises(
        RuntimeError,
        match=f"NaN or Inf loss encountered at batch 5. Loss value: {expected}. "
        "Terminating training immediately.",
    ):
        raising.on_train_batch_end(5, {"loss": loss})


def test_terminate_on_nan_ignores_other_logs_and_epochs(fake_model):
    model = fake_model()
    callback = callbacks.TerminateOnNaN(raise_error=True)
    callback.set_model(model)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        callback.on_train_batch_end(0, {"acc": float("nan")})
        callback.on_epoch_end(0, {"loss": float("nan")})
    assert not model.stop_training
