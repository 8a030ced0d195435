"""Shared by the op test tables: the table itself (`Case` rows checked by
`TableTests`), gradients on the active backend with central finite
differences as their independent reference, and sample generators."""

import dataclasses
import functools
import json

import ml_dtypes
import numpy as np
import pytest

import keras_core
from keras_core import ops
from keras_core._src.backend import core
from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.tree import tree_api

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(0)


def positive(*shape):
    """float32 samples in [0.5, 2): inside every op's domain."""
    return RNG.uniform(0.5, 2.0, size=shape).astype("float32")


def signed(*shape):
    """float32 samples of either sign, 0.5 or more from 0.

    Kinks and poles at 0 (abs, sign, maximum ties, reciprocal) are not sampled.
    """
    values = RNG.uniform(0.5, 2.0, size=shape) * RNG.choice([-1.0, 1.0], size=shape)
    return values.astype("float32")


def backend_gradients(function, inputs):
    """Gradients of sum(function(*inputs)) for each input, as NumPy arrays.

    jax differentiates in float32 (no x64); torch and tensorflow in float64.
    """
    if BACKEND == "jax":
        import jax

        def total(*xs):
            return function(*xs).sum()

        # Jitted: one compilation instead of one per primitive.
        gradient = jax.jit(jax.grad(total, argnums=tuple(range(len(inputs)))))
        return [np.asarray(g) for g in gradient(*inputs)]
    if BACKEND == "torch":
        import torch

        tensors = [
            torch.tensor(x, dtype=torch.float64, requires_grad=True) for x in inputs
        ]
        function(*tensors).sum().backward()
        # An input the output does not depend on has no gradient: zero.
        return [
            np.zeros(t.shape) if t.grad is None else t.grad.numpy() for t in tensors
        ]
    if BACKEND != "tensorflow":
        raise ValueError(f"The {BACKEND} backend has no gradients.")
    import tensorflow as tf

    variables = [tf.Variable(x, dtype=tf.float64) for x in inputs]
    with tf.GradientTape() as tape:
        total = tf.reduce_sum(function(*variables))
    # Piecewise-constant ops (floor, round) have no registered TF gradient:
    # their derivative is zero, as the finite differences say.
    gradients = tape.gradient(
        total, variables, unconnected_gradients=tf.UnconnectedGradients.ZERO
    )
    # Gathers give IndexedSlices: densified by convert_to_tensor.
    return [tf.convert_to_tensor(g).numpy() for g in gradients]


def finite_differences(reference, inputs, step=1e-6):
    """Central differences of sum(reference(*inputs)) for each input."""
    gradients = []
    for index, x in enumerate(inputs):
        gradient = np.zeros_like(x)
        for position in np.ndindex(x.shape):
            up = [y.copy() for y in inputs]
            down = [y.copy() for y in inputs]
            up[index][position] += step
            down[index][position] -= step
            delta = np.sum(reference(*up)) - np.sum(reference(*down))
            gradient[position] = delta / (2 * step)
        gradients.append(gradient)
    return gradients


# ---------------------------------------------------------------------------
# The declarative op table: rows of `Case`, checked by `TableTests`.
# ---------------------------------------------------------------------------


@dataclasses.dataclass
class Case:
    """One row of an op test table.

    Attributes:
        op: The op's name in `keras_core.ops`.
        args: Positional arguments. NumPy arrays (also inside lists, as in
            `concatenate([a, b])`) are the tensor inputs; anything else is
            passed as is.
        kwargs: Keyword arguments, passed as is.
        reference: An independent NumPy function called with the same
            arguments (float arrays in float64); NumPy's function of the
            same name by default.
        grad: Whether to check gradients of every float input against
            finite differences.
        grow: Indices of the tensor inputs whose first dimension is made
            unknown (None) together in the symbolic check; () skips it.
        rtol, atol: Tolerances of value checks.
        label: Tells apart rows of the same op.
    """

    op: str
    args: tuple
    kwargs: dict = dataclasses.field(default_factory=dict)
    reference: object = None
    grad: bool = False
    grow: tuple = (0,)
    rtol: float = 1e-6
    atol: float = 1e-6
    label: str = ""

    @property
    def id(self):
        return f"{self.op}[{self.label}]" if self.label else self.op

    def numpy_reference(self):
        return self.reference or getattr(np, self.op)


def _is_array(leaf):
    return isinstance(leaf, np.ndarray)


def _replace_arrays(structure, replacements):
    """`structure` with its NumPy array leaves replaced in order."""
    remaining = iter(replacements)
    return tree_api.map_structure(
        lambda leaf: next(remaining) if _is_array(leaf) else leaf, structure
    )


def _arrays(structure):
    return [leaf for leaf in tree_api.flatten(structure) if _is_array(leaf)]


