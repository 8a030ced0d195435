"""keras_core.initializers: public names, get, serialize and deserialize."""

import numpy as np
import pytest

from keras_core import initializers
from keras_core._src.saving.serialization_lib import deserialize_keras_object
from keras_core._src.saving.serialization_lib import serialize_keras_object

ALIASES = {
    "IdentityInitializer": "Identity",
    "OrthogonalInitializer": "Orthogonal",
    "STFTInitializer": "STFT",
    "constant": "Constant",
    "glorot_normal": "GlorotNormal",
    "glorot_uniform": "GlorotUniform",
    "he_normal": "HeNormal",
    "he_uniform": "HeUniform",
    "identity": "Identity",
    "lecun_normal": "LecunNormal",
    "lecun_uniform": "LecunUniform",
    "ones": "Ones",
    "orthogonal": "Orthogonal",
    "random_normal": "RandomNormal",
    "random_uniform": "RandomUniform",
    "stft": "STFT",
    "truncated_normal": "TruncatedNormal",
    "variance_scaling": "VarianceScaling",
    "zeros": "Zeros",
}
CLASSES = sorted(set(ALIASES.values()))


def test_public_names():
    public = [name for name in dir(initializers) if not name.startswith("_")]
    assert len(public) == 39
    for alias, name in ALIASES.items():
        assert getattr(initializers, alias) is getattr(initializers, name)


@pytest.mark.parametrize("name", CLASSES)
def test_serialize_record_and_round_trip(name):
    cls = getattr(initializers, name)
    instance = cls()
    record = serialize_keras_object(instance)
    assert record == {
        "module": "keras.initializers",
        "class_name": name,
        "config": instance.get_config(),
        "registered_name": None,
    }
    assert initializers.serialize(instance) == record
    for restored in (
        initializers.deserialize(record),
        deserialize_keras_object(record),
    ):
        assert type(restored) is cls
        assert restored.get_config() == instance.get_config()


def test_glorot_uniform_record_matches_keras():
    assert initializers.serialize(initializers.GlorotUniform()) == {
        "module": "keras.initializers",
        "class_name": "GlorotUniform",
        "config": {"seed": None, "input_axes": None, "output_axes": None},
        "registered_name": None,
    }


@pytest.mark.parametrize("alias, name", sorted(ALIASES.items()))
def test_get_by_name(alias, name):
    for identifier in (alias, name):
        assert type(initializers.get(identifier)) is getattr(initializers, name)


def test_get_other_identifiers():
    assert initializers.get(None) is None
    instance = initializers.Zeros()
    assert initializers.get(instance) is instance
    assert type(initializers.get(initializers.Ones)) is initializers.Ones
    assert initializers.get(abs) is abs
    from_dict = initializers.get(
        {"class_name": "RandomNormal", "config": {"stddev": 3.0, "seed": 1}}
    )
    assert from_dict.get_config() == {"seed": 1, "mean": 0.0, "stddev": 3.0}


def test_get_errors():
    with pytest.raises(
        ValueError, match=r"Could not interpret initializer identifier: 3"
    ):
        initializers.get(3)
    with pytest.raises(ValueError, match=r"Unknown initializer: 'foo'"):
        initializers.get("foo")


def test_serialize_passes_strings_and_none():
    assert initializers.serialize("zeros") == "zeros"
    assert initializers.serialize(None) is None


def test_deserialize_custom_objects():
    class Halves(initializers.Initializer):
        def __call__(self, shape, dtype=None):
            return initializers.Constant(0.5)(shape, dtype)

    record = {"class_name": "Halves", "config": {}}
    restored = initializers.deserialize(record, custom_objects={"Halves": Halves})
    np.testing.assert_array_equal(np.asarray(restored((2,))), [0.5, 0.5])
    with pytest.raises(TypeError, match="Could not locate initializer 'Halves'"):
        initializers.deserialize(record)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("uniform", "RandomUniform"),
        ("normal", "RandomNormal"),
        ("truncated_normal", "TruncatedNormal"),
        ("one", "Ones"),
        ("zero", "Zeros"),
    ],
)
def test_short_names_keras_accepts(name, expected):
    assert type(initializers.get(name)).__name__ == expected
