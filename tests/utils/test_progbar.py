"""`keras_core.utils.Progbar` and interactive logging, with a fake clock.

Expected texts are written out by hand from the bar's layout: bold count,
green done part and white rest of 20 `━`, bold ETA (or elapsed time when
finished), time per step, then ` - name: value` items.
"""

import logging
import sys
import time

import numpy as np
import pytest

import keras_core
from keras_core import ops
from keras_core._src import backend
from keras_core._src.utils import io_utils
from keras_core._src.utils import progbar as progbar_module
from keras_core._src.utils.progbar import Progbar

BOLD, END, GREEN, WHITE = "\x1b[1m", "\x1b[0m", "\x1b[32m", "\x1b[37m"


def bar(current, target, done, width=20):
    digits = len(str(target))
    count = f"{BOLD}{str(current).rjust(digits)}/{target}{END} "
    green = f"{GREEN}{'━' * done}{END}" if done else ""
    return count + green + f"{WHITE}{'━' * (width - done)}{END}"


def bold(text):
    return f"{BOLD}{text}{END}"


class Clock:
    def __init__(self, now=1000.0):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr(time, "time", fake)
    return fake


def run(clock, capsys, target, updates, dynamic=True, **kwargs):
    """Makes a Progbar and applies `(seconds, current, values, finalize)`s."""
    progbar = Progbar(target, **kwargs)
    progbar._dynamic_display = dynamic
    for seconds, current, values, finalize in updates:
        clock.now += seconds
        progbar.update(current, values, finalize=finalize)
    return capsys.readouterr().out


def test_public_exports():
    assert keras_core.utils.Progbar is Progbar
    assert keras_core.utils.enable_interactive_logging is (
        io_utils.enable_interactive_logging
    )
    assert keras_core.utils.disable_interactive_logging is (
        io_utils.disable_interactive_logging
    )
    assert keras_core.utils.is_interactive_logging_enabled is (
        io_utils.is_interactive_logging_enabled
    )


def test_defaults():
    bar_ = Progbar(5)
    assert (bar_.target, bar_.width, bar_.verbose, bar_.interval) == (5, 20, 1, 0.05)
    assert bar_.unit_name == "step" and bar_.stateful_metrics == set()


def test_terminal_bar_redraws_in_place_with_running_means(clock, capsys):
    out = run(
        clock,
        capsys,
        3,
        [
            (0.5, 1, [("loss", 1.0), ("acc", 0.5)], None),
            (0.5, 2, [("loss", 3.0), ("acc", 0.7)], None),
            (0.5, 3, [("loss", 5.0), ("acc", 0.9)], None),
        ],
    )
    line1 = f"{bar(1, 3, 6)} {bold('1s')} 500ms/step - loss: 1.0000 - acc: 0.5000"
    # Width on screen: 4 + 20 + 3 + 11 + 15 + 14 characters.
    back = "\b" * 67
    line2 = f"{bar(2, 3, 13)} {bold('0s')} 500ms/step - loss: 2.0000 - acc: 0.6000"
    # Finished: elapsed time (1.5 s rounds to 2), last values as given.
    line3 = f"{bar(3, 3, 20)} {bold('2s')} 500ms/step - loss: 5.0000 - acc: 0.9000"
    assert out == f"\r{line1}{back}\r{line2}{back}\r{line3}\n"


def test_redraws_at_most_once_per_interval(clock, capsys):
    out = run(
        clock,
        capsys,
        10,
        [
            (0.01, 1, [("loss", 1.0)], None),
            (0.01, 2, [("loss", 3.0)], None),
            (0.1, 3, [("loss", 5.0)], None),
        ],
    )
    lines = out.replace("\b", "").split("\r")[1:]
    assert len(lines) == 2
    # The skipped update still counts: mean of 1, 3, 5; the time per step
    # leaves out the first one: (0.12 - 0.01) / 2.
    assert lines[1] == f"{bar(3, 10, 6)} {bold('0s')} 55ms/step - loss: 3.0000"


