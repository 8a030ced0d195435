"""IoU metrics against scikit-learn's confusion_matrix and jaccard_score."""

import numpy as np
import pytest
from sklearn.metrics import confusion_matrix
from sklearn.metrics import jaccard_score

import keras_core
import keras_core.metrics
from keras_core import metrics
from keras_core import ops

RNG = np.random.RandomState(7)
NUM_CLASSES = 4
TRUE_IDS = RNG.randint(0, NUM_CLASSES, size=(24,))
PRED_IDS = RNG.randint(0, NUM_CLASSES, size=(24,))
WEIGHTS = RNG.rand(24).astype("float32")


def value_of(tensor):
    return np.asarray(ops.convert_to_numpy(tensor))


def iou_reference(y_true, y_pred, num_classes, class_ids=None, sample_weight=None):
    """Mean IoU over `class_ids` present in the sklearn confusion matrix."""
    matrix = confusion_matrix(
        y_true, y_pred, labels=range(num_classes), sample_weight=sample_weight
    )
    true_positives = np.diag(matrix)
    union = matrix.sum(axis=0) + matrix.sum(axis=1) - true_positives
    class_ids = list(range(num_classes)) if class_ids is None else class_ids
    present = [c for c in class_ids if union[c] > 0]
    if not present:
        return 0.0
    return float(np.mean([true_positives[c] / union[c] for c in present]))


def test_mean_iou_matches_sklearn_jaccard_over_batches():
    metric = metrics.MeanIoU(num_classes=NUM_CLASSES)
    metric.update_state(TRUE_IDS[:10], PRED_IDS[:10])
    metric.update_state(TRUE_IDS[10:], PRED_IDS[10:])
    expected = jaccard_score(TRUE_IDS, PRED_IDS, average="macro")
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-6)
    np.testing.assert_array_equal(
        value_of(metric.variables[0]),
        confusion_matrix(TRUE_IDS, PRED_IDS, labels=range(NUM_CLASSES)),
    )
    result = value_of(metric.result())
    assert result.dtype == np.float32 and result.shape == ()
    metric.reset_state()
    assert not value_of(metric.variables[0]).any()
    assert float(value_of(metric.result())) == 0.0


def test_iou_of_target_classes_matches_sklearn():
    metric = metrics.IoU(num_classes=NUM_CLASSES, target_class_ids=[1, 3])
    metric.update_state(TRUE_IDS, PRED_IDS)
    per_class = jaccard_score(TRUE_IDS, PRED_IDS, average=None)
    np.testing.assert_allclose(
        value_of(metric.result()), per_class[[1, 3]].mean(), rtol=1e-6
    )
    single = metrics.IoU(num_classes=NUM_CLASSES, target_class_ids=2)
    single.update_state(TRUE_IDS, PRED_IDS)
    np.testing.assert_allclose(value_of(single.result()), per_class[2], rtol=1e-6)


def test_float_weights_with_a_float_state():
    metric = metrics.MeanIoU(num_classes=NUM_CLASSES, dtype="float32")
    metric.update_state(TRUE_IDS[:12], PRED_IDS[:12], sample_weight=WEIGHTS[:12])
    metric.update_state(TRUE_IDS[12:], PRED_IDS[12:], sample_weight=WEIGHTS[12:])
    expected = iou_reference(TRUE_IDS, PRED_IDS, NUM_CLASSES, sample_weight=WEIGHTS)
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)
    np.testing.assert_allclose(
        value_of(metric.variables[0]),
        confusion_matrix(
            TRUE_IDS, PRED_IDS, labels=range(NUM_CLASSES), sample_weight=WEIGHTS
        ),
        rtol=1e-5,
    )


def test_default_int_state_truncates_each_weight():
    metric = metrics.MeanIoU(num_classes=3)
    assert metric.dtype == "int32"
    metric.update_state([0, 0, 1, 2], [0, 0, 1, 1], sample_weight=[0.5, 0.6, 2.7, 1.0])
    # 0.5 and 0.6 truncate to 0 one by one (not summed to 1.1 first).
    np.testing.assert_array_equal(
        value_of(metric.variables[0]), [[0, 0, 0], [0, 2, 0], [0, 1, 0]]
    )
    np.testing.assert_allclose(value_of(metric.result()), 2.0 / 3 / 2, rtol=1e-6)


def test_absent_classes_are_left_out_of_the_mean():
    metric = metrics.MeanIoU(num_classes=4)
    metric.update_state([0, 1, 2, 1], [0, 2, 2, 1])
    # Class 3 appears nowhere: mean of 1, 1/2 and 1/2 over three classes.
    np.testing.assert_allclose(value_of(metric.result()), 2.0 / 3, rtol=1e-6)
    absent = metrics.IoU(num_classes=3, target_class_ids=[0])
    absent.update_state([1, 1], [1, 2])
    assert float(value_of(absent.result())) == 0.0


