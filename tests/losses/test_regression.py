"""Regression losses against NumPy formulas."""

import numpy as np
import pytest

import keras_core
from keras_core import losses
from keras_core import ops
from keras_core._src import api_export
from keras_core._src.backend.common.keras_tensor import KerasTensor

EPSILON = 1e-7
RNG = np.random.RandomState(11)


def value_of(tensor):
    return np.asarray(ops.convert_to_numpy(tensor))


def np_mse(y_true, y_pred):
    return ((y_true - y_pred) ** 2).mean(-1)


def np_mae(y_true, y_pred):
    return np.abs(y_true - y_pred).mean(-1)


def np_mape(y_true, y_pred):
    return 100 * np.abs((y_true - y_pred) / np.maximum(np.abs(y_true), EPSILON)).mean(
        -1
    )


def np_msle(y_true, y_pred):
    log_pred = np.log(np.maximum(y_pred, EPSILON) + 1)
    log_true = np.log(np.maximum(y_true, EPSILON) + 1)
    return ((log_pred - log_true) ** 2).mean(-1)


def np_huber(y_true, y_pred, delta=1.0):
    error = np.abs(y_pred - y_true)
    return np.where(
        error <= delta, 0.5 * error**2, delta * error - 0.5 * delta**2
    ).mean(-1)


def np_log_cosh(y_true, y_pred):
    return np.log(np.cosh(y_pred.astype("float64") - y_true)).mean(-1)


def np_cosine(y_true, y_pred, axis=-1):
    def unit(x):
        norm = np.sqrt((x**2).sum(axis, keepdims=True))
        return x / np.maximum(norm, 1e-12)

    return -(unit(y_true) * unit(y_pred)).sum(axis)


# (function, class, reference, function kwargs)
CASES = [
    (losses.mean_squared_error, losses.MeanSquaredError, np_mse, {}),
    (losses.mean_absolute_error, losses.MeanAbsoluteError, np_mae, {}),
    (
        losses.mean_absolute_percentage_error,
        losses.MeanAbsolutePercentageError,
        np_mape,
        {},
    ),
    (
        losses.mean_squared_logarithmic_error,
        losses.MeanSquaredLogarithmicError,
        np_msle,
        {},
    ),
    (losses.huber, losses.Huber, np_huber, {}),
    (losses.huber, losses.Huber, np_huber, {"delta": 0.3}),
    (losses.log_cosh, losses.LogCosh, np_log_cosh, {}),
    (losses.cosine_similarity, losses.CosineSimilarity, np_cosine, {}),
    (losses.cosine_similarity, losses.CosineSimilarity, np_cosine, {"axis": 1}),
]
IDS = [f"{case[1].__name__}-{case[3]}" for case in CASES]
SHAPES = [(6,), (5, 4), (3, 4, 5)]


def inputs(shape):
    # Signed values: the percentage and log errors meet negatives and 0.
    y_true = RNG.uniform(-2, 3, size=shape).astype("float32")
    y_pred = RNG.uniform(-2, 3, size=shape).astype("float32")
    y_true.flat[0] = 0.0
    return y_true, y_pred


@pytest.mark.parametrize("function, cls, reference, kwargs", CASES, ids=IDS)
@pytest.mark.parametrize("shape", SHAPES)
def test_function_against_numpy(function, cls, reference, kwargs, shape):
    if kwargs.get("axis") == 1 and len(shape) < 2:
        pytest.skip("axis=1 needs two axes")
    y_true, y_pred = inputs(shape)
    result = value_of(function(y_true, y_pred, **kwargs))
    expected = reference(y_true, y_pred, **kwargs)
    assert result.shape == expected.shape
    np.testing.assert_allclose(result, expected, rtol=2e-5, atol=1e-5)


@pytest.mark.parametrize("function, cls, reference, kwargs", CASES, ids=IDS)
@pytest.mark.parametrize(
    "reduction", ["sum_over_batch_size", "sum", "mean_with_sample_weight", None]
)
def test_class_reduces_weighted_values(function, cls, reference, kwargs, reduction):
    y_true, y_pred = inputs((5, 4))
    weights = RNG.uniform(0, 2, size=(5,)).astype("float32")
    loss = cls(reduction=reduction, **kwargs)
    result = value_of(loss(y_true, y_pred, sample_weight=weights))
    weighted = reference(y_true, y_pred, **kwargs) * weights
    expected = {
        "sum_over_batch_size": weighted.mean(),
        "sum": weighted.sum(),
        "mean_with_sample_weight": weighted.sum() / weights.sum(),
        None: weighted,
    }[reduction]
    np.testing.assert_allclose(result, expected, rtol=2e-5, atol=1e-5)


