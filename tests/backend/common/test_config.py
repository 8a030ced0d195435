"""keras_core.config and the settings read from keras.json and the environment."""

import json
import threading

import pytest

import keras_core
from keras_core import config


def test_defaults():
    assert config.floatx() == "float32"
    assert config.epsilon() == 1e-7
    assert config.image_data_format() == "channels_last"
    assert config.max_epochs() is None
    assert config.max_steps_per_epoch() is None
    assert config.is_flash_attention_enabled() is None
    assert config.is_interactive_logging_enabled() is True
    assert config.is_traceback_filtering_enabled() is True
    assert config.is_nnx_enabled() is False
    assert config.backend() in ("jax", "torch", "tensorflow", "numpy")


def test_backend_and_config_share_functions():
    assert config.floatx is keras_core.backend.floatx
    assert config.set_epsilon is keras_core.backend.set_epsilon
    assert config.backend is keras_core.backend.backend


@pytest.mark.parametrize("value", ["float16", "bfloat16", "float64", "float32"])
def test_set_floatx(value):
    config.set_floatx(value)
    assert config.floatx() == value
    assert keras_core.backend.floatx() == value


@pytest.mark.parametrize("value", ["int32", "float", None, 32])
def test_set_floatx_rejects(value):
    with pytest.raises(ValueError, match="floatx"):
        config.set_floatx(value)
    assert config.floatx() == "float32"


def test_set_epsilon():
    config.set_epsilon(1e-4)
    assert config.epsilon() == 1e-4
    with pytest.raises(ValueError, match="epsilon"):
        config.set_epsilon("small")
    with pytest.raises(ValueError, match="epsilon"):
        config.set_epsilon(True)


def test_set_image_data_format():
    config.set_image_data_format("CHANNELS_FIRST")
    assert config.image_data_format() == "channels_first"
    with pytest.raises(ValueError, match="channels_last"):
        config.set_image_data_format("nhwc")


def test_run_limits():
    config.set_max_epochs(3)
    config.set_max_steps_per_epoch(7)
    assert (config.max_epochs(), config.max_steps_per_epoch()) == (3, 7)
    config.set_max_epochs(None)
    assert config.max_epochs() is None
    for bad in (0, -1, 2.5, "x", True):
        with pytest.raises(ValueError, match="positive integer"):
            config.set_max_epochs(bad)
        with pytest.raises(ValueError, match="positive integer"):
            config.set_max_steps_per_epoch(bad)


def test_flags_toggle_and_clear_session_resets_them():
    config.enable_flash_attention()
    assert config.is_flash_attention_enabled() is True
    config.disable_flash_attention()
    assert config.is_flash_attention_enabled() is False
    config.disable_interactive_logging()
    assert config.is_interactive_logging_enabled() is False
    config.disable_traceback_filtering()
    assert config.is_traceback_filtering_enabled() is False
    config.enable_unsafe_deserialization()
    from keras_core._src.backend.common.config import in_safe_mode

    assert in_safe_mode() is False
    config.set_max_epochs(4)
    keras_core.backend.clear_session()
    assert config.is_flash_attention_enabled() is None
    assert config.is_interactive_logging_enabled() is True
    assert config.is_traceback_filtering_enabled() is True
    assert in_safe_mode() is None
    # Process-wide settings survive clear_session, as in Keras.
    assert config.max_epochs() == 4
    config.enable_interactive_logging()
    config.enable_traceback_filtering()
    assert config.is_interactive_logging_enabled() is True


def test_flags_are_per_thread_and_limits_are_global():
    config.disable_flash_attention()
    config.set_max_epochs(5)
    seen = []
    thread = threading.Thread(
        target=lambda: seen.append(
            (config.is_flash_attention_enabled(), config.max_epochs())
        )
    )
    thread.start()
    thread.join()
    assert seen == [(None, 5)]


def test_keras_json_and_environment_are_read(tmp_path, run_python):
    (tmp_path / "keras.json").write_text(
        json.dumps(
            {
                "floatx": "float16",
                "epsilon": 1e-5,
                "image_data_format": "channels_first",
                "nnx_enabled": False,
            }
        )
    )
    result = run_python(
        "import keras_core as k; c = k.config; "
        "print(c.floatx(), c.epsilon(), c.image_data_format(), c.max_epochs(), "
        "c.max_steps_per_epoch(), c.dtype_policy().name)",
        env={
            "KERAS_HOME": str(tmp_path),
            "KERAS_MAX_EPOCHS": "4",
            "KERAS_MAX_STEPS_PER_EPOCH": "9",
        },
    )
    assert result.stdout.split() == [
        "float16",
        "1e-05",
        "channels_first",
        "4",
        "9",
        "float16",
    ]


def test_bad_keras_json_value_names_the_file(tmp_path, run_python):
    (tmp_path / "keras.json").write_text(json.dumps({"floatx": "int8"}))
    result = run_python(
        "import keras_core", env={"KERAS_HOME": str(tmp_path)}, check=False
    )
    assert result.returncode != 0
    assert "floatx" in result.stderr
    assert str(tmp_path / "keras.json") in result.stderr


def test_unreadable_keras_json_warns_and_uses_defaults(tmp_path, run_python):
    (tmp_path / "keras.json").write_text("{not json")
    result = run_python(
        "import warnings; warnings.simplefilter('always');"
        "import keras_core as k; print(k.config.floatx())",
        env={"KERAS_HOME": str(tmp_path)},
    )
    assert result.stdout.strip() == "float32"
    assert "could not be read" in result.stderr
