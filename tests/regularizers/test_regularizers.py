"""keras_core.regularizers: penalties, configs, get/serialize/deserialize."""

import numpy as np
import pytest

from keras_core import ops
from keras_core import regularizers
from keras_core._src.saving.serialization_lib import serialize_keras_object

WEIGHTS = np.array([[1.0, -2.0, 3.0], [0.5, 2.0, -1.0]], "float32")


def value(tensor):
    return float(ops.convert_to_numpy(tensor))


def orthogonal_reference(x, factor, mode):
    vectors = x.astype("float64") if mode == "rows" else x.T.astype("float64")
    vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    similarities = np.abs(vectors @ vectors.T)
    n = vectors.shape[0]
    return factor * (similarities.sum() - np.trace(similarities)) / (n * (n - 1))


def test_base_regularizer():
    assert regularizers.Regularizer()(WEIGHTS) == 0.0
    with pytest.raises(NotImplementedError, match="Regularizer does not implement"):
        regularizers.Regularizer().get_config()
    assert isinstance(
        regularizers.Regularizer.from_config({}), regularizers.Regularizer
    )


def test_l1_l2_l1l2_penalties():
    assert value(regularizers.L1(0.1)(WEIGHTS)) == pytest.approx(0.95, rel=1e-6)
    assert value(regularizers.L2(0.1)(WEIGHTS)) == pytest.approx(1.925, rel=1e-6)
    both = regularizers.L1L2(l1=0.1, l2=0.2)(WEIGHTS)
    assert value(both) == pytest.approx(0.95 + 2 * 1.925, rel=1e-6)
    assert value(regularizers.L1L2()(WEIGHTS)) == 0.0
    assert value(regularizers.L1L2(l2=0.5)(WEIGHTS)) == pytest.approx(9.625, rel=1e-6)


def test_penalty_dtype_follows_weights():
    penalty = regularizers.L1L2(0.1, 0.1)(np.ones((2,), "float16"))
    assert ops.convert_to_numpy(penalty).dtype == np.float16


@pytest.mark.parametrize("shape", [(2, 3), (4, 4), (5, 3)])
@pytest.mark.parametrize("mode", ["rows", "columns"])
def test_orthogonal_regularizer(shape, mode):
    x = np.random.default_rng(0).normal(size=shape).astype("float32")
    penalty = value(regularizers.OrthogonalRegularizer(0.3, mode)(x))
    factor = float(np.float32(0.3))
    assert penalty == pytest.approx(orthogonal_reference(x, factor, mode), rel=1e-5)


def test_orthogonal_regularizer_hand_computed():
    # The two rows have cosine similarity -6.5 / sqrt(14 * 5.25).
    expected = 0.1 * 6.5 / np.sqrt(14 * 5.25)
    penalty = value(regularizers.OrthogonalRegularizer(0.1)(WEIGHTS))
    assert penalty == pytest.approx(expected, rel=1e-5)
    assert (
        value(regularizers.OrthogonalRegularizer(1.0)(np.eye(3, dtype="float32"))) == 0
    )


def test_orthogonal_regularizer_errors():
    with pytest.raises(
        ValueError, match=r"OrthogonalRegularizer: .*rank 2.*\(2, 2, 2\)"
    ):
        regularizers.OrthogonalRegularizer()(np.ones((2, 2, 2), "float32"))
    with pytest.raises(ValueError, match=r"OrthogonalRegularizer: .*`mode`.*mode='x'"):
        regularizers.OrthogonalRegularizer(mode="x")


@pytest.mark.parametrize(
    "build, argument",
    [
        (lambda v: regularizers.L1(v), "l1"),
        (lambda v: regularizers.L2(v), "l2"),
        (lambda v: regularizers.L1L2(l1=v), "l1"),
        (lambda v: regularizers.L1L2(l2=v), "l2"),
        (lambda v: regularizers.OrthogonalRegularizer(v), "factor"),
    ],
)
@pytest.mark.parametrize("bad", [-1.0, "a"])
def test_factor_validation(build, argument, bad):
    with pytest.raises(ValueError, match=rf"`{argument}`: expected a non-negative"):
        build(bad)


def test_configs_match_keras():
    assert regularizers.L1().get_config() == {"l1": 0.009999999776482582}
    assert regularizers.L1(0.3).get_config() == {"l1": 0.30000001192092896}
    assert regularizers.L1(None).get_config() == {"l1": 0.009999999776482582}
    assert regularizers.L2().get_config() == {"l2": 0.01}
    assert regularizers.L2(None).get_config() == {"l2": 0.01}
    assert regularizers.L2(1).get_config() == {"l2": 1.0}
    assert regularizers.L1L2().get_config() == {"l1": 0.0, "l2": 0.0}
    assert regularizers.L1L2(None, None).get_config() == {"l1": 0.0, "l2": 0.0}
    assert regularizers.L1L2(0.01, 0.3).get_config() == {"l1": 0.01, "l2": 0.3}
    assert regularizers.OrthogonalRegularizer().get_config() == {
        "factor": 0.009999999776482582,
        "mode": "rows",
    }


ALIASES = {
    "l1": "L1",
    "l1_l2": "L1L2",
    "l2": "L2",
    "orthogonal_regularizer": "OrthogonalRegularizer",
}


def test_public_names():
    public = [name for name in dir(regularizers) if not name.startswith("_")]
    assert len(public) == 12
    for alias, name in ALIASES.items():
        assert getattr(regularizers, alias) is getattr(regularizers, name)


@pytest.mark.parametrize("name", sorted(ALIASES.values()))
def test_records_round_trip(name):
    cls = getattr(regularizers, name)
    instance = cls()
    record = serialize_keras_object(instance)
    assert record == {
        "module": "keras.regularizers",
        "class_name": name,
        "config": instance.get_config(),
        "registered_name": None,
    }
    assert regularizers.serialize(instance) == record
    restored = regularizers.deserialize(record)
    assert type(restored) is cls and restored.get_config() == instance.get_config()


def test_non_default_round_trip_gives_same_penalty():
    original = regularizers.L1L2(l1=0.25, l2=0.5)
    restored = regularizers.deserialize(regularizers.serialize(original))
    assert value(restored(WEIGHTS)) == pytest.approx(value(original(WEIGHTS)))
    assert (
        regularizers.deserialize({"class_name": "L2", "config": {"l2": 0.5}}).l2 == 0.5
    )


@pytest.mark.parametrize("identifier", ["l2", "L2"])
def test_get_l2_by_name(identifier):
    regularizer = regularizers.get(identifier)
    assert type(regularizer) is regularizers.L2
    assert regularizer.get_config() == {"l2": 0.01}


@pytest.mark.parametrize("alias, name", sorted(ALIASES.items()))
def test_get_by_name(alias, name):
    for identifier in (alias, name):
        assert type(regularizers.get(identifier)) is getattr(regularizers, name)
    assert type(regularizers.get("l1l2")) is regularizers.L1L2


def test_get_other_identifiers():
    assert regularizers.get(None) is None
    instance = regularizers.L1()
    assert regularizers.get(instance) is instance
    assert type(regularizers.get(regularizers.L2)) is regularizers.L2
    assert regularizers.get(abs) is abs
    assert regularizers.serialize("l2") == "l2"


def test_get_errors():
    with pytest.raises(
        ValueError, match=r"Could not interpret regularizer identifier: 3"
    ):
        regularizers.get(3)
    with pytest.raises(ValueError, match=r"Unknown regularizer: 'zeros'"):
        regularizers.get("zeros")
