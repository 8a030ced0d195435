"""Random samplers on torch: a `torch.Generator` seeded from 2 int32s.

torch has no stateless samplers: each call seeds a generator on the
device from the seed tensor, so the same seed gives the same numbers.
Samplers without a `generator` argument (gamma, binomial) run with the
global generator forked, seeded and restored.
"""

import contextlib

import torch

from keras_core._src.backend.torch.core import get_device
from keras_core._src.backend.torch.core import to_torch_dtype

# The dtype of a SeedGenerator's state on this backend.
SEED_DTYPE = "int32"


def is_tracing():
    return False


_MASK_64 = 2**64 - 1


def _seed_int(seed):
    """The 2 seed entries mixed into one 64-bit seed (splitmix64).

    torch's CPU generator keeps only the low 32 bits of a seed, so every
    bit of both entries must reach them: a plain concatenation would give
    the same numbers for seeds [3, 0] and [4, 0].
    """
    first, second = (int(s) & 0xFFFFFFFF for s in seed.tolist())
    mixed = ((first << 32) | second) + 0x9E3779B97F4A7C15
    mixed = ((mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9) & _MASK_64
    mixed = ((mixed ^ (mixed >> 27)) * 0x94D049BB133111EB) & _MASK_64
    return (mixed ^ (mixed >> 31)) & _MASK_64


def _generator(seed):
    generator = torch.Generator(device=get_device())
    generator.manual_seed(_seed_int(seed))
    return generator


@contextlib.contextmanager
def _seeded_global(seed):
    device = torch.device(get_device())
    devices = [device] if device.type == "cuda" else []
    with torch.random.fork_rng(devices=devices, device_type=device.type):
        torch.manual_seed(_seed_int(seed))
        yield


def _floats(dtype):
    # Half precision is sampled in float32 and rounded.
    return torch.float32 if dtype in ("float16", "bfloat16") else to_torch_dtype(dtype)


def normal(shape, mean, stddev, dtype, seed):
    values = torch.randn(
        shape, generator=_generator(seed), dtype=_floats(dtype), device=get_device()
    )
    return (values * stddev + mean).to(to_torch_dtype(dtype))


def uniform(shape, minval, maxval, dtype, seed):
    values = torch.rand(
        shape, generator=_generator(seed), dtype=_floats(dtype), device=get_device()
    )
    return (values * (maxval - minval) + minval).to(to_torch_dtype(dtype))


def truncated_normal(shape, mean, stddev, dtype, seed):
    values = torch.empty(shape, dtype=_floats(dtype), device=get_device())
    torch.nn.init.trunc_normal_(values, a=-2.0, b=2.0, generator=_generator(seed))
    return (values * stddev + mean).to(to_torch_dtype(dtype))


def randint(shape, minval, maxval, dtype, seed):
    samples = torch.randint(
        int(minval),
        int(maxval),
        shape,
        generator=_generator(seed),
        dtype=torch.int64,
        device=get_device(),
    )
    return samples.to(to_torch_dtype(dtype))


def categorical(logits, num_samples, dtype, seed):
    probabilities = torch.softmax(logits.to(torch.float32), dim=-1)
    samples = torch.multinomial(
        probabilities, num_samples, replacement=True, generator=_generator(seed)
    )
    return samples.to(to_torch_dtype(dtype))


def shuffle(x, axis, seed):
    order = torch.randperm(x.shape[axis], generator=_generator(seed), device=x.device)
    return torch.index_select(x, axis, order)


def gamma(shape, alpha, dtype, seed):
    alpha = torch.as_tensor(alpha, dtype=torch.float32, device=get_device())
    with _seeded_global(seed):
        values = torch._standard_gamma(alpha.expand(shape).contiguous())
    return values.to(to_torch_dtype(dtype))


def binomial(shape, counts, probabilities, dtype, seed):
    counts = torch.as_tensor(counts, dtype=torch.float32, device=get_device())
    probabilities = torch.as_tensor(
        probabilities, dtype=torch.float32, device=get_device()
    )
    with _seeded_global(seed):
        values = torch.binomial(
            counts.expand(shape).contiguous(), probabilities.expand(shape).contiguous()
        )
    return values.to(to_torch_dtype(dtype))


def beta(shape, alpha, beta, dtype, seed):
    # Beta(a, b) = X / (X + Y) for independent X ~ Gamma(a), Y ~ Gamma(b).
    alpha = torch.as_tensor(alpha, dtype=torch.float32, device=get_device())
    beta = torch.as_tensor(beta, dtype=torch.float32, device=get_device())
    with _seeded_global(seed):
        x = torch._standard_gamma(alpha.expand(shape).contiguous())
        y = torch._standard_gamma(beta.expand(shape).contiguous())
    return (x / (x + y)).to(to_torch_dtype(dtype))


def set_framework_seed(seed):
    """Seeds torch's global generators (every device)."""
    torch.manual_seed(seed)
