"""The nn normalization ops (moments, batch_normalization,
layer_normalization, rms_normalization), driven by one declarative table.

Every row is checked against the NumPy formulas below, symbolically,
inside the backend compiler and, for float rows, for gradients against
finite differences. Result dtypes are checked against Keras 3.15
(`dtype_oracle_normalization.json`), then half precision, options and
errors.
"""

import os
import warnings

import ml_dtypes
import numpy as np
import pytest
from op_testing import BACKEND
from op_testing import Case
from op_testing import TableTests
from op_testing import dtype_mismatches
from op_testing import load_oracle
from op_testing import positive
from op_testing import signed
from op_testing import to_numpy

from keras_core import ops
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor

EPSILON = 1e-7  # keras_core.config.epsilon()


def _axes(axes):
    return tuple(axes) if isinstance(axes, (list, tuple)) else axes


def moments_reference(x, axes, keepdims=False, synchronized=False):
    axes = _axes(axes)
    return np.mean(x, axis=axes, keepdims=keepdims), np.var(
        x, axis=axes, keepdims=keepdims
    )


def batch_normalization_reference(
    x, mean, variance, axis, offset=None, scale=None, epsilon=1e-3
):
    shape = [1] * x.ndim
    shape[axis] = x.shape[axis]

    def along(v):
        return 0.0 if v is None else np.reshape(v, shape)

    result = (x - along(mean)) / np.sqrt(along(variance) + epsilon)
    if scale is not None:
        result = result * along(scale)
    return result + along(offset)


def layer_normalization_reference(
    x, gamma=None, beta=None, axis=-1, epsilon=None, rms_scaling=False
):
    epsilon = EPSILON if epsilon is None else epsilon
    axes = _axes(axis)
    mean = np.mean(x, axis=axes, keepdims=True)
    variance = np.var(x, axis=axes, keepdims=True)
    if rms_scaling:
        return x / np.sqrt(variance + epsilon) * (1.0 if gamma is None else gamma)
    result = (x - mean) / np.sqrt(variance + epsilon)
    if gamma is not None:
        result = result * gamma
    return result if beta is None else result + beta


def rms_normalization_reference(x, scale=None, axis=-1, epsilon=None):
    epsilon = EPSILON if epsilon is None else epsilon
    mean_square = np.mean(x * x, axis=_axes(axis), keepdims=True)
    result = x / np.sqrt(mean_square + epsilon)
    return result if scale is None else result * scale


def truncated(reference, dtype):
    """`reference` on float values, truncated toward zero into `dtype`."""

    def wrapped(x, *args, **kwargs):
        return reference(x.astype("float64"), *args, **kwargs).astype(dtype)

    return wrapped


def _ints(*shape):
    return np.arange(int(np.prod(shape))).reshape(shape).astype("int32") * 3 % 7


