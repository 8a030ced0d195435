"""keras_core.metrics.get, serialize and deserialize."""

import json

import pytest

import keras_core
import keras_core.metrics
from keras_core import metrics
from keras_core._src.api_export import public_location
from keras_core._src.ops.operation import _snake_case

# Every name Keras's `keras.metrics.get` maps to these classes (observed),
# and spellings it refuses.
NAMES = {
    "accuracy": metrics.Accuracy,
    "Accuracy": metrics.Accuracy,
    "binary_accuracy": metrics.BinaryAccuracy,
    "BinaryAccuracy": metrics.BinaryAccuracy,
    "categorical_accuracy": metrics.CategoricalAccuracy,
    "sparse_categorical_accuracy": metrics.SparseCategoricalAccuracy,
    "top_k_categorical_accuracy": metrics.TopKCategoricalAccuracy,
    "sparse_top_k_categorical_accuracy": metrics.SparseTopKCategoricalAccuracy,
    "mse": metrics.MeanSquaredError,
    "MSE": metrics.MeanSquaredError,
    "mean_squared_error": metrics.MeanSquaredError,
    "MeanSquaredError": metrics.MeanSquaredError,
    "mae": metrics.MeanAbsoluteError,
    "MAE": metrics.MeanAbsoluteError,
    "mean_absolute_error": metrics.MeanAbsoluteError,
    "mape": metrics.MeanAbsolutePercentageError,
    "MAPE": metrics.MeanAbsolutePercentageError,
    "msle": metrics.MeanSquaredLogarithmicError,
    "MSLE": metrics.MeanSquaredLogarithmicError,
    "root_mean_squared_error": metrics.RootMeanSquaredError,
    "cosine_similarity": metrics.CosineSimilarity,
    "log_cosh_error": metrics.LogCoshError,
    "LogCoshError": metrics.LogCoshError,
    "hinge": metrics.Hinge,
    "squared_hinge": metrics.SquaredHinge,
    "categorical_hinge": metrics.CategoricalHinge,
    "kl_divergence": metrics.KLDivergence,
    "KLDivergence": metrics.KLDivergence,
    "poisson": metrics.Poisson,
    "bce": metrics.BinaryCrossentropy,
    "BCE": metrics.BinaryCrossentropy,
    "binary_crossentropy": metrics.BinaryCrossentropy,
    "categorical_crossentropy": metrics.CategoricalCrossentropy,
    "sparse_categorical_crossentropy": metrics.SparseCategoricalCrossentropy,
    "mean": metrics.Mean,
    "Sum": metrics.Sum,
    "metric": metrics.Metric,
}
REFUSED = ["acc", "Mse", "ACCURACY", "logcosh", "log_cosh", "kld", "huber", "rmse"]


@pytest.mark.parametrize(("name", "cls"), list(NAMES.items()))
def test_get_by_name_builds_the_class(name, cls):
    metric = metrics.get(name)
    assert type(metric) is cls
    rebuilt = metrics.deserialize(name).get_config()
    # Unnamed metrics get unique names ("metric", then "metric_1").
    assert rebuilt.pop("name").startswith(metric.get_config()["name"])
    assert rebuilt == {k: v for k, v in metric.get_config().items() if k != "name"}


@pytest.mark.parametrize("name", REFUSED)
def test_get_refuses_other_spellings(name):
    with pytest.raises(
        ValueError, match=rf"Could not interpret metric identifier: '{name}'"
    ):
        metrics.get(name)


def test_every_public_metric_class_is_known_by_name_and_snake_case():
    for name in dir(metrics):
        cls = getattr(metrics, name)
        if not (isinstance(cls, type) and issubclass(cls, keras_core.metrics.Metric)):
            continue
        assert public_location(cls) == ("keras.metrics", name)
        snake = _snake_case(name)
        for identifier in (name, snake):
            try:
                metric = metrics.get(identifier)
            except TypeError as error:
                # Classes with required arguments say how to build them.
                assert f"keras_core.metrics.{name}(...)" in str(error)
            else:
                assert type(metric) is cls


