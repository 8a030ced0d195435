"""Tests of `GroupQueryAttention` (weights and behaviour observed in Keras 3.15)."""

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


QUERY = _inputs(2, 3, 4)
VALUE = _inputs(2, 5, 6, seed=1)
KEY = _inputs(2, 5, 6, seed=2)


# On JAX each random initializer compiles once per weight shape, which
# dominated these tests: layers start from zeros and get random weights here.
FAST = {"kernel_initializer": "zeros"}


def _randomized(layer, query_shape=QUERY.shape, value_shape=VALUE.shape):
    layer.build(query_shape, value_shape)
    rng = np.random.default_rng(7)
    layer.set_weights(
        [0.5 * rng.normal(size=w.shape).astype("float32") for w in layer.weights]
    )
    return layer


def _reference(layer, query, value, key=None, mask=None):
    """NumPy grouped-query attention from the layer's weights."""
    key = value if key is None else key
    names = [w.path.split("/")[-2] + "/" + w.name for w in layer.weights]
    weights = dict(zip(names, layer.get_weights(), strict=True))

    def project(name, x):
        y = np.einsum("btd,dnh->btnh", x, weights[f"{name}/kernel"])
        return y + weights.get(f"{name}/bias", 0.0)

    repeats = layer.num_query_heads // layer.num_key_value_heads
    q = project("query", query) / np.sqrt(layer.head_dim)
    # Query head h reads key/value head h // repeats.
    k = np.repeat(project("key", key), repeats, axis=2)
    v = np.repeat(project("value", value), repeats, axis=2)
    logits = np.einsum("btnh,bsnh->bnts", q, k)
    if mask is not None:
        logits = np.where(mask[:, None], logits, -1e9)
    scores = np.exp(logits - logits.max(-1, keepdims=True))
    scores = scores / scores.sum(-1, keepdims=True)
    if mask is not None:
        scores = scores * mask[:, None]
    heads = np.einsum("bnts,bsnh->btnh", scores, v)
    if "gate/kernel" in weights:
        heads = heads / (1 + np.exp(-project("gate", query)))
    outputs = np.einsum("btnh,nhd->btd", heads, weights["attention_output/kernel"])
    return outputs + weights.get("attention_output/bias", 0.0), scores


