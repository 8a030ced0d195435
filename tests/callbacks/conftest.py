"""Fixtures of the callback tests: a fake model and a fake clock."""

import time

import numpy as np
import pytest

from keras_core import optimizers


class FakeMetric:
    def __init__(self, name, direction=None, metrics=()):
        self.name = name
        if direction is not None:
            self._direction = direction
        self.metrics = list(metrics)


class FakeModel:
    """What callbacks read of a model: weights, optimizer, metrics, saving."""

    def __init__(self, learning_rate=1.0, metrics=()):
        self.stop_training = False
        self.weights_value = 0
        self.optimizer = optimizers.SGD(learning_rate=learning_rate)
        self.metrics = list(metrics)
        self.saved = []

    def get_weights(self):
        return [np.array(self.weights_value)]

    def set_weights(self, weights):
        self.weights_value = int(weights[0])

    def save(self, filepath, overwrite=True):
        with open(filepath, "w") as file:
            file.write(f"model {self.weights_value}")
        self.saved.append(("save", filepath))

    def save_weights(self, filepath, overwrite=True):
        with open(filepath, "w") as file:
            file.write(f"weights {self.weights_value}")
        self.saved.append(("save_weights", filepath))


@pytest.fixture
def fake_model():
    """`fake_model(learning_rate=1.0, metrics=())` makes a FakeModel."""
    return FakeModel


@pytest.fixture
def fake_metric():
    """`fake_metric(name, direction=None, metrics=())` makes a metric stub."""
    return FakeMetric


class Clock:
    def __init__(self, now=1000.0):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    """A clock replacing `time.time`; advance it with `clock.now += s`."""
    fake = Clock()
    monkeypatch.setattr(time, "time", fake)
    return fake
