"""Adadelta against a NumPy implementation of the published algorithm."""

import numpy as np
import pytest
from op_testing import compiled

import keras_core
from keras_core import ops
from keras_core import optimizers

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(12)
START = RNG.normal(size=(3, 2)).astype("float32")
GRADS = [RNG.normal(size=(3, 2)).astype("float32") for _ in range(5)]


def run(optimizer, grads=GRADS):
    variable = keras_core.Variable(START.copy(), name="w")
    for grad in grads:
        optimizer.apply([grad], [variable])
    return variable.numpy()


def adadelta_reference(lr, rho=0.95, epsilon=1e-7, weight_decay=0.0):
    w = START.astype("float64")
    grad_average = np.zeros_like(w)
    delta_average = np.zeros_like(w)
    for g in GRADS:
        w = w - w * weight_decay * lr
        grad_average = rho * grad_average + (1 - rho) * g**2
        delta = -g * np.sqrt(delta_average + epsilon) / np.sqrt(grad_average + epsilon)
        delta_average = rho * delta_average + (1 - rho) * delta**2
        w = w + lr * delta
    return w


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"rho": 0.6}, {"epsilon": 1e-3}, {"weight_decay": 0.2}],
)
def test_matches_reference(kwargs):
    result = run(optimizers.Adadelta(learning_rate=1.0, **kwargs))
    expected = adadelta_reference(1.0, **kwargs)
    np.testing.assert_allclose(result, expected, rtol=1e-5, atol=1e-6)


def test_slot_paths_follow_keras_order():
    optimizer = optimizers.Adadelta(name="opt")
    a = keras_core.Variable(np.ones(2, "float32"), name="a")
    b = keras_core.Variable(np.ones(3, "float32"), name="b")
    optimizer.build([a, b])
    assert [v.path for v in optimizer.variables] == [
        "opt/iteration",
        "opt/learning_rate",
        "opt/a_accumulated_grad",
        "opt/a_accumulated_delta_var",
        "opt/b_accumulated_grad",
        "opt/b_accumulated_delta_var",
    ]


def test_config_round_trip_and_serialization():
    optimizer = optimizers.Adadelta(0.5, rho=0.8, epsilon=1e-5)
    config = optimizer.get_config()
    assert (config["rho"], config["epsilon"]) == (0.8, 1e-5)
    assert optimizers.Adadelta.from_config(config).get_config() == config
    record = optimizers.serialize(optimizer)
    assert (record["module"], record["class_name"]) == ("keras.optimizers", "Adadelta")
    assert optimizers.deserialize(record).get_config() == config
    assert isinstance(optimizers.get("adadelta"), optimizers.Adadelta)


@pytest.mark.skipif(
    BACKEND not in ("jax", "tensorflow"),
    reason="compiles the step with jax.jit / tf.function(jit_compile=True); "
    "other backends run the same code eagerly in the tests above",
)
def test_compiled_stateless_steps_match_reference():
    optimizer = optimizers.Adadelta(1.0, rho=0.8)
    variable = keras_core.Variable(START.copy())
    optimizer.build([variable])
    step = compiled(optimizer.stateless_apply)
    state = [ops.convert_to_tensor(v.value) for v in optimizer.variables]
    weights = [ops.convert_to_tensor(variable.value)]
    for grad in GRADS:
        weights, state = step(state, [ops.convert_to_tensor(grad)], weights)
    np.testing.assert_allclose(
        ops.convert_to_numpy(weights[0]),
        adadelta_reference(1.0, rho=0.8),
        rtol=1e-5,
        atol=1e-6,
    )
    assert int(ops.convert_to_numpy(state[0])) == len(GRADS)
