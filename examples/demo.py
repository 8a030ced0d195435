"""The classic convnet on handwritten digits, trained with `fit()`.

The digits are the 8x8 images that ship with scikit-learn (no download),
upsampled to 28x28 like MNIST. The model trains with a progress bar,
reports its test accuracy, and is saved and reloaded to check that the
reloaded copy predicts the same.

Run with `make demo` (JAX), or choose a backend with KERAS_BACKEND.
"""

import os
import tempfile
import time

import numpy as np
from sklearn.datasets import load_digits

import keras_core as keras


def load_data(seed=0):
    """Digits scaled to [0, 1] and resized to 28x28x1, split 80/20."""
    digits = load_digits()
    images = digits.images.astype("float32")[..., None] / 16.0
    images = np.asarray(
        keras.ops.convert_to_numpy(
            keras.ops.image.resize(images, (28, 28), interpolation="bilinear")
        )
    )
    labels = keras.utils.to_categorical(digits.target, 10)
    order = np.random.default_rng(seed).permutation(len(images))
    split = int(0.8 * len(images))
    train, test = order[:split], order[split:]
    return (images[train], labels[train]), (images[test], labels[test])


def make_model():
    """Conv 32 5x5, pool, conv 64 5x5, pool, dense 1024, dropout, softmax."""
    return keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            keras.layers.Conv2D(32, 5, padding="same", activation="relu"),
            keras.layers.MaxPooling2D(),
            keras.layers.Conv2D(64, 5, padding="same", activation="relu"),
            keras.layers.MaxPooling2D(),
            keras.layers.Flatten(),
            keras.layers.Dense(1024, activation="relu"),
            keras.layers.Dropout(0.5),
            keras.layers.Dense(10, activation="softmax"),
        ],
        name="digits_convnet",
    )


class EpochTimer(keras.callbacks.Callback):
    """Records the wall time of each epoch."""

    def on_train_begin(self, logs=None):
        self.times = []

    def on_epoch_begin(self, epoch, logs=None):
        self._start = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        self.times.append(time.perf_counter() - self._start)


def main(epochs=8):
    print(f"keras_core {keras.version()} on the {keras.config.backend()} backend")
    keras.utils.set_random_seed(0)
    (x_train, y_train), (x_test, y_test) = load_data()
    print(f"{len(x_train)} training and {len(x_test)} test images of 28x28")
    model = make_model()
    model.compile(
        optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"]
    )
    timer = EpochTimer()
    model.fit(
        x_train,
        y_train,
        batch_size=64,
        epochs=epochs,
        validation_split=0.1,
        callbacks=[timer],
    )
    _, accuracy = model.evaluate(x_test, y_test, verbose=0)
    later = timer.times[1:] or timer.times
    print(
        f"test accuracy: {accuracy:.4f}; first epoch {timer.times[0]:.2f} s, "
        f"then {np.median(later):.2f} s per epoch"
    )

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "digits_convnet.keras")
        model.save(path)
        restored = keras.saving.load_model(path)
        same = np.allclose(
            model.predict(x_test, verbose=0),
            restored.predict(x_test, verbose=0),
            atol=1e-6,
        )
    print(f"saved to {os.path.basename(path)} and reloaded: predictions equal: {same}")
    return accuracy, same


if __name__ == "__main__":
    main()
