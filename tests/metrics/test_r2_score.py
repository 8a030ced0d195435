"""R2Score against scikit-learn's r2_score."""

import numpy as np
import pytest
from sklearn.metrics import r2_score

import keras_core
import keras_core.metrics
from keras_core import metrics
from keras_core import ops

RNG = np.random.RandomState(11)
Y_TRUE = RNG.normal(size=(16, 3)).astype("float32")
Y_PRED = (Y_TRUE + 0.5 * RNG.normal(size=(16, 3))).astype("float32")
Y_TRUE[:, 2] *= 4.0  # unequal variances make the aggregations differ
WEIGHTS = RNG.rand(16).astype("float32")
AGGREGATIONS = {
    "uniform_average": "uniform_average",
    "variance_weighted_average": "variance_weighted",
    None: "raw_values",
}


def value_of(tensor):
    return np.asarray(ops.convert_to_numpy(tensor))


@pytest.mark.parametrize("aggregation", list(AGGREGATIONS))
def test_matches_sklearn_over_batches(aggregation):
    metric = metrics.R2Score(class_aggregation=aggregation)
    metric.update_state(Y_TRUE[:5], Y_PRED[:5])
    metric.update_state(Y_TRUE[5:], Y_PRED[5:])
    expected = r2_score(Y_TRUE, Y_PRED, multioutput=AGGREGATIONS[aggregation])
    result = value_of(metric.result())
    np.testing.assert_allclose(result, expected, rtol=1e-5)
    assert result.dtype == np.float32
    assert result.shape == (() if aggregation else (3,))


@pytest.mark.parametrize("aggregation", list(AGGREGATIONS))
def test_sample_weights_match_sklearn(aggregation):
    metric = metrics.R2Score(class_aggregation=aggregation)
    metric.update_state(Y_TRUE[:7], Y_PRED[:7], sample_weight=WEIGHTS[:7])
    metric.update_state(Y_TRUE[7:], Y_PRED[7:], sample_weight=WEIGHTS[7:, None])
    expected = r2_score(
        Y_TRUE,
        Y_PRED,
        sample_weight=WEIGHTS,
        multioutput=AGGREGATIONS[aggregation],
    )
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)


def test_per_entry_weights_weight_each_output_separately():
    weights = RNG.rand(16, 3).astype("float32")
    metric = metrics.R2Score(class_aggregation=None)
    metric.update_state(Y_TRUE, Y_PRED, sample_weight=weights)
    expected = [
        r2_score(Y_TRUE[:, c], Y_PRED[:, c], sample_weight=weights[:, c])
        for c in range(3)
    ]
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)


@pytest.mark.parametrize("num_regressors", [1, 4, 46])
def test_adjusted_r2_counts_every_target_value(num_regressors):
    metric = metrics.R2Score(num_regressors=num_regressors)
    metric.update_state(Y_TRUE, Y_PRED)
    plain = r2_score(Y_TRUE, Y_PRED)
    n = Y_TRUE.size  # 48 values
    expected = 1 - (1 - plain) * (n - 1) / (n - num_regressors - 1)
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)


@pytest.mark.parametrize("num_regressors", [47, 60])
def test_adjusted_r2_falls_back_without_degrees_of_freedom(num_regressors):
    metric = metrics.R2Score(num_regressors=num_regressors)
    metric.update_state(Y_TRUE, Y_PRED)
    np.testing.assert_allclose(
        value_of(metric.result()), r2_score(Y_TRUE, Y_PRED), rtol=1e-5
    )


def test_constant_targets_score_like_sklearn():
    y_true = np.array([[1.0, 2.0], [1.0, 3.0], [1.0, 5.0]], "float32")
    y_pred = np.array([[1.0, 2.5], [1.5, 3.0], [1.0, 4.0]], "float32")
    metric = metrics.R2Score(class_aggregation=None)
    metric.update_state(y_true, y_pred)
    expected = r2_score(y_true, y_pred, multioutput="raw_values")
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)
    exact = metrics.R2Score()
    exact.update_state(y_true[:, :1], y_true[:, :1])
    assert float(value_of(exact.result())) == 1.0


def test_state_variables_and_reset():
    metric = metrics.R2Score()
    assert [v.path for v in metric.variables] == ["r2_score/num_samples"]
    metric.update_state(Y_TRUE, Y_PRED)
    assert [v.path for v in metric.variables] == [
        "r2_score/num_samples",
        "r2_score/squared_sum",
        "r2_score/sum",
        "r2_score/residual",
        "r2_score/count",
    ]
    assert float(value_of(metric.num_samples)) == Y_TRUE.size
    metric.reset_state()
    assert not any(value_of(v).any() for v in metric.variables)
    metric.update_state(Y_TRUE[:6], Y_PRED[:6])
    np.testing.assert_allclose(
        value_of(metric.result()), r2_score(Y_TRUE[:6], Y_PRED[:6]), rtol=1e-5
    )


