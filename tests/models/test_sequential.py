"""Sequential models: building, add/pop, deferred builds, configs."""

import numpy as np
import pytest
from layer_fixtures import Linear
from layer_fixtures import to_numpy

import keras_core

CUSTOM = {"Linear": Linear}


def test_with_input_builds_at_once():
    model = keras_core.Sequential([keras_core.Input((4,)), Linear(3), Linear(2)])
    assert model.built and model.output_shape == (None, 2)
    assert [w.path for w in model.weights] == [
        "sequential/linear/kernel",
        "sequential/linear/bias",
        "sequential/linear_1/kernel",
        "sequential/linear_1/bias",
    ]
    assert [layer.name for layer in model.layers] == ["linear", "linear_1"]
    x = np.random.RandomState(0).normal(size=(5, 4)).astype("float32")
    k1, b1, k2, b2 = model.get_weights()
    np.testing.assert_allclose(
        to_numpy(model(x)), (x @ k1 + b1) @ k2 + b2, rtol=1e-5, atol=1e-6
    )


def test_deferred_build_on_first_call():
    model = keras_core.Sequential([Linear(3), Linear(1)])
    assert not model.built
    with pytest.raises(AttributeError, match="no defined inputs"):
        _ = model.inputs
    model(np.ones((2, 5), "float32"))
    assert model.built and model.input_shape == (None, 5)
    assert model.get_build_config() == {"input_shape": (None, 5)}


def test_build_with_a_shape_and_legacy_input_shape():
    model = keras_core.Sequential([Linear(3)])
    model.build((None, 6))
    assert model.layers[0].kernel.shape == (6, 3)
    legacy = keras_core.Sequential([Linear(2, input_shape=(7,))])
    assert legacy.built and legacy.input_shape == (None, 7)


def test_add_and_pop():
    model = keras_core.Sequential()
    model.add(keras_core.Input((3,)))
    model.add(Linear(4))
    model.add(Linear(2))
    assert model.output_shape == (None, 2)
    popped = model.pop()
    assert popped.units == 2 and model.output_shape == (None, 4)
    with pytest.raises(ValueError, match="unique names"):
        model.add(Linear(1, name=model.layers[0].name))
    with pytest.raises(ValueError, match=r"Only instances of `keras_core\.Layer`"):
        model.add("dense")
    empty = keras_core.Sequential()
    with pytest.raises(IndexError):
        empty.pop()


def test_config_round_trip():
    model = keras_core.Sequential([keras_core.Input((4,)), Linear(3)], name="stack")
    config = model.get_config()
    assert config["name"] == "stack"
    assert config["layers"][0]["class_name"] == "InputLayer"
    restored = keras_core.Sequential.from_config(config, custom_objects=CUSTOM)
    assert restored.built and restored.output_shape == (None, 3)
    restored.set_weights(model.get_weights())
    x = np.ones((2, 4), "float32")
    np.testing.assert_allclose(to_numpy(restored(x)), to_numpy(model(x)))
    text = model.to_json()
    assert (
        keras_core.models.model_from_json(text, custom_objects=CUSTOM).name == "stack"
    )


def test_nested_sequential_in_functional():
    block = keras_core.Sequential([Linear(3), Linear(3)])
    inputs = keras_core.Input((3,))
    model = keras_core.Model(inputs, block(inputs))
    assert len(model.weights) == 4
    assert model(np.ones((1, 3), "float32")).shape == (1, 3)


def test_layer_dtypes_and_trainable_flags_set_at_construction():
    frozen = Linear(2, trainable=False, name="frozen")
    half = Linear(2, dtype="float16", name="half")
    model = keras_core.Sequential([keras_core.Input((3,)), frozen, half])
    assert [w.path.split("/")[-2] for w in model.trainable_weights] == ["half", "half"]
    assert len(model.non_trainable_weights) == 2
    out = model(np.ones((1, 3), "float32"))
    assert keras_core.backend.standardize_dtype(out.dtype) == "float16"
    frozen.trainable = True
    assert len(model.trainable_weights) == 4


@pytest.mark.skipif(
    keras_core.config.backend() != "tensorflow",
    reason="tf.function tracing is specific to the tensorflow backend",
)
def test_lazy_build_inside_tf_function():
    import tensorflow as tf

    model = keras_core.Sequential([Linear(4), Linear(1)])
    run = tf.function(lambda x: model(x))
    assert tuple(run(tf.ones((2, 3))).shape) == (2, 1)
    assert len(model.weights) == 4
    k1, b1, k2, b2 = model.get_weights()
    np.testing.assert_allclose(
        run(tf.ones((2, 3))).numpy(), (np.ones((2, 3)) @ k1 + b1) @ k2 + b2, rtol=1e-5
    )
