"""Process-wide settings: floatx, epsilon, image data format, run limits, flags.

Defaults come from `$KERAS_HOME/keras.json` (default `~/.keras/keras.json`)
when that file exists, then from environment variables. Reading the settings
never creates or writes the file: a library import must not touch the disk.

Settings a user sets once for the process (floatx, epsilon, data format, run
limits) are plain module globals. Flags that `clear_session` resets (flash
attention, interactive logging, traceback filtering, safe mode) live in the
per-thread global state.
"""

import json
import os
import warnings

from keras_core._src.backend.common import global_state

FLOATX_VALUES = ("bfloat16", "float16", "float32", "float64")
IMAGE_DATA_FORMATS = ("channels_last", "channels_first")


def keras_home():
    """The folder keras_core reads `keras.json` and caches from."""
    if "KERAS_HOME" in os.environ:
        return os.path.expanduser(os.environ["KERAS_HOME"])
    return os.path.join(os.path.expanduser("~"), ".keras")


def keras_json_path():
    return os.path.join(keras_home(), "keras.json")


def read_keras_json():
    """Returns the settings in `keras.json` as a dict, or `{}` if there is none."""
    path = keras_json_path()
    if not os.path.exists(path):
        return {}
    try:
        with open(path) as f:
            settings = json.load(f)
    except (OSError, ValueError) as error:
        warnings.warn(
            f"Ignoring the keras_core settings file {path}: it could not be read "
            f"as JSON ({error}). Fix or delete the file to silence this warning.",
            stacklevel=2,
        )
        return {}
    if not isinstance(settings, dict):
        warnings.warn(
            f"Ignoring the keras_core settings file {path}: it must hold a JSON "
            f"object, but holds a {type(settings).__name__}.",
            stacklevel=2,
        )
        return {}
    return settings


def _check_floatx(value, source):
    if value not in FLOATX_VALUES:
        raise ValueError(
            f"Unknown `floatx` value {value!r} {source}. Expected one of "
            f"{list(FLOATX_VALUES)}."
        )
    return value


def _check_epsilon(value, source):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(
            f"`epsilon` must be a number {source}. Received: epsilon={value!r} "
            f"of type {type(value).__name__}."
        )
    return float(value)


def _check_image_data_format(value, source):
    value = str(value).lower()
    if value not in IMAGE_DATA_FORMATS:
        raise ValueError(
            f"The `data_format` argument must be one of {list(IMAGE_DATA_FORMATS)} "
            f"{source}. Received: data_format={value!r}"
        )
    return value


def _check_run_limit(name, value, source):
    if value is None:
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(
            f"`{name}` must be a positive integer or None {source}. "
            f"Received: {name}={value!r}"
        )
    return value


_settings = read_keras_json()
_json_source = f"(read from {keras_json_path()})"
_FLOATX = _check_floatx(_settings.get("floatx", "float32"), _json_source)
_EPSILON = _check_epsilon(_settings.get("epsilon", 1e-7), _json_source)
_IMAGE_DATA_FORMAT = _check_image_data_format(
    _settings.get("image_data_format", "channels_last"), _json_source
)
_NNX_ENABLED = bool(_settings.get("nnx_enabled", False))
if "KERAS_NNX_ENABLED" in os.environ:
    _NNX_ENABLED = os.environ["KERAS_NNX_ENABLED"].lower() in ("1", "true", "yes")
_MAX_EPOCHS = _check_run_limit(
    "max_epochs", os.environ.get("KERAS_MAX_EPOCHS"), "(from KERAS_MAX_EPOCHS)"
)
_MAX_STEPS_PER_EPOCH = _check_run_limit(
    "max_steps_per_epoch",
    os.environ.get("KERAS_MAX_STEPS_PER_EPOCH"),
    "(from KERAS_MAX_STEPS_PER_EPOCH)",
)
del _settings, _json_source


def floatx():
    """Returns the default float type, as a string.

    Variables and tensors built from Python floats use it unless a dtype is
    given.

    Returns:
        One of `"bfloat16"`, `"float16"`, `"float32"` (the default) or
        `"float64"`.

    Example:

    >>> keras_core.config.floatx()
    'float32'
    """
    return _FLOATX


