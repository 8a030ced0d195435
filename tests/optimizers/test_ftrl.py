"""Ftrl against a NumPy implementation of FTRL-proximal."""

import numpy as np
import pytest
from op_testing import compiled

import keras_core
from keras_core import ops
from keras_core import optimizers

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(3)
START = RNG.normal(size=(3, 2)).astype("float32")
GRADS = [RNG.normal(size=(3, 2)).astype("float32") for _ in range(5)]


def run(optimizer, grads=GRADS):
    variable = keras_core.Variable(START.copy(), name="w")
    for grad in grads:
        optimizer.apply([grad], [variable])
    return variable.numpy()


def ftrl_reference(
    lr,
    power=-0.5,
    initial=0.1,
    l1=0.0,
    l2=0.0,
    shrinkage=0.0,
    beta=0.0,
    weight_decay=0.0,
    grads=GRADS,
):
    w = START.astype("float64")
    n = np.full_like(w, initial)
    z = np.zeros_like(w)
    l2_total = l2 + beta / (2 * lr)
    for g in grads:
        w = w - w * weight_decay * lr
        n_new = n + g**2
        sigma = (n_new ** (-power) - n ** (-power)) / lr
        z = z + g + 2 * shrinkage * w - sigma * w
        n = n_new
        w = np.where(
            np.abs(z) <= l1,
            0.0,
            -(z - np.sign(z) * l1) / (n ** (-power) / lr + 2 * l2_total),
        )
    return w


ARGUMENT_NAMES = {
    "learning_rate_power": "power",
    "initial_accumulator_value": "initial",
    "l1_regularization_strength": "l1",
    "l2_regularization_strength": "l2",
    "l2_shrinkage_regularization_strength": "shrinkage",
    "beta": "beta",
    "weight_decay": "weight_decay",
}


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"l1_regularization_strength": 0.3},
        {"l2_regularization_strength": 0.4, "learning_rate_power": -0.8},
        {"initial_accumulator_value": 0.0, "learning_rate_power": 0.0},
        {"l2_shrinkage_regularization_strength": 0.2, "beta": 0.5},
        {"weight_decay": 0.1, "l1_regularization_strength": 0.05},
    ],
)
def test_matches_reference(kwargs):
    result = run(optimizers.Ftrl(learning_rate=0.2, **kwargs))
    expected = ftrl_reference(
        0.2, **{ARGUMENT_NAMES[key]: value for key, value in kwargs.items()}
    )
    np.testing.assert_allclose(result, expected, rtol=1e-5, atol=1e-6)


def test_l1_makes_small_weights_exactly_zero():
    result = run(optimizers.Ftrl(learning_rate=0.2, l1_regularization_strength=50.0))
    np.testing.assert_array_equal(result, np.zeros_like(START))


def test_slot_paths_and_initial_accumulator():
    optimizer = optimizers.Ftrl(initial_accumulator_value=0.3, name="opt")
    a = keras_core.Variable(np.ones(2, "float32"), name="a")
    b = keras_core.Variable(np.ones((2, 2), "float32"), name="b")
    optimizer.build([a, b])
    assert [v.path for v in optimizer.variables] == [
        "opt/iteration",
        "opt/learning_rate",
        "opt/a_accumulator",
        "opt/a_linear",
        "opt/b_accumulator",
        "opt/b_linear",
    ]
    np.testing.assert_allclose(optimizer.variables[4].numpy(), np.full((2, 2), 0.3))


def test_config_round_trip_and_serialization():
    optimizer = optimizers.Ftrl(
        0.5,
        learning_rate_power=-0.6,
        initial_accumulator_value=0.2,
        l1_regularization_strength=0.01,
        l2_regularization_strength=0.02,
        l2_shrinkage_regularization_strength=0.03,
        beta=0.04,
    )
    config = optimizer.get_config()
    assert list(config)[-6:] == [
        "learning_rate_power",
        "initial_accumulator_value",
        "l1_regularization_strength",
        "l2_regularization_strength",
        "l2_shrinkage_regularization_strength",
        "beta",
    ]
    assert config["beta"] == 0.04
    assert optimizers.Ftrl.from_config(config).get_config() == config
    record = optimizers.serialize(optimizer)
    assert (record["module"], record["class_name"]) == ("keras.optimizers", "Ftrl")
    assert optimizers.deserialize(record).get_config() == config
    assert isinstance(optimizers.get("ftrl"), optimizers.Ftrl)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"learning_rate_power": 0.5}, "learning_rate_power=0.5"),
        ({"initial_accumulator_value": -1.0}, "initial_accumulator_value=-1.0"),
        ({"l1_regularization_strength": -0.1}, "l1_regularization_strength=-0.1"),
        ({"l2_regularization_strength": -0.1}, "l2_regularization_strength=-0.1"),
        (
            {"l2_shrinkage_regularization_strength": -2.0},
            "l2_shrinkage_regularization_strength=-2.0",
        ),
    ],
)
def test_invalid_arguments(kwargs, message):
    with pytest.raises(ValueError, match=f"Ftrl.*Received: {message}"):
        optimizers.Ftrl(**kwargs)


@pytest.mark.skipif(
    BACKEND not in ("jax", "tensorflow"),
    reason="compiles the step with jax.jit / tf.function(jit_compile=True); "
    "other backends run the same code eagerly in the tests above",
)
def test_compiled_stateless_steps_match_reference():
    optimizer = optimizers.Ftrl(0.2, l1_regularization_strength=0.3)
    variable = keras_core.Variable(START.copy())
    optimizer.build([variable])
    step = compiled(optimizer.stateless_apply)
    state = [ops.convert_to_tensor(v.value) for v in optimizer.variables]
    weights = [ops.convert_to_tensor(variable.value)]
    for grad in GRADS:
        weights, state = step(state, [ops.convert_to_tensor(grad)], weights)
    np.testing.assert_allclose(
        ops.convert_to_numpy(weights[0]),
        ftrl_reference(0.2, l1=0.3),
        rtol=1e-5,
        atol=1e-6,
    )
    assert int(ops.convert_to_numpy(state[0])) == len(GRADS)
