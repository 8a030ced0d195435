"""SeedGenerator: random state as a Variable, so it threads through compilers.

Random ops are stateless functions of a 2-element seed tensor. A
SeedGenerator holds that seed in a non-trainable Variable `[seed, counter]`
and hands out its current value while counting up, so successive draws
differ but are reproducible. Being a Variable, the state is read and
advanced inside `tf.function` without retracing, and inside `jax.jit` via a
`StatelessScope` mapping (as training does for every variable).
"""

import random as python_random

from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common import global_state
from keras_core._src.backend.common.scopes import name_scope

_GLOBAL_GENERATOR = "global_seed_generator"
# The largest seed: states are unsigned 32-bit on some backends.
_MAX_SEED = 2**31 - 1


@keras_public("keras.random")
class SeedGenerator:
    """Generates a reproducible sequence of seeds for the random ops.

    Pass one as the `seed` of `keras_core.random` functions: each call takes
    the next seed, so numbers differ from call to call, and the same
    starting seed gives the same sequence. Layers that draw random numbers
    (dropout, noise) keep one as state.

    Args:
        seed: The starting seed (an int). None picks one at random (from
            Python's `random`, which `keras_core.utils.set_random_seed`
            seeds).
        name: The name of the generator and of its state variable.
        **kwargs: `backend` (a backend name) is accepted for compatibility
            and must name the active backend.

    Example:

    >>> generator = keras_core.random.SeedGenerator(1337)
    >>> a = keras_core.random.normal((2,), seed=generator)
    >>> b = keras_core.random.normal((2,), seed=generator)  # differs from a
    """

    def __init__(self, seed=None, name=None, **kwargs):
        requested = kwargs.pop("backend", None)
        if kwargs:
            raise ValueError(f"Unrecognized keyword arguments: {sorted(kwargs)}")
        if requested is not None and requested != backend.backend():
            raise ValueError(
                "SeedGenerator: the `backend` argument must be the active "
                f"backend ({backend.backend()!r}). Received: backend={requested!r}"
            )
        if seed is not None and not isinstance(seed, int):
            raise ValueError(
                "SeedGenerator: `seed` must be an integer or None. "
                f"Received: seed={seed!r} (of type {type(seed).__name__})"
            )
        self._initial_seed = seed
        if seed is None:
            seed = make_default_seed()
        self.name = name or global_state.unique_name("seed_generator")
        dtype = backend.random.SEED_DTYPE
        with name_scope(self.name, caller=self):
            self.state = backend.Variable(
                backend.core.convert_to_tensor([seed, 0], dtype=dtype),
                dtype=dtype,
                trainable=False,
                name="seed_generator_state",
            )

    def next(self, ordered=True):
        """Returns the current seed tensor and advances the state.

        Args:
            ordered: Kept for compatibility: draws are always ordered.

        Returns:
            A backend tensor of 2 integers.
        """
        del ordered
        increment = backend.core.convert_to_tensor([0, 1], dtype=self.state.dtype)
        advanced = self.state.value + increment
        self.state.assign(advanced)
        # A fresh tensor: backends that assign in place (torch) would change
        # the state's own value under the caller.
        return advanced - increment

    def get_config(self):
        return {"seed": self._initial_seed, "name": self.name}

    @classmethod
    def from_config(cls, config):
        return cls(**config)


def make_default_seed():
    """A random starting seed, from Python's (seedable) `random` module."""
    return python_random.randint(1, _MAX_SEED)


def global_seed_generator():
    """The generator behind random ops called with `seed=None`."""
    generator = global_state.get_global_attribute(_GLOBAL_GENERATOR)
    if generator is None:
        generator = SeedGenerator(name="global_seed_generator")
        global_state.set_global_attribute(_GLOBAL_GENERATOR, generator)
    return generator


def draw_seed(seed):
    """The seed tensor for one random op call.

    Args:
        seed: An int (the same numbers every call), a SeedGenerator (its
            next seed) or None (the next seed of the global generator).

    Returns:
        A backend tensor of 2 integers.
    """
    if isinstance(seed, SeedGenerator):
        return seed.next()
    if isinstance(seed, bool) or not (seed is None or isinstance(seed, int)):
        raise ValueError(
            "Argument `seed` must be either an integer or an instance of "
            f"`SeedGenerator`. Received: seed={seed!r} (of type "
            f"{type(seed).__name__})"
        )
    if seed is None:
        if backend.random.is_tracing():
            raise ValueError(
                "An unseeded random op was called while a JAX function is being "
                "traced: its numbers would be frozen into the trace. Create a "
                "`keras_core.random.SeedGenerator`, keep it as state of your "
                "layer or model, and pass it as `seed`."
            )
        return global_seed_generator().next()
    return backend.core.convert_to_tensor([seed, 0], dtype=backend.random.SEED_DTYPE)
