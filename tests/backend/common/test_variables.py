"""keras_core.Variable on the active backend."""

import operator

import numpy as np
import pytest

import keras_core
from keras_core import StatelessScope
from keras_core._src.backend import core
from keras_core._src.backend.common.scopes import AutocastScope

BACKEND = keras_core.config.backend()
std = keras_core.backend.standardize_dtype


def to_numpy(x):
    return core.convert_to_numpy(x)


def test_create_from_value():
    v = keras_core.Variable(np.array([[1, 2], [3, 4]], "int32"), trainable=False)
    assert v.shape == (2, 2)
    assert v.ndim == 2
    assert v.dtype == "int32"
    assert v.trainable is False
    assert v.name.startswith("variable")
    np.testing.assert_array_equal(v.numpy(), [[1, 2], [3, 4]])
    assert isinstance(v.numpy(), np.ndarray)


def test_create_from_initializer():
    v = keras_core.Variable(
        lambda shape, dtype: np.full(shape, 0.5), shape=(2, 3), dtype="float16"
    )
    assert v.dtype == "float16"
    assert v.shape == (2, 3)
    np.testing.assert_array_equal(v.numpy(), np.full((2, 3), 0.5, "float16"))


def test_value_holds_native_storage():
    v = keras_core.Variable([1.0, 2.0])
    storage = v.value
    if BACKEND == "torch":
        import torch

        assert isinstance(storage, torch.nn.Parameter)
        assert storage.requires_grad
    elif BACKEND == "tensorflow":
        import tensorflow as tf

        assert isinstance(storage, tf.Variable)
    elif BACKEND == "jax":
        import jax

        assert isinstance(storage, jax.Array)
    else:
        assert isinstance(storage, np.ndarray)


def test_defaults_and_properties():
    v = keras_core.Variable(1.0, name="w")
    assert (v.name, v.path) == ("w", "w")
    assert v.dtype == "float32"
    assert v.shape == ()
    assert v.autocast is True
    assert v.aggregation == "none"
    assert v.synchronization == "auto"
    assert v.constraint is None and v.regularizer is None
    assert v.overwrite_with_gradient is False


def test_unique_default_names():
    first = keras_core.Variable(1.0)
    second = keras_core.Variable(1.0)
    assert first.name == "variable"
    assert second.name == "variable_1"


def test_path_follows_name_scopes():
    with keras_core.name_scope("model"), keras_core.name_scope("dense"):
        v = keras_core.Variable(1.0, name="kernel")
    assert v.path == "model/dense/kernel"
    assert v.name == "kernel"


def test_does_not_alias_the_initial_array():
    source = np.array([1.0, 2.0], "float32")
    v = keras_core.Variable(source)
    v.assign([5.0, 6.0])
    np.testing.assert_array_equal(source, [1.0, 2.0])


def test_assign_family():
    v = keras_core.Variable(np.array([1.0, 2.0], "float32"))
    result = v.assign([5, 6])
    assert core.is_tensor(result) and std(result.dtype) == "float32"
    np.testing.assert_array_equal(v.numpy(), [5.0, 6.0])
    v.assign_add(np.array([1.0, 1.0]))
    v.assign_sub([0.5, 0.5])
    np.testing.assert_array_equal(v.numpy(), [5.5, 6.5])
    assert v.dtype == "float32"


def test_assign_rejects_wrong_shape():
    v = keras_core.Variable([1.0, 2.0])
    with pytest.raises(ValueError, match=r"variable.shape=\(2,\).*value.shape=\(3,\)"):
        v.assign(np.zeros(3))


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"initializer": 1.0, "name": "a/b"}, "cannot contain character"),
        ({"initializer": np.zeros, "dtype": "float32"}, "shape` argument"),
        ({"initializer": 1.0, "aggregation": "max"}, "aggregation"),
        ({"initializer": 1.0, "synchronization": "always"}, "synchronization"),
        ({"initializer": np.zeros(2), "shape": (3,)}, r"has shape \(2,\)"),
        ({"initializer": 1.0, "dtype": "float31"}, "Invalid dtype"),
    ],
)
def test_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        keras_core.Variable(**kwargs)


