"""Crossentropy, KL divergence and Poisson metrics against NumPy and sklearn."""

import numpy as np
import pytest
from scipy.special import expit
from scipy.special import log_softmax
from sklearn.metrics import log_loss

import keras_core
import keras_core.metrics
from keras_core import metrics
from keras_core import ops

RNG = np.random.RandomState(11)
IDS = RNG.randint(0, 4, size=(9,))
ONE_HOT = np.eye(4, dtype="float32")[IDS]
LOGITS = RNG.normal(size=(9, 4)).astype("float32")
# Probabilities away from 0 and 1, where clipping changes nothing.
PROBS = np.exp(log_softmax(LOGITS / 3.0, axis=-1)).astype("float32")
BINARY = RNG.randint(0, 2, size=(9, 4)).astype("float32")
SIGMOID = RNG.uniform(0.05, 0.95, size=(9, 4)).astype("float32")
DISTRIBUTION = RNG.dirichlet(np.ones(4), size=9).astype("float32")
COUNTS = RNG.poisson(2.0, size=(9, 4)).astype("float32")
RATES = RNG.uniform(0.5, 4.0, size=(9, 4)).astype("float32")
WEIGHTS = RNG.uniform(0.0, 2.0, size=(9,)).astype("float32")


def value_of(tensor):
    return np.asarray(ops.convert_to_numpy(tensor))


def binary_crossentropy_reference(y_true, probs):
    return -(y_true * np.log(probs) + (1 - y_true) * np.log(1 - probs)).mean(axis=-1)


def categorical_reference(y_true, probs):
    return -(y_true * np.log(probs)).sum(axis=-1)


def kl_reference(y_true, y_pred):
    ratio = np.where(y_true > 0, y_true / y_pred, 1.0)
    return (y_true * np.log(ratio)).sum(axis=-1)


def poisson_reference(y_true, y_pred):
    return (y_pred - y_true * np.log(y_pred)).mean(axis=-1)


SMOOTHED = ONE_HOT * 0.8 + 0.2 / 4
CASES = [
    (metrics.KLDivergence, {}, DISTRIBUTION, PROBS, kl_reference(DISTRIBUTION, PROBS)),
    (metrics.Poisson, {}, COUNTS, RATES, poisson_reference(COUNTS, RATES)),
    (
        metrics.BinaryCrossentropy,
        {},
        BINARY,
        SIGMOID,
        binary_crossentropy_reference(BINARY, SIGMOID),
    ),
    (
        metrics.BinaryCrossentropy,
        {"from_logits": True, "label_smoothing": 0.2},
        BINARY,
        LOGITS,
        binary_crossentropy_reference(BINARY * 0.8 + 0.1, expit(LOGITS)),
    ),
    (
        metrics.CategoricalCrossentropy,
        {},
        ONE_HOT,
        PROBS,
        categorical_reference(ONE_HOT, PROBS),
    ),
    (
        metrics.CategoricalCrossentropy,
        {"from_logits": True, "label_smoothing": 0.2},
        ONE_HOT,
        LOGITS,
        -(SMOOTHED * log_softmax(LOGITS, axis=-1)).sum(axis=-1),
    ),
    (
        metrics.SparseCategoricalCrossentropy,
        {},
        IDS,
        PROBS,
        categorical_reference(ONE_HOT, PROBS),
    ),
    (
        metrics.SparseCategoricalCrossentropy,
        {"from_logits": True},
        IDS[:, None],
        LOGITS,
        -np.take_along_axis(log_softmax(LOGITS, axis=-1), IDS[:, None], -1)[:, 0],
    ),
]
IDS_OF_CASES = [f"{case[0].__name__}-{i}" for i, case in enumerate(CASES)]


