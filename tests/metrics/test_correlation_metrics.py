"""Pearson and concordance correlation against NumPy formulas."""

import numpy as np
import pytest

import keras_core
import keras_core.metrics
from keras_core import metrics
from keras_core import ops
from keras_core._src.layers import call_context

RNG = np.random.RandomState(5)
Y_TRUE = RNG.rand(6, 8).astype("float32")
Y_PRED = (0.6 * Y_TRUE + 0.4 * RNG.rand(6, 8)).astype("float32")
WEIGHTS = RNG.rand(6).astype("float32")


def value_of(tensor):
    return np.asarray(ops.convert_to_numpy(tensor))


def pearson_reference(y_true, y_pred, axis=-1):
    y_true = np.moveaxis(np.asarray(y_true, "float64"), axis, -1)
    y_pred = np.moveaxis(np.asarray(y_pred, "float64"), axis, -1)
    flat_true = y_true.reshape(-1, y_true.shape[-1])
    flat_pred = y_pred.reshape(-1, y_pred.shape[-1])
    values = [
        np.corrcoef(t, p)[0, 1] for t, p in zip(flat_true, flat_pred, strict=True)
    ]
    return np.array(values).reshape(y_true.shape[:-1])


def concordance_reference(y_true, y_pred, axis=-1):
    y_true = np.moveaxis(np.asarray(y_true, "float64"), axis, -1)
    y_pred = np.moveaxis(np.asarray(y_pred, "float64"), axis, -1)
    true_mean = y_true.mean(-1)
    pred_mean = y_pred.mean(-1)
    covariance = (
        (y_true - true_mean[..., None]) * (y_pred - pred_mean[..., None])
    ).mean(-1)
    denominator = y_true.var(-1) + y_pred.var(-1) + (true_mean - pred_mean) ** 2
    return 2 * covariance / denominator


FUNCTIONS = [
    (metrics.pearson_correlation, pearson_reference),
    (metrics.concordance_correlation, concordance_reference),
]


@pytest.mark.parametrize(("function", "reference"), FUNCTIONS)
@pytest.mark.parametrize("axis", [-1, 0])
def test_functions_match_numpy(function, reference, axis):
    result = value_of(function(Y_TRUE, Y_PRED, axis=axis))
    expected = reference(Y_TRUE, Y_PRED, axis=axis)
    assert result.dtype == np.float32
    assert result.shape == expected.shape
    np.testing.assert_allclose(result, expected, rtol=1e-5)


@pytest.mark.parametrize(("function", "reference"), FUNCTIONS)
def test_functions_on_rank_1_and_rank_3(function, reference):
    vector = value_of(function(Y_TRUE[0], Y_PRED[0]))
    assert vector.shape == ()
    np.testing.assert_allclose(vector, reference(Y_TRUE[0], Y_PRED[0]), rtol=1e-5)
    cube_true = Y_TRUE.reshape(2, 3, 8)
    cube_pred = Y_PRED.reshape(2, 3, 8)
    np.testing.assert_allclose(
        value_of(function(cube_true, cube_pred, axis=1)),
        reference(cube_true, cube_pred, axis=1),
        rtol=1e-5,
    )


def test_concordance_penalises_bias_that_pearson_ignores():
    y_true = [[1.0, 2.0, 3.0, 4.0]]
    shifted = [[3.0, 4.0, 5.0, 6.0]]
    pearson = value_of(metrics.pearson_correlation(y_true, shifted))
    concordance = value_of(metrics.concordance_correlation(y_true, shifted))
    np.testing.assert_allclose(pearson, [1.0], rtol=1e-6)
    # 2 * 1.25 / (1.25 + 1.25 + 4)
    np.testing.assert_allclose(concordance, [2.5 / 6.5], rtol=1e-6)


@pytest.mark.parametrize(("function", "reference"), FUNCTIONS)
def test_constant_inputs_give_zero(function, reference):
    constant = np.ones((2, 4), "float32")
    result = value_of(function(constant, Y_PRED[:2, :4]))
    np.testing.assert_array_equal(result, [0.0, 0.0])
    np.testing.assert_array_equal(value_of(function(constant, constant)), [0.0, 0.0])


def test_dtypes_follow_the_predictions():
    ints = metrics.pearson_correlation(np.array([[1, 2, 4]]), np.array([[1, 3, 3]]))
    assert value_of(ints).dtype == np.float32
    half = metrics.concordance_correlation(Y_TRUE, Y_PRED.astype("float16"))
    assert value_of(half).dtype == np.float16


@pytest.mark.parametrize(("function", "reference"), FUNCTIONS)
def test_symbolic_shapes_and_dtypes(function, reference):
    y_pred = keras_core.KerasTensor((None, 5, 7))
    out = function(keras_core.KerasTensor((None, 5, 7)), y_pred)
    assert tuple(out.shape) == (None, 5) and out.dtype == "float32"
    out = function(keras_core.KerasTensor((None, 5, 7)), y_pred, axis=1)
    assert tuple(out.shape) == (None, 7)


