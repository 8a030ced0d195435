"""keras_core.Function: replaying a graph of ops and layers."""

import numpy as np
import pytest
from layer_fixtures import Linear
from layer_fixtures import to_numpy

import keras_core
from keras_core import ops


def test_function_of_ops_and_layers():
    a = keras_core.KerasTensor((None, 3))
    b = keras_core.KerasTensor((None, 3))
    layer = Linear(2)
    outputs = {"sum": layer(ops.add(a, b)), "exp": ops.exp(a)}
    function = keras_core.Function([a, b], outputs)
    assert len(function.operations) == 3
    x = np.arange(6, dtype="float32").reshape(2, 3)
    result = function([x, x])
    kernel, bias = layer.get_weights()
    np.testing.assert_allclose(
        to_numpy(result["sum"]), (2 * x) @ kernel + bias, rtol=1e-5
    )
    np.testing.assert_allclose(to_numpy(result["exp"]), np.exp(x), rtol=1e-5)
    spec = function([keras_core.KerasTensor((7, 3)), keras_core.KerasTensor((7, 3))])
    assert spec["sum"].shape == (7, 2) and spec["exp"].shape == (7, 3)


def test_function_errors():
    a = keras_core.KerasTensor((None, 3))
    with pytest.raises(ValueError, match="must be KerasTensors"):
        keras_core.Function(a, np.ones(3))
    function = keras_core.Function(a, ops.exp(a))
    with pytest.raises(ValueError, match="expects 1 input"):
        function([np.ones((1, 3)), np.ones((1, 3))])
