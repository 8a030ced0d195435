"""cond, switch, while_loop, fori_loop, scan, associative_scan, map and
vectorized_map.

Table rows call each function with callables built from keras_core ops
and compare with plain Python loops over NumPy; the table also checks
symbolic specs, the backend compilers (lax / tf.while_loop under jit) and
gradients against finite differences. `cond` takes closures, so it has
focused tests, as do structures, errors and symbolic mismatches.
"""

import numpy as np
import pytest
from op_testing import BACKEND
from op_testing import Case
from op_testing import TableTests
from op_testing import backend_gradients
from op_testing import compiled
from op_testing import finite_differences
from op_testing import signed
from op_testing import to_numpy

import keras_core
from keras_core import ops
from keras_core._src.backend import core

# ----------------------------------------------------------------- scan


def scan_step(carry, x):
    return ops.add(ops.multiply(carry, 0.5), ops.sin(x)), ops.multiply(carry, x)


def scan_reference(f, init, xs=None, length=None, reverse=False, unroll=1):
    carry = init
    steps = range(len(xs) if xs is not None else length)
    ys = [None] * len(steps)
    for i in reversed(steps) if reverse else steps:
        x = None if xs is None else xs[i]
        ys[i] = carry * x
        carry = carry * 0.5 + np.sin(x)
    return carry, np.stack(ys)


def counter_step(carry, x):
    return ops.add(carry, 1.0), ops.multiply(carry, 2.0)


def counter_reference(f, init, xs=None, length=None):
    ys = [init + i for i in range(length)]
    return init + length, np.stack([2 * y for y in ys])


def struct_step(carry, x):
    total, scale = carry
    new_total = ops.add(total, ops.multiply(x["a"], scale))
    return (new_total, scale), {"prod": ops.multiply(x["a"], x["b"])}


def struct_reference(f, init, xs):
    total, scale = init
    for a in xs["a"]:
        total = total + a * scale
    return (total, scale), {"prod": xs["a"] * xs["b"]}


# --------------------------------------------------------- loops, switch


def loop_cond(i, x):
    return ops.less(i, 3)


def loop_body(i, x):
    return ops.add(i, 1), ops.multiply(ops.sin(x), 1.5)


def loop_reference(cond, body, loop_vars, maximum_iterations=None):
    i, x = loop_vars
    limit = 3 if maximum_iterations is None else min(3, maximum_iterations)
    for _ in range(int(limit) - int(i)):
        x = np.sin(x) * 1.5
    return np.int32(max(int(i), limit)), x


def fori_body(i, value):
    return ops.add(ops.sin(value), ops.cast(i, "float32"))


def fori_reference(lower, upper, body, value):
    for i in range(lower, upper):
        value = np.sin(value) + i
    return value


BRANCHES = [
    lambda x: ops.add(x, 1.0),
    lambda x: ops.multiply(ops.sin(x), x),
    lambda x: ops.square(x),
]


def switch_reference(index, branches, x):
    index = min(max(int(index), 0), 2)
    return [x + 1.0, np.sin(x) * x, x**2][index]


# ------------------------------------------------- associative_scan, maps


def assoc_reference(f, elems, reverse=False, axis=0):
    if isinstance(elems, tuple):
        a, b = elems
        return (np.cumsum(a, axis=axis), np.cumprod(b, axis=axis))
    if reverse:
        return np.flip(np.cumsum(np.flip(elems, axis), axis=axis), axis)
    return np.cumsum(elems, axis=axis)


def pair_combine(a, b):
    return ops.add(a[0], b[0]), ops.multiply(a[1], b[1])


def map_reference(f, xs):
    if isinstance(xs, dict):
        return np.stack([np.sum(a * b) for a, b in zip(xs["a"], xs["b"], strict=True)])
    return np.stack([np.sin(x) * np.sum(x) for x in xs])


def map_function(x):
    if isinstance(x, dict):
        return ops.sum(ops.multiply(x["a"], x["b"]))
    return ops.multiply(ops.sin(x), ops.sum(x))


