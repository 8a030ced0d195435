"""keras_core.constraints: projections, configs, get/serialize/deserialize."""

import numpy as np
import pytest

from keras_core import constraints
from keras_core import ops
from keras_core._src.saving.serialization_lib import serialize_keras_object

EPSILON = 1e-7
WEIGHTS = np.array([[1.0, -2.0, 3.0], [0.5, 2.0, -1.0]], "float32")


def values(tensor):
    return ops.convert_to_numpy(tensor).astype("float64")


def norms(w, axis):
    axis = tuple(axis) if isinstance(axis, list) else axis
    return np.sqrt(np.sum(np.square(w.astype("float64")), axis=axis, keepdims=True))


def test_base_constraint_is_identity():
    w = ops.convert_to_tensor(WEIGHTS)
    assert constraints.Constraint()(w) is w
    assert constraints.Constraint().get_config() == {}
    assert isinstance(constraints.Constraint.from_config({}), constraints.Constraint)


@pytest.mark.parametrize("axis", [0, 1, [0, 1]])
@pytest.mark.parametrize("max_value", [1.0, 2.5])
def test_max_norm(axis, max_value):
    n = norms(WEIGHTS, axis)
    expected = WEIGHTS * np.clip(n, 0, max_value) / (EPSILON + n)
    out = values(constraints.MaxNorm(max_value, axis=axis)(WEIGHTS))
    np.testing.assert_allclose(out, expected, rtol=1e-5)
    assert np.all(norms(out, axis) <= max_value + 1e-5)


@pytest.mark.parametrize("axis", [0, 1])
def test_unit_norm(axis):
    out = values(constraints.UnitNorm(axis=axis)(WEIGHTS))
    np.testing.assert_allclose(out, WEIGHTS / norms(WEIGHTS, axis), rtol=1e-5)
    np.testing.assert_allclose(norms(out, axis), 1.0, rtol=1e-5)


@pytest.mark.parametrize("rate", [1.0, 0.5])
def test_min_max_norm(rate):
    n = norms(WEIGHTS, 0)
    desired = rate * np.clip(n, 0.5, 1.5) + (1 - rate) * n
    out = values(constraints.MinMaxNorm(0.5, 1.5, rate)(WEIGHTS))
    np.testing.assert_allclose(out, WEIGHTS * desired / (EPSILON + n), rtol=1e-5)
    # Hand-computed (Keras gives the same): column norms sqrt(1.25), sqrt(8),
    # sqrt(10) move halfway to their clipped values.
    if rate == 0.5:
        np.testing.assert_allclose(out[1], [0.5, 1.5303302, -0.7371708], rtol=1e-5)


def test_non_neg():
    out = ops.convert_to_numpy(constraints.NonNeg()(WEIGHTS))
    np.testing.assert_array_equal(out, [[1.0, 0.0, 3.0], [0.5, 2.0, 0.0]])
    assert not np.any(np.signbit(out))
    ints = ops.convert_to_numpy(constraints.NonNeg()(np.array([-1, 2], "int32")))
    np.testing.assert_array_equal(ints, [0, 2])
    assert ints.dtype == np.int32


def test_zero_weights_stay_zero():
    zeros = np.zeros((2, 2), "float32")
    for constraint in (constraints.MaxNorm(), constraints.UnitNorm()):
        np.testing.assert_array_equal(values(constraint(zeros)), zeros)


CONFIGS = {
    "MaxNorm": {"max_value": 2, "axis": 0},
    "MinMaxNorm": {"min_value": 0.0, "max_value": 1.0, "rate": 1.0, "axis": 0},
    "NonNeg": {},
    "UnitNorm": {"axis": 0},
}
ALIASES = {
    "max_norm": "MaxNorm",
    "min_max_norm": "MinMaxNorm",
    "non_neg": "NonNeg",
    "unit_norm": "UnitNorm",
}


def test_public_names():
    public = [name for name in dir(constraints) if not name.startswith("_")]
    assert len(public) == 12
    for alias, name in ALIASES.items():
        assert getattr(constraints, alias) is getattr(constraints, name)


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_default_configs_and_records(name):
    cls = getattr(constraints, name)
    assert cls().get_config() == CONFIGS[name]
    record = serialize_keras_object(cls())
    assert record == {
        "module": "keras.constraints",
        "class_name": name,
        "config": CONFIGS[name],
        "registered_name": None,
    }
    assert constraints.serialize(cls()) == record
    restored = constraints.deserialize(record)
    assert type(restored) is cls and restored.get_config() == CONFIGS[name]


def test_config_round_trip_keeps_arguments():
    original = constraints.MinMaxNorm(0.2, 3.0, rate=0.4, axis=[0, 1])
    restored = constraints.MinMaxNorm.from_config(original.get_config())
    np.testing.assert_allclose(values(restored(WEIGHTS)), values(original(WEIGHTS)))
    assert serialize_keras_object(constraints.Constraint())["module"] == (
        "keras.constraints"
    )


@pytest.mark.parametrize("alias, name", sorted(ALIASES.items()))
def test_get_by_name(alias, name):
    for identifier in (alias, name):
        assert type(constraints.get(identifier)) is getattr(constraints, name)


def test_get_other_identifiers():
    assert constraints.get(None) is None
    instance = constraints.NonNeg()
    assert constraints.get(instance) is instance
    assert type(constraints.get(constraints.UnitNorm)) is constraints.UnitNorm
    assert constraints.get(abs) is abs
    from_dict = constraints.get({"class_name": "MaxNorm", "config": {"max_value": 3}})
    assert from_dict.get_config() == {"max_value": 3, "axis": 0}
    assert constraints.serialize("non_neg") == "non_neg"


def test_get_errors():
    with pytest.raises(ValueError, match=r"interpret constraint identifier: 3"):
        constraints.get(3)
    with pytest.raises(ValueError, match=r"Unknown constraint: 'glorot_uniform'"):
        constraints.get("glorot_uniform")
