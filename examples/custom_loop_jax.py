"""A JAX training loop around a keras_core model, with no `fit()`.

The model is used functionally: `stateless_call` runs it on explicit
variable values and `optimizer.stateless_apply` updates them, so the whole
step is a pure function that `jax.jit` compiles. The same model then trains
with an optax optimizer instead.

Run with `KERAS_BACKEND=jax python examples/custom_loop_jax.py`.
"""

import os

os.environ.setdefault("KERAS_BACKEND", "jax")

import jax
import numpy as np

import keras_core as keras


def make_data(samples=512, seed=0):
    """Two interleaved classes in 2-D: a task a linear model cannot solve."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(samples, 2)).astype("float32")
    y = (x[:, 0] * x[:, 1] > 0).astype("int32")
    return x, y


def make_model():
    return keras.Sequential(
        [
            keras.Input((2,)),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(2),
        ]
    )


def compute_loss(model, trainable, non_trainable, x, y):
    logits, non_trainable = model.stateless_call(
        trainable, non_trainable, x, training=True
    )
    loss = keras.ops.mean(
        keras.ops.sparse_categorical_crossentropy(y, logits, from_logits=True)
    )
    return loss, non_trainable


def train_with_keras_optimizer(x, y, epochs=20, batch_size=64):
    """Returns the model and the losses of its first and last epoch."""
    model = make_model()
    optimizer = keras.optimizers.Adam(learning_rate=0.01)
    optimizer.build(model.trainable_variables)
    grad_fn = jax.value_and_grad(
        lambda t, n, x, y: compute_loss(model, t, n, x, y), has_aux=True
    )

    @jax.jit
    def train_step(state, x, y):
        trainable, non_trainable, optimizer_values = state
        (loss, non_trainable), grads = grad_fn(trainable, non_trainable, x, y)
        trainable, optimizer_values = optimizer.stateless_apply(
            optimizer_values, grads, trainable
        )
        return loss, (trainable, non_trainable, optimizer_values)

    state = (
        [v.value for v in model.trainable_variables],
        [v.value for v in model.non_trainable_variables],
        [v.value for v in optimizer.variables],
    )
    epoch_losses = []
    for _ in range(epochs):
        losses = []
        for start in range(0, len(x), batch_size):
            loss, state = train_step(
                state, x[start : start + batch_size], y[start : start + batch_size]
            )
            losses.append(float(loss))
        epoch_losses.append(float(np.mean(losses)))
    # Write the trained values back into the model's variables.
    for variable, value in zip(model.trainable_variables, state[0], strict=True):
        variable.assign(value)
    for variable, value in zip(model.non_trainable_variables, state[1], strict=True):
        variable.assign(value)
    return model, epoch_losses[0], epoch_losses[-1]


def train_with_optax(x, y, epochs=20, batch_size=64):
    """The same loop with an optax optimizer over the trainable values."""
    import optax

    model = make_model()
    optimizer = optax.adam(learning_rate=0.01)
    trainable = [v.value for v in model.trainable_variables]
    non_trainable = [v.value for v in model.non_trainable_variables]
    optimizer_state = optimizer.init(trainable)
    grad_fn = jax.value_and_grad(
        lambda t, n, x, y: compute_loss(model, t, n, x, y), has_aux=True
    )

    @jax.jit
    def train_step(trainable, non_trainable, optimizer_state, x, y):
        (loss, non_trainable), grads = grad_fn(trainable, non_trainable, x, y)
        updates, optimizer_state = optimizer.update(grads, optimizer_state, trainable)
        trainable = optax.apply_updates(trainable, updates)
        return loss, trainable, non_trainable, optimizer_state

    epoch_losses = []
    for _ in range(epochs):
        losses = []
        for start in range(0, len(x), batch_size):
            loss, trainable, non_trainable, optimizer_state = train_step(
                trainable,
                non_trainable,
                optimizer_state,
                x[start : start + batch_size],
                y[start : start + batch_size],
            )
            losses.append(float(loss))
        epoch_losses.append(float(np.mean(losses)))
    for variable, value in zip(model.trainable_variables, trainable, strict=True):
        variable.assign(value)
    return model, epoch_losses[0], epoch_losses[-1]


def accuracy(model, x, y):
    return float(np.mean(np.argmax(model.predict(x, verbose=0), axis=-1) == y))


def main():
    x, y = make_data()
    model, first, last = train_with_keras_optimizer(x, y)
    print(
        f"keras optimizer: loss {first:.3f} -> {last:.3f}, "
        f"accuracy {accuracy(model, x, y):.3f}"
    )
    model, first, last = train_with_optax(x, y)
    print(
        f"optax:           loss {first:.3f} -> {last:.3f}, "
        f"accuracy {accuracy(model, x, y):.3f}"
    )


if __name__ == "__main__":
    main()
