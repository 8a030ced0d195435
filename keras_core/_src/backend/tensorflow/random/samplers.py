"""Random samplers on tensorflow: the stateless ops, seeded by 2 int64s.

The same seed gives the same numbers, also inside `tf.function`; a
SeedGenerator's state is a `tf.Variable`, so a traced function reads and
advances it without retracing.
"""

import tensorflow as tf

from keras_core._src.backend.tensorflow.core import to_tf_dtype

# The dtype of a SeedGenerator's state on this backend.
SEED_DTYPE = "int64"


def is_tracing():
    """Unseeded sampling is safe in tf.function: the global state is a Variable."""
    return False


def _seed(seed):
    return tf.cast(seed, tf.int64)


def normal(shape, mean, stddev, dtype, seed):
    return tf.random.stateless_normal(
        shape, _seed(seed), mean=mean, stddev=stddev, dtype=to_tf_dtype(dtype)
    )


def uniform(shape, minval, maxval, dtype, seed):
    return tf.random.stateless_uniform(
        shape, _seed(seed), minval=minval, maxval=maxval, dtype=to_tf_dtype(dtype)
    )


def truncated_normal(shape, mean, stddev, dtype, seed):
    return tf.random.stateless_truncated_normal(
        shape, _seed(seed), mean=mean, stddev=stddev, dtype=to_tf_dtype(dtype)
    )


def randint(shape, minval, maxval, dtype, seed):
    # Integer stateless_uniform supports int32/int64 only: sample in int64.
    samples = tf.random.stateless_uniform(
        shape, _seed(seed), minval=minval, maxval=maxval, dtype=tf.int64
    )
    return tf.cast(samples, to_tf_dtype(dtype))


def categorical(logits, num_samples, dtype, seed):
    samples = tf.random.stateless_categorical(
        logits, num_samples, _seed(seed), dtype=tf.int64
    )
    return tf.cast(samples, to_tf_dtype(dtype))


def shuffle(x, axis, seed):
    # A random permutation: the order of uniform keys.
    keys = tf.random.stateless_uniform([tf.shape(x)[axis]], _seed(seed))
    return tf.gather(x, tf.argsort(keys), axis=axis)


def _gamma_dtype(dtype):
    # The gamma kernels have no bfloat16: sample in float32 and round.
    return tf.float32 if dtype == "bfloat16" else to_tf_dtype(dtype)


def gamma(shape, alpha, dtype, seed):
    values = tf.random.stateless_gamma(
        shape, _seed(seed), alpha=alpha, dtype=_gamma_dtype(dtype)
    )
    return tf.cast(values, to_tf_dtype(dtype))


def binomial(shape, counts, probabilities, dtype, seed):
    samples = tf.random.stateless_binomial(
        shape, _seed(seed), counts, probabilities, output_dtype=tf.float32
    )
    return tf.cast(samples, to_tf_dtype(dtype))


def beta(shape, alpha, beta, dtype, seed):
    # Beta(a, b) = X / (X + Y) for independent X ~ Gamma(a), Y ~ Gamma(b).
    first, second = tf.unstack(tf.random.experimental.stateless_split(_seed(seed), 2))
    x = tf.random.stateless_gamma(shape, first, alpha=alpha, dtype=_gamma_dtype(dtype))
    y = tf.random.stateless_gamma(shape, second, alpha=beta, dtype=_gamma_dtype(dtype))
    return tf.cast(x / (x + y), to_tf_dtype(dtype))


def set_framework_seed(seed):
    """Seeds TensorFlow's global generator (stateful tf.random ops)."""
    tf.random.set_seed(seed)
