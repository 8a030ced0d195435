"""Tests of `Attention` and `AdditiveAttention` (behaviour observed in Keras 3.15)."""

import numpy as np
import pytest
from layer_testing import assert_gradients_reach_all_weights
from layer_testing import needs_gradients

import keras_core
from keras_core import layers
from keras_core import ops


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def _inputs(*shape, seed=0):
    return np.random.default_rng(seed).normal(size=shape).astype("float32")


def _softmax(x, mask=None):
    if mask is not None:
        x = np.where(mask, x, -1e9)
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


QUERY = _inputs(2, 3, 4)
VALUE = _inputs(2, 5, 4, seed=1)
KEY = _inputs(2, 5, 4, seed=2)


def _reference(
    layer, query, value, key, query_mask=None, value_mask=None, causal=False
):
    weights = layer.get_weights()
    if isinstance(layer, layers.AdditiveAttention):
        terms = np.tanh(query[:, :, None, :] + key[:, None, :, :])
        scores = (terms * (weights[0] if weights else 1.0)).sum(-1)
    elif layer.score_mode == "dot":
        scores = np.einsum("bqd,bkd->bqk", query, key)
        if layer.use_scale:
            scores = scores * weights[0]
    else:
        scale = weights[0] if layer.use_scale else 1.0
        scores = weights[-1] * np.tanh(
            scale * (query[:, :, None, :] + key[:, None, :, :])
        ).sum(-1)
    mask = np.ones(scores.shape, bool)
    if value_mask is not None:
        mask &= value_mask[:, None, :]
    if causal:
        mask &= np.tril(np.ones(scores.shape[1:], bool))
    probabilities = _softmax(scores, mask)
    outputs = probabilities @ value
    if query_mask is not None:
        outputs = outputs * query_mask[:, :, None]
    return outputs, probabilities


