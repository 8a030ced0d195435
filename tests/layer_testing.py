"""Shared checks for layer tests: gradients reach every trainable weight.

`weight_gradients(layer, *args, **kwargs)` differentiates a fixed random
projection of the layer's outputs (a plain sum can have zero gradients,
e.g. through a softmax) with respect to each trainable weight, with the
backend's own autodiff, and returns them as NumPy arrays (None where a
weight gets no gradient). The numpy backend has no autodiff: tests skip
there with `needs_gradients`.
"""

import numpy as np
import pytest

import keras_core
from keras_core import ops
from keras_core import tree

BACKEND = keras_core.config.backend()

needs_gradients = pytest.mark.skipif(
    BACKEND == "numpy", reason="the numpy backend computes no gradients"
)


def _projection_weights(outputs):
    rng = np.random.default_rng(1234)
    return [
        rng.normal(size=tuple(out.shape)).astype("float32")
        for out in tree.flatten(outputs)
    ]


def _projected_loss(outputs, weights):
    total = 0.0
    for out, weight in zip(tree.flatten(outputs), weights, strict=True):
        projected = ops.multiply(
            ops.cast(out, "float32"), ops.convert_to_tensor(weight)
        )
        total = total + ops.sum(projected)
    return total


def weight_gradients(layer, *args, **kwargs):
    """Gradients of a projection of `layer(*args, **kwargs)` per trainable weight."""
    outputs = layer(*args, **kwargs)  # builds the layer
    weights = _projection_weights(outputs)
    trainable = layer.trainable_variables
    if BACKEND == "jax":
        import jax

        non_trainable = [v.value for v in layer.non_trainable_variables]

        def loss(values):
            out, _ = layer.stateless_call(values, non_trainable, *args, **kwargs)
            return _projected_loss(out, weights)

        grads = jax.grad(loss)([v.value for v in trainable])
        return [np.asarray(g) for g in grads]
    if BACKEND == "torch":
        import torch

        loss = _projected_loss(layer(*args, **kwargs), weights)
        grads = torch.autograd.grad(
            loss, [v.value for v in trainable], allow_unused=True
        )
        return [None if g is None else g.detach().cpu().numpy() for g in grads]
    if BACKEND == "tensorflow":
        import tensorflow as tf

        with tf.GradientTape() as tape:
            loss = _projected_loss(layer(*args, **kwargs), weights)
        grads = tape.gradient(loss, [v.value for v in trainable])
        return [None if g is None else np.asarray(g) for g in grads]
    raise RuntimeError("weight_gradients needs a backend with autodiff")


def assert_gradients_reach_all_weights(layer, *args, **kwargs):
    """Fails unless every trainable weight gets a finite, non-zero gradient."""
    grads = weight_gradients(layer, *args, **kwargs)
    assert len(grads) == len(layer.trainable_variables) > 0
    for variable, grad in zip(layer.trainable_variables, grads, strict=True):
        assert grad is not None, f"no gradient reaches {variable.path}"
        assert grad.shape == variable.shape, variable.path
        assert np.all(np.isfinite(grad)), f"non-finite gradient for {variable.path}"
        assert np.any(grad != 0), f"zero gradient for {variable.path}"
