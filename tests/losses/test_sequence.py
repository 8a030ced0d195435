"""CTC loss against a NumPy forward-algorithm reference."""

import numpy as np
import pytest

from keras_core import losses
from keras_core import ops
from keras_core._src.backend.common.keras_tensor import KerasTensor

RNG = np.random.RandomState(4)
BLANK = 0


def value_of(tensor):
    return np.asarray(ops.convert_to_numpy(tensor))


def log_softmax(x):
    x = x.astype("float64")
    return x - np.logaddexp.reduce(x, axis=-1, keepdims=True)


def ctc_reference(labels, scores):
    """-log p(labels | scores) of one sample by the CTC forward recursion.

    As Keras, the scores go through a log-softmax whatever they are, and
    the labels end at their first 0 (the blank, also the padding).
    """
    log_probs = log_softmax(scores)
    labels = [int(label) for label in labels if label != BLANK]
    extended = [BLANK]
    for label in labels:
        extended += [label, BLANK]
    steps, states = len(log_probs), len(extended)
    alpha = np.full((steps, states), -np.inf)
    alpha[0, 0] = log_probs[0, BLANK]
    if states > 1:
        alpha[0, 1] = log_probs[0, extended[1]]
    for t in range(1, steps):
        for s in range(states):
            candidates = [alpha[t - 1, s]]
            if s >= 1:
                candidates.append(alpha[t - 1, s - 1])
            if s >= 2 and extended[s] != BLANK and extended[s] != extended[s - 2]:
                candidates.append(alpha[t - 1, s - 2])
            alpha[t, s] = np.logaddexp.reduce(candidates) + log_probs[t, extended[s]]
    return -np.logaddexp.reduce(alpha[-1, -2:] if states > 1 else alpha[-1, -1:])


def batch_reference(labels, scores):
    return np.array(
        [
            ctc_reference(row, step_scores)
            for row, step_scores in zip(labels, scores, strict=True)
        ]
    )


def softmax_probabilities(shape):
    logits = RNG.randn(*shape).astype("float32")
    return (np.exp(logits) / np.exp(logits).sum(-1, keepdims=True)).astype("float32")


LABELS = np.array([[1, 2, 2, 3], [3, 1, 0, 0], [2, 0, 0, 0], [4, 4, 1, 0]])


@pytest.mark.parametrize("kind", ["probabilities", "logits"])
def test_ctc_against_forward_algorithm(kind):
    shape = (4, 9, 5)
    if kind == "probabilities":
        scores = softmax_probabilities(shape)
    else:
        scores = (RNG.randn(*shape) * 2).astype("float32")
    result = value_of(losses.ctc(LABELS, scores))
    assert result.shape == (4,)
    np.testing.assert_allclose(result, batch_reference(LABELS, scores), rtol=1e-4)


def test_float_labels():
    scores = softmax_probabilities((4, 9, 5))
    np.testing.assert_allclose(
        value_of(losses.ctc(LABELS.astype("float32"), scores)),
        batch_reference(LABELS, scores),
        rtol=1e-4,
    )


def test_hand_computed_value():
    # Uniform scores over 3 classes, 3 steps, labels [1, 2]: 5 of the 27
    # paths collapse to "1 2".
    result = value_of(losses.ctc([[1, 2]], np.zeros((1, 3, 3), "float32")))
    np.testing.assert_allclose(result, [-np.log(5 / 27)], rtol=1e-5)


@pytest.mark.parametrize("reduction", ["sum_over_batch_size", "sum", None])
def test_class_with_weights(reduction):
    scores = softmax_probabilities((4, 9, 5))
    weights = np.array([1.0, 0.5, 0.0, 2.0])
    loss = losses.CTC(reduction=reduction)
    result = value_of(loss(LABELS, scores, sample_weight=weights))
    weighted = batch_reference(LABELS, scores) * weights
    expected = {
        "sum_over_batch_size": weighted.mean(),
        "sum": weighted.sum(),
        None: weighted,
    }[reduction]
    np.testing.assert_allclose(result, expected, rtol=1e-4)


def test_labels_stay_integers_in_half_precision():
    scores = softmax_probabilities((4, 9, 5))
    result = value_of(losses.CTC(dtype="float16")(LABELS, scores))
    np.testing.assert_allclose(
        result, batch_reference(LABELS, scores).mean(), rtol=1e-2
    )


def test_config():
    assert losses.CTC().get_config() == {
        "name": "ctc",
        "reduction": "sum_over_batch_size",
    }
    config = losses.CTC(name="c", reduction="sum").get_config()
    assert losses.CTC.from_config(config).get_config() == config


def test_symbolic_shapes():
    result = losses.ctc(
        KerasTensor((None, 4), dtype="int32"), KerasTensor((None, 9, 5))
    )
    assert result.shape == (None,)
    result = losses.CTC()(KerasTensor((2, 4), dtype="int32"), KerasTensor((2, 9, 5)))
    assert result.shape == ()


def test_bad_rank_error():
    with pytest.raises(ValueError, match=r"`ctc`.*y_pred.shape=\(4, 5\)"):
        losses.ctc(LABELS, np.zeros((4, 5), "float32"))
    with pytest.raises(ValueError, match=r"`ctc`.*y_true.shape=\(4,\)"):
        losses.ctc(LABELS[:, 0], np.zeros((4, 9, 5), "float32"))
