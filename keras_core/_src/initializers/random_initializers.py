"""Initializers drawing random values: plain distributions and fan scaling.

Seeds follow Keras: an int seed gives the same values on every call; None
picks a random int seed once, at construction (so repeated calls of one
initializer agree, while two unseeded initializers differ; seed Python's
`random` with `keras_core.utils.set_random_seed` for reproducibility); a
`keras_core.random.SeedGenerator` gives new values on each call.
"""

import math

from keras_core import random
from keras_core._src.api_export import keras_public
from keras_core._src.initializers.initializer import Initializer
from keras_core._src.initializers.initializer import resolve_float_dtype
from keras_core._src.random.seed_generator import SeedGenerator
from keras_core._src.random.seed_generator import make_default_seed
from keras_core._src.saving import serialization_lib

# The standard deviation of a unit normal truncated at two standard
# deviations: dividing by it restores the variance the truncation removes.
_TRUNCATED_NORMAL_STDDEV = 0.87962566103423978


class RandomInitializer(Initializer):
    """Shared seed handling of the random initializers.

    Args:
        seed: An int, None or a `keras_core.random.SeedGenerator`.
    """

    def __init__(self, seed=None):
        if isinstance(seed, bool) or not (
            seed is None or isinstance(seed, (int, SeedGenerator))
        ):
            raise ValueError(
                f"{type(self).__name__}: `seed` must be an integer, None or a "
                "`keras_core.random.SeedGenerator`. Received: "
                f"seed={seed!r} (of type {type(seed).__name__})"
            )
        self._init_seed = seed
        self.seed = make_default_seed() if seed is None else seed

    def get_config(self):
        return {"seed": serialization_lib.serialize_keras_object(self._init_seed)}

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        if isinstance(config.get("seed"), dict):
            # Configs written by Keras name it "keras.random" > SeedGenerator.
            config["seed"] = serialization_lib.deserialize_keras_object(
                config["seed"], module_objects={"SeedGenerator": SeedGenerator}
            )
        return cls(**config)


@keras_public("keras.initializers")
class RandomNormal(RandomInitializer):
    """Draws from a normal distribution.

    Args:
        mean: The mean of the values.
        stddev: Their standard deviation.
        seed: An int (the same values on every call), None (a random seed
            picked once) or a `keras_core.random.SeedGenerator` (new values
            on each call).

    Example:

    >>> initializer = keras_core.initializers.RandomNormal(stddev=1.0, seed=1)
    >>> initializer((2, 2)).shape
    (2, 2)
    """

    def __init__(self, mean=0.0, stddev=0.05, seed=None):
        super().__init__(seed)
        self.mean = mean
        self.stddev = stddev

    def __call__(self, shape, dtype=None):
        return random.normal(
            shape,
            mean=self.mean,
            stddev=self.stddev,
            dtype=resolve_float_dtype(self, dtype),
            seed=self.seed,
        )

    def get_config(self):
        return {**super().get_config(), "mean": self.mean, "stddev": self.stddev}


@keras_public("keras.initializers")
class RandomUniform(RandomInitializer):
    """Draws uniformly from `[minval, maxval)`.

    Args:
        minval: The lower bound.
        maxval: The upper bound.
        seed: An int, None or a `keras_core.random.SeedGenerator` (see
            `RandomNormal`).

    Example:

    >>> initializer = keras_core.initializers.RandomUniform(-1.0, 1.0, seed=1)
    >>> initializer((3,)).shape
    (3,)
    """

    def __init__(self, minval=-0.05, maxval=0.05, seed=None):
        super().__init__(seed)
        self.minval = minval
        self.maxval = maxval

    def __call__(self, shape, dtype=None):
        return random.uniform(
            shape,
            minval=self.minval,
            maxval=self.maxval,
            dtype=resolve_float_dtype(self, dtype),
            seed=self.seed,
        )

    def get_config(self):
        return {**super().get_config(), "minval": self.minval, "maxval": self.maxval}


@keras_public("keras.initializers")
class TruncatedNormal(RandomInitializer):
    """Draws from a normal distribution cut at two standard deviations.

    Values further than `2 * stddev` from the mean are redrawn.

    Args:
        mean: The mean of the values.
        stddev: The standard deviation before truncation.
        seed: An int, None or a `keras_core.random.SeedGenerator` (see
            `RandomNormal`).

    Example:

    >>> initializer = keras_core.initializers.TruncatedNormal(stddev=0.1, seed=1)
    >>> initializer((4, 4)).shape
    (4, 4)
    """

    def __init__(self, mean=0.0, stddev=0.05, seed=None):
        super().__init__(seed)
        self.mean = mean
        self.stddev = stddev

    def __call__(self, shape, dtype=None):
        return random.truncated_normal(
            shape,
            mean=self.mean,
            stddev=self.stddev,
            dtype=resolve_float_dtype(self, dtype),
            seed=self.seed,
        )

    def get_config(self):
        return {**super().get_config(), "mean": self.mean, "stddev": self.stddev}


_MODES = ("fan_in", "fan_out", "fan_avg")
_DISTRIBUTIONS = ("truncated_normal", "untruncated_normal", "uniform")


