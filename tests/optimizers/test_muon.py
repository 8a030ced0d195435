"""Muon against a NumPy implementation: Newton-Schulz for matrices, Adam
for the variables Keras 3 excludes."""

import numpy as np
import pytest
from op_testing import compiled

import keras_core
from keras_core import ops
from keras_core import optimizers

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(11)
START = RNG.normal(size=(4, 3)).astype("float32")
GRADS = [RNG.normal(size=(4, 3)).astype("float32") for _ in range(4)]
A, B, C = 3.4445, -4.7750, 2.0315


def newton_schulz(x, steps, a=A, b=B, c=C):
    # Iterate on the wide orientation: the Gram matrix is the smaller one.
    wide = x.T if x.shape[0] > x.shape[1] else x
    wide = wide / (np.sqrt(np.sum(wide**2)) + 1e-7)
    for _ in range(steps):
        gram = wide @ wide.T
        wide = a * wide + (b * gram + c * gram @ gram) @ wide
    return wide.T if x.shape[0] > x.shape[1] else wide


def muon_reference(
    lr,
    momentum=0.95,
    nesterov=True,
    ns_steps=5,
    rms_rate=0.2,
    weight_decay=0.004,
    start=START,
    grads=GRADS,
):
    w = start.astype("float64")
    mu = np.zeros_like(w)
    for g in grads:
        w = w - w * weight_decay * lr
        mu = momentum * mu + g
        direction = g + momentum * mu if nesterov else mu
        update = newton_schulz(direction, ns_steps)
        if rms_rate is not None:
            update = update * np.sqrt(max(w.shape)) * rms_rate
        w = w - lr * update
    return w


def adam_reference(lr, start, grads, weight_decay=0.004, decay_lr=None):
    """Adam (defaults of Muon's `adam_*` arguments) with decoupled decay."""
    w = start.astype("float64")
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t, g in enumerate(grads, start=1):
        w = w - w * weight_decay * (lr if decay_lr is None else decay_lr)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g**2
        w = w - lr * np.sqrt(1 - 0.999**t) / (1 - 0.9**t) * m / (np.sqrt(v) + 1e-7)
    return w


def run(optimizer, start=START, grads=GRADS, name="w"):
    variable = keras_core.Variable(start.copy(), name=name)
    for grad in grads:
        optimizer.apply([grad], [variable])
    return variable.numpy()


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"nesterov": False, "momentum": 0.8},
        {"ns_steps": 2, "rms_rate": None},
        {"weight_decay": 0.3, "adam_weight_decay": 0.9},
    ],
)
def test_matrices_match_newton_schulz_reference(kwargs):
    result = run(optimizers.Muon(learning_rate=0.05, **kwargs))
    expected = muon_reference(
        0.05, **{k: v for k, v in kwargs.items() if k != "adam_weight_decay"}
    )
    np.testing.assert_allclose(result, expected, rtol=1e-5, atol=2e-6)


def test_tall_and_wide_matrices_take_transposed_steps():
    tall = run(optimizers.Muon(0.05))
    wide = run(optimizers.Muon(0.05), START.T.copy(), [g.T for g in GRADS])
    np.testing.assert_allclose(tall, wide.T, rtol=1e-5, atol=2e-6)


def test_orthogonalized_step_has_singular_values_near_one():
    optimizer = optimizers.Muon()
    direction = RNG.normal(size=(6, 4)).astype("float32") * 10.0
    result = ops.convert_to_numpy(
        optimizer.zeropower_via_newtonschulz5(ops.convert_to_tensor(direction), 5)
    )
    singular_values = np.linalg.svd(result, compute_uv=False)
    assert np.all((singular_values > 0.6) & (singular_values < 1.25))
    np.testing.assert_allclose(
        result, newton_schulz(direction, 5), rtol=1e-4, atol=1e-5
    )


@pytest.mark.parametrize(
    "shape, name, kwargs",
    [
        ((5,), "bias", {}),
        ((2, 3, 2), "kernel", {}),
        ((4, 3), "token_Embedding", {}),
        ((4, 3), "dense_head", {"exclude_layers": ["head$"]}),
    ],
)
def test_excluded_variables_take_adam_steps(shape, name, kwargs):
    start = RNG.normal(size=shape).astype("float32")
    grads = [RNG.normal(size=shape).astype("float32") for _ in range(4)]
    optimizer = optimizers.Muon(
        0.05, adam_lr_ratio=0.5, adam_weight_decay=0.2, weight_decay=0.9, **kwargs
    )
    result = run(optimizer, start, grads, name=name)
    # Adam at half the learning rate; the decay uses the full one.
    expected = adam_reference(0.025, start, grads, weight_decay=0.2, decay_lr=0.05)
    np.testing.assert_allclose(result, expected, rtol=1e-5, atol=1e-6)


