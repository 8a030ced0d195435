"""jit_compile=True on torch: the steps run under torch.compile."""

import numpy as np
import pytest
from training_helpers import BACKEND
from training_helpers import linear_data
from training_helpers import linear_model

import keras_core

pytestmark = pytest.mark.skipif(
    BACKEND != "torch", reason="torch.compile is the torch backend's compiler"
)


def test_compiled_steps_match_eager_steps():
    x, y, _, _ = linear_data(samples=32)
    results = []
    for jit_compile in (False, True):
        keras_core.utils.set_random_seed(0)
        model = linear_model()
        model.compile(keras_core.optimizers.SGD(0.1), "mse", jit_compile=jit_compile)
        history = model.fit(x, y, epochs=3, batch_size=16, shuffle=False, verbose=0)
        results.append((history.history["loss"], model.get_weights()))
    assert results[1][0] == pytest.approx(results[0][0], rel=1e-5)
    for eager, compiled in zip(results[0][1], results[1][1], strict=True):
        np.testing.assert_allclose(compiled, eager, rtol=1e-5, atol=1e-7)
    model.compile("sgd", "mse", jit_compile=True)
    assert model.jit_compile is True
