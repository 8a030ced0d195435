"""A first look at keras_core on the default backend.

Shows backend selection, variables with NumPy-style arithmetic and Keras type
promotion, name scopes, and a stateless computation. (The convnet training
demo arrives with `Model.fit`.)
"""

import numpy as np

import keras_core as keras


def main():
    print(f"keras_core {keras.version()} on the {keras.config.backend()} backend")

    weights = keras.Variable(np.ones((3, 2), "float32"), name="weights")
    counts = keras.Variable(np.array([1, 2, 3], "int8"), name="counts", trainable=False)
    print(weights)
    print(counts)

    # Python scalars are weak: int8 stays int8, and true division gives floats.
    print("counts + 1     ->", keras.backend.standardize_dtype((counts + 1).dtype))
    print("counts / 2     ->", keras.backend.standardize_dtype((counts / 2).dtype))
    print("counts @ weights =", np.asarray(counts @ weights))

    weights.assign_add(np.full((3, 2), 0.5))
    print("after assign_add:", weights.numpy().tolist())

    with keras.name_scope("encoder"):
        bias = keras.Variable(np.zeros(2, "float32"), name="bias")
    print("a variable made in a name scope has the path", repr(bias.path))

    # Run code against other values without touching the variable.
    with keras.StatelessScope(state_mapping=[(bias, np.array([5.0, 6.0]))]) as scope:
        bias.assign(bias + 1.0)
        print("inside a stateless scope, bias reads", np.asarray(bias.value).tolist())
        new_bias = scope.get_current_value(bias)
    print(
        "the scope recorded",
        np.asarray(new_bias).tolist(),
        "and bias is still",
        bias.numpy().tolist(),
    )

    image = keras.Input(shape=(28, 28, 1), name="image")
    print("a symbolic model input:", image)


if __name__ == "__main__":
    main()
