"""Tests of `MultiHeadAttention` (weights and behaviour observed in Keras 3.15)."""

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
    """NumPy multi-head attention from the layer's weights (3D inputs)."""
    key = value if key is None else key
    names = [w.path.split("/")[-2] + "/" + w.name for w in layer.weights]
    weights = dict(zip(names, layer.get_weights(), strict=True))

    def project(name, x):
        y = np.einsum("btd,dnh->btnh", x, weights[f"{name}/kernel"])
        return y + weights.get(f"{name}/bias", 0.0)

    q = project("query", query) / np.sqrt(layer.key_dim)
    k, v = project("key", key), project("value", value)
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
    kernel = weights["attention_output/kernel"]
    outputs = np.einsum("btnh,nh...->bt...", heads, kernel)
    return outputs + weights.get("attention_output/bias", 0.0), scores


def _check(actual, expected):
    np.testing.assert_allclose(_np(actual), expected, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"value_dim": 5, "output_shape": 7},
        {"use_bias": False, "use_gate": True, "bias_initializer": "ones"},
        {"output_shape": (2, 7), "bias_initializer": "ones"},
    ],
)
def test_values_against_numpy(kwargs):
    layer = _randomized(layers.MultiHeadAttention(2, 3, **FAST, **kwargs))
    outputs, scores = layer(QUERY, VALUE, key=KEY, return_attention_scores=True)
    expected_outputs, expected_scores = _reference(layer, QUERY, VALUE, KEY)
    _check(outputs, expected_outputs)
    _check(scores, expected_scores)
    # The fused path (`ops.dot_product_attention`) computes the same.
    _check(layer(QUERY, VALUE, key=KEY), expected_outputs)


def test_weights_match_keras():
    layer = layers.MultiHeadAttention(
        2, 3, value_dim=5, use_gate=True, name="mha", **FAST
    )
    layer(QUERY, VALUE)
    assert [(w.path, tuple(w.shape)) for w in layer.weights] == [
        ("mha/query/kernel", (4, 2, 3)),
        ("mha/query/bias", (2, 3)),
        ("mha/key/kernel", (6, 2, 3)),
        ("mha/key/bias", (2, 3)),
        ("mha/gate/kernel", (4, 2, 5)),
        ("mha/gate/bias", (2, 5)),
        ("mha/value/kernel", (6, 2, 5)),
        ("mha/value/bias", (2, 5)),
        ("mha/attention_output/kernel", (2, 5, 4)),
        ("mha/attention_output/bias", (4,)),
    ]
    assert layer.query_dense.equation == "abc,cde->abde"
    assert layer.output_dense.equation == "abcd,cde->abe"
    assert isinstance(layer.key_dense, layers.EinsumDense)
    assert layer.value_dense.name == "value"
    layer = layers.MultiHeadAttention(2, 3, use_bias=False, output_shape=(2, 7), **FAST)
    layer(QUERY, VALUE)
    assert [tuple(w.shape) for w in layer.weights] == [
        (4, 2, 3),
        (6, 2, 3),
        (6, 2, 3),
        (2, 3, 2, 7),
    ]


def test_masks_explicit_implicit_and_causal():
    layer = _randomized(layers.MultiHeadAttention(1, 2, **FAST))
    query_mask = np.array([[1, 1, 0], [1, 1, 1]], bool)
    value_mask = np.array([[0, 0, 0, 0, 0], [1, 1, 0, 1, 1]], bool)
    key_mask = np.array([[1, 1, 1, 1, 0], [1, 1, 1, 1, 1]], bool)
    attention_mask = np.ones((2, 3, 5), bool)
    attention_mask[1, 0] = False
    mask = (
        query_mask[:, :, None]
        & value_mask[:, None]
        & key_mask[:, None]
        & attention_mask
    )
    outputs, scores = layer(
        QUERY,
        VALUE,
        query_mask=query_mask,
        value_mask=value_mask,
        key_mask=key_mask,
        attention_mask=attention_mask,
        return_attention_scores=True,
    )
    expected_outputs, expected_scores = _reference(layer, QUERY, VALUE, mask=mask)
    _check(scores, expected_scores)
    _check(outputs, expected_outputs)
    # Keras's scores are zero on fully masked rows (batch 0 here).
    assert not _np(scores)[0].any()
    causal = np.tril(np.ones((3, 3), bool))[None]
    _, scores = layer(
        QUERY,
        _inputs(2, 3, 6),
        use_causal_mask=True,
        return_attention_scores=True,
    )
    assert np.array_equal(_np(scores)[:, 0] > 0, np.broadcast_to(causal, (2, 3, 3)))

    embedding = layers.Embedding(10, 6, mask_zero=True)
    query_ids = np.array([[1, 2, 0], [3, 0, 0]])
    value_ids = np.array([[1, 2, 3, 0, 0], [4, 5, 0, 0, 0]])
    # Explicit masks take precedence over the implicit mask of that tensor.
    explicit_value = np.array([[0, 1, 1, 1, 1], [1, 1, 1, 1, 1]], bool)
    layer = _randomized(layers.MultiHeadAttention(1, 2, **FAST), (2, 3, 6), (2, 5, 6))
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
    mask_in = keras_core.Input((None,), dtype="bool")
    scores = layer(
        embedding(query_in),
        embedding(value_in),
        value_mask=mask_in,
        return_attention_scores=True,
    )[1]
    model = keras_core.Model([query_in, value_in, mask_in], scores)
    scores = model([query_ids, value_ids, explicit_value])
    expected = (query_ids > 0)[:, :, None] & explicit_value[:, None]
    np.testing.assert_array_equal(_np(scores)[:, 0] > 0, expected)


