"""`keras_core.optimizers.schedules.serialize` and `deserialize`."""

import numpy as np
import pytest

import keras_core
from keras_core import ops
from keras_core.optimizers import schedules

SCHEDULES = [
    schedules.ExponentialDecay(0.1, 10, 0.5),
    schedules.InverseTimeDecay(0.1, 10, 0.5, staircase=True),
    schedules.PiecewiseConstantDecay([10, 20], [1.0, 0.5, 0.1]),
    schedules.PolynomialDecay(0.1, 10, cycle=True),
    schedules.CosineDecay(0.1, 100, warmup_target=0.2, warmup_steps=10),
    schedules.CosineDecayRestarts(0.1, 10),
]


@pytest.mark.parametrize("schedule", SCHEDULES, ids=lambda s: type(s).__name__)
def test_round_trip_through_serialize(schedule):
    record = schedules.serialize(schedule)
    assert record == {
        "module": "keras.optimizers.schedules",
        "class_name": type(schedule).__name__,
        "config": schedule.get_config(),
        "registered_name": None,
    }
    restored = schedules.deserialize(record)
    assert type(restored) is type(schedule)
    assert restored.get_config() == schedule.get_config()
    steps = ops.convert_to_tensor(np.arange(0, 60, dtype="int32"))
    np.testing.assert_array_equal(
        ops.convert_to_numpy(restored(steps)), ops.convert_to_numpy(schedule(steps))
    )


def test_serialize_matches_keras_output():
    assert schedules.serialize(schedules.ExponentialDecay(0.1, 10, 0.5)) == {
        "module": "keras.optimizers.schedules",
        "class_name": "ExponentialDecay",
        "config": {
            "initial_learning_rate": 0.1,
            "decay_steps": 10,
            "decay_rate": 0.5,
            "staircase": False,
            "name": "ExponentialDecay",
        },
        "registered_name": None,
    }


def test_deserialize_accepts_configs_without_a_module():
    schedule = schedules.deserialize(
        {
            "class_name": "PolynomialDecay",
            "config": {"initial_learning_rate": 1.0, "decay_steps": 4},
        }
    )
    assert isinstance(schedule, schedules.PolynomialDecay)
    assert float(schedule(2)) == pytest.approx(0.50005)


def test_custom_schedules_need_custom_objects():
    class Halving(schedules.LearningRateSchedule):
        def __init__(self, rate):
            self.rate = rate

        def __call__(self, step):
            return self.rate * 0.5 ** ops.cast(step, "float32")

        def get_config(self):
            return {"rate": self.rate}

    record = schedules.serialize(Halving(0.4))
    with pytest.raises(TypeError, match="Could not locate learning rate schedule"):
        schedules.deserialize(record)
    restored = schedules.deserialize(record, custom_objects={"Halving": Halving})
    assert float(restored(2)) == pytest.approx(0.1)
    optimizer = keras_core.optimizers.SGD(learning_rate=Halving(0.4))
    rebuilt = keras_core.optimizers.deserialize(
        keras_core.optimizers.serialize(optimizer),
        custom_objects={"Halving": Halving},
    )
    assert rebuilt.get_config() == optimizer.get_config()


def test_deserialize_rejects_what_is_not_a_config():
    with pytest.raises(ValueError, match=r"schedules\.deserialize expects a config"):
        schedules.deserialize("ExponentialDecay")