CASES = [
    Case(
        "scan",
        (scan_step, signed(3), signed(4, 3)),
        reference=scan_reference,
        grad=True,
        grow=(1,),
    ),
    Case(
        "scan",
        (scan_step, signed(3), signed(4, 3)),
        {"reverse": True},
        reference=scan_reference,
        grad=True,
        grow=(1,),
        label="reverse",
    ),
    Case(
        "scan",
        (scan_step, signed(2), signed(5, 2)),
        {"unroll": 2},
        reference=scan_reference,
        grad=True,
        grow=(1,),
        label="unroll",
    ),
    Case(
        "scan",
        (counter_step, signed(2), None),
        {"length": 3},
        reference=counter_reference,
        grad=True,
        grow=(),
        label="no-xs",
    ),
    Case(
        "scan",
        (struct_step, (signed(2), signed(2)), {"a": signed(3, 2), "b": signed(3, 2)}),
        reference=struct_reference,
        grad=True,
        grow=(),
        label="structures",
    ),
    Case(
        "while_loop",
        (loop_cond, loop_body, (np.int32(0), signed(3))),
        reference=loop_reference,
        grow=(),
    ),
    Case(
        "while_loop",
        (loop_cond, loop_body, (np.int32(0), signed(3))),
        {"maximum_iterations": 2},
        reference=loop_reference,
        grad=True,
        grow=(),
        label="bounded",
    ),
    Case(
        "while_loop",
        (loop_cond, loop_body, (np.int32(0), signed(3))),
        {"maximum_iterations": 10},
        reference=loop_reference,
        grad=True,
        grow=(),
        label="bound-unreached",
    ),
    Case(
        "fori_loop", (0, 4, fori_body, signed(3)), reference=fori_reference, grad=True
    ),
    Case(
        "fori_loop",
        (2, 2, fori_body, signed(3)),
        reference=fori_reference,
        label="empty",
    ),
    Case(
        "switch",
        (np.int32(1), BRANCHES, signed(3)),
        reference=switch_reference,
        grad=True,
        grow=(1,),
    ),
    Case(
        "switch",
        (np.int32(7), BRANCHES, signed(3)),
        reference=switch_reference,
        grad=True,
        grow=(),
        label="clamped-high",
    ),
    Case(
        "switch",
        (np.int32(-2), BRANCHES, signed(3)),
        reference=switch_reference,
        grad=True,
        grow=(),
        label="clamped-low",
    ),
    Case(
        "associative_scan",
        (ops.add, signed(5, 3)),
        reference=assoc_reference,
        grad=True,
    ),
    Case(
        "associative_scan",
        (ops.add, signed(2, 5)),
        {"axis": 1},
        reference=assoc_reference,
        grad=True,
        label="axis1",
    ),
    Case(
        "associative_scan",
        (ops.add, signed(5)),
        {"reverse": True},
        reference=assoc_reference,
        grad=True,
        grow=(),
        label="reverse",
    ),
    Case(
        "associative_scan",
        (pair_combine, (signed(4, 2), signed(4, 2))),
        reference=assoc_reference,
        grad=True,
        grow=(),
        label="pairs",
    ),
    Case("map", (map_function, signed(4, 3)), reference=map_reference, grad=True),
    Case(
        "map",
        (map_function, {"a": signed(3, 2), "b": signed(3, 2)}),
        reference=map_reference,
        grad=True,
        grow=(),
        label="dict",
    ),
    Case(
        "vectorized_map",
        (map_function, signed(4, 3)),
        reference=map_reference,
        grad=True,
    ),
    Case(
        "vectorized_map",
        (map_function, {"a": signed(3, 2), "b": signed(3, 2)}),
        reference=map_reference,
        grad=True,
        grow=(),
        label="dict",
    ),
]


class TestControlFlow(TableTests):
    CASES = CASES


# ----------------------------------------------------------------- cond


def _cond_of(x):
    return ops.cond(
        ops.greater(ops.sum(x), 0.0),
        lambda: ops.multiply(ops.sin(x), 2.0),
        lambda: ops.square(x),
    )


def _cond_reference(x):
    return np.sin(x) * 2.0 if np.sum(x) > 0 else x**2


@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_cond_eager_and_compiled(sign):
    x = (np.abs(signed(3)) * sign).astype("float32")
    expected = _cond_reference(x)
    np.testing.assert_allclose(to_numpy(_cond_of(x)), expected, rtol=1e-6)
    if BACKEND != "numpy":
        result = compiled(_cond_of)(core.convert_to_tensor(x))
        np.testing.assert_allclose(to_numpy(result), expected, rtol=1e-6)


@pytest.mark.skipif(BACKEND == "numpy", reason="the numpy backend has no gradients")
@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_cond_gradients_match_finite_differences(sign):
    x = (np.abs(signed(3)) * sign).astype("float64")
    dtype = "float32" if BACKEND == "jax" else "float64"
    (grad,) = backend_gradients(lambda v: ops.sum(_cond_of(v)), [x.astype(dtype)])
    (want,) = finite_differences(_cond_reference, [x])
    tolerance = 1e-2 if BACKEND == "jax" else 1e-5
    np.testing.assert_allclose(grad, want, rtol=tolerance, atol=tolerance)


def test_cond_python_predicate_and_structures():
    x = ops.convert_to_tensor(np.array([1.0, 2.0], dtype="float32"))
    result = ops.cond(False, lambda: (x, {"a": x}), lambda: (x * 2, {"a": x * 3}))
    np.testing.assert_allclose(to_numpy(result[0]), [2.0, 4.0])
    np.testing.assert_allclose(to_numpy(result[1]["a"]), [3.0, 6.0])


