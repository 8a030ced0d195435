"""evaluate, predict and the *_on_batch methods, on every backend (numpy too)."""

import numpy as np
import pytest
from training_helpers import NO_TRAINING_REASON
from training_helpers import TRAINS
from training_helpers import classes_data
from training_helpers import classifier
from training_helpers import linear_data
from training_helpers import linear_model

import keras_core


def _fixed_linear_model():
    model = linear_model()
    model.build((None, 3))
    model.set_weights(
        [np.array([[0.5], [-1.0], [2.0]], "float32"), np.array([0.25], "float32")]
    )
    return model


def _predictions(x):
    return x @ np.array([[0.5], [-1.0], [2.0]], "float32") + 0.25


def test_evaluate_gives_the_numpy_loss_and_metrics():
    x, y, _, _ = linear_data(samples=50)
    model = _fixed_linear_model()
    model.compile("sgd", "mse", metrics=["mae"])
    loss, mae = model.evaluate(x, y, batch_size=16, verbose=0)
    predictions = _predictions(x)
    assert loss == pytest.approx(np.mean((predictions - y) ** 2), rel=1e-5)
    assert mae == pytest.approx(np.mean(np.abs(predictions - y)), rel=1e-5)
    logs = model.evaluate(x, y, batch_size=16, verbose=0, return_dict=True)
    assert sorted(logs) == ["loss", "mae"]
    assert logs["loss"] == pytest.approx(loss)


def test_evaluate_with_only_a_loss_returns_a_scalar():
    x, y, _, _ = linear_data(samples=8)
    model = _fixed_linear_model()
    model.compile("sgd", "mse")
    loss = model.evaluate(x, y, verbose=0)
    assert isinstance(loss, float)


def test_evaluate_with_sample_weight_uses_sum_over_batch_size():
    x, y, _, _ = linear_data(samples=10)
    weights = np.linspace(0.0, 2.0, 10).astype("float32")
    model = _fixed_linear_model()
    model.compile("sgd", "mse", weighted_metrics=["mse"])
    logs = model.evaluate(
        x, y, sample_weight=weights, batch_size=10, verbose=0, return_dict=True
    )
    squared = ((_predictions(x) - y) ** 2)[:, 0]
    assert logs["loss"] == pytest.approx(np.sum(squared * weights) / 10, rel=1e-5)
    assert logs["mse"] == pytest.approx(
        np.sum(squared * weights) / np.sum(weights), rel=1e-5
    )


def test_evaluate_resets_metrics_between_calls():
    x, y, _, _ = linear_data(samples=12)
    model = _fixed_linear_model()
    model.compile("sgd", "mse")
    first = model.evaluate(x, y, verbose=0)
    second = model.evaluate(x, y, verbose=0)
    assert first == pytest.approx(second)


def test_predict_concatenates_batches_in_order():
    x, _, _, _ = linear_data(samples=45)
    model = _fixed_linear_model()
    predictions = model.predict(x, batch_size=8, verbose=0)
    assert isinstance(predictions, np.ndarray)
    assert predictions.shape == (45, 1)
    np.testing.assert_allclose(predictions, _predictions(x), rtol=1e-5, atol=1e-6)


def test_predict_needs_no_compile_and_keeps_output_structure():
    inputs = keras_core.Input((3,))
    outputs = {
        "double": keras_core.layers.Lambda(lambda t: t * 2.0)(inputs),
        "sum": keras_core.layers.Lambda(
            lambda t: keras_core.ops.sum(t, axis=-1, keepdims=True)
        )(inputs),
    }
    model = keras_core.Model(inputs, outputs)
    x = np.arange(12, dtype="float32").reshape(4, 3)
    predictions = model.predict(x, batch_size=3, verbose=0)
    np.testing.assert_allclose(predictions["double"], x * 2)
    np.testing.assert_allclose(predictions["sum"], x.sum(-1, keepdims=True))


