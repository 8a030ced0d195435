"""The active backend provides every function of the backend protocol.

A function may instead be listed, with a reason, in the backend's
`known_gaps.json` ("namespace.name": "reason"); it must then raise a
NotImplementedError that names the backend and the function.
"""

import importlib
import inspect
import json
import os
import pathlib
import re

import pytest

import keras_core
from keras_core._src.backend import protocol
from keras_core._src.backend.common import variables
from keras_core._src.ops import op_definition

BACKEND = keras_core.config.backend()
PACKAGE = importlib.import_module(f"keras_core._src.backend.{BACKEND}")
GAPS_PATH = os.path.join(os.path.dirname(PACKAGE.__file__), "known_gaps.json")
with open(GAPS_PATH) as f:
    KNOWN_GAPS = json.load(f)
ENTRIES = [
    (namespace, name, signature)
    for namespace, functions in protocol.PROTOCOL.items()
    for name, signature in functions.items()
]


@pytest.mark.parametrize("namespace, name, signature", ENTRIES)
def test_backend_provides_protocol_entry(namespace, name, signature):
    module = importlib.import_module(f"keras_core._src.backend.{BACKEND}.{namespace}")
    provided = getattr(module, name, None)
    key = f"{namespace}.{name}"
    assert provided is not None, f"{BACKEND} backend lacks {key}"
    if key in KNOWN_GAPS:
        assert KNOWN_GAPS[key].strip(), f"the gap {key} needs a reason"
        with pytest.raises(NotImplementedError, match=f"{BACKEND}.*{name}"):
            provided()
        return
    if signature == "class":
        assert issubclass(provided, variables.Variable)
    else:
        assert str(inspect.signature(provided)) == signature


OP_ENTRIES = [
    (namespace, definition)
    for namespace, definitions in op_definition.REGISTRY.items()
    for definition in definitions.values()
]


@pytest.mark.parametrize(
    "namespace, definition",
    OP_ENTRIES,
    ids=[f"{n}.{d.name}" for n, d in OP_ENTRIES],
)
def test_backend_provides_every_declared_op(namespace, definition):
    """Each op declared in ops/ has a same-named backend function."""
    table = importlib.import_module(f"keras_core._src.backend.{BACKEND}.{namespace}")
    provided = getattr(table, definition.name, None)
    key = f"{namespace}.{definition.name}"
    assert provided is not None, f"{BACKEND} backend lacks {key}"
    if key in KNOWN_GAPS:
        with pytest.raises(NotImplementedError, match=f"{BACKEND}.*{definition.name}"):
            provided()
        return
    assert list(inspect.signature(provided).parameters) == definition.parameters


def test_known_gaps_name_protocol_entries():
    known = {f"{namespace}.{name}" for namespace, name, _ in ENTRIES} | {
        f"{namespace}.{definition.name}" for namespace, definition in OP_ENTRIES
    }
    assert set(KNOWN_GAPS) <= known


def test_backend_constants():
    for name, kind in protocol.BACKEND_CONSTANTS.items():
        assert isinstance(getattr(PACKAGE, name), kind), name
    for name, kind in protocol.CORE_CONSTANTS.items():
        assert isinstance(getattr(PACKAGE.core, name), kind), name


def test_no_backend_name_branches_outside_the_backend_folder():
    """Upper layers get backend differences from the registry, never by name."""
    root = pathlib.Path(keras_core.__file__).parent
    backend_dir = root / "_src" / "backend"
    pattern = re.compile(
        r"backend\(\)\s*(==|!=|\bin\b|\bnot in\b)|"
        r"(==|!=)\s*backend\(\)|"
        r"[\"'](jax|torch|tensorflow|numpy)[\"']\s*(==|!=)\s*\w*backend"
    )
    offenders = []
    for path in root.rglob("*.py"):
        if backend_dir in path.parents:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_only_the_backend_folder_imports_frameworks():
    root = pathlib.Path(keras_core.__file__).parent
    backend_dir = root / "_src" / "backend"
    pattern = re.compile(r"^\s*(import|from)\s+(jax|torch|tensorflow)\b", re.MULTILINE)
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if backend_dir not in path.parents and pattern.search(path.read_text())
    ]
    assert not offenders
