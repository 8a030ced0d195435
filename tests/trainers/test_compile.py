"""compile(): arguments, configs, and the errors for losses and targets
that do not fit the model's outputs."""

import numpy as np
import pytest
from training_helpers import classes_data
from training_helpers import classifier
from training_helpers import linear_data
from training_helpers import linear_model

import keras_core


def _two_output_model():
    inputs = keras_core.Input((3,), name="features")
    first = keras_core.layers.Dense(1, name="first")(inputs)
    second = keras_core.layers.Dense(2, activation="softmax", name="second")(inputs)
    return keras_core.Model(inputs, [first, second])


def _two_output_data(samples=8):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(samples, 3)).astype("float32")
    return x, [
        rng.normal(size=(samples, 1)).astype("float32"),
        rng.integers(0, 2, samples),
    ]


def test_compile_resolves_optimizer_and_records_config():
    model = linear_model()
    model.compile(optimizer="adam", loss="mse", metrics=["mae"], steps_per_execution=2)
    assert type(model.optimizer).__name__ == "Adam"
    assert model.compiled
    config = model.get_compile_config()
    assert config["loss"] == "mse"
    assert config["metrics"] == ["mae"]
    assert config["steps_per_execution"] == 2
    assert config["optimizer"]["class_name"] == "Adam"


def test_compile_from_config_round_trip():
    model = linear_model()
    model.compile(keras_core.optimizers.SGD(0.25), loss="mse", metrics=["mae"])
    other = linear_model()
    other.compile_from_config(model.get_compile_config())
    assert type(other.optimizer).__name__ == "SGD"
    assert float(other.optimizer.learning_rate) == pytest.approx(0.25)
    x, y, _, _ = linear_data(samples=4)
    logs = other.evaluate(x, y, verbose=0, return_dict=True)
    assert sorted(logs) == ["loss", "mae"]


def test_jit_compile_auto_and_run_eagerly():
    model = linear_model()
    model.compile("sgd", "mse")
    # As Keras 3: XLA by default on jax only (TensorFlow on CPU does not).
    expected = keras_core.config.backend() == "jax"
    assert model.jit_compile is expected
    model.compile("sgd", "mse", run_eagerly=True, jit_compile=True)
    assert model.run_eagerly
    assert model.jit_compile is False


def test_jit_compile_auto_is_off_for_a_layer_that_cannot_be_compiled():
    model = linear_model()
    model.layers[-1].supports_jit = False
    model.compile("sgd", "mse")
    assert model.jit_compile is False
    model.compile("sgd", "mse", jit_compile=True)
    assert model.jit_compile is True  # asked for explicitly


@pytest.mark.parametrize(
    "arguments, message",
    [
        ({"steps_per_execution": 0}, "steps_per_execution"),
        ({"jit_compile": "yes"}, "jit_compile"),
    ],
)
def test_compile_rejects_bad_arguments(arguments, message):
    with pytest.raises(ValueError, match=message):
        linear_model().compile("sgd", "mse", **arguments)


def test_methods_before_compile_say_to_compile():
    x, y, _, _ = linear_data(samples=4)
    with pytest.raises(ValueError, match="compile"):
        linear_model().evaluate(x, y, verbose=0)


def test_loss_dict_missing_an_output_is_an_error():
    model = _two_output_model()
    model.compile("sgd", loss={"first": "mse"})
    x, y = _two_output_data()
    with pytest.raises(ValueError, match=r"no entry for output\(s\) \['second'\]"):
        model.evaluate(x, y, verbose=0)


def test_loss_dict_with_unknown_key_names_the_outputs():
    model = _two_output_model()
    model.compile("sgd", loss={"first": "mse", "third": "mse"})
    x, y = _two_output_data()
    with pytest.raises(ValueError, match=r"\['third'\].*\['first', 'second'\]"):
        model.evaluate(x, y, verbose=0)


def test_loss_list_of_the_wrong_length():
    model = _two_output_model()
    model.compile("sgd", loss=["mse"])
    x, y = _two_output_data()
    with pytest.raises(ValueError, match=r"list of 1 entries.*2 output"):
        model.evaluate(x, y, verbose=0)


def test_one_loss_applies_to_every_output():
    model = _two_output_model()
    model.compile("sgd", loss="mse")
    x, y = _two_output_data()
    logs = model.evaluate(x, [y[0], np.eye(2)[y[1]]], verbose=0, return_dict=True)
    assert sorted(logs) == ["first_loss", "loss", "second_loss"]
    assert logs["loss"] == pytest.approx(logs["first_loss"] + logs["second_loss"])


def test_flat_metrics_list_for_several_outputs_is_an_error():
    model = _two_output_model()
    model.compile(
        "sgd", loss=["mse", "sparse_categorical_crossentropy"], metrics=["mae"]
    )
    x, y = _two_output_data()
    with pytest.raises(ValueError, match=r"one list\s+of metrics per output"):
        model.evaluate(x, y, verbose=0)


def test_target_shape_that_does_not_fit_the_output():
    model = linear_model(units=4)
    model.compile("sgd", "mse")
    x = np.ones((8, 3), "float32")
    with pytest.raises(
        ValueError, match=r"\(None, 3\) do not fit output 'dense' of shape \(None, 4\)"
    ):
        model.evaluate(x, np.ones((8, 3), "float32"), verbose=0)


def test_sparse_loss_with_one_hot_targets_says_which_loss_to_use():
    x, y = classes_data(samples=8)
    model = classifier()
    model.compile("sgd", "sparse_categorical_crossentropy")
    with pytest.raises(ValueError, match="categorical_crossentropy"):
        model.evaluate(x, np.eye(3)[y], verbose=0)


def test_loss_without_targets_is_an_error():
    model = linear_model()
    model.compile("sgd", "mse")
    with pytest.raises(ValueError, match="no targets"):
        model.evaluate(np.ones((4, 3), "float32"), verbose=0)


def test_targets_for_the_wrong_number_of_outputs():
    model = _two_output_model()
    model.compile("sgd", loss=["mse", "sparse_categorical_crossentropy"])
    x, y = _two_output_data()
    with pytest.raises(ValueError, match=r"2 output.*1 array"):
        model.evaluate(x, y[0], verbose=0)
