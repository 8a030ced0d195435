"""keras_core.layers.Flatten."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops


def test_channels_last_flattens_samples():
    x = np.arange(48, dtype="float32").reshape(2, 3, 4, 2)
    out = ops.convert_to_numpy(layers.Flatten()(x))
    np.testing.assert_array_equal(out, x.reshape(2, -1))


def test_channels_first_moves_channels_last():
    x = np.arange(48, dtype="float32").reshape(2, 3, 4, 2)
    out = ops.convert_to_numpy(layers.Flatten(data_format="channels_first")(x))
    np.testing.assert_array_equal(out, np.moveaxis(x, 1, -1).reshape(2, -1))
    keras_core.config.set_image_data_format("channels_first")
    assert layers.Flatten().get_config()["data_format"] == "channels_first"


def test_one_dimensional_input_gets_an_axis():
    out = ops.convert_to_numpy(layers.Flatten()(np.arange(3.0)))
    np.testing.assert_array_equal(out, np.arange(3.0).reshape(3, 1))
    assert layers.Flatten().compute_output_shape((5,)) == (5, 1)


def test_symbolic_shapes_and_dtypes():
    assert layers.Flatten()(keras_core.Input((3, 4))).shape == (None, 12)
    assert layers.Flatten()(keras_core.Input((3, None))).shape == (None, None)
    ints = layers.Flatten()(keras_core.Input((3, 4), dtype="int32"))
    assert ints.dtype == "int32"
    assert layers.Flatten().compute_output_shape((None, 3, 4)) == (None, 12)


def test_inside_model_with_unknown_dims():
    inputs = keras_core.Input((None, 2))
    model = keras_core.Model(inputs, layers.Flatten()(inputs))
    x = np.arange(12, dtype="float32").reshape(2, 3, 2)
    np.testing.assert_array_equal(ops.convert_to_numpy(model(x)), x.reshape(2, 6))


def test_config_serialization_and_errors():
    layer = layers.Flatten(data_format="channels_first", name="flat")
    config = layer.get_config()
    assert set(config) == {"name", "trainable", "dtype", "data_format"}
    assert layers.Flatten.from_config(config).data_format == "channels_first"
    record = layers.serialize(layer)
    assert record["class_name"] == "Flatten"
    assert layers.deserialize(record).get_config() == config
    with pytest.raises(ValueError, match=r"data_format.*Received: data_format='x'"):
        layers.Flatten(data_format="x")
    with pytest.raises(ValueError, match="flat"):
        layer(np.float32(1.0))
