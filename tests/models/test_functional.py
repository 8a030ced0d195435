"""Functional models: graphs of layer calls, their configs and errors."""

import json

import numpy as np
import pytest
from layer_fixtures import Linear
from layer_fixtures import MaskedSum
from layer_fixtures import Shift
from layer_fixtures import TrainingProbe
from layer_fixtures import ZeroMask
from layer_fixtures import to_numpy

import keras_core
from keras_core import ops

CUSTOM = {
    "Linear": Linear,
    "ZeroMask": ZeroMask,
    "MaskedSum": MaskedSum,
    "TrainingProbe": TrainingProbe,
}


def two_in_two_out():
    left = keras_core.Input((3,), name="left")
    right = keras_core.Input((3,), name="right")
    shared = Linear(4, name="shared")
    joined = ops.concatenate([shared(left), shared(right)], axis=-1)
    score = Linear(1, name="score")(joined)
    features = Linear(2, name="features")(shared(left))
    return keras_core.Model([left, right], [score, features], name="pair"), shared


def reference_outputs(model, left, right):
    shared_k, shared_b = model.get_layer("shared").get_weights()
    score_k, score_b = model.get_layer("score").get_weights()
    feat_k, feat_b = model.get_layer("features").get_weights()
    a, b = left @ shared_k + shared_b, right @ shared_k + shared_b
    return (
        np.concatenate([a, b], -1) @ score_k + score_b,
        a @ feat_k + feat_b,
    )


