"""Dice and Tversky losses against NumPy formulas."""

import numpy as np
import pytest

from keras_core import losses
from keras_core import ops
from keras_core._src.backend.common.keras_tensor import KerasTensor

EPSILON = 1e-7
RNG = np.random.RandomState(8)
Y_TRUE = (RNG.rand(3, 4, 5) > 0.5).astype("float32")
Y_PRED = RNG.rand(3, 4, 5).astype("float32")


def value_of(tensor):
    return np.asarray(ops.convert_to_numpy(tensor))


def np_dice(y_true, y_pred, axis=None):
    intersection = (y_true * y_pred).sum(axis)
    sizes = y_true.sum(axis) + y_pred.sum(axis)
    return 1 - 2 * intersection / (sizes + EPSILON)


def np_tversky(y_true, y_pred, alpha=0.5, beta=0.5, axis=None):
    true_positives = (y_true * y_pred).sum(axis)
    missed = (y_true * (1 - y_pred)).sum(axis)
    false_alarms = ((1 - y_true) * y_pred).sum(axis)
    return 1 - true_positives / (
        true_positives + alpha * missed + beta * false_alarms + EPSILON
    )


AXES = [None, 2, (1, 2), -1]


@pytest.mark.parametrize("axis", AXES)
def test_dice(axis):
    result = value_of(losses.dice(Y_TRUE, Y_PRED, axis=axis))
    expected = np_dice(Y_TRUE, Y_PRED, axis)
    assert result.shape == np.shape(expected)
    np.testing.assert_allclose(result, expected, rtol=1e-5)


@pytest.mark.parametrize("axis", AXES)
@pytest.mark.parametrize("alpha, beta", [(0.5, 0.5), (0.3, 0.7), (0.9, 0.1)])
def test_tversky(axis, alpha, beta):
    result = value_of(losses.tversky(Y_TRUE, Y_PRED, alpha, beta, axis=axis))
    expected = np_tversky(Y_TRUE, Y_PRED, alpha, beta, axis)
    assert result.shape == np.shape(expected)
    np.testing.assert_allclose(result, expected, rtol=1e-5)


def test_alpha_weighs_missed_positives():
    # Two positives, one missed; one false alarm. As Keras 3.15: alpha on
    # the missed positive, beta on the false alarm.
    y_true = np.array([[1.0, 1.0, 0.0]])
    y_pred = np.array([[1.0, 0.0, 1.0]])
    result = float(value_of(losses.tversky(y_true, y_pred, alpha=0.2, beta=0.8)))
    assert result == pytest.approx(1 - 1 / (1 + 0.2 + 0.8), rel=1e-5)
    result = float(value_of(losses.tversky(y_true, y_pred, alpha=1.0, beta=0.0)))
    assert result == pytest.approx(0.5, rel=1e-5)


def test_tversky_with_equal_weights_is_dice():
    np.testing.assert_allclose(
        value_of(losses.tversky(Y_TRUE, Y_PRED, axis=2)),
        value_of(losses.dice(Y_TRUE, Y_PRED, axis=2)),
        rtol=1e-5,
    )


def test_empty_inputs_give_one():
    zeros = np.zeros((2, 3), "float32")
    np.testing.assert_allclose(value_of(losses.dice(zeros, zeros)), 1.0)
    np.testing.assert_allclose(value_of(losses.tversky(zeros, zeros, axis=1)), [1, 1])


@pytest.mark.parametrize(
    "cls, function, kwargs",
    [
        (losses.Dice, np_dice, {"axis": (1, 2)}),
        (losses.Tversky, np_tversky, {"alpha": 0.3, "beta": 0.7, "axis": (1, 2)}),
    ],
)
@pytest.mark.parametrize("reduction", ["sum_over_batch_size", "sum", None])
def test_classes_with_weights(cls, function, kwargs, reduction):
    weights = np.array([1.0, 0.0, 2.0])
    loss = cls(reduction=reduction, **kwargs)
    result = value_of(loss(Y_TRUE, Y_PRED, sample_weight=weights))
    weighted = function(Y_TRUE, Y_PRED, **kwargs) * weights
    expected = {
        "sum_over_batch_size": weighted.mean(),
        "sum": weighted.sum(),
        None: weighted,
    }[reduction]
    np.testing.assert_allclose(result, expected, rtol=1e-5)


def test_default_axis_gives_one_value_for_the_batch():
    result = value_of(losses.Dice()(Y_TRUE, Y_PRED))
    np.testing.assert_allclose(result, np_dice(Y_TRUE, Y_PRED), rtol=1e-5)


def test_configs():
    assert losses.Dice().get_config() == {
        "name": "dice",
        "reduction": "sum_over_batch_size",
        "axis": None,
    }
    assert losses.Tversky().get_config() == {
        "name": "tversky",
        "reduction": "sum_over_batch_size",
        "alpha": 0.5,
        "beta": 0.5,
        "axis": None,
    }
    for loss in (losses.Dice(axis=1, name="d"), losses.Tversky(0.1, 0.9, axis=-1)):
        config = loss.get_config()
        assert type(loss).from_config(config).get_config() == config


def test_symbolic_shapes():
    assert losses.dice(KerasTensor((None, 4)), KerasTensor((None, 4))).shape == ()
    result = losses.tversky(
        KerasTensor((None, 4, 5)), KerasTensor((None, 4, 5)), axis=2
    )
    assert result.shape == (None, 4)
    assert (
        losses.Dice(axis=1)(KerasTensor((None, 4)), KerasTensor((None, 4))).shape == ()
    )
