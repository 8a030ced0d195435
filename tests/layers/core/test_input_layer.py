"""keras_core.Input."""

import pytest

import keras_core
from keras_core import Input
from keras_core import KerasTensor
from keras_core._src.backend import core


def test_shape_and_batch_size():
    x = Input(shape=(28, 28, 1))
    assert isinstance(x, KerasTensor)
    assert x.shape == (None, 28, 28, 1)
    assert x.dtype == "float32"
    assert x.name == "keras_tensor"
    y = Input(shape=(3,), batch_size=4, dtype="int32", name="ids")
    assert (y.shape, y.dtype, y.name) == ((4, 3), "int32", "ids")


def test_batch_shape_and_floatx():
    keras_core.config.set_floatx("float16")
    x = Input(batch_shape=(None, 2, None))
    assert x.shape == (None, 2, None)
    assert x.dtype == "float16"


def test_wrapping_an_existing_tensor():
    tensor = KerasTensor((None, 5), dtype="int8")
    assert Input(tensor=tensor) is tensor
    with pytest.raises(ValueError, match="must be a KerasTensor"):
        Input(tensor=[1, 2])
    with pytest.raises(ValueError, match="does not match"):
        Input(shape=(6,), tensor=tensor)


def test_bad_arguments():
    with pytest.raises(ValueError, match="must pass a `shape`"):
        Input()
    with pytest.raises(ValueError, match="both `shape` and `batch_shape`"):
        Input(shape=(2,), batch_shape=(None, 2))
    with pytest.raises(ValueError, match=r"shape=\(3,\)"):
        Input(shape=3)
    with pytest.raises(ValueError, match="shape"):
        Input(shape=(-2,))


def test_sparse_and_ragged_follow_backend_support():
    if core.SUPPORTS_SPARSE_TENSORS:
        assert Input(shape=(3,), sparse=True).sparse
    else:
        with pytest.raises(ValueError, match="sparse=True` is not supported"):
            Input(shape=(3,), sparse=True)
    if core.SUPPORTS_RAGGED_TENSORS:
        assert Input(shape=(None,), ragged=True).ragged
    else:
        with pytest.raises(ValueError, match="ragged=True` is not supported"):
            Input(shape=(None,), ragged=True)
