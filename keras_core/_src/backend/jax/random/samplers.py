"""Random samplers on jax: stateless, keyed by a 2-element uint32 seed.

The frontend (keras_core/_src/random) resolves `seed` (an int, a
SeedGenerator or None) to a seed tensor and the dtype to a name; each
sampler turns the seed into a threefry key, so the same seed gives the same
numbers, also inside `jax.jit`.
"""

import jax
import jax.numpy as jnp
from jax._src import core as _jax_core

# The dtype of a SeedGenerator's state on this backend.
SEED_DTYPE = "uint32"


def is_tracing():
    """Whether a jax transformation (jit, grad, vmap) is tracing now."""
    return not _jax_core.trace_state_clean()


def _key(seed):
    return jax.random.wrap_key_data(
        jnp.asarray(seed, dtype=jnp.uint32), impl="threefry2x32"
    )


def _sampled(sample, dtype):
    # Half precision is sampled in float32 (jax's bfloat16 normals are coarse).
    if dtype in ("float16", "bfloat16"):
        return sample("float32").astype(dtype)
    return sample(dtype)


def normal(shape, mean, stddev, dtype, seed):
    values = _sampled(lambda d: jax.random.normal(_key(seed), shape, d), dtype)
    return values * stddev + mean


def uniform(shape, minval, maxval, dtype, seed):
    values = _sampled(lambda d: jax.random.uniform(_key(seed), shape, d), dtype)
    return values * (maxval - minval) + minval


def truncated_normal(shape, mean, stddev, dtype, seed):
    def sample(d):
        return jax.random.truncated_normal(_key(seed), -2.0, 2.0, shape, d)

    return _sampled(sample, dtype) * stddev + mean


def randint(shape, minval, maxval, dtype, seed):
    return jax.random.randint(_key(seed), shape, minval, maxval, dtype=dtype)


def categorical(logits, num_samples, dtype, seed):
    samples = jax.random.categorical(
        _key(seed), logits[:, None, :], axis=-1, shape=(logits.shape[0], num_samples)
    )
    return samples.astype(dtype)


def shuffle(x, axis, seed):
    return jax.random.permutation(_key(seed), x, axis=axis, independent=False)


def gamma(shape, alpha, dtype, seed):
    return _sampled(lambda d: jax.random.gamma(_key(seed), alpha, shape, d), dtype)


def binomial(shape, counts, probabilities, dtype, seed):
    counts = jnp.broadcast_to(jnp.asarray(counts, "float32"), shape)
    probabilities = jnp.broadcast_to(jnp.asarray(probabilities, "float32"), shape)
    samples = jax.random.binomial(_key(seed), counts, probabilities, shape)
    return samples.astype(dtype)


def beta(shape, alpha, beta, dtype, seed):
    def sample(d):
        return jax.random.beta(_key(seed), alpha, beta, shape, d)

    return _sampled(sample, dtype)


def set_framework_seed(seed):
    """jax has no global generator: nothing to seed."""
    del seed
