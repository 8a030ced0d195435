"""A TensorFlow training loop around a keras_core model, with no `fit()`.

Gradients come from `tf.GradientTape` over `model.trainable_variables`;
a keras_core optimizer applies them, and the step is a `tf.function`.

Run with `KERAS_BACKEND=tensorflow python examples/custom_loop_tensorflow.py`.
"""

import os

os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import numpy as np
import tensorflow as tf

import keras_core as keras


def make_data(samples=512, seed=0):
    """Two interleaved classes in 2-D: a task a linear model cannot solve."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(samples, 2)).astype("float32")
    y = (x[:, 0] * x[:, 1] > 0).astype("int32")
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
    optimizer = keras.optimizers.Adam(learning_rate=0.01)
    optimizer.build(model.trainable_variables)

    # keras_core's code has no tensor-dependent Python control flow for
    # autograph to rewrite; converting it would cost seconds on first trace.
    @tf.function(autograph=False)
    def train_step(x, y):
        with tf.GradientTape() as tape:
            logits = model(x, training=True)
            loss = tf.reduce_mean(
                keras.ops.sparse_categorical_crossentropy(y, logits, from_logits=True)
            )
        variables = model.trainable_variables
        grads = tape.gradient(loss, [v.value for v in variables])
        optimizer.apply(grads, variables)
        return loss

    dataset = tf.data.Dataset.from_tensor_slices((x, y)).batch(batch_size)
    epoch_losses = []
    for _ in range(epochs):
        losses = [float(train_step(bx, by)) for bx, by in dataset]
        epoch_losses.append(float(np.mean(losses)))
    return model, epoch_losses[0], epoch_losses[-1]


def main():
    x, y = make_data()
    model, first, last = train(x, y)
    predictions = np.argmax(model.predict(x, verbose=0), axis=-1)
    print(f"loss {first:.3f} -> {last:.3f}, accuracy {np.mean(predictions == y):.3f}")


if __name__ == "__main__":
    main()
