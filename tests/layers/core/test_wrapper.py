"""keras_core.layers.Wrapper."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops


class Twice(layers.Wrapper):
    def call(self, inputs):
        return self.layer(self.layer(inputs))


class Scale(layers.Layer):
    def build(self, input_shape):
        self.factor = self.add_weight(shape=(), initializer="ones", name="factor")

    def call(self, inputs):
        return inputs * self.factor


def test_tracks_and_builds_wrapped_layer():
    inner = Scale(name="scale")
    wrapper = Twice(inner, name="twice")
    assert wrapper.layer is inner
    wrapper.build((None, 3))
    assert wrapper.built and inner.built
    assert wrapper.weights == inner.weights
    assert [w.path for w in wrapper.weights] == ["twice/scale/factor"]
    inner.factor.assign(3.0)
    x = np.ones((2, 3), "float32")
    np.testing.assert_allclose(ops.convert_to_numpy(wrapper(x)), x * 9)


def test_config_holds_serialized_layer_and_rebuilds_it():
    wrapper = Twice(layers.Reshape((3, 1)), name="twice")
    config = wrapper.get_config()
    assert set(config) == {"name", "trainable", "dtype", "layer"}
    assert config["layer"]["class_name"] == "Reshape"
    assert config["layer"]["module"] == "keras.layers"
    clone = Twice.from_config(config)
    assert isinstance(clone.layer, layers.Reshape)
    assert clone.layer.target_shape == (3, 1)
    assert clone.name == "twice"


def test_custom_wrapped_layer_needs_custom_objects():
    config = layers.Wrapper(Scale(name="s")).get_config()
    with pytest.raises(TypeError, match="Scale"):
        layers.Wrapper.from_config(config)
    clone = layers.Wrapper.from_config(config, custom_objects={"Scale": Scale})
    assert isinstance(clone.layer, Scale)


def test_rejects_non_layers_and_has_no_call():
    with pytest.raises(ValueError, match="3 supplied to Wrapper"):
        layers.Wrapper(3)
    with pytest.raises(NotImplementedError, match="call"):
        layers.Wrapper(layers.Identity())(np.ones((1, 2)))


def test_trainable_propagates():
    wrapper = Twice(Scale())
    wrapper.build((None, 2))
    wrapper.trainable = False
    assert wrapper.trainable_weights == []
    assert wrapper.layer.trainable is False
    assert keras_core.layers.Wrapper.__module__.startswith("keras_core")