@keras_public("keras.initializers")
class VarianceScaling(RandomInitializer):
    """Draws values whose variance is `scale / n`, `n` a fan of the shape.

    `n` is the number of inputs (`mode="fan_in"`), of outputs
    (`"fan_out"`) or their mean (`"fan_avg"`). For a kernel of shape
    `(..., inputs, outputs)` the leading dimensions (a convolution window)
    multiply both fans; a vector has `n = length` and a scalar `n = 1`.
    `input_axes` and `output_axes`, given together, instead name the axes
    whose sizes multiply into each fan.

    With `distribution="truncated_normal"` values come from a normal
    distribution cut at two standard deviations (rescaled so the variance
    is still `scale / n`), with `"untruncated_normal"` from a normal one,
    with `"uniform"` from `[-limit, limit]`, `limit = sqrt(3 * scale / n)`.

    Args:
        scale: The positive scaling factor.
        mode: `"fan_in"`, `"fan_out"` or `"fan_avg"`.
        distribution: `"truncated_normal"`, `"untruncated_normal"` or
            `"uniform"` (`"normal"` means `"truncated_normal"`).
        seed: An int, None or a `keras_core.random.SeedGenerator` (see
            `RandomNormal`).
        input_axes: The axes (ints) whose sizes make the fan-in.
        output_axes: The axes (ints) whose sizes make the fan-out.

    Example:

    >>> initializer = keras_core.initializers.VarianceScaling(
    ...     scale=2.0, mode="fan_in", distribution="uniform", seed=1)
    >>> initializer((64, 32)).shape
    (64, 32)
    """

    def __init__(
        self,
        scale=1.0,
        mode="fan_in",
        distribution="truncated_normal",
        seed=None,
        input_axes=None,
        output_axes=None,
    ):
        name = type(self).__name__
        if not scale > 0.0:
            raise ValueError(
                f"{name}: `scale` must be a positive float. Received: scale={scale!r}"
            )
        if mode not in _MODES:
            raise ValueError(
                f"{name}: invalid `mode` {mode!r}. Expected one of {_MODES}."
            )
        distribution = str(distribution).lower()
        if distribution == "normal":
            distribution = "truncated_normal"
        if distribution not in _DISTRIBUTIONS:
            raise ValueError(
                f"{name}: invalid `distribution` {distribution!r}. Expected one "
                f"of {_DISTRIBUTIONS}."
            )
        if (input_axes is None) != (output_axes is None):
            raise ValueError(
                f"{name}: `input_axes` and `output_axes` must be given together "
                f"(or neither). Received: input_axes={input_axes!r}, "
                f"output_axes={output_axes!r}"
            )
        super().__init__(seed)
        self.scale = scale
        self.mode = mode
        self.distribution = distribution
        self.input_axes = input_axes
        self.output_axes = output_axes

    def __call__(self, shape, dtype=None):
        dtype = resolve_float_dtype(self, dtype)
        shape = tuple(shape)
        fan_in, fan_out = self._fans(shape)
        fan = {
            "fan_in": fan_in,
            "fan_out": fan_out,
            "fan_avg": (fan_in + fan_out) / 2.0,
        }[self.mode]
        variance = self.scale / max(1.0, fan)
        if self.distribution == "truncated_normal":
            stddev = math.sqrt(variance) / _TRUNCATED_NORMAL_STDDEV
            return random.truncated_normal(
                shape, stddev=stddev, dtype=dtype, seed=self.seed
            )
        if self.distribution == "untruncated_normal":
            return random.normal(
                shape, stddev=math.sqrt(variance), dtype=dtype, seed=self.seed
            )
        limit = math.sqrt(3.0 * variance)
        return random.uniform(
            shape, minval=-limit, maxval=limit, dtype=dtype, seed=self.seed
        )

    def _fans(self, shape):
        if self.input_axes is not None:
            return (
                self._axes_size(shape, self.input_axes, "input_axes"),
                self._axes_size(shape, self.output_axes, "output_axes"),
            )
        if len(shape) == 0:
            return 1, 1
        if len(shape) == 1:
            return shape[0], shape[0]
        receptive_field = math.prod(shape[:-2])
        return shape[-2] * receptive_field, shape[-1] * receptive_field

    def _axes_size(self, shape, axes, argument):
        axes = (axes,) if isinstance(axes, int) else tuple(axes)
        for axis in axes:
            if isinstance(axis, bool) or not isinstance(axis, int):
                raise ValueError(
                    f"{type(self).__name__}: `{argument}` must hold integer "
                    f"axes. Received: {argument}={axes!r}"
                )
            if not -len(shape) <= axis < len(shape):
                raise ValueError(
                    f"{type(self).__name__}: axis {axis} of `{argument}` is out "
                    f"of range for a tensor of shape {shape} (rank {len(shape)})."
                )
        return math.prod(shape[axis] for axis in axes)

    def get_config(self):
        return {
            **super().get_config(),
            "scale": self.scale,
            "mode": self.mode,
            "distribution": self.distribution,
            "input_axes": self.input_axes,
            "output_axes": self.output_axes,
        }


