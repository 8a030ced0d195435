"""Overriding train_step / test_step / predict_step / compute_loss, written
as the Keras 3 guides write them for each backend."""

import numpy as np
import pytest
from training_helpers import BACKEND
from training_helpers import classes_data
from training_helpers import linear_data

import keras_core


def _jax_model_class():
    import jax

    class CustomModel(keras_core.Model):
        def compute_loss_and_updates(
            self, trainable_variables, non_trainable_variables, x, y, training=False
        ):
            y_pred, non_trainable_variables = self.stateless_call(
                trainable_variables, non_trainable_variables, x, training=training
            )
            loss = self.compute_loss(x, y, y_pred)
            return loss, (y_pred, non_trainable_variables)

        def train_step(self, state, data):
            trainable, non_trainable, optimizer_values, metrics_values = state
            x, y = data
            grad_fn = jax.value_and_grad(self.compute_loss_and_updates, has_aux=True)
            (loss, (y_pred, non_trainable)), grads = grad_fn(
                trainable, non_trainable, x, y, training=True
            )
            trainable, optimizer_values = self.optimizer.stateless_apply(
                optimizer_values, grads, trainable
            )
            new_metrics_values = []
            logs = {}
            for metric in self.metrics:
                start = len(new_metrics_values)
                values = metrics_values[start : start + len(metric.variables)]
                if metric.name == "loss":
                    values = metric.stateless_update_state(values, loss)
                else:
                    values = metric.stateless_update_state(values, y, y_pred)
                logs[metric.name] = metric.stateless_result(values)
                new_metrics_values += values
            return logs, (
                trainable,
                non_trainable,
                optimizer_values,
                new_metrics_values,
            )

    return CustomModel


def _torch_model_class():
    import torch

    class CustomModel(keras_core.Model):
        def train_step(self, data):
            x, y = data
            self.zero_grad()
            y_pred = self(x, training=True)
            loss = self.compute_loss(y=y, y_pred=y_pred)
            loss.backward()
            trainable_weights = list(self.trainable_weights)
            gradients = [v.value.grad for v in trainable_weights]
            with torch.no_grad():
                self.optimizer.apply(gradients, trainable_weights)
            for metric in self.metrics:
                if metric.name == "loss":
                    metric.update_state(loss)
                else:
                    metric.update_state(y, y_pred)
            return {m.name: m.result() for m in self.metrics}

    return CustomModel


def _tensorflow_model_class():
    import tensorflow as tf

    class CustomModel(keras_core.Model):
        def train_step(self, data):
            x, y = data
            with tf.GradientTape() as tape:
                y_pred = self(x, training=True)
                loss = self.compute_loss(y=y, y_pred=y_pred)
            trainable_vars = self.trainable_variables
            gradients = tape.gradient(loss, trainable_vars)
            self.optimizer.apply(gradients, trainable_vars)
            for metric in self.metrics:
                if metric.name == "loss":
                    metric.update_state(loss)
                else:
                    metric.update_state(y, y_pred)
            return {m.name: m.result() for m in self.metrics}

    return CustomModel


_GUIDE_CLASSES = {
    "jax": _jax_model_class,
    "torch": _torch_model_class,
    "tensorflow": _tensorflow_model_class,
}


@pytest.mark.skipif(BACKEND == "numpy", reason="numpy has no gradients to train")
def test_guide_train_step_trains_and_logs_metrics():
    model_class = _GUIDE_CLASSES[BACKEND]()
    inputs = keras_core.Input((3,))
    outputs = keras_core.layers.Dense(1)(inputs)
    model = model_class(inputs, outputs)
    model.compile(keras_core.optimizers.Adam(0.05), loss="mse", metrics=["mae"])
    x, y, w, b = linear_data()
    history = model.fit(x, y, epochs=40, batch_size=16, verbose=0)
    assert sorted(history.history) == ["loss", "mae"]
    assert history.history["loss"][-1] < history.history["loss"][0] / 20
    kernel, bias = model.get_weights()
    np.testing.assert_allclose(kernel, w, atol=0.1)
    np.testing.assert_allclose(bias, b, atol=0.1)


