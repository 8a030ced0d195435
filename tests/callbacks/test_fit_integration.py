"""The callbacks inside real `fit`, `evaluate` and `predict` calls."""

import os
import re

import numpy as np
import pytest

import keras_core
from keras_core import callbacks
from keras_core import layers
from keras_core import optimizers
from keras_core._src.saving import saving_api
from keras_core._src.utils import progbar as progbar_module

pytestmark = pytest.mark.skipif(
    keras_core.config.backend() == "numpy", reason="the NumPy backend cannot train"
)

X = (np.arange(48, dtype="float32").reshape(16, 3) % 7) / 7
Y = X.sum(axis=1, keepdims=True) * 0.5


def make_model(optimizer=None, metrics=None):
    keras_core.utils.set_random_seed(1)
    model = keras_core.Sequential([keras_core.Input((3,)), layers.Dense(1)])
    # Callbacks do not depend on compilation. TensorFlow's first traced
    # step costs about 30 s on this machine, so its steps run eagerly.
    model.compile(
        optimizer=optimizer or optimizers.Adam(0.05),
        loss="mse",
        metrics=metrics,
        run_eagerly=keras_core.config.backend() == "tensorflow",
    )
    return model


def fit(model, epochs=3, **kwargs):
    kwargs.setdefault("verbose", 0)
    return model.fit(X, Y, batch_size=4, epochs=epochs, shuffle=False, **kwargs)


def test_fit_returns_the_history(capsys):
    model = make_model(metrics=["mae"])
    history = fit(model, epochs=2, validation_data=(X, Y), verbose=2)
    assert isinstance(history, callbacks.History) and model.history is history
    assert sorted(history.history) == ["loss", "mae", "val_loss", "val_mae"]
    assert history.epoch == [0, 1]
    out = capsys.readouterr().out
    pattern = (
        r"4/4 - \d+s - \d+[mu]?s/step - loss: \S+ - mae: \S+ - val_loss: \S+ "
        r"- val_mae: \S+\n"
    )
    assert re.fullmatch(f"Epoch 1/2\n{pattern}Epoch 2/2\n{pattern}", out), out


def test_verbose_bar_of_fit_evaluate_and_predict(capsys, monkeypatch):
    # As drawn in a terminal (elsewhere: one plain line per epoch).
    monkeypatch.setattr(progbar_module, "_dynamic_display", lambda: True)
    model = make_model()
    fit(model, epochs=1, verbose=1)
    model.evaluate(X, Y, batch_size=4, verbose=1)
    model.predict(X, batch_size=4, verbose=1)
    out = capsys.readouterr().out.replace("\b", "")
    finals = [line for line in out.split("\r") if line.endswith("\n")]
    assert len(finals) == 3
    assert finals[0].startswith("\x1b[1m4/4\x1b[0m") and "loss:" in finals[0]
    assert "loss:" in finals[1] and "loss" not in finals[2]


def test_early_stopping_stops_fit_and_restores(capsys):
    model = make_model()
    stopper = callbacks.EarlyStopping(
        monitor="loss", min_delta=1e6, patience=1, restore_best_weights=True, verbose=1
    )
    history = fit(model, epochs=10, callbacks=[stopper])
    assert history.epoch == [0, 1] and stopper.stopped_epoch == 1
    assert np.allclose(model.get_weights()[0], stopper.best_weights[0])
    assert capsys.readouterr().out == (
        "Epoch 2: early stopping\n"
        "Restoring model weights from the end of the best epoch: 1.\n"
    )


def test_auto_mode_uses_the_compiled_metric_direction():
    model = make_model(metrics=["mae"])
    stopper = callbacks.EarlyStopping(monitor="val_mae", patience=100)
    fit(model, epochs=1, validation_data=(X, Y), callbacks=[stopper])
    assert stopper.monitor_op(0.0, 1.0)  # lower is better for an error


def test_learning_rate_callbacks_log_the_rate():
    model = make_model(optimizer=optimizers.SGD(0.1))
    scheduler = callbacks.LearningRateScheduler(lambda epoch, lr: lr * 0.5)
    history = fit(model, epochs=3, callbacks=[scheduler])
    assert history.history["learning_rate"] == pytest.approx([0.05, 0.025, 0.0125])
    model = make_model(optimizer=optimizers.SGD(0.1))
    plateau = callbacks.ReduceLROnPlateau(monitor="loss", min_delta=1e6, patience=1)
    history = fit(model, epochs=3, callbacks=[plateau])
    assert history.history["learning_rate"] == pytest.approx([0.1, 0.1, 0.01])