def test_eta_and_time_per_unit_formats(clock, capsys):
    out = run(
        clock,
        capsys,
        1000,
        [
            (2.0, 1, [("loss", 1e-4)], None),
            (4000.0, 10, [("loss", 3.0)], None),
            (0.5, 500, None, None),
        ],
    )
    lines = out.replace("\b", "").split("\r")[1:]
    # 2 s/step, 999 steps left: 1998 s = 33:18; small values in e-notation.
    assert lines[0] == f"{bar(1, 1000, 0)} {bold('33:18')} 2s/step - loss: 1.0000e-04"
    # 4000 s over 9 steps: 444.4 s/step, 990 steps left: 122:13:20.
    assert lines[1].startswith(f"{bar(10, 1000, 0)} {bold('122:13:20')} 444s/step")
    # Mean of 1e-4 (1 step) and 3.0 (9 steps) = 2.70001.
    assert lines[1].endswith("loss: 2.7000")
    # 4000.5 s over 499 steps = 8.017 s/step; 500 left: 4008 s = 1:06:48.
    assert lines[2].startswith(f"{bar(500, 1000, 10)} {bold('1:06:48')} 8s/step")
    # No value given: the mean stays; padded over the longer previous line.
    assert lines[2].endswith(" - loss: 2.7000    ")


def test_microseconds_and_unit_name(clock, capsys):
    out = run(
        clock,
        capsys,
        3,
        [(0.0005, 1, None, None), (0.0005, 3, None, None)],
        unit_name="sample",
    )
    # 0.5 ms between the first and the third step, over 2 steps.
    assert out.endswith(f"{bar(3, 3, 20)} {bold('0s')} 250us/sample\n")


def test_unknown_target_counts_steps(clock, capsys):
    out = run(
        clock,
        capsys,
        None,
        [(0.5, 1, [("loss", 1.0)], None), (0.5, 2, [("loss", 5.0)], True)],
    )
    lines = out.replace("\b", "").split("\r")[1:]
    assert lines[0] == f"      1/Unknown {bold('0s')} 500ms/step - loss: 1.0000"
    # The final line is shorter than the previous one: padded with spaces.
    assert lines[1] == f"      2/Unknown {bold('1s')} 500ms/step - loss: 5.0000\n"


def test_shorter_line_is_padded_to_erase_the_previous_one(clock, capsys):
    out = run(
        clock,
        capsys,
        3,
        [(0.5, 1, [("loss", -0.0005)], None), (0.5, 2, [("loss", 12345.678)], False)],
    )
    line2 = out.split("\r")[2]
    # Line 1 ends with " - loss: -5.0000e-04" (20), line 2 with
    # " - loss: 6172.8387" (18): two spaces of padding.
    assert line2.endswith("loss: 6172.8387  ")


def test_verbose_2_prints_one_line_at_the_end(clock, capsys):
    out = run(
        clock,
        capsys,
        3,
        [
            (0.5, 1, [("loss", -1.0)], None),
            (0.5, 3, [("loss", -2.0), ("b", 0.0)], None),
        ],
        verbose=2,
    )
    # Only values above 1e-3 use fixed notation on this line.
    assert out == "3/3 - 1s - 250ms/step - loss: -2.0000e+00 - b: 0.0000e+00\n"


def test_verbose_2_without_target_and_verbose_0_print_nothing(clock, capsys):
    assert run(clock, capsys, None, [(0.5, 2, [("x", 1.0)], True)], verbose=2) == ""
    assert run(clock, capsys, 2, [(0.5, 2, [("x", 1.0)], None)], verbose=0) == ""


def test_stateful_and_stateless_metrics(clock, capsys):
    updates = [
        (0.5, 1, [("loss", 1.0), ("acc", 0.5)], None),
        (0.5, 2, [("loss", 3.0), ("acc", 0.7)], None),
    ]
    out = run(clock, capsys, 3, updates, stateful_metrics=["loss"])
    assert out.endswith("loss: 3.0000 - acc: 0.6000")
    out = run(clock, capsys, 3, updates, stateless_metrics=["loss"])
    assert out.endswith("loss: 2.0000 - acc: 0.7000")
    out = run(clock, capsys, 3, updates, stateless_metrics=set())
    assert out.endswith("loss: 3.0000 - acc: 0.7000")
    with pytest.raises(ValueError, match="not both"):
        Progbar(3, stateful_metrics=["a"], stateless_metrics=["b"])


