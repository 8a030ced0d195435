"""The eager fast path of declared ops gives what the general path gives.

`OpDefinition.fast_eager` serves positional calls without binding every
argument, with cached dtype rules and without converting arguments that
are already backend tensors of the right dtype. Each case here calls an op
both ways (the general path is `definition.eager(definition.prepare(...))`)
and compares values, dtypes and errors.
"""

import threading

import numpy
import pytest

import keras_core
from keras_core import ops
from keras_core._src import backend
from keras_core._src.backend.common import global_state
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.scopes import AutocastScope
from keras_core._src.ops import op_definition


def tensor(values, dtype):
    return backend.core.convert_to_tensor(numpy.asarray(values), dtype=dtype)


def general(op, *args, **kwargs):
    definition = op.definition
    return definition.eager(definition.prepare(args, kwargs))


def fast(op, *args):
    result = op.definition.fast_eager(args)
    assert result is not op_definition._GENERAL
    return result


def assert_same(first, second):
    assert standardize_dtype(first.dtype) == standardize_dtype(second.dtype)
    numpy.testing.assert_array_equal(
        backend.core.convert_to_numpy(first), backend.core.convert_to_numpy(second)
    )


def operands():
    """Arguments of every kind an op may get, by name."""
    return {
        "float32": tensor([1.5, -2.0], "float32"),
        "float16": tensor([1.5, -2.0], "float16"),
        "int8": tensor([3, -4], "int8"),
        "uint8": tensor([3, 4], "uint8"),
        "int32": tensor([3, -4], "int32"),
        "bool": tensor([True, False], "bool"),
        "numpy_float64": numpy.array([0.25, 2.0]),
        "numpy_int16": numpy.array([7, 8], dtype="int16"),
        "python_int": 3,
        "python_float": 0.5,
        "python_bool": True,
        "list": [1, 2],
        "numpy_scalar": numpy.float32(2.0),
        "variable": keras_core.Variable(numpy.array([1.0, 2.0], "float32")),
        "int_variable": keras_core.Variable(numpy.array([5, 6], "int32")),
    }


PAIRS = [
    ("float32", "float32"),
    ("float32", "float16"),
    ("int8", "uint8"),
    ("int8", "python_int"),
    ("float16", "python_float"),
    ("int32", "python_float"),
    ("bool", "python_bool"),
    ("bool", "int8"),
    ("numpy_float64", "float32"),
    ("numpy_int16", "python_int"),
    ("list", "int8"),
    ("python_int", "python_float"),
    ("numpy_scalar", "int32"),
    ("variable", "float32"),
    ("variable", "python_int"),
    ("int_variable", "uint8"),
    ("float16", "variable"),
]


@pytest.mark.parametrize("op", [ops.add, ops.multiply, ops.divide, ops.maximum])
@pytest.mark.parametrize("first, second", PAIRS)
def test_binary_ops_match_general_path(op, first, second):
    values = operands()
    args = (values[first], values[second])
    expected = general(op, *args)
    assert_same(fast(op, *args), expected)
    assert_same(op(*args), expected)
    assert_same(op(x1=args[0], x2=args[1]), expected)


@pytest.mark.parametrize(
    "first, second", [("float32", "python_float"), ("int8", "int8")]
)
def test_comparison_gives_bool(first, second):
    values = operands()
    result = fast(ops.equal, values[first], values[second])
    assert_same(result, general(ops.equal, values[first], values[second]))
    assert standardize_dtype(result.dtype) == "bool"


def test_matmul_with_variable_matches_reference():
    x = numpy.arange(6, dtype="float32").reshape(2, 3)
    w = numpy.arange(6, dtype="float32").reshape(3, 2) / 4
    kernel = keras_core.Variable(w)
    result = ops.matmul(tensor(x, "float32"), kernel)
    assert standardize_dtype(result.dtype) == "float32"
    numpy.testing.assert_allclose(backend.core.convert_to_numpy(result), x @ w)
    assert_same(result, general(ops.matmul, tensor(x, "float32"), kernel))


def test_positional_statics_and_defaults():
    x = tensor([[1, 2], [3, 4]], "int8")
    assert_same(fast(ops.sum, x, 0), general(ops.sum, x, axis=0))
    assert_same(fast(ops.sum, x), general(ops.sum, x))
    numpy.testing.assert_array_equal(
        backend.core.convert_to_numpy(ops.sum(x, 1, True)), [[3], [7]]
    )


def test_dtype_static_given_by_position():
    result = fast(ops.ones, (2,), "int16")
    assert_same(result, general(ops.ones, shape=(2,), dtype="int16"))
    assert standardize_dtype(result.dtype) == "int16"
    # The same call with another static must not reuse the cached rule.
    assert standardize_dtype(ops.ones((2,), "uint8").dtype) == "uint8"
    assert standardize_dtype(ops.ones((2,)).dtype) == "float32"


def test_rule_cache_follows_floatx():
    assert standardize_dtype(ops.add(1, 2.5).dtype) == "float32"
    keras_core.config.set_floatx("float16")
    assert standardize_dtype(ops.add(1, 2.5).dtype) == "float16"
    assert_same(fast(ops.add, 1, 2.5), general(ops.add, 1, 2.5))
    keras_core.config.set_floatx("float32")
    assert standardize_dtype(ops.add(1, 2.5).dtype) == "float32"


