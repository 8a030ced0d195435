"""activations.get / serialize / deserialize, against Keras 3 behaviour."""

import numpy as np
import pytest

import keras_core
from keras_core import activations
from keras_core import ops
from keras_core._src.saving import object_registration
from keras_core._src.saving import serialization_lib

PUBLIC_NAMES = [
    "celu", "elu", "exponential", "gelu", "glu", "hard_shrink", "hard_sigmoid",
    "hard_silu", "hard_swish", "hard_tanh", "leaky_relu", "linear", "log_sigmoid",
    "log_softmax", "mish", "relu", "relu6", "selu", "sigmoid", "silu", "soft_shrink",
    "softmax", "softplus", "softsign", "sparse_plus", "sparse_sigmoid", "sparsemax",
    "squareplus", "swish", "tanh", "tanh_shrink", "threshold",
]  # fmt: skip
CANONICAL = {"swish": "silu", "hard_swish": "hard_silu"}


@pytest.mark.parametrize("name", PUBLIC_NAMES)
def test_name_round_trip(name):
    function = getattr(activations, name)
    assert activations.get(name) is function
    assert activations.serialize(function) == CANONICAL.get(name, name)
    assert activations.deserialize(activations.serialize(function)) is function


def test_get_none_and_linear():
    assert activations.get(None) is activations.linear
    assert activations.get("linear") is activations.linear


def test_get_callable_is_returned_unchanged():
    def double(x):
        return x * 2

    assert activations.get(double) is double
    layer_like = keras_core.KerasTensor  # any callable object
    assert activations.get(layer_like) is layer_like


def test_function_config_like_keras():
    # Keras 3.15 writes functions as builtins records with the canonical name.
    config = serialization_lib.serialize_keras_object(activations.swish)
    assert config == {
        "module": "builtins",
        "class_name": "function",
        "config": "silu",
        "registered_name": "function",
    }
    assert activations.get(config) is activations.silu
    assert activations.deserialize(config) is activations.silu
    keras_module = dict(config, module="keras.activations")
    assert activations.get(keras_module) is activations.silu


def test_serialize_custom_function():
    def my_activation(x):
        return x

    assert activations.serialize(my_activation) == {
        "module": "builtins",
        "class_name": "function",
        "config": "my_activation",
        "registered_name": "function",
    }


def test_registered_and_custom_objects():
    @object_registration.register_keras_serializable(package="ActTest")
    def cube(x):
        return x**3

    config = activations.serialize(cube)
    assert config["config"] == "ActTest>cube"
    assert activations.get(config) is cube
    assert activations.get("ActTest>cube") is cube

    def square(x):
        return x**2

    assert activations.deserialize("square", custom_objects={"square": square}) is (
        square
    )
    with object_registration.CustomObjectScope({"square": square}):
        assert activations.get("square") is square
        value = activations.get("square")(np.array([3.0]))
        np.testing.assert_allclose(ops.convert_to_numpy(value), [9.0])


def test_unknown_names_are_errors():
    with pytest.raises(
        ValueError, match="Could not interpret activation function identifier: foo"
    ):
        activations.get("foo")
    with pytest.raises(
        ValueError, match="Could not interpret activation function identifier: 3"
    ):
        activations.get(3)
    with pytest.raises(ValueError, match=r"Could not interpret.*ReLU"):
        activations.get("ReLU")
    with pytest.raises(TypeError, match="Could not locate activation function 'Foo'"):
        activations.get({"class_name": "Foo", "config": {}})
    with pytest.raises(ValueError, match="Unknown activation function: 'foo'"):
        activations.deserialize("foo")
    with pytest.raises(TypeError, match=r"activations\.serialize expects"):
        activations.serialize(3)