def set_floatx(value):
    """Sets the default float type.

    Prefer a mixed precision dtype policy
    (`keras_core.config.set_dtype_policy("mixed_float16")`) to lowering floatx:
    it keeps variables in float32, which training needs for stability.

    Args:
        value: `"bfloat16"`, `"float16"`, `"float32"` or `"float64"`.

    Raises:
        ValueError: If `value` is not one of those.

    Example:

    >>> keras_core.config.set_floatx("float64")
    >>> keras_core.config.floatx()
    'float64'
    >>> keras_core.config.set_floatx("float32")
    """
    global _FLOATX
    _FLOATX = _check_floatx(value, "passed to `set_floatx()`")


def epsilon():
    """Returns the small constant added to denominators to avoid division by 0.

    Returns:
        A float, `1e-7` unless changed.

    Example:

    >>> keras_core.config.epsilon()
    1e-07
    """
    return _EPSILON


def set_epsilon(value):
    """Sets the small constant added to denominators.

    Args:
        value: A number.

    Example:

    >>> keras_core.config.set_epsilon(1e-5)
    >>> keras_core.config.epsilon()
    1e-05
    >>> keras_core.config.set_epsilon(1e-7)
    """
    global _EPSILON
    _EPSILON = _check_epsilon(value, "passed to `set_epsilon()`")


def image_data_format():
    """Returns the default layout of image data.

    Returns:
        `"channels_last"` (batch, height, width, channels), the default, or
        `"channels_first"` (batch, channels, height, width).

    Example:

    >>> keras_core.config.image_data_format()
    'channels_last'
    """
    return _IMAGE_DATA_FORMAT


def set_image_data_format(data_format):
    """Sets the default layout of image data.

    Args:
        data_format: `"channels_last"` or `"channels_first"` (any case).

    Example:

    >>> keras_core.config.set_image_data_format("channels_first")
    >>> keras_core.config.image_data_format()
    'channels_first'
    >>> keras_core.config.set_image_data_format("channels_last")
    """
    global _IMAGE_DATA_FORMAT
    _IMAGE_DATA_FORMAT = _check_image_data_format(
        data_format, "passed to `set_image_data_format()`"
    )


def standardize_data_format(data_format):
    """Returns `data_format`, or the global default when it is None."""
    if data_format is None:
        return image_data_format()
    return _check_image_data_format(data_format, "")


def max_epochs():
    """Returns the cap on epochs that `fit()` runs, or None when there is none.

    Set it to shorten every `fit()` call at once, for example to smoke-test a
    training script. The `KERAS_MAX_EPOCHS` environment variable sets it too.

    Example:

    >>> keras_core.config.max_epochs() is None
    True
    """
    return _MAX_EPOCHS


def set_max_epochs(max_epochs):
    """Caps the number of epochs any `fit()` call runs.

    Args:
        max_epochs: A positive integer, or None to remove the cap.

    Example:

    >>> keras_core.config.set_max_epochs(2)
    >>> keras_core.config.max_epochs()
    2
    >>> keras_core.config.set_max_epochs(None)
    """
    global _MAX_EPOCHS
    _MAX_EPOCHS = _check_run_limit("max_epochs", max_epochs, "")


def max_steps_per_epoch():
    """Returns the cap on steps per epoch in `fit()`/`evaluate()`, or None.

    The `KERAS_MAX_STEPS_PER_EPOCH` environment variable sets it too.

    Example:

    >>> keras_core.config.max_steps_per_epoch() is None
    True
    """
    return _MAX_STEPS_PER_EPOCH


def set_max_steps_per_epoch(max_steps_per_epoch):
    """Caps the number of steps per epoch in `fit()` and `evaluate()`.

    Args:
        max_steps_per_epoch: A positive integer, or None to remove the cap.

    Example:

    >>> keras_core.config.set_max_steps_per_epoch(10)
    >>> keras_core.config.max_steps_per_epoch()
    10
    >>> keras_core.config.set_max_steps_per_epoch(None)
    """
    global _MAX_STEPS_PER_EPOCH
    _MAX_STEPS_PER_EPOCH = _check_run_limit(
        "max_steps_per_epoch", max_steps_per_epoch, ""
    )


