"""name_scope, SymbolicScope, get_uid and clear_session."""

import threading

import pytest

import keras_core
from keras_core import SymbolicScope
from keras_core import name_scope
from keras_core._src.backend.common.scopes import current_path
from keras_core._src.backend.common.scopes import in_symbolic_scope


def test_name_scopes_nest_and_unwind():
    assert current_path() == ""
    with name_scope("outer") as scope:
        assert isinstance(scope, name_scope)
        with name_scope("inner"):
            assert current_path() == "outer/inner"
        assert current_path() == "outer"
    assert current_path() == ""


def test_same_name_nests_without_a_shared_caller():
    with name_scope("a"), name_scope("a"):
        assert current_path() == "a/a"


def test_same_caller_and_name_deduplicate():
    owner = object()
    with name_scope("dense", caller=owner), name_scope("dense", caller=owner):
        assert current_path() == "dense"
    with (
        name_scope("dense", caller=owner),
        name_scope("dense", caller=owner, deduplicate=False),
    ):
        assert current_path() == "dense/dense"
    assert current_path() == ""


def test_override_parent():
    with name_scope("a"):
        with name_scope("b", override_parent="x/y"):
            assert current_path() == "x/y/b"
            assert keras_core.Variable(1.0, name="v").path == "x/y/b/v"
        assert current_path() == "a"


def test_name_scope_unwinds_on_error():
    with pytest.raises(RuntimeError), name_scope("broken"):
        raise RuntimeError("boom")
    assert current_path() == ""


def test_unknown_keyword_is_rejected():
    with pytest.raises(TypeError, match="unexpected keyword"):
        name_scope("a", parent="b")


@pytest.mark.parametrize("bad", ["a/b", 3, None])
def test_bad_scope_names(bad):
    with pytest.raises(ValueError, match="cannot contain character"):
        name_scope(bad)


def test_name_scopes_are_per_thread():
    seen = []
    with name_scope("main"):
        thread = threading.Thread(target=lambda: seen.append(current_path()))
        thread.start()
        thread.join()
    assert seen == [""]


def test_symbolic_scope():
    assert not in_symbolic_scope()
    with SymbolicScope() as scope:
        assert isinstance(scope, SymbolicScope)
        assert in_symbolic_scope()
        with SymbolicScope():
            assert in_symbolic_scope()
        assert in_symbolic_scope()
    assert not in_symbolic_scope()


def test_get_uid_counts_per_prefix():
    assert keras_core.backend.get_uid("dense") == 1
    assert keras_core.backend.get_uid("dense") == 2
    assert keras_core.backend.get_uid("conv") == 1
    assert keras_core.backend.get_uid() == 1


def test_clear_session_resets_names_and_scopes():
    keras_core.backend.get_uid("dense")
    keras_core.Variable(1.0)
    keras_core.config.set_dtype_policy("mixed_float16")
    keras_core.backend.clear_session(free_memory=False)
    assert keras_core.backend.get_uid("dense") == 1
    assert keras_core.Variable(1.0).name == "variable"
    assert keras_core.config.dtype_policy().name == "float32"
    keras_core.backend.clear_session()
    assert keras_core.backend.get_uid("dense") == 1
