"""`Progbar`: the text progress bar of `fit`, `evaluate` and `predict`.

Values given to `update` may be backend tensors. Reading a tensor waits
for the device, so they are kept as given (running sums are tensor
arithmetic, which does not wait) and read only when a line is drawn: at
most once per `interval` seconds, and at the end.
"""

import math
import os
import re
import sys
import time

import numpy as np

from keras_core import ops
from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.utils import io_utils

_ANSI_CODE = re.compile(r"\x1b\[[0-9;]*m")
_BOLD = "\x1b[1m{}\x1b[0m"
_DONE = "\x1b[32m{}\x1b[0m"
_TODO = "\x1b[37m{}\x1b[0m"
_BAR_CHAR = "\u2501"


def _dynamic_display():
    """Whether `\\r` can redraw the line: a terminal or a notebook.

    Keras redraws on any POSIX system, which fills log files and CI output
    with partial lines; here output that is not a terminal or a notebook
    gets one clean line at the end of each epoch instead.
    """
    return (
        (hasattr(sys.stdout, "isatty") and sys.stdout.isatty())
        or "ipykernel" in sys.modules
        or "PYCHARM_HOSTED" in os.environ
    )


def _read(value):
    """A displayed value: the mean of a number, array or tensor; or a string."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if backend.core.is_tensor(value):
        value = backend.core.convert_to_numpy(value)
    return float(np.mean(np.asarray(value)))


def _accumulate(total, value, steps):
    """`total + value * steps`, on the device when either is a tensor."""
    host = (int, float, list, np.ndarray, np.generic)
    if isinstance(total, host) and isinstance(value, host):
        return total + np.asarray(value) * steps
    return ops.add(total, ops.multiply(value, steps))


def _format_duration(seconds):
    whole = int(seconds)
    if seconds > 3600:
        return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
    if seconds > 60:
        return f"{whole // 60}:{whole % 60:02d}"
    return f"{whole}s"


def _format_time_per_unit(seconds, unit_name):
    if seconds >= 1 or seconds == 0:
        return f" {seconds:.0f}s/{unit_name}"
    if seconds >= 1e-3:
        return f" {seconds * 1e3:.0f}ms/{unit_name}"
    return f" {seconds * 1e6:.0f}us/{unit_name}"


@keras_public("keras.utils")
class Progbar:
    """Displays a progress bar, with running averages of values.

    With `verbose=1` the bar is redrawn in place (with `\\r`) at most every
    `interval` seconds, showing the step count, an ETA (or the elapsed time
    once finished), the time per step and the values given to `update`:

        3/10 ━━━━━━━━━━━━━━━━━━━━ 2s 250ms/step - loss: 0.4211

    With `verbose=2` one line is printed when the target is reached.

    A value is averaged over the steps it was given for (weighted by the
    number of steps each `update` advanced), unless it is a "stateful"
    metric, which is shown as given (its own running result, such as the
    logs of `fit`). By default every value is averaged except those named
    in `stateful_metrics`; with `stateless_metrics`, only those named there
    are averaged and every other one is shown as given.

    Args:
        target: The total number of steps expected, or None if unknown.
        width: The width of the bar, in characters.
        verbose: 0 (silent), 1 (bar redrawn in place) or 2 (one line).
        interval: The minimum time between redraws, in seconds.
        stateful_metrics: Names of values shown as given (not averaged).
        stateless_metrics: Names of the only values averaged. Cannot be
            given together with `stateful_metrics`.
        unit_name: What a step is called ("step", "sample").

    Example:

    >>> bar = keras_core.utils.Progbar(target=10, verbose=0)
    >>> for step in range(10):
    ...     bar.update(step + 1, values=[("loss", 1.0 / (step + 1))])
    """

    def __init__(
        self,
        target,
        width=20,
        verbose=1,
        interval=0.05,
        stateful_metrics=None,
        stateless_metrics=None,
        unit_name="step",
    ):
        if stateful_metrics and stateless_metrics:
            raise ValueError(
                "Progbar accepts `stateful_metrics` (values averaged unless "
                "listed) or `stateless_metrics` (values shown as given unless "
                "listed), not both. Received: "
                f"stateful_metrics={stateful_metrics}, "
                f"stateless_metrics={stateless_metrics}"
            )
        if verbose not in (0, 1, 2):
            raise ValueError(
                f"Progbar's `verbose` must be 0, 1 or 2. Received: verbose={verbose!r}"
            )
        self.target = target
        self.width = width
        self.verbose = verbose
        self.interval = interval
        self.unit_name = unit_name
        self.stateful_metrics = set(stateful_metrics or ())
        self.stateless_metrics = (
            None if stateless_metrics is None else set(stateless_metrics)
        )
        self._dynamic_display = _dynamic_display()
        # name -> [sum of value * steps, steps]: the mean is sum / steps.
        self._values = {}
        self._values_order = []
        self._seen_so_far = 0
        self._start = time.time()
        self._last_update = 0
        self._time_after_first_step = None
        self._prev_total_width = 0

    def _is_averaged(self, name):
        if self.stateless_metrics is None:
            return name not in self.stateful_metrics
        return name in self.stateless_metrics

    def update(self, current, values=None, finalize=None):
        """Advances the bar to step `current` and records `values`.

        Args:
            current: The index of the current step (1-based: the number of
                steps done).
            values: A list of `(name, value)` pairs; values are numbers,
                arrays (shown by their mean), backend tensors or strings.
            finalize: Whether this is the last update (draws the final
                line); by default, whether `current >= target`.
        """
        if finalize is None:
            finalize = self.target is not None and current >= self.target
        for name, value in values or ():
            if name not in self._values_order:
                self._values_order.append(name)
            if finalize or isinstance(value, str) or not self._is_averaged(name):
                self._values[name] = [value, 1]
                continue
            steps = max(current - self._seen_so_far, 1)
            if name in self._values:
                entry = self._values[name]
                entry[0] = _accumulate(entry[0], value, steps)
                entry[1] += steps
            else:
                self._values[name] = [_accumulate(0, value, steps), steps]
        self._seen_so_far = current

        now = time.time()
        time_per_unit = self._time_per_unit(current, now)
        if self.verbose == 1 and self._dynamic_display:
            if now - self._last_update < self.interval and not finalize:
                return
            self._draw_bar(current, now, time_per_unit, finalize)
        elif self.verbose in (1, 2) and finalize and self.target is not None:
            self._draw_line(current, now, time_per_unit)
        self._last_update = now

    def add(self, n, values=None):
        """Advances the bar by `n` steps (see `update`)."""
        self.update(self._seen_so_far + n, values)

    def _time_per_unit(self, current, now):
        """Seconds per step, leaving out the first step when possible.

        The first step usually includes compilation, so once it is done
        the estimate counts from its end.
        """
        if not current:
            return 0
        if self._time_after_first_step is not None and current > 1:
            per_unit = (now - self._time_after_first_step) / (current - 1)
        else:
            per_unit = (now - self._start) / current
        if current == 1:
            self._time_after_first_step = now
        return per_unit

    def _mean(self, name):
        total, steps = self._values[name]
        value = _read(total)
        if isinstance(value, str):
            return value
        return value / max(1, steps)

    def _draw_bar(self, current, now, time_per_unit, finalize):
        if self.target is not None:
            digits = int(math.log10(self.target)) + 1 if self.target > 0 else 1
            count = _BOLD.format(f"{int(current):{digits}d}/{int(self.target)}")
            done = int(self.width * current / self.target) if self.target else 0
            bar = count + " "
            if done > 0:
                bar += _DONE.format(_BAR_CHAR * done)
            bar += _TODO.format(_BAR_CHAR * (self.width - done))
        else:
            bar = f"{int(current):7d}/Unknown"
        if self.target is not None and not finalize:
            info = " " + _BOLD.format(
                _format_duration(time_per_unit * (self.target - current))
            )
        else:
            info = " " + _BOLD.format(f"{now - self._start:.0f}s")
        info += _format_time_per_unit(time_per_unit, self.unit_name)
        for name in self._values_order:
            value = self._mean(name)
            if isinstance(value, str):
                info += f" - {name}: {value}"
            elif abs(value) > 1e-3:
                info += f" - {name}: {value:.4f}"
            else:
                info += f" - {name}: {value:.4e}"

        if self._dynamic_display:
            message = "\b" * self._prev_total_width + "\r"
        else:
            message = "\n"
        message += bar + info
        total_width = len(_ANSI_CODE.sub("", bar + info))
        if self._prev_total_width > total_width:
            message += " " * (self._prev_total_width - total_width)
        if finalize:
            message += "\n"
        io_utils.print_msg(message, line_break=False)
        self._prev_total_width = total_width

    def _draw_line(self, current, now, time_per_unit):
        digits = int(math.log10(self.target)) + 1 if self.target > 0 else 1
        line = f"{int(current):{digits}d}/{int(self.target)}"
        line += f" - {now - self._start:.0f}s -"
        line += _format_time_per_unit(time_per_unit, self.unit_name)
        for name in self._values_order:
            value = self._mean(name)
            if isinstance(value, str):
                line += f" - {name}: {value}"
            elif value > 1e-3:
                line += f" - {name}: {value:.4f}"
            else:
                line += f" - {name}: {value:.4e}"
        io_utils.print_msg(line + "\n", line_break=False)
