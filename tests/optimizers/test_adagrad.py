"""Adagrad against a NumPy implementation of the published algorithm."""

import numpy as np
import pytest
from op_testing import compiled

import keras_core
from keras_core import ops
from keras_core import optimizers

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(11)
START = RNG.normal(size=(3, 2)).astype("float32")
GRADS = [RNG.normal(size=(3, 2)).astype("float32") for _ in range(5)]


def run(optimizer, grads=GRADS):
    variable = keras_core.Variable(START.copy(), name="w")
    for grad in grads:
        optimizer.apply([grad], [variable])
    return variable.numpy()


def adagrad_reference(
    lr, initial_accumulator_value=0.1, epsilon=1e-7, weight_decay=0.0
):
    w = START.astype("float64")
    accumulator = np.full_like(w, initial_accumulator_value)
    for g in GRADS:
        w = w - w * weight_decay * lr
        accumulator = accumulator + g**2
        w = w - lr * g / np.sqrt(accumulator + epsilon)
    return w


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"initial_accumulator_value": 0.0},
        {"initial_accumulator_value": 2.5, "epsilon": 1e-3},
        {"weight_decay": 0.2},
    ],
)
def test_matches_reference(kwargs):
    result = run(optimizers.Adagrad(learning_rate=0.1, **kwargs))
    expected = adagrad_reference(0.1, **kwargs)
    np.testing.assert_allclose(result, expected, rtol=1e-5, atol=1e-6)


def test_accumulators_start_at_the_initial_value_and_follow_keras_paths():
    optimizer = optimizers.Adagrad(initial_accumulator_value=0.3, name="opt")
    a = keras_core.Variable(np.ones(2, "float32"), name="a")
    b = keras_core.Variable(np.ones(3, "float32"), name="b")
    optimizer.build([a, b])
    assert [v.path for v in optimizer.variables] == [
        "opt/iteration",
        "opt/learning_rate",
        "opt/a_accumulator",
        "opt/b_accumulator",
    ]
    np.testing.assert_allclose(optimizer.variables[2].numpy(), [0.3, 0.3])
    np.testing.assert_allclose(optimizer.variables[3].numpy(), [0.3, 0.3, 0.3])


def test_gradient_accumulation_keeps_its_own_slots():
    # The base class's gradient accumulators live beside Adagrad's.
    optimizer = optimizers.Adagrad(0.1, gradient_accumulation_steps=2, name="opt")
    variable = keras_core.Variable(START.copy(), name="w")
    for grad in GRADS[:4]:
        optimizer.apply([grad], [variable])
    means = [(GRADS[0] + GRADS[1]) / 2, (GRADS[2] + GRADS[3]) / 2]
    w = START.astype("float64")
    accumulator = np.full_like(w, 0.1)
    for g in means:
        accumulator = accumulator + g**2
        w = w - 0.1 * g / np.sqrt(accumulator + 1e-7)
    np.testing.assert_allclose(variable.numpy(), w, rtol=1e-5, atol=1e-6)
    paths = [v.path for v in optimizer.variables]
    assert paths[2:] == ["opt/w_gradient_accumulator", "opt/w_accumulator"]


def test_config_round_trip_and_serialization():
    optimizer = optimizers.Adagrad(0.05, initial_accumulator_value=0.5, epsilon=1e-4)
    config = optimizer.get_config()
    assert config["initial_accumulator_value"] == 0.5
    assert config["epsilon"] == 1e-4
    assert optimizers.Adagrad.from_config(config).get_config() == config
    record = optimizers.serialize(optimizer)
    assert (record["module"], record["class_name"]) == ("keras.optimizers", "Adagrad")
    assert optimizers.deserialize(record).get_config() == config
    assert isinstance(optimizers.get("adagrad"), optimizers.Adagrad)


@pytest.mark.skipif(
    BACKEND not in ("jax", "tensorflow"),
    reason="compiles the step with jax.jit / tf.function(jit_compile=True); "
    "other backends run the same code eagerly in the tests above",
)
def test_compiled_stateless_steps_match_reference():
    optimizer = optimizers.Adagrad(0.1, initial_accumulator_value=0.5)
    variable = keras_core.Variable(START.copy())
    optimizer.build([variable])
    step = compiled(optimizer.stateless_apply)
    state = [ops.convert_to_tensor(v.value) for v in optimizer.variables]
    weights = [ops.convert_to_tensor(variable.value)]
    for grad in GRADS:
        weights, state = step(state, [ops.convert_to_tensor(grad)], weights)
    np.testing.assert_allclose(
        ops.convert_to_numpy(weights[0]),
        adagrad_reference(0.1, initial_accumulator_value=0.5),
        rtol=1e-5,
        atol=1e-6,
    )
    assert int(ops.convert_to_numpy(state[0])) == len(GRADS)
