"""TruePositives ... FalseNegatives, Precision and Recall.

References: scikit-learn's `confusion_matrix`, `precision_score` and
`recall_score` on the thresholded predictions, and hand-computed counts for
top_k and the out-of-range rules.
"""

import re

import numpy as np
import pytest
from sklearn.metrics import confusion_matrix
from sklearn.metrics import precision_score
from sklearn.metrics import recall_score

import keras_core
import keras_core.metrics
from keras_core import metrics
from keras_core import ops

RNG = np.random.RandomState(7)
LABELS = RNG.randint(0, 2, size=(40,)).astype("float32")
SCORES = RNG.rand(40).astype("float32")
WEIGHTS = RNG.rand(40).astype("float32")
MULTI_LABELS = RNG.randint(0, 2, size=(30, 4)).astype("float32")
MULTI_SCORES = RNG.rand(30, 4).astype("float32")
MULTI_WEIGHTS = RNG.rand(30).astype("float32")

COUNT_CLASSES = {
    "TruePositives": (1, 1),
    "FalsePositives": (0, 1),
    "TrueNegatives": (0, 0),
    "FalseNegatives": (1, 0),
}


def value_of(tensor):
    return np.asarray(ops.convert_to_numpy(tensor))


def sklearn_counts(labels, scores, threshold, sample_weight=None):
    """`{(true, predicted): weighted count}` from sklearn's confusion matrix."""
    matrix = confusion_matrix(
        labels.ravel(),
        (scores > threshold).ravel(),
        labels=[0, 1],
        sample_weight=None if sample_weight is None else sample_weight.ravel(),
    )
    return {(t, p): matrix[t, p] for t in (0, 1) for p in (0, 1)}


def update_in_two_batches(metric, labels, scores, weights=None):
    split = len(labels) // 2
    first = None if weights is None else weights[:split]
    second = None if weights is None else weights[split:]
    metric.update_state(labels[:split], scores[:split], sample_weight=first)
    metric.update_state(labels[split:], scores[split:], sample_weight=second)


@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("class_name", sorted(COUNT_CLASSES))
def test_counts_match_sklearn_confusion_matrix(class_name, weighted):
    thresholds = [0.0, 0.15, 0.5, 0.8, 1.0]
    weights = WEIGHTS if weighted else None
    metric = getattr(metrics, class_name)(thresholds=thresholds)
    update_in_two_batches(metric, LABELS, SCORES, weights)
    cell = COUNT_CLASSES[class_name]
    expected = [sklearn_counts(LABELS, SCORES, t, weights)[cell] for t in thresholds]
    result = value_of(metric.result())
    np.testing.assert_allclose(result, expected, rtol=1e-5)
    assert result.shape == (5,)
    assert result.dtype == np.float32


@pytest.mark.parametrize("class_name", sorted(COUNT_CLASSES))
def test_count_default_threshold_is_scalar_and_resets(class_name):
    metric = getattr(metrics, class_name)()
    metric.update_state(MULTI_LABELS, MULTI_SCORES, sample_weight=MULTI_WEIGHTS)
    weights = np.broadcast_to(MULTI_WEIGHTS[:, None], MULTI_LABELS.shape)
    expected = sklearn_counts(MULTI_LABELS, MULTI_SCORES, 0.5, weights)
    result = value_of(metric.result())
    assert result.shape == ()
    np.testing.assert_allclose(result, expected[COUNT_CLASSES[class_name]], rtol=1e-5)
    metric.reset_state()
    assert float(value_of(metric.result())) == 0.0
    one = getattr(metrics, class_name)(thresholds=[0.5])
    assert value_of(one.result()).shape == ()


def test_counts_with_per_entry_weights():
    weights = RNG.rand(30, 4).astype("float32")
    metric = metrics.TruePositives(thresholds=0.4)
    metric.update_state(MULTI_LABELS, MULTI_SCORES, sample_weight=weights)
    expected = sklearn_counts(MULTI_LABELS, MULTI_SCORES, 0.4, weights)[(1, 1)]
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)


