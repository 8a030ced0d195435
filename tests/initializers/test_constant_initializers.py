"""Constant, Zeros and Ones: values, dtypes, broadcasting and configs."""

import numpy as np
import pytest

from keras_core import config
from keras_core import initializers
from keras_core import ops


def values(tensor):
    return ops.convert_to_numpy(tensor)


@pytest.mark.parametrize("dtype", [None, "float32", "float16", "int32"])
def test_zeros_and_ones(dtype):
    expected_dtype = dtype or "float32"
    zeros = values(initializers.Zeros()((2, 3), dtype=dtype))
    ones = values(initializers.Ones()((4,), dtype=dtype))
    np.testing.assert_array_equal(zeros, np.zeros((2, 3), expected_dtype))
    np.testing.assert_array_equal(ones, np.ones((4,), expected_dtype))
    assert str(zeros.dtype) == expected_dtype and str(ones.dtype) == expected_dtype


def test_default_dtype_follows_floatx():
    config.set_floatx("float16")
    assert str(values(initializers.Ones()((2,))).dtype) == "float16"
    assert str(values(initializers.Constant(2.0)((2,))).dtype) == "float16"


def test_constant_scalar_broadcasts():
    out = values(initializers.Constant(3)((2, 2)))
    np.testing.assert_array_equal(out, np.full((2, 2), 3.0, "float32"))
    assert str(out.dtype) == "float32"
    out = values(initializers.Constant(7)((3,), dtype="int32"))
    np.testing.assert_array_equal(out, np.array([7, 7, 7], "int32"))


@pytest.mark.parametrize("value", [[1.0, 2.0], np.array([1.0, 2.0])])
def test_constant_array_value_broadcasts(value):
    out = values(initializers.Constant(value)((3, 2)))
    np.testing.assert_array_equal(out, np.tile([1.0, 2.0], (3, 1)))


def test_constant_shape_mismatch_error():
    with pytest.raises(ValueError, match=r"Constant.*\(3,\).*\(2, 2\)"):
        initializers.Constant([1.0, 2.0, 3.0])((2, 2))


def test_configs():
    assert initializers.Constant().get_config() == {"value": 0.0}
    assert initializers.Constant(3).get_config() == {"value": 3}
    assert initializers.Constant([1.0, 2.0]).get_config() == {"value": [1.0, 2.0]}
    assert initializers.Zeros().get_config() == {}
    assert initializers.Ones().get_config() == {}


def test_constant_array_round_trips_through_serialize():
    config_dict = initializers.serialize(initializers.Constant(np.array([1.0, 2.0])))
    assert config_dict["config"]["value"] == {
        "class_name": "__numpy__",
        "config": {"value": [1.0, 2.0], "dtype": "float64"},
    }
    restored = initializers.deserialize(config_dict)
    np.testing.assert_array_equal(values(restored((2,))), [1.0, 2.0])
    clone = initializers.Constant(5.0).clone()
    np.testing.assert_array_equal(values(clone((1,))), [5.0])
