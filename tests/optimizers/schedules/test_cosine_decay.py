"""CosineDecay (with warmup) and CosineDecayRestarts against their formulas."""

import math

import numpy as np
import pytest
from op_testing import compiled

import keras_core
from keras_core import ops
from keras_core.optimizers import schedules

STEPS = np.arange(0, 400, dtype="int32")


def check_schedule(schedule, reference, rtol=1e-5, atol=1e-7):
    """Compares `schedule` with `reference` eagerly, on a vector of steps,
    compiled, and symbolically."""
    expected = np.array([reference(int(step)) for step in STEPS])
    for step in (0, 1, 7, 50, 399):
        value = schedule(step)
        assert ops.convert_to_numpy(value).dtype == np.float32
        np.testing.assert_allclose(
            ops.convert_to_numpy(value), expected[step], rtol=rtol, atol=atol
        )
    steps = ops.convert_to_tensor(STEPS)
    np.testing.assert_allclose(
        ops.convert_to_numpy(schedule(steps)), expected, rtol=rtol, atol=atol
    )
    np.testing.assert_allclose(
        ops.convert_to_numpy(compiled(schedule)(steps)),
        expected,
        rtol=rtol,
        atol=atol,
    )
    symbolic = schedule(keras_core.KerasTensor((None,), dtype="int32"))
    assert tuple(symbolic.shape) == (None,) and symbolic.dtype == "float32"


def cosine_factor(fraction, alpha, scale=1.0):
    return (1 - alpha) * 0.5 * scale * (1 + math.cos(math.pi * fraction)) + alpha


def cosine_reference(initial, decay_steps, alpha, warmup_target, warmup_steps):
    def reference(step):
        if warmup_target is None:
            return initial * cosine_factor(min(step, decay_steps) / decay_steps, alpha)
        if step < warmup_steps:
            return initial + (warmup_target - initial) * step / warmup_steps
        fraction = min(step - warmup_steps, decay_steps) / decay_steps
        return warmup_target * cosine_factor(fraction, alpha)

    return reference


def restarts_reference(initial, first_decay_steps, t_mul, m_mul, alpha):
    def reference(step):
        fraction = step / first_decay_steps
        restart = 0
        span = 1.0
        # Walk the periods one by one: period i is t_mul**i long.
        while fraction >= span:
            fraction -= span
            span *= t_mul
            restart += 1
        return initial * cosine_factor(fraction / span, alpha, m_mul**restart)

    return reference


@pytest.mark.parametrize(
    "decay_steps, alpha, warmup_target, warmup_steps",
    [
        (30, 0.0, None, 0),
        (250, 0.1, None, 0),
        (30, 0.1, None, 8),
        (30, 0.1, 0.3, 8),
        (200, 0.0, 1.0, 50),
        (50, 0.2, 0.5, 0),
    ],
)
def test_cosine_decay_matches_formula(decay_steps, alpha, warmup_target, warmup_steps):
    schedule = schedules.CosineDecay(
        0.1,
        decay_steps,
        alpha,
        warmup_target=warmup_target,
        warmup_steps=warmup_steps,
    )
    reference = cosine_reference(0.1, decay_steps, alpha, warmup_target, warmup_steps)
    check_schedule(schedule, reference, atol=1e-7)


@pytest.mark.parametrize(
    "first_decay_steps, t_mul, m_mul, alpha",
    [(7, 2.0, 1.0, 0.0), (7, 2.0, 0.7, 0.1), (10, 1.0, 0.5, 0.0), (7, 1.5, 0.9, 0.05)],
)
def test_restarts_match_the_periods(first_decay_steps, t_mul, m_mul, alpha):
    schedule = schedules.CosineDecayRestarts(
        0.1, first_decay_steps, t_mul=t_mul, m_mul=m_mul, alpha=alpha
    )
    reference = restarts_reference(0.1, first_decay_steps, t_mul, m_mul, alpha)
    # A float32 logarithm locates the period; near its end the rate is
    # small, so compare absolutely there.
    check_schedule(schedule, reference, rtol=1e-4, atol=2e-6)


def test_restarts_jump_back_up_at_each_period():
    schedule = schedules.CosineDecayRestarts(1.0, 10, t_mul=2.0, m_mul=0.5)
    values = [float(schedule(step)) for step in (0, 5, 10, 20, 30)]
    assert values == pytest.approx([1.0, 0.5, 0.5, 0.25, 0.25], abs=1e-6)


@pytest.mark.skipif(
    keras_core.config.backend() not in ("jax", "tensorflow"),
    reason="compiles the optimizer step with jax.jit / tf.function; the "
    "schedule's own compiled check above runs on every backend",
)
def test_schedule_inside_a_compiled_optimizer_step():
    schedule = schedules.CosineDecay(0.0, 10, warmup_target=0.4, warmup_steps=4)
    optimizer = keras_core.optimizers.SGD(learning_rate=schedule)
    variable = keras_core.Variable(np.zeros(1, "float32"))
    optimizer.build([variable])
    step = compiled(optimizer.stateless_apply)
    state = [ops.convert_to_tensor(v.value) for v in optimizer.variables]
    weights = [ops.convert_to_tensor(variable.value)]
    for _ in range(8):
        weights, state = step(state, [ops.ones((1,))], weights)
    reference = cosine_reference(0.0, 10, 0.0, 0.4, 4)
    expected = -sum(reference(step) for step in range(8))
    np.testing.assert_allclose(ops.convert_to_numpy(weights[0]), [expected], rtol=1e-5)


def test_configs_match_keras_and_round_trip():
    cosine = schedules.CosineDecay(0.1, 100, warmup_target=0.2, warmup_steps=10)
    assert cosine.get_config() == {
        "initial_learning_rate": 0.1,
        "decay_steps": 100,
        "alpha": 0.0,
        "name": "CosineDecay",
        "warmup_target": 0.2,
        "warmup_steps": 10,
    }
    restarts = schedules.CosineDecayRestarts(0.1, 10)
    assert restarts.get_config() == {
        "initial_learning_rate": 0.1,
        "first_decay_steps": 10,
        "t_mul": 2.0,
        "m_mul": 1.0,
        "alpha": 0.0,
        "name": "SGDRDecay",
    }
    for schedule in (cosine, restarts):
        restored = type(schedule).from_config(schedule.get_config())
        assert restored.get_config() == schedule.get_config()


def test_step_counts_must_be_positive():
    with pytest.raises(ValueError, match=r"CosineDecay.*decay_steps=-1"):
        schedules.CosineDecay(0.1, -1)
    with pytest.raises(ValueError, match=r"CosineDecayRestarts.*first_decay_steps=0"):
        schedules.CosineDecayRestarts(0.1, 0)