def test_get_passes_through_instances_callables_and_none():
    metric = metrics.BinaryAccuracy(threshold=0.2)
    assert metrics.get(metric) is metric
    assert metrics.get(metrics.binary_accuracy) is metrics.binary_accuracy
    assert metrics.get(metrics.mean_squared_error) is metrics.mean_squared_error
    assert metrics.get(None) is None
    assert type(metrics.get(metrics.Accuracy)) is metrics.Accuracy


def test_get_from_config_dict():
    metric = metrics.get({"class_name": "BinaryAccuracy", "config": {"threshold": 0.3}})
    assert metric.get_config()["threshold"] == 0.3
    assert type(metrics.get({"class_name": "mse", "config": {}})) is (
        metrics.MeanSquaredError
    )


def test_get_errors():
    with pytest.raises(ValueError, match=r"Could not interpret metric identifier: 12"):
        metrics.get(12)
    with pytest.raises(
        TypeError, match=r"MeanMetricWrapper.*fn.*MeanMetricWrapper\(\.\.\.\)"
    ):
        metrics.get("MeanMetricWrapper")


SERIALIZED = [
    metrics.Accuracy(name="acc", dtype="float16"),
    metrics.BinaryAccuracy(threshold=0.7),
    metrics.SparseTopKCategoricalAccuracy(k=2, from_sorted_ids=True),
    metrics.RootMeanSquaredError(),
    metrics.CosineSimilarity(axis=0),
    metrics.LogCoshError(),
    metrics.CategoricalHinge(),
    metrics.BinaryCrossentropy(from_logits=True, label_smoothing=0.1),
    metrics.CategoricalCrossentropy(label_smoothing=0.2, axis=1),
    metrics.SparseCategoricalCrossentropy(ignore_class=0),
    metrics.Mean(name="m"),
]


@pytest.mark.parametrize("metric", SERIALIZED, ids=lambda m: type(m).__name__)
def test_serialize_round_trip_through_json(metric):
    record = json.loads(json.dumps(metrics.serialize(metric)))
    assert record["module"] == "keras.metrics"
    assert record["class_name"] == type(metric).__name__
    assert record["registered_name"] is None
    restored = metrics.deserialize(record)
    assert type(restored) is type(metric)
    assert restored.get_config() == metric.get_config()


@pytest.mark.parametrize(
    "function",
    [
        metrics.binary_accuracy,
        metrics.sparse_top_k_categorical_accuracy,
        metrics.mean_squared_error,
        metrics.hinge,
        metrics.kl_divergence,
        metrics.log_cosh,
    ],
    ids=lambda f: f.__name__,
)
def test_functions_round_trip(function):
    record = metrics.serialize(function)
    assert record == {
        "module": "builtins",
        "class_name": "function",
        "config": function.__name__,
        "registered_name": "function",
    }
    assert metrics.deserialize(json.loads(json.dumps(record))) is function


def test_custom_and_registered_metrics():
    class Custom(metrics.Mean):
        pass

    record = metrics.serialize(Custom(name="c"))
    restored = metrics.deserialize(record, custom_objects={"Custom": Custom})
    assert type(restored) is Custom and restored.name == "c"

    @keras_core.saving.register_keras_serializable(package="tests_metrics")
    def doubled(y_true, y_pred):
        return 2 * (y_true - y_pred)

    record = metrics.serialize(doubled)
    assert record["config"] == "tests_metrics>doubled"
    assert metrics.deserialize(record) is doubled
    assert metrics.get("tests_metrics>doubled") is doubled
    assert (
        metrics.deserialize(
            {"class_name": "function", "config": "mine"},
            custom_objects={"mine": doubled},
        )
        is doubled
    )


def test_deserialize_errors():
    with pytest.raises(ValueError, match=r"Unknown metric: 'nonexistent'"):
        metrics.deserialize("nonexistent")
    with pytest.raises(ValueError, match=r"deserialize expects.*config=42 of type int"):
        metrics.deserialize(42)
    with pytest.raises(ValueError, match=r"Unknown metric function: 'nope'"):
        metrics.deserialize({"class_name": "function", "config": "nope"})
    with pytest.raises(TypeError, match=r"Could not locate metric 'Missing'"):
        metrics.deserialize({"class_name": "Missing", "config": {}})