@pytest.mark.parametrize("ignore_class", [1, -1, 255])
def test_ignore_class_drops_those_targets(ignore_class):
    y_true = TRUE_IDS.copy()
    y_true[::3] = ignore_class
    metric = metrics.MeanIoU(num_classes=NUM_CLASSES, ignore_class=ignore_class)
    metric.update_state(y_true, PRED_IDS)
    kept = y_true != ignore_class
    expected = iou_reference(y_true[kept], PRED_IDS[kept], NUM_CLASSES)
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-6)


def test_out_of_range_labels_are_not_counted():
    metric = metrics.MeanIoU(num_classes=3)
    metric.update_state([0, 5, 1, -2, 2], [0, 0, 1, 1, 7])
    np.testing.assert_array_equal(
        value_of(metric.variables[0]), [[1, 0, 0], [0, 1, 0], [0, 0, 0]]
    )


def test_float_labels_are_truncated():
    metric = metrics.MeanIoU(num_classes=3)
    metric.update_state([0.2, 1.7, 2.2], [0.0, 1.9, 2.0])
    np.testing.assert_array_equal(value_of(metric.variables[0]), np.eye(3))


def test_segmentation_maps_with_per_sample_weights():
    y_true = RNG.randint(0, 3, size=(3, 4, 5))
    y_pred = RNG.randint(0, 3, size=(3, 4, 5))
    weights = np.array([1.0, 0.0, 2.5], "float32")
    metric = metrics.MeanIoU(num_classes=3, dtype="float32")
    metric.update_state(y_true, y_pred, sample_weight=weights)
    per_pixel = np.broadcast_to(weights[:, None, None], y_true.shape).ravel()
    expected = iou_reference(y_true.ravel(), y_pred.ravel(), 3, sample_weight=per_pixel)
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)


def test_scores_are_reduced_with_argmax_along_axis():
    scores = RNG.rand(24, NUM_CLASSES).astype("float32")
    one_hot = np.eye(NUM_CLASSES, dtype="float32")[TRUE_IDS]
    expected = iou_reference(TRUE_IDS, scores.argmax(-1), NUM_CLASSES)
    dense = metrics.MeanIoU(num_classes=NUM_CLASSES, sparse_y_pred=False)
    dense.update_state(TRUE_IDS, scores)
    one_hot_mean = metrics.OneHotMeanIoU(num_classes=NUM_CLASSES)
    one_hot_mean.update_state(one_hot, scores)
    transposed = metrics.MeanIoU(
        num_classes=NUM_CLASSES, sparse_y_true=False, sparse_y_pred=False, axis=0
    )
    transposed.update_state(one_hot.T, scores.T)
    for metric in (dense, one_hot_mean, transposed):
        np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-6)
    sparse_pred = metrics.OneHotIoU(
        num_classes=NUM_CLASSES, target_class_ids=[0, 2], sparse_y_pred=True
    )
    sparse_pred.update_state(one_hot, PRED_IDS)
    np.testing.assert_allclose(
        value_of(sparse_pred.result()),
        iou_reference(TRUE_IDS, PRED_IDS, NUM_CLASSES, class_ids=[0, 2]),
        rtol=1e-6,
    )


def test_one_hot_iou_with_ignore_class():
    one_hot = np.eye(3, dtype="float32")[[0, 1, 2, 1]]
    scores = np.array(
        [[0.8, 0.1, 0.1], [0.1, 0.1, 0.8], [0.2, 0.1, 0.7], [0.3, 0.6, 0.1]]
    )
    metric = metrics.OneHotIoU(num_classes=3, target_class_ids=[1, 2], ignore_class=0)
    metric.update_state(one_hot, scores)
    # Without the class-0 row: class 1 IoU 1/2, class 2 IoU 1/2.
    np.testing.assert_allclose(value_of(metric.result()), 0.5, rtol=1e-6)


@pytest.mark.parametrize("threshold", [0.5, 0.3, 0.7])
def test_binary_iou_matches_sklearn(threshold):
    y_true = RNG.randint(0, 2, size=(30,))
    scores = RNG.rand(30).astype("float32")
    scores[:3] = threshold  # a score equal to the threshold is class 1
    predicted = (scores >= threshold).astype(int)
    both = metrics.BinaryIoU(threshold=threshold)
    both.update_state(y_true[:15], scores[:15])
    both.update_state(y_true[15:], scores[15:])
    per_class = jaccard_score(y_true, predicted, average=None, labels=[0, 1])
    np.testing.assert_allclose(value_of(both.result()), per_class.mean(), rtol=1e-6)
    positive = metrics.BinaryIoU(target_class_ids=[1], threshold=threshold)
    positive.update_state(y_true, scores)
    np.testing.assert_allclose(value_of(positive.result()), per_class[1], rtol=1e-6)


def test_binary_iou_weights_and_column_inputs():
    y_true = np.array([[0], [1], [0], [1]])
    scores = np.array([[0.1], [0.6], [0.7], [0.4]], "float32")
    weights = np.array([0.2, 0.3, 0.4, 0.1], "float32")
    metric = metrics.BinaryIoU(target_class_ids=[0, 1], dtype="float32")
    metric.update_state(y_true, scores, sample_weight=weights)
    expected = iou_reference(
        y_true.ravel(), (scores.ravel() >= 0.5).astype(int), 2, sample_weight=weights
    )
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-6)