@pytest.mark.parametrize("causal", [False, True])
def test_sliding_window(causal):
    layer = _randomized(
        layers.MultiHeadAttention(1, 2, sliding_window=2, **FAST), (1, 5, 4), (1, 3, 4)
    )
    query, value = _inputs(1, 5, 4), _inputs(1, 3, 4, seed=1)
    _, scores = layer(
        query, value, use_causal_mask=causal, return_attention_scores=True
    )
    offset = np.arange(5)[:, None] - np.arange(3)[None]
    expected = np.abs(offset) < 2
    if causal:
        expected &= offset >= 0
    np.testing.assert_array_equal(_np(scores)[0, 0] > 0, expected)


def test_attention_axes_4d():
    x = _inputs(2, 3, 5, 4)
    layer = _randomized(layers.MultiHeadAttention(2, 3, **FAST), x.shape, x.shape)
    outputs, scores = layer(x, x, return_attention_scores=True)
    assert tuple(outputs.shape) == (2, 3, 5, 4)
    assert tuple(scores.shape) == (2, 2, 3, 5, 3, 5)
    assert layer.attention_axes == (1, 2)
    assert layer.query_dense.equation == "abcd,def->abcef"
    assert layer.output_dense.equation == "abcde,def->abcf"
    np.testing.assert_allclose(_np(scores).sum(axis=(-2, -1)), 1.0, rtol=1e-5)
    layer = _randomized(
        layers.MultiHeadAttention(2, 3, attention_axes=-2, **FAST),
        x.shape,
        x[:, :, :2].shape,
    )
    value = x[:, :, :2]
    outputs, scores = layer(x, value, return_attention_scores=True)
    assert layer.attention_axes == (2,)
    assert tuple(scores.shape) == (2, 3, 2, 5, 2)
    # Each slice along axis 1 is an independent 3D attention.
    weights = layer.get_weights()
    reference = layers.MultiHeadAttention(2, 3, **FAST)
    reference.build(x[:, 0].shape, value[:, 0].shape)
    reference.set_weights(weights)
    expected, expected_scores = _reference(reference, x[:, 1], value[:, 1])
    _check(outputs[:, 1], expected)
    _check(scores[:, 1], expected_scores)
    symbolic = layer(
        keras_core.Input((3, None, 4)),
        keras_core.Input((3, 2, 4)),
        return_attention_scores=True,
    )
    assert symbolic[1].shape == (None, 3, 2, None, 2)


def test_symbolic_shapes_and_model():
    layer = _randomized(
        layers.MultiHeadAttention(2, 3, **FAST), (None, None, 4), (None, 7, 6)
    )
    query_in, value_in = keras_core.Input((None, 4)), keras_core.Input((7, 6))
    outputs, scores = layer(query_in, value_in, return_attention_scores=True)
    assert outputs.shape == (None, None, 4)
    assert scores.shape == (None, 2, None, 7)
    assert layer.compute_output_shape((2, 3, 4), (2, 5, 6)) == (2, 3, 4)
    model = keras_core.Model([query_in, value_in], outputs)
    eager = model([QUERY, _inputs(2, 7, 6)])
    assert tuple(eager.shape) == (2, 3, 4)
    _check(eager, _reference(layer, QUERY, _inputs(2, 7, 6))[0])


