"""Hinge losses against NumPy formulas."""

import numpy as np
import pytest

import keras_core
from keras_core import losses
from keras_core import ops
from keras_core._src import api_export
from keras_core._src.backend.common.keras_tensor import KerasTensor

BACKEND = keras_core.config.backend()
RNG = np.random.RandomState(2)


def value_of(tensor):
    return np.asarray(ops.convert_to_numpy(tensor))


def signed(y_true):
    # Keras's rule: a batch of only 0s and 1s is read as -1/1 labels.
    if np.all((y_true == 0) | (y_true == 1)):
        return 2 * y_true - 1
    return y_true


def np_hinge(y_true, y_pred):
    return np.maximum(1 - signed(y_true) * y_pred, 0).mean(-1)


def np_squared_hinge(y_true, y_pred):
    return (np.maximum(1 - signed(y_true) * y_pred, 0) ** 2).mean(-1)


def np_categorical_hinge(y_true, y_pred):
    positive = (y_true * y_pred).sum(-1)
    negative = ((1 - y_true) * y_pred).max(-1)
    return np.maximum(negative - positive + 1, 0)


def labels(shape, kind):
    if kind == "binary":
        return (RNG.rand(*shape) > 0.5).astype("float32")
    if kind == "signed":
        return np.where(RNG.rand(*shape) > 0.5, 1.0, -1.0).astype("float32")
    return np.eye(shape[-1], dtype="float32")[RNG.randint(0, shape[-1], shape[:-1])]


CASES = [
    (losses.hinge, losses.Hinge, np_hinge, "binary"),
    (losses.hinge, losses.Hinge, np_hinge, "signed"),
    (losses.squared_hinge, losses.SquaredHinge, np_squared_hinge, "binary"),
    (losses.squared_hinge, losses.SquaredHinge, np_squared_hinge, "signed"),
    (losses.categorical_hinge, losses.CategoricalHinge, np_categorical_hinge, "onehot"),
]
IDS = [f"{case[1].__name__}-{case[3]}" for case in CASES]


@pytest.mark.parametrize("function, cls, reference, kind", CASES, ids=IDS)
@pytest.mark.parametrize("shape", [(6, 3), (2, 3, 4)])
def test_function_against_numpy(function, cls, reference, kind, shape):
    y_true = labels(shape, kind)
    y_pred = RNG.randn(*shape).astype("float32")
    result = value_of(function(y_true, y_pred))
    np.testing.assert_allclose(result, reference(y_true, y_pred), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("function, cls, reference, kind", CASES, ids=IDS)
@pytest.mark.parametrize("reduction", ["sum_over_batch_size", "sum", None])
def test_class_with_weights(function, cls, reference, kind, reduction):
    y_true = labels((6, 3), kind)
    y_pred = RNG.randn(6, 3).astype("float32")
    weights = RNG.rand(6).astype("float32")
    result = value_of(cls(reduction=reduction)(y_true, y_pred, sample_weight=weights))
    weighted = reference(y_true, y_pred) * weights
    expected = {
        "sum_over_batch_size": weighted.mean(),
        "sum": weighted.sum(),
        None: weighted,
    }[reduction]
    np.testing.assert_allclose(result, expected, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("function, cls, reference, kind", CASES, ids=IDS)
def test_config(function, cls, reference, kind):
    assert cls().get_config() == {
        "name": function.__name__,
        "reduction": "sum_over_batch_size",
    }
    loss = cls(name="h", reduction="sum")
    assert cls.from_config(loss.get_config()).get_config() == loss.get_config()


def test_mixed_labels_are_not_converted():
    # One -1 in the batch: the 0 stays 0 (Keras converts per batch).
    y_true = np.array([[0.0, 1.0], [-1.0, 1.0]])
    y_pred = np.array([[0.3, 0.6], [0.5, -2.0]])
    np.testing.assert_allclose(
        value_of(losses.hinge(y_true, y_pred)), [0.7, 2.25], rtol=1e-6
    )


def test_integer_labels():
    result = value_of(losses.hinge(np.array([[0, 1]]), np.array([[0.3, 0.6]])))
    np.testing.assert_allclose(result, [0.85], rtol=1e-6)


def test_jitted_conversion():
    y_true = labels((4, 3), "binary")
    y_pred = RNG.randn(4, 3).astype("float32")
    if BACKEND == "jax":
        import jax

        result = jax.jit(losses.squared_hinge)(y_true, y_pred)
    elif BACKEND == "tensorflow":
        import tensorflow as tf

        result = tf.function(losses.squared_hinge)(y_true, y_pred)
    else:
        pytest.skip("jax.jit and tf.function only exist on their backends")
    np.testing.assert_allclose(
        value_of(result), np_squared_hinge(y_true, y_pred), rtol=1e-5
    )


def test_symbolic_shape():
    result = losses.Hinge()(KerasTensor((None, 3)), KerasTensor((None, 3)))
    assert result.shape == ()
    result = losses.categorical_hinge(
        KerasTensor((None, 4, 3)), KerasTensor((None, 4, 3))
    )
    assert result.shape == (None, 4)


def test_shape_mismatch_error():
    with pytest.raises(ValueError, match=r"`categorical_hinge`.*\(2, 3\)"):
        losses.categorical_hinge(np.ones((2, 3)), np.ones((2, 5)))


def test_functions_are_public_as_metrics_too():
    for function in (losses.hinge, losses.squared_hinge, losses.categorical_hinge):
        assert api_export.public_object("keras.metrics", function.__name__) is function
