"""A PyTorch training loop around a keras_core model, with no `fit()`.

On the torch backend every keras_core layer is a `torch.nn.Module` whose
parameters are its variables, so `torch.optim` trains a keras_core model
directly, with PyTorch's own DataLoader and autograd.

Run with `KERAS_BACKEND=torch python examples/custom_loop_torch.py`.
"""

import os

os.environ.setdefault("KERAS_BACKEND", "torch")

import numpy as np
import torch

import keras_core as keras


def make_data(samples=512, seed=0):
    """Two interleaved classes in 2-D: a task a linear model cannot solve."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(samples, 2)).astype("float32")
    y = (x[:, 0] * x[:, 1] > 0).astype("int64")
    return x, y


def train(x, y, epochs=20, batch_size=64):
    """Returns the model and the losses of its first and last epoch."""
    model = keras.Sequential(
        [
            keras.Input((2,)),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(2),
        ]
    )
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = torch.nn.CrossEntropyLoss()
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(torch.from_numpy(x), torch.from_numpy(y)),
        batch_size=batch_size,
    )
    epoch_losses = []
    for _ in range(epochs):
        losses = []
        for batch_x, batch_y in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(batch_x, training=True), batch_y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        epoch_losses.append(float(np.mean(losses)))
    return model, epoch_losses[0], epoch_losses[-1]


def main():
    x, y = make_data()
    model, first, last = train(x, y)
    predictions = np.argmax(model.predict(x, verbose=0), axis=-1)
    print(f"loss {first:.3f} -> {last:.3f}, accuracy {np.mean(predictions == y):.3f}")


if __name__ == "__main__":
    main()
