"""Regression metrics against scikit-learn and NumPy."""

import numpy as np
import pytest
from sklearn import metrics as sk_metrics

import keras_core
import keras_core.metrics
from keras_core import metrics
from keras_core import ops
from keras_core._src.layers import call_context

RNG = np.random.RandomState(7)
# Positive and away from zero: percentage and log errors stay finite.
Y_TRUE = RNG.uniform(0.5, 3.0, size=(10, 4)).astype("float32")
Y_PRED = RNG.uniform(0.5, 3.0, size=(10, 4)).astype("float32")
WEIGHTS = RNG.uniform(0.0, 2.0, size=(10,)).astype("float32")


def value_of(tensor):
    return np.asarray(ops.convert_to_numpy(tensor))


def cosine_reference(y_true, y_pred, axis=-1):
    norms = np.linalg.norm(y_true, axis=axis) * np.linalg.norm(y_pred, axis=axis)
    return (y_true * y_pred).sum(axis=axis) / norms


def sklearn_mean(score, weights):
    """sklearn's weighted average of a per-sample-averaged score."""
    return score(Y_TRUE, Y_PRED, sample_weight=weights)


def weighted(per_sample, weights):
    return (per_sample * weights).sum() / weights.sum()


# (class, kwargs, reference(weights) -> expected result, direction)
CASES = [
    (
        metrics.MeanSquaredError,
        {},
        lambda w: sklearn_mean(sk_metrics.mean_squared_error, w),
    ),
    (
        metrics.MeanAbsoluteError,
        {},
        lambda w: sklearn_mean(sk_metrics.mean_absolute_error, w),
    ),
    (
        metrics.MeanAbsolutePercentageError,
        {},
        lambda w: 100 * sklearn_mean(sk_metrics.mean_absolute_percentage_error, w),
    ),
    (
        metrics.MeanSquaredLogarithmicError,
        {},
        lambda w: sklearn_mean(sk_metrics.mean_squared_log_error, w),
    ),
    (
        metrics.RootMeanSquaredError,
        {},
        lambda w: np.sqrt(sklearn_mean(sk_metrics.mean_squared_error, w)),
    ),
    (
        metrics.LogCoshError,
        {},
        lambda w: weighted(np.log(np.cosh(Y_PRED - Y_TRUE)).mean(axis=-1), w),
    ),
    (
        metrics.CosineSimilarity,
        {},
        lambda w: weighted(cosine_reference(Y_TRUE, Y_PRED), w),
    ),
]
IDS = [case[0].__name__ for case in CASES]


@pytest.mark.parametrize(("cls", "kwargs", "reference"), CASES, ids=IDS)
def test_values_weights_accumulation_and_reset(cls, kwargs, reference):
    metric = cls(**kwargs)
    metric.update_state(Y_TRUE[:4], Y_PRED[:4])
    metric.update_state(Y_TRUE[4:], Y_PRED[4:], sample_weight=WEIGHTS[4:])
    weights = np.concatenate([np.ones(4, "float32"), WEIGHTS[4:]])
    np.testing.assert_allclose(value_of(metric.result()), reference(weights), rtol=1e-5)
    metric.reset_state()
    assert float(value_of(metric.result())) == 0.0
    metric.update_state(Y_TRUE, Y_PRED)
    np.testing.assert_allclose(
        value_of(metric.result()), reference(np.ones(10)), rtol=1e-5
    )


@pytest.mark.parametrize(("cls", "kwargs", "reference"), CASES, ids=IDS)
def test_stateless_path(cls, kwargs, reference):
    metric = cls(**kwargs)
    state = [v.value for v in metric.variables]
    state = metric.stateless_update_state(state, Y_TRUE[:3], Y_PRED[:3], WEIGHTS[:3])
    state = metric.stateless_update_state(state, Y_TRUE[3:], Y_PRED[3:], WEIGHTS[3:])
    np.testing.assert_allclose(
        value_of(metric.stateless_result(state)), reference(WEIGHTS), rtol=1e-5
    )
    assert float(value_of(metric.result())) == 0.0


@pytest.mark.parametrize(("cls", "kwargs", "reference"), CASES, ids=IDS)
def test_config_round_trip(cls, kwargs, reference):
    metric = cls(name="custom_name", dtype="float16", **kwargs)
    config = metric.get_config()
    assert config["name"] == "custom_name" and config["dtype"] == "float16"
    assert "fn" not in config
    clone = cls.from_config(config)
    assert clone.get_config() == config
    restored = metrics.deserialize(metrics.serialize(metric))
    assert type(restored) is cls and restored.get_config() == config


