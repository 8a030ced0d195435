"""keras_core.losses.get / serialize / deserialize."""

import numpy as np
import pytest

import keras_core
from keras_core import losses
from keras_core import ops
from keras_core._src.losses.loss import LossFunctionWrapper
from keras_core._src.saving import object_registration

FUNCTIONS = [
    "binary_crossentropy",
    "binary_focal_crossentropy",
    "categorical_crossentropy",
    "categorical_focal_crossentropy",
    "categorical_generalized_cross_entropy",
    "categorical_hinge",
    "circle",
    "cosine_similarity",
    "ctc",
    "dice",
    "hinge",
    "huber",
    "kl_divergence",
    "log_cosh",
    "mean_absolute_error",
    "mean_absolute_percentage_error",
    "mean_squared_error",
    "mean_squared_logarithmic_error",
    "poisson",
    "sparse_categorical_crossentropy",
    "squared_hinge",
    "tversky",
]
CLASSES = [
    "BinaryCrossentropy",
    "BinaryFocalCrossentropy",
    "CTC",
    "CategoricalCrossentropy",
    "CategoricalFocalCrossentropy",
    "CategoricalGeneralizedCrossEntropy",
    "CategoricalHinge",
    "Circle",
    "CosineSimilarity",
    "Dice",
    "Hinge",
    "Huber",
    "KLDivergence",
    "LogCosh",
    "MeanAbsoluteError",
    "MeanAbsolutePercentageError",
    "MeanSquaredError",
    "MeanSquaredLogarithmicError",
    "Poisson",
    "SparseCategoricalCrossentropy",
    "SquaredHinge",
    "Tversky",
]
ALIASES = {
    "mse": "mean_squared_error",
    "mae": "mean_absolute_error",
    "mape": "mean_absolute_percentage_error",
    "msle": "mean_squared_logarithmic_error",
    "kld": "kl_divergence",
    "bce": "binary_crossentropy",
}


@pytest.mark.parametrize("name", FUNCTIONS)
def test_get_function_names(name):
    assert losses.get(name) is getattr(losses, name)


@pytest.mark.parametrize("alias", sorted(ALIASES))
def test_get_aliases_in_both_cases(alias):
    function = getattr(losses, ALIASES[alias])
    assert losses.get(alias) is function
    assert losses.get(alias.upper()) is function
    assert losses.deserialize(alias) is function


@pytest.mark.parametrize("name", CLASSES)
def test_get_class_names_gives_default_instances(name):
    loss = losses.get(name)
    assert type(loss) is getattr(losses, name)
    assert loss.get_config() == getattr(losses, name)().get_config()


@pytest.mark.parametrize(
    "name", ["Mse", "huber_loss", "logcosh", "meansquarederror", "cce", "Reduction"]
)
def test_unknown_names(name):
    with pytest.raises(
        ValueError, match=f"Could not interpret loss identifier: '{name}'"
    ):
        losses.get(name)


def test_get_other_identifiers():
    assert losses.get(None) is None
    loss = losses.Huber()
    assert losses.get(loss) is loss

    def custom(y_true, y_pred):
        return y_pred - y_true

    assert losses.get(custom) is custom
    assert type(losses.get(losses.Hinge)) is losses.Hinge
    assert type(losses.get("Loss")) is losses.Loss
    for bad in (3, [1, 2]):
        with pytest.raises(ValueError, match="Could not interpret loss identifier"):
            losses.get(bad)
    with pytest.raises(ValueError, match="unknown `config` as a `dict`"):
        losses.get({"a": 1})


def test_get_dict():
    loss = losses.get({"class_name": "MeanSquaredError", "config": {}})
    assert type(loss) is losses.MeanSquaredError
    loss = losses.get(
        {
            "module": "keras.losses",
            "class_name": "Huber",
            "config": {"name": "h", "reduction": "sum", "delta": 2.0},
            "registered_name": None,
        }
    )
    assert loss.get_config() == {"name": "h", "reduction": "sum", "delta": 2.0}


def test_serialize_matches_keras_records():
    assert losses.serialize(losses.Huber()) == {
        "module": "keras.losses",
        "class_name": "Huber",
        "config": {
            "name": "huber_loss",
            "reduction": "sum_over_batch_size",
            "delta": 1.0,
        },
        "registered_name": None,
    }
    assert losses.serialize(losses.MeanSquaredError(dtype="float16")) == {
        "module": "keras.losses",
        "class_name": "MeanSquaredError",
        "config": {"name": "mean_squared_error", "reduction": "sum_over_batch_size"},
        "registered_name": None,
    }
    assert losses.serialize(losses.mean_squared_error) == {
        "module": "builtins",
        "class_name": "function",
        "config": "mean_squared_error",
        "registered_name": "function",
    }
    assert losses.serialize(losses.get("mse")) == losses.serialize(
        losses.mean_squared_error
    )
    assert losses.serialize(losses.Loss()) == {
        "module": "keras",
        "class_name": "Loss",
        "config": {"name": "loss", "reduction": "sum_over_batch_size"},
        "registered_name": None,
    }
    assert losses.serialize("mse") == "mse"


@pytest.mark.parametrize("name", CLASSES)
def test_class_round_trip(name):
    loss = getattr(losses, name)(name="custom_name", reduction="sum")
    config = losses.serialize(loss)
    assert config["module"] == "keras.losses"
    assert config["class_name"] == name
    restored = losses.deserialize(config)
    assert type(restored) is type(loss)
    assert restored.get_config() == loss.get_config()


@pytest.mark.parametrize("name", FUNCTIONS)
def test_function_round_trip(name):
    function = getattr(losses, name)
    assert losses.deserialize(losses.serialize(function)) is function


def test_wrapper_round_trip_computes_the_same():
    loss = LossFunctionWrapper(losses.huber, delta=0.5, reduction="sum")
    restored = losses.deserialize(losses.serialize(loss))
    assert restored.fn is losses.huber
    y_true = np.array([[0.0, 1.0], [2.0, 0.0]], "float32")
    y_pred = np.array([[1.0, 1.0], [0.0, 0.2]], "float32")
    np.testing.assert_allclose(
        ops.convert_to_numpy(restored(y_true, y_pred)),
        ops.convert_to_numpy(loss(y_true, y_pred)),
    )


def test_deserialize_names():
    assert type(losses.deserialize("MeanSquaredError")) is losses.MeanSquaredError
    assert losses.deserialize("mean_squared_error") is losses.mean_squared_error
    with pytest.raises(ValueError, match="Unknown loss function: 'foo'"):
        losses.deserialize("foo")


def test_custom_and_registered_objects():
    class Doubled(keras_core.losses.Loss):
        def call(self, y_true, y_pred):
            return 2.0 * ops.abs(y_pred - y_true)

    config = {"class_name": "Doubled", "config": {"name": "d", "reduction": "sum"}}
    loss = losses.deserialize(config, custom_objects={"Doubled": Doubled})
    assert type(loss) is Doubled and loss.name == "d"

    def scaled_error(y_true, y_pred):
        return y_pred - y_true

    registered = object_registration.register_keras_serializable("LossTests")(
        scaled_error
    )
    try:
        assert losses.get("LossTests>scaled_error") is registered
        record = losses.serialize(registered)
        assert record["config"] == "LossTests>scaled_error"
        assert losses.deserialize(record) is registered
    finally:
        object_registration._REGISTERED_OBJECTS.pop("LossTests>scaled_error")
        object_registration._REGISTERED_NAMES.pop(registered)
