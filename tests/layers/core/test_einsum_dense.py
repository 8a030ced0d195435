"""Tests of `keras_core.layers.EinsumDense` (shapes observed in Keras 3.15)."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def _inputs(*shape, seed=0):
    return np.random.default_rng(seed).normal(size=shape).astype("float32")


# (equation, output_shape, bias_axes, input_shape, weight shapes, output shape)
CASES = [
    ("ab,bc->ac", 3, "c", (2, 4), [(4, 3), (3,)], (2, 3)),
    ("abc,cd->abd", (None, 5), "d", (2, 3, 4), [(4, 5), (5,)], (2, 3, 5)),
    ("abc,cde->abde", (None, 5, 6), "de", (2, 3, 4), [(4, 5, 6), (5, 6)], (2, 3, 5, 6)),
    ("abc,dc->abd", (None, 5), "d", (2, 4, 3), [(5, 3), (5,)], (2, 4, 5)),
    ("abcd,cde->abe", (None, 5), None, (2, 4, 3, 2), [(3, 2, 5)], (2, 4, 5)),
    ("...b,bc->...c", 5, "c", (2, 3, 4), [(4, 5), (5,)], (2, 3, 5)),
    ("...b,bc->...c", 5, None, (2, 6, 3, 4), [(4, 5)], (2, 6, 3, 5)),
    ("ab...,bc->ac...", 5, "c", (2, 4, 2, 3), [(4, 5), (5, 1, 1)], (2, 5, 2, 3)),
    ("ab,bcd->acd", (5, 6), "c", (2, 4), [(4, 5, 6), (5, 1)], (2, 5, 6)),
    # Run as one matrix product (einsum_matmul): a bias over the last kept
    # axis only, and two contracted axes behind an ellipsis.
    ("abc,cde->abde", (None, 5, 6), "e", (2, 3, 4), [(4, 5, 6), (6,)], (2, 3, 5, 6)),
    ("...cd,cde->...e", 5, "e", (2, 3, 4, 2), [(4, 2, 5), (5,)], (2, 3, 5)),
    # Not a plain product (kernel axes out of order): the einsum runs.
    ("abc,edc->abde", (None, 5, 6), "de", (2, 3, 4), [(6, 5, 4), (5, 6)], (2, 3, 5, 6)),
]


@pytest.mark.parametrize("equation,output_shape,bias_axes,shape,weights,out", CASES)
def test_shapes_and_values(equation, output_shape, bias_axes, shape, weights, out):
    layer = layers.EinsumDense(
        equation, output_shape, bias_axes=bias_axes, bias_initializer="ones"
    )
    x = _inputs(*shape)
    y = _np(layer(x))
    assert [tuple(w.shape) for w in layer.weights] == weights
    assert y.shape == out
    values = layer.get_weights()
    expected = np.einsum(equation, x, values[0])
    if bias_axes is not None:
        expected = expected + values[1]
    np.testing.assert_allclose(y, expected, rtol=1e-4, atol=1e-4)
    assert layer.compute_output_shape(shape) == out
    symbolic = layer(keras_core.Input(shape[1:]))
    assert symbolic.shape == (None, *out[1:])


@pytest.mark.parametrize(
    "equation,output_shape,bias_axes,shape,message",
    [
        ("ab,bc", 3, None, (None, 4), "Invalid einsum equation 'ab,bc'"),
        ("ab->ac", 3, None, (None, 4), "Invalid einsum equation"),
        ("a,b,c->abc", 3, None, (None, 4), "Invalid einsum equation"),
        ("ab, bc -> ac", 3, None, (None, 4), "Invalid einsum equation"),
        ("ab,bc->ac", 3, "d", (None, 4), "Bias dimension 'd' was requested"),
        ("ab,bc->ad", 3, None, (None, 4), "Dimension 'd' was specified in the output"),
        (
            "abc,cd->abd",
            (3,),
            None,
            (None, 2, 4),
            "shared dimension 'b'. Input shape is 2",
        ),
        ("ab,cd->ad", 3, None, (None, 4), "Weight dimension 'c' did not have a match"),
        ("ab,bc->ac", 3, None, (None, None), "cannot size its kernel"),
    ],
)
def test_equation_errors(equation, output_shape, bias_axes, shape, message):
    with pytest.raises(ValueError, match=message):
        layers.EinsumDense(equation, output_shape, bias_axes=bias_axes).build(shape)


def test_keras_quirks_kept_for_weight_transfer():
    # Extra output sizes line up by position, as in Keras.
    layer = layers.EinsumDense("abc,cd->abd", (2, 3, 4))
    layer.build((None, 2, 4))
    assert tuple(layer.weights[0].shape) == (4, 3)
    layer = layers.EinsumDense("AB,BC->AC", 3)
    layer.build((None, 4))
    assert tuple(layer.weights[0].shape) == (4, 3)


def test_config_round_trip():
    layer = layers.EinsumDense(
        "abc,cd->abd", (None, 5), bias_axes="d", activation="relu"
    )
    config = layer.get_config()
    assert list(config) == [
        "name",
        "trainable",
        "dtype",
        "output_shape",
        "equation",
        "activation",
        "bias_axes",
        "kernel_initializer",
        "bias_initializer",
        "kernel_regularizer",
        "bias_regularizer",
        "activity_regularizer",
        "kernel_constraint",
        "bias_constraint",
        "quantization_config",
    ]
    assert config["output_shape"] == (None, 5)
    clone = layers.EinsumDense.from_config(config)
    assert clone.get_config() == config
    restored = layers.deserialize(layers.serialize(layer))
    assert restored.equation == "abc,cd->abd"


def test_lora():
    layer = layers.EinsumDense("ab,bcd->acd", (5, 6), lora_rank=2, lora_alpha=6)
    layer.build((None, 4))
    assert [(w.name, tuple(w.shape)) for w in layer.weights] == [
        ("kernel", (4, 5, 6)),
        ("lora_kernel_a", (4, 5, 2)),
        ("lora_kernel_b", (2, 6)),
    ]
    a, b = _inputs(4, 5, 2, seed=1), _inputs(2, 6, seed=2)
    layer.lora_kernel_a.assign(a)
    layer.lora_kernel_b.assign(b)
    merged = layer._kernel.numpy() + 3.0 * np.einsum("bcr,rd->bcd", a, b)
    np.testing.assert_allclose(_np(layer.kernel), merged, rtol=1e-4, atol=1e-4)
    x = _inputs(2, 4)
    np.testing.assert_allclose(
        _np(layer(x)), np.einsum("ab,bcd->acd", x, merged), rtol=1e-4, atol=1e-4
    )
    assert layer.get_config()["lora_rank"] == 2


def test_mixed_precision_and_stateless_call():
    layer = layers.EinsumDense("ab,bc->ac", 3, bias_axes="c", dtype="mixed_float16")
    out = layer(_inputs(2, 4))
    assert ops.convert_to_numpy(out).dtype == np.float16
    assert [w.dtype for w in layer.weights] == ["float32", "float32"]
    layer = layers.EinsumDense("ab,bc->ac", 3, bias_axes="c")
    layer.build((None, 4))
    kernel, bias = _inputs(4, 3, seed=3), _inputs(3, seed=4)
    x = _inputs(2, 4)
    out, _ = layer.stateless_call([kernel, bias], [], x)
    np.testing.assert_allclose(_np(out), x @ kernel + bias, rtol=1e-5, atol=1e-5)


def test_quantize_not_implemented():
    layer = layers.EinsumDense("ab,bc->ac", 3)
    layer.build((None, 4))
    with pytest.raises(NotImplementedError, match="quantization"):
        layer.quantize("int8")


@pytest.mark.parametrize(
    "equation,output_shape,is_product",
    [
        ("abc,cde->abde", (None, 4, 8), True),
        ("abcd,cde->abe", (None, 16), True),
        ("ab,bc->ac", 3, True),
        ("abc,edc->abde", (None, 4, 8), False),
        ("ab...,bc->ac...", 3, False),
    ],
)
def test_matrix_product_plan(equation, output_shape, is_product):
    # MultiHeadAttention's projections run as one matmul-and-bias op.
    layer = layers.EinsumDense(equation, output_shape)
    layer.build((2, 5, 4, 8) if equation.startswith("abcd") else (2, 5, 8))
    assert (layer._matmul_plan is not None) == is_product
