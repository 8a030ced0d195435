"""keras_core.remat and RematScope: same values, recomputed in backprop."""

import numpy as np
import pytest
from layer_fixtures import Linear
from layer_fixtures import to_numpy

import keras_core
from keras_core import ops


def test_remat_keeps_values():
    f = keras_core.remat(lambda x: ops.exp(x) * 2.0)
    np.testing.assert_allclose(to_numpy(f(np.zeros(3, "float32"))), [2.0, 2.0, 2.0])
    with pytest.raises(TypeError, match="callable"):
        keras_core.remat(3)


@pytest.mark.parametrize(
    "scope_arguments",
    [
        {"mode": "full"},
        {"mode": "larger_than", "output_size_threshold": 4},
        {"mode": "list_of_layers", "layer_names": ["inner"]},
        {"mode": "activations"},
        {"mode": None},
    ],
)
def test_layers_in_a_remat_scope_compute_the_same(scope_arguments):
    layer = Linear(3, name="inner")
    x = np.random.RandomState(0).normal(size=(4, 2)).astype("float32")
    expected = to_numpy(layer(x))
    with keras_core.RematScope(**scope_arguments):
        np.testing.assert_allclose(to_numpy(layer(x)), expected, rtol=1e-6)
        np.testing.assert_allclose(to_numpy(layer(x)), expected, rtol=1e-6)


def test_remat_scope_argument_errors():
    with pytest.raises(ValueError, match="Invalid mode"):
        keras_core.RematScope(mode="some")
    with pytest.raises(ValueError, match="layer_names"):
        keras_core.RematScope(mode="list_of_layers")