def test_means_weight_each_value_by_the_steps_it_covers(clock, capsys):
    # 1.0 for two steps, then 4.0 for one: (2 + 4) / 3.
    out = run(
        clock, capsys, 3, [(0.5, 2, [("x", 1.0)], None), (0.5, 3, [("x", 4.0)], False)]
    )
    assert out.endswith("x: 2.0000")


def test_arrays_tensors_and_strings(clock, capsys):
    out = run(
        clock,
        capsys,
        3,
        [
            (0.5, 1, [("x", np.array([1.0, 3.0])), ("s", "abc")], None),
            (0.5, 2, [("x", ops.convert_to_tensor(3.0)), ("s", "de")], None),
        ],
    )
    # Strings are shown as given (one space pads over "abc").
    assert out.endswith("x: 2.5000 - s: de ")


def test_tensor_values_are_read_only_when_drawn(clock, capsys, monkeypatch):
    reads = []
    convert = backend.core.convert_to_numpy

    def counting_convert(value):
        reads.append(value)
        return convert(value)

    monkeypatch.setattr(backend.core, "convert_to_numpy", counting_convert)
    progbar = Progbar(100, interval=10.0)
    progbar._dynamic_display = True
    for step in range(1, 51):
        clock.now += 0.01
        progbar.update(step, [("loss", ops.convert_to_tensor(float(step)))])
    # Only the first update was drawn (the interval is 10 s).
    assert len(reads) == 1
    progbar.update(100, [("loss", ops.convert_to_tensor(7.0))])
    assert len(reads) == 2
    assert capsys.readouterr().out.endswith("loss: 7.0000 \n")


def test_add_advances_by_n(clock, capsys):
    progbar = Progbar(10)
    progbar._dynamic_display = True
    clock.now += 1.0
    progbar.add(3, [("x", 1.0)])
    clock.now += 1.0
    progbar.add(2, [("x", 2.0)])
    out = capsys.readouterr().out
    # Three steps of 1.0 then two of 2.0; 2 s over 5 steps.
    assert progbar._seen_so_far == 5
    assert out.endswith(f"{bar(5, 10, 10)} {bold('2s')} 400ms/step - x: 1.4000")


def test_without_dynamic_display_one_plain_line_per_epoch(clock, capsys):
    out = run(
        clock,
        capsys,
        2,
        [(0.5, 1, [("x", 1.0)], None), (0.5, 2, [("x", 3.0)], None)],
        dynamic=False,
    )
    assert out == "2/2 - 1s - 500ms/step - x: 3.0000\n"
    assert "\x1b" not in out
    assert "\r" not in out


def test_dynamic_display_on_terminals_and_notebooks_only(monkeypatch):
    monkeypatch.delenv("PYCHARM_HOSTED", raising=False)
    monkeypatch.delitem(sys.modules, "ipykernel", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    assert progbar_module._dynamic_display() is False
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert progbar_module._dynamic_display() is True


def test_bad_verbose_is_refused():
    with pytest.raises(ValueError, match="Progbar's `verbose` must be 0, 1 or 2"):
        Progbar(3, verbose=3)


def test_interactive_logging_switch(capsys, caplog):
    assert io_utils.is_interactive_logging_enabled() is True
    io_utils.print_msg("to stdout")
    assert capsys.readouterr().out == "to stdout\n"
    io_utils.disable_interactive_logging()
    try:
        assert io_utils.is_interactive_logging_enabled() is False
        with caplog.at_level(logging.INFO, logger="keras_core"):
            io_utils.print_msg("to the logger")
        assert capsys.readouterr().out == ""
        assert [r.getMessage() for r in caplog.records] == ["to the logger"]
    finally:
        io_utils.enable_interactive_logging()
    assert io_utils.is_interactive_logging_enabled() is True
    io_utils.print_msg("no newline", line_break=False)
    assert capsys.readouterr().out == "no newline"