def test_model_checkpoint_files_load_back(tmp_path):
    model = make_model()
    template = str(tmp_path / "m_{epoch}.keras")
    weights = str(tmp_path / "w_{epoch}_{batch}.weights.h5")
    fit(
        model,
        epochs=2,
        callbacks=[
            callbacks.ModelCheckpoint(template),
            callbacks.ModelCheckpoint(weights, save_weights_only=True, save_freq=3),
        ],
    )
    assert sorted(os.listdir(tmp_path)) == [
        "m_1.keras",
        "m_2.keras",
        "w_1_3.weights.h5",
        "w_2_2.weights.h5",
    ]
    loaded = saving_api.load_model(str(tmp_path / "m_2.keras"))
    np.testing.assert_allclose(
        loaded.predict(X, verbose=0), model.predict(X, verbose=0)
    )


def test_backup_and_restore_resumes_to_the_same_weights(tmp_path):
    class Interrupt(callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            if epoch == 2:
                raise RuntimeError("interrupted")

    backup_dir = str(tmp_path / "backup")
    interrupted = make_model()
    with pytest.raises(RuntimeError, match="interrupted"):
        fit(
            interrupted,
            epochs=4,
            callbacks=[callbacks.BackupAndRestore(backup_dir), Interrupt()],
        )
    resumed = make_model()
    history = fit(resumed, epochs=4, callbacks=[callbacks.BackupAndRestore(backup_dir)])
    assert history.epoch == [2, 3]
    assert not os.path.exists(backup_dir)
    reference = make_model()
    fit(reference, epochs=4)
    for got, expected in zip(
        resumed.get_weights(), reference.get_weights(), strict=True
    ):
        np.testing.assert_allclose(got, expected, rtol=1e-6)
    assert int(resumed.optimizer.iterations.numpy()) == 16


def test_terminate_on_nan_stops_after_the_batch():
    model = make_model()
    y = Y.copy()
    y[5] = np.nan
    history = model.fit(
        X,
        y,
        batch_size=4,
        epochs=3,
        shuffle=False,
        verbose=0,
        callbacks=[callbacks.TerminateOnNaN()],
    )
    assert history.epoch == [0]


def test_csv_logger_and_tensorboard_in_fit(tmp_path):
    model = make_model()
    csv_path = tmp_path / "log.csv"
    fit(
        model,
        epochs=2,
        validation_data=(X, Y),
        callbacks=[
            callbacks.CSVLogger(str(csv_path)),
            callbacks.TensorBoard(str(tmp_path / "tb"), histogram_freq=1),
        ],
    )
    lines = csv_path.read_text().splitlines()
    assert lines[0] == "epoch,loss,val_loss" and len(lines) == 3
    assert os.listdir(tmp_path / "tb" / "train")
    assert os.listdir(tmp_path / "tb" / "validation")


def test_swap_ema_weights_in_fit():
    model = make_model(optimizer=optimizers.SGD(0.1, use_ema=True, ema_momentum=0.5))
    swap = callbacks.SwapEMAWeights(swap_on_epoch=True)
    history = fit(model, epochs=2, validation_data=(X, Y), callbacks=[swap])
    averages = [v.numpy() for v in model.optimizer._average_variables]
    for weight, average in zip(model.get_weights(), averages, strict=True):
        np.testing.assert_allclose(weight, average)
    # Validation ran on the averages: the last val_loss is their loss.
    assert history.history["val_loss"][-1] == pytest.approx(
        model.evaluate(X, Y, batch_size=4, verbose=0), rel=1e-5
    )


def test_lambda_callback_sees_every_phase():
    seen = []
    hooks = callbacks.LambdaCallback(
        on_train_begin=lambda logs: seen.append("train"),
        on_epoch_end=lambda epoch, logs: seen.append(("epoch", epoch, sorted(logs))),
        on_test_end=lambda logs: seen.append("test"),
        on_predict_batch_end=lambda batch, logs: seen.append(
            ("predict", batch, sorted(logs))
        ),
    )
    model = make_model()
    fit(model, epochs=1, validation_data=(X, Y), callbacks=[hooks])
    model.predict(X[:4], batch_size=4, verbose=0, callbacks=[hooks])
    assert seen == [
        "train",
        "test",
        ("epoch", 0, ["loss", "val_loss"]),
        ("predict", 0, ["outputs"]),
    ]
