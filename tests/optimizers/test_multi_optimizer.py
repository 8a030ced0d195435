"""MultiOptimizer and OptimizerMap: routing by variable path, state, configs."""

import numpy as np
import pytest
from op_testing import compiled

import keras_core
from keras_core import ops
from keras_core import optimizers

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(17)
STARTS = {
    "dense/kernel": RNG.normal(size=(3, 2)).astype("float32"),
    "encoder/kernel": RNG.normal(size=(2, 2)).astype("float32"),
    "dense/bias": RNG.normal(size=(2,)).astype("float32"),
}
GRADS = [
    {
        path: RNG.normal(size=start.shape).astype("float32")
        for path, start in STARTS.items()
    }
    for _ in range(3)
]


def make_variables():
    variables = []
    for path, start in STARTS.items():
        scope, name = path.split("/")
        with keras_core.name_scope(scope):
            variables.append(keras_core.Variable(start.copy(), name=name))
    return variables


def sgd_reference(path, lr, scale=1.0):
    w = STARTS[path].astype("float64")
    for grads in GRADS:
        w = w - lr * grads[path] / scale
    return w


def adam_reference(path, lr, scale=1.0):
    w = STARTS[path].astype("float64")
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t, grads in enumerate(GRADS, start=1):
        g = grads[path] / scale
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g**2
        w = w - lr * np.sqrt(1 - 0.999**t) / (1 - 0.9**t) * m / (np.sqrt(v) + 1e-7)
    return w


def encoder_on_adam(name="multi", loss_scale_factor=None):
    optimizer_map = optimizers.OptimizerMap(
        optimizers.SGD(0.1, name="sgd"),
        {"encoder/.*": optimizers.Adam(0.01, name="adam")},
    )
    return optimizers.MultiOptimizer(
        optimizer_map, loss_scale_factor=loss_scale_factor, name=name
    )


def apply_all(optimizer, variables):
    for grads in GRADS:
        optimizer.apply([grads[path] for path in STARTS], variables)


# OptimizerMap.


def test_optimizer_map_matches_whole_paths():
    sgd, adam, other = optimizers.SGD(), optimizers.Adam(), optimizers.Lion()
    optimizer_map = optimizers.OptimizerMap(sgd, {"enc": adam, "dec/.*": other})
    assert optimizer_map["enc"] is adam
    assert optimizer_map["dec/kernel"] is other
    assert optimizer_map["x/enc/kernel"] is sgd  # a pattern matches the whole path
    assert optimizer_map["xdec/kernel"] is sgd
    assert optimizer_map["ENC"] is sgd  # case matters
    assert optimizer_map.default_optimizer is sgd
    assert list(optimizer_map) == ["enc", "dec/.*"] and len(optimizer_map) == 2


def test_optimizer_map_exact_key_wins_and_overlaps_are_refused():
    sgd, adam = optimizers.SGD(), optimizers.Adam()
    optimizer_map = optimizers.OptimizerMap(sgd, {"a+": adam, "x.*": adam, "xy.*": sgd})
    assert optimizer_map["a+"] is adam  # the key itself, though "a+" != /a+/
    assert optimizer_map["aaa"] is adam
    with pytest.raises(ValueError, match=r"'xyz' matches several patterns"):
        optimizer_map["xyz"]


def test_optimizer_map_mutation_and_validation():
    sgd, adam = optimizers.SGD(), optimizers.Adam()
    optimizer_map = optimizers.OptimizerMap(sgd)
    optimizer_map["head/.*"] = adam
    assert optimizer_map["head/kernel"] is adam
    del optimizer_map["head/.*"]
    assert optimizer_map["head/kernel"] is sgd and len(optimizer_map) == 0
    with pytest.raises(KeyError):
        del optimizer_map["missing"]
    with pytest.raises(ValueError, match=r"pattern 'bad'.*Received: 3"):
        optimizer_map["bad"] = 3
    with pytest.raises(ValueError, match="pattern 'bad'"):
        optimizers.OptimizerMap(sgd, {"bad": "adam"})
    with pytest.raises(TypeError, match="default_optimizer=3"):
        optimizers.OptimizerMap(3)
    with pytest.raises(TypeError, match=r"optimizer_map=\[1\]"):
        optimizers.OptimizerMap(sgd, [1])