def test_nonzero_labels_are_positive_and_ranks_are_matched():
    metric = metrics.TruePositives()
    metric.update_state([[0.3], [2.0], [-1.0], [0.0]], [0.7, 0.9, 0.8, 0.9])
    assert float(value_of(metric.result())) == 3.0
    metric = metrics.FalsePositives()
    metric.update_state([0, 1, 0], [[0.7], [0.9], [0.2]])
    assert float(value_of(metric.result())) == 1.0


def test_predictions_out_of_range():
    # A prediction is positive when strictly above the threshold; only
    # evenly spaced thresholds (0, 0.5, 1) clip predictions into [0, 1].
    labels, scores = [1, 1, 1, 1], [-0.5, 0.0, 1.0, 1.5]
    uneven = metrics.TruePositives(thresholds=[0.0, 1.0])
    uneven.update_state(labels, scores)
    np.testing.assert_array_equal(value_of(uneven.result()), [2.0, 1.0])
    even = metrics.TruePositives(thresholds=[0.0, 0.5, 1.0])
    even.update_state(labels, scores)
    np.testing.assert_array_equal(value_of(even.result()), [2.0, 2.0, 0.0])


@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("thresholds", [None, 0.3, [0.2, 0.5, 0.9]])
def test_precision_and_recall_match_sklearn(thresholds, weighted):
    weights = WEIGHTS if weighted else None
    precision = metrics.Precision(thresholds=thresholds)
    recall = metrics.Recall(thresholds=thresholds)
    update_in_two_batches(precision, LABELS, SCORES, weights)
    update_in_two_batches(recall, LABELS, SCORES, weights)
    values = [0.5] if thresholds is None else np.atleast_1d(thresholds)
    expected_precision = [
        precision_score(
            LABELS, np.greater(SCORES, t), sample_weight=weights, zero_division=0
        )
        for t in values
    ]
    expected_recall = [
        recall_score(
            LABELS, np.greater(SCORES, t), sample_weight=weights, zero_division=0
        )
        for t in values
    ]
    shape = (3,) if isinstance(thresholds, list) else ()
    assert value_of(precision.result()).shape == shape
    np.testing.assert_allclose(
        np.atleast_1d(value_of(precision.result())), expected_precision, rtol=1e-5
    )
    np.testing.assert_allclose(
        np.atleast_1d(value_of(recall.result())), expected_recall, rtol=1e-5
    )


@pytest.mark.parametrize("class_name", ["Precision", "Recall"])
def test_no_positives_gives_zero(class_name):
    metric = getattr(metrics, class_name)(thresholds=[0.5, 0.99])
    np.testing.assert_array_equal(value_of(metric.result()), [0.0, 0.0])
    metric.update_state([0, 0], [0.9, 0.1])
    result = value_of(metric.result())
    assert not np.isnan(result).any()
    np.testing.assert_array_equal(result, [0.0, 0.0])


def top_k_mask(scores, k):
    order = np.argsort(-scores, axis=-1, kind="stable")[..., :k]
    mask = np.zeros(scores.shape, bool)
    np.put_along_axis(mask, order, True, axis=-1)
    return mask


@pytest.mark.parametrize("class_id", [None, 2])
@pytest.mark.parametrize("threshold", [None, 0.35])
@pytest.mark.parametrize("top_k", [1, 3])
def test_top_k_and_class_id(top_k, threshold, class_id):
    predicted = top_k_mask(MULTI_SCORES, top_k)
    if threshold is not None:
        predicted &= np.greater(MULTI_SCORES, threshold)
    labels = MULTI_LABELS.astype(bool)
    weights = np.broadcast_to(MULTI_WEIGHTS[:, None], labels.shape)
    if class_id is not None:
        labels, predicted = labels[:, class_id], predicted[:, class_id]
        weights = weights[:, class_id]
    expected_precision = precision_score(
        labels.ravel(), predicted.ravel(), sample_weight=weights.ravel()
    )
    expected_recall = recall_score(
        labels.ravel(), predicted.ravel(), sample_weight=weights.ravel()
    )
    kwargs = {"top_k": top_k, "thresholds": threshold, "class_id": class_id}
    precision = metrics.Precision(**kwargs)
    recall = metrics.Recall(**kwargs)
    update_in_two_batches(precision, MULTI_LABELS, MULTI_SCORES, MULTI_WEIGHTS)
    update_in_two_batches(recall, MULTI_LABELS, MULTI_SCORES, MULTI_WEIGHTS)
    np.testing.assert_allclose(
        value_of(precision.result()), expected_precision, rtol=1e-5
    )
    np.testing.assert_allclose(value_of(recall.result()), expected_recall, rtol=1e-5)