def test_rule_cache_keys_tell_equal_statics_apart():
    types = ("float32",)
    assert op_definition._rule_key(types, (1,)) != op_definition._rule_key(
        types, (True,)
    )
    assert op_definition._rule_key(types, (1,)) != op_definition._rule_key(
        types, (1.0,)
    )
    assert op_definition._rule_key(types, ([1],)) is None


def error_of(call):
    with pytest.raises((TypeError, ValueError)) as info:
        call()
    return info.type, str(info.value)


@pytest.mark.parametrize(
    "op, args",
    [
        (ops.subtract, ("bool", "bool")),
        (ops.add, ("float32", "float32", "float32")),
        (ops.add, ("float32",)),
        (ops.matmul, ("float32",)),
    ],
)
def test_errors_match_general_path(op, args):
    values = operands()
    args = tuple(values[name] for name in args)
    expected = error_of(lambda: general(op, *args))
    assert error_of(lambda: op(*args)) == expected


def test_float8_promotion_error_matches_general_path():
    x = tensor([1.0], "float8_e4m3fn")
    y = tensor([1.0], "float32")
    kind, message = error_of(lambda: ops.add(x, y))
    assert (kind, message) == error_of(lambda: general(ops.add, x, y))
    assert "Op `add` cannot take inputs" in message and "float8" in message


def test_symbolic_inputs_take_general_path():
    x = keras_core.KerasTensor((None, 3), dtype="int8")
    assert ops.add.definition.fast_eager((x, 1)) is op_definition._GENERAL
    result = ops.add(x, 1)
    assert isinstance(result, keras_core.KerasTensor)
    assert result.shape == (None, 3) and result.dtype == "int8"


def test_ops_without_fast_path():
    # Tensor lists and `*args` are bound by the general path only.
    assert ops.concatenate.definition._fast_tails is None
    assert ops.einsum.definition._fast_tails is None
    parts = [tensor([1], "int8"), tensor([2], "int16")]
    result = ops.concatenate(parts)
    numpy.testing.assert_array_equal(backend.core.convert_to_numpy(result), [1, 2])
    assert standardize_dtype(result.dtype) == "int16"


def test_variables_in_stateless_scope():
    variable = keras_core.Variable(numpy.array([1.0, 2.0], "float32"))
    x = tensor([10.0, 20.0], "float32")
    with keras_core.StatelessScope(state_mapping=[(variable, [5.0, 6.0])]):
        inside = ops.add(variable, x)
        assert_same(inside, general(ops.add, variable, x))
    numpy.testing.assert_array_equal(backend.core.convert_to_numpy(inside), [15, 26])
    numpy.testing.assert_array_equal(
        backend.core.convert_to_numpy(ops.add(variable, x)), [11, 22]
    )


def test_variables_in_autocast_scope():
    variable = keras_core.Variable(numpy.array([1.0, 2.0], "float32"))
    counter = keras_core.Variable(numpy.array([1, 2], "int32"))
    with AutocastScope("float16"):
        assert variable.dtype == "float16"
        assert standardize_dtype(variable.value.dtype) == "float16"
        result = ops.add(variable, 1.0)
        assert_same(result, general(ops.add, variable, 1.0))
        assert standardize_dtype(result.dtype) == "float16"
        assert standardize_dtype(ops.add(counter, 1).dtype) == "int32"
    assert variable.dtype == "float32"
    assert standardize_dtype(ops.add(variable, 1.0).dtype) == "float32"


def test_open_scope_count_returns_to_zero():
    assert global_state.open_value_scopes == 0
    with keras_core.StatelessScope(), AutocastScope("float16"):
        assert global_state.open_value_scopes == 2
    assert global_state.open_value_scopes == 0
    # Leaving a scope never entered does not count below zero.
    AutocastScope("float16").__exit__(None, None, None)
    assert global_state.open_value_scopes == 0


def test_scope_in_another_thread_leaves_this_one_alone():
    variable = keras_core.Variable(numpy.array([1.0, 2.0], "float32"))
    entered, release = threading.Event(), threading.Event()

    def hold_scope():
        with keras_core.StatelessScope(state_mapping=[(variable, [7.0, 8.0])]):
            entered.set()
            release.wait(10)

    thread = threading.Thread(target=hold_scope)
    thread.start()
    try:
        assert entered.wait(10)
        assert global_state.open_value_scopes == 1
        numpy.testing.assert_array_equal(variable.numpy(), [1.0, 2.0])
    finally:
        release.set()
        thread.join()
    assert global_state.open_value_scopes == 0


def test_converts_to_itself():
    converts = backend.core.converts_to_itself
    x = tensor([1.0, 2.0], "float32")
    assert converts(x, "float32")
    assert converts(x, None)
    assert backend.core.convert_to_tensor(x, dtype="float32") is x
    assert not converts(x, "int32")
    assert not converts(x, "string")
    assert not converts([1.0, 2.0], "float32")
    assert not converts(1.0, "float32")
    assert not converts(keras_core.Variable([1.0]), "float32")
