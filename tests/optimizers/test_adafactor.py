"""Adafactor against a NumPy implementation of the published algorithm."""

import numpy as np
import pytest
from op_testing import compiled

import keras_core
from keras_core import ops
from keras_core import optimizers

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(9)
SHAPES = [(3, 4), (5,), (2, 3, 4)]


def adafactor_reference(
    lr,
    start,
    grads,
    beta_2_decay=-0.8,
    epsilon_1=1e-30,
    epsilon_2=1e-3,
    clip_threshold=1.0,
    weight_decay=0.0,
):
    w = start.astype("float64")
    row = np.zeros(w.shape[:-1])
    column = np.zeros(w.shape[:-2] + w.shape[-1:])
    v = np.zeros_like(w)
    for t, g in enumerate(grads, start=1):
        w = w - w * weight_decay * lr
        alpha = max(epsilon_2, np.sqrt(np.mean(w**2))) * min(lr, 1 / np.sqrt(t))
        squared = g.astype("float64") ** 2 + epsilon_1
        beta = 1 - t**beta_2_decay
        if w.ndim >= 2:
            row = beta * row + (1 - beta) * squared.mean(axis=-1)
            column = beta * column + (1 - beta) * squared.mean(axis=-2)
            # The factored estimate: outer product of row and column means,
            # normalized so that it keeps the full mean.
            v = (
                np.einsum("...i,...j->...ij", row, column)
                / row.mean(axis=-1, keepdims=True)[..., None]
            )
        else:
            v = beta * v + (1 - beta) * squared
        update = g / np.sqrt(v)
        update = update / max(1.0, np.sqrt(np.mean(update**2)) / clip_threshold)
        w = w - alpha * update
    return w


def data(shape):
    start = RNG.normal(size=shape).astype("float32")
    grads = [RNG.normal(size=shape).astype("float32") for _ in range(4)]
    return start, grads


def run(optimizer, start, grads):
    variable = keras_core.Variable(start.copy(), name="w")
    for grad in grads:
        optimizer.apply([grad], [variable])
    return variable.numpy()


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"learning_rate": 0.8},
        {"beta_2_decay": -0.5, "epsilon_2": 0.5, "clip_threshold": 0.2},
        {"learning_rate": 0.3, "weight_decay": 0.2},
    ],
)
def test_matches_reference(shape, kwargs):
    start, grads = data(shape)
    kwargs = {"learning_rate": 0.01, **kwargs}
    result = run(optimizers.Adafactor(**kwargs), start, grads)
    lr = kwargs.pop("learning_rate")
    expected = adafactor_reference(lr, start, grads, **kwargs)
    np.testing.assert_allclose(result, expected, rtol=1e-5, atol=1e-6)


def test_relative_step_does_not_change_the_step_as_in_keras():
    start, grads = data((3, 4))
    relative = run(optimizers.Adafactor(0.8, relative_step=True), start, grads)
    absolute = run(optimizers.Adafactor(0.8, relative_step=False), start, grads)
    np.testing.assert_allclose(relative, absolute)


def test_factored_slots_follow_keras_layout():
    optimizer = optimizers.Adafactor(name="opt")
    kernel = keras_core.Variable(np.ones((3, 2), "float32"), name="kernel")
    bias = keras_core.Variable(np.ones(2, "float32"), name="bias")
    cube = keras_core.Variable(np.ones((2, 3, 4), "float32"), name="cube")
    optimizer.build([kernel, bias, cube])
    assert [(v.path, tuple(v.shape), v.dtype) for v in optimizer.variables] == [
        ("opt/iteration", (), "int32"),
        ("opt/learning_rate", (), "float32"),
        ("opt/kernel", (3,), "float32"),
        ("opt/kernel", (2,), "float32"),
        ("opt/kernel_velocity", (3, 2), "float32"),
        ("opt/bias", (), "int32"),
        ("opt/bias", (), "int32"),
        ("opt/bias_velocity", (2,), "float32"),
        ("opt/cube", (2, 3), "float32"),
        ("opt/cube", (2, 4), "float32"),
        ("opt/cube_velocity", (2, 3, 4), "float32"),
    ]


def test_config_round_trip_and_serialization():
    optimizer = optimizers.Adafactor(
        0.5,
        beta_2_decay=-0.6,
        epsilon_1=1e-20,
        epsilon_2=1e-2,
        clip_threshold=2.0,
        relative_step=False,
    )
    config = optimizer.get_config()
    assert list(config)[-5:] == [
        "beta_2_decay",
        "epsilon_1",
        "epsilon_2",
        "clip_threshold",
        "relative_step",
    ]
    assert config["relative_step"] is False
    assert optimizers.Adafactor.from_config(config).get_config() == config
    record = optimizers.serialize(optimizer)
    assert (record["module"], record["class_name"]) == (
        "keras.optimizers",
        "Adafactor",
    )
    assert optimizers.deserialize(record).get_config() == config
    assert isinstance(optimizers.get("adafactor"), optimizers.Adafactor)


@pytest.mark.skipif(
    BACKEND not in ("jax", "tensorflow"),
    reason="compiles the step with jax.jit / tf.function(jit_compile=True); "
    "other backends run the same code eagerly in the tests above",
)
def test_compiled_stateless_steps_match_reference():
    (start_matrix, grads_matrix), (start_vector, grads_vector) = (
        data((3, 4)),
        data((5,)),
    )
    optimizer = optimizers.Adafactor(0.3)
    matrix = keras_core.Variable(start_matrix.copy())
    vector = keras_core.Variable(start_vector.copy())
    optimizer.build([matrix, vector])
    step = compiled(optimizer.stateless_apply)
    state = [ops.convert_to_tensor(v.value) for v in optimizer.variables]
    weights = [ops.convert_to_tensor(matrix.value), ops.convert_to_tensor(vector.value)]
    for grad_matrix, grad_vector in zip(grads_matrix, grads_vector, strict=True):
        grads = [ops.convert_to_tensor(grad_matrix), ops.convert_to_tensor(grad_vector)]
        weights, state = step(state, grads, weights)
    for value, start, grads in (
        (weights[0], start_matrix, grads_matrix),
        (weights[1], start_vector, grads_vector),
    ):
        np.testing.assert_allclose(
            ops.convert_to_numpy(value),
            adafactor_reference(0.3, start, grads),
            rtol=1e-5,
            atol=1e-6,
        )
    assert int(ops.convert_to_numpy(state[0])) == 4