class _PresetVarianceScaling(VarianceScaling):
    """A VarianceScaling whose scale, mode and distribution are fixed."""

    _SCALE = 1.0
    _MODE = "fan_in"
    _DISTRIBUTION = "truncated_normal"

    def __init__(self, seed=None, input_axes=None, output_axes=None):
        super().__init__(
            scale=self._SCALE,
            mode=self._MODE,
            distribution=self._DISTRIBUTION,
            seed=seed,
            input_axes=input_axes,
            output_axes=output_axes,
        )

    def get_config(self):
        return {
            "seed": serialization_lib.serialize_keras_object(self._init_seed),
            "input_axes": self.input_axes,
            "output_axes": self.output_axes,
        }


@keras_public("keras.initializers")
class GlorotNormal(_PresetVarianceScaling):
    """Glorot (Xavier) normal: truncated normal, variance `2 / (in + out)`.

    `VarianceScaling(scale=1.0, mode="fan_avg",
    distribution="truncated_normal")`.

    Args:
        seed: An int, None or a `keras_core.random.SeedGenerator` (see
            `RandomNormal`).
        input_axes: The axes (ints) whose sizes make the fan-in (with
            `output_axes`; see `VarianceScaling`).
        output_axes: The axes (ints) whose sizes make the fan-out.

    Example:

    >>> keras_core.initializers.GlorotNormal(seed=1)((3, 4)).shape
    (3, 4)
    """

    _MODE = "fan_avg"


@keras_public("keras.initializers")
class GlorotUniform(_PresetVarianceScaling):
    """Glorot (Xavier) uniform: `[-limit, limit]`, `limit = sqrt(6/(in+out))`.

    `VarianceScaling(scale=1.0, mode="fan_avg", distribution="uniform")`.

    Args:
        seed: An int, None or a `keras_core.random.SeedGenerator` (see
            `RandomNormal`).
        input_axes: The axes (ints) whose sizes make the fan-in (with
            `output_axes`; see `VarianceScaling`).
        output_axes: The axes (ints) whose sizes make the fan-out.

    Example:

    >>> keras_core.initializers.GlorotUniform(seed=1)((3, 4)).shape
    (3, 4)
    """

    _MODE = "fan_avg"
    _DISTRIBUTION = "uniform"


@keras_public("keras.initializers")
class HeNormal(_PresetVarianceScaling):
    """He normal: truncated normal with variance `2 / fan_in`.

    `VarianceScaling(scale=2.0, mode="fan_in",
    distribution="truncated_normal")`.

    Args:
        seed: An int, None or a `keras_core.random.SeedGenerator` (see
            `RandomNormal`).
        input_axes: The axes (ints) whose sizes make the fan-in (with
            `output_axes`; see `VarianceScaling`).
        output_axes: The axes (ints) whose sizes make the fan-out.

    Example:

    >>> keras_core.initializers.HeNormal(seed=1)((3, 4)).shape
    (3, 4)
    """

    _SCALE = 2.0


@keras_public("keras.initializers")
class HeUniform(_PresetVarianceScaling):
    """He uniform: `[-limit, limit]`, `limit = sqrt(6 / fan_in)`.

    `VarianceScaling(scale=2.0, mode="fan_in", distribution="uniform")`.

    Args:
        seed: An int, None or a `keras_core.random.SeedGenerator` (see
            `RandomNormal`).
        input_axes: The axes (ints) whose sizes make the fan-in (with
            `output_axes`; see `VarianceScaling`).
        output_axes: The axes (ints) whose sizes make the fan-out.

    Example:

    >>> keras_core.initializers.HeUniform(seed=1)((3, 4)).shape
    (3, 4)
    """

    _SCALE = 2.0
    _DISTRIBUTION = "uniform"


@keras_public("keras.initializers")
class LecunNormal(_PresetVarianceScaling):
    """LeCun normal: truncated normal with variance `1 / fan_in`.

    `VarianceScaling(scale=1.0, mode="fan_in",
    distribution="truncated_normal")`.

    Args:
        seed: An int, None or a `keras_core.random.SeedGenerator` (see
            `RandomNormal`).
        input_axes: The axes (ints) whose sizes make the fan-in (with
            `output_axes`; see `VarianceScaling`).
        output_axes: The axes (ints) whose sizes make the fan-out.

    Example:

    >>> keras_core.initializers.LecunNormal(seed=1)((3, 4)).shape
    (3, 4)
    """


@keras_public("keras.initializers")
class LecunUniform(_PresetVarianceScaling):
    """LeCun uniform: `[-limit, limit]`, `limit = sqrt(3 / fan_in)`.

    `VarianceScaling(scale=1.0, mode="fan_in", distribution="uniform")`.

    Args:
        seed: An int, None or a `keras_core.random.SeedGenerator` (see
            `RandomNormal`).
        input_axes: The axes (ints) whose sizes make the fan-in (with
            `output_axes`; see `VarianceScaling`).
        output_axes: The axes (ints) whose sizes make the fan-out.

    Example:

    >>> keras_core.initializers.LecunUniform(seed=1)((3, 4)).shape
    (3, 4)
    """

    _DISTRIBUTION = "uniform"
