"""Accuracy metrics: functions and classes against NumPy and scikit-learn."""

import numpy as np
import pytest
from sklearn.metrics import accuracy_score
from sklearn.metrics import top_k_accuracy_score

import keras_core
import keras_core.metrics
from keras_core import metrics
from keras_core import ops
from keras_core._src.layers import call_context

RNG = np.random.RandomState(42)
SCORES = RNG.rand(12, 5).astype("float32")
IDS = RNG.randint(0, 5, size=(12,))
ONE_HOT = np.eye(5, dtype="float32")[IDS]
WEIGHTS = RNG.rand(12).astype("float32")


def value_of(tensor):
    return np.asarray(ops.convert_to_numpy(tensor))


def in_top_k_reference(ids, scores, k):
    target = np.take_along_axis(scores, ids[..., None], axis=-1)
    return ((scores > target).sum(axis=-1) < k).astype("float32")


# Function results: per sample, in floatx.


@pytest.mark.parametrize("threshold", [0.5, 0.0, 0.3, 0.9])
def test_binary_accuracy_values(threshold):
    y_true = RNG.randint(0, 2, size=(6, 3)).astype("float32")
    y_pred = RNG.rand(6, 3).astype("float32")
    result = value_of(metrics.binary_accuracy(y_true, y_pred, threshold=threshold))
    expected = (y_true == (y_pred > threshold)).astype("float32")
    np.testing.assert_array_equal(result, expected)
    assert result.dtype == np.float32 and result.shape == (6, 3)


def test_binary_accuracy_threshold_is_strict_and_labels_are_exact():
    result = metrics.binary_accuracy([1.0, 0.0, 0.7, 1.0], [0.5, 0.5, 0.9, 0.51])
    np.testing.assert_array_equal(value_of(result), [0.0, 1.0, 0.0, 1.0])
    booleans = metrics.binary_accuracy(np.array([True, False]), [0.8, 0.9])
    np.testing.assert_array_equal(value_of(booleans), [1.0, 0.0])


@pytest.mark.parametrize(
    ("true_shape", "pred_shape"), [((3,), (3, 1)), ((3, 1), (3,)), ((3, 1), (3, 1))]
)
def test_binary_accuracy_column_shapes_pair_up(true_shape, pred_shape):
    y_true = np.array([1.0, 0.0, 1.0]).reshape(true_shape)
    y_pred = np.array([0.7, 0.5, 0.5]).reshape(pred_shape)
    result = value_of(metrics.binary_accuracy(y_true, y_pred))
    assert result.shape == (3, 1)
    np.testing.assert_array_equal(result[:, 0], [1.0, 1.0, 0.0])


@pytest.mark.parametrize("id_shape", [(12,), (12, 1)])
@pytest.mark.parametrize("id_dtype", ["int32", "int64", "float32"])
def test_sparse_categorical_accuracy_matches_sklearn(id_shape, id_dtype):
    ids = IDS.reshape(id_shape).astype(id_dtype)
    result = value_of(metrics.sparse_categorical_accuracy(ids, SCORES))
    assert result.shape == (12,) and result.dtype == np.float32
    assert result.mean() == pytest.approx(accuracy_score(IDS, SCORES.argmax(-1)))
    np.testing.assert_array_equal(result, SCORES.argmax(-1) == IDS)


def test_categorical_accuracy_matches_sklearn_and_takes_first_of_ties():
    result = value_of(metrics.categorical_accuracy(ONE_HOT, SCORES))
    assert result.shape == (12,)
    assert result.mean() == pytest.approx(accuracy_score(IDS, SCORES.argmax(-1)))
    tied = metrics.categorical_accuracy(
        [[1, 0, 0], [0, 1, 0]], [[0.5, 0.5, 0.0], [0.5, 0.5, 0.0]]
    )
    np.testing.assert_array_equal(value_of(tied), [1.0, 0.0])