def test_cond_symbolic_outputs_and_mismatches():
    pred = keras_core.KerasTensor((), dtype="bool")
    x = keras_core.KerasTensor((None, 3), dtype="float16")
    out = ops.cond(pred, lambda: (x, {"a": x}), lambda: (x * 2, {"a": x}))
    assert out[0].shape == (None, 3) and out[0].dtype == "float16"
    assert out[1]["a"] is not x
    assert out[0]._keras_history.operation.name.startswith("cond")
    for other in (
        lambda: ops.sum(x),
        lambda: ops.cast(x, "float32"),
        lambda: (x, x),
    ):
        with pytest.raises(ValueError, match=r"same kind .struct, dtype and shape"):
            ops.cond(pred, lambda: x, other)


# --------------------------------------------------------- other details


def test_while_loop_packing_follows_loop_vars():
    single = ops.while_loop(lambda i: i < 5, lambda i: i + 1, 0)
    assert int(to_numpy(single)) == 5
    pair = ops.while_loop(lambda i, s: i < 3, lambda i, s: [i + 1, s * 2], [0, 1.0])
    assert isinstance(pair, tuple) and float(to_numpy(pair[1])) == 8.0
    one = ops.while_loop(lambda i: i < 4, lambda i: (i + 1,), (0,))
    assert isinstance(one, tuple) and int(to_numpy(one[0])) == 4
    state = ops.while_loop(lambda d: d["i"] < 2, lambda d: {"i": d["i"] + 1}, {"i": 0})
    assert int(to_numpy(state["i"])) == 2
    capped = ops.while_loop(lambda i: i < 5, lambda i: i + 1, 0, maximum_iterations=2)
    assert int(to_numpy(capped)) == 2


def test_while_loop_symbolic_keeps_loop_var_specs():
    x = keras_core.KerasTensor((None, 3), dtype="float16")
    out = ops.while_loop(lambda i, v: i < 3, lambda i, v: (i + 1, v), (0, x))
    assert out[1].shape == (None, 3) and out[1].dtype == "float16"
    assert out[1]._keras_history.operation.name.startswith("while_loop")
    with pytest.raises(ValueError, match=r"maximum_iterations.*-1"):
        ops.while_loop(lambda i: i < 3, lambda i: i + 1, 0, maximum_iterations=-1)


def test_scan_without_ys_and_errors():
    carry, ys = ops.scan(lambda c, x: (c + 1.0, None), np.float32(0.0), length=3)
    assert float(to_numpy(carry)) == 3.0 and ys is None
    with pytest.raises(ValueError, match=r"scan.*no `xs`.*`length`"):
        ops.scan(lambda c, x: (c, x), 0.0)
    with pytest.raises(ValueError, match=r"scan.*same first dimension"):
        ops.scan(lambda c, x: (c, x), 0.0, (np.zeros(3), np.zeros(4)))


def test_scan_symbolic_checks_the_carry():
    init = keras_core.KerasTensor((3,))
    xs = keras_core.KerasTensor((None, 3))
    carry, ys = ops.scan(lambda c, x: (c + x, ops.sum(x)), init, xs)
    assert carry.shape == (3,) and ys.shape == (None,)
    with pytest.raises(ValueError, match=r"scan.*carry like `init`"):
        ops.scan(lambda c, x: (ops.sum(c), x), init, xs)


def test_associative_scan_rejects_unequal_sizes():
    with pytest.raises(ValueError, match=r"associative_scan.*same size along axis 0"):
        ops.associative_scan(
            lambda a, b: (a[0] + b[0], a[1] + b[1]), (np.ones(3), np.ones(2))
        )


def test_switch_symbolic_and_errors():
    x = keras_core.KerasTensor((None, 3))
    index = keras_core.KerasTensor((), dtype="int32")
    out = ops.switch(index, BRANCHES, x)
    assert out.shape == (None, 3)
    assert out._keras_history.operation.name.startswith("switch")
    with pytest.raises(ValueError, match=r"switch.*non-empty sequence of callables"):
        ops.switch(0, [], x)


def test_fori_loop_python_init_and_symbolic():
    assert int(to_numpy(ops.fori_loop(0, 5, lambda i, s: s + i, 0))) == 10
    x = keras_core.KerasTensor((None, 2), dtype="float16")
    out = ops.fori_loop(0, 3, lambda i, v: v, x)
    assert out.shape == (None, 2) and out.dtype == "float16"


@pytest.mark.skipif(BACKEND != "jax", reason="lax.while_loop is jax's own limit")
def test_unbounded_jax_while_loop_has_forward_mode_gradients():
    import jax

    x = signed(3)

    def run(v):
        return loop_reference(None, None, (np.int32(0), v))[1]

    def total(v):
        return ops.while_loop(loop_cond, loop_body, (0, v))[1]

    _, tangent = jax.jvp(total, (x,), (np.ones(3, "float32"),))
    (want,) = finite_differences(lambda v: run(v), [x.astype("float64")])
    np.testing.assert_allclose(tangent, want, rtol=1e-2, atol=1e-2)