def test_bad_types():
    with pytest.raises(TypeError, match="trainable"):
        keras_core.Variable(1.0, trainable="yes")
    with pytest.raises(TypeError, match="unexpected keyword"):
        keras_core.Variable(1.0, colour="red")
    v = keras_core.Variable(1.0)
    with pytest.raises(ValueError, match="regularizer"):
        v.regularizer = 3
    with pytest.raises(ValueError, match="constraint"):
        v.constraint = "max"
    with pytest.raises(TypeError, match="overwrite_with_gradient"):
        v.overwrite_with_gradient = 1


def test_settable_attributes():
    v = keras_core.Variable([1.0, -1.0])
    v.constraint = abs
    v.regularizer = sum
    v.overwrite_with_gradient = True
    v.trainable = False
    assert v.constraint is abs and v.regularizer is sum
    assert v.overwrite_with_gradient and not v.trainable
    if BACKEND == "torch":
        assert not v.value.requires_grad


def test_integer_variables_are_never_differentiable():
    v = keras_core.Variable(np.array([1, 2], "int32"), trainable=True)
    assert v.trainable
    if BACKEND == "torch":
        assert not v.value.requires_grad


A = np.array([[1.0, -2.0], [3.5, 4.0]], "float32")
B = np.array([[2.0, 0.5], [-1.0, 3.0]], "float32")
BINARY = [
    operator.add,
    operator.sub,
    operator.mul,
    operator.truediv,
    operator.pow,
    operator.lt,
    operator.le,
    operator.gt,
    operator.ge,
    operator.eq,
    operator.ne,
    operator.matmul,
]


@pytest.mark.parametrize("op", BINARY, ids=lambda op: op.__name__)
def test_binary_operators_match_numpy(op):
    a = keras_core.Variable(A)
    b = keras_core.Variable(B)
    expected = op(A, B) if op is not operator.pow else np.abs(A) ** B
    left = np.abs(A) if op is operator.pow else A
    a.assign(left)
    for result, reference in [
        (op(a, b), expected),
        (op(a, B), expected),
        (op(left, b), expected),
    ]:
        np.testing.assert_allclose(to_numpy(result), reference, rtol=1e-6)


