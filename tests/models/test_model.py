"""Subclassed models and the Model basics shared by all kinds."""

import numpy as np
import pytest
from layer_fixtures import Linear
from layer_fixtures import RunningMean
from layer_fixtures import to_numpy

import keras_core


class TwoLayers(keras_core.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.hidden = Linear(4)
        self.stats = RunningMean()
        self.head = Linear(1)

    def call(self, inputs, training=None):
        return self.head(self.stats(self.hidden(inputs), training=training))


def test_subclassed_model_tracks_and_computes():
    model = TwoLayers(name="two")
    x = np.random.RandomState(2).normal(size=(3, 5)).astype("float32")
    y = model(x)
    assert [layer.name for layer in model.layers] == [
        "linear",
        "running_mean",
        "linear_1",
    ]
    assert [w.path for w in model.weights][:2] == [
        "two/linear/kernel",
        "two/linear/bias",
    ]
    k1, b1, mean, k2, b2 = model.get_weights()
    np.testing.assert_allclose(
        to_numpy(y), ((x @ k1 + b1) - mean) @ k2 + b2, rtol=1e-5, atol=1e-6
    )
    assert model.get_layer("linear_1") is model.head
    assert model.get_layer(index=1) is model.stats
    with pytest.raises(ValueError, match="No such layer"):
        model.get_layer("missing")
    with pytest.raises(ValueError, match="only has 3 layers"):
        model.get_layer(index=7)


def test_build_with_a_shape_creates_the_weights():
    model = TwoLayers()
    model.build((None, 6))
    assert model.built and model.count_params() == 6 * 4 + 4 + 4 + 4 + 1


def test_stateless_call_of_a_model_updates_non_trainable_values():
    model = TwoLayers()
    x = np.ones((2, 3), "float32")
    model(x)
    trainable = [v.numpy() for v in model.trainable_variables]
    non_trainable = [v.numpy() for v in model.non_trainable_variables]
    _, (new_mean,) = model.stateless_call(trainable, non_trainable, x, training=True)
    k1, b1 = trainable[:2]
    np.testing.assert_allclose(
        to_numpy(new_mean), 0.5 * (x @ k1 + b1).mean(0), rtol=1e-5
    )
    np.testing.assert_allclose(model.stats.mean.numpy(), np.zeros(4))


def test_positional_arguments_are_rejected_for_subclasses():
    with pytest.raises(TypeError, match="positional arguments"):
        keras_core.Model(3)


def test_layers_attribute_is_reserved():
    model = TwoLayers()
    with pytest.raises(AttributeError, match="reserved"):
        model.layers = []


def test_registered_subclass_config_round_trip():
    @keras_core.saving.register_keras_serializable(package="tests")
    class Scaled(keras_core.Model):
        def __init__(self, factor=2.0, **kwargs):
            super().__init__(**kwargs)
            self.factor = factor

        def call(self, x):
            return x * self.factor

        def get_config(self):
            return {**super().get_config(), "factor": self.factor}

    from keras_core._src.saving import serialization_lib

    record = serialization_lib.serialize_keras_object(Scaled(3.0, name="s"))
    assert record["registered_name"] == "tests>Scaled"
    restored = serialization_lib.deserialize_keras_object(record)
    assert isinstance(restored, Scaled) and restored.factor == 3.0
    assert restored.name == "s"