def test_two_inputs_two_outputs_and_a_shared_layer():
    model, shared = two_in_two_out()
    assert type(model).__name__ == "Functional"
    assert [layer.name for layer in model.layers] == [
        "left",
        "right",
        "shared",
        "score",
        "features",
    ]
    # The shared layer's weights are counted once.
    assert len(model.weights) == 6
    assert len(shared._inbound_nodes) == 3
    rng = np.random.RandomState(1)
    left = rng.normal(size=(5, 3)).astype("float32")
    right = rng.normal(size=(5, 3)).astype("float32")
    score, features = model([left, right])
    expected_score, expected_features = reference_outputs(model, left, right)
    np.testing.assert_allclose(to_numpy(score), expected_score, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(
        to_numpy(features), expected_features, rtol=1e-5, atol=1e-5
    )
    assert model.output_shape == [(None, 1), (None, 2)]
    assert [t.shape for t in model.outputs] == [(None, 1), (None, 2)]


def test_symbolic_call_of_a_model_and_nesting():
    inner_in = keras_core.Input((4,))
    inner = keras_core.Model(
        inner_in, Linear(3, name="inner_dense")(inner_in), name="inner"
    )
    outer_in = keras_core.Input((4,))
    hidden = inner(outer_in)
    assert hidden.shape == (None, 3)
    outer = keras_core.Model(outer_in, Linear(2)(hidden), name="outer")
    x = np.ones((2, 4), "float32")
    inner_k, inner_b = inner.get_weights()
    out_k, out_b = outer.layers[-1].get_weights()
    np.testing.assert_allclose(
        to_numpy(outer(x)), (x @ inner_k + inner_b) @ out_k + out_b, rtol=1e-5
    )
    assert len(outer.weights) == 4
    # Feature extraction from an inner layer's output.
    extractor = keras_core.Model(inner.input, inner.get_layer("inner_dense").output)
    np.testing.assert_allclose(to_numpy(extractor(x)), x @ inner_k + inner_b, rtol=1e-5)


def test_dict_inputs_and_outputs():
    inputs = {
        "a": keras_core.Input((2,), name="a"),
        "b": keras_core.Input((2,), name="b"),
    }
    total = ops.add(inputs["a"], inputs["b"])
    model = keras_core.Model(inputs, {"sum": total, "double": total * 2.0})
    result = model(
        {"b": np.ones((1, 2), "float32"), "a": np.full((1, 2), 2.0, "float32")}
    )
    np.testing.assert_allclose(to_numpy(result["sum"]), [[3.0, 3.0]])
    np.testing.assert_allclose(to_numpy(result["double"]), [[6.0, 6.0]])
    with pytest.raises(ValueError, match="missing inputs"):
        model({"a": np.ones((1, 2), "float32")})


def test_masks_flow_through_the_graph():
    inputs = keras_core.Input((3, 2))
    outputs = MaskedSum()(Shift()(ZeroMask()(inputs)))
    model = keras_core.Model(inputs, outputs)
    x = np.array([[[1.0, 2.0], [0.0, 0.0], [3.0, 1.0]]], "float32")
    # The all-zero step is masked out after Shift made it non-zero.
    np.testing.assert_allclose(to_numpy(model(x)), [[6.0, 5.0]])
    assert outputs.shape == (None, 2)


def test_training_argument_reaches_layers_in_the_graph():
    inputs = keras_core.Input((2,))
    probe = TrainingProbe()
    model = keras_core.Model(inputs, probe(inputs))
    model(np.ones((1, 2), "float32"), training=True)
    model(np.ones((1, 2), "float32"))
    assert probe.seen[-2:] == [True, None]


def test_config_round_trip_and_json():
    model, _ = two_in_two_out()
    config = model.get_config()
    assert config["input_layers"] == [["left", 0, 0], ["right", 0, 0]]
    assert config["output_layers"] == [["score", 0, 0], ["features", 0, 0]]
    shared_nodes = next(c for c in config["layers"] if c["name"] == "shared")
    # Called on `left` twice and on `right` once.
    assert len(shared_nodes["inbound_nodes"]) == 3
    restored = keras_core.Model.from_config(config, custom_objects=CUSTOM)
    assert [layer.name for layer in restored.layers] == [
        layer.name for layer in model.layers
    ]
    restored.set_weights(model.get_weights())
    x = [np.ones((2, 3), "float32"), np.zeros((2, 3), "float32")]
    for expected, actual in zip(model(x), restored(x), strict=True):
        np.testing.assert_allclose(to_numpy(actual), to_numpy(expected), rtol=1e-6)
    text = model.to_json()
    assert json.loads(text)["class_name"] == "Functional"
    from_json = keras_core.models.model_from_json(text, custom_objects=CUSTOM)
    assert len(from_json.weights) == 6


def test_graph_disconnected_and_bad_inputs_errors():
    a = keras_core.Input((3,), name="a")
    b = keras_core.Input((3,), name="b")
    with pytest.raises(ValueError, match=r"Graph disconnected.*'b'"):
        keras_core.Model(a, Linear(1)(ops.add(a, b)))
    with pytest.raises(ValueError, match="must be KerasTensors"):
        keras_core.Model(a, np.ones(3))
    model = keras_core.Model(a, Linear(1)(a))
    with pytest.raises(ValueError, match="expects 1 input"):
        model([np.ones((1, 3)), np.ones((1, 3))])


def test_functional_subclass_keeps_its_methods():
    class WithExtra(keras_core.Model):
        def __init__(self):
            inputs = keras_core.Input((2,))
            super().__init__(inputs=inputs, outputs=Linear(1)(inputs))

        def double_call(self, x):
            return self(x) * 2.0

    model = WithExtra()
    assert isinstance(model, keras_core.Model) and type(model).__name__ == "WithExtra"
    assert model.double_call(np.ones((1, 2), "float32")).shape == (1, 1)
    assert len(model.weights) == 2


KERAS_WRITTEN_CONFIG = {
    "name": "ops_model",
    "trainable": True,
    "layers": [
        {
            "module": "keras.layers",
            "class_name": "InputLayer",
            "config": {
                "batch_shape": [None, 3],
                "dtype": "float32",
                "sparse": False,
                "ragged": False,
                "name": "a",
                "optional": False,
            },
            "registered_name": None,
            "name": "a",
            "inbound_nodes": [],
        },
        {
            "module": "keras.src.ops.numpy",
            "class_name": "Multiply",
            "config": {"name": "multiply"},
            "registered_name": "Multiply",
            "name": "multiply",
            "inbound_nodes": [
                {
                    "args": [
                        {
                            "class_name": "__keras_tensor__",
                            "config": {
                                "shape": [None, 3],
                                "dtype": "float32",
                                "keras_history": ["a", 0, 0],
                            },
                        },
                        2.0,
                    ],
                    "kwargs": {},
                }
            ],
        },
        {
            "module": "keras.src.ops.numpy",
            "class_name": "Concatenate",
            "config": {"name": "concatenate", "axis": -1},
            "registered_name": "Concatenate",
            "name": "concatenate",
            "inbound_nodes": [
                {
                    "args": [
                        [
                            {
                                "class_name": "__keras_tensor__",
                                "config": {
                                    "shape": [None, 3],
                                    "dtype": "float32",
                                    "keras_history": ["a", 0, 0],
                                },
                            },
                            {
                                "class_name": "__keras_tensor__",
                                "config": {
                                    "shape": [None, 3],
                                    "dtype": "float32",
                                    "keras_history": ["multiply", 0, 0],
                                },
                            },
                        ]
                    ],
                    "kwargs": {},
                }
            ],
        },
    ],
    "input_layers": ["a", 0, 0],
    "output_layers": ["concatenate", 0, 0],
}


def test_reads_a_keras_written_config_with_ops():
    model = keras_core.Model.from_config(KERAS_WRITTEN_CONFIG)
    x = np.array([[1.0, 2.0, 3.0]], "float32")
    np.testing.assert_allclose(to_numpy(model(x)), [[1.0, 2.0, 3.0, 2.0, 4.0, 6.0]])
    # Written back in the same layout.
    config = model.get_config()
    op_records = [c for c in config["layers"] if c["module"] == "keras.src.ops.numpy"]
    assert [c["class_name"] for c in op_records] == ["Multiply", "Concatenate"]
    assert op_records[1]["config"]["axis"] == -1
    again = keras_core.Model.from_config(config)
    np.testing.assert_allclose(to_numpy(again(x)), to_numpy(model(x)))


def test_unknown_classes_are_refused():
    config = {
        "module": "os",
        "class_name": "system",
        "config": {"command": "true"},
        "registered_name": None,
    }
    from keras_core._src.saving import serialization_lib

    with pytest.raises(TypeError, match="Could not locate"):
        serialization_lib.deserialize_keras_object(config)


def test_embedding_mask_zero_flows_through_a_model():
    tokens = keras_core.Input((4,), dtype="int32")
    embedding = keras_core.layers.Embedding(6, 2, mask_zero=True)
    outputs = MaskedSum()(Shift()(embedding(tokens)))
    model = keras_core.Model(tokens, outputs)
    ids = np.array([[1, 0, 3, 0], [0, 0, 2, 5]], "int32")
    table = embedding.get_weights()[0]
    keep = (ids != 0)[..., None]
    expected = np.sum((table[ids] + 1.0) * keep, axis=1)
    for _ in range(2):  # the second call goes through the cached paths
        np.testing.assert_allclose(to_numpy(model(ids)), expected, rtol=1e-5)
    sequential = keras_core.Sequential([tokens, embedding, Shift(), MaskedSum()])
    np.testing.assert_allclose(to_numpy(sequential(ids)), expected, rtol=1e-5)


def test_layers_are_ordered_by_depth_as_in_keras():
    x = keras_core.Input((2,), name="x")
    d1 = Linear(2, name="d1")
    d2 = Linear(2, name="d2")
    d3 = Linear(2, name="d3")
    deep = d2(d1(x))
    shallow = d3(x)
    model = keras_core.Model(x, [shallow, deep])
    assert [layer.name for layer in model.layers] == ["x", "d1", "d3", "d2"]
    np.testing.assert_allclose(
        to_numpy(model(np.ones((1, 2), "float32"))[1]),
        to_numpy(d2(d1(np.ones((1, 2), "float32")))),
    )