def test_on_batch_methods():
    x, y, _, _ = linear_data(samples=6)
    model = _fixed_linear_model()
    model.compile("sgd", "mse", metrics=["mae"])
    predictions = model.predict_on_batch(x)
    np.testing.assert_allclose(predictions, _predictions(x), rtol=1e-5)
    loss, mae = model.test_on_batch(x, y)
    assert loss == pytest.approx(np.mean((_predictions(x) - y) ** 2), rel=1e-5)
    logs = model.test_on_batch(x, y, return_dict=True)
    assert logs["mae"] == pytest.approx(mae)


@pytest.mark.skipif(not TRAINS, reason=NO_TRAINING_REASON)
def test_train_on_batch_runs_one_step():
    x, y, _, _ = linear_data(samples=6)
    model = _fixed_linear_model()
    model.compile(keras_core.optimizers.SGD(0.1), "mse")
    before = model.get_weights()[0].copy()
    logs = model.train_on_batch(x, y, return_dict=True)
    after = model.get_weights()[0]
    error = _predictions(x) - y
    np.testing.assert_allclose(
        after, before - 0.1 * 2 * x.T @ error / len(x), rtol=1e-5
    )
    assert logs["loss"] == pytest.approx(np.mean(error**2), rel=1e-5)


@pytest.mark.skipif(TRAINS, reason="only the numpy backend refuses to train")
def test_fit_on_numpy_says_why_it_cannot_train():
    x, y, _, _ = linear_data(samples=6)
    model = _fixed_linear_model()
    model.compile("sgd", "mse")
    with pytest.raises(NotImplementedError, match="numpy backend"):
        model.fit(x, y, verbose=0)
    with pytest.raises(NotImplementedError, match="numpy backend"):
        model.train_on_batch(x, y)


def test_metrics_names_and_variables_after_compile():
    x, y = classes_data(samples=8)
    model = classifier()
    model.compile("sgd", "sparse_categorical_crossentropy", metrics=["accuracy"])
    assert model.metrics_names == ["loss", "compile_metrics"]
    model.evaluate(x, y, verbose=0)
    assert [v.path for v in model.metrics_variables] == [
        "loss/total",
        "loss/count",
        "accuracy/total",
        "accuracy/count",
    ]
    # Metric state is not model state.
    assert model.non_trainable_variables == []


def test_accuracy_string_resolves_from_the_targets_and_outputs():
    x, y = classes_data(samples=30)
    model = classifier()
    model.compile("sgd", "sparse_categorical_crossentropy", metrics=["accuracy"])
    logs = model.evaluate(x, y, verbose=0, return_dict=True)
    predicted = np.argmax(model.predict(x, verbose=0), axis=-1)
    assert logs["accuracy"] == pytest.approx(np.mean(predicted == y))
    one_hot = keras_core.utils.to_categorical(y, 3)
    model.compile("sgd", "categorical_crossentropy", metrics=["acc"])
    logs = model.evaluate(x, one_hot, verbose=0, return_dict=True)
    assert logs["acc"] == pytest.approx(np.mean(predicted == y))


def test_state_tree_round_trip():
    model = _fixed_linear_model()
    model.compile("sgd", "mse")
    tree = model.get_state_tree("numpy_array")
    kernel = tree["trainable_variables"][model.name]["dense"]["kernel"]
    np.testing.assert_allclose(kernel, [[0.5], [-1.0], [2.0]])
    assert sorted(tree) == [
        "metrics_variables",
        "non_trainable_variables",
        "optimizer_variables",
        "trainable_variables",
    ]
    tree["trainable_variables"][model.name]["dense"]["kernel"] = np.zeros((3, 1))
    model.set_state_tree(tree)
    np.testing.assert_array_equal(model.get_weights()[0], np.zeros((3, 1)))
    with pytest.raises(ValueError, match="value_format"):
        model.get_state_tree("python_list")
