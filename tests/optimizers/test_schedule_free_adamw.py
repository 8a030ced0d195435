"""ScheduleFreeAdamW against a NumPy implementation of the paper's x, z, y
sequences."""

import numpy as np
import pytest
from op_testing import compiled

import keras_core
from keras_core import ops
from keras_core import optimizers

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(13)
START = RNG.normal(size=(3, 2)).astype("float32")
GRADS = [RNG.normal(size=(3, 2)).astype("float32") for _ in range(6)]


def run(optimizer, grads=GRADS):
    variable = keras_core.Variable(START.copy(), name="w")
    for grad in grads:
        optimizer.apply([grad], [variable])
    return variable.numpy()


def schedule_free_reference(
    lr,
    beta_1=0.9,
    beta_2=0.999,
    epsilon=1e-8,
    warmup_steps=0,
    weight_decay=0.0,
    grads=GRADS,
):
    """Returns `(y, x, z)` after the steps; the variable holds `y`."""
    x = START.astype("float64")
    z = x.copy()
    v = np.zeros_like(x)
    for t, g in enumerate(grads, start=1):
        # Decoupled decay shrinks the variable, y, before the step.
        y = ((1 - beta_1) * z + beta_1 * x) * (1 - weight_decay * lr)
        x = (y - (1 - beta_1) * z) / beta_1
        lr_t = lr * min(1.0, t / warmup_steps) if warmup_steps else lr
        v = beta_2 * v + (1 - beta_2) * g**2
        normalized = g / (np.sqrt(v / (1 - beta_2**t)) + epsilon)
        z = z - lr_t * normalized
        x = (1 - 1 / t) * x + (1 / t) * z
    return (1 - beta_1) * z + beta_1 * x, x, z


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"beta_1": 0.5, "beta_2": 0.8, "epsilon": 1e-3},
        {"warmup_steps": 4},
        {"weight_decay": 0.3, "warmup_steps": 2},
    ],
)
def test_matches_reference(kwargs):
    result = run(optimizers.ScheduleFreeAdamW(learning_rate=0.05, **kwargs))
    expected, _, _ = schedule_free_reference(0.05, **kwargs)
    np.testing.assert_allclose(result, expected, rtol=1e-5, atol=1e-6)


def test_momentum_slot_holds_z_starting_at_the_variable():
    optimizer = optimizers.ScheduleFreeAdamW(0.05, name="opt")
    variable = keras_core.Variable(START.copy(), name="w")
    optimizer.build([variable])
    assert [v.path for v in optimizer.variables] == [
        "opt/iteration",
        "opt/learning_rate",
        "opt/w_momentum",
        "opt/w_velocity",
    ]
    np.testing.assert_allclose(optimizer.variables[2].numpy(), START)
    np.testing.assert_allclose(optimizer.variables[3].numpy(), np.zeros_like(START))
    for grad in GRADS:
        optimizer.apply([grad], [variable])
    _, _, z = schedule_free_reference(0.05)
    np.testing.assert_allclose(optimizer.variables[2].numpy(), z, rtol=1e-5, atol=1e-6)


def test_config_round_trip_and_serialization():
    optimizer = optimizers.ScheduleFreeAdamW(
        0.01, beta_1=0.8, beta_2=0.99, epsilon=1e-6, warmup_steps=10
    )
    config = optimizer.get_config()
    assert list(config)[-4:] == ["beta_1", "beta_2", "epsilon", "warmup_steps"]
    assert config["warmup_steps"] == 10
    assert optimizers.ScheduleFreeAdamW.from_config(config).get_config() == config
    record = optimizers.serialize(optimizer)
    assert (record["module"], record["class_name"]) == (
        "keras.optimizers",
        "ScheduleFreeAdamW",
    )
    assert optimizers.deserialize(record).get_config() == config
    assert isinstance(optimizers.get("ScheduleFreeAdamW"), optimizers.ScheduleFreeAdamW)


@pytest.mark.parametrize("warmup_steps", [-1, 2.5])
def test_invalid_warmup_steps(warmup_steps):
    with pytest.raises(
        ValueError, match=f"ScheduleFreeAdamW.*Received: warmup_steps={warmup_steps}"
    ):
        optimizers.ScheduleFreeAdamW(warmup_steps=warmup_steps)


@pytest.mark.skipif(
    BACKEND not in ("jax", "tensorflow"),
    reason="compiles the step with jax.jit / tf.function(jit_compile=True); "
    "other backends run the same code eagerly in the tests above",
)
def test_compiled_stateless_steps_match_reference():
    optimizer = optimizers.ScheduleFreeAdamW(0.05, warmup_steps=3, weight_decay=0.1)
    variable = keras_core.Variable(START.copy())
    optimizer.build([variable])
    step = compiled(optimizer.stateless_apply)
    state = [ops.convert_to_tensor(v.value) for v in optimizer.variables]
    weights = [ops.convert_to_tensor(variable.value)]
    for grad in GRADS:
        weights, state = step(state, [ops.convert_to_tensor(grad)], weights)
    expected, _, _ = schedule_free_reference(0.05, warmup_steps=3, weight_decay=0.1)
    np.testing.assert_allclose(
        ops.convert_to_numpy(weights[0]), expected, rtol=1e-5, atol=1e-6
    )
    assert int(ops.convert_to_numpy(state[0])) == len(GRADS)