def _rows():
    x = signed(3, 4, 5)
    return [
        Case(
            "moments", (x, [0]), reference=moments_reference, grad=True, label="axis 0"
        ),
        Case(
            "moments",
            (x, [0, 2]),
            {"keepdims": True},
            reference=moments_reference,
            grad=True,
            label="axes,keepdims",
        ),
        Case(
            "moments", (x, -1), reference=moments_reference, grad=True, label="int axis"
        ),
        Case(
            "moments",
            (x, [0, 1, 2]),
            reference=moments_reference,
            grad=True,
            label="all axes",
        ),
        Case(
            "moments",
            (x.astype("float16"), [1]),
            reference=moments_reference,
            rtol=2e-3,
            atol=2e-3,
            label="float16",
        ),
        Case(
            "moments",
            (_ints(3, 4), [1]),
            reference=moments_reference,
            rtol=1e-5,
            label="int32",
        ),
        Case(
            "batch_normalization",
            (x, signed(5), positive(5), -1),
            {"offset": signed(5), "scale": signed(5)},
            reference=batch_normalization_reference,
            grad=True,
            rtol=1e-5,
            atol=1e-5,
            label="last axis",
        ),
        Case(
            "batch_normalization",
            (x, signed(4), positive(4), 1),
            {"epsilon": 0.5},
            reference=batch_normalization_reference,
            grad=True,
            rtol=1e-5,
            atol=1e-5,
            label="axis 1",
        ),
        Case(
            "batch_normalization",
            (x, signed(3), positive(3), 0),
            {"scale": signed(3)},
            reference=batch_normalization_reference,
            grad=True,
            grow=(),
            rtol=1e-5,
            atol=1e-5,
            label="axis 0",
        ),
        Case(
            "batch_normalization",
            (
                _ints(2, 3),
                np.array([1, 2, 3], "int32"),
                np.array([1, 2, 3], "int32"),
                -1,
            ),
            reference=batch_normalization_reference,
            rtol=1e-5,
            label="int32",
        ),
        Case(
            "layer_normalization",
            (x,),
            reference=layer_normalization_reference,
            grad=True,
            rtol=1e-5,
            atol=1e-5,
            label="default",
        ),
        Case(
            "layer_normalization",
            (x, signed(5), signed(5)),
            {"epsilon": 0.1},
            reference=layer_normalization_reference,
            grad=True,
            rtol=1e-5,
            atol=1e-5,
            label="gamma,beta",
        ),
        Case(
            "layer_normalization",
            (x,),
            {"gamma": signed(4, 5), "axis": (1, 2)},
            reference=layer_normalization_reference,
            grad=True,
            rtol=1e-5,
            atol=1e-5,
            label="two axes",
        ),
        Case(
            "layer_normalization",
            (x, signed(3)),
            {"axis": 0},
            reference=lambda x, g, axis: layer_normalization_reference(
                x, g.reshape(3, 1, 1), axis=axis
            ),
            grad=True,
            grow=(),
            rtol=1e-5,
            atol=1e-5,
            label="gamma along axis 0",
        ),
        Case(
            "layer_normalization",
            (x, signed(5), signed(5)),
            {"rms_scaling": True},
            reference=layer_normalization_reference,
            grad=True,
            rtol=1e-5,
            atol=1e-5,
            label="rms_scaling",
        ),
        Case(
            "layer_normalization",
            (_ints(2, 6),),
            reference=truncated(layer_normalization_reference, "int32"),
            label="int32 truncates",
        ),
        Case(
            "rms_normalization",
            (x,),
            reference=rms_normalization_reference,
            grad=True,
            rtol=1e-5,
            atol=1e-5,
            label="default",
        ),
        Case(
            "rms_normalization",
            (x, signed(5)),
            {"epsilon": 0.1},
            reference=rms_normalization_reference,
            grad=True,
            rtol=1e-5,
            atol=1e-5,
            label="scale",
        ),
        Case(
            "rms_normalization",
            (x, 2.0),
            {"axis": [0, 2]},
            reference=rms_normalization_reference,
            grad=True,
            rtol=1e-5,
            atol=1e-5,
            label="scalar scale,two axes",
        ),
        Case(
            "rms_normalization",
            (x.astype("float16"),),
            reference=rms_normalization_reference,
            rtol=2e-3,
            atol=2e-3,
            label="float16",
        ),
        Case(
            "rms_normalization",
            (_ints(2, 6),),
            reference=truncated(rms_normalization_reference, "int32"),
            label="int32 truncates",
        ),
    ]


# The rms_scaling row warns (deprecated) each time it runs.
@pytest.mark.filterwarnings("ignore:layer_normalization. .rms_scaling")
class TestNormalization(TableTests):
    CASES = _rows()


def test_every_op_has_a_row():
    from keras_core._src.ops.nn import normalization

    names = sorted({c.op for c in TestNormalization.CASES})
    assert names == sorted(normalization.__all__)


ORACLE, _TABLE = load_oracle(
    os.path.join(os.path.dirname(__file__), "dtype_oracle_normalization.json")
)


def _expected_table():
    """This backend's expected dtypes.

    Keras's TensorFlow backend keeps integer dtypes for `moments` and
    `batch_normalization` (truncating the statistics) and bfloat16 for
    `batch_normalization`; we give the float results of its other backends
    on every backend (its JAX recording where they differ).
    """
    if BACKEND != "tensorflow":
        return ORACLE, _TABLE
    table = {name: dict(row) for name, row in _TABLE.items()}
    for name in ("moments", "batch_normalization"):
        for key, value in table[name].items():
            if value != ORACLE["jax"][name][key] and key != "float64":
                table[name][key] = ORACLE["jax"][name][key]
    return ORACLE, table


FUNCTIONS = {
    "moments": lambda x: ops.moments(x, axes=[0])[0],
    "batch_normalization": lambda x: ops.batch_normalization(x, x, x, axis=-1),
    "layer_normalization": ops.layer_normalization,
    "rms_normalization": ops.rms_normalization,
}


