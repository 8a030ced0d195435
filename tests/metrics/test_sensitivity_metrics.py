"""SensitivityAtSpecificity, SpecificityAtSensitivity, PrecisionAtRecall and
RecallAtPrecision against a brute-force NumPy search over the thresholds.
"""

import re

import numpy as np
import pytest

import keras_core
import keras_core.metrics
from keras_core import metrics
from keras_core import ops

RNG = np.random.RandomState(11)
LABELS = RNG.randint(0, 2, size=(60, 3)).astype("float32")
# Scores correlated with the labels, a few outside [0, 1] (clipped).
SCORES = np.clip(RNG.rand(60, 3) * 0.8 + LABELS * 0.3 - 0.05, -0.1, 1.1).astype(
    "float32"
)
WEIGHTS = RNG.rand(60).astype("float32")

# class name -> (target argument, maximized rate, constrained rate)
CLASSES = {
    "SensitivityAtSpecificity": ("specificity", "recall", "specificity"),
    "SpecificityAtSensitivity": ("sensitivity", "specificity", "recall"),
    "PrecisionAtRecall": ("recall", "precision", "recall"),
    "RecallAtPrecision": ("precision", "recall", "precision"),
}


def value_of(tensor):
    return np.asarray(ops.convert_to_numpy(tensor))


def ratio(numerator, denominator):
    return numerator / denominator if denominator > 0 else 0.0


def brute_force(class_name, target, num_thresholds, labels, scores, weights):
    """The best rate over thresholds whose other rate reaches `target`."""
    _, maximized, constrained = CLASSES[class_name]
    if num_thresholds == 1:
        thresholds = [0.5]
    else:
        thresholds = [i / (num_thresholds - 1) for i in range(num_thresholds)]
    labels = labels.astype(bool).ravel()
    scores = np.clip(scores.astype("float64"), 0.0, 1.0).ravel()
    weights = weights.astype("float64").ravel()
    best = 0.0
    for threshold in thresholds:
        predicted = scores > np.float32(threshold)
        tp = weights[labels & predicted].sum()
        fp = weights[~labels & predicted].sum()
        tn = weights[~labels & ~predicted].sum()
        fn = weights[labels & ~predicted].sum()
        rates = {
            "recall": ratio(tp, tp + fn),
            "specificity": ratio(tn, tn + fp),
            "precision": ratio(tp, tp + fp),
        }
        if rates[constrained] >= target:
            best = max(best, rates[maximized])
    return best


def split_update(metric, labels, scores, weights):
    metric.update_state(labels[:30], scores[:30], sample_weight=weights[:30])
    metric.update_state(labels[30:], scores[30:], sample_weight=weights[30:])


@pytest.mark.parametrize("num_thresholds", [1, 2, 200])
@pytest.mark.parametrize("target", [0.0, 0.4, 0.8, 1.0])
@pytest.mark.parametrize("class_name", sorted(CLASSES))
def test_matches_brute_force_search(class_name, target, num_thresholds):
    metric = getattr(metrics, class_name)(target, num_thresholds=num_thresholds)
    split_update(metric, LABELS, SCORES, WEIGHTS)
    weights = np.broadcast_to(WEIGHTS[:, None], LABELS.shape)
    expected = brute_force(class_name, target, num_thresholds, LABELS, SCORES, weights)
    result = value_of(metric.result())
    assert result.shape == () and result.dtype == np.float32
    np.testing.assert_allclose(result, expected, rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("class_name", sorted(CLASSES))
def test_class_id_unweighted_and_reset(class_name):
    metric = getattr(metrics, class_name)(0.6, num_thresholds=50, class_id=1)
    metric.update_state(LABELS, SCORES)
    expected = brute_force(class_name, 0.6, 50, LABELS[:, 1], SCORES[:, 1], np.ones(60))
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)
    metric.reset_state()
    assert float(value_of(metric.result())) == 0.0
    assert all(not value_of(v).any() for v in metric.variables)


def test_hand_computed_examples():
    labels, scores = [0, 0, 0, 1, 1], [0, 0.3, 0.8, 0.3, 0.8]
    # Thresholds in [0.3, 0.8): predicted positive are the two 0.8 scores:
    # sensitivity 1/2, specificity 2/3, precision 1/2. Below 0.3 all but
    # one score are positive (sensitivity 1, specificity 1/3).
    cases = [
        (metrics.SensitivityAtSpecificity(0.5), 0.5),
        (metrics.SensitivityAtSpecificity(0.3), 1.0),
        (metrics.SpecificityAtSensitivity(0.5), 2 / 3),
        (metrics.SpecificityAtSensitivity(0.9), 1 / 3),
        (metrics.PrecisionAtRecall(0.5), 0.5),
        (metrics.RecallAtPrecision(0.5), 1.0),
        (metrics.RecallAtPrecision(0.9), 0.0),
    ]
    for metric, expected in cases:
        metric.update_state(labels, scores)
        np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-6)


def test_no_positives_gives_zero_not_nan():
    metric = metrics.SensitivityAtSpecificity(0.5)
    metric.update_state([0, 0, 0], [0.1, 0.5, 0.9])
    result = value_of(metric.result())
    assert not np.isnan(result) and float(result) == 0.0
    assert float(value_of(metrics.RecallAtPrecision(0.5).result())) == 0.0


