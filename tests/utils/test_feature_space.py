"""FeatureSpace: encodings checked against NumPy, on every backend."""

import numpy as np
import pytest

import keras_core
from keras_core import ops
from keras_core.layers import HashedCrossing
from keras_core.layers import Hashing
from keras_core.utils import FeatureSpace

DATA = {
    "age": np.array([20.0, 30.0, 40.0, 50.0, 60.0], "float32"),
    "score": np.array([1.0, 2.0, 3.0, 4.0, 5.0], "float32"),
    "size": np.array([0.5, 1.5, 2.5, 3.5, 0.2], "float32"),
    "plain": np.array([7.0, 8.0, 9.0, 10.0, 11.0], "float32"),
    # Frequencies 3, 2 (no ties): vocabulary order is by frequency.
    "rooms": np.array([2, 2, 2, 5, 5]),
    "city": np.array(["lima", "oslo", "lima", "lima", "oslo"]),
    "tag": np.array(["x", "y", "z", "x", "w"]),
}


def _space(output_mode="concat", **kwargs):
    return FeatureSpace(
        features={
            "age": "float_normalized",
            "score": FeatureSpace.float_rescaled(scale=0.5, offset=1.0),
            "size": FeatureSpace.float_discretized(
                num_bins=None, bin_boundaries=[1.0, 3.0]
            ),
            "plain": "float",
            "rooms": "integer_categorical",
            "city": "string_categorical",
            "tag": FeatureSpace.string_hashed(num_bins=4),
        },
        crosses=[FeatureSpace.cross(("city", "rooms"), crossing_dim=5)],
        output_mode=output_mode,
        **kwargs,
    )


@pytest.fixture(scope="module")
def concat_space():
    space = _space()
    space.adapt(DATA)
    return space


def _one_hot(indices, depth):
    return np.eye(depth, dtype="float32")[np.asarray(indices).ravel()]


def _expected(data):
    """Each encoded feature, computed here (hashes from the hash layers)."""
    age = (data["age"] - DATA["age"].mean()) / DATA["age"].std()
    rooms_index = np.select([data["rooms"] == 2, data["rooms"] == 5], [1, 2], 0)
    city_index = np.select([data["city"] == "lima", data["city"] == "oslo"], [1, 2], 0)
    tag_bins = ops.convert_to_numpy(Hashing(num_bins=4)(data["tag"].reshape(-1, 1)))
    cross_bins = ops.convert_to_numpy(
        HashedCrossing(num_bins=5)(
            (city_index.reshape(-1, 1), rooms_index.reshape(-1, 1))
        )
    )
    return {
        "age": age.reshape(-1, 1),
        "city": _one_hot(city_index, 3),
        "plain": data["plain"].reshape(-1, 1),
        "rooms": _one_hot(rooms_index, 3),
        "score": (data["score"] * 0.5 + 1.0).reshape(-1, 1),
        "size": _one_hot(np.digitize(data["size"], [1.0, 3.0]), 3),
        "tag": _one_hot(tag_bins, 4),
        "city_X_rooms": _one_hot(cross_bins, 5),
    }


def _numpy(x):
    return ops.convert_to_numpy(x)


def test_concat_and_dict_outputs_against_numpy(concat_space):
    expected = _expected(DATA)
    outputs = _numpy(concat_space(DATA))
    # Features in name order, then crosses.
    concatenated = np.concatenate([expected[name] for name in expected], axis=-1)
    assert outputs.shape == (5, 21) and outputs.dtype == np.float32
    np.testing.assert_allclose(outputs, concatenated, rtol=1e-5, atol=1e-5)

    space = _space("dict")
    space.adapt(DATA)
    outputs = space(DATA)
    assert list(outputs) == list(expected)
    for name, values in expected.items():
        np.testing.assert_allclose(
            _numpy(outputs[name]), values, rtol=1e-5, atol=1e-5, err_msg=name
        )


def test_single_sample_and_new_categories(concat_space):
    space = concat_space
    sample = {name: values[1] for name, values in DATA.items()}
    single = _numpy(space(sample))
    assert single.shape == (21,)
    np.testing.assert_allclose(single, _numpy(space(DATA))[1], atol=1e-6)
    unseen = dict(DATA, city=np.array(["rome"] * 5), rooms=np.array([9] * 5))
    outputs = _numpy(space(unseen))
    # Out-of-vocabulary values take index 0 of their one-hot block.
    rooms_block = outputs[:, 5:8]
    np.testing.assert_array_equal(rooms_block, np.tile([1.0, 0.0, 0.0], (5, 1)))


def test_int_output_modes_in_dict_mode():
    space = FeatureSpace(
        features={
            "rooms": FeatureSpace.integer_categorical(output_mode="int"),
            "tag": FeatureSpace.string_hashed(num_bins=4, output_mode="int"),
            "age": "float",
        },
        crosses=[
            FeatureSpace.cross(("rooms", "tag"), crossing_dim=3, output_mode="int")
        ],
        output_mode="dict",
    )
    space.adapt(DATA)
    outputs = space({name: DATA[name] for name in ("rooms", "tag", "age")})
    assert list(outputs) == ["age", "rooms", "tag", "rooms_X_tag"]
    np.testing.assert_array_equal(_numpy(outputs["rooms"]).ravel(), [1, 1, 1, 2, 2])
    assert _numpy(outputs["rooms_X_tag"]).shape == (5, 1)
    assert _numpy(outputs["rooms_X_tag"]).max() < 3


