"""PiecewiseConstantDecay against its definition."""

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


def piecewise_reference(boundaries, values):
    def reference(step):
        for boundary, value in zip(boundaries, values, strict=False):
            if step <= boundary:
                return value
        return values[-1]

    return reference


@pytest.mark.parametrize(
    "boundaries, values",
    [
        ([100], [0.5, 0.1]),
        ([10, 20, 300], [1.0, 0.5, 0.1, 0.01]),
        ([0, 1, 2], [0.4, 0.3, 0.2, 0.1]),
    ],
)
def test_matches_definition(boundaries, values):
    schedule = schedules.PiecewiseConstantDecay(boundaries, values)
    check_schedule(schedule, piecewise_reference(boundaries, values), atol=0)


def test_boundaries_are_inclusive_on_the_left_interval():
    schedule = schedules.PiecewiseConstantDecay([10, 20], [1.0, 0.5, 0.1])
    values = [float(schedule(step)) for step in (9, 10, 11, 20, 21)]
    assert values == pytest.approx([1.0, 1.0, 0.5, 0.5, 0.1])


def test_integer_values_stay_integers_and_large_steps_compare_exactly():
    schedule = schedules.PiecewiseConstantDecay([10, 20], [1, 5, 9])
    assert int(ops.convert_to_numpy(schedule(15))) == 5
    big = 2**24 + 1
    exact = schedules.PiecewiseConstantDecay([big], [1.0, 0.5])
    assert float(exact(big)) == 1.0
    assert float(exact(big + 1)) == 0.5


def test_config_matches_keras_and_round_trips():
    schedule = schedules.PiecewiseConstantDecay([10, 20], [1.0, 0.5, 0.1])
    assert schedule.get_config() == {
        "boundaries": [10, 20],
        "values": [1.0, 0.5, 0.1],
        "name": "PiecewiseConstant",
    }
    restored = schedules.PiecewiseConstantDecay.from_config(schedule.get_config())
    assert restored.get_config() == schedule.get_config()


def test_values_must_outnumber_boundaries_by_one():
    with pytest.raises(
        ValueError,
        match=r"PiecewiseConstantDecay.*boundaries=\[10\] of length 1.*"
        r"values=\[1.0\] of length 1",
    ):
        schedules.PiecewiseConstantDecay([10], [1.0])