def test_optimizer_map_config_round_trip():
    optimizer_map = optimizers.OptimizerMap(
        optimizers.SGD(0.1, name="sgd"), {"enc/.*": optimizers.Adam(0.01, name="adam")}
    )
    config = optimizer_map.get_config()
    assert list(config) == ["default_optimizer", "optimizer_map"]
    assert config["default_optimizer"]["class_name"] == "SGD"
    assert config["optimizer_map"]["enc/.*"]["class_name"] == "Adam"
    restored = optimizers.OptimizerMap.from_config(config)
    assert isinstance(restored["enc/x"], optimizers.Adam)
    assert restored.get_config() == config
    empty = optimizers.OptimizerMap(optimizers.SGD()).get_config()
    assert empty["optimizer_map"] == {}


# MultiOptimizer.


def test_routes_each_variable_to_its_optimizer():
    optimizer = encoder_on_adam()
    variables = make_variables()
    apply_all(optimizer, variables)
    np.testing.assert_allclose(
        variables[0].numpy(), sgd_reference("dense/kernel", 0.1), rtol=1e-6
    )
    np.testing.assert_allclose(
        variables[1].numpy(), adam_reference("encoder/kernel", 0.01), rtol=1e-5
    )
    np.testing.assert_allclose(
        variables[2].numpy(), sgd_reference("dense/bias", 0.1), rtol=1e-6
    )
    assert int(optimizer.iterations.numpy()) == 3
    assert [int(o.iterations.numpy()) for o in optimizer.optimizers] == [3, 3]


def test_variables_are_own_then_each_sub_optimizer():
    optimizer = optimizers.MultiOptimizer(
        optimizers.OptimizerMap(
            optimizers.SGD(name="sgd"),
            {"enc.*": optimizers.Adam(name="adam"), "unused": optimizers.Lion()},
        ),
        name="multi",
    )
    a = keras_core.Variable(np.ones(2, "float32"), name="a")
    enc = keras_core.Variable(np.ones(2, "float32"), name="enc")
    optimizer.build([a, enc])
    assert [o.name for o in optimizer.optimizers] == ["adam", "lion", "sgd"]
    assert not optimizer.optimizers[1].built
    assert [v.path for v in optimizer.variables] == [
        "multi/iteration",
        "multi/learning_rate",
        "adam/iteration",
        "adam/learning_rate",
        "adam/enc_momentum",
        "adam/enc_velocity",
        "lion/iteration",
        "lion/learning_rate",
        "sgd/iteration",
        "sgd/learning_rate",
    ]


def test_callable_selector_is_called_once_per_variable_at_build():
    calls = []
    shared = optimizers.SGD(0.1, name="shared")

    def selector(variable):
        calls.append(variable.path)
        return optimizers.Adam(0.01) if "encoder" in variable.path else shared

    optimizer = optimizers.MultiOptimizer(selector)
    assert optimizer.optimizers == []
    variables = make_variables()
    apply_all(optimizer, variables)
    assert calls == list(STARTS)
    assert [type(o).__name__ for o in optimizer.optimizers] == ["SGD", "Adam"]
    np.testing.assert_allclose(
        variables[1].numpy(), adam_reference("encoder/kernel", 0.01), rtol=1e-5
    )
    np.testing.assert_allclose(
        variables[2].numpy(), sgd_reference("dense/bias", 0.1), rtol=1e-6
    )


def test_loss_scale_factor_scales_the_loss_and_unscales_gradients():
    optimizer = encoder_on_adam(loss_scale_factor=4.0)
    variables = make_variables()
    loss = optimizer.scale_loss(ops.convert_to_tensor(2.0))
    np.testing.assert_allclose(ops.convert_to_numpy(loss), 8.0)
    apply_all(optimizer, variables)
    np.testing.assert_allclose(
        variables[0].numpy(), sgd_reference("dense/kernel", 0.1, scale=4.0), rtol=1e-6
    )


def test_missing_gradients_skip_an_optimizer():
    optimizer = encoder_on_adam()
    variables = make_variables()
    grads = GRADS[0]
    optimizer.apply([grads["dense/kernel"], None, grads["dense/bias"]], variables)
    np.testing.assert_allclose(variables[1].numpy(), STARTS["encoder/kernel"])
    adam, sgd = optimizer.optimizers
    assert int(adam.iterations.numpy()) == 0 and int(sgd.iterations.numpy()) == 1


