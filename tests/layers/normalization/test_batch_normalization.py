"""Tests of `keras_core.layers.BatchNormalization` against NumPy references."""

import numpy as np
import pytest
from layer_testing import assert_gradients_reach_all_weights
from layer_testing import needs_gradients

import keras_core
from keras_core import layers
from keras_core import ops

EPS = 1e-3


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def _inputs(*shape, seed=0):
    rng = np.random.default_rng(seed)
    return (rng.normal(size=shape) * 2 + 1).astype("float32")


def _reference(x, mean, variance, gamma, beta, axis=-1):
    shape = [1] * x.ndim
    shape[axis] = -1
    mean, variance = np.reshape(mean, shape), np.reshape(variance, shape)
    gamma, beta = np.reshape(gamma, shape), np.reshape(beta, shape)
    return (x - mean) / np.sqrt(variance + EPS) * gamma + beta


def test_training_uses_batch_statistics_and_updates_moving_ones():
    layer = layers.BatchNormalization(
        momentum=0.9, gamma_initializer="random_normal", beta_initializer="ones"
    )
    x = _inputs(6, 3)
    out = _np(layer(x, training=True))
    gamma, beta, moving_mean, moving_variance = layer.get_weights()
    np.testing.assert_allclose(
        out, _reference(x, x.mean(0), x.var(0), gamma, beta), rtol=1e-4, atol=1e-5
    )
    np.testing.assert_allclose(moving_mean, 0.1 * x.mean(0), rtol=1e-5)
    np.testing.assert_allclose(moving_variance, 0.9 + 0.1 * x.var(0), rtol=1e-5)


@pytest.mark.parametrize("training", [None, False])
def test_inference_uses_moving_statistics(training):
    layer = layers.BatchNormalization(axis=1)
    layer.build((None, 3, 2))
    layer.moving_mean.assign([1.0, -1.0, 0.5])
    layer.moving_variance.assign([4.0, 0.25, 1.0])
    x = _inputs(4, 3, 2)
    out = _np(layer(x, training=training))
    gamma, beta, mean, variance = layer.get_weights()
    np.testing.assert_allclose(
        out, _reference(x, mean, variance, gamma, beta, axis=1), rtol=1e-5, atol=1e-5
    )
    np.testing.assert_allclose(layer.moving_mean.numpy(), [1.0, -1.0, 0.5])


def test_frozen_layer_runs_in_inference_mode():
    layer = layers.BatchNormalization(momentum=0.0)
    layer.trainable = False
    x = _inputs(4, 3)
    out = _np(layer(x, training=True))
    np.testing.assert_allclose(out, x / np.sqrt(1 + EPS), rtol=1e-5)
    np.testing.assert_allclose(layer.moving_mean.numpy(), np.zeros(3))


def test_mask_restricts_batch_statistics():
    layer = layers.BatchNormalization(momentum=0.0)
    x = _inputs(2, 4, 3)
    mask = np.array([[1, 1, 0, 0], [1, 1, 1, 0]], bool)
    out = _np(layer(x, training=True, mask=mask))
    kept = x[mask]
    np.testing.assert_allclose(layer.moving_mean.numpy(), kept.mean(0), rtol=1e-5)
    np.testing.assert_allclose(layer.moving_variance.numpy(), kept.var(0), rtol=1e-4)
    np.testing.assert_allclose(
        out, (x - kept.mean(0)) / np.sqrt(kept.var(0) + EPS), rtol=1e-4, atol=1e-5
    )
    with pytest.raises(ValueError, match="one dimension less"):
        layer(x, training=True, mask=np.ones((2, 4, 3), bool))


def test_mask_from_embedding_passes_through():
    inputs = keras_core.Input((5,), dtype="int32")
    vectors = layers.Embedding(7, 3, mask_zero=True)(inputs)
    outputs = layers.BatchNormalization()(vectors)
    assert outputs._keras_mask.shape == (None, 5)