def to_numpy(value):
    """Backend outputs (one tensor or a structure of them) as NumPy."""
    return tree_api.map_structure(core.convert_to_numpy, value)


def call_op(case, arrays=None):
    """Calls the case's op, its array inputs replaced by `arrays` if given."""
    args = (case.args, case.kwargs)
    if arrays is not None:
        args = _replace_arrays(args, arrays)
    return getattr(ops, case.op)(*args[0], **args[1])


def reference_output(case, arrays=None):
    """The case's NumPy reference, computed in float64 for float inputs."""
    arrays = _arrays((case.args, case.kwargs)) if arrays is None else arrays
    wide = [a.astype("float64") if a.dtype.kind == "f" else a for a in arrays]
    args, kwargs = _replace_arrays((case.args, case.kwargs), wide)
    return case.numpy_reference()(*args, **kwargs)


def assert_outputs_close(result, expected, case):
    """Compares an op's outputs (nested) with the reference's, leaf by leaf."""
    results = tree_api.flatten(to_numpy(result))
    expecteds = tree_api.flatten(tree_api.map_structure(np.asarray, expected))
    assert len(results) == len(expecteds), (len(results), len(expecteds))
    for got, want in zip(results, expecteds, strict=True):
        assert got.shape == want.shape, (got.shape, want.shape)
        np.testing.assert_allclose(got, want, rtol=case.rtol, atol=case.atol)


def compiled(function):
    """`function` under the backend's compiler (none on numpy)."""
    if BACKEND == "jax":
        import jax

        return jax.jit(function)
    if BACKEND == "tensorflow":
        import tensorflow as tf

        return tf.function(function, jit_compile=True)
    if BACKEND == "torch":
        import torch

        return torch.compile(function, backend="eager")
    return function


def _keras_tensor(array, shape=None):
    return KerasTensor(array.shape if shape is None else shape, dtype=array.dtype.name)


class TableTests:
    """The checks every row of an op table gets; subclass and set `CASES`.

    tests/conftest.py parametrizes each method's `case` with `CASES`.
    """

    CASES = ()

    def test_eager_values_and_types(self, case):
        result = call_op(case)
        for leaf in tree_api.flatten(result):
            assert core.is_tensor(leaf), type(leaf)
        assert_outputs_close(result, reference_output(case), case)

    def test_symbolic_shape_and_dtype_match_eager(self, case):
        arrays = _arrays((case.args, case.kwargs))
        eager = tree_api.flatten(call_op(case))
        # Aliases (left_shift) record the op they alias.
        definition = getattr(getattr(ops, case.op), "definition", None)
        op_name = definition.name if definition else case.op
        symbolic = tree_api.flatten(call_op(case, [_keras_tensor(a) for a in arrays]))
        assert len(symbolic) == len(eager)
        for spec, value in zip(symbolic, eager, strict=True):
            assert spec.shape == tuple(core.shape(value)), (spec.shape, value.shape)
            assert spec.dtype == standardize_dtype(value.dtype)
            assert spec._keras_history.operation.name.startswith(op_name)
        if not case.grow:
            return
        # With the grown inputs' first dimension unknown, the output
        # dimensions that depend on it (those that change when it grows) are
        # unknown too.
        longer = [
            np.concatenate([a, a[:1]]) if i in case.grow else a
            for i, a in enumerate(arrays)
        ]
        grown = tree_api.flatten(call_op(case, longer))
        unknown = [
            _keras_tensor(a, (None, *a.shape[1:]))
            if i in case.grow
            else _keras_tensor(a)
            for i, a in enumerate(arrays)
        ]
        specs = tree_api.flatten(call_op(case, unknown))
        for spec, short, long in zip(specs, eager, grown, strict=True):
            expected = tuple(
                a if a == b else None
                for a, b in zip(core.shape(short), core.shape(long), strict=True)
            )
            assert spec.shape == expected, (spec.shape, expected)

    def test_inside_the_backend_compiler(self, case):
        if BACKEND == "numpy":
            pytest.skip("numpy has no compiler: eager values are checked elsewhere")
        if BACKEND == "torch":
            # Tracing each row with torch.compile costs seconds; torch runs
            # ops eagerly, which test_eager_values_and_types checks.
            pytest.skip("torch runs ops eagerly: checked by the eager test")
        arrays = _arrays((case.args, case.kwargs))
        tensors = [core.convert_to_tensor(a) for a in arrays]
        result = compiled(lambda *xs: call_op(case, xs))(*tensors)
        for leaf in tree_api.flatten(result):
            assert core.is_tensor(leaf), type(leaf)
        assert_outputs_close(result, reference_output(case), case)

    def test_gradients_match_finite_differences(self, case):
        if BACKEND == "numpy":
            pytest.skip("the numpy backend is inference only: it has no gradients")
        arrays = _arrays((case.args, case.kwargs))
        floats = [i for i, a in enumerate(arrays) if a.dtype.kind == "f"]

        def with_floats(xs):
            merged = list(arrays)
            for index, x in zip(floats, xs, strict=True):
                merged[index] = x
            return merged

        def op_total(*xs):
            # Every output leaf contributes, so multi-output ops are covered.
            leaves = tree_api.flatten(call_op(case, with_floats(xs)))
            return functools.reduce(ops.add, [ops.sum(leaf) for leaf in leaves])

        def reference_total(*xs):
            leaves = tree_api.flatten(reference_output(case, with_floats(xs)))
            return sum(np.sum(leaf) for leaf in leaves)

        dtype = "float32" if BACKEND == "jax" else "float64"  # jax: no x64
        grads = backend_gradients(op_total, [arrays[i].astype(dtype) for i in floats])
        expected = finite_differences(
            reference_total, [arrays[i].astype("float64") for i in floats]
        )
        tolerance = 1e-2 if BACKEND == "jax" else 1e-5
        for grad, want in zip(grads, expected, strict=True):
            np.testing.assert_allclose(grad, want, rtol=tolerance, atol=tolerance)

    test_gradients_match_finite_differences.case_filter = lambda case: case.grad
    # Rows without tensor inputs (zeros, arange) are never symbolic.
    test_symbolic_shape_and_dtype_match_eager.case_filter = lambda case: bool(
        _arrays((case.args, case.kwargs))
    )


