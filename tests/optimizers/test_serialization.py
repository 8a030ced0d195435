"""`keras_core.optimizers.get`, `serialize` and `deserialize`."""

import numpy as np
import pytest

import keras_core
from keras_core import optimizers

KERAS_NAMES = {
    "adadelta": "Adadelta",
    "adagrad": "Adagrad",
    "adam": "Adam",
    "adamax": "Adamax",
    "adamw": "AdamW",
    "nadam": "Nadam",
    "rmsprop": "RMSprop",
    "sgd": "SGD",
}


@pytest.mark.parametrize("name", sorted(KERAS_NAMES))
def test_get_finds_each_optimizer_by_name_in_any_case(name):
    cls = getattr(optimizers, KERAS_NAMES[name])
    for spelling in (name, name.upper(), KERAS_NAMES[name]):
        optimizer = optimizers.get(spelling)
        assert type(optimizer) is cls
        assert optimizer.get_config() == {
            **cls().get_config(),
            "name": optimizer.name,
        }


def test_get_passes_instances_and_none_through():
    optimizer = optimizers.Adam()
    assert optimizers.get(optimizer) is optimizer
    assert optimizers.get(None) is None


def test_get_reads_config_dicts():
    adam = optimizers.get({"class_name": "Adam", "config": {"learning_rate": 0.5}})
    assert isinstance(adam, optimizers.Adam)
    assert adam.get_config()["learning_rate"] == pytest.approx(0.5)
    rmsprop = optimizers.get({"class_name": "rmsprop", "config": {"rho": 0.5}})
    assert isinstance(rmsprop, optimizers.RMSprop) and rmsprop.rho == 0.5


def test_serialize_matches_keras_output():
    record = optimizers.serialize(optimizers.Adam(name="adam"))
    assert record == {
        "module": "keras.optimizers",
        "class_name": "Adam",
        "config": {
            "name": "adam",
            "learning_rate": float(np.float32(0.001)),
            "weight_decay": None,
            "clipnorm": None,
            "global_clipnorm": None,
            "clipvalue": None,
            "use_ema": False,
            "ema_momentum": 0.99,
            "ema_overwrite_frequency": None,
            "loss_scale_factor": None,
            "gradient_accumulation_steps": None,
            "beta_1": 0.9,
            "beta_2": 0.999,
            "epsilon": 1e-07,
            "amsgrad": False,
        },
        "registered_name": None,
    }


def test_round_trip_keeps_a_schedule():
    schedule = optimizers.schedules.ExponentialDecay(0.1, 10, 0.5)
    optimizer = optimizers.SGD(learning_rate=schedule, momentum=0.9)
    record = optimizers.serialize(optimizer)
    assert record["config"]["learning_rate"]["class_name"] == "ExponentialDecay"
    restored = optimizers.deserialize(record)
    assert restored.get_config() == optimizer.get_config()
    variable = keras_core.Variable(np.ones(1, "float32"))
    for _ in range(10):
        restored.apply([np.ones(1, "float32")], [variable])
    # At step 10 the decayed rate is half the initial one.
    np.testing.assert_allclose(
        keras_core.ops.convert_to_numpy(restored.learning_rate), 0.05, rtol=1e-6
    )


def test_deserialize_accepts_a_name_and_a_wrapped_optimizer():
    assert isinstance(optimizers.deserialize("Nadam"), optimizers.Nadam)
    wrapped = optimizers.LossScaleOptimizer(optimizers.AdamW(0.01))
    restored = optimizers.deserialize(optimizers.serialize(wrapped))
    assert isinstance(restored, optimizers.LossScaleOptimizer)
    assert isinstance(restored.inner_optimizer, optimizers.AdamW)


def test_custom_optimizers_through_custom_objects_and_registration():
    class HalfSGD(optimizers.SGD):
        def update_step(self, gradient, variable, learning_rate):
            super().update_step(gradient * 0.5, variable, learning_rate)

    record = optimizers.serialize(HalfSGD(0.1))
    with pytest.raises(TypeError, match="Could not locate optimizer"):
        optimizers.deserialize(record)
    restored = optimizers.deserialize(record, custom_objects={"HalfSGD": HalfSGD})
    assert type(restored) is HalfSGD
    registered = keras_core.saving.register_keras_serializable("tests")(HalfSGD)
    assert type(optimizers.get("tests>HalfSGD")) is registered
    assert type(optimizers.deserialize(optimizers.serialize(HalfSGD()))) is HalfSGD


@pytest.mark.parametrize(
    "identifier", ["adamm", 3, optimizers.Adam, {"class_name": "Adam"}]
)
def test_get_rejects_what_it_cannot_interpret(identifier):
    with pytest.raises(ValueError, match="Could not interpret optimizer identifier"):
        optimizers.get(identifier)


def test_unknown_names_and_bad_configs_are_explained():
    with pytest.raises(ValueError, match=r"Expected one of .*'rmsprop'"):
        optimizers.get("rms_prop")
    with pytest.raises(TypeError, match="Could not locate optimizer 'Foo'"):
        optimizers.deserialize({"class_name": "Foo", "config": {}})
    with pytest.raises(ValueError, match=r"optimizers\.deserialize expects a config"):
        optimizers.deserialize(3)
