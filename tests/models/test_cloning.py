"""Tests of `keras_core.models.clone_model` (behaviour observed in Keras 3.15)."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops
from keras_core._src.models.cloning import clone_model
from keras_core._src.models.functional import Functional


def _to_numpy(value):
    return np.asarray(ops.convert_to_numpy(value))


def _sequential():
    return keras_core.Sequential(
        [
            keras_core.Input((4,), name="in_seq"),
            layers.Dense(3, name="d0"),
            layers.Dense(2, name="out"),
        ],
        name="seq",
    )


def _functional():
    a = keras_core.Input((4,), name="a")
    b = keras_core.Input((4,), name="b")
    shared = layers.Dense(3, name="shared")
    added = layers.Add(name="add_l")([shared(a), shared(b)])
    outputs = {"s": added, "h": layers.Dense(1, name="head")(added)}
    return keras_core.Model([a, b], outputs, name="func")


class Sub(keras_core.Model):
    def __init__(self, units=2, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.dense = layers.Dense(units)

    def call(self, inputs):
        return self.dense(inputs)

    def get_config(self):
        return {"units": self.units, "name": self.name}


def _assert_fresh_weights(original, clone, same_paths=True):
    assert len(original.weights) == len(clone.weights)
    for old, new in zip(original.weights, clone.weights, strict=True):
        assert old is not new and old.shape == new.shape
        assert old.path == new.path or not same_paths


def test_sequential_clone_has_new_layers_and_weights():
    model = _sequential()
    clone = clone_model(model)
    assert type(clone) is keras_core.Sequential
    assert clone.name == "seq" and clone.built
    assert [layer.name for layer in clone.layers] == ["d0", "out"]
    assert clone.inputs[0].name == "in_seq"
    assert all(
        new is not old for new, old in zip(clone.layers, model.layers, strict=True)
    )
    _assert_fresh_weights(model, clone)
    # Same function once the weights are copied; weights are not shared.
    clone.set_weights(model.get_weights())
    x = np.random.RandomState(0).normal(size=(2, 4)).astype("float32")
    np.testing.assert_allclose(_to_numpy(clone(x)), _to_numpy(model(x)), rtol=1e-6)
    clone.weights[0].assign(np.zeros((4, 3), "float32"))
    assert not np.allclose(_to_numpy(model.weights[0]), 0.0)


def test_unbuilt_sequential_stays_unbuilt():
    model = keras_core.Sequential([layers.Dense(3, name="u1")], name="u")
    clone = clone_model(model)
    assert not clone.built and [layer.name for layer in clone.layers] == ["u1"]


def test_clone_function_is_applied_to_each_layer():
    model = _sequential()
    seen = []

    def clone_function(layer):
        seen.append(layer.name)
        return layer

    clone = clone_model(model, clone_function=clone_function)
    assert seen == ["d0", "out"]
    assert clone.layers[0] is model.layers[0]


def test_sequential_input_tensors():
    model = _sequential()
    new_input = keras_core.Input((4,), name="newin")
    assert clone_model(model, input_tensors=new_input).inputs[0] is new_input
    listed = keras_core.Input((4,), name="newin2")
    assert clone_model(model, input_tensors=[listed]).inputs[0] is listed


def test_functional_clone_keeps_structure_and_sharing():
    model = _functional()
    clone = clone_model(model)
    assert type(clone) is Functional and clone.name == "func"
    assert [layer.name for layer in clone.layers] == [
        "a",
        "b",
        "shared",
        "add_l",
        "head",
    ]
    assert [tensor.name for tensor in clone.inputs] == ["a", "b"]
    assert set(clone.output) == {"s", "h"}
    assert len(clone.get_layer("shared")._inbound_nodes) == 2
    _assert_fresh_weights(model, clone)
    clone.set_weights(model.get_weights())
    x = [np.ones((2, 4), "float32"), np.full((2, 4), 2.0, "float32")]
    expected, got = model(x), clone(x)
    for key in ("s", "h"):
        np.testing.assert_allclose(
            _to_numpy(got[key]), _to_numpy(expected[key]), rtol=1e-6
        )


def test_functional_input_tensors():
    model = _functional()
    new_a = keras_core.Input((4,), name="na")
    new_b = keras_core.Input((4,), name="nb")
    clone = clone_model(model, input_tensors=[new_a, new_b])
    assert clone.inputs[0] is new_a and clone.inputs[1] is new_b


def test_call_function_inserts_layers():
    model = _functional()

    def call_function(layer, *args, **kwargs):
        outputs = layer(*args, **kwargs)
        if isinstance(layer, layers.Dense):
            outputs = layers.Dropout(0.5)(outputs)
        return outputs

    clone = clone_model(
        model, clone_function=lambda layer: layer, call_function=call_function
    )
    names = [type(layer).__name__ for layer in clone.layers]
    assert names.count("Dropout") == 3
    assert clone.get_layer("shared") is model.get_layer("shared")


def test_ops_in_functional_models_are_replayed():
    a = keras_core.Input((4,), name="a")
    b = keras_core.Input((4,), name="b")
    model = keras_core.Model([a, b], layers.Dense(2, name="dd")(ops.add(a, b) * 2.0))
    clone = clone_model(model)
    clone.set_weights(model.get_weights())
    x = [np.ones((2, 4), "float32"), np.ones((2, 4), "float32")]
    np.testing.assert_allclose(_to_numpy(clone(x)), _to_numpy(model(x)), rtol=1e-6)


def _nested():
    inner = keras_core.Sequential(
        [keras_core.Input((3,)), layers.Dense(4, name="i1")], name="inner"
    )
    inputs = keras_core.Input((3,), name="xi")
    outputs = layers.Dense(1, name="top")(inner(inputs))
    return inner, keras_core.Model(inputs, outputs, name="outer")


@pytest.mark.parametrize(
    "recursive, expected", [(False, ["inner", "top"]), (True, ["i1", "top"])]
)
def test_recursive(recursive, expected):
    inner, model = _nested()
    seen = []

    def clone_function(layer):
        seen.append(layer.name)
        return layer.__class__.from_config(layer.get_config())

    clone = clone_model(model, clone_function=clone_function, recursive=recursive)
    assert seen == expected
    cloned_inner = clone.get_layer("inner")
    assert cloned_inner is not inner and cloned_inner.built
    assert cloned_inner.layers[0] is not inner.layers[0]


def test_recursive_passes_call_function_to_functional_models():
    inner_input = keras_core.Input((3,), name="ia")
    inner = keras_core.Model(
        inner_input, layers.Dense(3, name="idense")(inner_input), name="innf"
    )
    inputs = keras_core.Input((3,), name="xo")
    model = keras_core.Model(inputs, inner(inputs), name="of")
    calls = []

    def call_function(layer, *args, **kwargs):
        calls.append(layer.name)
        return layer(*args, **kwargs)

    clone_model(model, call_function=call_function, recursive=True)
    assert calls == ["idense", "innf"]


def test_subclassed_model_is_recreated_from_config():
    model = Sub(units=3, name="subm")
    model(np.ones((1, 2), "float32"))
    clone = clone_model(model)
    assert type(clone) is Sub and clone.name == "subm" and clone.units == 3
    assert clone.built
    # The inner Dense is named automatically, so its weight paths differ.
    _assert_fresh_weights(model, clone, same_paths=False)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (
            {"clone_function": lambda layer: layer},
            "only supported for Sequential models",
        ),
        ({"input_tensors": "x"}, "only supported for Sequential models"),
        (
            {"call_function": lambda layer, *a, **k: layer(*a, **k)},
            "`call_function` is only supported for Functional",
        ),
        ({"units": 5}, r"Unexpected keyword argument\(s\): \('units',\)"),
    ],
)
def test_subclassed_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        clone_model(Sub(name="subm"), **kwargs)


def test_errors():
    model = _sequential()
    with pytest.raises(ValueError, match="not supported with Sequential"):
        clone_model(model, call_function=lambda layer, *a, **k: layer(*a, **k))
    two = [keras_core.Input((4,)), keras_core.Input((4,))]
    with pytest.raises(ValueError, match="must contain a single tensor"):
        clone_model(model, input_tensors=two)
    with pytest.raises(ValueError, match="must be a KerasTensor"):
        clone_model(model, input_tensors=np.ones((2, 4)))
    with pytest.raises(TypeError, match="`clone_function` must be a callable"):
        clone_model(model, clone_function=3)
    with pytest.raises(ValueError, match="must return a keras_core Layer"):
        clone_model(model, clone_function=lambda layer: 3)
    functional = _functional()
    with pytest.raises(ValueError, match=r"same structure as model\.input"):
        clone_model(functional, input_tensors=[keras_core.Input((4,))])
    with pytest.raises(ValueError, match=r"same structure as model\.input"):
        clone_model(functional, input_tensors={"a": two[0], "b": two[1]})
    with pytest.raises(ValueError, match="must be KerasTensors"):
        clone_model(functional, input_tensors=[np.ones((1, 4)), two[1]])


def test_public_name():
    from keras_core._src.api_export import public_location

    assert public_location(clone_model) == ("keras.models", "clone_model")
