"""Model.fit: convergence, logs, validation, epochs and steps, weights."""

import numpy as np
import pytest
from training_helpers import NO_TRAINING_REASON
from training_helpers import TRAINS
from training_helpers import classes_data
from training_helpers import classifier
from training_helpers import linear_data
from training_helpers import linear_model
from training_helpers import weights_of

import keras_core

pytestmark = pytest.mark.skipif(not TRAINS, reason=NO_TRAINING_REASON)


def test_fit_finds_the_least_squares_solution():
    x, y, w, b = linear_data()
    model = linear_model()
    model.compile(keras_core.optimizers.Adam(0.05), "mse")
    history = model.fit(x, y, epochs=60, batch_size=16, verbose=0)
    kernel, bias = model.get_weights()
    np.testing.assert_allclose(kernel, w, atol=2e-2)
    np.testing.assert_allclose(bias, b, atol=2e-2)
    losses = history.history["loss"]
    assert len(losses) == 60
    assert losses[-1] < losses[0] / 100


def test_one_sgd_step_matches_the_hand_computed_update():
    x, y, _, _ = linear_data(samples=8)
    model = linear_model()
    model.compile(keras_core.optimizers.SGD(0.1), "mse")
    model.build((None, 3))
    kernel = np.full((3, 1), 0.2, "float32")
    model.set_weights([kernel, np.zeros(1, "float32")])
    model.fit(x, y, epochs=1, batch_size=8, shuffle=False, verbose=0)
    error = x @ kernel - y
    grad_kernel = 2 * x.T @ error / len(x)
    grad_bias = 2 * error.mean(axis=0)
    new_kernel, new_bias = model.get_weights()
    np.testing.assert_allclose(new_kernel, kernel - 0.1 * grad_kernel, rtol=1e-5)
    np.testing.assert_allclose(new_bias, -0.1 * grad_bias, rtol=1e-5, atol=1e-7)


def test_history_has_loss_metrics_and_validation_keys():
    x, y = classes_data()
    model = classifier()
    model.compile("adam", "sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(
        x, y, epochs=3, batch_size=32, validation_data=(x, y), verbose=0
    )
    assert sorted(history.history) == [
        "accuracy",
        "loss",
        "val_accuracy",
        "val_loss",
    ]
    assert history is model.history
    assert history.params["epochs"] == 3
    assert history.params["steps"] == 3
    assert all(isinstance(v, float) for v in history.history["loss"])
    # The validation logs are those of evaluate() on the same data.
    val_loss, val_accuracy = model.evaluate(x, y, verbose=0)
    assert history.history["val_loss"][-1] == pytest.approx(val_loss, rel=1e-5)
    assert history.history["val_accuracy"][-1] == pytest.approx(val_accuracy)


def test_epoch_loss_is_the_sample_mean_over_batches():
    x, y, _, _ = linear_data(samples=40)
    model = linear_model()
    # Learning rate 0: every batch sees the same weights.
    model.compile(keras_core.optimizers.SGD(0.0), "mse")
    history = model.fit(x, y, epochs=1, batch_size=16, shuffle=False, verbose=0)
    kernel, bias = model.get_weights()
    expected = np.mean((x @ kernel + bias - y) ** 2)
    assert history.history["loss"][0] == pytest.approx(expected, rel=1e-5)


def test_validation_split_holds_out_the_last_samples():
    x, y, _, _ = linear_data(samples=50)
    model = linear_model()
    model.compile(keras_core.optimizers.SGD(0.0), "mse")
    history = model.fit(x, y, validation_split=0.2, epochs=1, verbose=0)
    kernel, bias = model.get_weights()
    held_out = np.mean((x[40:] @ kernel + bias - y[40:]) ** 2)
    trained = np.mean((x[:40] @ kernel + bias - y[:40]) ** 2)
    assert history.history["val_loss"][0] == pytest.approx(held_out, rel=1e-5)
    assert history.history["loss"][0] == pytest.approx(trained, rel=1e-5)


def test_validation_freq_skips_epochs():
    x, y, _, _ = linear_data(samples=16)
    model = linear_model()
    model.compile("sgd", "mse")
    seen = []
    callback = keras_core.callbacks.LambdaCallback(
        on_epoch_end=lambda epoch, logs: seen.append(("val_loss" in logs, epoch))
    )
    model.fit(
        x,
        y,
        epochs=4,
        validation_data=(x, y),
        validation_freq=2,
        callbacks=[callback],
        verbose=0,
    )
    assert seen == [(False, 0), (True, 1), (False, 2), (True, 3)]