@pytest.mark.parametrize(("function", "reference"), FUNCTIONS)
def test_function_shape_errors(function, reference):
    with pytest.raises(ValueError, match=rf"{function.__name__}.*\(2, 3\).*\(2, 4\)"):
        function(np.ones((2, 3)), np.ones((2, 4)))


CLASSES = [
    (metrics.PearsonCorrelation, pearson_reference),
    (metrics.ConcordanceCorrelation, concordance_reference),
]


@pytest.mark.parametrize(("cls", "reference"), CLASSES)
def test_metrics_average_per_sample_values_over_batches(cls, reference):
    metric = cls()
    metric.update_state(Y_TRUE[:4], Y_PRED[:4])
    metric.update_state(Y_TRUE[4:], Y_PRED[4:], sample_weight=WEIGHTS[4:])
    per_sample = reference(Y_TRUE, Y_PRED)
    weights = np.concatenate([np.ones(4), WEIGHTS[4:]])
    expected = np.sum(per_sample * weights) / np.sum(weights)
    result = value_of(metric.result())
    assert result.dtype == np.float32 and result.shape == ()
    np.testing.assert_allclose(result, expected, rtol=1e-5)
    metric.reset_state()
    assert float(value_of(metric.result())) == 0.0
    metric.update_state(Y_TRUE, Y_PRED, sample_weight=WEIGHTS)
    np.testing.assert_allclose(
        value_of(metric.result()),
        np.sum(per_sample * WEIGHTS) / np.sum(WEIGHTS),
        rtol=1e-5,
    )


@pytest.mark.parametrize(("cls", "reference"), CLASSES)
def test_metrics_along_another_axis(cls, reference):
    metric = cls(axis=0)
    metric.update_state(Y_TRUE, Y_PRED)
    np.testing.assert_allclose(
        value_of(metric.result()), reference(Y_TRUE, Y_PRED, axis=0).mean(), rtol=1e-5
    )


@pytest.mark.parametrize(("cls", "reference"), CLASSES)
def test_stateless_path(cls, reference):
    metric = cls()
    state = [v.value for v in metric.variables]
    state = metric.stateless_update_state(state, Y_TRUE[:3], Y_PRED[:3])
    state = metric.stateless_update_state(state, Y_TRUE[3:], Y_PRED[3:])
    assert float(value_of(metric.variables[1])) == 0.0
    np.testing.assert_allclose(
        value_of(metric.stateless_result(state)),
        reference(Y_TRUE, Y_PRED).mean(),
        rtol=1e-5,
    )


def test_masked_predictions_do_not_count():
    kept = np.array([True, True, False, True, False, True])
    y_pred = ops.convert_to_tensor(Y_PRED)
    mask = ops.convert_to_tensor(kept)
    metric = metrics.PearsonCorrelation()
    with call_context.call_context() as context:
        call_context.set_mask(y_pred, mask, context)
        metric.update_state(Y_TRUE, y_pred)
    np.testing.assert_allclose(
        value_of(metric.result()),
        pearson_reference(Y_TRUE, Y_PRED)[kept].mean(),
        rtol=1e-5,
    )


def test_in_compiled_functions():
    backend = keras_core.config.backend()
    metric = metrics.ConcordanceCorrelation()
    expected = concordance_reference(Y_TRUE, Y_PRED).mean()
    if backend == "jax":
        import jax

        update = jax.jit(metric.stateless_update_state)
        state = [v.value for v in metric.variables]
        state = update(state, Y_TRUE[:3], Y_PRED[:3])
        state = update(state, Y_TRUE[3:], Y_PRED[3:])
        result = metric.stateless_result(state)
    elif backend == "tensorflow":
        import tensorflow as tf

        update = tf.function(metric.update_state)
        update(Y_TRUE[:3], Y_PRED[:3])
        update(Y_TRUE[3:], Y_PRED[3:])
        result = metric.result()
    else:
        pytest.skip(f"no compiled-function wrapper to test on {backend}")
    np.testing.assert_allclose(value_of(result), expected, rtol=1e-5)


@pytest.mark.parametrize(
    ("metric", "config"),
    [
        (
            metrics.PearsonCorrelation(),
            {"name": "pearson_correlation", "dtype": "float32", "axis": -1},
        ),
        (
            metrics.ConcordanceCorrelation(name="ccc", dtype="float16", axis=0),
            {"name": "ccc", "dtype": "float16", "axis": 0},
        ),
    ],
    ids=lambda value: type(value).__name__,
)
def test_configs_round_trips_and_direction(metric, config):
    assert metric.get_config() == config
    assert metric._direction == "up"
    clone = type(metric).from_config(metric.get_config())
    assert clone.get_config() == config
    record = metrics.serialize(metric)
    assert record["module"] == "keras.metrics"
    assert record["class_name"] == type(metric).__name__
    restored = metrics.deserialize(record)
    assert type(restored) is type(metric)
    assert restored.get_config() == config
