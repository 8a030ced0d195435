"""AUC against scikit-learn (`roc_auc_score`, `average_precision_score`) and
NumPy Riemann sums over brute-force confusion counts.

Scores quantized to 0.05, 0.15, ..., 0.95 fall between consecutive
thresholds 0.1, 0.2, ..., 0.9, so the thresholds see every distinct score:
the trapezoidal ROC area is then exactly scikit-learn's AUC (which also
counts tied scores as half a pair), and the comparisons can be tight.
"""

import math
import re

import numpy as np
import pytest
from sklearn.metrics import average_precision_score
from sklearn.metrics import roc_auc_score

import keras_core
import keras_core.metrics
from keras_core import metrics
from keras_core import ops

RNG = np.random.RandomState(5)
NUM_LABELS = 3
LABELS = (RNG.rand(90, NUM_LABELS) > [0.3, 0.5, 0.8]).astype("float32")
SCORES = (
    np.minimum(RNG.randint(0, 7, size=(90, NUM_LABELS)) + 3 * LABELS, 9) / 10 + 0.05
).astype("float32")
WEIGHTS = RNG.rand(90).astype("float32")
# Ten distinct scores need nine thresholds between them: evenly spaced
# (bucketed counting) or not (counted by comparison).
EVEN = {"num_thresholds": 11}
UNEVEN = {"thresholds": [0.1, 0.2, 0.31, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]}


def value_of(tensor):
    return np.asarray(ops.convert_to_numpy(tensor))


def split_update(metric, labels, scores, weights=None):
    for rows in (slice(0, 45), slice(45, None)):
        batch_weights = None if weights is None else weights[rows]
        metric.update_state(labels[rows], scores[rows], sample_weight=batch_weights)


def counts(labels, scores, weights, thresholds):
    """Weighted tp, fp, tn, fn at each threshold, by brute force."""
    labels = labels.astype(bool)
    rows = []
    for threshold in thresholds:
        predicted = scores > threshold
        rows.append(
            [
                weights[labels & predicted].sum(),
                weights[~labels & predicted].sum(),
                weights[~labels & ~predicted].sum(),
                weights[labels & ~predicted].sum(),
            ]
        )
    return np.asarray(rows, dtype="float64").T


def safe_ratio(numerator, denominator):
    return np.divide(
        numerator,
        denominator,
        out=np.zeros_like(numerator),
        where=denominator > 0,
    )


def riemann_area(x, y, method):
    """Area of the curve through points (x, y) listed with x decreasing."""
    heights = {
        "interpolation": (y[:-1] + y[1:]) / 2,
        "minoring": np.minimum(y[:-1], y[1:]),
        "majoring": np.maximum(y[:-1], y[1:]),
    }[method]
    return float(np.sum((x[:-1] - x[1:]) * heights))


def curve_points(curve, tp, fp, tn, fn):
    if curve == "ROC":
        return safe_ratio(fp, fp + tn), safe_ratio(tp, tp + fn)
    if curve == "PR":
        return safe_ratio(tp, tp + fn), safe_ratio(tp, tp + fp)
    # Precision-recall gain (Flach & Kull 2015): gain(v) = (v - pi) /
    # ((1 - pi) v) with pi the positive rate, recall gains clipped into
    # [0, 1]; with no true positive the precision gain is taken as 1 and
    # the recall gain as 0.
    pi = safe_ratio(tp + fn, tp + fn + fp + tn)
    precision = safe_ratio(tp, tp + fp)
    recall = safe_ratio(tp, tp + fn)
    with np.errstate(divide="ignore", invalid="ignore"):
        precision_gain = np.where(
            tp > 0, (precision - pi) / ((1 - pi) * precision), 1.0
        )
        recall_gain = np.where(tp > 0, (recall - pi) / ((1 - pi) * recall), 0.0)
    return np.clip(recall_gain, 0.0, 1.0), precision_gain


def numpy_auc(labels, scores, weights, thresholds, curve, method):
    tp, fp, tn, fn = counts(labels, scores, weights, thresholds)
    x, y = curve_points(curve, tp, fp, tn, fn)
    return riemann_area(x, y, method)


@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("spacing", [EVEN, UNEVEN], ids=["even", "uneven"])
def test_roc_matches_sklearn_exactly_on_separated_scores(spacing, weighted):
    weights = WEIGHTS if weighted else None
    metric = metrics.AUC(**spacing)
    split_update(metric, LABELS[:, 0], SCORES[:, 0], weights)
    expected = roc_auc_score(LABELS[:, 0], SCORES[:, 0], sample_weight=weights)
    result = value_of(metric.result())
    assert result.shape == () and result.dtype == np.float32
    np.testing.assert_allclose(result, expected, rtol=1e-5)


