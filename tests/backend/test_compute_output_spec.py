"""compute_output_spec: output shapes and dtypes by abstract evaluation."""

import numpy as np
import pytest

import keras_core
from keras_core import KerasTensor
from keras_core._src.backend import core


def test_static_shapes_and_dtypes():
    x = KerasTensor((2, 3), dtype="float32")
    w = KerasTensor((3, 4), dtype="float32")
    out = core.compute_output_spec(lambda a, b: a @ b, x, w)
    assert isinstance(out, KerasTensor)
    assert (out.shape, out.dtype) == ((2, 4), "float32")


def test_unknown_dimensions_stay_unknown():
    x = KerasTensor((None, 3))
    out = core.compute_output_spec(lambda a: a + 1.0, x)
    assert out.shape == (None, 3)
    sliced = core.compute_output_spec(lambda a: a[:, :2], x)
    assert sliced.shape == (None, 2)
    w = KerasTensor((3, 5))
    assert core.compute_output_spec(lambda a, b: a @ b, x, w).shape == (None, 5)
    reduced = core.compute_output_spec(lambda a: a[0], KerasTensor((None, None, 4)))
    assert reduced.shape == (None, 4)


def test_nested_outputs_kwargs_and_static_arguments():
    x = KerasTensor((None, 2), dtype="int32")

    def fn(a, scale, extra=None):
        return {"scaled": core.cast(a, "float16") * scale, "items": [a[:, 0], extra]}

    out = core.compute_output_spec(fn, x, 2.0, extra=7)
    assert (out["scaled"].shape, out["scaled"].dtype) == ((None, 2), "float16")
    assert (out["items"][0].shape, out["items"][0].dtype) == ((None,), "int32")
    assert out["items"][1] == 7


def test_variables_read_but_never_written():
    v = keras_core.Variable(np.ones(3, "float32"))

    def fn(a):
        v.assign(v + a)
        return v.value * 2.0

    out = core.compute_output_spec(fn, KerasTensor((3,)))
    assert (out.shape, out.dtype) == ((3,), "float32")
    np.testing.assert_array_equal(v.numpy(), [1.0, 1.0, 1.0])


def test_errors_from_the_function_propagate():
    x = KerasTensor((2, 3))
    y = KerasTensor((4, 5))
    with pytest.raises(Exception):  # noqa: B017 - each framework has its own type
        core.compute_output_spec(lambda a, b: a @ b, x, y)