def test_default_names_configs_and_directions():
    expected = {
        metrics.MeanSquaredError: "mean_squared_error",
        metrics.MeanAbsoluteError: "mean_absolute_error",
        metrics.MeanAbsolutePercentageError: "mean_absolute_percentage_error",
        metrics.MeanSquaredLogarithmicError: "mean_squared_logarithmic_error",
        metrics.RootMeanSquaredError: "root_mean_squared_error",
        metrics.LogCoshError: "logcosh",
    }
    for cls, name in expected.items():
        metric = cls()
        assert metric.get_config() == {"name": name, "dtype": "float32"}
        assert metric._direction == "down"
    cosine = metrics.CosineSimilarity()
    assert cosine._direction == "up"
    # Unlike Keras 3.15, `axis` is written, so the config rebuilds the metric.
    assert cosine.get_config() == {
        "name": "cosine_similarity",
        "dtype": "float32",
        "axis": -1,
    }


def test_root_mean_squared_error_is_the_root_of_the_mean():
    metric = metrics.RootMeanSquaredError()
    metric.update_state([[0.0, 1.0], [1.0, 1.0]], [[1.0, 0.0], [1.0, 3.0]])
    # Squared errors per sample average to 1 and 2: sqrt(1.5), not mean(1, sqrt 2).
    np.testing.assert_allclose(value_of(metric.result()), np.sqrt(1.5), rtol=1e-6)
    metric.update_state([[0.0, 0.0]], [[3.0, 3.0]], sample_weight=[2.0])
    np.testing.assert_allclose(
        value_of(metric.result()), np.sqrt((1 + 2 + 2 * 9) / 4), rtol=1e-6
    )
    column = metrics.RootMeanSquaredError()
    column.update_state(np.array([0.0, 1.0, 2.0]), np.array([[1.0], [0.0], [1.0]]))
    np.testing.assert_allclose(value_of(column.result()), 1.0, rtol=1e-6)


def test_cosine_similarity_axis_zero_vectors_and_int_labels():
    y_true = np.array([[0.0, 1.0], [1.0, 1.0]], "float32")
    y_pred = np.array([[1.0, 0.0], [1.0, 1.0]], "float32")
    metric = metrics.CosineSimilarity(axis=0)
    metric.update_state(y_true, y_pred)
    np.testing.assert_allclose(
        value_of(metric.result()), cosine_reference(y_true, y_pred, 0).mean(), rtol=1e-6
    )
    zero = metrics.CosineSimilarity()
    zero.update_state(np.array([[0, 0], [1, 1]]), y_pred)
    np.testing.assert_allclose(value_of(zero.result()), 0.5, rtol=1e-6)


def test_integer_labels_and_float16_state():
    metric = metrics.MeanSquaredError(dtype="float16")
    metric.update_state(np.array([1, 2]), np.array([1.5, 2.5], "float32"))
    result = value_of(metric.result())
    assert result.dtype == np.float16 and float(result) == 0.25


def test_masked_predictions_do_not_count():
    y_pred = ops.convert_to_tensor(np.array([[1.0, 5.0], [2.0, 9.0]], "float32"))
    mask = ops.convert_to_tensor(np.array([[True, False], [True, True]]))
    rmse = metrics.RootMeanSquaredError()
    with call_context.call_context() as context:
        call_context.set_mask(y_pred, mask, context)
        rmse.update_state(np.zeros((2, 2), "float32"), y_pred)
    np.testing.assert_allclose(
        value_of(rmse.result()), np.sqrt((1 + 4 + 81) / 3), rtol=1e-5
    )


def test_in_compiled_functions():
    backend = keras_core.config.backend()
    metric = metrics.RootMeanSquaredError()
    expected = np.sqrt(sk_metrics.mean_squared_error(Y_TRUE, Y_PRED))
    if backend == "jax":
        import jax

        update = jax.jit(metric.stateless_update_state)
        state = [v.value for v in metric.variables]
        state = update(state, Y_TRUE[:5], Y_PRED[:5])
        state = update(state, Y_TRUE[5:], Y_PRED[5:])
        result = jax.jit(metric.stateless_result)(state)
    elif backend == "tensorflow":
        import tensorflow as tf

        update = tf.function(metric.update_state)
        update(Y_TRUE[:5], Y_PRED[:5])
        update(Y_TRUE[5:], Y_PRED[5:])
        result = metric.result()
    else:
        pytest.skip(f"no compiled-function wrapper to test on {backend}")
    np.testing.assert_allclose(value_of(result), expected, rtol=1e-5)
