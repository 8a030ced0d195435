"""Small models and data shared by the training tests."""

import numpy as np

import keras_core
from keras_core import config

BACKEND = config.backend()
TRAINS = BACKEND in ("jax", "torch", "tensorflow")
NO_TRAINING_REASON = "the numpy backend has no gradients: fit() cannot run there"


def linear_data(samples=64, features=3, seed=0):
    """x and y = x @ w + b exactly, with w and b returned too."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(samples, features)).astype("float32")
    w = rng.normal(size=(features, 1)).astype("float32")
    b = np.array([0.5], "float32")
    return x, x @ w + b, w, b


def linear_model(features=3, units=1, name=None):
    return keras_core.Sequential(
        [keras_core.Input((features,)), keras_core.layers.Dense(units)], name=name
    )


def classes_data(samples=96, seed=0):
    """Three classes decided by the signs of the first two features."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(samples, 4)).astype("float32")
    y = ((x[:, 0] > 0).astype("int32") + (x[:, 1] > 0)).astype("int32")
    return x, y


def classifier(classes=3):
    return keras_core.Sequential(
        [
            keras_core.Input((4,)),
            keras_core.layers.Dense(16, activation="relu"),
            keras_core.layers.Dense(classes, activation="softmax"),
        ]
    )


def weights_of(model):
    return [np.array(w) for w in model.get_weights()]