def _check(actual, expected):
    np.testing.assert_allclose(_np(actual), expected, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize(
    "heads,kwargs",
    [
        ((4, 2), {}),
        ((4, 1), {"bias_initializer": "ones"}),
        ((2, 2), {"use_gate": True, "bias_initializer": "ones"}),
        ((4, 2), {"use_bias": False}),
    ],
)
def test_values_against_numpy(heads, kwargs):
    layer = _randomized(layers.GroupQueryAttention(3, *heads, **FAST, **kwargs))
    outputs, scores = layer(QUERY, VALUE, key=KEY, return_attention_scores=True)
    expected_outputs, expected_scores = _reference(layer, QUERY, VALUE, KEY)
    _check(outputs, expected_outputs)
    _check(scores, expected_scores)
    _check(layer(QUERY, VALUE, key=KEY), expected_outputs)


def test_weights_match_keras():
    layer = layers.GroupQueryAttention(3, 4, 2, use_gate=True, **FAST)
    assert layer.name.startswith("grouped_query_attention")
    layer(QUERY, VALUE)
    prefix = layer.name
    assert [(w.path, tuple(w.shape)) for w in layer.weights] == [
        (f"{prefix}/query/kernel", (4, 4, 3)),
        (f"{prefix}/query/bias", (4, 3)),
        (f"{prefix}/key/kernel", (6, 2, 3)),
        (f"{prefix}/key/bias", (2, 3)),
        (f"{prefix}/gate/kernel", (4, 4, 3)),
        (f"{prefix}/gate/bias", (4, 3)),
        (f"{prefix}/value/kernel", (6, 2, 3)),
        (f"{prefix}/value/bias", (2, 3)),
        (f"{prefix}/attention_output/kernel", (4, 3, 4)),
        (f"{prefix}/attention_output/bias", (4,)),
    ]
    assert layer.num_repeats == 2


def test_masks_causal_and_sliding_window():
    layer = _randomized(
        layers.GroupQueryAttention(2, 4, 2, sliding_window=2, **FAST),
        (2, 3, 4),
        (2, 5, 4),
    )
    query, value = _inputs(2, 3, 4), _inputs(2, 5, 4, seed=1)
    value_mask = np.array([[1, 1, 0, 0, 0], [1, 1, 1, 1, 1]], bool)
    query_mask = np.array([[1, 1, 1], [1, 1, 0]], bool)
    outputs, scores = layer(
        query,
        value,
        query_mask=query_mask,
        value_mask=value_mask,
        use_causal_mask=True,
        return_attention_scores=True,
    )
    offset = np.arange(3)[:, None] - np.arange(5)[None]
    mask = (
        query_mask[:, :, None]
        & value_mask[:, None]
        & ((offset >= 0) & (offset < 2))[None]
    )
    expected_outputs, expected_scores = _reference(layer, query, value, mask=mask)
    _check(scores, expected_scores)
    _check(outputs, expected_outputs)

    embedding = layers.Embedding(10, 4, mask_zero=True)
    query_ids = np.array([[1, 2, 0], [3, 0, 0]])
    value_ids = np.array([[1, 2, 3, 0, 0], [4, 5, 0, 0, 0]])
    layer = _randomized(
        layers.GroupQueryAttention(2, 2, 1, **FAST), (2, 3, 4), (2, 5, 4)
    )
    query_in = keras_core.Input((None,), dtype="int32")
    value_in = keras_core.Input((None,), dtype="int32")
    outputs, scores = layer(
        embedding(query_in), embedding(value_in), return_attention_scores=True
    )
    assert outputs._keras_mask is not None
    model = keras_core.Model([query_in, value_in], scores)
    implicit = (query_ids > 0)[:, :, None] & (value_ids > 0)[:, None]
    np.testing.assert_array_equal(
        _np(model([query_ids, value_ids]))[:, 0] > 0, implicit
    )


def test_symbolic_shapes_and_model():
    layer = _randomized(
        layers.GroupQueryAttention(3, 4, 2, **FAST), (None, None, 4), (None, 7, 6)
    )
    query_in, value_in = keras_core.Input((None, 4)), keras_core.Input((7, 6))
    outputs, scores = layer(query_in, value_in, return_attention_scores=True)
    assert outputs.shape == (None, None, 4)
    assert scores.shape == (None, 4, None, 7)
    assert layer.compute_output_shape((2, 3, 4), (2, 5, 6)) == (2, 3, 4)
    value = _inputs(2, 7, 6)
    model = keras_core.Model([query_in, value_in], outputs)
    _check(model([QUERY, value]), _reference(layer, QUERY, value)[0])


def test_dropout_training_and_inference():
    layer = _randomized(
        layers.GroupQueryAttention(3, 4, 2, dropout=0.5, seed=1, **FAST)
    )
    outputs, scores = layer(QUERY, VALUE, return_attention_scores=True, training=True)
    expected_outputs, expected_scores = _reference(layer, QUERY, VALUE)
    _check(scores, expected_scores)
    assert np.abs(_np(outputs) - expected_outputs).max() > 1e-3
    _check(layer(QUERY, VALUE, training=False), expected_outputs)


def test_config_round_trip_and_serialization():
    layer = layers.GroupQueryAttention(
        3,
        4,
        2,
        dropout=0.1,
        sliding_window=2,
        use_gate=True,
        seed=5,
        name="gqa",
        **FAST,
    )
    config = layer.get_config()
    assert list(config) == [
        "name", "trainable", "dtype", "head_dim", "num_query_heads",
        "num_key_value_heads", "use_bias", "use_gate", "sliding_window",
        "dropout", "kernel_initializer", "bias_initializer",
        "kernel_regularizer", "bias_regularizer", "activity_regularizer",
        "kernel_constraint", "bias_constraint", "seed",
    ]  # fmt: skip
    assert config["head_dim"] == 3 and config["seed"] == 5
    assert config["bias_initializer"]["class_name"] == "Zeros"
    clone = layers.GroupQueryAttention.from_config(config)
    assert clone.get_config() == config
    _randomized(layer)
    serialized = layers.serialize(layer)
    assert serialized["module"] == "keras.layers"
    assert serialized["class_name"] == "GroupQueryAttention"
    restored = layers.deserialize(serialized)
    restored.build(QUERY.shape, VALUE.shape)
    restored.set_weights(layer.get_weights())
    _check(restored(QUERY, VALUE), _np(layer(QUERY, VALUE)))


def test_errors():
    gqa = layers.GroupQueryAttention
    with pytest.raises(ValueError, match="must be divisible by `num_key_value_heads`"):
        gqa(3, 4, 3)
    with pytest.raises(ValueError, match=r"`head_dim`.*Received: head_dim=0"):
        gqa(0, 4, 2)
    with pytest.raises(ValueError, match=r"`num_query_heads`.*num_query_heads=0"):
        gqa(3, 0, 2)
    with pytest.raises(ValueError, match="`sliding_window` must be `None` or a pos"):
        gqa(3, 4, 2, sliding_window=0)
    with pytest.raises(ValueError, match="Dropout is not supported when flash"):
        gqa(3, 4, 2, flash_attention=True, dropout=0.1)
    with pytest.raises(ValueError, match="Returning attention scores is not supp"):
        gqa(3, 4, 2, flash_attention=True)(QUERY, VALUE, return_attention_scores=True)
    with pytest.raises(ValueError, match="except the last one, must be equal"):
        gqa(3, 4, 2)(QUERY, VALUE, key=KEY[:, :4])
    with pytest.raises(ValueError, match=r"expects `query` of rank 3.*\(3, 4\)"):
        gqa(3, 4, 2)(QUERY[0], VALUE[0])


def test_mixed_precision_and_stateless_call():
    layer = layers.GroupQueryAttention(3, 4, 2, dtype="mixed_float16", **FAST)
    outputs, scores = layer(QUERY, VALUE, return_attention_scores=True)
    assert keras_core.backend.standardize_dtype(outputs.dtype) == "float16"
    assert keras_core.backend.standardize_dtype(scores.dtype) == "float16"
    assert all(w.dtype == "float32" for w in layer.weights)
    values = [np.full(w.shape, 0.1, "float32") for w in layer.weights]
    outputs, _ = layer.stateless_call(values, [], QUERY, VALUE)
    reference = layers.GroupQueryAttention(3, 4, 2, **FAST)
    reference.build(QUERY.shape, VALUE.shape)
    reference.set_weights(values)
    np.testing.assert_allclose(
        _np(outputs).astype("float32"),
        _reference(reference, QUERY, VALUE)[0],
        atol=1e-2,
    )


@needs_gradients
def test_gradients():
    layer = _randomized(layers.GroupQueryAttention(3, 4, 2, use_gate=True, **FAST))
    assert_gradients_reach_all_weights(
        layer, QUERY, VALUE, return_attention_scores=True
    )
    assert_gradients_reach_all_weights(layer, QUERY, VALUE)
