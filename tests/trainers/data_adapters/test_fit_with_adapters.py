"""Real fit/evaluate/predict on every kind of data."""

import numpy as np
import pytest

import keras_core
from keras_core._src.utils.py_dataset import PyDataset

BACKEND = keras_core.config.backend()
needs_training = pytest.mark.skipif(
    BACKEND == "numpy", reason="the numpy backend has no gradients: fit() cannot run"
)

RNG = np.random.default_rng(0)
X = RNG.normal(size=(8, 2))
Y = RNG.normal(size=(8, 1))
LEARNING_RATE = 0.1


def linear_model():
    model = keras_core.Sequential(
        [
            keras_core.Input((2,)),
            keras_core.layers.Dense(
                1, kernel_initializer="zeros", bias_initializer="zeros"
            ),
        ]
    )
    # Eager steps: compiling (tf.function tracing takes seconds) would cost
    # more than these one-step fits, and the batches are the same.
    model.compile(keras_core.optimizers.SGD(LEARNING_RATE), "mse", run_eagerly=True)
    return model


def one_sgd_step(x, y, sample_weight=None):
    """Kernel and bias after one SGD step on the MSE from zero weights."""
    weights = np.ones(len(x)) if sample_weight is None else sample_weight
    # d/dw mean(sw * (x w + b - y)^2) at w = b = 0.
    residual = -y[:, 0] * weights
    grad_kernel = 2 * x.T @ residual / len(x)
    grad_bias = 2 * residual.sum() / len(x)
    return -LEARNING_RATE * grad_kernel[:, None], -LEARNING_RATE * np.array([grad_bias])


class Full(PyDataset):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)

    def __len__(self):
        return 1

    def __getitem__(self, index):
        return X, Y


def sources():
    """The same single batch `(X, Y)` from every kind of data.

    tf.data and DataLoader fits run on their framework's own backend:
    importing another framework costs seconds, and the adapters' own tests
    cover them on every backend.
    """
    kinds = {
        "arrays": lambda: {"x": X, "y": Y, "batch_size": 8},
        "generator": lambda: {"x": iter([(X, Y)])},
        "py_dataset": lambda: {"x": Full()},
        "py_dataset_threads": lambda: {"x": Full(workers=2)},
    }
    if BACKEND == "tensorflow":
        import tensorflow as tf

        kinds["tf_data"] = lambda: {
            "x": tf.data.Dataset.from_tensor_slices((X, Y)).batch(8)
        }
    if BACKEND == "torch":
        import torch

        kinds["torch_dataloader"] = lambda: {
            "x": torch.utils.data.DataLoader(
                torch.utils.data.TensorDataset(torch.tensor(X), torch.tensor(Y)),
                batch_size=8,
            )
        }
    return kinds


SOURCES = sources()


@needs_training
@pytest.mark.parametrize("kind", sorted(SOURCES))
def test_one_step_matches_hand_computed_sgd(kind):
    model = linear_model()
    model.fit(**SOURCES[kind](), epochs=1, shuffle=False, verbose=0)
    kernel, bias = one_sgd_step(X, Y)
    np.testing.assert_allclose(model.layers[0].kernel.numpy(), kernel, rtol=1e-5)
    np.testing.assert_allclose(model.layers[0].bias.numpy(), bias, rtol=1e-5)


@needs_training
def test_class_weight_scales_the_gradient():
    labels = np.array([0, 1, 1, 0, 2, 1, 0, 0])
    y = labels[:, None].astype("float64")
    class_weight = {0: 0.5, 1: 2.0}
    model = linear_model()
    model.fit(X, y, class_weight=class_weight, batch_size=8, epochs=1, verbose=0)
    weights = np.array([class_weight.get(label, 1.0) for label in labels])
    kernel, bias = one_sgd_step(X, y, weights)
    np.testing.assert_allclose(model.layers[0].kernel.numpy(), kernel, rtol=1e-5)
    np.testing.assert_allclose(model.layers[0].bias.numpy(), bias, rtol=1e-5)


@needs_training
def test_pandas_and_validation_split():
    pandas = pytest.importorskip(
        "pandas", reason="pandas is in the `test` extra (pip install .[test])"
    )
    frame = pandas.DataFrame(X, columns=["a", "b"])
    series = pandas.Series(Y[:, 0])
    model = linear_model()
    history = model.fit(frame, series, validation_split=0.25, epochs=1, verbose=0)
    # The last 2 of 8 samples are held out; the zero model predicts 0.
    kernel, bias = one_sgd_step(X[:6], Y[:6])
    np.testing.assert_allclose(model.layers[0].kernel.numpy(), kernel, rtol=1e-5)
    val_prediction = X[6:] @ kernel + bias
    expected_val_loss = np.mean((val_prediction - Y[6:]) ** 2)
    np.testing.assert_allclose(
        history.history["val_loss"][0], expected_val_loss, rtol=1e-5
    )


@needs_training
def test_generator_with_steps_per_epoch_over_epochs():
    def endless():
        while True:
            yield X, Y

    model = linear_model()
    history = model.fit(endless(), steps_per_epoch=3, epochs=2, verbose=0)
    assert len(history.history["loss"]) == 2


@needs_training
def test_fit_errors_before_any_step():
    model = linear_model()
    with pytest.raises(ValueError, match="x sizes: 8; y sizes: 7"):
        model.fit(X, Y[:7], verbose=0)
    with pytest.raises(ValueError, match=r"validation_split"):
        model.fit(iter([(X, Y)]), validation_split=0.5, verbose=0)
    assert np.all(model.layers[0].kernel.numpy() == 0)


@pytest.mark.parametrize("kind", ["arrays", "generator", "py_dataset"])
def test_predict_on_every_backend(kind):
    model = linear_model()
    model.layers[0].kernel.assign(np.array([[1.0], [2.0]]))
    data = {
        "arrays": lambda: {"x": X, "batch_size": 3},
        "generator": lambda: {"x": (X[i : i + 3] for i in range(0, 8, 3))},
        "py_dataset": lambda: {"x": Full()},
    }[kind]()
    predictions = model.predict(**data, verbose=0)
    np.testing.assert_allclose(predictions, X @ [[1.0], [2.0]], rtol=1e-5)