class _PenalizedModel(keras_core.Model):
    """Adds the mean absolute output to the loss (a compute_loss override)."""

    def compute_loss(
        self, x=None, y=None, y_pred=None, sample_weight=None, training=True
    ):
        loss = super().compute_loss(x, y, y_pred, sample_weight, training)
        return loss + 10.0 * keras_core.ops.mean(keras_core.ops.abs(y_pred))


def test_compute_loss_override_reaches_the_logged_loss():
    inputs = keras_core.Input((3,))
    outputs = keras_core.layers.Dense(1)(inputs)
    model = _PenalizedModel(inputs, outputs)
    model.compile(keras_core.optimizers.SGD(0.0), "mse")
    x, y, _, _ = linear_data(samples=16)
    loss = model.evaluate(x, y, batch_size=16, verbose=0)
    predictions = model.predict(x, verbose=0)
    expected = np.mean((predictions - y) ** 2) + 10.0 * np.mean(np.abs(predictions))
    assert loss == pytest.approx(expected, rel=1e-5)


@pytest.mark.skipif(BACKEND == "numpy", reason="numpy has no gradients to train")
def test_compute_loss_override_drives_training():
    inputs = keras_core.Input((3,))
    outputs = keras_core.layers.Dense(1)(inputs)
    model = _PenalizedModel(inputs, outputs)
    model.compile(keras_core.optimizers.Adam(0.05), "mse")
    x, y, _, _ = linear_data()
    model.fit(x, y, epochs=30, verbose=0)
    plain = keras_core.Sequential([keras_core.Input((3,)), keras_core.layers.Dense(1)])
    plain.compile(keras_core.optimizers.Adam(0.05), "mse")
    plain.fit(x, y, epochs=30, verbose=0)
    # The penalty pulls outputs toward zero.
    assert np.mean(np.abs(model.predict(x, verbose=0))) < np.mean(
        np.abs(plain.predict(x, verbose=0))
    )


def test_predict_step_override():
    if BACKEND == "jax":

        class Doubling(keras_core.Model):
            def predict_step(self, state, data):
                outputs, non_trainable = super().predict_step(state, data)
                return outputs * 2.0, non_trainable

    else:

        class Doubling(keras_core.Model):
            def predict_step(self, data):
                return super().predict_step(data) * 2.0

    inputs = keras_core.Input((3,))
    model = Doubling(inputs, keras_core.layers.Dense(2)(inputs))
    x = np.ones((5, 3), "float32")
    np.testing.assert_allclose(
        model.predict(x, verbose=0),
        2.0 * keras_core.ops.convert_to_numpy(model(x)),
        rtol=1e-6,
    )


def test_test_step_override_controls_evaluate_logs():
    if BACKEND == "jax":

        class Counting(keras_core.Model):
            def test_step(self, state, data):
                logs, state = super().test_step(state, data)
                return {**logs, "batches_seen": 1.0}, state

    else:

        class Counting(keras_core.Model):
            def test_step(self, data):
                logs = super().test_step(data)
                return {**logs, "batches_seen": 1.0}

    x, y = classes_data(samples=12)
    inputs = keras_core.Input((4,))
    model = Counting(inputs, keras_core.layers.Dense(3, activation="softmax")(inputs))
    model.compile("sgd", "sparse_categorical_crossentropy")
    model.evaluate(x, y, batch_size=4, verbose=0)
    seen = []
    callback = keras_core.callbacks.LambdaCallback(
        on_test_batch_end=lambda batch, logs: seen.append(float(logs["batches_seen"]))
    )
    model.evaluate(x, y, batch_size=4, callbacks=[callback], verbose=0)
    assert seen == [1.0, 1.0, 1.0]