def test_dropout_training_and_inference():
    layer = _randomized(layers.MultiHeadAttention(2, 3, dropout=0.5, seed=1, **FAST))
    outputs, scores = layer(QUERY, VALUE, return_attention_scores=True, training=True)
    expected_outputs, expected_scores = _reference(layer, QUERY, VALUE)
    # Returned scores are the ones before dropout, as in Keras.
    _check(scores, expected_scores)
    assert np.abs(_np(outputs) - expected_outputs).max() > 1e-3
    _check(layer(QUERY, VALUE, training=False), expected_outputs)


def test_config_round_trip_and_serialization():
    layer = layers.MultiHeadAttention(
        2,
        3,
        value_dim=4,
        dropout=0.1,
        output_shape=5,
        attention_axes=1,
        sliding_window=3,
        kernel_regularizer="l2",
        use_gate=True,
        seed=7,
        name="mha",
        **FAST,
    )
    default = layers.MultiHeadAttention(2, 3).get_config()
    assert default["kernel_initializer"]["class_name"] == "GlorotUniform"
    config = layer.get_config()
    assert list(config) == [
        "name", "trainable", "dtype", "num_heads", "key_dim", "value_dim",
        "dropout", "use_bias", "use_gate", "output_shape", "attention_axes",
        "sliding_window", "kernel_initializer", "bias_initializer",
        "kernel_regularizer", "bias_regularizer", "activity_regularizer",
        "kernel_constraint", "bias_constraint", "seed",
    ]  # fmt: skip
    assert config["output_shape"] == (5,)
    assert config["attention_axes"] == (1,)
    assert config["value_dim"] == 4 and config["seed"] == 7
    assert config["kernel_regularizer"]["class_name"] == "L2"
    assert layers.MultiHeadAttention(2, 3).get_config()["value_dim"] == 3
    clone = layers.MultiHeadAttention.from_config(config)
    assert clone.get_config() == config
    _randomized(layer)
    serialized = layers.serialize(layer)
    assert serialized["module"] == "keras.layers"
    assert serialized["class_name"] == "MultiHeadAttention"
    restored = layers.deserialize(serialized)
    assert restored.get_config() == layer.get_config()
    restored.build(QUERY.shape, VALUE.shape)
    restored.set_weights(layer.get_weights())
    _check(restored(QUERY, VALUE), _np(layer(QUERY, VALUE)))
    assert len(layer.losses) == 5  # l2 on the five kernels


def test_errors():
    mha = layers.MultiHeadAttention
    with pytest.raises(ValueError, match=r"`num_heads`.*Received: num_heads=0"):
        mha(0, 3)
    with pytest.raises(ValueError, match=r"`key_dim`.*Received: key_dim=0"):
        mha(2, 0)
    with pytest.raises(ValueError, match=r"`num_heads`.*num_heads=2\.5"):
        mha(2.5, 3)
    with pytest.raises(ValueError, match="`sliding_window` must be `None` or a pos"):
        mha(2, 3, sliding_window=0)
    with pytest.raises(ValueError, match="Dropout is not supported when flash"):
        mha(2, 3, flash_attention=True, dropout=0.1)
    with pytest.raises(ValueError, match="Returning attention scores is not supp"):
        mha(2, 3, flash_attention=True)(QUERY, VALUE, return_attention_scores=True)
    with pytest.raises(ValueError, match="except the last one, must be equal"):
        mha(2, 3)(QUERY, VALUE, key=KEY[:, :4])
    with pytest.raises(ValueError, match="attention axis 5 is out of range"):
        mha(2, 3, attention_axes=5)(QUERY, VALUE)


def test_mixed_precision_and_stateless_call():
    layer = layers.MultiHeadAttention(2, 3, dtype="mixed_float16", **FAST)
    outputs, scores = layer(QUERY, VALUE, return_attention_scores=True)
    assert keras_core.backend.standardize_dtype(outputs.dtype) == "float16"
    assert keras_core.backend.standardize_dtype(scores.dtype) == "float16"
    assert all(w.dtype == "float32" for w in layer.weights)
    values = [np.full(w.shape, 0.1, "float32") for w in layer.weights]
    outputs, _ = layer.stateless_call(values, [], QUERY, VALUE)
    reference = layers.MultiHeadAttention(2, 3, **FAST)
    reference.build(QUERY.shape, VALUE.shape)
    reference.set_weights(values)
    np.testing.assert_allclose(
        _np(outputs).astype("float32"),
        _reference(reference, QUERY, VALUE)[0],
        atol=1e-2,
    )


@needs_gradients
def test_gradients():
    layer = _randomized(layers.MultiHeadAttention(2, 3, use_gate=True, **FAST))
    assert_gradients_reach_all_weights(
        layer, QUERY, VALUE, return_attention_scores=True
    )
    assert_gradients_reach_all_weights(layer, QUERY, VALUE)
