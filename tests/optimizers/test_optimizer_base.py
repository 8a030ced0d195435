"""The Optimizer base, SGD, Adam and LossScaleOptimizer against NumPy."""

import numpy as np
import pytest

import keras_core
from keras_core import optimizers

GRADS = [
    np.array([[0.5, -1.0], [2.0, 0.25]], "float32"),
    np.array([[-0.3, 0.8], [0.1, -2.0]], "float32"),
    np.array([[1.5, 0.5], [-0.7, 0.9]], "float32"),
    np.array([[0.2, -0.4], [0.6, 1.1]], "float32"),
]
START = np.array([[1.0, -2.0], [0.5, 3.0]], "float32")


def run(optimizer, grads=GRADS, start=START):
    variable = keras_core.Variable(start.copy(), name="w")
    for grad in grads:
        optimizer.apply([grad], [variable])
    return variable.numpy()


def sgd_reference(lr, momentum=0.0, nesterov=False, weight_decay=0.0, grads=GRADS):
    w = START.astype("float64")
    velocity = np.zeros_like(w)
    for g in grads:
        w = w - w * weight_decay * lr
        if momentum:
            velocity = momentum * velocity - lr * g
            w = w + (momentum * velocity - lr * g if nesterov else velocity)
        else:
            w = w - lr * g
    return w


