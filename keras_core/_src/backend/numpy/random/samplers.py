"""Random samplers on numpy: a fresh `Generator` from each 2-element seed."""

import numpy as np

from keras_core._src.backend.numpy.core import convert_to_tensor

# The dtype of a SeedGenerator's state on this backend.
SEED_DTYPE = "uint32"


def is_tracing():
    return False


def _rng(seed):
    return np.random.default_rng([int(s) for s in np.asarray(seed)])


def _as(values, dtype):
    return convert_to_tensor(values, dtype=dtype)


def normal(shape, mean, stddev, dtype, seed):
    return _as(_rng(seed).normal(size=shape) * stddev + mean, dtype)


def uniform(shape, minval, maxval, dtype, seed):
    return _as(_rng(seed).uniform(size=shape) * (maxval - minval) + minval, dtype)


def truncated_normal(shape, mean, stddev, dtype, seed):
    rng = _rng(seed)
    values = rng.normal(size=shape)
    # Redraw those beyond two standard deviations until none are left.
    outside = np.abs(values) > 2.0
    while outside.any():
        values[outside] = rng.normal(size=int(outside.sum()))
        outside = np.abs(values) > 2.0
    return _as(values * stddev + mean, dtype)


def randint(shape, minval, maxval, dtype, seed):
    return _as(_rng(seed).integers(minval, maxval, size=shape), dtype)


def categorical(logits, num_samples, dtype, seed):
    # Gumbel-max: the argmax of logits plus Gumbel noise is a categorical draw.
    noise = _rng(seed).gumbel(size=(logits.shape[0], num_samples, logits.shape[1]))
    samples = np.argmax(logits[:, None, :] + noise, axis=-1)
    return _as(samples, dtype)


def shuffle(x, axis, seed):
    order = _rng(seed).permutation(x.shape[axis])
    return np.take(x, order, axis=axis)


def gamma(shape, alpha, dtype, seed):
    return _as(_rng(seed).gamma(alpha, size=shape), dtype)


def binomial(shape, counts, probabilities, dtype, seed):
    return _as(_rng(seed).binomial(counts, probabilities, size=shape), dtype)


def beta(shape, alpha, beta, dtype, seed):
    return _as(_rng(seed).beta(alpha, beta, size=shape), dtype)


def set_framework_seed(seed):
    """NumPy's global generator is seeded by `set_random_seed` itself."""
    del seed