def test_initial_epoch_and_steps_per_epoch():
    x, y, _, _ = linear_data(samples=64)
    model = linear_model()
    model.compile("sgd", "mse")
    epochs, steps = [], []
    callback = keras_core.callbacks.LambdaCallback(
        on_epoch_begin=lambda epoch, logs: epochs.append(epoch),
        on_train_batch_end=lambda batch, logs: steps.append(batch),
    )
    model.fit(
        x,
        y,
        epochs=5,
        initial_epoch=3,
        steps_per_epoch=2,
        batch_size=8,
        callbacks=[callback],
        verbose=0,
    )
    assert epochs == [3, 4]
    assert steps == [0, 1, 0, 1]


def test_max_epochs_and_max_steps_per_epoch_cap_training():
    x, y, _, _ = linear_data(samples=64)
    model = linear_model()
    model.compile("sgd", "mse")
    keras_core.config.set_max_epochs(2)
    keras_core.config.set_max_steps_per_epoch(3)
    batches = []
    callback = keras_core.callbacks.LambdaCallback(
        on_train_batch_end=lambda batch, logs: batches.append(batch)
    )
    history = model.fit(x, y, epochs=10, batch_size=4, callbacks=[callback], verbose=0)
    assert len(history.history["loss"]) == 2
    assert batches == [0, 1, 2, 0, 1, 2]


@pytest.mark.parametrize("steps_per_execution", [2, 3])
def test_steps_per_execution_gives_the_same_weights(steps_per_execution):
    x, y, _, _ = linear_data(samples=40)
    results = []
    for spe in (1, steps_per_execution):
        keras_core.utils.set_random_seed(1)
        model = linear_model()
        model.compile(keras_core.optimizers.SGD(0.05), "mse", steps_per_execution=spe)
        history = model.fit(x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)
        results.append((weights_of(model), history.history["loss"]))
    for first, second in zip(results[0][0], results[1][0], strict=True):
        np.testing.assert_allclose(first, second, rtol=1e-5)
    np.testing.assert_allclose(results[0][1], results[1][1], rtol=1e-5)


