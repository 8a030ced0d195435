"""Lion against a NumPy implementation of the published algorithm."""

import numpy as np
import pytest
from op_testing import compiled

import keras_core
from keras_core import ops
from keras_core import optimizers

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(5)
START = RNG.normal(size=(3, 2)).astype("float32")
GRADS = [RNG.normal(size=(3, 2)).astype("float32") for _ in range(5)]


def run(optimizer, grads=GRADS):
    variable = keras_core.Variable(START.copy(), name="w")
    for grad in grads:
        optimizer.apply([grad], [variable])
    return variable.numpy()


def lion_reference(lr, beta_1=0.9, beta_2=0.99, weight_decay=0.0, grads=GRADS):
    w = START.astype("float64")
    m = np.zeros_like(w)
    for g in grads:
        w = w * (1 - weight_decay * lr)
        w = w - lr * np.sign(beta_1 * m + (1 - beta_1) * g)
        m = beta_2 * m + (1 - beta_2) * g
    return w


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"beta_1": 0.5, "beta_2": 0.8},
        {"beta_1": 1.0},
        {"weight_decay": 0.3},
    ],
)
def test_matches_reference(kwargs):
    result = run(optimizers.Lion(learning_rate=0.05, **kwargs))
    expected = lion_reference(0.05, **kwargs)
    np.testing.assert_allclose(result, expected, rtol=1e-6, atol=1e-6)


def test_every_coordinate_moves_by_the_learning_rate():
    result = run(optimizers.Lion(learning_rate=0.125), GRADS[:1])
    np.testing.assert_allclose(np.abs(result - START), np.full_like(START, 0.125))


def test_slot_paths():
    optimizer = optimizers.Lion(name="opt")
    a = keras_core.Variable(np.ones(2, "float32"), name="a")
    b = keras_core.Variable(np.ones(3, "float32"), name="b")
    optimizer.build([a, b])
    assert [v.path for v in optimizer.variables] == [
        "opt/iteration",
        "opt/learning_rate",
        "opt/a_momentum",
        "opt/b_momentum",
    ]


def test_config_round_trip_and_serialization():
    optimizer = optimizers.Lion(0.5, beta_1=0.7, beta_2=0.95)
    config = optimizer.get_config()
    assert list(config)[-2:] == ["beta_1", "beta_2"]
    assert (config["beta_1"], config["beta_2"]) == (0.7, 0.95)
    assert optimizers.Lion.from_config(config).get_config() == config
    record = optimizers.serialize(optimizer)
    assert (record["module"], record["class_name"]) == ("keras.optimizers", "Lion")
    assert optimizers.deserialize(record).get_config() == config
    assert isinstance(optimizers.get("lion"), optimizers.Lion)


@pytest.mark.parametrize("beta_1", [0.0, -0.5, 1.5])
def test_beta_1_out_of_range(beta_1):
    with pytest.raises(ValueError, match=f"Lion.*Received: beta_1={beta_1}"):
        optimizers.Lion(beta_1=beta_1)


@pytest.mark.skipif(
    BACKEND not in ("jax", "tensorflow"),
    reason="compiles the step with jax.jit / tf.function(jit_compile=True); "
    "other backends run the same code eagerly in the tests above",
)
def test_compiled_stateless_steps_match_reference():
    optimizer = optimizers.Lion(0.05, weight_decay=0.3)
    variable = keras_core.Variable(START.copy())
    optimizer.build([variable])
    step = compiled(optimizer.stateless_apply)
    state = [ops.convert_to_tensor(v.value) for v in optimizer.variables]
    weights = [ops.convert_to_tensor(variable.value)]
    for grad in GRADS:
        weights, state = step(state, [ops.convert_to_tensor(grad)], weights)
    np.testing.assert_allclose(
        ops.convert_to_numpy(weights[0]),
        lion_reference(0.05, weight_decay=0.3),
        rtol=1e-6,
        atol=1e-6,
    )
    assert int(ops.convert_to_numpy(state[0])) == len(GRADS)