def test_learning_rate_is_not_shared():
    optimizer = encoder_on_adam()
    with pytest.raises(AttributeError, match="sub-optimizers"):
        _ = optimizer.learning_rate
    with pytest.raises(AttributeError, match="sub-optimizers"):
        optimizer.learning_rate = 0.5


def test_invalid_inputs():
    for bad in (3, {"enc": optimizers.SGD()}, optimizers.SGD()):
        with pytest.raises(TypeError, match=r"MultiOptimizer.*OptimizerMap"):
            optimizers.MultiOptimizer(bad)
    optimizer = optimizers.MultiOptimizer(lambda variable: "sgd")
    with pytest.raises(ValueError, match="'dense/kernel' is not an Optimizer"):
        optimizer.build(make_variables())
    built = encoder_on_adam()
    built.build(make_variables())
    stranger = keras_core.Variable(np.ones(2, "float32"), name="stranger")
    with pytest.raises(KeyError, match="stranger"):
        built.apply([np.ones(2, "float32")], [stranger])
    with pytest.raises(ValueError, match="received 1 gradients for 3 variables"):
        built.apply([np.ones(2, "float32")], make_variables())


def test_stateless_apply_matches_apply_and_changes_nothing():
    optimizer = encoder_on_adam()
    variables = make_variables()
    optimizer.build(variables)
    state = [v.value for v in optimizer.variables]
    weights = [v.value for v in variables]
    for grads in GRADS:
        weights, state = optimizer.stateless_apply(
            state, [grads[path] for path in STARTS], weights
        )
    for variable, path in zip(variables, STARTS, strict=True):
        np.testing.assert_allclose(variable.numpy(), STARTS[path])
    assert all(int(o.iterations.numpy()) == 0 for o in optimizer.optimizers)
    np.testing.assert_allclose(
        ops.convert_to_numpy(weights[1]),
        adam_reference("encoder/kernel", 0.01),
        rtol=1e-5,
    )
    assert [int(ops.convert_to_numpy(state[i])) for i in (0, 2, 6)] == [3, 3, 3]


def test_config_serialization_and_saved_state_round_trip():
    optimizer = encoder_on_adam(loss_scale_factor=2.0)
    config = optimizer.get_config()
    assert list(config) == ["optimizer_map", "loss_scale_factor", "name"]
    assert config["optimizer_map"]["class_name"] == "OptimizerMap"
    restored = optimizers.MultiOptimizer.from_config(config)
    assert restored.get_config() == config
    record = optimizers.serialize(optimizer)
    assert (record["module"], record["class_name"]) == (
        "keras.optimizers",
        "MultiOptimizer",
    )
    assert optimizers.deserialize(record).get_config() == config

    variables = make_variables()
    apply_all(optimizer, variables)
    store = {}
    optimizer.save_own_variables(store)
    assert len(store) == len(optimizer.variables) == 8
    restored.build(make_variables())
    restored.load_own_variables(store)
    for original, loaded in zip(optimizer.variables, restored.variables, strict=True):
        np.testing.assert_allclose(loaded.numpy(), original.numpy())


def test_callable_config_names_the_function():
    def selector(variable):
        return optimizers.SGD()

    optimizer = optimizers.MultiOptimizer(selector, name="by_function")
    config = optimizer.get_config()
    assert config["optimizer_map"]["config"] == "selector"
    restored = optimizers.MultiOptimizer.from_config(
        config, custom_objects={"selector": selector}
    )
    assert restored.optimizer_map is selector


@pytest.mark.skipif(
    BACKEND not in ("jax", "tensorflow"),
    reason="compiles the step with jax.jit / tf.function(jit_compile=True); "
    "other backends run the same code eagerly in the tests above",
)
def test_compiled_stateless_steps_match_reference():
    optimizer = encoder_on_adam()
    variables = make_variables()
    optimizer.build(variables)
    step = compiled(optimizer.stateless_apply)
    state = [ops.convert_to_tensor(v.value) for v in optimizer.variables]
    weights = [ops.convert_to_tensor(v.value) for v in variables]
    for grads in GRADS:
        tensors = [ops.convert_to_tensor(grads[path]) for path in STARTS]
        weights, state = step(state, tensors, weights)
    np.testing.assert_allclose(
        ops.convert_to_numpy(weights[0]), sgd_reference("dense/kernel", 0.1), rtol=1e-6
    )
    np.testing.assert_allclose(
        ops.convert_to_numpy(weights[1]),
        adam_reference("encoder/kernel", 0.01),
        rtol=1e-5,
    )
