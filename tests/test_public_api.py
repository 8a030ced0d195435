"""The public namespaces match the Keras 3.15 reference, name for name."""

import inspect
import json
import os
import pathlib

import pytest

import keras_core

REFERENCE = (
    pathlib.Path(__file__).resolve().parents[2] / "shared" / "api" / "keras-3.15.1.json"
)
# Namespaces this package provides completely so far.
COMPLETE_NAMESPACES = ("keras.config", "keras.backend", "keras.tree")


def _reference():
    if not REFERENCE.exists():
        pytest.skip(f"the Keras API reference is not beside the checkout: {REFERENCE}")
    with open(REFERENCE) as f:
        return json.load(f)


def _parameters(signature):
    namespace = {}
    exec(f"def f{signature}: pass", namespace)
    return [
        (p.name, p.kind, p.default)
        for p in inspect.signature(namespace["f"]).parameters.values()
        if p.name not in ("self", "cls")
    ]


@pytest.mark.parametrize("namespace", COMPLETE_NAMESPACES)
def test_namespace_is_complete_with_matching_signatures(namespace):
    import importlib

    module = importlib.import_module("keras_core" + namespace[len("keras") :])
    problems = []
    for name, info in _reference()["namespaces"][namespace].items():
        if not hasattr(module, name):
            problems.append(f"missing {name}")
            continue
        if info.get("kind") == "function":
            actual = [
                (p.name, p.kind, p.default)
                for p in inspect.signature(getattr(module, name)).parameters.values()
            ]
            if actual != _parameters(info["signature"]):
                problems.append(f"{name}: expected {info['signature']}")
    assert not problems, problems


def test_top_level_names_of_this_issue():
    for name in (
        "Variable",
        "KerasTensor",
        "Input",
        "name_scope",
        "StatelessScope",
        "SymbolicScope",
        "device",
        "version",
        "DTypePolicy",
        "FloatDTypePolicy",
    ):
        assert hasattr(keras_core, name), name
    assert keras_core.version() == keras_core.__version__
    reference = _reference()["namespaces"]["keras"]
    for name in ("Variable", "KerasTensor", "StatelessScope", "name_scope"):
        expected = _parameters(reference[name]["signature"])
        init = inspect.signature(getattr(keras_core, name).__init__)
        actual = [
            (p.name, p.kind, p.default)
            for p in init.parameters.values()
            if p.name != "self"
        ]
        assert actual == expected, name


def test_variable_members_match_reference():
    members = _reference()["classes"]["keras.Variable"]["members"]
    for member in members:
        assert hasattr(keras_core.Variable, member["name"]), member["name"]


def test_keras_tensor_members_match_reference():
    members = _reference()["classes"]["keras.KerasTensor"]["members"]
    for member in members:
        assert hasattr(keras_core.KerasTensor, member["name"]), member["name"]


def test_version_is_a_release_string():
    parts = keras_core.__version__.split(".")
    assert len(parts) == 3 and all(part.isdigit() for part in parts)
    assert os.path.basename(os.path.dirname(keras_core.__file__)) == "keras_core"
