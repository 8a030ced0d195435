"""FBetaScore and F1Score against scikit-learn's fbeta_score and f1_score."""

import numpy as np
import pytest
from sklearn.metrics import f1_score
from sklearn.metrics import fbeta_score

import keras_core
import keras_core.metrics
from keras_core import metrics
from keras_core import ops

RNG = np.random.RandomState(3)
NUM_CLASSES = 4
IDS = RNG.randint(0, NUM_CLASSES, size=(20,))
ONE_HOT = np.eye(NUM_CLASSES, dtype="float32")[IDS]
SCORES = RNG.rand(20, NUM_CLASSES).astype("float32")
MULTI_LABEL = RNG.randint(0, 2, size=(20, NUM_CLASSES)).astype("float32")
WEIGHTS = RNG.rand(20).astype("float32")
AVERAGES = [None, "micro", "macro", "weighted"]


def value_of(tensor):
    return np.asarray(ops.convert_to_numpy(tensor))


def single_label_reference(beta, average, sample_weight=None):
    return fbeta_score(
        IDS,
        SCORES.argmax(-1),
        beta=beta,
        labels=range(NUM_CLASSES),
        average=average,
        sample_weight=sample_weight,
        zero_division=0.0,
    )


@pytest.mark.parametrize("average", AVERAGES)
@pytest.mark.parametrize("beta", [1.0, 0.5, 2.0])
def test_single_label_matches_sklearn_over_batches(average, beta):
    metric = metrics.FBetaScore(average=average, beta=beta)
    metric.update_state(ONE_HOT[:8], SCORES[:8])
    metric.update_state(ONE_HOT[8:], SCORES[8:])
    result = value_of(metric.result())
    np.testing.assert_allclose(
        result, single_label_reference(beta, average), rtol=1e-5, atol=1e-7
    )
    assert result.dtype == np.float32
    assert result.shape == ((NUM_CLASSES,) if average is None else ())


@pytest.mark.parametrize("average", AVERAGES)
def test_multi_label_threshold_matches_sklearn(average):
    threshold = 0.4
    metric = metrics.F1Score(average=average, threshold=threshold)
    metric.update_state(MULTI_LABEL, SCORES)
    predicted = np.greater(SCORES, threshold).astype("float32")
    expected = f1_score(MULTI_LABEL, predicted, average=average, zero_division=0.0)
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)


@pytest.mark.parametrize("average", AVERAGES)
def test_sample_weights_match_sklearn(average):
    metric = metrics.FBetaScore(average=average, beta=2.0)
    metric.update_state(ONE_HOT[:10], SCORES[:10], sample_weight=WEIGHTS[:10])
    metric.update_state(ONE_HOT[10:], SCORES[10:], sample_weight=WEIGHTS[10:, None])
    expected = single_label_reference(2.0, average, sample_weight=WEIGHTS)
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)


def test_per_class_weights_scale_each_entry():
    weights = RNG.rand(20, NUM_CLASSES).astype("float32")
    metric = metrics.F1Score(threshold=0.5)
    metric.update_state(MULTI_LABEL, SCORES, sample_weight=weights)
    predicted = SCORES > 0.5
    expected = [
        f1_score(
            MULTI_LABEL[:, c],
            predicted[:, c],
            sample_weight=weights[:, c],
            zero_division=0.0,
        )
        for c in range(NUM_CLASSES)
    ]
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)


def test_threshold_is_strict_and_tied_top_scores_are_all_positive():
    strict = metrics.F1Score(threshold=0.5)
    strict.update_state([[1.0, 0.0, 1.0]], [[0.5, 0.6, 0.4]])
    np.testing.assert_array_equal(value_of(strict.true_positives), [0, 0, 0])
    np.testing.assert_array_equal(value_of(strict.false_positives), [0, 1, 0])
    tied = metrics.F1Score()
    tied.update_state([[1.0, 0.0, 1.0]], [[0.5, 0.5, 0.4]])
    np.testing.assert_array_equal(value_of(tied.true_positives), [1, 0, 0])
    np.testing.assert_array_equal(value_of(tied.false_positives), [0, 1, 0])
    np.testing.assert_array_equal(value_of(tied.false_negatives), [0, 0, 1])


def test_state_is_built_from_the_first_batch_and_reset_keeps_it():
    metric = metrics.F1Score()
    assert metric.variables == []
    metric.update_state(ONE_HOT, SCORES)
    assert [v.path for v in metric.variables] == [
        "f1_score/true_positives",
        "f1_score/false_positives",
        "f1_score/false_negatives",
        "f1_score/intermediate_weights",
    ]
    assert all(tuple(v.shape) == (NUM_CLASSES,) for v in metric.variables)
    micro = metrics.F1Score(average="micro")
    micro.update_state(ONE_HOT, SCORES)
    assert all(tuple(v.shape) == () for v in micro.variables)
    np.testing.assert_allclose(
        value_of(micro.intermediate_weights), ONE_HOT.sum(), rtol=1e-6
    )
    metric.reset_state()
    np.testing.assert_array_equal(value_of(metric.result()), np.zeros(NUM_CLASSES))
    metric.update_state(ONE_HOT[:5], SCORES[:5])
    np.testing.assert_allclose(
        value_of(metric.result()),
        f1_score(
            IDS[:5],
            SCORES[:5].argmax(-1),
            labels=range(NUM_CLASSES),
            average=None,
            zero_division=0.0,
        ),
        rtol=1e-5,
    )


