"""PolynomialDecay (with and without cycles) against its formula."""

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


def polynomial_reference(initial, decay_steps, end, power, cycle):
    def reference(step):
        span = decay_steps
        if cycle:
            span = decay_steps * (math.ceil(step / decay_steps) if step else 1)
        else:
            step = min(step, decay_steps)
        return (initial - end) * (1 - step / span) ** power + end

    return reference


@pytest.mark.parametrize("cycle", [False, True])
@pytest.mark.parametrize(
    "decay_steps, end, power", [(10, 1e-4, 1.0), (37, 0.01, 2.0), (100, 0.0, 0.5)]
)
def test_matches_formula(decay_steps, end, power, cycle):
    schedule = schedules.PolynomialDecay(0.1, decay_steps, end, power, cycle)
    check_schedule(
        schedule,
        polynomial_reference(0.1, decay_steps, end, power, cycle),
        atol=1e-8,
    )


def test_cycles_restart_from_the_initial_rate_over_longer_spans():
    schedule = schedules.PolynomialDecay(1.0, 10, end_learning_rate=0.0, cycle=True)
    # Step 15 lies in a span of 20 steps; step 10 ends the first span.
    values = [float(schedule(step)) for step in (0, 5, 10, 15)]
    assert values == pytest.approx([1.0, 0.5, 0.0, 0.25])
    flat = schedules.PolynomialDecay(1.0, 10, end_learning_rate=0.2)
    assert float(flat(1000)) == pytest.approx(0.2)


def test_config_matches_keras_and_round_trips():
    schedule = schedules.PolynomialDecay(0.1, 10, cycle=True)
    assert schedule.get_config() == {
        "initial_learning_rate": 0.1,
        "decay_steps": 10,
        "end_learning_rate": 0.0001,
        "power": 1.0,
        "cycle": True,
        "name": "PolynomialDecay",
    }
    restored = schedules.PolynomialDecay.from_config(schedule.get_config())
    assert restored.get_config() == schedule.get_config()


def test_decay_steps_must_be_positive():
    with pytest.raises(ValueError, match=r"PolynomialDecay.*decay_steps=0"):
        schedules.PolynomialDecay(0.1, 0)