def test_adapt_from_tf_data_matches_adapt_from_arrays(concat_space):
    tf = pytest.importorskip("tensorflow")
    expected = _numpy(concat_space(DATA))
    for dataset in (
        tf.data.Dataset.from_tensor_slices(DATA),
        tf.data.Dataset.from_tensor_slices(DATA).batch(2),
    ):
        space = _space()
        space.adapt(dataset)
        np.testing.assert_allclose(_numpy(space(DATA)), expected, atol=1e-6)


def test_in_tf_data_pipeline(concat_space):
    tf = pytest.importorskip("tensorflow")
    space = concat_space
    expected = _numpy(space(DATA))
    batched = tf.data.Dataset.from_tensor_slices(DATA).batch(3).map(space)
    assert batched.element_spec.shape.as_list() == [None, 21]
    np.testing.assert_allclose(
        np.concatenate([b.numpy() for b in batched]), expected, atol=1e-5
    )
    single = tf.data.Dataset.from_tensor_slices(DATA).map(space)
    assert single.element_spec.shape.as_list() == [21]
    np.testing.assert_allclose(
        np.stack([b.numpy() for b in single]), expected, atol=1e-5
    )


def test_symbolic_inputs_and_model():
    space = FeatureSpace(
        features={
            "age": "float_normalized",
            "rooms": "integer_categorical",
            "code": FeatureSpace.integer_hashed(num_bins=3),
        }
    )
    numeric = {
        "age": DATA["age"],
        "rooms": DATA["rooms"],
        "code": np.array([3, 1, 4, 1, 5]),
    }
    space.adapt(numeric)
    inputs = space.get_inputs()
    assert {name: (x.shape, x.dtype) for name, x in inputs.items()} == {
        "age": ((None, 1), "float32"),
        "rooms": ((None, 1), "int32"),
        "code": ((None, 1), "int32"),
    }
    encoded = space.get_encoded_features()
    assert encoded.shape == (None, 7) and encoded.dtype == "float32"
    outputs = keras_core.layers.Dense(1, kernel_initializer="ones", use_bias=False)(
        encoded
    )
    model = keras_core.Model(inputs, outputs)
    columns = {name: values.reshape(-1, 1) for name, values in numeric.items()}
    expected = _numpy(space(numeric)).sum(axis=1)
    np.testing.assert_allclose(_numpy(model(columns))[:, 0], expected, rtol=1e-5)


def test_config_and_saving_round_trip(concat_space, tmp_path):
    space = concat_space
    config = space.get_config()
    assert list(config) == [
        "features",
        "output_mode",
        "crosses",
        "crossing_dim",
        "hashing_dim",
        "num_discretization_bins",
    ]
    feature = config["features"]["city"]
    assert (feature["module"], feature["class_name"]) == (
        "keras.src.layers.preprocessing.feature_space",
        "Feature",
    )
    assert feature["config"]["preprocessor"]["class_name"] == "StringLookup"
    assert config["crosses"][0]["config"]["feature_names"] == ("city", "rooms")
    path = str(tmp_path / "space.keras")
    space.save(path)
    restored = keras_core.saving.load_model(path)
    assert isinstance(restored, FeatureSpace)
    np.testing.assert_allclose(_numpy(restored(DATA)), _numpy(space(DATA)), atol=1e-6)

    clone = FeatureSpace.from_config(config)
    with pytest.raises(ValueError, match="adapt"):
        clone(DATA)
    clone.adapt(DATA)
    np.testing.assert_allclose(_numpy(clone(DATA)), _numpy(space(DATA)), atol=1e-6)


def test_default_arguments_and_feature_names():
    space = FeatureSpace(
        {"a": "float_discretized", "b": "string_hashed", "c": "integer_hashed"},
        num_discretization_bins=4,
        hashing_dim=6,
    )
    assert space.preprocessors["a"].num_bins == 4
    assert space.preprocessors["b"].num_bins == 6
    assert space.preprocessors["a"].name == "a_preprocessor"
    anonymous = FeatureSpace.float_rescaled()
    assert anonymous.preprocessor.name.startswith("float_rescaled")
    assert FeatureSpace.float(name="z").preprocessor.name == "z_preprocessor"
    # Nothing to adapt: usable at once.
    plain = FeatureSpace({"x": "float", "h": FeatureSpace.integer_hashed(num_bins=2)})
    assert _numpy(plain({"x": np.ones(3), "h": np.arange(3)})).shape == (3, 3)


@pytest.mark.parametrize(
    "arguments, message",
    [
        (dict(features={"a": "floaty"}), "invalid type"),
        (dict(features=["a"]), "dict"),
        (dict(features={"a": "float"}, output_mode="list"), "output_mode"),
        (dict(features={"a": "float"}, crosses=[("a", "b")]), "not in `features`"),
    ],
)
def test_bad_arguments(arguments, message):
    with pytest.raises(ValueError, match=message):
        FeatureSpace(**arguments)


def test_bad_usage():
    with pytest.raises(ValueError, match="output_mode"):
        FeatureSpace.integer_categorical(output_mode="multi_hot")
    space = FeatureSpace({"r": FeatureSpace.integer_categorical(output_mode="int")})
    with pytest.raises(ValueError, match="Cannot concatenate"):
        space.adapt({"r": DATA["rooms"]})
    space = FeatureSpace({"r": "integer_categorical", "s": "string_categorical"})
    with pytest.raises(ValueError, match="no features"):
        space.adapt({"r": DATA["rooms"]})
    space.adapt({"r": DATA["rooms"], "s": DATA["city"]})
    with pytest.raises(ValueError, match=r"no features \['s'\]"):
        space({"r": DATA["rooms"]})
    with pytest.raises(ValueError, match="dict"):
        space(DATA["rooms"])