@pytest.mark.parametrize(
    ("cls", "kwargs", "y_true", "y_pred", "per_sample"), CASES, ids=IDS_OF_CASES
)
def test_values_weights_accumulation_and_reset(cls, kwargs, y_true, y_pred, per_sample):
    metric = cls(**kwargs)
    metric.update_state(y_true[:4], y_pred[:4])
    metric.update_state(y_true[4:], y_pred[4:], sample_weight=WEIGHTS[4:])
    weights = np.concatenate([np.ones(4), WEIGHTS[4:]])
    expected = (per_sample * weights).sum() / weights.sum()
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)
    metric.reset_state()
    assert float(value_of(metric.result())) == 0.0


@pytest.mark.parametrize(
    ("cls", "kwargs", "y_true", "y_pred", "per_sample"), CASES, ids=IDS_OF_CASES
)
def test_stateless_path_and_config_round_trip(cls, kwargs, y_true, y_pred, per_sample):
    metric = cls(**kwargs)
    assert metric._direction == "down"
    state = [v.value for v in metric.variables]
    state = metric.stateless_update_state(state, y_true, y_pred, sample_weight=WEIGHTS)
    expected = (per_sample * WEIGHTS).sum() / WEIGHTS.sum()
    np.testing.assert_allclose(
        value_of(metric.stateless_result(state)), expected, rtol=1e-5
    )
    assert float(value_of(metric.result())) == 0.0
    restored = metrics.deserialize(metrics.serialize(metric))
    assert type(restored) is cls and restored.get_config() == metric.get_config()


def test_matches_sklearn_log_loss():
    metric = metrics.SparseCategoricalCrossentropy()
    metric.update_state(IDS, PROBS, sample_weight=WEIGHTS)
    expected = log_loss(IDS, PROBS, sample_weight=WEIGHTS, labels=range(4))
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)


def test_default_configs():
    assert metrics.KLDivergence().get_config() == {
        "name": "kl_divergence",
        "dtype": "float32",
    }
    assert metrics.Poisson().get_config() == {"name": "poisson", "dtype": "float32"}
    assert metrics.BinaryCrossentropy().get_config() == {
        "name": "binary_crossentropy",
        "dtype": "float32",
        "from_logits": False,
        "label_smoothing": 0,
    }
    assert metrics.CategoricalCrossentropy().get_config() == {
        "name": "categorical_crossentropy",
        "dtype": "float32",
        "from_logits": False,
        "label_smoothing": 0,
        "axis": -1,
    }
    assert metrics.SparseCategoricalCrossentropy().get_config() == {
        "name": "sparse_categorical_crossentropy",
        "dtype": "float32",
        "from_logits": False,
        "ignore_class": None,
        "axis": -1,
    }


def test_class_axis():
    metric = metrics.CategoricalCrossentropy(axis=0)
    metric.update_state(ONE_HOT.T, PROBS.T)
    np.testing.assert_allclose(
        value_of(metric.result()),
        categorical_reference(ONE_HOT, PROBS).mean(),
        rtol=1e-5,
    )


def test_ignore_class_scores_zero():
    metric = metrics.SparseCategoricalCrossentropy(ignore_class=1)
    ids = np.array([0, 1, 2])
    probs = np.array([[0.6, 0.3, 0.1], [0.2, 0.5, 0.3], [0.1, 0.1, 0.8]], "float32")
    metric.update_state(ids, probs)
    # The ignored sample scores 0 but still counts, as in Keras.
    expected = -(np.log(0.6) + np.log(0.8)) / 3
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)


def test_in_compiled_functions():
    backend = keras_core.config.backend()
    metric = metrics.CategoricalCrossentropy(from_logits=True)
    expected = -(ONE_HOT * log_softmax(LOGITS, axis=-1)).sum(axis=-1).mean()
    if backend == "jax":
        import jax

        update = jax.jit(metric.stateless_update_state)
        state = update([v.value for v in metric.variables], ONE_HOT, LOGITS)
        result = metric.stateless_result(state)
    elif backend == "tensorflow":
        import tensorflow as tf

        tf.function(metric.update_state)(ONE_HOT, LOGITS)
        result = metric.result()
    else:
        pytest.skip(f"no compiled-function wrapper to test on {backend}")
    np.testing.assert_allclose(value_of(result), expected, rtol=1e-5)
