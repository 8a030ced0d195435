"""`keras_core.random`: samplers with explicit, reproducible seeds.

Every function takes `seed`: an int gives the same numbers on every call
(on a given backend), a `SeedGenerator` gives the next numbers of its
sequence, and None uses a global generator (seed it with
`keras_core.utils.set_random_seed`). Streams differ between backends: each
uses its framework's own generator.
"""

from keras_core._src import backend
from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import is_int_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.backend.common.keras_tensor import standardize_shape
from keras_core._src.random.seed_generator import SeedGenerator
from keras_core._src.random.seed_generator import draw_seed

__all__ = [
    "SeedGenerator",
    "beta",
    "binomial",
    "categorical",
    "dropout",
    "gamma",
    "normal",
    "randint",
    "shuffle",
    "truncated_normal",
    "uniform",
]


def _float_dtype(name, dtype):
    dtype = standardize_dtype(dtype or floatx())
    if not is_float_dtype(dtype):
        raise ValueError(
            f"{name}: `dtype` must be a floating-point dtype. Received: dtype={dtype!r}"
        )
    return dtype


def _int_dtype(name, dtype):
    dtype = standardize_dtype(dtype)
    if not is_int_dtype(dtype):
        raise ValueError(
            f"{name}: `dtype` must be an integer dtype. Received: dtype={dtype!r}"
        )
    return dtype


def _shape(name, shape):
    if isinstance(shape, (list, tuple)) and any(
        backend.core.is_tensor(dim) for dim in shape
    ):
        # Sizes only known at run time: the dynamic dimensions `ops.shape`
        # gives inside a traced function (tf.function with None dims).
        return tuple(shape)
    try:
        shape = standardize_shape(shape)
    except ValueError as error:
        raise ValueError(f"{name}: invalid `shape`: {error}") from None
    if None in shape:
        raise ValueError(
            f"{name}: `shape` must be fully known to draw numbers. Received: "
            f"shape={shape}"
        )
    return shape


def normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    """Draws from a normal (Gaussian) distribution.

    Args:
        shape: The output shape.
        mean: The mean.
        stddev: The standard deviation.
        dtype: A float dtype; `floatx()` by default.
        seed: An int, a `SeedGenerator` or None (see the module docstring).

    Returns:
        A tensor of `shape` and `dtype`.

    Example:

    >>> keras_core.random.normal((2, 3), seed=42).shape
    (2, 3)
    """
    dtype = _float_dtype("normal", dtype)
    shape = _shape("normal", shape)
    return backend.random.normal(shape, mean, stddev, dtype, draw_seed(seed))


def uniform(shape, minval=0.0, maxval=1.0, dtype=None, seed=None):
    """Draws uniformly from `[minval, maxval)`.

    Args:
        shape: The output shape.
        minval: The lower bound (included).
        maxval: The upper bound (excluded).
        dtype: A float dtype; `floatx()` by default. Use `randint` for
            integers.
        seed: An int, a `SeedGenerator` or None.

    Returns:
        A tensor of `shape` and `dtype`.

    Example:

    >>> x = keras_core.random.uniform((4,), minval=-1.0, maxval=1.0, seed=1)
    """
    if dtype is not None and not is_float_dtype(standardize_dtype(dtype)):
        raise ValueError(
            "uniform: `dtype` must be a floating-point dtype; use "
            f"`keras_core.random.randint` for integers. Received: dtype={dtype!r}"
        )
    dtype = _float_dtype("uniform", dtype)
    shape = _shape("uniform", shape)
    return backend.random.uniform(shape, minval, maxval, dtype, draw_seed(seed))


def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    """Draws from a normal distribution cut at two standard deviations.

    Values further than `2 * stddev` from the mean are redrawn.

    Args:
        shape: The output shape.
        mean: The mean.
        stddev: The standard deviation (before truncation).
        dtype: A float dtype; `floatx()` by default.
        seed: An int, a `SeedGenerator` or None.

    Returns:
        A tensor of `shape` and `dtype`.

    Example:

    >>> x = keras_core.random.truncated_normal((3,), stddev=0.1, seed=7)
    """
    dtype = _float_dtype("truncated_normal", dtype)
    shape = _shape("truncated_normal", shape)
    return backend.random.truncated_normal(shape, mean, stddev, dtype, draw_seed(seed))


def randint(shape, minval, maxval, dtype="int32", seed=None):
    """Draws integers uniformly from `[minval, maxval)`.

    Args:
        shape: The output shape.
        minval: The lowest value (included).
        maxval: The bound (excluded).
        dtype: An integer dtype.
        seed: An int, a `SeedGenerator` or None.

    Returns:
        A tensor of `shape` and `dtype`.

    Example:

    >>> keras_core.random.randint((5,), 0, 10, seed=3).shape
    (5,)
    """
    dtype = _int_dtype("randint", dtype)
    shape = _shape("randint", shape)
    return backend.random.randint(shape, minval, maxval, dtype, draw_seed(seed))