def test_sequence_shapes():
    scores = RNG.rand(2, 4, 3).astype("float32")
    ids = RNG.randint(0, 3, size=(2, 4))
    expected = (scores.argmax(-1) == ids).astype("float32")
    for y_true in (ids, ids[..., None]):
        np.testing.assert_array_equal(
            value_of(metrics.sparse_categorical_accuracy(y_true, scores)), expected
        )
    one_hot = np.eye(3)[ids]
    np.testing.assert_array_equal(
        value_of(metrics.categorical_accuracy(one_hot, scores)), expected
    )
    np.testing.assert_array_equal(
        value_of(metrics.top_k_categorical_accuracy(one_hot, scores, k=2)),
        in_top_k_reference(ids, scores, 2),
    )


@pytest.mark.parametrize("k", [1, 2, 4, 5, 8])
def test_top_k_matches_sklearn(k):
    sparse = value_of(metrics.sparse_top_k_categorical_accuracy(IDS, SCORES, k=k))
    dense = value_of(metrics.top_k_categorical_accuracy(ONE_HOT, SCORES, k=k))
    np.testing.assert_array_equal(sparse, dense)
    np.testing.assert_array_equal(sparse, in_top_k_reference(IDS, SCORES, k))
    if k < 5:
        expected = top_k_accuracy_score(IDS, SCORES, k=k, labels=range(5))
        assert sparse.mean() == pytest.approx(expected)


def test_top_k_ties_at_the_boundary_count_as_in():
    scores = np.array([[0.5, 0.5, 0.5], [0.9, 0.5, 0.5], [0.9, 0.5, 0.5]])
    result = metrics.sparse_top_k_categorical_accuracy([2, 2, 1], scores, k=1)
    np.testing.assert_array_equal(value_of(result), [1.0, 0.0, 0.0])
    result = metrics.sparse_top_k_categorical_accuracy([2, 2, 1], scores, k=2)
    np.testing.assert_array_equal(value_of(result), [1.0, 1.0, 1.0])


def test_sparse_top_k_keeps_the_label_shape_and_rejects_bad_ids():
    scores = np.array([[0.1, 0.9, 0.8], [0.05, 0.95, 0.0]])
    result = value_of(
        metrics.sparse_top_k_categorical_accuracy([[2], [1]], scores, k=2)
    )
    assert result.shape == (2, 1)
    np.testing.assert_array_equal(result, [[1.0], [1.0]])
    out_of_range = metrics.sparse_top_k_categorical_accuracy([3, -1], scores, k=3)
    np.testing.assert_array_equal(value_of(out_of_range), [0.0, 0.0])


def test_sparse_top_k_from_sorted_ids():
    sorted_ids = np.argsort(-SCORES, axis=-1)
    for k in (1, 2, 3, 7):
        result = metrics.sparse_top_k_categorical_accuracy(
            IDS, sorted_ids, k=k, from_sorted_ids=True
        )
        expected = (sorted_ids[:, :k] == IDS[:, None]).any(axis=-1)
        np.testing.assert_array_equal(value_of(result), expected)
    # Only the first k ids are read; fewer than k ids is fine.
    result = metrics.sparse_top_k_categorical_accuracy(
        [[2], [1], [0]], [[1, 2], [0, 2], [2, 1]], k=5, from_sorted_ids=True
    )
    np.testing.assert_array_equal(value_of(result), [[1.0], [0.0], [0.0]])


def test_symbolic_shapes_and_dtypes():
    y_pred = keras_core.KerasTensor((None, 4))
    out = metrics.sparse_top_k_categorical_accuracy(
        keras_core.KerasTensor((None, 1), dtype="int32"), y_pred, k=2
    )
    assert out.shape == (None, 1) and out.dtype == "float32"
    out = metrics.categorical_accuracy(keras_core.KerasTensor((None, 4)), y_pred)
    assert out.shape == (None,) and out.dtype == "float32"
    out = metrics.binary_accuracy(keras_core.KerasTensor((None,)), y_pred[:, :1])
    assert out.shape == (None, 1) and out.dtype == "float32"


