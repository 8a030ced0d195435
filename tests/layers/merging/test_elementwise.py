"""The element-wise merging layers (Add, ..., Minimum) and their functions."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

A = np.arange(6, dtype="float32").reshape(2, 3) - 2
B = np.array([[1.0, -1.0, 0.5], [2.0, 0.0, -3.0]], dtype="float32")
C = np.full((2, 3), 0.25, dtype="float32")

CASES = [
    (layers.Add, layers.add, lambda xs: sum(xs)),
    (layers.Multiply, layers.multiply, lambda xs: np.prod(xs, axis=0)),
    (layers.Average, layers.average, lambda xs: np.mean(xs, axis=0)),
    (layers.Maximum, layers.maximum, lambda xs: np.max(xs, axis=0)),
    (layers.Minimum, layers.minimum, lambda xs: np.min(xs, axis=0)),
]


def _np(x):
    return ops.convert_to_numpy(x)


@pytest.mark.parametrize("cls, function, reference", CASES)
def test_values_against_numpy(cls, function, reference):
    np.testing.assert_allclose(_np(cls()([A, B, C])), reference([A, B, C]), rtol=1e-6)
    np.testing.assert_allclose(_np(function([A, B])), reference([A, B]), rtol=1e-6)
    np.testing.assert_allclose(_np(cls()([A])), A)


def test_subtract():
    np.testing.assert_allclose(_np(layers.Subtract()([A, B])), A - B)
    np.testing.assert_allclose(_np(layers.subtract([A, B])), A - B)
    with pytest.raises(ValueError, match=r"'sub'.*exactly 2 inputs.*\(2, 3\)"):
        layers.Subtract(name="sub")([A, B, C])
    with pytest.raises(ValueError, match="exactly 2 inputs"):
        layers.Subtract()([keras_core.Input((3,))])


def test_broadcasting_rules():
    x3 = np.random.RandomState(0).rand(2, 3, 4).astype("float32")
    x2 = np.random.RandomState(1).rand(2, 4).astype("float32")
    # A lower-rank input gets axes right after its batch axis.
    np.testing.assert_allclose(_np(layers.Add()([x3, x2])), x3 + x2[:, None, :])
    col = np.ones((2, 1), "float32")
    np.testing.assert_allclose(_np(layers.Add()([A, col])), A + 1)
    with pytest.raises(ValueError, match=r"'adder'.*\(3, 4\) and \(3,\)"):
        layers.Add(name="adder")([x3, np.ones((2, 3), "float32")])
    with pytest.raises(ValueError, match=r"different batch sizes.*\(2, 3\), \(1, 3\)"):
        layers.Add()([A, np.ones((1, 3), "float32")])


def test_symbolic_shapes_and_dtypes():
    i3 = keras_core.Input((3,))
    assert layers.Add()([i3, keras_core.Input((None,))]).shape == (None, 3)
    assert layers.Add()([keras_core.Input((1,)), keras_core.Input((4,))]).shape == (
        None,
        4,
    )
    assert layers.Maximum()([keras_core.Input((2, 3)), i3]).shape == (None, 2, 3)
    ints = [keras_core.Input((2,), dtype="int32") for _ in range(2)]
    assert layers.Add()(ints).dtype == "int32"
    assert layers.Average()(ints).dtype == "float32"
    assert layers.Add().compute_output_shape([(None, 1, 3), (None, 5, 1)]) == (
        None,
        5,
        3,
    )
    with pytest.raises(ValueError, match=r"incompatible shapes.*\(3,\) and \(4,\)"):
        layers.Add()([i3, keras_core.Input((4,))])


def test_input_list_errors():
    with pytest.raises(ValueError, match=r"'m'.*list of inputs.*\(2, 3\)"):
        layers.Add(name="m")(A)
    with pytest.raises(ValueError, match="at least 1 input"):
        layers.Multiply()([])
    with pytest.raises(ValueError, match="list of inputs"):
        layers.Add().build((None, 3))


def test_model_mask_merging():
    x1 = np.array([[[0, 0], [1, 1], [2, 2]]], "float32")
    x2 = np.array([[[1, 0], [0, 0], [0, 0]]], "float32")
    i1, i2 = keras_core.Input((3, 2)), keras_core.Input((3, 2))
    m1, m2 = layers.Masking()(i1), layers.Masking()(i2)
    for cls in (layers.Add, layers.Subtract, layers.Multiply, layers.Average):
        merged = cls()([m1, m2])
        assert merged._keras_mask.shape == (None, 3)
    # A step is kept where either input keeps it. One model per call: the
    # Layer base's eager fast path drops Masking's mask on repeated calls
    # (reported to the lead).
    for second, expected in ((x2, [[1.0, 1.0, 1.0]]), (0 * x2, [[0.0, 1.0, 1.0]])):
        i1, i2 = keras_core.Input((3, 2)), keras_core.Input((3, 2))
        merged = layers.Maximum()([layers.Masking()(i1), layers.Masking()(i2)])
        model = keras_core.Model([i1, i2], MaskAsOutput()(merged))
        np.testing.assert_array_equal(_np(model([x1, second])), expected)
    # An input without a mask gives no merged mask.
    unmasked = layers.Add()([m1, i2])
    assert getattr(unmasked, "_keras_mask", None) is None


def test_compute_mask_directly():
    m1 = np.array([[True, False, True]])
    m2 = np.array([[True, False, False]])
    layer = layers.Add(name="adder")
    np.testing.assert_array_equal(_np(layer.compute_mask([A, A], [m1, m2])), m1 | m2)
    assert layer.compute_mask([A, A], None) is None
    assert layer.compute_mask([A, A], [m1, None]) is None
    with pytest.raises(ValueError, match=r"adder.*`mask` should be a list"):
        layer.compute_mask([A, A], m1)
    with pytest.raises(ValueError, match="same length"):
        layer.compute_mask([A, A], [m1])


class MaskAsOutput(layers.Layer):
    """Outputs the mask it received as 0/1 floats."""

    def call(self, inputs, mask=None):
        return ops.cast(mask, "float32")


@pytest.mark.parametrize("cls", [c for c, _, _ in CASES] + [layers.Subtract])
def test_config_serialization_and_mixed_precision(cls):
    layer = cls(name="merge")
    config = layer.get_config()
    assert set(config) == {"name", "trainable", "dtype"}
    assert cls.from_config(config).name == "merge"
    record = layers.serialize(layer)
    assert (record["module"], record["class_name"]) == ("keras.layers", cls.__name__)
    assert type(layers.deserialize(record)) is cls
    half = cls(dtype="mixed_float16")([A, B])
    assert keras_core.backend.standardize_dtype(half.dtype) == "float16"


def test_functional_forms_in_a_model():
    i1, i2 = keras_core.Input((3,)), keras_core.Input((3,))
    out = layers.add([i1, i2], name="summed")
    model = keras_core.Model([i1, i2], out)
    assert model.layers[-1].name == "summed"
    np.testing.assert_allclose(_np(model([A, B])), A + B)
