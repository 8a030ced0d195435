"""keras_core.layers.Rescaling."""

import numpy as np

import keras_core
from keras_core import layers
from keras_core import ops


def test_values_dtype_and_per_channel_scale():
    x = np.arange(6, dtype="int32").reshape(2, 3)
    out = layers.Rescaling(0.5, offset=-1.0)(x)
    assert keras_core.backend.standardize_dtype(out.dtype) == "float32"
    np.testing.assert_allclose(ops.convert_to_numpy(out), x * 0.5 - 1.0)
    layer = layers.Rescaling([1.0, 2.0, 3.0], offset=[0.0, 1.0, 0.0])
    out = ops.convert_to_numpy(layer(np.ones((2, 3), "float32")))
    np.testing.assert_allclose(out, [[1.0, 3.0, 3.0]] * 2)
    half = layers.Rescaling(1 / 255, dtype="float16")(np.array([255.0]))
    assert keras_core.backend.standardize_dtype(half.dtype) == "float16"


def test_symbolic_model_config():
    layer = layers.Rescaling(np.array([2.0, 4.0]), offset=1.0)
    config = layer.get_config()
    assert config["scale"] == [2.0, 4.0] and config["offset"] == 1.0
    assert "data_format" not in config
    assert layers.Rescaling.from_config(config).get_config() == config
    inputs = keras_core.Input((2,))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 2) and outputs.dtype == "float32"
    model = keras_core.Model(inputs, outputs)
    np.testing.assert_allclose(
        model.predict(np.ones((3, 2)), verbose=0), [[3.0, 5.0]] * 3
    )