def adam_reference(lr, b1=0.9, b2=0.999, eps=1e-7, amsgrad=False, grads=GRADS):
    w = START.astype("float64")
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    v_max = np.zeros_like(w)
    for t, g in enumerate(grads, start=1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g**2
        if amsgrad:
            v_max = np.maximum(v_max, v)
            v_used = v_max
        else:
            v_used = v
        alpha = lr * np.sqrt(1 - b2**t) / (1 - b1**t)
        w = w - alpha * m / (np.sqrt(v_used) + eps)
    return w


@pytest.mark.parametrize(
    "kwargs",
    [
        {"learning_rate": 0.1},
        {"learning_rate": 0.05, "momentum": 0.9},
        {"learning_rate": 0.05, "momentum": 0.9, "nesterov": True},
        {"learning_rate": 0.1, "weight_decay": 0.01},
    ],
)
def test_sgd_matches_reference(kwargs):
    result = run(optimizers.SGD(**kwargs))
    np.testing.assert_allclose(
        result,
        sgd_reference(
            lr=kwargs["learning_rate"],
            **{k: v for k, v in kwargs.items() if k != "learning_rate"},
        ),
        rtol=1e-6,
        atol=1e-6,
    )


@pytest.mark.parametrize("amsgrad", [False, True])
def test_adam_matches_reference(amsgrad):
    result = run(optimizers.Adam(learning_rate=0.01, amsgrad=amsgrad))
    np.testing.assert_allclose(
        result, adam_reference(0.01, amsgrad=amsgrad), rtol=1e-6, atol=1e-6
    )


@pytest.mark.skipif(
    keras_core.config.backend() != "tensorflow",
    reason="tf.function graphs (the fused ResourceApplyAdam path) are TensorFlow's",
)
@pytest.mark.parametrize("amsgrad", [False, True])
def test_adam_inside_a_tf_function_matches_reference(amsgrad):
    import tensorflow as tf

    optimizer = optimizers.Adam(learning_rate=0.01, amsgrad=amsgrad)
    variable = keras_core.Variable(START.copy(), name="w")
    optimizer.build([variable])
    step = tf.function(lambda g: optimizer.apply([g], [variable]), autograph=False)
    for grad in GRADS:
        step(tf.constant(grad))
    np.testing.assert_allclose(
        variable.numpy(), adam_reference(0.01, amsgrad=amsgrad), rtol=1e-6, atol=1e-6
    )
    assert int(optimizer.iterations.numpy()) == len(GRADS)


def test_clipping_variants():
    grads = [np.array([[3.0, 4.0], [0.0, 0.0]], "float32")]
    by_norm = run(optimizers.SGD(1.0, clipnorm=1.0), grads)
    np.testing.assert_allclose(
        by_norm, START - np.array([[0.6, 0.8], [0.0, 0.0]]), rtol=1e-6
    )
    by_value = run(optimizers.SGD(1.0, clipvalue=3.5), grads)
    np.testing.assert_allclose(
        by_value, START - np.array([[3.0, 3.5], [0, 0]]), rtol=1e-6
    )
    by_global = run(optimizers.SGD(1.0, global_clipnorm=2.5), grads)
    np.testing.assert_allclose(
        by_global, START - np.array([[1.5, 2.0], [0, 0]]), rtol=1e-6
    )
    with pytest.raises(ValueError, match="Only one of"):
        optimizers.SGD(clipnorm=1.0, clipvalue=1.0)


def test_gradient_accumulation_applies_the_mean_every_n_steps():
    result = run(optimizers.SGD(0.1, gradient_accumulation_steps=2))
    means = [(GRADS[0] + GRADS[1]) / 2, (GRADS[2] + GRADS[3]) / 2]
    np.testing.assert_allclose(result, sgd_reference(0.1, grads=means), rtol=1e-6)
    optimizer = optimizers.SGD(0.1, gradient_accumulation_steps=2)
    variable = keras_core.Variable(START.copy())
    optimizer.apply([GRADS[0]], [variable])
    np.testing.assert_allclose(variable.numpy(), START)  # accumulated only
    # As in Keras: the counter Variable counts calls, `iterations` updates.
    assert int(optimizer._iterations.numpy()) == 1
    assert int(keras_core.ops.convert_to_numpy(optimizer.iterations)) == 0
    optimizer.apply([GRADS[1]], [variable])
    assert int(keras_core.ops.convert_to_numpy(optimizer.iterations)) == 1


def test_ema_and_finalize():
    optimizer = optimizers.SGD(0.1, use_ema=True, ema_momentum=0.5)
    variable = keras_core.Variable(START.copy())
    expected_average = None
    w = START.astype("float64")
    for grad in GRADS:
        optimizer.apply([grad], [variable])
        w = w - 0.1 * grad
        expected_average = (
            w if expected_average is None else 0.5 * expected_average + 0.5 * w
        )
    optimizer.finalize_variable_values([variable])
    np.testing.assert_allclose(variable.numpy(), expected_average, rtol=1e-6)


def test_weight_decay_exclusions():
    optimizer = optimizers.SGD(0.1, weight_decay=0.5)
    optimizer.exclude_from_weight_decay(var_names=["bias"])
    kernel = keras_core.Variable(np.ones(2, "float32"), name="kernel")
    bias = keras_core.Variable(np.ones(2, "float32"), name="bias")
    zeros = np.zeros(2, "float32")
    optimizer.apply([zeros, zeros], [kernel, bias])
    np.testing.assert_allclose(kernel.numpy(), [0.95, 0.95])
    np.testing.assert_allclose(bias.numpy(), [1.0, 1.0])


def test_stateless_apply_changes_nothing_and_matches_apply():
    optimizer = optimizers.Adam(0.01)
    variable = keras_core.Variable(START.copy(), name="w")
    optimizer.build([variable])
    values = [v.value for v in optimizer.variables]
    new_trainable, new_state = optimizer.stateless_apply(
        values, [GRADS[0]], [variable.value]
    )
    np.testing.assert_allclose(variable.numpy(), START)
    assert int(optimizer.iterations.numpy()) == 0
    np.testing.assert_allclose(
        keras_core.ops.convert_to_numpy(new_trainable[0]),
        adam_reference(0.01, grads=GRADS[:1]),
        rtol=1e-6,
    )
    assert int(keras_core.ops.convert_to_numpy(new_state[0])) == 1


def test_variables_paths_and_config_round_trip():
    optimizer = optimizers.Adam(0.01, amsgrad=True, name="opt")
    variable = keras_core.Variable(START.copy(), name="w")
    optimizer.build([variable])
    assert [v.path for v in optimizer.variables] == [
        "opt/iteration",
        "opt/learning_rate",
        "opt/w_momentum",
        "opt/w_velocity",
        "opt/w_velocity_hat",
    ]
    config = optimizer.get_config()
    assert config["amsgrad"] and config["name"] == "opt"
    restored = optimizers.Adam.from_config(config)
    assert restored.get_config() == config
    with pytest.raises(ValueError, match="not recognized"):
        optimizers.SGD(foo=1)


def test_learning_rate_schedule_and_setter():
    class Halving(optimizers.schedules.LearningRateSchedule):
        def __call__(self, step):
            return 0.1 * 0.5 ** keras_core.ops.cast(step, "float32")

        def get_config(self):
            return {}

    grads = GRADS[:3]
    result = run(optimizers.SGD(learning_rate=Halving()), grads)
    expected = START - 0.1 * grads[0] - 0.05 * grads[1] - 0.025 * grads[2]
    np.testing.assert_allclose(result, expected, rtol=1e-6)
    optimizer = optimizers.SGD(0.1)
    optimizer.learning_rate = 0.5
    np.testing.assert_allclose(
        keras_core.ops.convert_to_numpy(optimizer.learning_rate), 0.5
    )


def test_loss_scale_optimizer_skips_non_finite_steps_and_adapts_the_scale():
    optimizer = optimizers.LossScaleOptimizer(
        optimizers.SGD(0.1), initial_scale=8.0, dynamic_growth_steps=2
    )
    variable = keras_core.Variable(np.array([1.0, 2.0], "float32"))
    optimizer.apply([np.array([np.inf, 1.0], "float32")], [variable])
    np.testing.assert_allclose(variable.numpy(), [1.0, 2.0])
    assert float(optimizer.dynamic_scale.numpy()) == 4.0
    for _ in range(2):
        optimizer.apply([np.array([4.0, 8.0], "float32")], [variable])
    # Two finite steps of gradients [1, 2] (unscaled), then the scale doubles.
    np.testing.assert_allclose(variable.numpy(), [0.8, 1.6], rtol=1e-6)
    assert float(optimizer.dynamic_scale.numpy()) == 8.0
    loss = keras_core.ops.convert_to_tensor(2.0)
    np.testing.assert_allclose(
        keras_core.ops.convert_to_numpy(optimizer.scale_loss(loss)), 16.0
    )
    assert (
        keras_core.mixed_precision.LossScaleOptimizer is optimizers.LossScaleOptimizer
    )
    config = optimizer.get_config()
    restored = optimizers.LossScaleOptimizer.from_config(config)
    assert restored.inner_optimizer.get_config()["learning_rate"] == pytest.approx(0.1)


def test_adam_with_accumulation_counts_applied_updates():
    result = run(optimizers.Adam(0.01, gradient_accumulation_steps=2))
    means = [(GRADS[0] + GRADS[1]) / 2, (GRADS[2] + GRADS[3]) / 2]
    np.testing.assert_allclose(
        result, adam_reference(0.01, grads=means), rtol=1e-6, atol=1e-6
    )


def test_slot_names_follow_the_variable_path():
    with keras_core.name_scope("dense"):
        kernel = keras_core.Variable(START.copy(), name="kernel")
    optimizer = optimizers.SGD(0.1, momentum=0.9, name="opt")
    optimizer.build([kernel])
    assert optimizer.variables[-1].path == "opt/dense_kernel_momentum"
