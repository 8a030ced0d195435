"""The benchmark workloads: models written once against the Keras API.

`build_model(keras, name)` takes the imported library (`keras_core` or Keras
3) so that both run the very same model code; `make_data(name, samples)`
gives synthetic inputs and integer labels from a fixed seed. The hand-written
native loops in `native_*.py` implement the same architectures.
"""

import numpy as np

VOCAB = 5000

# name -> (batch size, number of classes)
WORKLOADS = {
    "mlp": (128, 10),
    "convnet": (128, 10),
    "transformer": (64, 2),
    "lstm": (64, 2),
}
TRANSFORMER = {"sequence": 64, "d_model": 128, "heads": 4, "feed_forward": 256}
LSTM = {"sequence": 50, "embedding": 64, "units": 64}


def make_data(name, samples, seed=0):
    """Synthetic `(x, y)` for a workload: float images/vectors or token ids."""
    rng = np.random.default_rng(seed)
    classes = WORKLOADS[name][1]
    y = rng.integers(0, classes, samples).astype("int32")
    if name == "mlp":
        x = rng.normal(size=(samples, 784)).astype("float32")
    elif name == "convnet":
        x = rng.uniform(size=(samples, 28, 28, 1)).astype("float32")
    elif name == "transformer":
        x = rng.integers(0, VOCAB, (samples, TRANSFORMER["sequence"])).astype("int32")
    else:
        x = rng.integers(1, VOCAB, (samples, LSTM["sequence"])).astype("int32")
    return x, y


def _mlp(keras):
    layers = keras.layers
    return keras.Sequential(
        [
            keras.Input((784,)),
            layers.Dense(512, activation="relu"),
            layers.Dense(512, activation="relu"),
            layers.Dense(10),
        ]
    )


def _convnet(keras):
    layers = keras.layers
    return keras.Sequential(
        [
            keras.Input((28, 28, 1)),
            layers.Conv2D(32, 5, padding="same", activation="relu"),
            layers.MaxPooling2D(2),
            layers.Conv2D(64, 5, padding="same", activation="relu"),
            layers.MaxPooling2D(2),
            layers.Flatten(),
            layers.Dense(1024, activation="relu"),
            layers.Dropout(0.5),
            layers.Dense(10),
        ]
    )


def _encoder_block(keras, x):
    layers = keras.layers
    cfg = TRANSFORMER
    attention = layers.MultiHeadAttention(cfg["heads"], cfg["d_model"] // cfg["heads"])(
        x, x
    )
    x = layers.LayerNormalization()(layers.Add()([x, attention]))
    hidden = layers.Dense(cfg["feed_forward"], activation="relu")(x)
    feed_forward = layers.Dense(cfg["d_model"])(hidden)
    return layers.LayerNormalization()(layers.Add()([x, feed_forward]))


def _position_embedding(keras):
    """A learned position table added to the token embeddings."""

    class PositionEmbedding(keras.layers.Layer):
        def build(self, input_shape):
            self.table = self.add_weight(
                shape=tuple(input_shape[1:]), initializer="random_normal"
            )

        def call(self, inputs):
            return inputs + self.table

    return PositionEmbedding()


def _transformer(keras):
    layers = keras.layers
    tokens = keras.Input((TRANSFORMER["sequence"],), dtype="int32")
    x = layers.Embedding(VOCAB, TRANSFORMER["d_model"])(tokens)
    x = _position_embedding(keras)(x)
    for _ in range(2):
        x = _encoder_block(keras, x)
    x = layers.GlobalAveragePooling1D()(x)
    return keras.Model(tokens, layers.Dense(2)(x))


def _lstm(keras):
    layers = keras.layers
    return keras.Sequential(
        [
            keras.Input((LSTM["sequence"],), dtype="int32"),
            layers.Embedding(VOCAB, LSTM["embedding"]),
            layers.LSTM(LSTM["units"]),
            layers.Dense(2),
        ]
    )


BUILDERS = {
    "mlp": _mlp,
    "convnet": _convnet,
    "transformer": _transformer,
    "lstm": _lstm,
}


def build_model(keras, name):
    """The workload's model, compiled with Adam and a from-logits loss."""
    model = BUILDERS[name](keras)
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    )
    return model
