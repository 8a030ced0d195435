"""`set_random_seed`: one call seeds every source of randomness."""

import random as python_random

import numpy as np

from keras_core._src import backend
from keras_core._src.backend.common import global_state

__all__ = ["set_random_seed"]


def set_random_seed(seed):
    """Seeds Python's `random`, NumPy, the backend framework and keras_core.

    After it, the global generator behind unseeded `keras_core.random`
    calls, and SeedGenerators made without a seed, start from seeds derived
    from `seed`, so a program gives the same numbers on every run (on one
    backend and device).

    Args:
        seed: A non-negative integer.

    Example:

    >>> keras_core.utils.set_random_seed(1337)
    """
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(
            "set_random_seed: `seed` must be a non-negative integer. "
            f"Received: seed={seed!r} (of type {type(seed).__name__})"
        )
    python_random.seed(seed)
    np.random.seed(seed % 2**32)
    backend.random.set_framework_seed(seed)
    # The next unseeded draw makes a new global generator from Python's
    # (now seeded) `random`.
    global_state.set_global_attribute("global_seed_generator", None)
