"""Lamb against a NumPy implementation of the published algorithm."""

import numpy as np
import pytest
from op_testing import compiled

import keras_core
from keras_core import ops
from keras_core import optimizers

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(7)
START = RNG.normal(size=(3, 2)).astype("float32")
GRADS = [RNG.normal(size=(3, 2)).astype("float32") for _ in range(5)]


def run(optimizer, grads=GRADS, start=START):
    variable = keras_core.Variable(start.copy(), name="w")
    for grad in grads:
        optimizer.apply([grad], [variable])
    return variable.numpy()


def lamb_reference(
    lr, beta_1=0.9, beta_2=0.999, epsilon=1e-7, weight_decay=0.0, start=START
):
    w = start.astype("float64")
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t, g in enumerate(GRADS, start=1):
        w = w - w * weight_decay * lr
        m = beta_1 * m + (1 - beta_1) * g
        v = beta_2 * v + (1 - beta_2) * g**2
        update = (m / (1 - beta_1**t)) / (np.sqrt(v / (1 - beta_2**t)) + epsilon)
        weight_norm = np.linalg.norm(w)
        update_norm = np.linalg.norm(update)
        ratio = weight_norm / update_norm if weight_norm and update_norm else 1.0
        w = w - lr * ratio * update
    return w


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"beta_1": 0.5, "beta_2": 0.8},
        {"epsilon": 0.1},
        {"weight_decay": 0.3},
    ],
)
def test_matches_reference(kwargs):
    result = run(optimizers.Lamb(learning_rate=0.05, **kwargs))
    expected = lamb_reference(0.05, **kwargs)
    np.testing.assert_allclose(result, expected, rtol=1e-5, atol=1e-6)


def test_zero_weights_take_the_unscaled_step():
    zeros = np.zeros_like(START)
    result = run(optimizers.Lamb(learning_rate=0.05), start=zeros)
    np.testing.assert_allclose(
        result, lamb_reference(0.05, start=zeros), rtol=1e-5, atol=1e-7
    )
    assert np.all(np.isfinite(result))


def test_slot_paths():
    optimizer = optimizers.Lamb(name="opt")
    a = keras_core.Variable(np.ones(2, "float32"), name="a")
    b = keras_core.Variable(np.ones(3, "float32"), name="b")
    optimizer.build([a, b])
    assert [v.path for v in optimizer.variables] == [
        "opt/iteration",
        "opt/learning_rate",
        "opt/a_momentum",
        "opt/a_velocity",
        "opt/b_momentum",
        "opt/b_velocity",
    ]


def test_config_round_trip_and_serialization():
    optimizer = optimizers.Lamb(0.5, beta_1=0.7, beta_2=0.95, epsilon=1e-4)
    config = optimizer.get_config()
    assert list(config)[-3:] == ["beta_1", "beta_2", "epsilon"]
    assert (config["beta_2"], config["epsilon"]) == (0.95, 1e-4)
    assert optimizers.Lamb.from_config(config).get_config() == config
    record = optimizers.serialize(optimizer)
    assert (record["module"], record["class_name"]) == ("keras.optimizers", "Lamb")
    assert optimizers.deserialize(record).get_config() == config
    assert isinstance(optimizers.get("lamb"), optimizers.Lamb)
    with pytest.raises(ValueError, match="not recognized"):
        optimizers.Lamb(beta_3=0.5)


@pytest.mark.skipif(
    BACKEND not in ("jax", "tensorflow"),
    reason="compiles the step with jax.jit / tf.function(jit_compile=True); "
    "other backends run the same code eagerly in the tests above",
)
def test_compiled_stateless_steps_match_reference():
    optimizer = optimizers.Lamb(0.05, weight_decay=0.3)
    variable = keras_core.Variable(START.copy())
    optimizer.build([variable])
    step = compiled(optimizer.stateless_apply)
    state = [ops.convert_to_tensor(v.value) for v in optimizer.variables]
    weights = [ops.convert_to_tensor(variable.value)]
    for grad in GRADS:
        weights, state = step(state, [ops.convert_to_tensor(grad)], weights)
    np.testing.assert_allclose(
        ops.convert_to_numpy(weights[0]),
        lamb_reference(0.05, weight_decay=0.3),
        rtol=1e-5,
        atol=1e-6,
    )
    assert int(ops.convert_to_numpy(state[0])) == len(GRADS)