def is_nnx_enabled():
    """Returns whether Flax NNX integration is requested.

    It is off unless `keras.json` has `"nnx_enabled": true` or the
    `KERAS_NNX_ENABLED` environment variable is set to `true`.

    Example:

    >>> keras_core.config.is_nnx_enabled()
    False
    """
    return _NNX_ENABLED


def enable_flash_attention():
    """Lets `ops.dot_product_attention` use flash attention when it can.

    Flash attention needs a supported accelerator and input layout; where it
    cannot run, the regular implementation is used.

    Example:

    >>> keras_core.config.enable_flash_attention()
    >>> keras_core.config.is_flash_attention_enabled()
    True
    """
    global_state.set_global_attribute("flash_attention", True)


def disable_flash_attention():
    """Stops `ops.dot_product_attention` from using flash attention.

    Example:

    >>> keras_core.config.disable_flash_attention()
    >>> keras_core.config.is_flash_attention_enabled()
    False
    """
    global_state.set_global_attribute("flash_attention", False)


def is_flash_attention_enabled():
    """Returns whether flash attention was enabled or disabled.

    Returns:
        True or False after `enable_flash_attention()` or
        `disable_flash_attention()`; None (let each op decide) before either
        call or after `clear_session()`.

    Example:

    >>> keras_core.config.is_flash_attention_enabled() is None
    True
    """
    return global_state.get_global_attribute("flash_attention")


def _flag(name):
    value = global_state.get_global_attribute(name)
    return True if value is None else value


def enable_interactive_logging():
    """Sends progress bars and summaries to stdout (the default).

    Example:

    >>> keras_core.config.enable_interactive_logging()
    >>> keras_core.config.is_interactive_logging_enabled()
    True
    """
    global_state.set_global_attribute("interactive_logging", True)


def disable_interactive_logging():
    """Sends progress messages to the `logging` module instead of stdout.

    Useful where nothing reads stdout, such as a batch job.

    Example:

    >>> keras_core.config.disable_interactive_logging()
    >>> keras_core.config.is_interactive_logging_enabled()
    False
    >>> keras_core.config.enable_interactive_logging()
    """
    global_state.set_global_attribute("interactive_logging", False)


def is_interactive_logging_enabled():
    """Returns whether progress messages go to stdout (True by default).

    Example:

    >>> keras_core.config.is_interactive_logging_enabled()
    True
    """
    return _flag("interactive_logging")


def enable_traceback_filtering():
    """Hides keras_core's internal frames from tracebacks (the default).

    Errors raised through layers and ops then show the user's own code first.

    Example:

    >>> keras_core.config.enable_traceback_filtering()
    >>> keras_core.config.is_traceback_filtering_enabled()
    True
    """
    global_state.set_global_attribute("traceback_filtering", True)


def disable_traceback_filtering():
    """Shows full tracebacks, keras_core's internal frames included.

    Useful when debugging keras_core itself.

    Example:

    >>> keras_core.config.disable_traceback_filtering()
    >>> keras_core.config.is_traceback_filtering_enabled()
    False
    >>> keras_core.config.enable_traceback_filtering()
    """
    global_state.set_global_attribute("traceback_filtering", False)


def is_traceback_filtering_enabled():
    """Returns whether internal frames are hidden from tracebacks.

    Example:

    >>> keras_core.config.is_traceback_filtering_enabled()
    True
    """
    return _flag("traceback_filtering")


def enable_unsafe_deserialization():
    """Allows model loading to run code stored in the file (Lambda layers).

    Loading is safe by default: a model file can only name registered classes
    and never runs code it carries. Call this only for files you trust
    completely. `clear_session()` turns safe mode back on.

    Example:

    >>> keras_core.config.enable_unsafe_deserialization()
    """
    global_state.set_global_attribute("safe_mode", False)


def in_safe_mode():
    """Returns False after `enable_unsafe_deserialization()`, else None.

    None means "not decided here": the `safe_mode` argument of the loading
    call decides (True by default).
    """
    return global_state.get_global_attribute("safe_mode")