def categorical(logits, num_samples, dtype="int32", seed=None):
    """Draws class indices from categorical distributions given by logits.

    Args:
        logits: A 2-D tensor `(batch, classes)` of unnormalized
            log-probabilities.
        num_samples: How many draws per row.
        dtype: An integer dtype for the indices.
        seed: An int, a `SeedGenerator` or None.

    Returns:
        A tensor `(batch, num_samples)` of class indices.

    Example:

    >>> logits = numpy.log(numpy.array([[0.1, 0.9]]))
    >>> keras_core.random.categorical(logits, 5, seed=0).shape
    (1, 5)
    """
    dtype = _int_dtype("categorical", dtype)
    if isinstance(logits, KerasTensor):
        return KerasTensor((logits.shape[0], num_samples), dtype=dtype)
    logits = backend.core.convert_to_tensor(logits)
    if len(logits.shape) != 2:
        raise ValueError(
            "categorical: `logits` must be 2-D (batch, classes). Received: "
            f"logits of shape {tuple(logits.shape)}"
        )
    return backend.random.categorical(logits, int(num_samples), dtype, draw_seed(seed))


def dropout(inputs, rate, noise_shape=None, seed=None):
    """Zeroes entries at random with probability `rate`, scaling the others.

    Kept entries are multiplied by `1 / (1 - rate)`, so the expected sum is
    unchanged.

    Args:
        inputs: The input tensor.
        rate: The probability of dropping an entry, in `[0, 1)`.
        noise_shape: The shape of the random mask, broadcast against
            `inputs` (None entries take the input's size); the input's
            shape by default.
        seed: An int, a `SeedGenerator` or None.

    Returns:
        A tensor like `inputs`.

    Example:

    >>> x = keras_core.random.dropout(numpy.ones((2, 4)), 0.5, seed=1)
    """
    from keras_core import ops

    if not 0 <= rate < 1:
        raise ValueError(f"dropout: `rate` must be in [0, 1). Received: rate={rate}")
    if isinstance(inputs, KerasTensor):
        return KerasTensor(inputs.shape, dtype=inputs.dtype)
    inputs = backend.core.convert_to_tensor(inputs)
    shape = tuple(backend.core.shape(inputs))
    if noise_shape is None:
        noise_shape = shape
    else:
        noise_shape = tuple(
            size if wanted is None else wanted
            for wanted, size in zip(noise_shape, shape, strict=True)
        )
    dtype = standardize_dtype(inputs.dtype)
    mask_dtype = dtype if is_float_dtype(dtype) else floatx()
    keep = ops.greater_equal(uniform(noise_shape, dtype=mask_dtype, seed=seed), rate)
    scaled = ops.true_divide(inputs, 1.0 - rate)
    return backend.core.cast(ops.where(keep, scaled, 0), dtype)


def shuffle(x, axis=0, seed=None):
    """Permutes the entries of `x` along `axis` at random.

    Args:
        x: The input tensor.
        axis: The axis to shuffle.
        seed: An int, a `SeedGenerator` or None.

    Returns:
        `x` with its slices along `axis` in a random order.

    Example:

    >>> keras_core.random.shuffle(numpy.arange(5), seed=0).shape
    (5,)
    """
    if isinstance(x, KerasTensor):
        return KerasTensor(x.shape, dtype=x.dtype)
    x = backend.core.convert_to_tensor(x)
    ndim = len(x.shape)
    if not -ndim <= axis < ndim:
        raise ValueError(
            f"shuffle: `axis` {axis} is out of range for a tensor of shape "
            f"{tuple(x.shape)}"
        )
    return backend.random.shuffle(x, axis % ndim, draw_seed(seed))


def gamma(shape, alpha, dtype=None, seed=None):
    """Draws from gamma distributions of shape parameter `alpha` (scale 1).

    Args:
        shape: The output shape.
        alpha: The shape parameter (> 0), a number or a tensor broadcast to
            `shape`.
        dtype: A float dtype; `floatx()` by default.
        seed: An int, a `SeedGenerator` or None.

    Returns:
        A tensor of `shape` and `dtype`.

    Example:

    >>> keras_core.random.gamma((3,), alpha=2.0, seed=5).shape
    (3,)
    """
    dtype = _float_dtype("gamma", dtype)
    shape = _shape("gamma", shape)
    return backend.random.gamma(shape, alpha, dtype, draw_seed(seed))


def binomial(shape, counts, probabilities, dtype=None, seed=None):
    """Draws the number of successes of `counts` trials of probability `p`.

    Args:
        shape: The output shape.
        counts: The number of trials, a number or a tensor broadcast to
            `shape`.
        probabilities: The success probability of each trial, likewise.
        dtype: A float dtype for the counts drawn; `floatx()` by default.
        seed: An int, a `SeedGenerator` or None.

    Returns:
        A tensor of `shape` and `dtype`.

    Example:

    >>> keras_core.random.binomial((4,), counts=10, probabilities=0.5, seed=2)
    """
    dtype = _float_dtype("binomial", dtype)
    shape = _shape("binomial", shape)
    return backend.random.binomial(shape, counts, probabilities, dtype, draw_seed(seed))


def beta(shape, alpha, beta, dtype=None, seed=None):
    """Draws from beta distributions with parameters `alpha` and `beta`.

    Args:
        shape: The output shape.
        alpha: The first concentration (> 0), a number or a tensor.
        beta: The second concentration (> 0), a number or a tensor.
        dtype: A float dtype; `floatx()` by default.
        seed: An int, a `SeedGenerator` or None.

    Returns:
        A tensor of `shape` and `dtype`, with values in `[0, 1]`.

    Example:

    >>> keras_core.random.beta((3,), alpha=2.0, beta=5.0, seed=4).shape
    (3,)
    """
    dtype = _float_dtype("beta", dtype)
    shape = _shape("beta", shape)
    return backend.random.beta(shape, alpha, beta, dtype, draw_seed(seed))