def test_roc_on_continuous_scores_approximates_sklearn():
    labels = (RNG.rand(400) > 0.6).astype("float32")
    scores = np.clip(RNG.rand(400) * 0.7 + labels * 0.3, 0, 1).astype("float32")
    metric = metrics.AUC(num_thresholds=1000)
    metric.update_state(labels, scores)
    # Only positive/negative pairs sharing one of the 999 buckets are
    # misjudged (as ties): about 1/1000 of the pairs.
    np.testing.assert_allclose(
        value_of(metric.result()), roc_auc_score(labels, scores), atol=2e-3
    )


def test_pr_interpolation_approximates_average_precision():
    labels = (RNG.rand(400) > 0.6).astype("float32")
    scores = np.clip(RNG.rand(400) * 0.7 + labels * 0.3, 0, 1).astype("float32")
    weights = RNG.rand(400).astype("float32")
    metric = metrics.AUC(num_thresholds=1000, curve="PR")
    metric.update_state(labels, scores, sample_weight=weights)
    expected = average_precision_score(labels, scores, sample_weight=weights)
    # Average precision is a step sum (precision at the lower end of each
    # recall step), the interpolation integrates precision across the
    # step: they differ by about dR * dP / 2 per step, O(1 / positives)
    # overall; with ~160 positives 5e-3 leaves margin (observed < 1e-3).
    np.testing.assert_allclose(value_of(metric.result()), expected, atol=5e-3)


def test_pr_interpolation_hand_computed():
    metric = metrics.AUC(curve="PR", thresholds=[0.5])
    metric.update_state([1, 0, 1], [0.9, 0.6, 0.3])
    # Predicted positives p go 0 -> 2 -> 3 as the threshold falls past
    # 0.5 and then -eps. From p=0 to 2 precision stays 1/2 while recall
    # reaches 1/2: area 1/4. From p=2 to 3, tp = p - 1 and recall =
    # (p - 1) / 2, so the area is the integral of (p - 1) / (2 p) dp
    # from 2 to 3: (1 - ln 1.5) / 2.
    expected = 0.25 + (1 - math.log(1.5)) / 2
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-6)


# PR with "interpolation" is not a Riemann sum: tested on its own above.
RIEMANN_CASES = [
    (curve, method)
    for curve in ("ROC", "PR", "PRGAIN")
    for method in ("interpolation", "minoring", "majoring")
    if (curve, method) != ("PR", "interpolation")
]


@pytest.mark.parametrize("curve, method", RIEMANN_CASES)
@pytest.mark.parametrize("spacing", [EVEN, UNEVEN], ids=["even", "uneven"])
def test_riemann_sums_match_numpy(spacing, curve, method):
    metric = metrics.AUC(curve=curve, summation_method=method, **spacing)
    split_update(metric, LABELS, SCORES, WEIGHTS)
    weights = np.broadcast_to(WEIGHTS[:, None], LABELS.shape)
    expected = numpy_auc(LABELS, SCORES, weights, metric.thresholds, curve, method)
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)


@pytest.mark.parametrize("method", ["interpolation", "majoring"])
def test_pr_gain_clips_recall_gains_below_zero(method):
    # Inverted scores put recall under the positive rate at high
    # thresholds: negative recall gains, clipped to 0.
    inverted = (1.0 - SCORES).astype("float32")
    metric = metrics.AUC(curve="PRGAIN", summation_method=method, **EVEN)
    metric.update_state(LABELS, inverted)
    weights = np.ones(LABELS.shape)
    tp, fp, tn, fn = counts(LABELS, inverted, weights, metric.thresholds)
    assert (curve_points("PR", tp, fp, tn, fn)[0] < (tp + fn) / LABELS.size).any()
    expected = numpy_auc(LABELS, inverted, weights, metric.thresholds, "PRGAIN", method)
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)


@pytest.mark.parametrize("label_weights", [None, [0.2, 1.0, 3.0]])
def test_multi_label_averages_per_label_sklearn_auc(label_weights):
    metric = metrics.AUC(multi_label=True, label_weights=label_weights, **EVEN)
    assert metric.variables == []
    split_update(metric, LABELS, SCORES, WEIGHTS)
    assert [v.shape for v in metric.variables] == [(11, NUM_LABELS)] * 4
    by_label = [
        roc_auc_score(LABELS[:, i], SCORES[:, i], sample_weight=WEIGHTS)
        for i in range(NUM_LABELS)
    ]
    expected = np.average(by_label, weights=label_weights)
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)