def test_predictions_are_clipped_into_unit_interval():
    # Scores above 1 are not above the threshold 1, scores below 0 are not
    # above the threshold 0 (Keras clips them for these metrics).
    metric = metrics.SensitivityAtSpecificity(1.0, num_thresholds=2)
    metric.update_state([1, 1, 0], [1.5, -0.5, 0.5])
    np.testing.assert_array_equal(value_of(metric.true_positives), [1.0, 0.0])
    np.testing.assert_array_equal(value_of(metric.false_negatives), [1.0, 2.0])
    assert float(value_of(metric.result())) == 0.0


@pytest.mark.parametrize("class_name", sorted(CLASSES))
def test_config_attributes_and_serialization(class_name):
    cls = getattr(metrics, class_name)
    argument = CLASSES[class_name][0]
    metric = cls(0.7, num_thresholds=5, class_id=2, name="at", dtype="float32")
    config = metric.get_config()
    assert config == {
        "name": "at",
        "dtype": "float32",
        "class_id": 2,
        "num_thresholds": 5,
        argument: 0.7,
    }
    assert getattr(metric, argument) == 0.7
    assert metric.thresholds == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert cls(0.5, num_thresholds=1).thresholds == [0.5]
    assert metric._direction == "up"
    assert [v.path for v in metric.variables] == [
        "at/true_positives",
        "at/false_positives",
        "at/true_negatives",
        "at/false_negatives",
    ]
    assert all(v.shape == (5,) for v in metric.variables)
    clone = cls.from_config(config)
    assert clone.get_config() == config
    record = keras_core.metrics.serialize(metric)
    assert (record["module"], record["class_name"]) == ("keras.metrics", class_name)
    assert keras_core.metrics.deserialize(record).get_config() == config
    defaults = cls(0.5).get_config()
    assert defaults["num_thresholds"] == 200 and defaults["class_id"] is None
    first, second = cls(0.5), cls(0.5)
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", class_name).lower()
    assert re.fullmatch(rf"{snake}(_\d+)?", first.name)
    assert first.name != second.name


def test_stateless_path_matches_stateful():
    metric = metrics.PrecisionAtRecall(0.6, num_thresholds=30)
    reference = metrics.PrecisionAtRecall(0.6, num_thresholds=30)
    split_update(reference, LABELS, SCORES, WEIGHTS)
    state = [v.value for v in metric.variables]
    for rows in (slice(0, 30), slice(30, None)):
        state = metric.stateless_update_state(
            state, LABELS[rows], SCORES[rows], sample_weight=WEIGHTS[rows]
        )
    np.testing.assert_allclose(
        value_of(metric.stateless_result(state)),
        value_of(reference.result()),
        rtol=1e-6,
    )
    assert not value_of(metric.true_positives).any()


def test_compiled_update():
    backend = keras_core.config.backend()
    metric = metrics.SpecificityAtSensitivity(0.7, class_id=0)
    reference = metrics.SpecificityAtSensitivity(0.7, class_id=0)
    split_update(reference, LABELS, SCORES, WEIGHTS)
    if backend == "jax":
        import jax

        update = jax.jit(metric.stateless_update_state)
        state = [v.value for v in metric.variables]
        state = update(state, LABELS[:30], SCORES[:30], WEIGHTS[:30])
        state = update(state, LABELS[30:], SCORES[30:], WEIGHTS[30:])
        result = jax.jit(metric.stateless_result)(state)
    elif backend == "tensorflow":
        import tensorflow as tf

        spec = tf.TensorSpec((None, 3), "float32")
        update = tf.function(
            metric.update_state,
            input_signature=[spec, spec, tf.TensorSpec((None,), "float32")],
        )
        update(LABELS[:30], SCORES[:30], WEIGHTS[:30])
        update(LABELS[30:], SCORES[30:], WEIGHTS[30:])
        result = metric.result()
    else:
        pytest.skip(f"no compiled-function wrapper to test on {backend}")
    np.testing.assert_allclose(
        value_of(result), value_of(reference.result()), rtol=1e-6
    )


@pytest.mark.parametrize("class_name", sorted(CLASSES))
def test_invalid_arguments_raise(class_name):
    cls = getattr(metrics, class_name)
    argument = CLASSES[class_name][0]
    for value in (1.5, -0.1, "0.5"):
        message = rf"{class_name} expects `{argument}` in the range \[0, 1\]"
        with pytest.raises(ValueError, match=message):
            cls(value)
    for num_thresholds in (0, 2.5, True):
        message = rf"{class_name} expects `num_thresholds` to be an integer > 0"
        with pytest.raises(ValueError, match=message):
            cls(0.5, num_thresholds=num_thresholds)
    with pytest.raises(ValueError, match=rf"{class_name} expects `class_id`"):
        cls(0.5, class_id=-2)
    with pytest.raises(ValueError, match=rf"{class_name}: `class_id=3`"):
        cls(0.5, class_id=3).update_state(LABELS, SCORES)