@pytest.mark.parametrize(
    "make",
    [
        lambda: layers.Attention(),
        lambda: layers.Attention(use_scale=True),
        lambda: layers.Attention(score_mode="concat"),
        lambda: layers.Attention(score_mode="concat", use_scale=True),
        lambda: layers.AdditiveAttention(),
        lambda: layers.AdditiveAttention(use_scale=False),
    ],
)
def test_values_against_numpy(make):
    layer = make()
    layer.build([QUERY.shape, VALUE.shape])
    # Non-trivial scales, so the test sees where each weight enters.
    layer.set_weights(
        [
            np.asarray(1.5 + 0.5 * i, "float32") * np.ones(w.shape, "float32")
            for i, w in enumerate(layer.get_weights())
        ]
    )
    outputs, scores = layer([QUERY, VALUE, KEY], return_attention_scores=True)
    expected_outputs, expected_scores = _reference(layer, QUERY, VALUE, KEY)
    np.testing.assert_allclose(_np(outputs), expected_outputs, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(_np(scores), expected_scores, rtol=1e-5, atol=1e-5)
    # Without a key, the value is the key.
    outputs = layer([QUERY, VALUE])
    np.testing.assert_allclose(
        _np(outputs), _reference(layer, QUERY, VALUE, VALUE)[0], rtol=1e-5, atol=1e-5
    )


def test_weights_match_keras():
    layer = layers.Attention(use_scale=True, score_mode="concat", name="att")
    layer([QUERY, VALUE])
    assert [(w.path, tuple(w.shape)) for w in layer.weights] == [
        ("att/scale", ()),
        ("att/concat_score_weight", ()),
    ]
    assert [float(w) for w in layer.get_weights()] == [1.0, 1.0]
    layer = layers.Attention()
    layer([QUERY, VALUE])
    assert layer.weights == []
    layer = layers.AdditiveAttention(name="add")
    layer([QUERY, VALUE])
    assert [(w.path, tuple(w.shape)) for w in layer.weights] == [("add/scale", (4,))]
    assert np.all(np.abs(layer.get_weights()[0]) <= np.sqrt(6 / 8))


@pytest.mark.parametrize("cls", [layers.Attention, layers.AdditiveAttention])
def test_masks_and_causal(cls):
    layer = cls()
    query_mask = np.array([[1, 1, 0], [1, 0, 1]], bool)
    value_mask = np.array([[1, 1, 1, 0, 0], [1, 0, 1, 1, 1]], bool)
    outputs, scores = layer(
        [QUERY, VALUE], mask=[query_mask, value_mask], return_attention_scores=True
    )
    expected = _reference(layer, QUERY, VALUE, VALUE, query_mask, value_mask)
    np.testing.assert_allclose(_np(outputs), expected[0], rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(_np(scores), expected[1], rtol=1e-5, atol=1e-5)
    assert _np(outputs)[0, 2].tolist() == [0.0] * 4
    np.testing.assert_array_equal(
        _np(layer.compute_mask([QUERY, VALUE], [query_mask, value_mask])), query_mask
    )
    assert layer.compute_mask([QUERY, VALUE], None) is None
    assert layer.compute_mask([QUERY, VALUE], [None, value_mask]) is None
    outputs, scores = layer(
        [QUERY, VALUE],
        mask=[None, value_mask],
        use_causal_mask=True,
        return_attention_scores=True,
    )
    expected = _reference(layer, QUERY, VALUE, VALUE, None, value_mask, causal=True)
    np.testing.assert_allclose(_np(scores), expected[1], rtol=1e-5, atol=1e-5)
    # A fully masked row averages the values uniformly, as in Keras.
    outputs, scores = layer(
        [QUERY, VALUE],
        mask=[None, np.zeros((2, 5), bool)],
        return_attention_scores=True,
    )
    np.testing.assert_allclose(_np(scores), np.full((2, 3, 5), 0.2), atol=1e-6)
    np.testing.assert_allclose(
        _np(outputs)[:, 0], VALUE.mean(axis=1), rtol=1e-5, atol=1e-5
    )


def test_implicit_masks_from_embedding():
    embedding = layers.Embedding(10, 4, mask_zero=True)
    query_ids = np.array([[1, 2, 0], [3, 0, 0]])
    value_ids = np.array([[1, 2, 3, 0, 0], [4, 5, 0, 0, 0]])
    layer = layers.Attention()
    query_in = keras_core.Input((None,), dtype="int32")
    value_in = keras_core.Input((None,), dtype="int32")
    symbolic = layer([embedding(query_in), embedding(value_in)])
    assert symbolic._keras_mask is not None
    model = keras_core.Model([query_in, value_in], symbolic)
    outputs = _np(model([query_ids, value_ids]))
    query, value = (_np(embedding(ids)) for ids in (query_ids, value_ids))
    expected = _reference(layer, query, value, value, query_ids > 0, value_ids > 0)[0]
    np.testing.assert_allclose(outputs, expected, rtol=1e-5, atol=1e-5)


def test_dropout_training_and_inference():
    layer = layers.Attention(dropout=0.5, seed=1)
    _, scores = layer([QUERY, VALUE], return_attention_scores=True, training=False)
    _, dropped = layer([QUERY, VALUE], return_attention_scores=True, training=True)
    scores, dropped = _np(scores), _np(dropped)
    kept = dropped != 0
    assert 0 < kept.mean() < 1
    np.testing.assert_allclose(dropped[kept], 2 * scores[kept], rtol=1e-5)
    outputs = layer([QUERY, VALUE])
    np.testing.assert_allclose(_np(outputs), scores @ VALUE, rtol=1e-5, atol=1e-5)


def test_symbolic_shapes_and_model():
    query_in = keras_core.Input((None, 4))
    value_in = keras_core.Input((7, 6))
    layer = layers.Attention()
    outputs, scores = layer([query_in, value_in], return_attention_scores=True)
    assert outputs.shape == (None, None, 6)
    assert scores.shape == (None, None, 7)
    assert layer.compute_output_shape([(2, 3, 4), (2, 5, 6)]) == (2, 3, 6)
    key = keras_core.Input((7, 4))
    model = keras_core.Model(
        [query_in, value_in, key], layer([query_in, value_in, key])
    )
    eager = model([QUERY, _inputs(2, 7, 6), _inputs(2, 7, 4)])
    assert tuple(eager.shape) == (2, 3, 6)


@pytest.mark.parametrize(
    "cls,kwargs,config",
    [
        (
            layers.Attention,
            {"use_scale": True, "score_mode": "concat", "dropout": 0.1, "seed": 3},
            {"use_scale": True, "score_mode": "concat", "dropout": 0.1, "seed": 3},
        ),
        (
            layers.AdditiveAttention,
            {"use_scale": False, "dropout": 0.2, "seed": 4},
            {"use_scale": False, "dropout": 0.2, "seed": 4},
        ),
    ],
)
def test_config_round_trip(cls, kwargs, config):
    layer = cls(name="att", **kwargs)
    expected = {"name": "att", "trainable": True, "dtype": layer.get_config()["dtype"]}
    assert layer.get_config() == {**expected, **config}
    assert list(layer.get_config()) == [*expected, *config]
    clone = cls.from_config(layer.get_config())
    assert clone.get_config() == layer.get_config()
    serialized = layers.serialize(layer)
    assert serialized["module"] == "keras.layers"
    assert serialized["class_name"] == cls.__name__
    restored = layers.deserialize(serialized)
    assert type(restored) is cls and restored.get_config() == layer.get_config()


def test_errors():
    layer = layers.Attention()
    with pytest.raises(ValueError, match="must be called on a list of inputs"):
        layer(QUERY)
    with pytest.raises(ValueError, match=r"list of length 2 or 3.*Received length: 1"):
        layer([QUERY])
    with pytest.raises(ValueError, match="accepts mask list of length 2 or 3"):
        layer([QUERY, VALUE], mask=[np.ones((2, 3), bool)])
    with pytest.raises(ValueError, match=r"score_mode.*Received: score_mode=foo"):
        layers.Attention(score_mode="foo")
    with pytest.raises(ValueError, match=r"`dropout`.*Received: dropout=1\.5"):
        layers.AdditiveAttention(dropout=1.5)


def test_mixed_precision_and_stateless_call():
    layer = layers.Attention(use_scale=True, dtype="mixed_float16")
    outputs, scores = layer([QUERY, VALUE], return_attention_scores=True)
    assert keras_core.backend.standardize_dtype(outputs.dtype) == "float16"
    assert keras_core.backend.standardize_dtype(scores.dtype) == "float16"
    assert layer.weights[0].dtype == "float32"
    outputs, _ = layer.stateless_call([np.asarray(2.0, "float32")], [], [QUERY, VALUE])
    layer32 = layers.Attention(use_scale=True)
    layer32.build([QUERY.shape, VALUE.shape])
    layer32.set_weights([np.asarray(2.0, "float32")])
    expected = _reference(layer32, QUERY, VALUE, VALUE)[0]
    np.testing.assert_allclose(_np(outputs).astype("float32"), expected, atol=2e-2)


@needs_gradients
@pytest.mark.parametrize(
    "make",
    [
        lambda: layers.Attention(use_scale=True, score_mode="concat"),
        lambda: layers.AdditiveAttention(),
    ],
)
def test_gradients(make):
    assert_gradients_reach_all_weights(make(), [QUERY, VALUE])
