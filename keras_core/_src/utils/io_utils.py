"""Where progress messages go: stdout ("interactive logging") or `logging`.

Progress bars and callbacks print through `print_msg`. Interactive logging
is on by default; a program that runs without a terminal (a server, a job
whose output is collected by a logging system) can turn it off, and the
messages then go to the `keras_core` logger at INFO level. The switch is
per thread, as in Keras: a thread that never touched it logs to stdout.
"""

import logging
import sys
import threading

from keras_core._src.api_export import keras_public

_STATE = threading.local()
_LOGGER = logging.getLogger("keras_core")


@keras_public("keras.utils")
def enable_interactive_logging():
    """Sends progress messages (progress bars, callbacks) to stdout.

    This is the default.

    Example:

    >>> keras_core.utils.enable_interactive_logging()
    >>> keras_core.utils.is_interactive_logging_enabled()
    True
    """
    _STATE.enabled = True


@keras_public("keras.utils")
def disable_interactive_logging():
    """Sends progress messages to the `keras_core` logger instead of stdout.

    Example:

    >>> keras_core.utils.disable_interactive_logging()
    >>> keras_core.utils.is_interactive_logging_enabled()
    False
    >>> keras_core.utils.enable_interactive_logging()
    """
    _STATE.enabled = False


@keras_public("keras.utils")
def is_interactive_logging_enabled():
    """Whether progress messages go to stdout (True) or to `logging`.

    Returns:
        A bool, True unless `disable_interactive_logging()` was called in
        this thread.

    Example:

    >>> keras_core.utils.is_interactive_logging_enabled()
    True
    """
    return getattr(_STATE, "enabled", True)


def print_msg(message, line_break=True):
    """Prints a progress message to stdout, or logs it (see above).

    Args:
        message: The text.
        line_break: Whether to end it with a newline on stdout.
    """
    if is_interactive_logging_enabled():
        sys.stdout.write(message + "\n" if line_break else message)
        sys.stdout.flush()
    else:
        _LOGGER.info(message)
