"""Nadam against a NumPy implementation of Keras 3's Nadam step."""

import numpy as np
import pytest
from op_testing import compiled

import keras_core
from keras_core import ops
from keras_core import optimizers

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(14)
START = RNG.normal(size=(3, 2)).astype("float32")
GRADS = [RNG.normal(size=(3, 2)).astype("float32") for _ in range(5)]


def run(optimizer, grads=GRADS):
    variable = keras_core.Variable(START.copy(), name="w")
    for grad in grads:
        optimizer.apply([grad], [variable])
    return variable.numpy()


def momentum_cache(beta_1, step):
    return beta_1 * (1 - 0.5 * 0.96**step)


def nadam_reference(lr, beta_1=0.9, beta_2=0.999, epsilon=1e-7, weight_decay=0.0):
    """The weights and the product of the momentum schedule after GRADS."""
    w = START.astype("float64")
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    product = 1.0
    for t, g in enumerate(GRADS, start=1):
        w = w - w * weight_decay * lr
        u_t = momentum_cache(beta_1, t)
        u_next = momentum_cache(beta_1, t + 1)
        product = product * u_t
        m = beta_1 * m + (1 - beta_1) * g
        v = beta_2 * v + (1 - beta_2) * g**2
        m_hat = u_next * m / (1 - product * u_next) + (1 - u_t) * g / (1 - product)
        v_hat = v / (1 - beta_2**t)
        w = w - lr * m_hat / (np.sqrt(v_hat) + epsilon)
    return w, product


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
    optimizer = optimizers.Nadam(learning_rate=0.05, **kwargs)
    result = run(optimizer)
    expected, product = nadam_reference(0.05, **kwargs)
    np.testing.assert_allclose(result, expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(optimizer.variables[-1].numpy(), product, rtol=1e-6)


def test_momentum_cache_is_one_scalar_after_the_slots():
    optimizer = optimizers.Nadam(name="opt")
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
        "opt/u_product",
    ]
    cache = optimizer.variables[-1]
    assert tuple(cache.shape) == () and not cache.trainable
    assert float(cache.numpy()) == 1.0
    # It advances once per step, however many variables are updated.
    optimizer.apply([np.ones(2, "float32"), np.ones(3, "float32")], [a, b])
    np.testing.assert_allclose(cache.numpy(), momentum_cache(0.9, 1), rtol=1e-6)


def test_momentum_cache_advances_only_on_applied_steps():
    optimizer = optimizers.Nadam(0.05, gradient_accumulation_steps=2)
    variable = keras_core.Variable(START.copy())
    optimizer.apply([GRADS[0]], [variable])
    assert float(optimizer.variables[-1].numpy()) == 1.0
    optimizer.apply([GRADS[1]], [variable])
    assert float(optimizer.variables[-1].numpy()) < 0.5


def test_config_round_trip_and_serialization():
    optimizer = optimizers.Nadam(0.02, beta_1=0.8, beta_2=0.99, epsilon=1e-5)
    config = optimizer.get_config()
    assert {k: config[k] for k in ("beta_1", "beta_2", "epsilon")} == {
        "beta_1": 0.8,
        "beta_2": 0.99,
        "epsilon": 1e-5,
    }
    assert optimizers.Nadam.from_config(config).get_config() == config
    record = optimizers.serialize(optimizer)
    assert (record["module"], record["class_name"]) == ("keras.optimizers", "Nadam")
    assert optimizers.deserialize(record).get_config() == config
    assert isinstance(optimizers.get("nadam"), optimizers.Nadam)


@pytest.mark.skipif(
    BACKEND not in ("jax", "tensorflow"),
    reason="compiles the step with jax.jit / tf.function(jit_compile=True); "
    "other backends run the same code eagerly in the tests above",
)
def test_compiled_stateless_steps_match_reference():
    optimizer = optimizers.Nadam(0.05)
    variable = keras_core.Variable(START.copy())
    optimizer.build([variable])
    step = compiled(optimizer.stateless_apply)
    state = [ops.convert_to_tensor(v.value) for v in optimizer.variables]
    weights = [ops.convert_to_tensor(variable.value)]
    for grad in GRADS:
        weights, state = step(state, [ops.convert_to_tensor(grad)], weights)
    np.testing.assert_allclose(
        ops.convert_to_numpy(weights[0]),
        nadam_reference(0.05)[0],
        rtol=1e-5,
        atol=1e-6,
    )
    assert int(ops.convert_to_numpy(state[0])) == len(GRADS)
