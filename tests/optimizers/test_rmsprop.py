"""RMSprop against a NumPy implementation of the published algorithm."""

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


def run(optimizer, grads=GRADS):
    variable = keras_core.Variable(START.copy(), name="w")
    for grad in grads:
        optimizer.apply([grad], [variable])
    return variable.numpy()


def rmsprop_reference(
    lr, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False, weight_decay=0.0
):
    w = START.astype("float64")
    velocity = np.zeros_like(w)
    moment = np.zeros_like(w)
    average = np.zeros_like(w)
    for g in GRADS:
        w = w - w * weight_decay * lr
        velocity = rho * velocity + (1 - rho) * g**2
        denominator = velocity + epsilon
        if centered:
            average = rho * average + (1 - rho) * g
            denominator = denominator - average**2
        increment = lr * g / np.sqrt(denominator)
        if momentum:
            moment = momentum * moment + increment
            increment = moment
        w = w - increment
    return w


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"rho": 0.7},
        {"momentum": 0.8},
        {"centered": True},
        {"momentum": 0.5, "centered": True, "rho": 0.8, "epsilon": 1e-3},
        {"weight_decay": 0.2},
    ],
)
def test_matches_reference(kwargs):
    result = run(optimizers.RMSprop(learning_rate=0.01, **kwargs))
    expected = rmsprop_reference(0.01, **kwargs)
    np.testing.assert_allclose(result, expected, rtol=1e-5, atol=1e-6)


def test_default_arguments_and_first_step():
    optimizer = optimizers.RMSprop()
    assert (optimizer.rho, optimizer.momentum, optimizer.epsilon) == (0.9, 0.0, 1e-7)
    assert optimizer.name.startswith("rm_sprop")
    variable = keras_core.Variable(np.array([1.0], "float32"))
    optimizers.RMSprop(learning_rate=0.1).apply(
        [np.array([2.0], "float32")], [variable]
    )
    np.testing.assert_allclose(variable.numpy(), [1 - 0.1 * 2 / np.sqrt(0.4 + 1e-7)])


def test_slot_paths_follow_keras_order():
    optimizer = optimizers.RMSprop(momentum=0.9, centered=True, name="opt")
    a = keras_core.Variable(np.ones(2, "float32"), name="a")
    b = keras_core.Variable(np.ones(3, "float32"), name="b")
    optimizer.build([a, b])
    assert [v.path for v in optimizer.variables] == [
        "opt/iteration",
        "opt/learning_rate",
        "opt/a_velocity",
        "opt/b_velocity",
        "opt/a_momentum",
        "opt/b_momentum",
        "opt/a_average_gradient",
        "opt/b_average_gradient",
    ]
    plain = optimizers.RMSprop(name="plain")
    plain.build([a])
    assert [v.path for v in plain.variables][2:] == ["plain/a_velocity"]


def test_config_round_trip_and_serialization():
    optimizer = optimizers.RMSprop(0.05, rho=0.8, momentum=0.3, centered=True)
    config = optimizer.get_config()
    assert {k: config[k] for k in ("rho", "momentum", "epsilon", "centered")} == {
        "rho": 0.8,
        "momentum": 0.3,
        "epsilon": 1e-7,
        "centered": True,
    }
    assert optimizers.RMSprop.from_config(config).get_config() == config
    record = optimizers.serialize(optimizer)
    assert (record["module"], record["class_name"]) == ("keras.optimizers", "RMSprop")
    assert optimizers.deserialize(record).get_config() == config
    assert isinstance(optimizers.get("rmsprop"), optimizers.RMSprop)


@pytest.mark.skipif(
    BACKEND not in ("jax", "tensorflow"),
    reason="compiles the step with jax.jit / tf.function(jit_compile=True); "
    "other backends run the same code eagerly in the tests above",
)
def test_compiled_stateless_steps_match_reference():
    optimizer = optimizers.RMSprop(0.01, momentum=0.5, centered=True)
    variable = keras_core.Variable(START.copy())
    optimizer.build([variable])
    step = compiled(optimizer.stateless_apply)
    state = [ops.convert_to_tensor(v.value) for v in optimizer.variables]
    weights = [ops.convert_to_tensor(variable.value)]
    for grad in GRADS:
        weights, state = step(state, [ops.convert_to_tensor(grad)], weights)
    np.testing.assert_allclose(
        ops.convert_to_numpy(weights[0]),
        rmsprop_reference(0.01, momentum=0.5, centered=True),
        rtol=1e-5,
        atol=1e-6,
    )
    assert int(ops.convert_to_numpy(state[0])) == len(GRADS)