def test_function_errors():
    with pytest.raises(ValueError, match=r"sparse_categorical_accuracy.*\(4, 3\)"):
        metrics.sparse_categorical_accuracy(np.zeros((4, 3)), np.zeros((4, 3)))
    with pytest.raises(ValueError, match=r"categorical_accuracy.*y_true.shape=\(4,\)"):
        metrics.categorical_accuracy(np.zeros((4,)), np.zeros((4, 3)))
    with pytest.raises(ValueError, match=r"top_k_categorical_accuracy.*k=0"):
        metrics.top_k_categorical_accuracy(ONE_HOT, SCORES, k=0)
    with pytest.raises(ValueError, match=r"binary_accuracy.*\(4, 3\).*\(4, 2\)"):
        metrics.binary_accuracy(np.zeros((4, 3)), np.zeros((4, 2)))


# Classes: weighted means of the functions.

CLASS_CASES = [
    (metrics.Accuracy, {}, IDS, SCORES.argmax(-1), SCORES.argmax(-1) == IDS),
    (
        metrics.BinaryAccuracy,
        {"threshold": 0.4},
        ONE_HOT,
        SCORES,
        ((SCORES > 0.4) == ONE_HOT).mean(axis=-1),
    ),
    (metrics.CategoricalAccuracy, {}, ONE_HOT, SCORES, SCORES.argmax(-1) == IDS),
    (metrics.SparseCategoricalAccuracy, {}, IDS, SCORES, SCORES.argmax(-1) == IDS),
    (
        metrics.TopKCategoricalAccuracy,
        {"k": 2},
        ONE_HOT,
        SCORES,
        in_top_k_reference(IDS, SCORES, 2),
    ),
    (
        metrics.SparseTopKCategoricalAccuracy,
        {"k": 3},
        IDS[:, None],
        SCORES,
        in_top_k_reference(IDS, SCORES, 3),
    ),
]
CLASS_IDS = [case[0].__name__ for case in CLASS_CASES]


@pytest.mark.parametrize(
    ("cls", "kwargs", "y_true", "y_pred", "per_sample"), CLASS_CASES, ids=CLASS_IDS
)
def test_class_weighted_accumulation_and_reset(cls, kwargs, y_true, y_pred, per_sample):
    metric = cls(**kwargs)
    assert metric._direction == "up"
    metric.update_state(y_true[:5], y_pred[:5])
    metric.update_state(y_true[5:], y_pred[5:], sample_weight=WEIGHTS[5:])
    weights = np.concatenate([np.ones(5), WEIGHTS[5:]])
    expected = (per_sample * weights).sum() / weights.sum()
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-6)
    metric.reset_state()
    assert float(value_of(metric.result())) == 0.0
    metric.update_state(y_true, y_pred)
    np.testing.assert_allclose(value_of(metric.result()), per_sample.mean(), rtol=1e-6)


@pytest.mark.parametrize(
    ("cls", "kwargs", "y_true", "y_pred", "per_sample"), CLASS_CASES, ids=CLASS_IDS
)
def test_class_stateless_path(cls, kwargs, y_true, y_pred, per_sample):
    metric = cls(**kwargs)
    state = [v.value for v in metric.variables]
    state = metric.stateless_update_state(state, y_true, y_pred, sample_weight=WEIGHTS)
    expected = (per_sample * WEIGHTS).sum() / WEIGHTS.sum()
    np.testing.assert_allclose(
        value_of(metric.stateless_result(state)), expected, rtol=1e-6
    )
    assert float(value_of(metric.result())) == 0.0


