"""Hinge, SquaredHinge and CategoricalHinge against NumPy."""

import numpy as np
import pytest
from sklearn.metrics import hinge_loss

import keras_core
import keras_core.metrics
from keras_core import metrics
from keras_core import ops

RNG = np.random.RandomState(3)
LABELS = RNG.randint(0, 2, size=(8, 3)).astype("float32")
SCORES = RNG.uniform(-2.0, 2.0, size=(8, 3)).astype("float32")
ONE_HOT = np.eye(3, dtype="float32")[RNG.randint(0, 3, size=(8,))]
WEIGHTS = RNG.uniform(0.0, 2.0, size=(8,)).astype("float32")


def value_of(tensor):
    return np.asarray(ops.convert_to_numpy(tensor))


def hinge_reference(y_true, y_pred):
    signs = 2.0 * y_true - 1.0  # 0/1 labels are read as -1/1
    return np.maximum(1.0 - signs * y_pred, 0.0).mean(axis=-1)


def squared_hinge_reference(y_true, y_pred):
    signs = 2.0 * y_true - 1.0
    return (np.maximum(1.0 - signs * y_pred, 0.0) ** 2).mean(axis=-1)


def categorical_hinge_reference(y_true, y_pred):
    positive = (y_true * y_pred).sum(axis=-1)
    negative = ((1.0 - y_true) * y_pred).max(axis=-1)
    return np.maximum(negative - positive + 1.0, 0.0)


CASES = [
    (metrics.Hinge, "hinge", LABELS, SCORES, hinge_reference),
    (metrics.SquaredHinge, "squared_hinge", LABELS, SCORES, squared_hinge_reference),
    (
        metrics.CategoricalHinge,
        "categorical_hinge",
        ONE_HOT,
        SCORES,
        categorical_hinge_reference,
    ),
]
IDS = [case[0].__name__ for case in CASES]


@pytest.mark.parametrize(
    ("cls", "name", "y_true", "y_pred", "reference"), CASES, ids=IDS
)
def test_values_weights_accumulation_and_reset(cls, name, y_true, y_pred, reference):
    metric = cls()
    metric.update_state(y_true[:3], y_pred[:3])
    metric.update_state(y_true[3:], y_pred[3:], sample_weight=WEIGHTS[3:])
    weights = np.concatenate([np.ones(3), WEIGHTS[3:]])
    per_sample = reference(y_true, y_pred)
    np.testing.assert_allclose(
        value_of(metric.result()),
        (per_sample * weights).sum() / weights.sum(),
        rtol=1e-5,
    )
    metric.reset_state()
    assert float(value_of(metric.result())) == 0.0


@pytest.mark.parametrize(
    ("cls", "name", "y_true", "y_pred", "reference"), CASES, ids=IDS
)
def test_stateless_path_and_config(cls, name, y_true, y_pred, reference):
    metric = cls()
    assert metric.get_config() == {"name": name, "dtype": "float32"}
    assert metric._direction == "down"
    state = [v.value for v in metric.variables]
    state = metric.stateless_update_state(state, y_true, y_pred, sample_weight=WEIGHTS)
    per_sample = reference(y_true, y_pred)
    np.testing.assert_allclose(
        value_of(metric.stateless_result(state)),
        (per_sample * WEIGHTS).sum() / WEIGHTS.sum(),
        rtol=1e-5,
    )
    assert float(value_of(metric.result())) == 0.0
    clone = metrics.deserialize(metrics.serialize(cls(name="x", dtype="float16")))
    assert type(clone) is cls
    assert clone.get_config() == {"name": "x", "dtype": "float16"}


def test_hinge_matches_sklearn_on_one_output():
    # sklearn's binary hinge loss: the mean of max(0, 1 - y * score), y in -1/1.
    y_true, scores = LABELS[:, 0], SCORES[:, 0]
    metric = metrics.Hinge()
    metric.update_state(y_true[:, None], scores[:, None])
    expected = hinge_loss(2 * y_true - 1, scores)
    np.testing.assert_allclose(value_of(metric.result()), expected, rtol=1e-5)


def test_minus_one_labels_equal_zero_labels():
    with_zeros, with_minus_ones = metrics.Hinge(), metrics.Hinge()
    with_zeros.update_state(LABELS, SCORES)
    with_minus_ones.update_state(2 * LABELS - 1, SCORES)
    np.testing.assert_allclose(
        value_of(with_zeros.result()), value_of(with_minus_ones.result()), rtol=1e-6
    )


def test_in_compiled_functions():
    backend = keras_core.config.backend()
    metric = metrics.CategoricalHinge()
    expected = categorical_hinge_reference(ONE_HOT, SCORES).mean()
    if backend == "jax":
        import jax

        update = jax.jit(metric.stateless_update_state)
        state = update([v.value for v in metric.variables], ONE_HOT, SCORES)
        result = metric.stateless_result(state)
    elif backend == "tensorflow":
        import tensorflow as tf

        tf.function(metric.update_state)(ONE_HOT, SCORES)
        result = metric.result()
    else:
        pytest.skip(f"no compiled-function wrapper to test on {backend}")
    np.testing.assert_allclose(value_of(result), expected, rtol=1e-5)