def test_result_before_any_update():
    assert float(value_of(metrics.R2Score().result())) == 0.0
    with pytest.raises(ValueError, match=r"class_aggregation=None was called"):
        metrics.R2Score(class_aggregation=None).result()


def test_stateless_path_matches_sklearn():
    metric = metrics.R2Score(class_aggregation="variance_weighted_average")
    metric._build(Y_TRUE.shape, Y_PRED.shape)
    state = [v.value for v in metric.variables]
    state = metric.stateless_update_state(state, Y_TRUE[:8], Y_PRED[:8])
    state = metric.stateless_update_state(
        state, Y_TRUE[8:], Y_PRED[8:], sample_weight=WEIGHTS[8:]
    )
    assert not value_of(metric.sum).any()
    weights = np.concatenate([np.ones(8, "float32"), WEIGHTS[8:]])
    expected = r2_score(
        Y_TRUE, Y_PRED, sample_weight=weights, multioutput="variance_weighted"
    )
    np.testing.assert_allclose(
        value_of(metric.stateless_result(state)), expected, rtol=1e-5
    )


def test_integer_targets_and_float16_dtype():
    y_true = RNG.randint(0, 10, size=(12, 2))
    y_pred = y_true + RNG.normal(size=(12, 2))
    metric = metrics.R2Score(dtype="float16")
    metric.update_state(y_true, y_pred.astype("float32"))
    result = value_of(metric.result())
    assert result.dtype == np.float16
    np.testing.assert_allclose(result, r2_score(y_true, y_pred), rtol=1e-2)


def test_in_compiled_functions():
    backend = keras_core.config.backend()
    metric = metrics.R2Score(num_regressors=2)
    metric._build((None, 3), (None, 3))
    n = Y_TRUE.size
    expected = 1 - (1 - r2_score(Y_TRUE, Y_PRED)) * (n - 1) / (n - 3)
    if backend == "jax":
        import jax

        update = jax.jit(metric.stateless_update_state)
        state = [v.value for v in metric.variables]
        state = update(state, Y_TRUE[:8], Y_PRED[:8])
        state = update(state, Y_TRUE[8:], Y_PRED[8:])
        result = jax.jit(metric.stateless_result)(state)
    elif backend == "tensorflow":
        import tensorflow as tf

        update = tf.function(metric.update_state)
        update(Y_TRUE[:8], Y_PRED[:8])
        update(Y_TRUE[8:], Y_PRED[8:])
        result = metric.result()
    else:
        pytest.skip(f"no compiled-function wrapper to test on {backend}")
    np.testing.assert_allclose(value_of(result), expected, rtol=1e-5)


def test_config_round_trip_and_direction():
    metric = metrics.R2Score()
    assert metric.get_config() == {
        "name": "r2_score",
        "dtype": "float32",
        "class_aggregation": "uniform_average",
        "num_regressors": 0,
    }
    assert metric._direction == "up"
    custom = metrics.R2Score(class_aggregation=None, num_regressors=2, name="r")
    clone = metrics.R2Score.from_config(custom.get_config())
    assert clone.get_config() == custom.get_config()
    record = metrics.serialize(custom)
    assert record["module"] == "keras.metrics"
    assert record["class_name"] == "R2Score"
    assert metrics.deserialize(record).get_config() == custom.get_config()


def test_argument_and_input_errors():
    with pytest.raises(ValueError, match=r"R2Score.*class_aggregation='foo'"):
        metrics.R2Score(class_aggregation="foo")
    with pytest.raises(ValueError, match=r"R2Score.*num_regressors=-1"):
        metrics.R2Score(num_regressors=-1)
    with pytest.raises(ValueError, match=r"R2Score.*num_regressors=1.5"):
        metrics.R2Score(num_regressors=1.5)
    metric = metrics.R2Score()
    with pytest.raises(ValueError, match=r"R2Score expects 2D inputs.*\(3,\)"):
        metric.update_state([1.0, 2.0, 3.0], [1.0, 2.0, 2.0])
    metric.update_state(Y_TRUE, Y_PRED)
    with pytest.raises(ValueError, match=r"R2Score was built for 3 outputs"):
        metric.update_state(Y_TRUE[:, :1], Y_PRED[:, :1])
    with pytest.raises(ValueError, match=r"same known number of outputs"):
        metrics.R2Score().update_state(Y_TRUE[:, :1], Y_PRED)