def test_top_k_hand_computed():
    labels = [[0, 1, 1, 0], [1, 0, 0, 1]]
    scores = [[0.1, 0.9, 0.4, 0.35], [0.2, 0.3, 0.5, 0.8]]
    # Top 2: row 0 keeps classes 1, 2 (both positive); row 1 keeps 3, 2.
    precision = metrics.Precision(top_k=2)
    precision.update_state(labels, scores)
    assert float(value_of(precision.result())) == 0.75
    assert precision.thresholds == [-1e10]
    recall = metrics.Recall(top_k=2, class_id=2)
    recall.update_state(labels, scores)
    assert float(value_of(recall.result())) == 1.0


def test_class_id_alone():
    metric = metrics.Recall(class_id=1)
    update_in_two_batches(metric, MULTI_LABELS, MULTI_SCORES, MULTI_WEIGHTS)
    expected = recall_score(
        MULTI_LABELS[:, 1], MULTI_SCORES[:, 1] > 0.5, sample_weight=MULTI_WEIGHTS
    )
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)


@pytest.mark.parametrize(
    "class_name", ["TruePositives", "FalseNegatives", "Precision", "Recall"]
)
def test_config_round_trip_and_serialization(class_name):
    cls = getattr(metrics, class_name)
    metric = cls(thresholds=[0.25, 0.75], name="counted", dtype="float32")
    config = metric.get_config()
    expected = {"name": "counted", "dtype": "float32", "thresholds": [0.25, 0.75]}
    if class_name in ("Precision", "Recall"):
        expected.update(top_k=None, class_id=None)
    assert config == expected
    clone = cls.from_config(config)
    assert clone.get_config() == config
    for model in (metric, clone):
        update_in_two_batches(model, LABELS, SCORES, WEIGHTS)
    np.testing.assert_array_equal(value_of(clone.result()), value_of(metric.result()))
    record = keras_core.metrics.serialize(metric)
    assert record["module"] == "keras.metrics"
    assert record["class_name"] == class_name
    restored = keras_core.metrics.deserialize(record)
    assert type(restored) is cls and restored.get_config() == config


def test_config_keeps_thresholds_as_given():
    assert metrics.TruePositives(thresholds=0.3).get_config()["thresholds"] == 0.3
    assert metrics.TruePositives(thresholds=[0.3]).get_config()["thresholds"] == [0.3]
    assert metrics.TruePositives().get_config()["thresholds"] is None
    assert metrics.TruePositives(thresholds=(0.1, 0.2)).thresholds == [0.1, 0.2]
    config = metrics.Precision(top_k=2, class_id=1).get_config()
    assert config["thresholds"] is None
    assert (config["top_k"], config["class_id"]) == (2, 1)


@pytest.mark.parametrize(
    "class_name, default",
    [
        ("TruePositives", "true_positives"),
        ("FalsePositives", "false_positives"),
        ("TrueNegatives", "true_negatives"),
        ("FalseNegatives", "false_negatives"),
        ("Precision", "precision"),
        ("Recall", "recall"),
    ],
)
def test_names_variables_and_direction(class_name, default):
    cls = getattr(metrics, class_name)
    first, second = cls(), cls()
    pattern = re.compile(rf"{default}(_\d+)?")
    assert pattern.fullmatch(first.name) and pattern.fullmatch(second.name)
    assert first.name != second.name
    assert cls(name="mine").name == cls(name="mine").name == "mine"
    metric = cls(name="mine", thresholds=[0.1, 0.2, 0.3])
    if class_name in ("Precision", "Recall"):
        other = "false_positives" if class_name == "Precision" else "false_negatives"
        assert [v.path for v in metric.variables] == [
            "mine/true_positives",
            f"mine/{other}",
        ]
        assert metric._direction == "up"
    else:
        assert [v.path for v in metric.variables] == ["mine/accumulator"]
        assert getattr(metric, "_direction", None) is None
    assert all(v.shape == (3,) for v in metric.variables)


