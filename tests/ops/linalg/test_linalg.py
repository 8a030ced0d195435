"""The linalg ops (keras_core.ops.linalg), by table and by property.

Ops with unique results (det, inv, solve, norm, cholesky, lu_factor, ...)
are rows of the shared table: eager values against NumPy/SciPy, symbolic
shapes and dtypes, inside the backend's compiler and gradients against
finite differences. Eigenvectors and the factors of `qr` and `svd` are
unique only up to signs, so those ops are checked by their defining
properties (reconstruction, orthogonality, triangularity) in the same
three settings. Result dtypes are checked against Keras 3.15 (recorded in
`dtype_oracle_linalg.json`), plus `jvp` and the error messages.
"""

import os

import numpy as np
import pytest
import scipy.linalg
from op_testing import Case
from op_testing import TableTests
from op_testing import compiled
from op_testing import dtype_mismatches
from op_testing import load_oracle
from op_testing import signed
from op_testing import to_numpy

import keras_core
from keras_core import ops
from keras_core._src.backend import core
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(1)


def well_conditioned(*shape):
    """Matrices near 2 I: invertible, distinct singular values."""
    return (2 * np.eye(*shape[-2:]) + 0.3 * signed(*shape)).astype("float32")


def spd(*shape):
    """Symmetric positive definite matrices."""
    x = signed(*shape)
    n = shape[-1]
    return (x @ np.swapaxes(x, -1, -2) / n + np.eye(n)).astype("float32")


def lower_factor(*shape):
    """Lower triangular matrices with a positive diagonal."""
    return np.tril(well_conditioned(*shape)) + np.eye(shape[-1], dtype="float32")


def cholesky_reference(x, upper=False):
    # Symmetrized, as backends differentiate the symmetric part (only the
    # lower triangle is read: test_cholesky_reads_the_lower_triangle).
    factor = np.linalg.cholesky((x + np.swapaxes(x, -1, -2)) / 2)
    return np.swapaxes(factor, -1, -2) if upper else factor


def cholesky_inverse_reference(x, upper=False):
    triangle = np.triu(x) if upper else np.tril(x)
    a = (
        np.swapaxes(triangle, -1, -2) @ triangle
        if upper
        else triangle @ (np.swapaxes(triangle, -1, -2))
    )
    return np.linalg.inv(a)


def solve_reference(a, b):
    if b.ndim == 1:
        return np.linalg.solve(a, b[:, None])[..., 0]
    return np.linalg.solve(a, b)


def solve_triangular_reference(a, b, lower=False):
    return solve_reference(np.tril(a) if lower else np.triu(a), b)


def lstsq_reference(a, b, rcond=None):
    rcond = np.finfo("float32").eps * max(a.shape) if rcond is None else rcond
    return np.linalg.lstsq(a, b, rcond=rcond)[0]


def lu_factor_reference(x):
    flat = x.reshape((-1, *x.shape[-2:]))
    factors = [scipy.linalg.lu_factor(m) for m in flat]
    lu = np.stack([f[0] for f in factors]).reshape(x.shape)
    pivots = np.stack([f[1] for f in factors]).reshape(x.shape[:-1])
    return lu, pivots.astype("int32")


def matrix_rank_reference(x, tol=None):
    values = np.linalg.svd(x, compute_uv=False)
    if tol is None:
        tol = (
            values.max(-1, keepdims=True) * np.finfo("float32").eps * max(x.shape[-2:])
        )
    return np.sum(values > tol, -1).astype("int32")


def pinv_reference(x, rcond=None):
    rcond = np.finfo("float32").eps * max(x.shape[-2:]) if rcond is None else rcond
    return np.linalg.pinv(x, rcond=rcond)


def svd_values_reference(x, full_matrices=True, compute_uv=True):
    return np.linalg.svd(x, compute_uv=False)


def rank_deficient():
    x = signed(4, 3)
    x[:, 2] = x[:, 0] + x[:, 1]
    return x