def test_multi_label_pr_averages_per_label_areas():
    metric = metrics.AUC(
        multi_label=True, num_labels=NUM_LABELS, curve="PR", summation_method="minoring"
    )
    split_update(metric, LABELS, SCORES)
    ones = np.ones(len(LABELS))
    expected = np.mean(
        [
            numpy_auc(
                LABELS[:, i], SCORES[:, i], ones, metric.thresholds, "PR", "minoring"
            )
            for i in range(NUM_LABELS)
        ]
    )
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)


def test_pooled_labels_use_label_weights_as_sample_weights():
    label_weights = np.array([0.5, 2.0, 1.0], "float32")
    metric = metrics.AUC(label_weights=label_weights, **EVEN)
    split_update(metric, LABELS, SCORES, WEIGHTS)
    weights = WEIGHTS[:, None] * label_weights
    expected = roc_auc_score(
        LABELS.ravel(), SCORES.ravel(), sample_weight=weights.ravel()
    )
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)
    assert metric.get_config()["label_weights"] == [0.5, 2.0, 1.0]


def test_from_logits_applies_sigmoid():
    logits = np.log(SCORES / (1 - SCORES))
    metric = metrics.AUC(from_logits=True, **EVEN)
    metric.update_state(LABELS, logits, sample_weight=WEIGHTS)
    expected = roc_auc_score(
        LABELS.ravel(), SCORES.ravel(), sample_weight=np.repeat(WEIGHTS, NUM_LABELS)
    )
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)


def test_thresholds_layout_and_out_of_range_scores():
    eps = keras_core.config.epsilon()
    metric = metrics.AUC(num_thresholds=5)
    np.testing.assert_allclose(metric.thresholds, [-eps, 0.25, 0.5, 0.75, 1 + eps])
    given = metrics.AUC(thresholds=[0.6, 0.3])
    np.testing.assert_allclose(given.thresholds, [-eps, 0.3, 0.6, 1 + eps])
    assert given.num_thresholds == 4
    # Evenly spaced thresholds clip scores into [0, 1] (so -0.5 is above
    # -eps and 1.5 is not above 1 + eps); other thresholds do not.
    labels, scores = [1, 1, 1, 1], [-0.5, 0.0, 1.0, 1.5]
    metric.update_state(labels, scores)
    np.testing.assert_array_equal(
        value_of(metric.true_positives), [4.0, 2.0, 2.0, 2.0, 0.0]
    )
    given.update_state(labels, scores)
    np.testing.assert_array_equal(value_of(given.true_positives), [3.0, 2.0, 2.0, 1.0])


def test_edge_results_are_zero_not_nan():
    for curve in ("ROC", "PR", "PRGAIN"):
        metric = metrics.AUC(curve=curve, **EVEN)
        assert float(value_of(metric.result())) == 0.0
        metric.update_state(np.zeros(90), SCORES[:, 0])
        assert not np.isnan(value_of(metric.result()))
    assert float(value_of(metrics.AUC(multi_label=True, **EVEN).result())) == 0.0


def test_reset_and_lazy_build_checks_labels():
    metric = metrics.AUC(multi_label=True, **EVEN)
    metric.reset_state()
    metric.update_state(LABELS, SCORES)
    first = value_of(metric.result())
    metric.reset_state()
    assert all(not value_of(v).any() for v in metric.variables)
    metric.update_state(LABELS, SCORES)
    np.testing.assert_allclose(value_of(metric.result()), first, rtol=1e-6)
    with pytest.raises(ValueError, match=r"AUC 'auc\w*' counts 3 labels .* 2 labels"):
        metric.update_state(LABELS[:, :2], SCORES[:, :2])
    # The trainer builds shape-dependent state before tracing a step.
    prebuilt = metrics.AUC(multi_label=True, **EVEN)
    assert not prebuilt.built
    prebuilt._build((None, 5), (None, 5))
    assert prebuilt.built
    assert [v.shape for v in prebuilt.variables] == [(11, 5)] * 4
    assert metrics.AUC().built


