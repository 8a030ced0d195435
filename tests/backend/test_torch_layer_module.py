"""On torch, layers and models are torch.nn.Modules (torch backend only)."""

import numpy as np
import pytest
from layer_fixtures import Linear
from layer_fixtures import RunningMean
from layer_fixtures import TrainingProbe

import keras_core

pytestmark = pytest.mark.skipif(
    keras_core.config.backend() != "torch",
    reason="torch.nn.Module integration exists only on the torch backend",
)


def make_model():
    return keras_core.Sequential(
        [
            keras_core.Input((4,)),
            Linear(8, name="hidden"),
            RunningMean(),
            Linear(1, name="head"),
        ]
    )


def test_parameters_and_state_dict_are_the_variables():
    model = make_model()
    names = [name for name, _ in model.named_parameters()]
    assert names == [
        "hidden.kernel",
        "hidden.bias",
        "running_mean.mean",
        "head.kernel",
        "head.bias",
    ]
    state = model.state_dict()
    assert list(state) == names
    parameters = dict(model.named_parameters())
    assert parameters["hidden.kernel"] is model.layers[0].kernel.value
    assert not parameters["running_mean.mean"].requires_grad
    # load_state_dict writes into the variables.
    import torch

    state["head.bias"] = torch.full((1,), 3.0)
    model.load_state_dict(state)
    np.testing.assert_allclose(model.layers[-1].bias.numpy(), [3.0])


def test_a_model_inside_a_torch_module_trains_with_torch_optim():
    import torch

    torch.manual_seed(0)
    model = keras_core.Sequential([keras_core.Input((4,)), Linear(8), Linear(1)])

    class Head(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.body = model
            self.scale = torch.nn.Parameter(torch.ones(1))

        def forward(self, x):
            return self.body(x) * self.scale

    module = Head()
    assert len(list(module.parameters())) == 5
    optimizer = torch.optim.Adam(module.parameters(), lr=0.05)
    x = torch.randn(64, 4)
    y = x @ torch.tensor([[1.0], [-2.0], [0.5], [3.0]])
    first = None
    for _ in range(150):
        optimizer.zero_grad()
        loss = torch.mean((module(x) - y) ** 2)
        loss.backward()
        optimizer.step()
        first = first if first is not None else float(loss.detach())
    assert float(loss.detach()) < 0.05 * first
    # The optimizer updated the very tensors the variables hold.
    np.testing.assert_allclose(
        model.layers[0].kernel.numpy(),
        module.body.layers[0].kernel.value.detach().numpy(),
    )


def test_train_and_eval_set_the_default_training_flag():
    probe = TrainingProbe()
    model = keras_core.Sequential([keras_core.Input((2,)), probe])
    x = np.ones((1, 2), "float32")
    built_calls = len(probe.seen)  # symbolic calls made while building
    model(x)
    model.eval()
    model(x)
    model.train()
    model(x)
    model(x, training=False)
    assert probe.seen[built_calls:] == [None, False, True, False]


def test_to_double_updates_variable_dtypes():
    model = keras_core.Sequential([keras_core.Input((2,)), Linear(3)])
    model.to(dtype=__import__("torch").float64)
    kernel = model.layers[0].kernel
    assert kernel.dtype == "float64"
    assert str(kernel.value.dtype) == "torch.float64"