def test_weights_names_shapes_order_and_trainability():
    layer = layers.BatchNormalization()
    layer.build((None, 5, 3))
    assert [w.path for w in layer.weights] == [
        f"{layer.name}/{n}" for n in ("gamma", "beta", "moving_mean", "moving_variance")
    ]
    assert [w.name for w in layer.non_trainable_weights] == [
        "moving_mean",
        "moving_variance",
    ]
    assert all(tuple(w.shape) == (3,) for w in layer.weights)
    assert layer.input_spec.ndim == 3 and layer.input_spec.axes == {-1: 3}
    layer = layers.BatchNormalization(center=False, scale=False)
    layer.build((None, 3))
    assert [w.name for w in layer.weights] == ["moving_mean", "moving_variance"]
    assert layer.gamma is None and layer.beta is None
    x = _inputs(2, 3)
    np.testing.assert_allclose(_np(layer(x)), x / np.sqrt(1 + EPS), rtol=1e-5)


def test_stateless_call_returns_updated_statistics():
    layer = layers.BatchNormalization(momentum=0.5)
    layer.build((None, 3))
    x = _inputs(4, 3)
    trainable = [v.value for v in layer.trainable_variables]
    non_trainable = [v.value for v in layer.non_trainable_variables]
    out, (mean, variance) = layer.stateless_call(
        trainable, non_trainable, x, training=True
    )
    np.testing.assert_allclose(_np(mean), 0.5 * x.mean(0), rtol=1e-5)
    np.testing.assert_allclose(_np(variance), 0.5 + 0.5 * x.var(0), rtol=1e-5)
    np.testing.assert_allclose(layer.moving_mean.numpy(), np.zeros(3))
    assert _np(out).shape == (4, 3)


def test_renorm_weights_corrections_and_updates():
    layer = layers.BatchNormalization(
        renorm=True,
        momentum=0.9,
        renorm_momentum=0.8,
        moving_mean_initializer=keras_core.initializers.Constant(0.5),
        moving_variance_initializer=keras_core.initializers.Constant(4.0),
    )
    layer.build((None, 3))
    assert [w.name for w in layer.weights] == [
        "gamma",
        "beta",
        "moving_mean",
        "moving_variance",
        "moving_stddev",
        "renorm_mean",
        "renorm_stddev",
    ]
    np.testing.assert_allclose(layer.moving_stddev.numpy(), [2.0] * 3)
    np.testing.assert_allclose(layer.renorm_mean.numpy(), [0.5] * 3)
    x = _inputs(6, 3)
    out = _np(layer(x, training=True))
    mean, stddev = x.mean(0), np.sqrt(x.var(0) + EPS)
    r, d = stddev / 2.0, (mean - 0.5) / 2.0
    np.testing.assert_allclose(out, (x - mean) / stddev * r + d, rtol=1e-4, atol=1e-5)
    weights = dict(
        zip([w.name for w in layer.weights], layer.get_weights(), strict=True)
    )
    np.testing.assert_allclose(weights["renorm_mean"], 0.4 + 0.2 * mean, rtol=1e-5)
    np.testing.assert_allclose(weights["renorm_stddev"], 1.6 + 0.2 * stddev, rtol=1e-5)
    np.testing.assert_allclose(weights["moving_mean"], 0.45 + 0.1 * mean, rtol=1e-5)
    moving_stddev = 1.8 + 0.1 * stddev
    np.testing.assert_allclose(weights["moving_stddev"], moving_stddev, rtol=1e-5)
    np.testing.assert_allclose(
        weights["moving_variance"], moving_stddev**2 - EPS, rtol=1e-5
    )
    inference = _np(layer(x))
    np.testing.assert_allclose(
        inference,
        (x - weights["moving_mean"]) / np.sqrt(weights["moving_variance"] + EPS),
        rtol=1e-4,
        atol=1e-5,
    )


def test_renorm_clipping():
    clipping = {"rmax": 1.1, "rmin": 0.9, "dmax": 0.1}
    layer = layers.BatchNormalization(
        renorm=True,
        renorm_clipping=clipping,
        moving_variance_initializer=keras_core.initializers.Constant(4.0),
    )
    x = _inputs(6, 3)
    out = _np(layer(x, training=True))
    mean, stddev = x.mean(0), np.sqrt(x.var(0) + EPS)
    r = np.clip(stddev / 2.0, 0.9, 1.1)
    d = np.clip(mean / 2.0, -0.1, 0.1)
    np.testing.assert_allclose(out, (x - mean) / stddev * r + d, rtol=1e-4, atol=1e-5)
    assert layer.get_config()["renorm_clipping"] == clipping
    assert layers.BatchNormalization(renorm=True).renorm_clipping == {}
    assert layers.BatchNormalization().get_config()["renorm_clipping"] is None
    with pytest.raises(ValueError, match=r"invalid keys.*foo"):
        layers.BatchNormalization(renorm=True, renorm_clipping={"foo": 1})
    with pytest.raises(ValueError, match=r"rmax=0\.5, rmin=1"):
        layers.BatchNormalization(renorm=True, renorm_clipping={"rmax": 0.5, "rmin": 1})
    with pytest.raises(TypeError, match="renorm_clipping=3"):
        layers.BatchNormalization(renorm=True, renorm_clipping=3)