def test_slots_follow_keras_routing_rules():
    optimizer = optimizers.Muon(name="opt", exclude_layers=["dense_.$"])
    names_and_shapes = [
        ("kernel", (3, 2)),
        ("bias", (2,)),
        ("conv", (2, 2, 3, 4)),
        ("my_Embedding_x", (4, 2)),
        ("dense_a", (4, 2)),
        ("dense_ab", (4, 2)),
    ]
    variables = [
        keras_core.Variable(np.ones(shape, "float32"), name=name)
        for name, shape in names_and_shapes
    ]
    optimizer.build(variables)
    assert [v.path for v in optimizer.variables] == [
        "opt/iteration",
        "opt/learning_rate",
        "opt/kernel_momentum",
        "opt/bias_momentum",
        "opt/bias_velocity",
        "opt/conv_momentum",
        "opt/conv_velocity",
        "opt/my_Embedding_x_momentum",
        "opt/my_Embedding_x_velocity",
        "opt/dense_a_momentum",
        "opt/dense_a_velocity",
        "opt/dense_ab_momentum",
    ]
    kept = optimizers.Muon(name="kept", exclude_embeddings=False)
    kept.build(variables[3:4])
    assert [v.path for v in kept.variables][2:] == ["kept/my_Embedding_x_momentum"]


def test_config_round_trip_and_serialization():
    optimizer = optimizers.Muon(
        0.02, exclude_layers=["head"], momentum=0.9, ns_steps=3, rms_rate=None
    )
    config = optimizer.get_config()
    assert list(config)[-14:] == [
        "adam_beta_1",
        "adam_beta_2",
        "epsilon",
        "exclude_layers",
        "muon_a",
        "muon_b",
        "muon_c",
        "adam_lr_ratio",
        "momentum",
        "ns_steps",
        "nesterov",
        "exclude_embeddings",
        "adam_weight_decay",
        "rms_rate",
    ]
    assert config["exclude_layers"] == ["head"] and config["weight_decay"] == 0.004
    assert optimizers.Muon().get_config()["exclude_layers"] == []
    assert optimizers.Muon.from_config(config).get_config() == config
    record = optimizers.serialize(optimizer)
    assert (record["module"], record["class_name"]) == ("keras.optimizers", "Muon")
    assert optimizers.deserialize(record).get_config() == config
    assert isinstance(optimizers.get("muon"), optimizers.Muon)


def test_exclude_layers_string_is_refused():
    with pytest.raises(TypeError, match=r"Muon.*exclude_layers='head'.*\['head'\]"):
        optimizers.Muon(exclude_layers="head")


@pytest.mark.skipif(
    BACKEND not in ("jax", "tensorflow"),
    reason="compiles the step with jax.jit / tf.function(jit_compile=True); "
    "other backends run the same code eagerly in the tests above",
)
def test_compiled_stateless_steps_match_reference():
    optimizer = optimizers.Muon(0.05)
    matrix = keras_core.Variable(START.copy(), name="w")
    vector = keras_core.Variable(START[0].copy(), name="b")
    optimizer.build([matrix, vector])
    step = compiled(optimizer.stateless_apply)
    state = [ops.convert_to_tensor(v.value) for v in optimizer.variables]
    weights = [ops.convert_to_tensor(matrix.value), ops.convert_to_tensor(vector.value)]
    for grad in GRADS:
        grads = [ops.convert_to_tensor(grad), ops.convert_to_tensor(grad[0])]
        weights, state = step(state, grads, weights)
    np.testing.assert_allclose(
        ops.convert_to_numpy(weights[0]), muon_reference(0.05), rtol=1e-5, atol=2e-6
    )
    np.testing.assert_allclose(
        ops.convert_to_numpy(weights[1]),
        adam_reference(0.05, START[0], [g[0] for g in GRADS]),
        rtol=1e-5,
        atol=1e-6,
    )
    assert int(ops.convert_to_numpy(state[0])) == len(GRADS)