# ---------------------------------------------------------------------------
# Result dtypes against Keras 3.15, recorded in dtype_oracle_*.json files.
# ---------------------------------------------------------------------------

PYTHON_VALUES = {"python:int": 3, "python:float": 2.5}


def load_oracle(path):
    """An oracle file and this backend's expected table from it.

    TensorFlow keeps Keras's TensorFlow recording ("tensorflow"); the other
    backends follow its NumPy recording ("default"), narrowed to 32 bits as
    jax without x64 (and this project) hold values.
    """
    with open(path) as f:
        oracle = json.load(f)
    if BACKEND == "tensorflow":
        return oracle, oracle["tensorflow"]
    table = {
        op_name: {
            key: value if value == "error" else narrowed_dtype(value)
            for key, value in row.items()
        }
        for op_name, row in oracle["default"].items()
    }
    return oracle, table


def sample(key):
    """A small input of dtype `key` (no zeros), or a Python scalar."""
    if key in PYTHON_VALUES:
        return PYTHON_VALUES[key]
    if key == "bool":
        return np.array([True, True])
    dtype = ml_dtypes.bfloat16 if key == "bfloat16" else key
    return np.array([1, 2], dtype=dtype)


def result_dtype(function, args):
    """The dtype of `function(*args)`; on jax traced abstractly (fast)."""
    if BACKEND != "jax":
        return standardize_dtype(function(*args).dtype)
    import jax

    def call(*arrays):
        arrays = iter(arrays)
        # Python scalars stay Python scalars (weakly typed), not tracers.
        return function(*(next(arrays) if _is_array(a) else a for a in args))

    arrays = [a for a in args if _is_array(a)]
    return standardize_dtype(jax.eval_shape(call, *arrays).dtype)


def dtype_mismatches(function, oracle, table, op_name):
    """Cells of `table[op_name]` where `function` disagrees with Keras.

    `function` takes the samples of one cell key ("int8,uint8" gives two).
    Cells Keras fails only on TensorFlow (where it lacks a kernel, and we
    give NumPy's answer instead) and uint16/uint32 on torch (which lacks
    most kernels for them) are not checked.
    """
    mismatches = []
    for key, expected in table[op_name].items():
        if (
            BACKEND == "tensorflow"
            and expected == "error"
            and oracle["default"][op_name][key] != "error"
        ):
            continue
        if BACKEND == "torch" and ("uint16" in key or "uint32" in key):
            continue
        args = [sample(part) for part in key.split(",")]
        try:
            got = result_dtype(function, args)
        except Exception:
            got = "error"
        if got != expected:
            mismatches.append((key, got, expected))
    return mismatches


def growing_inputs(arrays):
    """For broadcasting ops: the inputs whose first dimension can grow.

    Those of the highest rank whose first dimension is the largest; lower
    ranks broadcast against trailing axes and length-1 axes broadcast.
    """
    rank = max(np.ndim(a) for a in arrays)
    if rank == 0:
        return ()
    lead = max(np.shape(a)[0] for a in arrays if np.ndim(a) == rank)
    return tuple(
        i for i, a in enumerate(arrays) if np.ndim(a) == rank and a.shape[0] == lead
    )