def test_config_round_trip_and_keras_keys():
    layer = layers.BatchNormalization(
        axis=1, momentum=0.9, gamma_regularizer="l2", renorm=True
    )
    config = layer.get_config()
    assert list(config) == [
        "name",
        "trainable",
        "dtype",
        "axis",
        "momentum",
        "epsilon",
        "center",
        "scale",
        "beta_initializer",
        "gamma_initializer",
        "moving_mean_initializer",
        "moving_variance_initializer",
        "beta_regularizer",
        "gamma_regularizer",
        "beta_constraint",
        "gamma_constraint",
        "synchronized",
        "renorm",
        "renorm_clipping",
        "renorm_momentum",
    ]
    assert config["gamma_initializer"]["class_name"] == "Ones"
    assert (config["momentum"], config["epsilon"]) == (0.9, 0.001)
    assert layers.BatchNormalization.from_config(config).get_config() == config
    serialized = layers.serialize(layer)
    assert serialized["module"] == "keras.layers"
    restored = layers.deserialize(serialized)
    assert isinstance(restored, layers.BatchNormalization) and restored.axis == 1


def test_bad_arguments():
    with pytest.raises(TypeError, match="axis=\\[1, 2\\]"):
        layers.BatchNormalization(axis=[1, 2])
    with pytest.raises(ValueError, match="out of range"):
        layers.BatchNormalization(axis=3).build((2, 3))
    with pytest.raises(ValueError, match="defined size"):
        layers.BatchNormalization().build((2, None))
    layer = layers.BatchNormalization()
    layer(_inputs(2, 3))
    with pytest.raises(ValueError, match="axis -1"):
        layer(_inputs(2, 4))


def test_synchronized_accepted_where_supported():
    try:
        layer = layers.BatchNormalization(synchronized=True, momentum=0.0)
    except ValueError as error:
        assert "synchronized=True" in str(error)
        return
    x = _inputs(4, 3)
    layer(x, training=True)
    np.testing.assert_allclose(layer.moving_mean.numpy(), x.mean(0), rtol=1e-5)


def test_symbolic_shapes_and_model():
    inputs = keras_core.Input((None, 3))
    layer = layers.BatchNormalization()
    outputs = layer(inputs)
    assert outputs.shape == (None, None, 3) and outputs.dtype == "float32"
    model = keras_core.Model(inputs, outputs)
    x = _inputs(2, 4, 3)
    np.testing.assert_allclose(_np(model(x)), _np(layer(x)), rtol=1e-6)
    assert layer.compute_output_shape((2, 4, 3)) == (2, 4, 3)


def test_mixed_precision_statistics_in_float32():
    layer = layers.BatchNormalization(dtype="mixed_float16", axis=0)
    x = np.array([[1000.0, 1000.5, 1001.0, 1001.5]], "float16")
    out = layer(x, training=True)
    assert ops.convert_to_numpy(out).dtype == np.float16
    assert [w.dtype for w in layer.weights] == ["float32"] * 4
    expected = np.array([[-1.34, -0.447, 0.447, 1.34]])
    np.testing.assert_allclose(_np(out).astype("float32"), expected, atol=5e-3)
    np.testing.assert_allclose(layer.moving_mean.numpy(), [10.0075], rtol=1e-5)
    symbolic = layers.BatchNormalization(dtype="mixed_float16")
    assert symbolic(keras_core.Input((3,))).dtype == "float16"


@needs_gradients
@pytest.mark.parametrize("renorm", [False, True])
def test_gradients_reach_gamma_and_beta(renorm):
    layer = layers.BatchNormalization(renorm=renorm)
    assert_gradients_reach_all_weights(layer, _inputs(4, 3), training=True)
