"""`ProgbarLogger`: the text of fit, evaluate and predict, with a fake clock."""

import pytest

from keras_core import callbacks
from keras_core import ops
from keras_core._src import backend
from keras_core._src.utils import progbar as progbar_module

BOLD, END, GREEN, WHITE = "\x1b[1m", "\x1b[0m", "\x1b[32m", "\x1b[37m"


@pytest.fixture(autouse=True)
def terminal(monkeypatch):
    """These tests check the text drawn in a terminal (redrawn with \\r)."""
    monkeypatch.setattr(progbar_module, "_dynamic_display", lambda: True)


def bar(current, target, done):
    green = f"{GREEN}{'━' * done}{END}" if done else ""
    return f"{BOLD}{current}/{target}{END} {green}{WHITE}{'━' * (20 - done)}{END}"


def make_list(verbose, epochs, steps):
    callback_list = callbacks.CallbackList(
        add_history=True, add_progbar=True, verbose=verbose, epochs=epochs, steps=steps
    )
    callback_list._progbar_logger = callback_list.callbacks[-1]
    return callback_list


def fit(clock, callback_list, epochs, steps, validate=False):
    callback_list.on_train_begin()
    for epoch in range(epochs):
        callback_list.on_epoch_begin(epoch)
        for batch in range(steps):
            callback_list.on_train_batch_begin(batch)
            clock.now += 0.25
            callback_list.on_train_batch_end(
                batch, {"loss": float(batch + 1), "acc": 0.5}
            )
        logs = {"loss": 2.0, "acc": 0.5}
        if validate:
            callback_list.on_test_begin()
            callback_list.on_test_batch_end(0, {"loss": 9.0})
            callback_list.on_test_end({"loss": 1.0})
            logs["val_loss"] = 1.0
        callback_list.on_epoch_end(epoch, logs)
    callback_list.on_train_end(logs)


def screens(text):
    """The successive states of the line: each redraw, without erasing."""
    return text.replace("\b", "").split("\r")


def test_fit_verbose_2_prints_one_line_per_epoch(clock, capsys):
    fit(clock, make_list(2, 2, 3), 2, 3, validate=True)
    line = "3/3 - 1s - 250ms/step - acc: 0.5000 - loss: 2.0000 - val_loss: 1.0000\n"
    assert capsys.readouterr().out == f"Epoch 1/2\n{line}Epoch 2/2\n{line}"


def test_fit_verbose_1_draws_sorted_logs_as_given(clock, capsys):
    fit(clock, make_list(1, 1, 3), 1, 3, validate=True)
    out = screens(capsys.readouterr().out)
    # One epoch: no "Epoch 1/1" line; validation draws nothing of its own.
    assert out[0] == ""
    assert (
        out[1]
        == f"{bar(1, 3, 6)} {BOLD}0s{END} 250ms/step - acc: 0.5000 - loss: 1.0000"
    )
    # Logs are running results: shown as given, not averaged again.
    assert (
        out[2]
        == f"{bar(2, 3, 13)} {BOLD}0s{END} 250ms/step - acc: 0.5000 - loss: 2.0000"
    )
    assert (
        out[3]
        == f"{bar(3, 3, 20)} {BOLD}0s{END} 250ms/step - acc: 0.5000 - loss: 3.0000"
    )
    assert out[4] == (
        f"{bar(3, 3, 20)} {BOLD}1s{END} 250ms/step - acc: 0.5000 - loss: 2.0000"
        " - val_loss: 1.0000\n"
    )


def test_auto_verbose_is_1(clock, capsys):
    fit(clock, make_list("auto", 2, 1), 2, 1)
    out = capsys.readouterr().out
    assert out.startswith("Epoch 1/2\n\r") and "Epoch 2/2\n\r" in out


def test_unknown_steps_are_learned_from_the_first_epoch(clock, capsys):
    fit(clock, make_list(1, 2, None), 2, 3)
    out = capsys.readouterr().out
    first, second = out.split("Epoch 2/2\n")
    assert "      1/Unknown" in first and "      2/Unknown" in first
    assert screens(first)[-1].startswith(bar(3, 3, 20))
    assert "Unknown" not in second and screens(second)[1].startswith(bar(1, 3, 6))


def test_evaluate_and_predict_draw_their_own_bar(clock, capsys):
    callback_list = make_list(1, 1, None)
    callback_list.on_test_begin()
    for batch in range(2):
        clock.now += 0.25
        callback_list.on_test_batch_end(batch, {"loss": 4.0})
    callback_list.on_test_end({"loss": 3.0})
    out = screens(capsys.readouterr().out)
    assert out[1].startswith("      1/Unknown")
    # 0.5 s elapsed rounds to 0 (half to even).
    assert out[-1] == f"{bar(2, 2, 20)} {BOLD}0s{END} 250ms/step - loss: 3.0000\n"

    callback_list = make_list(2, 1, 2)
    callback_list.on_predict_begin()
    for batch in range(2):
        clock.now += 0.5
        callback_list.on_predict_batch_end(batch, {"outputs": ops.ones((2, 1))})
    callback_list.on_predict_end()
    assert capsys.readouterr().out == "2/2 - 1s - 500ms/step\n"


def test_verbose_0_adds_no_logger(clock, capsys):
    callback_list = callbacks.CallbackList(
        add_history=True, add_progbar=False, verbose=0, epochs=2, steps=3
    )
    assert not any(
        isinstance(c, callbacks.ProgbarLogger) for c in callback_list.callbacks
    )


@pytest.mark.parametrize("verbose", [1, 2])
def test_batch_tensors_are_read_only_when_drawn(clock, capsys, monkeypatch, verbose):
    reads = []
    convert = backend.core.convert_to_numpy

    def counting_convert(value):
        reads.append(value)
        return convert(value)

    monkeypatch.setattr(backend.core, "convert_to_numpy", counting_convert)
    callback_list = make_list(verbose, 1, 100)
    callback_list.on_train_begin()
    callback_list.on_epoch_begin(0)
    for batch in range(100):
        clock.now += 1 / 64
        logs = {"loss": ops.convert_to_tensor(1.0), "acc": ops.convert_to_tensor(0.5)}
        callback_list.on_train_batch_end(batch, logs)
    # verbose=1 redraws once 0.05 s passed: every 4th batch of 1/64 s
    # (batches 0, 4, ..., 96: 25 draws of 2 values); verbose=2 draws
    # nothing per batch.
    assert len(reads) == (50 if verbose == 1 else 0)
    callback_list.on_epoch_end(0, {"loss": 1.0, "acc": 0.5})
    assert capsys.readouterr().out.endswith("acc: 0.5000 - loss: 1.0000\n")


def test_output_that_is_not_a_terminal_gets_one_line_per_epoch(
    clock, capsys, monkeypatch
):
    monkeypatch.setattr(progbar_module, "_dynamic_display", lambda: False)
    callback_list = make_list(1, 2, 4)
    fit(clock, callback_list, 2, 4)
    out = capsys.readouterr().out
    assert "\r" not in out
    assert "\x1b" not in out
    lines = out.splitlines()
    assert lines[0] == "Epoch 1/2"
    assert lines[1].startswith("4/4 - 1s - 250ms/step")
    assert lines[2] == "Epoch 2/2"
    assert len(lines) == 4
