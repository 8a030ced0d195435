"""Autograph leaves keras_core's functions alone inside a user's tf.function."""

import numpy as np
import pytest

import keras_core

pytestmark = pytest.mark.skipif(
    keras_core.config.backend() != "tensorflow",
    reason="autograph is TensorFlow's: only the tensorflow backend registers it",
)


def test_keras_core_functions_are_not_converted():
    from tensorflow.python.autograph.impl import conversion

    assert conversion.is_allowlisted(keras_core.layers.Dense.call)
    assert conversion.is_allowlisted(keras_core.ops.matmul)
    # User code is still converted.
    assert not conversion.is_allowlisted(lambda x: x)


def test_user_tf_function_around_a_model_gives_the_eager_result():
    import tensorflow as tf

    model = keras_core.Sequential(
        [keras_core.Input((3,)), keras_core.layers.Dense(2, activation="relu")]
    )
    x = np.arange(6, dtype="float32").reshape(2, 3)

    @tf.function
    def forward(inputs):
        if tf.reduce_sum(inputs) > 0:  # user control flow: converted
            return model(inputs)
        return -model(inputs)

    np.testing.assert_allclose(forward(x).numpy(), model(x).numpy(), rtol=1e-6)