@pytest.mark.parametrize("class_name", ["FalsePositives", "Precision", "Recall"])
def test_stateless_path_matches_stateful(class_name):
    cls = getattr(metrics, class_name)
    metric = cls(thresholds=[0.3, 0.6])
    reference = cls(thresholds=[0.3, 0.6])
    update_in_two_batches(reference, LABELS, SCORES, WEIGHTS)
    state = [v.value for v in metric.variables]
    state = metric.stateless_update_state(
        state, LABELS[:20], SCORES[:20], sample_weight=WEIGHTS[:20]
    )
    state = metric.stateless_update_state(
        state, LABELS[20:], SCORES[20:], sample_weight=WEIGHTS[20:]
    )
    np.testing.assert_allclose(
        value_of(metric.stateless_result(state)),
        value_of(reference.result()),
        rtol=1e-6,
    )
    assert float(value_of(metric.result())[0]) == 0.0


def test_compiled_update():
    backend = keras_core.config.backend()
    metric = metrics.Precision(top_k=2, thresholds=0.3)
    reference = metrics.Precision(top_k=2, thresholds=0.3)
    update_in_two_batches(reference, MULTI_LABELS, MULTI_SCORES, MULTI_WEIGHTS)
    if backend == "jax":
        import jax

        update = jax.jit(metric.stateless_update_state)
        state = [v.value for v in metric.variables]
        state = update(state, MULTI_LABELS[:15], MULTI_SCORES[:15], MULTI_WEIGHTS[:15])
        state = update(state, MULTI_LABELS[15:], MULTI_SCORES[15:], MULTI_WEIGHTS[15:])
        result = jax.jit(metric.stateless_result)(state)
    elif backend == "tensorflow":
        import tensorflow as tf

        spec = tf.TensorSpec((None, 4), "float32")
        update = tf.function(
            metric.update_state,
            input_signature=[spec, spec, tf.TensorSpec((None,), "float32")],
        )
        update(MULTI_LABELS[:15], MULTI_SCORES[:15], MULTI_WEIGHTS[:15])
        update(MULTI_LABELS[15:], MULTI_SCORES[15:], MULTI_WEIGHTS[15:])
        result = metric.result()
    else:
        pytest.skip(f"no compiled-function wrapper to test on {backend}")
    np.testing.assert_allclose(
        value_of(result), value_of(reference.result()), rtol=1e-6
    )


@pytest.mark.parametrize("thresholds", [1.5, -0.1, [0.5, 2.0]])
@pytest.mark.parametrize("class_name", ["TruePositives", "Precision"])
def test_thresholds_out_of_range_raise(class_name, thresholds):
    message = rf"{class_name}: threshold values must be in \[0, 1\]"
    with pytest.raises(ValueError, match=message):
        getattr(metrics, class_name)(thresholds=thresholds)


@pytest.mark.parametrize("thresholds", ["0.5", [], True, ["a"]])
def test_thresholds_of_wrong_type_raise(thresholds):
    with pytest.raises(ValueError, match="Recall expects `thresholds`"):
        metrics.Recall(thresholds=thresholds)


def test_bad_top_k_class_id_and_shapes_raise():
    with pytest.raises(ValueError, match=r"Precision expects `top_k`.*top_k=0"):
        metrics.Precision(top_k=0)
    with pytest.raises(ValueError, match=r"Recall expects `class_id`.*class_id=-1"):
        metrics.Recall(class_id=-1)
    with pytest.raises(ValueError, match=r"Recall: `class_id=5`.*\(30, 4\)"):
        metrics.Recall(class_id=5).update_state(MULTI_LABELS, MULTI_SCORES)
    with pytest.raises(ValueError, match=r"Precision: `top_k` \(5\) is larger"):
        metrics.Precision(top_k=5).update_state(MULTI_LABELS, MULTI_SCORES)
    with pytest.raises(ValueError, match=r"TruePositives expects `y_true` and"):
        metrics.TruePositives().update_state([[1, 0]], [0.5, 0.2, 0.1])
