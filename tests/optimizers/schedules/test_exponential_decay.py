"""ExponentialDecay and InverseTimeDecay against their formulas."""

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


def exponential_reference(initial, decay_steps, rate, staircase):
    def reference(step):
        periods = step / decay_steps
        return initial * rate ** (math.floor(periods) if staircase else periods)

    return reference


def inverse_time_reference(initial, decay_steps, rate, staircase):
    def reference(step):
        periods = step / decay_steps
        return initial / (1 + rate * (math.floor(periods) if staircase else periods))

    return reference


@pytest.mark.parametrize("staircase", [False, True])
@pytest.mark.parametrize("decay_steps, rate", [(7, 0.5), (100, 0.96), (3, 1.2)])
def test_exponential_decay_matches_formula(decay_steps, rate, staircase):
    schedule = schedules.ExponentialDecay(0.1, decay_steps, rate, staircase)
    check_schedule(
        schedule, exponential_reference(0.1, decay_steps, rate, staircase), atol=0
    )


@pytest.mark.parametrize("staircase", [False, True])
@pytest.mark.parametrize("decay_steps, rate", [(7, 0.5), (100, 2.0)])
def test_inverse_time_decay_matches_formula(decay_steps, rate, staircase):
    schedule = schedules.InverseTimeDecay(0.1, decay_steps, rate, staircase)
    check_schedule(schedule, inverse_time_reference(0.1, decay_steps, rate, staircase))


def test_an_optimizer_reads_the_schedule_at_its_step():
    schedule = schedules.ExponentialDecay(0.1, decay_steps=1, decay_rate=0.5)
    optimizer = keras_core.optimizers.SGD(learning_rate=schedule)
    variable = keras_core.Variable(np.zeros(1, "float32"))
    for _ in range(3):
        optimizer.apply([np.ones(1, "float32")], [variable])
    np.testing.assert_allclose(variable.numpy(), [-(0.1 + 0.05 + 0.025)], rtol=1e-6)
    np.testing.assert_allclose(schedule(optimizer.iterations), 0.0125, rtol=1e-6)


def test_configs_match_keras_and_round_trip():
    exponential = schedules.ExponentialDecay(0.1, 10, 0.5)
    assert exponential.get_config() == {
        "initial_learning_rate": 0.1,
        "decay_steps": 10,
        "decay_rate": 0.5,
        "staircase": False,
        "name": "ExponentialDecay",
    }
    inverse = schedules.InverseTimeDecay(0.1, 10, 0.5, staircase=True, name="it")
    assert inverse.get_config() == {
        "initial_learning_rate": 0.1,
        "decay_steps": 10,
        "decay_rate": 0.5,
        "staircase": True,
        "name": "it",
    }
    for schedule in (exponential, inverse):
        restored = type(schedule).from_config(schedule.get_config())
        assert restored.get_config() == schedule.get_config()
        np.testing.assert_allclose(restored(13), schedule(13))


@pytest.mark.parametrize(
    "cls", [schedules.ExponentialDecay, schedules.InverseTimeDecay]
)
@pytest.mark.parametrize("decay_steps", [0, -5])
def test_decay_steps_must_be_positive(cls, decay_steps):
    with pytest.raises(ValueError, match=rf"{cls.__name__}.*decay_steps={decay_steps}"):
        cls(0.1, decay_steps, 0.5)