def test_config_round_trip_and_serialization():
    metric = metrics.AUC(
        num_thresholds=11,
        curve="pr",
        summation_method="Minoring",
        name="area",
        multi_label=True,
        num_labels=NUM_LABELS,
        label_weights=[1, 2, 3],
        from_logits=True,
    )
    config = metric.get_config()
    assert config == {
        "name": "area",
        "dtype": "float32",
        "num_thresholds": 11,
        "curve": "PR",
        "summation_method": "minoring",
        "multi_label": True,
        "num_labels": NUM_LABELS,
        "label_weights": [1.0, 2.0, 3.0],
        "from_logits": True,
    }
    clone = metrics.AUC.from_config(config)
    assert clone.get_config() == config
    split_update(metric, LABELS, SCORES, WEIGHTS)
    split_update(clone, LABELS, SCORES, WEIGHTS)
    np.testing.assert_array_equal(value_of(clone.result()), value_of(metric.result()))
    with_thresholds = metrics.AUC(thresholds=[0.7, 0.2]).get_config()
    assert with_thresholds["thresholds"] == [0.2, 0.7]
    assert with_thresholds["num_thresholds"] == 4
    restored = metrics.AUC.from_config(with_thresholds)
    assert restored.get_config()["thresholds"] == [0.2, 0.7]
    record = keras_core.metrics.serialize(metric)
    assert (record["module"], record["class_name"]) == ("keras.metrics", "AUC")
    assert keras_core.metrics.deserialize(record).get_config() == config


def test_defaults_names_variables_and_direction():
    metric = metrics.AUC()
    config = metric.get_config()
    assert config["num_thresholds"] == 200 and "thresholds" not in config
    assert (config["curve"], config["summation_method"]) == ("ROC", "interpolation")
    assert config["label_weights"] is None and config["num_labels"] is None
    assert re.fullmatch(r"auc(_\d+)?", metric.name)
    assert metrics.AUC().name != metric.name
    assert metrics.AUC(name="auc").name == "auc"
    assert metric._direction == "up"
    assert [v.path.split("/")[1] for v in metric.variables] == [
        "true_positives",
        "false_positives",
        "true_negatives",
        "false_negatives",
    ]
    assert all(v.shape == (200,) for v in metric.variables)


def test_stateless_path_matches_stateful():
    metric = metrics.AUC(curve="PR", multi_label=True, num_labels=NUM_LABELS, **EVEN)
    reference = metrics.AUC(curve="PR", multi_label=True, num_labels=NUM_LABELS, **EVEN)
    split_update(reference, LABELS, SCORES, WEIGHTS)
    state = [v.value for v in metric.variables]
    for rows in (slice(0, 45), slice(45, None)):
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
    metric = metrics.AUC(multi_label=True, num_labels=NUM_LABELS, **EVEN)
    if backend == "jax":
        import jax

        update = jax.jit(metric.stateless_update_state)
        state = [v.value for v in metric.variables]
        state = update(state, LABELS[:45], SCORES[:45], WEIGHTS[:45])
        state = update(state, LABELS[45:], SCORES[45:], WEIGHTS[45:])
        result = jax.jit(metric.stateless_result)(state)
    elif backend == "tensorflow":
        import tensorflow as tf

        spec = tf.TensorSpec((None, NUM_LABELS), "float32")
        update = tf.function(
            metric.update_state,
            input_signature=[spec, spec, tf.TensorSpec((None,), "float32")],
        )
        update(LABELS[:45], SCORES[:45], WEIGHTS[:45])
        update(LABELS[45:], SCORES[45:], WEIGHTS[45:])
        result = metric.result()
    else:
        pytest.skip(f"no compiled-function wrapper to test on {backend}")
    expected = np.mean(
        [
            roc_auc_score(LABELS[:, i], SCORES[:, i], sample_weight=WEIGHTS)
            for i in range(NUM_LABELS)
        ]
    )
    np.testing.assert_allclose(value_of(result), expected, rtol=1e-5)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"num_thresholds": 1}, r"AUC expects `num_thresholds` to be an integer > 1"),
        ({"num_thresholds": 2.5}, r"integer > 1\. Received: num_thresholds=2\.5"),
        ({"curve": "foo"}, r"AUC got an invalid `curve`: 'foo'"),
        ({"summation_method": "x"}, r"invalid `summation_method`: 'x'"),
        ({"thresholds": [0.5, 1.2]}, r"AUC: threshold values must be in \[0, 1\]"),
        ({"num_labels": 3}, r"`num_labels` is needed only when `multi_label`"),
    ],
)
def test_invalid_arguments_raise(kwargs, message):
    with pytest.raises(ValueError, match=message):
        metrics.AUC(**kwargs)
