"""The private `dense_projection` op behind Dense: x @ kernel + bias."""

import numpy as np
import pytest

import keras_core
from keras_core import ops
from keras_core._src.ops.nn.projection import dense_projection


@pytest.mark.parametrize("shape", [(4, 3), (2, 5, 3), (3,)])
@pytest.mark.parametrize("with_bias", [True, False])
def test_values_match_numpy(shape, with_bias):
    rng = np.random.default_rng(0)
    x = rng.normal(size=shape).astype("float32")
    kernel = rng.normal(size=(3, 2)).astype("float32")
    bias = rng.normal(size=(2,)).astype("float32") if with_bias else None
    expected = x @ kernel + (bias if with_bias else 0.0)
    result = dense_projection(x, kernel, bias)
    assert keras_core.backend.standardize_dtype(result.dtype) == "float32"
    np.testing.assert_allclose(
        ops.convert_to_numpy(result), expected, rtol=1e-5, atol=1e-6
    )


def test_symbolic_shape_and_promotion():
    out = dense_projection(
        keras_core.KerasTensor((None, 7, 3), dtype="float16"),
        keras_core.KerasTensor((3, 5), dtype="float32"),
        keras_core.KerasTensor((5,), dtype="float32"),
    )
    assert out.shape == (None, 7, 5) and out.dtype == "float32"
    ints = dense_projection(np.ones((2, 3), "int32"), np.ones((3, 2), "float32"))
    assert keras_core.backend.standardize_dtype(ints.dtype) == "float32"
    np.testing.assert_allclose(ops.convert_to_numpy(ints), np.full((2, 2), 3.0))


def test_python_scalars_are_refused():
    with pytest.raises(TypeError, match="Python scalars"):
        dense_projection(np.ones((2, 3), "float32"), 2.0)


@pytest.mark.skipif(
    keras_core.config.backend() == "numpy", reason="the numpy backend has no gradients"
)
@pytest.mark.parametrize("shape", [(4, 3), (2, 4, 3)])
def test_gradients_match_the_composition(shape):
    # Rank 3 takes TensorFlow's flattened MatMul + BiasAdd path.
    rng = np.random.default_rng(1)
    x = rng.normal(size=shape).astype("float32")
    kernel = keras_core.Variable(rng.normal(size=(3, 2)).astype("float32"))
    bias = keras_core.Variable(rng.normal(size=(2,)).astype("float32"))

    def fused():
        return ops.sum(dense_projection(x, kernel.value, bias.value) ** 2)

    def composed():
        return ops.sum((ops.matmul(x, kernel.value) + bias.value) ** 2)

    from keras_core._src import backend

    grads = _gradients(backend.backend(), fused, [kernel, bias])
    expected = _gradients(backend.backend(), composed, [kernel, bias])
    for got, want in zip(grads, expected, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


def _gradients(name, loss_fn, variables):
    if name == "jax":
        import jax

        values = [v.value for v in variables]

        def loss(*vals):
            with keras_core.StatelessScope(list(zip(variables, vals, strict=True))):
                return loss_fn()

        return [np.asarray(g) for g in jax.grad(loss, argnums=(0, 1))(*values)]
    if name == "torch":
        for v in variables:
            v.value.grad = None
        loss_fn().backward()
        return [v.value.grad.numpy() for v in variables]
    import tensorflow as tf

    with tf.GradientTape() as tape:
        tape.watch([v.value for v in variables])
        loss = loss_fn()
    return [g.numpy() for g in tape.gradient(loss, [v.value for v in variables])]
