"""The examples run: the digits demo and the hand-written training loops."""

import importlib.util
import pathlib

import pytest

from keras_core import config

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"
BACKEND = config.backend()


def _load(name):
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(BACKEND == "numpy", reason="the demo trains: numpy cannot")
def test_demo_trains_saves_and_reloads(capsys):
    pytest.importorskip("sklearn", reason="the demo's digits come with scikit-learn")
    accuracy, same = _load("demo").main(epochs=2)
    assert accuracy > 0.8
    assert same
    out = capsys.readouterr().out
    assert "Epoch 2/2" in out
    assert "reloaded: predictions equal: True" in out


@pytest.mark.skipif(BACKEND != "jax", reason="a JAX loop: runs on the jax backend")
def test_jax_loop_with_keras_optimizer_and_optax():
    example = _load("custom_loop_jax")
    x, y = example.make_data(samples=256)
    model, first, last = example.train_with_keras_optimizer(x, y, epochs=8)
    assert last < first / 2
    assert example.accuracy(model, x, y) > 0.85
    model, first, last = example.train_with_optax(x, y, epochs=8)
    assert last < first / 2
    assert example.accuracy(model, x, y) > 0.85


@pytest.mark.skipif(
    BACKEND != "tensorflow", reason="a TensorFlow loop: runs on the tensorflow backend"
)
def test_tensorflow_loop_with_gradient_tape():
    example = _load("custom_loop_tensorflow")
    x, y = example.make_data(samples=256)
    _, first, last = example.train(x, y, epochs=8)
    assert last < first / 2


@pytest.mark.skipif(
    BACKEND != "torch", reason="a PyTorch loop: runs on the torch backend"
)
def test_torch_loop_with_torch_optim():
    example = _load("custom_loop_torch")
    x, y = example.make_data(samples=256)
    _, first, last = example.train(x, y, epochs=8)
    assert last < first / 2
