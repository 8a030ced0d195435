"""Circle loss against a NumPy formula."""

import numpy as np
import pytest

import keras_core
from keras_core import losses
from keras_core import ops
from keras_core._src.backend.common.keras_tensor import KerasTensor

BACKEND = keras_core.config.backend()
RNG = np.random.RandomState(9)


def value_of(tensor):
    return np.asarray(ops.convert_to_numpy(tensor))


def unit_rows(x):
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype("float32")


def masked_logsumexp(values, mask):
    masked = np.where(mask, values, -np.inf)
    peak = masked.max(axis=1, keepdims=True)
    peak = np.where(np.isfinite(peak), peak, 0.0)
    with np.errstate(divide="ignore"):
        return peak[:, 0] + np.log(np.exp(masked - peak).sum(axis=1))


def np_circle(
    labels,
    embeddings,
    ref_labels=None,
    ref_embeddings=None,
    remove_diagonal=True,
    gamma=80.0,
    margin=0.4,
):
    """The paper's formula, written with cosine distances d = 1 - s."""
    ref_labels = labels if ref_labels is None else ref_labels
    ref_embeddings = embeddings if ref_embeddings is None else ref_embeddings
    distances = np.maximum(1 - embeddings.astype("float64") @ ref_embeddings.T, 0)
    positive = labels[:, None] == ref_labels[None, :]
    negative = ~positive
    if remove_diagonal:
        positive &= ~np.eye(len(labels), len(ref_labels), dtype=bool)
    alpha_p = np.maximum(distances + margin, 0)  # [O_p - s_p]+
    alpha_n = np.maximum(1 + margin - distances, 0)  # [s_n - O_n]+
    positive_terms = gamma * alpha_p * (distances - margin)
    negative_terms = gamma * alpha_n * (1 - margin - distances)
    return np.logaddexp(
        0,
        masked_logsumexp(positive_terms, positive)
        + masked_logsumexp(negative_terms, negative),
    )


LABELS = np.array([0, 1, 0, 2, 1, 2, 0, 1])
EMBEDDINGS = unit_rows(RNG.randn(8, 5))


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"gamma": 2.0, "margin": 0.25},
        {"gamma": 4.0, "remove_diagonal": False},
    ],
)
def test_circle_against_numpy(kwargs):
    result = value_of(losses.circle(LABELS, EMBEDDINGS, **kwargs))
    expected = np_circle(LABELS, EMBEDDINGS, **kwargs)
    np.testing.assert_allclose(result, expected, rtol=1e-4, atol=1e-5)


def test_reference_embeddings():
    refs = unit_rows(RNG.randn(5, 5))
    ref_labels = np.array([1, 0, 2, 2, 1])
    for remove_diagonal in (True, False):
        result = losses.circle(
            LABELS[:3],
            EMBEDDINGS[:3],
            ref_labels=ref_labels,
            ref_embeddings=refs,
            remove_diagonal=remove_diagonal,
            gamma=3.0,
        )
        expected = np_circle(
            LABELS[:3],
            EMBEDDINGS[:3],
            ref_labels,
            refs,
            remove_diagonal=remove_diagonal,
            gamma=3.0,
        )
        np.testing.assert_allclose(value_of(result), expected, rtol=1e-4)


def test_unnormalized_embeddings_use_the_raw_dot_product():
    raw = RNG.randn(8, 5).astype("float32")
    np.testing.assert_allclose(
        value_of(losses.circle(LABELS, raw, gamma=2.0)),
        np_circle(LABELS, raw, gamma=2.0),
        rtol=1e-4,
    )


def test_column_labels():
    np.testing.assert_allclose(
        value_of(losses.circle(LABELS[:, None], EMBEDDINGS, gamma=2.0)),
        np_circle(LABELS, EMBEDDINGS, gamma=2.0),
        rtol=1e-4,
    )


LONE = np.array([0, 1, 0, 2, 1, 3, 0, 1])  # labels 2 and 3 have no pair


def test_queries_without_pairs_are_left_out_of_the_mean():
    per_query = np_circle(LONE, EMBEDDINGS, gamma=2.0)
    assert per_query[3] == 0 and per_query[5] == 0
    np.testing.assert_allclose(
        value_of(losses.circle(LONE, EMBEDDINGS, gamma=2.0)), per_query, rtol=1e-4
    )
    result = losses.Circle(gamma=2.0)(LONE, EMBEDDINGS)
    np.testing.assert_allclose(value_of(result), per_query.sum() / 6, rtol=1e-4)
    result = losses.Circle(gamma=2.0, reduction="sum")(LONE, EMBEDDINGS)
    np.testing.assert_allclose(value_of(result), per_query.sum(), rtol=1e-4)


def test_sample_weights():
    weights = RNG.rand(8)
    per_query = np_circle(LABELS, EMBEDDINGS, gamma=2.0)
    loss = losses.Circle(gamma=2.0, reduction="mean_with_sample_weight")
    result = value_of(loss(LABELS, EMBEDDINGS, sample_weight=weights))
    np.testing.assert_allclose(
        result, (per_query * weights).sum() / weights.sum(), rtol=1e-4
    )


def test_gradients_are_finite_for_queries_without_pairs():
    if BACKEND == "jax":
        import jax

        gradient = jax.grad(lambda e: losses.circle(LONE, e, gamma=2.0).sum())(
            EMBEDDINGS
        )
    elif BACKEND == "torch":
        import torch

        tensor = torch.tensor(EMBEDDINGS, requires_grad=True)
        losses.circle(LONE, tensor, gamma=2.0).sum().backward()
        gradient = tensor.grad
    elif BACKEND == "tensorflow":
        import tensorflow as tf

        variable = tf.Variable(EMBEDDINGS)
        with tf.GradientTape() as tape:
            total = tf.reduce_sum(losses.circle(LONE, variable, gamma=2.0))
        gradient = tape.gradient(total, variable)
    else:
        pytest.skip("the numpy backend computes no gradients")
    gradient = np.asarray(gradient)
    assert np.all(np.isfinite(gradient))
    assert np.abs(gradient).max() > 0


def test_config():
    assert losses.Circle().get_config() == {
        "name": "circle",
        "reduction": "sum_over_batch_size",
        "gamma": 80.0,
        "margin": 0.4,
        "remove_diagonal": True,
    }
    config = losses.Circle(gamma=3.0, margin=0.1, remove_diagonal=False).get_config()
    assert losses.Circle.from_config(config).get_config() == config


def test_symbolic_shape():
    result = losses.circle(KerasTensor((None,), dtype="int32"), KerasTensor((None, 5)))
    assert result.shape == (None,)
    result = losses.Circle()(KerasTensor((4,), dtype="int32"), KerasTensor((4, 5)))
    assert result.shape == ()


def test_label_shape_error():
    with pytest.raises(ValueError, match=r"`circle`.*\(batch,\).*\(8, 2\)"):
        losses.circle(np.zeros((8, 2)), EMBEDDINGS)