@pytest.mark.parametrize("function, cls, reference, kwargs", CASES, ids=IDS)
def test_config_round_trip(function, cls, reference, kwargs):
    loss = cls(name="custom", reduction="sum", **kwargs)
    config = loss.get_config()
    assert config["name"] == "custom"
    assert config["reduction"] == "sum"
    restored = cls.from_config(config)
    assert restored.get_config() == config
    y_true, y_pred = inputs((3, 4))
    np.testing.assert_allclose(
        value_of(restored(y_true, y_pred)), value_of(loss(y_true, y_pred)), rtol=1e-6
    )


def test_configs_match_keras_keys():
    assert losses.MeanSquaredError().get_config() == {
        "name": "mean_squared_error",
        "reduction": "sum_over_batch_size",
    }
    # Keras 3.15 leaves out `delta` and `axis`; keeping them makes round
    # trips faithful, and Keras's classes accept them.
    assert losses.Huber(delta=2.0).get_config() == {
        "name": "huber_loss",
        "reduction": "sum_over_batch_size",
        "delta": 2.0,
    }
    assert losses.CosineSimilarity(axis=0).get_config() == {
        "name": "cosine_similarity",
        "reduction": "sum_over_batch_size",
        "axis": 0,
    }


def test_default_names():
    names = {cls().name for _, cls, _, _ in CASES}
    assert names == {
        "mean_squared_error",
        "mean_absolute_error",
        "mean_absolute_percentage_error",
        "mean_squared_logarithmic_error",
        "huber_loss",
        "log_cosh",
        "cosine_similarity",
    }


def test_trailing_unit_axis_is_matched():
    y_true = RNG.rand(4).astype("float32")
    y_pred = RNG.rand(4, 1).astype("float32")
    result = value_of(losses.mean_squared_error(y_true, y_pred))
    np.testing.assert_allclose(result, (y_true - y_pred[:, 0]) ** 2, rtol=1e-6)
    scalar = value_of(losses.mean_squared_error(y_true, y_pred[:, 0]))
    assert scalar.shape == ()


def test_zero_vector_has_zero_cosine_similarity():
    result = value_of(losses.cosine_similarity([[0.0, 0.0]], [[1.0, 2.0]]))
    np.testing.assert_array_equal(result, [0.0])


def test_log_cosh_does_not_overflow():
    result = value_of(losses.log_cosh([[0.0, 0.0]], [[1e4, -1e4]]))
    np.testing.assert_allclose(result, [1e4 - np.log(2.0)], rtol=1e-6)


def test_dtype_follows_y_pred():
    y_true = np.ones((2, 3), "float32")
    result = losses.mean_squared_error(y_true, np.ones((2, 3), "float16"))
    assert keras_core.backend.standardize_dtype(result.dtype) == "float16"
    result = losses.mean_absolute_error([[1, 2]], [[3, 5]])
    assert keras_core.backend.standardize_dtype(result.dtype) == "float32"


def test_symbolic_shape():
    result = losses.huber(KerasTensor((None, 4, 3)), KerasTensor((None, 4, 3)))
    assert result.shape == (None, 4)
    result = losses.cosine_similarity(
        KerasTensor((2, 4, 3)), KerasTensor((2, 4, 3)), axis=1
    )
    assert result.shape == (2, 3)


def test_shape_mismatch_error():
    with pytest.raises(ValueError, match=r"`mean_squared_error`.*\(2, 3\).*\(2, 4\)"):
        losses.mean_squared_error(np.ones((2, 3)), np.ones((2, 4)))


def test_functions_are_public_as_metrics_too():
    for function, *_ in CASES:
        if function is losses.cosine_similarity:
            assert (
                api_export.public_object("keras.metrics", "cosine_similarity") is None
            )
            continue
        assert api_export.public_object("keras.metrics", function.__name__) is function