def test_stateless_path_matches_stateful():
    metric = metrics.MeanIoU(num_classes=NUM_CLASSES, dtype="float32")
    state = [v.value for v in metric.variables]
    state = metric.stateless_update_state(state, TRUE_IDS[:12], PRED_IDS[:12])
    state = metric.stateless_update_state(
        state, TRUE_IDS[12:], PRED_IDS[12:], sample_weight=WEIGHTS[12:]
    )
    assert not value_of(metric.variables[0]).any()
    weights = np.concatenate([np.ones(12, "float32"), WEIGHTS[12:]])
    expected = iou_reference(TRUE_IDS, PRED_IDS, NUM_CLASSES, sample_weight=weights)
    np.testing.assert_allclose(
        value_of(metric.stateless_result(state)), expected, rtol=1e-5
    )
    reset = metric.stateless_reset_state()
    assert not value_of(reset[0]).any()


def test_in_compiled_functions():
    backend = keras_core.config.backend()
    metric = metrics.MeanIoU(num_classes=NUM_CLASSES)
    expected = iou_reference(TRUE_IDS, PRED_IDS, NUM_CLASSES)
    if backend == "jax":
        import jax

        update = jax.jit(metric.stateless_update_state)
        state = [v.value for v in metric.variables]
        state = update(state, TRUE_IDS[:12], PRED_IDS[:12])
        state = update(state, TRUE_IDS[12:], PRED_IDS[12:])
        result = jax.jit(metric.stateless_result)(state)
    elif backend == "tensorflow":
        import tensorflow as tf

        update = tf.function(metric.update_state)
        update(TRUE_IDS[:12], PRED_IDS[:12])
        update(TRUE_IDS[12:], PRED_IDS[12:])
        result = metric.result()
    else:
        pytest.skip(f"no compiled-function wrapper to test on {backend}")
    np.testing.assert_allclose(value_of(result), expected, rtol=1e-6)


def test_default_names_configs_and_direction():
    expected = {
        metrics.IoU(3, [0, 1]): {
            "name": "io_u",
            "dtype": "int32",
            "num_classes": 3,
            "target_class_ids": [0, 1],
            "ignore_class": None,
            "sparse_y_true": True,
            "sparse_y_pred": True,
            "axis": -1,
        },
        metrics.BinaryIoU(): {
            "target_class_ids": [0, 1],
            "threshold": 0.5,
            "name": "binary_io_u",
            "dtype": "int32",
        },
        metrics.MeanIoU(3): {
            "num_classes": 3,
            "name": "mean_io_u",
            "dtype": "int32",
            "ignore_class": None,
            "sparse_y_true": True,
            "sparse_y_pred": True,
            "axis": -1,
        },
        metrics.OneHotIoU(3, [1]): {
            "num_classes": 3,
            "target_class_ids": [1],
            "name": "one_hot_io_u",
            "dtype": "int32",
            "ignore_class": None,
            "sparse_y_pred": False,
            "axis": -1,
        },
        metrics.OneHotMeanIoU(3): {
            "num_classes": 3,
            "name": "one_hot_mean_io_u",
            "dtype": "int32",
            "ignore_class": None,
            "sparse_y_pred": False,
            "axis": -1,
        },
    }
    for metric, config in expected.items():
        assert metric.get_config() == config
        assert metric._direction == "up"
        (variable,) = metric.variables
        assert variable.path == f"{metric.name}/total_confusion_matrix"
        assert tuple(variable.shape) == (metric.num_classes,) * 2


@pytest.mark.parametrize(
    "metric",
    [
        metrics.IoU(5, (1, 4), name="x", dtype="float32", ignore_class=0, axis=1),
        metrics.BinaryIoU(target_class_ids=[1], threshold=0.3),
        metrics.MeanIoU(4, ignore_class=-1, sparse_y_true=False),
        metrics.OneHotIoU(3, [2], sparse_y_pred=True),
        metrics.OneHotMeanIoU(6, axis=1, dtype="float16"),
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
    with pytest.raises(ValueError, match=r"IoU.*num_classes=0"):
        metrics.IoU(0, [0])
    with pytest.raises(ValueError, match=r"MeanIoU.*num_classes='3'"):
        metrics.MeanIoU("3")
    with pytest.raises(ValueError, match=r"IoU: target class id 5.*\[0, 3\)"):
        metrics.IoU(3, [0, 5])
    with pytest.raises(ValueError, match=r"BinaryIoU: target class id 2"):
        metrics.BinaryIoU(target_class_ids=[2])
    with pytest.raises(ValueError, match=r"IoU needs at least one class id"):
        metrics.IoU(3, [])
    metric = metrics.MeanIoU(3)
    with pytest.raises(ValueError, match=r"MeanIoU.*3 true labels and 2 predicted"):
        metric.update_state([0, 1, 2], [0, 1])
