"""custom_gradient and stop_gradient: gradients as declared, per backend."""

import numpy as np
import pytest
from op_testing import BACKEND
from op_testing import Case
from op_testing import TableTests
from op_testing import backend_gradients
from op_testing import signed
from op_testing import to_numpy

import keras_core
from keras_core import ops

needs_gradients = pytest.mark.skipif(
    BACKEND == "numpy", reason="the numpy backend is inference only"
)


def identity_reference(x):
    return x


CASES = [
    Case("stop_gradient", (signed(3, 2),), reference=identity_reference),
    Case(
        "stop_gradient",
        (np.array([1, 2], dtype="int8"),),
        reference=identity_reference,
        label="int8",
    ),
]


class TestStopGradient(TableTests):
    CASES = CASES


@needs_gradients
def test_stop_gradient_blocks_gradients():
    x = signed(4)

    def function(v):
        # d/dv sum(stop(v) * v) = stop(v): the stopped factor is a constant.
        return ops.multiply(ops.stop_gradient(v), v)

    (grad,) = backend_gradients(function, [x])
    np.testing.assert_allclose(grad, x, rtol=1e-6)
    # `0 * v` keeps the output attached to `v` (torch refuses to
    # differentiate an output that no input reaches).
    (zero,) = backend_gradients(
        lambda v: ops.add(ops.stop_gradient(ops.square(v)), ops.multiply(v, 0.0)), [x]
    )
    np.testing.assert_array_equal(zero, np.zeros(4))


@ops.custom_gradient
def clipped_square(x):
    """Square, with the gradient replaced by upstream * 10 (not 2x)."""

    def grad_fn(upstream):
        return ops.multiply(upstream, 10.0)

    return ops.square(x), grad_fn


@ops.custom_gradient
def weighted_product(x, y):
    """x * y with gradients (3 * upstream, 4 * upstream), Keras-style grad_fn."""

    def grad_fn(*args, upstream=None):
        if upstream is None:
            (upstream,) = args
        return ops.multiply(upstream, 3.0), ops.multiply(upstream, 4.0)

    return ops.multiply(x, y), grad_fn


def test_custom_gradient_forward_values():
    x = signed(3)
    np.testing.assert_allclose(to_numpy(clipped_square(x)), x**2, rtol=1e-6)
    np.testing.assert_allclose(
        to_numpy(weighted_product(x, x + 1)), x * (x + 1), rtol=1e-6
    )


@needs_gradients
def test_custom_gradient_replaces_the_gradient():
    x = signed(3)
    (grad,) = backend_gradients(clipped_square, [x])
    np.testing.assert_allclose(grad, np.full(3, 10.0))
    grads = backend_gradients(weighted_product, [x, x + 1])
    np.testing.assert_allclose(grads[0], np.full(3, 3.0))
    np.testing.assert_allclose(grads[1], np.full(3, 4.0))


def test_custom_gradient_is_symbolic_on_keras_tensors():
    out = clipped_square(keras_core.KerasTensor((None, 2), dtype="float16"))
    assert out.shape == (None, 2) and out.dtype == "float16"