def test_integer_operators_match_numpy():
    x = np.array([7, -3, 4], "int32")
    v = keras_core.Variable(x)
    np.testing.assert_array_equal(to_numpy(v // 2), x // 2)
    np.testing.assert_array_equal(to_numpy(v % 3), x % 3)
    np.testing.assert_array_equal(to_numpy(10 - v), 10 - x)
    np.testing.assert_array_equal(to_numpy(-v), -x)
    np.testing.assert_array_equal(to_numpy(abs(v)), np.abs(x))
    np.testing.assert_array_equal(to_numpy(~v), ~x)
    np.testing.assert_array_equal(to_numpy(+v), x)
    np.testing.assert_array_equal(to_numpy(v & 0), np.logical_and(x, 0))
    np.testing.assert_array_equal(to_numpy(v | 0), np.logical_or(x, 0))
    np.testing.assert_array_equal(to_numpy(v ^ True), np.logical_xor(x, True))


@pytest.mark.parametrize(
    "expression, dtype",
    [
        (lambda i8, f16: i8 + 1, "int8"),
        (lambda i8, f16: i8 + 1.5, "float32"),
        (lambda i8, f16: i8 / 2, "float32"),
        (lambda i8, f16: f16 * 2.0, "float16"),
        (lambda i8, f16: i8 * f16, "float16"),
        (lambda i8, f16: i8 + np.array([1, 2], "uint8"), "int16"),
        (lambda i8, f16: i8 < 2, "bool"),
        (lambda i8, f16: i8 & 1, "bool"),
        (lambda i8, f16: 2**i8, "int8"),
    ],
)
def test_operator_result_dtypes_follow_promotion(expression, dtype):
    i8 = keras_core.Variable(np.array([1, 2], "int8"))
    f16 = keras_core.Variable(np.array([1, 2], "float16"))
    assert std(expression(i8, f16).dtype) == dtype


def test_float64_operands_follow_backend_width():
    f = keras_core.Variable(np.array([1.0, 2.0], "float32"))
    result = f + np.array([1.0, 2.0])
    assert std(result.dtype) == ("float64" if BACKEND == "tensorflow" else "float32")


def test_indexing_iteration_and_conversions():
    v = keras_core.Variable(np.arange(6, dtype="float32").reshape(2, 3))
    np.testing.assert_array_equal(to_numpy(v[1]), [3.0, 4.0, 5.0])
    np.testing.assert_array_equal(to_numpy(v[:, 1:]), [[1.0, 2.0], [4.0, 5.0]])
    assert len(v) == 2
    rows = [to_numpy(row) for row in v]
    np.testing.assert_array_equal(rows, [[0, 1, 2], [3, 4, 5]])
    array = np.asarray(v)
    assert array.dtype == np.float32
    np.testing.assert_array_equal(np.array(v, dtype="int64"), [[0, 1, 2], [3, 4, 5]])
    scalar = keras_core.Variable(2.5)
    assert float(scalar) == 2.5 and int(scalar) == 2 and bool(scalar)
    with pytest.raises(TypeError):
        len(scalar)
    with pytest.raises(TypeError, match="unhashable"):
        hash(v)


def test_repr():
    v = keras_core.Variable(np.array([1, 2], "int32"), name="counts")
    assert repr(v) == "<Variable path=counts, shape=(2,), dtype=int32, value=[1 2]>"


def test_stateless_scope_reads_and_writes_the_mapping():
    v = keras_core.Variable([1.0, 2.0])
    w = keras_core.Variable(3.0)
    with StatelessScope(state_mapping=[(v, [5.0, 6.0])]) as scope:
        np.testing.assert_array_equal(to_numpy(v.value), [5.0, 6.0])
        v.assign(v + 1.0)
        w.assign(4.0)
        np.testing.assert_array_equal(to_numpy(v.value), [6.0, 7.0])
        np.testing.assert_array_equal(to_numpy(scope.get_current_value(v)), [6.0, 7.0])
        np.testing.assert_array_equal(to_numpy(w.value), 4.0)
    np.testing.assert_array_equal(v.numpy(), [1.0, 2.0])
    np.testing.assert_array_equal(w.numpy(), 3.0)


def test_stateless_scope_casts_mapped_values():
    v = keras_core.Variable([1.0, 2.0])
    with StatelessScope(state_mapping=[(v, np.array([1, 2], "int32"))]):
        assert std(v.value.dtype) == "float32"


def test_stateless_scope_validates_mapping():
    v = keras_core.Variable([1.0, 2.0])
    with pytest.raises(ValueError, match="must be Variable instances"):
        StatelessScope(state_mapping=[(1, 2)])
    with pytest.raises(ValueError, match=r"shape \(2,\).*shape \(3,\)"):
        StatelessScope(state_mapping=[(v, [1.0, 2.0, 3.0])])
    with pytest.raises(ValueError, match="pairs"):
        StatelessScope(state_mapping=[v])


def test_variables_from_initializers_are_deferred_in_stateless_scope():
    with StatelessScope(initialize_variables=False):
        v = keras_core.Variable(lambda shape, dtype: np.ones(shape), shape=(2,))
        # Readable inside the scope: computed from the initializer.
        np.testing.assert_array_equal(to_numpy(v.value), [1.0, 1.0])
    assert "uninitialized" in repr(v)
    with StatelessScope():
        w = keras_core.Variable(lambda shape, dtype: np.full(shape, 2.0), shape=(2,))
    np.testing.assert_array_equal(w.numpy(), [2.0, 2.0])


def test_concrete_variables_cannot_be_created_in_stateless_scope():
    with pytest.raises(ValueError, match="stateless scope"), StatelessScope():
        keras_core.Variable(1.0)


def test_autocast_scope():
    f = keras_core.Variable(np.array([1.5], "float32"))
    i = keras_core.Variable(np.array([1], "int32"))
    fixed = keras_core.Variable(np.array([1.5], "float32"), autocast=False)
    with AutocastScope("float16"):
        assert f.dtype == "float16" and std(f.value.dtype) == "float16"
        assert i.dtype == "int32" and std(i.value.dtype) == "int32"
        assert fixed.dtype == "float32"
        f.assign_add([1.0])
    assert f.dtype == "float32"
    np.testing.assert_array_equal(f.numpy(), [2.5])
    with pytest.raises(ValueError, match="float dtype"):
        AutocastScope("int32")


@pytest.mark.skipif(BACKEND != "jax", reason="jax-specific: jit and __jax_array__")
def test_jax_variables_work_with_jit_and_jnp():
    import jax
    import jax.numpy as jnp

    v = keras_core.Variable([1.0, 2.0])
    # JAX no longer calls __jax_array__ inside jnp functions, only in asarray.
    np.testing.assert_array_equal(jnp.asarray(v) + 1.0, [2.0, 3.0])
    step = jax.jit(lambda value: value * 2)
    np.testing.assert_array_equal(step(v.value), [2.0, 4.0])


@pytest.mark.skipif(BACKEND != "torch", reason="torch-specific: autograd, torch ops")
def test_torch_variables_work_with_autograd_and_torch_ops():
    import torch

    v = keras_core.Variable([1.0, 2.0])
    loss = torch.sum(v * v)
    loss.backward()
    np.testing.assert_array_equal(v.value.grad.numpy(), [2.0, 4.0])
    np.testing.assert_array_equal(torch.add(v, 1).detach().numpy(), [2.0, 3.0])
    v.assign([3.0, 4.0])  # in-place on a leaf that requires grad
    np.testing.assert_array_equal(v.numpy(), [3.0, 4.0])


@pytest.mark.skipif(BACKEND != "tensorflow", reason="tensorflow-specific: tape, tf ops")
def test_tensorflow_variables_work_with_gradient_tape_and_tf_function():
    import tensorflow as tf

    v = keras_core.Variable([1.0, 2.0])
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(v * v)
    (gradient,) = tape.gradient(loss, [v])
    np.testing.assert_array_equal(gradient.numpy(), [2.0, 4.0])
    np.testing.assert_array_equal(tf.add(v, 1.0).numpy(), [2.0, 3.0])

    @tf.function
    def step():
        v.assign_add([1.0, 1.0])
        return v.value * 1.0

    np.testing.assert_array_equal(step().numpy(), [2.0, 3.0])
    np.testing.assert_array_equal(v.numpy(), [2.0, 3.0])


def test_nested_stateless_scopes_read_outer_mappings():
    outer_only = keras_core.Variable(np.array([1.0, 1.0], "float32"))
    both = keras_core.Variable(np.array([2.0, 2.0], "float32"))
    with (
        keras_core.StatelessScope(
            state_mapping=[
                (outer_only, np.array([5.0, 5.0])),
                (both, np.array([6.0, 6.0])),
            ]
        ),
        keras_core.StatelessScope(state_mapping=[(both, np.array([7.0, 7.0]))]),
    ):
        np.testing.assert_allclose(np.asarray(outer_only.value), [5.0, 5.0])
        np.testing.assert_allclose(np.asarray(both.value), [7.0, 7.0])
