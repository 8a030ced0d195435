"""AdamW against a NumPy implementation of the published algorithm."""

import numpy as np
import pytest
from op_testing import compiled

import keras_core
from keras_core import ops
from keras_core import optimizers

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(15)
START = RNG.normal(size=(3, 2)).astype("float32")
GRADS = [RNG.normal(size=(3, 2)).astype("float32") for _ in range(5)]


def run(optimizer, grads=GRADS):
    variable = keras_core.Variable(START.copy(), name="w")
    for grad in grads:
        optimizer.apply([grad], [variable])
    return variable.numpy()


def adamw_reference(
    lr, weight_decay=0.004, beta_1=0.9, beta_2=0.999, epsilon=1e-7, amsgrad=False
):
    w = START.astype("float64")
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    v_max = np.zeros_like(w)
    for t, g in enumerate(GRADS, start=1):
        w = w - w * weight_decay * lr
        m = beta_1 * m + (1 - beta_1) * g
        v = beta_2 * v + (1 - beta_2) * g**2
        v_max = np.maximum(v_max, v)
        v_used = v_max if amsgrad else v
        w = w - lr * np.sqrt(1 - beta_2**t) / (1 - beta_1**t) * m / (
            np.sqrt(v_used) + epsilon
        )
    return w


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"weight_decay": 0.5},
        {"weight_decay": 0.0},
        {"amsgrad": True, "weight_decay": 0.1},
        {"beta_1": 0.5, "beta_2": 0.8, "epsilon": 1e-3},
    ],
)
def test_matches_reference(kwargs):
    result = run(optimizers.AdamW(learning_rate=0.05, **kwargs))
    expected = adamw_reference(0.05, **kwargs)
    np.testing.assert_allclose(result, expected, rtol=1e-5, atol=1e-6)


def test_defaults_decay_and_differ_from_adam():
    optimizer = optimizers.AdamW()
    assert optimizer.weight_decay == 0.004
    assert optimizer.name.startswith("adam_w")
    assert not np.allclose(run(optimizers.AdamW(0.05)), run(optimizers.Adam(0.05)))


def test_exclusions_leave_variables_undecayed():
    optimizer = optimizers.AdamW(0.1, weight_decay=0.5)
    optimizer.exclude_from_weight_decay(var_names=["bias"])
    kernel = keras_core.Variable(np.ones(2, "float32"), name="kernel")
    bias = keras_core.Variable(np.ones(2, "float32"), name="bias")
    zeros = np.zeros(2, "float32")
    optimizer.apply([zeros, zeros], [kernel, bias])
    np.testing.assert_allclose(kernel.numpy(), [0.95, 0.95])
    np.testing.assert_allclose(bias.numpy(), [1.0, 1.0])


def test_slot_paths_follow_keras_order():
    optimizer = optimizers.AdamW(amsgrad=True, name="opt")
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
        "opt/a_velocity_hat",
        "opt/b_velocity_hat",
    ]


@pytest.mark.parametrize("weight_decay", [None, "0.1", True])
def test_weight_decay_must_be_a_number(weight_decay):
    with pytest.raises(ValueError, match=r"AdamW.*weight_decay"):
        optimizers.AdamW(weight_decay=weight_decay)


def test_config_round_trip_and_serialization():
    optimizer = optimizers.AdamW(0.02, weight_decay=0.1, amsgrad=True)
    config = optimizer.get_config()
    assert (config["weight_decay"], config["amsgrad"]) == (0.1, True)
    assert optimizers.AdamW.from_config(config).get_config() == config
    record = optimizers.serialize(optimizer)
    assert (record["module"], record["class_name"]) == ("keras.optimizers", "AdamW")
    assert optimizers.deserialize(record).get_config() == config
    assert isinstance(optimizers.get("adamw"), optimizers.AdamW)


@pytest.mark.skipif(
    BACKEND not in ("jax", "tensorflow"),
    reason="compiles the step with jax.jit / tf.function(jit_compile=True); "
    "other backends run the same code eagerly in the tests above",
)
def test_compiled_stateless_steps_match_reference():
    optimizer = optimizers.AdamW(0.05, amsgrad=True)
    variable = keras_core.Variable(START.copy())
    optimizer.build([variable])
    step = compiled(optimizer.stateless_apply)
    state = [ops.convert_to_tensor(v.value) for v in optimizer.variables]
    weights = [ops.convert_to_tensor(variable.value)]
    for grad in GRADS:
        weights, state = step(state, [ops.convert_to_tensor(grad)], weights)
    np.testing.assert_allclose(
        ops.convert_to_numpy(weights[0]),
        adamw_reference(0.05, amsgrad=True),
        rtol=1e-5,
        atol=1e-6,
    )
    assert int(ops.convert_to_numpy(state[0])) == len(GRADS)