def test_run_eagerly_gives_the_same_result_as_compiled_steps():
    x, y = classes_data(samples=32)
    results = []
    for run_eagerly in (False, True):
        keras_core.utils.set_random_seed(3)
        model = classifier()
        model.compile(
            keras_core.optimizers.SGD(0.1),
            "sparse_categorical_crossentropy",
            metrics=["accuracy"],
            run_eagerly=run_eagerly,
        )
        history = model.fit(x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)
        results.append((weights_of(model), history.history))
    for first, second in zip(results[0][0], results[1][0], strict=True):
        np.testing.assert_allclose(first, second, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(results[0][1]["loss"], results[1][1]["loss"], rtol=1e-4)


def test_shuffle_changes_the_batch_order_but_not_the_data():
    x, y, _, _ = linear_data(samples=32)
    finals = []
    for shuffle in (False, True):
        keras_core.utils.set_random_seed(0)
        model = linear_model()
        model.compile(keras_core.optimizers.SGD(0.1), "mse")
        model.fit(x, y, epochs=1, batch_size=4, shuffle=shuffle, verbose=0)
        finals.append(weights_of(model)[0])
    assert not np.allclose(finals[0], finals[1])


def test_sample_weight_zero_removes_samples_from_training():
    x, y, _, _ = linear_data(samples=32)
    y_noisy = y.copy()
    y_noisy[16:] += 100.0
    weights = np.concatenate([np.ones(16), np.zeros(16)]).astype("float32")
    keras_core.utils.set_random_seed(0)
    weighted = linear_model()
    weighted.compile(keras_core.optimizers.SGD(0.1), "mse")
    weighted.fit(
        x,
        y_noisy,
        sample_weight=weights,
        epochs=3,
        batch_size=32,
        shuffle=False,
        verbose=0,
    )
    keras_core.utils.set_random_seed(0)
    clean = linear_model()
    # Zero weights still count in sum_over_batch_size: halve the rate.
    clean.compile(keras_core.optimizers.SGD(0.05), "mse")
    clean.fit(x[:16], y[:16], epochs=3, batch_size=16, shuffle=False, verbose=0)
    for first, second in zip(weights_of(weighted), weights_of(clean), strict=True):
        np.testing.assert_allclose(first, second, rtol=1e-4, atol=1e-6)


def test_class_weight_scales_each_class_loss():
    x, y = classes_data(samples=24)
    model = classifier()
    model.compile(keras_core.optimizers.SGD(0.0), "sparse_categorical_crossentropy")
    class_weight = {0: 0.0, 1: 2.0, 2: 0.5}
    history = model.fit(
        x, y, class_weight=class_weight, epochs=1, batch_size=24, verbose=0
    )
    probabilities = model.predict(x, verbose=0)
    per_sample = -np.log(probabilities[np.arange(len(y)), y])
    weights = np.array([class_weight[c] for c in y])
    expected = np.sum(per_sample * weights) / len(y)
    assert history.history["loss"][0] == pytest.approx(expected, rel=1e-4)


def test_fit_on_a_subclassed_model_with_dropout_and_batch_norm():
    class Net(keras_core.Model):
        def __init__(self):
            super().__init__()
            self.hidden = keras_core.layers.Dense(16, activation="relu")
            self.norm = keras_core.layers.BatchNormalization()
            self.drop = keras_core.layers.Dropout(0.3)
            self.head = keras_core.layers.Dense(3, activation="softmax")

        def call(self, inputs, training=False):
            hidden = self.norm(self.hidden(inputs), training=training)
            return self.head(self.drop(hidden, training=training))

    x, y = classes_data(samples=128)
    model = Net()
    model.compile(
        keras_core.optimizers.Adam(0.02),
        "sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    history = model.fit(x, y, epochs=25, batch_size=32, verbose=0)
    assert history.history["accuracy"][-1] > 0.8
    moving_mean = model.norm.moving_mean.numpy()
    assert not np.allclose(moving_mean, 0.0)


def test_fit_with_dict_inputs_and_outputs_and_loss_weights():
    inputs = {
        "a": keras_core.Input((2,), name="a"),
        "b": keras_core.Input((3,), name="b"),
    }
    merged = keras_core.layers.Concatenate()([inputs["a"], inputs["b"]])
    outputs = {
        "value": keras_core.layers.Dense(1, name="value")(merged),
        "label": keras_core.layers.Dense(2, activation="softmax", name="label")(merged),
    }
    model = keras_core.Model(inputs, outputs)
    model.compile(
        keras_core.optimizers.SGD(0.0),
        loss={"value": "mse", "label": "sparse_categorical_crossentropy"},
        loss_weights={"value": 0.5, "label": 2.0},
        metrics={"label": ["accuracy"]},
    )
    rng = np.random.default_rng(0)
    x = {
        "a": rng.normal(size=(16, 2)).astype("float32"),
        "b": rng.normal(size=(16, 3)).astype("float32"),
    }
    y = {
        "value": rng.normal(size=(16, 1)).astype("float32"),
        "label": rng.integers(0, 2, size=(16,)),
    }
    history = model.fit(x, y, epochs=1, batch_size=16, verbose=0)
    assert sorted(history.history) == [
        "label_accuracy",
        "label_loss",
        "loss",
        "value_loss",
    ]
    predicted = model.predict(x, verbose=0)
    mse = np.mean((predicted["value"] - y["value"]) ** 2)
    ce = np.mean(-np.log(predicted["label"][np.arange(16), y["label"]]))
    logs = history.history
    assert logs["value_loss"][0] == pytest.approx(mse, rel=1e-4)
    assert logs["label_loss"][0] == pytest.approx(ce, rel=1e-4)
    assert logs["loss"][0] == pytest.approx(0.5 * mse + 2.0 * ce, rel=1e-4)


def test_regularization_losses_join_the_training_loss():
    x, y, _, _ = linear_data(samples=16)
    model = keras_core.Sequential(
        [
            keras_core.Input((3,)),
            keras_core.layers.Dense(
                1, kernel_regularizer=keras_core.regularizers.L2(0.5)
            ),
        ]
    )
    model.compile(keras_core.optimizers.SGD(0.0), "mse")
    history = model.fit(x, y, epochs=1, batch_size=16, verbose=0)
    kernel, bias = model.get_weights()
    expected = np.mean((x @ kernel + bias - y) ** 2) + 0.5 * np.sum(kernel**2)
    assert history.history["loss"][0] == pytest.approx(expected, rel=1e-5)


def test_sequential_without_input_builds_from_the_first_batch():
    x, y = classes_data(samples=32)
    binary = (y > 0).astype("float32")
    model = keras_core.Sequential(
        [
            keras_core.layers.Dense(8, activation="relu"),
            keras_core.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(
        "adam", "binary_crossentropy", metrics=["accuracy", keras_core.metrics.AUC()]
    )
    history = model.fit(x, binary, epochs=2, batch_size=8, verbose=0)
    assert model.built
    assert [v.shape for v in model.trainable_variables] == [(4, 8), (8,), (8, 1), (1,)]
    assert sorted(history.history) == ["accuracy", "auc", "loss"]


def test_metrics_with_shape_dependent_state_are_built_before_tracing():
    x, y = classes_data(samples=32)
    model = classifier()
    model.compile(
        "adam",
        "categorical_crossentropy",
        metrics=[keras_core.metrics.F1Score(average="macro")],
    )
    history = model.fit(x, keras_core.utils.to_categorical(y, 3), epochs=1, verbose=0)
    assert 0.0 <= history.history["f1_score"][0] <= 1.0