@pytest.mark.parametrize("op_name", sorted(FUNCTIONS))
def test_result_dtypes_match_keras(op_name):
    oracle, table = _expected_table()
    mismatches = dtype_mismatches(FUNCTIONS[op_name], oracle, table, op_name)
    assert not mismatches, mismatches


def test_moments_variance_has_the_mean_dtype():
    for dtype in ("float16", "bfloat16", "int8", "bool"):
        x = np.array([1, 2, 4], ml_dtypes.bfloat16 if dtype == "bfloat16" else dtype)
        mean, variance = ops.moments(x, axes=[0])
        assert mean.dtype == variance.dtype


def test_moments_accumulates_half_precision_in_float32():
    # bfloat16 holds 1000, 1000, 1000 and 1004: variance 3, as Keras's jax
    # backend gives; float16 statistics too large for it saturate.
    x = np.array([1000, 1001, 1002, 1003], "float32").astype(ml_dtypes.bfloat16)
    _, variance = ops.moments(x, axes=[0])
    assert standardize_dtype(variance.dtype) == "bfloat16"
    assert float(to_numpy(ops.cast(variance, "float32"))) == 3.0
    large = np.array([0, 1000, 2000, 3000], "float16")
    mean, variance = to_numpy(ops.moments(large, axes=[0]))
    assert variance.dtype == np.float16
    assert variance == np.finfo("float16").max
    assert mean == 1500


def test_moments_synchronized():
    x = signed(4, 3)
    if BACKEND != "tensorflow":
        with pytest.raises(NotImplementedError, match="synchronized=True"):
            ops.moments(x, axes=[0], synchronized=True)
        return
    # Outside a distribution strategy: the local statistics.
    mean, variance = to_numpy(ops.moments(x, axes=[0], synchronized=True))
    np.testing.assert_allclose(mean, x.mean(0), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(variance, x.var(0), rtol=1e-5, atol=1e-6)


def test_layer_normalization_default_epsilon_is_config_epsilon():
    # Nearly constant rows: the variance (2.2e-9) is below epsilon.
    x = np.array([1.0, 1.0, 1.0001], "float32")
    expected = layer_normalization_reference(x.astype("float64"))
    got = to_numpy(ops.layer_normalization(x))
    np.testing.assert_allclose(got, expected, rtol=1e-2)


def test_normalizations_keep_the_input_dtype_with_float32_parameters():
    x = signed(2, 3).astype("float16")
    gamma = signed(3)
    assert to_numpy(ops.layer_normalization(x, gamma)).dtype == np.float16
    assert to_numpy(ops.rms_normalization(x, gamma)).dtype == np.float16


def test_rms_scaling_is_deprecated():
    with pytest.warns(UserWarning, match="rms_scaling"):
        ops.layer_normalization(signed(2, 3), rms_scaling=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ops.layer_normalization(signed(2, 3), rms_scaling=False)


def test_symbolic_moments_and_keyword_parameters():
    x = KerasTensor((None, 4, 5))
    mean, variance = ops.moments(x, axes=[1], keepdims=True)
    assert mean.shape == variance.shape == (None, 1, 5)
    out = ops.layer_normalization(x, gamma=KerasTensor((5,)), axis=-1)
    assert out.shape == (None, 4, 5)
    out = ops.batch_normalization(x, KerasTensor((4,)), KerasTensor((4,)), axis=1)
    assert out.shape == (None, 4, 5) and out.dtype == "float32"


@pytest.mark.parametrize(
    "call, error, message",
    [
        (
            lambda: ops.layer_normalization(signed(2, 3), foo=True),
            TypeError,
            "layer_normalization.*unexpected keyword arguments \\['foo'\\]",
        ),
        (
            lambda: ops.batch_normalization(
                signed(2, 3), signed(2), positive(2), axis=-1
            ),
            ValueError,
            "batch_normalization: `mean` must have x.shape\\[axis\\] = 3",
        ),
        (
            lambda: ops.batch_normalization(
                np.ones((2, 3), bool), np.ones(3, bool), np.ones(3, bool), axis=-1
            ),
            TypeError,
            "batch_normalization.*boolean",
        ),
        (
            lambda: ops.layer_normalization(signed(2, 3), bad_argument=1),
            TypeError,
            "bad_argument",
        ),
    ],
)
def test_bad_arguments_are_refused(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_batch_normalization_symbolic_refuses_wrong_lengths():
    with pytest.raises(ValueError, match="`variance` must have"):
        ops.batch_normalization(
            KerasTensor((None, 3)), KerasTensor((3,)), KerasTensor((2,)), axis=-1
        )