def test_default_names_and_configs():
    assert metrics.Accuracy().get_config() == {"name": "accuracy", "dtype": "float32"}
    assert metrics.BinaryAccuracy(threshold=0.3).get_config() == {
        "name": "binary_accuracy",
        "dtype": "float32",
        "threshold": 0.3,
    }
    assert metrics.CategoricalAccuracy().name == "categorical_accuracy"
    assert metrics.SparseCategoricalAccuracy().name == "sparse_categorical_accuracy"
    assert metrics.TopKCategoricalAccuracy().get_config() == {
        "name": "top_k_categorical_accuracy",
        "dtype": "float32",
        "k": 5,
    }
    assert metrics.SparseTopKCategoricalAccuracy(k=2).get_config() == {
        "name": "sparse_top_k_categorical_accuracy",
        "dtype": "float32",
        "k": 2,
    }
    config = metrics.SparseTopKCategoricalAccuracy(from_sorted_ids=True).get_config()
    assert config["from_sorted_ids"] is True
    paths = [v.path for v in metrics.Accuracy(name="acc").variables]
    assert paths == ["acc/total", "acc/count"]


@pytest.mark.parametrize(
    "metric",
    [
        metrics.Accuracy(name="a", dtype="float16"),
        metrics.BinaryAccuracy(threshold=0.2),
        metrics.CategoricalAccuracy(),
        metrics.SparseCategoricalAccuracy(),
        metrics.TopKCategoricalAccuracy(k=3),
        metrics.SparseTopKCategoricalAccuracy(k=1, from_sorted_ids=True),
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


def test_from_sorted_ids_class_and_float16_result():
    metric = metrics.SparseTopKCategoricalAccuracy(k=1, from_sorted_ids=True)
    metric.update_state([2, 1, 0], [[1, 2, 0], [1, 2, 0], [0, 1, 2]])
    np.testing.assert_allclose(value_of(metric.result()), 2.0 / 3, rtol=1e-6)
    half = metrics.BinaryAccuracy(dtype="float16")
    half.update_state([1.0, 0.0], [0.8, 0.9])
    result = value_of(half.result())
    assert result.dtype == np.float16 and float(result) == 0.5


def test_class_argument_errors():
    with pytest.raises(ValueError, match=r"BinaryAccuracy.*threshold=None"):
        metrics.BinaryAccuracy(threshold=None)
    with pytest.raises(ValueError, match=r"TopKCategoricalAccuracy.*k=0"):
        metrics.TopKCategoricalAccuracy(k=0)
    with pytest.raises(ValueError, match=r"SparseTopKCategoricalAccuracy.*k=2.5"):
        metrics.SparseTopKCategoricalAccuracy(k=2.5)


def test_masked_predictions_do_not_count():
    y_pred = ops.convert_to_tensor(np.array([[0.9], [0.2], [0.8]], "float32"))
    mask = ops.convert_to_tensor(np.array([True, True, False]))
    metric = metrics.BinaryAccuracy()
    with call_context.call_context() as context:
        call_context.set_mask(y_pred, mask, context)
        metric.update_state(np.array([[1.0], [1.0], [0.0]]), y_pred)
    np.testing.assert_allclose(value_of(metric.result()), 0.5)


def test_in_compiled_functions():
    backend = keras_core.config.backend()
    metric = metrics.SparseTopKCategoricalAccuracy(k=2)
    expected = in_top_k_reference(IDS, SCORES, 2).mean()
    if backend == "jax":
        import jax

        update = jax.jit(metric.stateless_update_state)
        state = [v.value for v in metric.variables]
        state = update(state, IDS[:6], SCORES[:6])
        state = update(state, IDS[6:], SCORES[6:])
        result = metric.stateless_result(state)
    elif backend == "tensorflow":
        import tensorflow as tf

        update = tf.function(metric.update_state)
        update(IDS[:6], SCORES[:6])
        update(IDS[6:], SCORES[6:])
        result = metric.result()
    else:
        pytest.skip(f"no compiled-function wrapper to test on {backend}")
    np.testing.assert_allclose(value_of(result), expected, rtol=1e-6)