NORM = np.linalg.norm
CASES = [
    Case("cholesky", (spd(3, 3),), reference=cholesky_reference, grad=True, grow=()),
    Case(
        "cholesky",
        (spd(2, 3, 3),),
        {"upper": True},
        reference=cholesky_reference,
        grad=True,
        rtol=1e-5,
        label="upper-batched",
    ),
    Case(
        "cholesky_inverse",
        (lower_factor(2, 3, 3),),
        reference=cholesky_inverse_reference,
        rtol=1e-5,
        atol=1e-5,
        label="batched",
    ),
    Case(
        "cholesky_inverse",
        (np.swapaxes(lower_factor(3, 3), 0, 1).copy(),),
        {"upper": True},
        reference=cholesky_inverse_reference,
        rtol=1e-5,
        atol=1e-5,
        grow=(),
        label="upper",
    ),
    Case("det", (well_conditioned(3, 3),), reference=np.linalg.det, grad=True, grow=()),
    Case(
        "det",
        (well_conditioned(2, 4, 4),),
        reference=np.linalg.det,
        grad=True,
        rtol=1e-5,
        label="batched",
    ),
    Case(
        "inv",
        (well_conditioned(2, 3, 3),),
        reference=np.linalg.inv,
        grad=True,
        rtol=1e-5,
        atol=1e-5,
    ),
    Case(
        "lstsq",
        (signed(5, 3), signed(5)),
        reference=lstsq_reference,
        grad=True,
        rtol=1e-4,
        atol=1e-5,
        grow=(0, 1),
    ),
    Case(
        "lstsq",
        (rank_deficient(), signed(4, 2)),
        {"rcond": 1e-4},
        reference=lstsq_reference,
        rtol=1e-4,
        atol=1e-4,
        grow=(),
        label="rank-deficient",
    ),
    Case(
        "lu_factor",
        (well_conditioned(4, 4),),
        reference=lu_factor_reference,
        rtol=1e-5,
        atol=1e-5,
        grow=(),
    ),
    Case(
        "lu_factor",
        (signed(3, 4, 4),),
        reference=lu_factor_reference,
        rtol=1e-4,
        atol=1e-5,
        label="batched",
    ),
    Case("matrix_rank", (rank_deficient(),), reference=matrix_rank_reference, grow=()),
    Case(
        "matrix_rank",
        (np.stack([rank_deficient(), signed(4, 3)]),),
        {"tol": 0.01},
        reference=matrix_rank_reference,
        label="tol-batched",
    ),
    Case("norm", (signed(3, 4),), reference=NORM, grad=True, label="flat"),
    Case("norm", (signed(2, 3, 4),), reference=NORM, grad=True, label="flat-3d"),
    Case(
        "norm",
        (signed(2, 3, 4),),
        {"axis": (0, 2), "keepdims": True},
        reference=NORM,
        grad=True,
        label="fro-keepdims",
    ),
    *[
        Case(
            "norm",
            (signed(3, 5),),
            {"ord": order, "axis": -1},
            reference=NORM,
            grad=order != 0,
            rtol=1e-5,
            label=f"vector-{order}",
        )
        for order in (None, 1, 3, -2, 0, np.inf, -np.inf)
    ],
    Case(
        "norm",
        (signed(4),),
        {"ord": 1, "keepdims": True},
        reference=NORM,
        grad=True,
        label="vector-no-axis",
    ),
    *[
        Case(
            "norm",
            (signed(2, 3, 4),),
            {"ord": order, "axis": (2, 1)},
            reference=NORM,
            grad=True,
            rtol=1e-5,
            label=f"matrix-{order}",
        )
        for order in ("fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf)
    ],
    Case(
        "norm",
        (signed(3, 4),),
        {"ord": "nuc", "keepdims": True},
        reference=NORM,
        grad=True,
        rtol=1e-5,
        label="matrix-no-axis",
    ),
    Case(
        "pinv",
        (signed(2, 4, 3),),
        reference=pinv_reference,
        grad=True,
        rtol=1e-4,
        atol=1e-5,
    ),
    Case(
        "pinv",
        (rank_deficient(),),
        {"rcond": 1e-4},
        reference=pinv_reference,
        rtol=1e-4,
        atol=1e-4,
        label="rank-deficient",
    ),
    Case(
        "solve",
        (well_conditioned(3, 3), signed(3)),
        reference=solve_reference,
        grad=True,
        rtol=1e-5,
        atol=1e-6,
        grow=(),
        label="vector",
    ),
    Case(
        "solve",
        (well_conditioned(2, 3, 3), signed(2, 3, 2)),
        reference=solve_reference,
        grad=True,
        rtol=1e-5,
        atol=1e-6,
        grow=(0, 1),
        label="batched",
    ),
    Case(
        "solve",
        (well_conditioned(2, 3, 3), signed(3, 2)),
        reference=solve_reference,
        rtol=1e-5,
        atol=1e-6,
        label="broadcast",
    ),
    Case(
        "solve",
        (well_conditioned(2, 3, 3), signed(3)),
        reference=solve_reference,
        rtol=1e-5,
        atol=1e-6,
        label="batched-a-vector-b",
    ),
    Case(
        "solve_triangular",
        (well_conditioned(3, 3), signed(3, 2)),
        reference=solve_triangular_reference,
        grad=True,
        rtol=1e-5,
        atol=1e-6,
        grow=(),
        label="upper",
    ),
    Case(
        "solve_triangular",
        (well_conditioned(2, 3, 3), signed(3)),
        {"lower": True},
        reference=solve_triangular_reference,
        grad=True,
        rtol=1e-5,
        atol=1e-6,
        label="lower-batched-vector",
    ),
    Case(
        "svd",
        (well_conditioned(2, 4, 3),),
        {"compute_uv": False},
        reference=svd_values_reference,
        grad=True,
        rtol=1e-5,
        atol=1e-6,
        label="values",
    ),
]


class TestLinalg(TableTests):
    CASES = CASES


# ---------------------------------------------------------------------------
# Decompositions unique up to signs: checked by their properties.
# ---------------------------------------------------------------------------


def _settings(function, x, compile_ok=True):
    """`function(x)` eagerly and inside the backend's compiler, as NumPy.

    Also checks the symbolic outputs' shapes and dtypes against eager ones.
    """
    eager = function(x)
    symbolic = function(KerasTensor(x.shape, dtype=x.dtype.name))
    for spec, value in zip(symbolic, eager, strict=True):
        assert spec.shape == tuple(core.shape(value))
        assert spec.dtype == standardize_dtype(value.dtype)
    results = [to_numpy(eager)]
    if BACKEND != "numpy" and compile_ok:
        results.append(to_numpy(compiled(function)(core.convert_to_tensor(x))))
    return results


def _close(got, want, tolerance=1e-4):
    np.testing.assert_allclose(got, want, rtol=tolerance, atol=tolerance)


def _identity(n, batch):
    return np.broadcast_to(np.eye(n), (*batch, n, n))


def _transpose(x):
    return np.conj(np.swapaxes(x, -1, -2))


@pytest.mark.parametrize("shape", [(3, 5), (2, 4, 3)])
@pytest.mark.parametrize("mode", ["reduced", "complete"])
def test_qr_reconstructs_with_orthonormal_q_and_upper_r(shape, mode):
    x = signed(*shape)
    m, n = shape[-2:]
    k = min(m, n) if mode == "reduced" else m
    for q, r in _settings(lambda t: ops.qr(t, mode=mode), x):
        assert q.shape == (*shape[:-2], m, k) and r.shape == (*shape[:-2], k, n)
        _close(q @ r, x)
        _close(_transpose(q) @ q, _identity(k, shape[:-2]))
        _close(r, np.triu(r))


@pytest.mark.parametrize("shape", [(3, 5), (2, 4, 3)])
@pytest.mark.parametrize("full_matrices", [True, False])
def test_svd_reconstructs_with_orthonormal_factors(shape, full_matrices):
    x = signed(*shape)
    m, n = shape[-2:]
    k = min(m, n)
    for u, s, vh in _settings(lambda t: ops.svd(t, full_matrices=full_matrices), x):
        rows, columns = (m, n) if full_matrices else (k, k)
        assert u.shape == (*shape[:-2], m, rows)
        assert vh.shape == (*shape[:-2], columns, n)
        _close(s, np.linalg.svd(x, compute_uv=False))
        _close((u[..., :k] * s[..., None, :]) @ vh[..., :k, :], x)
        _close(_transpose(u) @ u, _identity(rows, shape[:-2]))
        _close(vh @ _transpose(vh), _identity(columns, shape[:-2]))


def _sorted_eigenvalues(w):
    return np.sort_complex(np.round(w.astype("complex128"), 4))


@pytest.mark.parametrize("shape", [(3, 3), (2, 4, 4)])
def test_eig_satisfies_the_eigen_equation(shape):
    x = signed(*shape)
    # TensorFlow has no XLA kernel for general eigendecomposition.
    for w, v in _settings(ops.eig, x, compile_ok=BACKEND != "tensorflow"):
        assert w.dtype == np.complex64 and v.dtype == np.complex64
        _close(x @ v, v * w[..., None, :])
        _close(np.linalg.norm(v, axis=-2), np.ones(shape[:-1]))
        expected = np.linalg.eigvals(x.astype("float64"))
        _close(_sorted_eigenvalues(w), _sorted_eigenvalues(expected), 1e-3)


def test_eig_of_a_rotation_is_complex():
    w, _ = ops.eig(np.array([[0.0, -1.0], [1.0, 0.0]], "float32"))
    _close(_sorted_eigenvalues(to_numpy(w)), np.array([-1j, 1j]))


@pytest.mark.parametrize("shape", [(3, 3), (2, 4, 4)])
def test_eigh_gives_ascending_values_and_orthonormal_vectors(shape):
    x = spd(*shape)
    # Only the lower triangle is read: garbage above it changes nothing.
    garbage = x + np.triu(signed(*shape), 1)
    for w, v in _settings(ops.eigh, garbage):
        _close(w, np.linalg.eigvalsh(x))
        _close(x @ v, v * w[..., None, :])
        _close(_transpose(v) @ v, _identity(shape[-1], shape[:-2]))


def test_eigenvalue_gradients_match_finite_differences():
    if BACKEND == "numpy":
        pytest.skip("the numpy backend is inference only: it has no gradients")
    from op_testing import backend_gradients
    from op_testing import finite_differences

    x = spd(3, 3).astype("float64")
    weights = np.array([1.0, 2.0, 3.0])

    def op_total(t):
        return ops.multiply(ops.eigh(ops.add(t, ops.transpose(t)))[0], weights)

    def reference(t):
        return np.linalg.eigvalsh(t + t.T) * weights

    dtype = "float32" if BACKEND == "jax" else "float64"
    (grad,) = backend_gradients(op_total, [x.astype(dtype)])
    (want,) = finite_differences(reference, [x])
    np.testing.assert_allclose(grad, want, rtol=1e-2, atol=1e-2)


def test_cholesky_reads_the_lower_triangle():
    x = spd(2, 3, 3)
    garbage = x + np.triu(signed(2, 3, 3), 1)
    for (factor,) in _settings(lambda t: (ops.cholesky(t),), garbage):
        _close(factor, np.linalg.cholesky(x))


def test_lu_factor_reconstructs_the_permuted_matrix():
    x = signed(2, 5, 5)
    lu, pivots = to_numpy(ops.lu_factor(x))
    for index in range(2):
        lower = np.tril(lu[index], -1) + np.eye(5)
        upper = np.triu(lu[index])
        permuted = x[index].copy()
        for i, j in enumerate(pivots[index]):
            permuted[[i, j]] = permuted[[j, i]]
        _close(lower @ upper, permuted)


# ---------------------------------------------------------------------------
# jvp: forward-mode derivatives.
# ---------------------------------------------------------------------------


def test_jvp_is_refused_on_numpy_and_computed_elsewhere():
    x = np.array([0.5, 1.0], "float32")
    if BACKEND == "numpy":
        with pytest.raises(NotImplementedError, match=r"`jvp`.*inference only"):
            ops.jvp(ops.sin, (x,), (np.ones(2, "float32"),))
        return
    value, derivative = ops.jvp(ops.sin, (x,), (np.array([1.0, 2.0], "float32"),))
    _close(to_numpy(value), np.sin(x))
    _close(to_numpy(derivative), np.cos(x) * [1.0, 2.0])


def test_jvp_with_several_primals_and_aux():
    if BACKEND == "numpy":
        pytest.skip("the numpy backend is inference only: it has no derivatives")
    x = np.array([2.0, 3.0], "float32")
    y = np.array([5.0, 7.0], "float32")

    def function(a, b):
        product = ops.multiply(a, b)
        return ops.sum(product), {"product": product}

    value, derivative, aux = ops.jvp(
        function, (x, y), (np.ones(2, "float32"), np.zeros(2, "float32")), has_aux=True
    )
    _close(to_numpy(value), 31.0)
    _close(to_numpy(derivative), 12.0)
    _close(to_numpy(aux["product"]), x * y)


def test_jvp_of_a_linalg_op_matches_finite_differences():
    if BACKEND == "numpy":
        pytest.skip("the numpy backend is inference only: it has no derivatives")
    x = well_conditioned(3, 3)
    direction = signed(3, 3)
    _, derivative = ops.jvp(ops.det, (x,), (direction,))
    step = 1e-3
    x64, d64 = x.astype("float64"), direction.astype("float64")
    want = (np.linalg.det(x64 + step * d64) - np.linalg.det(x64 - step * d64)) / (
        2 * step
    )
    _close(to_numpy(derivative), want, 1e-3)


def test_jvp_rejects_mismatched_arguments():
    with pytest.raises(ValueError, match="one tangent per primal"):
        ops.jvp(ops.sin, (1.0, 2.0), (1.0,))
    with pytest.raises(TypeError, match="tuples or lists"):
        ops.jvp(ops.sin, 1.0, 1.0)


# ---------------------------------------------------------------------------
# Result dtypes against Keras 3.15, and error messages.
# ---------------------------------------------------------------------------

ORACLE, TABLE = load_oracle(
    os.path.join(os.path.dirname(__file__), "dtype_oracle_linalg.json")
)


def _first(function, index):
    return lambda *xs: function(*xs)[index]


def _matrices(function):
    """`function` on the diagonal matrices of the 2-vector samples."""
    return lambda *xs: function(*[ops.diag(x) for x in xs])


ORACLE_FUNCTIONS = {
    "cholesky": _matrices(ops.cholesky),
    "cholesky_inverse": _matrices(ops.cholesky_inverse),
    "det": _matrices(ops.det),
    # Our eig is complex whatever the eigenvalues (Keras's records used a
    # matrix with complex eigenvalues, see the oracle's "_about").
    "eig_values": _matrices(_first(ops.eig, 0)),
    "eig_vectors": _matrices(_first(ops.eig, 1)),
    "eigh_values": _matrices(_first(ops.eigh, 0)),
    "eigh_vectors": _matrices(_first(ops.eigh, 1)),
    "inv": _matrices(ops.inv),
    "lstsq": _matrices(ops.lstsq),
    "lu_factor_lu": _matrices(_first(ops.lu_factor, 0)),
    "lu_factor_pivots": _matrices(_first(ops.lu_factor, 1)),
    "matrix_rank": _matrices(ops.matrix_rank),
    "norm": ops.norm,
    "norm_matrix": _matrices(lambda x: ops.norm(x, ord="fro")),
    "pinv": _matrices(ops.pinv),
    "qr_q": _matrices(_first(ops.qr, 0)),
    "qr_r": _matrices(_first(ops.qr, 1)),
    "solve": _matrices(ops.solve),
    "solve_triangular": _matrices(ops.solve_triangular),
    "svd_s": _matrices(_first(ops.svd, 1)),
    "svd_u": _matrices(_first(ops.svd, 0)),
    "svd_vh": _matrices(_first(ops.svd, 2)),
}


@pytest.mark.parametrize("op_name", sorted(ORACLE_FUNCTIONS))
def test_result_dtypes_match_keras(op_name):
    mismatches = dtype_mismatches(ORACLE_FUNCTIONS[op_name], ORACLE, TABLE, op_name)
    if BACKEND == "tensorflow":
        # Keras's TensorFlow backend alone takes float16 in inv and qr; we
        # refuse it on every backend, as Keras's other backends (LAPACK) do.
        mismatches = [m for m in mismatches if m != ("float16", "error", "float16")]
    assert not mismatches


def test_every_op_has_an_oracle_row():
    assert sorted(ORACLE["default"]) == sorted(ORACLE_FUNCTIONS)


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: ops.det(np.ones((3, 4), "float32")), ValueError, "`det`.*square"),
        (lambda: ops.inv(np.ones(3, "float32")), ValueError, "`inv`.*rank 2"),
        (
            lambda: ops.cholesky(np.ones((2, 3), "float32")),
            ValueError,
            r"`cholesky`.*\(2, 3\)",
        ),
        (lambda: ops.qr(np.eye(2), mode="r"), ValueError, "`qr`.*'reduced'"),
        (
            lambda: ops.solve(np.eye(3), np.ones(4, "float32")),
            ValueError,
            "`solve`.*b of shape",
        ),
        (
            lambda: ops.lstsq(np.ones((2, 2, 2)), np.ones(2)),
            ValueError,
            r"`lstsq`.*\(m, n\)",
        ),
        (lambda: ops.norm(np.eye(3), ord=3), ValueError, "`norm`.*matrix `ord`"),
        (
            lambda: ops.norm(np.ones(3), ord="fro"),
            ValueError,
            "`norm`.*vector `ord`",
        ),
        (
            lambda: ops.norm(np.ones((2, 2, 2)), ord=1),
            ValueError,
            "`norm`.*rank 1 or 2",
        ),
        (
            lambda: ops.norm(np.ones((2, 2)), axis=(0, 0)),
            ValueError,
            "`norm`.*different axes",
        ),
        (
            lambda: ops.det(np.eye(2, dtype="float16")),
            TypeError,
            "`det`.*float16",
        ),
    ],
    ids=lambda value: "",
)
def test_bad_inputs_are_refused_with_a_clear_message(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_symbolic_calls_check_shapes_too():
    with pytest.raises(ValueError, match=r"`inv`.*square"):
        ops.inv(KerasTensor((None, 3, 4)))
    assert ops.inv(KerasTensor((None, 3, 3))).shape == (None, 3, 3)