def test_result_before_any_update():
    assert float(value_of(metrics.F1Score(average="macro").result())) == 0.0
    with pytest.raises(ValueError, match=r"F1Score.result\(\) with average=None"):
        metrics.F1Score().result()


def test_stateless_path_matches_sklearn():
    metric = metrics.FBetaScore(average="weighted", beta=0.5)
    metric._build(ONE_HOT.shape, SCORES.shape)
    state = [v.value for v in metric.variables]
    state = metric.stateless_update_state(state, ONE_HOT[:9], SCORES[:9])
    state = metric.stateless_update_state(
        state, ONE_HOT[9:], SCORES[9:], sample_weight=WEIGHTS[9:]
    )
    assert not value_of(metric.true_positives).any()
    weights = np.concatenate([np.ones(9, "float32"), WEIGHTS[9:]])
    expected = single_label_reference(0.5, "weighted", sample_weight=weights)
    np.testing.assert_allclose(
        value_of(metric.stateless_result(state)), expected, rtol=1e-5
    )


def test_integer_targets_and_float16_dtype():
    metric = metrics.F1Score(average="macro", dtype="float16")
    metric.update_state(ONE_HOT.astype("int32"), SCORES)
    result = value_of(metric.result())
    assert result.dtype == np.float16
    np.testing.assert_allclose(result, single_label_reference(1.0, "macro"), rtol=1e-3)


def test_in_compiled_functions():
    backend = keras_core.config.backend()
    metric = metrics.F1Score(average="macro")
    metric._build((None, NUM_CLASSES), (None, NUM_CLASSES))
    expected = single_label_reference(1.0, "macro")
    if backend == "jax":
        import jax

        update = jax.jit(metric.stateless_update_state)
        state = [v.value for v in metric.variables]
        state = update(state, ONE_HOT[:10], SCORES[:10])
        state = update(state, ONE_HOT[10:], SCORES[10:])
        result = metric.stateless_result(state)
    elif backend == "tensorflow":
        import tensorflow as tf

        update = tf.function(metric.update_state)
        update(ONE_HOT[:10], SCORES[:10])
        update(ONE_HOT[10:], SCORES[10:])
        result = metric.result()
    else:
        pytest.skip(f"no compiled-function wrapper to test on {backend}")
    np.testing.assert_allclose(value_of(result), expected, rtol=1e-5)


def test_default_configs_and_direction():
    fbeta = metrics.FBetaScore()
    assert fbeta.get_config() == {
        "name": "fbeta_score",
        "dtype": "float32",
        "average": None,
        "beta": 1.0,
        "threshold": None,
    }
    f1 = metrics.F1Score()
    assert f1.get_config() == {
        "name": "f1_score",
        "dtype": "float32",
        "average": None,
        "threshold": None,
    }
    assert fbeta._direction == "up" and f1._direction == "up"


@pytest.mark.parametrize(
    "metric",
    [
        metrics.FBetaScore(average="weighted", beta=2, threshold=0.3, name="f2"),
        metrics.F1Score(average="micro", dtype="float16"),
    ],
    ids=lambda metric: type(metric).__name__,
)
def test_config_round_trips(metric):
    clone = type(metric).from_config(metric.get_config())
    assert clone.get_config() == metric.get_config()
    record = metrics.serialize(metric)
    assert record["module"] == "keras.metrics"
    assert record["class_name"] == type(metric).__name__
    restored = metrics.deserialize(record)
    assert type(restored) is type(metric)
    assert restored.get_config() == metric.get_config()


def test_argument_and_input_errors():
    with pytest.raises(ValueError, match=r"FBetaScore.*average='foo'"):
        metrics.FBetaScore(average="foo")
    with pytest.raises(ValueError, match=r"FBetaScore.*beta=0"):
        metrics.FBetaScore(beta=0)
    with pytest.raises(ValueError, match=r"F1Score.*threshold=1.5"):
        metrics.F1Score(threshold=1.5)
    with pytest.raises(ValueError, match=r"F1Score.*threshold=0"):
        metrics.F1Score(threshold=0)
    metric = metrics.F1Score()
    with pytest.raises(ValueError, match=r"F1Score expects 2D inputs.*\(2,\)"):
        metric.update_state([1.0, 0.0], [0.2, 0.8])
    metric.update_state(ONE_HOT, SCORES)
    with pytest.raises(ValueError, match=r"F1Score was built for 4 classes"):
        metric.update_state(ONE_HOT[:, :2], SCORES[:, :2])
    with pytest.raises(ValueError, match=r"same number of classes"):
        metrics.F1Score().update_state(ONE_HOT[:, :3], SCORES)
