"""Adamax against a NumPy implementation of the published algorithm."""

import numpy as np
import pytest
from op_testing import compiled

import keras_core
from keras_core import ops
from keras_core import optimizers

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(13)
START = RNG.normal(size=(3, 2)).astype("float32")
GRADS = [RNG.normal(size=(3, 2)).astype("float32") for _ in range(5)]


def run(optimizer, grads=GRADS):
    variable = keras_core.Variable(START.copy(), name="w")
    for grad in grads:
        optimizer.apply([grad], [variable])
    return variable.numpy()


def adamax_reference(lr, beta_1=0.9, beta_2=0.999, epsilon=1e-7, weight_decay=0.0):
    w = START.astype("float64")
    m = np.zeros_like(w)
    u = np.zeros_like(w)
    for t, g in enumerate(GRADS, start=1):
        w = w - w * weight_decay * lr
        m = beta_1 * m + (1 - beta_1) * g
        u = np.maximum(beta_2 * u, np.abs(g))
        w = w - lr / (1 - beta_1**t) * m / (u + epsilon)
    return w


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"beta_1": 0.5, "beta_2": 0.8},
        {"epsilon": 1e-2},
        {"weight_decay": 0.2},
    ],
)
def test_matches_reference(kwargs):
    result = run(optimizers.Adamax(learning_rate=0.05, **kwargs))
    expected = adamax_reference(0.05, **kwargs)
    np.testing.assert_allclose(result, expected, rtol=1e-5, atol=1e-6)


def test_slot_paths_follow_keras_order():
    optimizer = optimizers.Adamax(name="opt")
    a = keras_core.Variable(np.ones(2, "float32"), name="a")
    b = keras_core.Variable(np.ones(3, "float32"), name="b")
    optimizer.build([a, b])
    assert [v.path for v in optimizer.variables] == [
        "opt/iteration",
        "opt/learning_rate",
        "opt/a_momentum",
        "opt/a_norm",
        "opt/b_momentum",
        "opt/b_norm",
    ]


def test_config_round_trip_and_serialization():
    optimizer = optimizers.Adamax(0.02, beta_1=0.8, beta_2=0.99, epsilon=1e-5)
    config = optimizer.get_config()
    assert {k: config[k] for k in ("beta_1", "beta_2", "epsilon")} == {
        "beta_1": 0.8,
        "beta_2": 0.99,
        "epsilon": 1e-5,
    }
    assert optimizers.Adamax.from_config(config).get_config() == config
    record = optimizers.serialize(optimizer)
    assert (record["module"], record["class_name"]) == ("keras.optimizers", "Adamax")
    assert optimizers.deserialize(record).get_config() == config
    assert isinstance(optimizers.get("Adamax"), optimizers.Adamax)


@pytest.mark.skipif(
    BACKEND not in ("jax", "tensorflow"),
    reason="compiles the step with jax.jit / tf.function(jit_compile=True); "
    "other backends run the same code eagerly in the tests above",
)
def test_compiled_stateless_steps_match_reference():
    optimizer = optimizers.Adamax(0.05, weight_decay=0.1)
    variable = keras_core.Variable(START.copy())
    optimizer.build([variable])
    step = compiled(optimizer.stateless_apply)
    state = [ops.convert_to_tensor(v.value) for v in optimizer.variables]
    weights = [ops.convert_to_tensor(variable.value)]
    for grad in GRADS:
        weights, state = step(state, [ops.convert_to_tensor(grad)], weights)
    np.testing.assert_allclose(
        ops.convert_to_numpy(weights[0]),
        adamax_reference(0.05, weight_decay=0.1),
        rtol=1e-5,
        atol=1e-6,
    )
    assert int(ops.convert_to_numpy(state[0])) == len(GRADS)
