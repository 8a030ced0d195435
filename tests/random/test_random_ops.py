"""keras_core.random: reproducibility, distributions, dtypes and errors.

Streams differ between backends (each uses its framework's generator), so
values are checked by their distribution: moments of large samples against
the closed forms, with tolerances of several standard errors.
"""

import math

import numpy as np
import pytest

import keras_core
from keras_core import random
from keras_core._src.backend import core

BACKEND = keras_core.config.backend()
N = 20000


def values(x):
    return np.asarray(core.convert_to_numpy(x), dtype="float64")


def dtype_of(x):
    return keras_core.backend.standardize_dtype(x.dtype)


# (name, sampler, expected mean, expected standard deviation)
DISTRIBUTIONS = [
    ("normal", lambda s: random.normal((N,), 2.0, 3.0, seed=s), 2.0, 3.0),
    ("uniform", lambda s: random.uniform((N,), -1.0, 3.0, seed=s), 1.0, 4 / 12**0.5),
    # Cut at two standard deviations: the spread shrinks to about 0.8796.
    (
        "truncated_normal",
        lambda s: random.truncated_normal((N,), 1.0, 2.0, seed=s),
        1.0,
        2.0 * 0.879626,
    ),
    ("randint", lambda s: random.randint((N,), 0, 10, seed=s), 4.5, (99 / 12) ** 0.5),
    ("gamma", lambda s: random.gamma((N,), 3.0, seed=s), 3.0, 3.0**0.5),
    (
        "binomial",
        lambda s: random.binomial((N,), 10, 0.3, seed=s),
        3.0,
        (10 * 0.3 * 0.7) ** 0.5,
    ),
    (
        "beta",
        lambda s: random.beta((N,), 2.0, 5.0, seed=s),
        2 / 7,
        (2 * 5 / (7**2 * 8)) ** 0.5,
    ),
]


@pytest.mark.parametrize("name, sample, mean, std", DISTRIBUTIONS, ids=lambda d: d)
def test_moments_match_the_distribution(name, sample, mean, std):
    drawn = values(sample(7))
    assert drawn.shape == (N,)
    standard_error = std / math.sqrt(N)
    assert abs(drawn.mean() - mean) < 5 * standard_error, (drawn.mean(), mean)
    assert abs(drawn.std() - std) < 0.05 * std, (drawn.std(), std)


@pytest.mark.parametrize("name, sample, mean, std", DISTRIBUTIONS, ids=lambda d: d)
def test_an_int_seed_repeats_and_a_generator_advances(name, sample, mean, std):
    np.testing.assert_array_equal(values(sample(3)), values(sample(3)))
    assert not np.array_equal(values(sample(3)), values(sample(4)))
    generator = random.SeedGenerator(11)
    first, second = values(sample(generator)), values(sample(generator))
    assert not np.array_equal(first, second)
    replay = random.SeedGenerator(11)
    np.testing.assert_array_equal(values(sample(replay)), first)
    np.testing.assert_array_equal(values(sample(replay)), second)


def test_ranges():
    uniform = values(random.uniform((N,), -1.0, 3.0, seed=1))
    assert uniform.min() >= -1.0 and uniform.max() < 3.0
    truncated = values(random.truncated_normal((N,), 1.0, 2.0, seed=1))
    assert np.all(np.abs(truncated - 1.0) <= 4.0 + 1e-6)
    integers = values(random.randint((N,), -3, 4, seed=1))
    assert set(np.unique(integers)) == set(range(-3, 4))
    beta = values(random.beta((N,), 0.5, 0.5, seed=1))
    assert beta.min() >= 0.0 and beta.max() <= 1.0
    counts = values(random.binomial((N,), 4, 0.5, seed=1))
    assert set(np.unique(counts)) <= set(range(5))


@pytest.mark.parametrize("dtype", ["float16", "bfloat16", "float32", "float64"])
def test_float_dtypes(dtype):
    for sample in (random.normal, random.uniform, random.truncated_normal):
        assert dtype_of(sample((4,), dtype=dtype, seed=1)) == _held(dtype)
    assert dtype_of(random.gamma((4,), 2.0, dtype=dtype, seed=1)) == _held(dtype)
    assert dtype_of(random.beta((4,), 2.0, 2.0, dtype=dtype, seed=1)) == _held(dtype)
    assert dtype_of(random.binomial((4,), 3, 0.5, dtype=dtype, seed=1)) == _held(dtype)


def _held(dtype):
    return keras_core.backend.standardize_dtype(
        core.convert_to_tensor(np.zeros(1, dtype="float32"), dtype=dtype).dtype
    )


def test_default_dtypes_follow_floatx():
    assert dtype_of(random.normal((2,), seed=1)) == "float32"
    keras_core.config.set_floatx("float16")
    assert dtype_of(random.uniform((2,), seed=1)) == "float16"
    assert dtype_of(random.randint((2,), 0, 3, seed=1)) == "int32"
    assert dtype_of(random.randint((2,), 0, 3, dtype="uint8", seed=1)) == "uint8"


def test_categorical_frequencies_follow_the_softmax():
    probabilities = np.array([[0.2, 0.5, 0.3], [0.9, 0.05, 0.05]])
    drawn = random.categorical(np.log(probabilities), N, seed=5)
    assert tuple(drawn.shape) == (2, N) and dtype_of(drawn) == "int32"
    drawn = values(drawn)
    for row, expected in zip(drawn, probabilities, strict=True):
        frequencies = np.bincount(row.astype(int), minlength=3) / N
        np.testing.assert_allclose(frequencies, expected, atol=0.015)


def test_dropout_zeroes_at_the_rate_and_keeps_the_expected_sum():
    x = np.ones((200, 100), "float32")
    dropped = values(random.dropout(x, 0.3, seed=2))
    kept = dropped != 0
    assert abs(1 - kept.mean() - 0.3) < 0.01
    np.testing.assert_allclose(dropped[kept], 1 / 0.7, rtol=1e-6)
    # The mask broadcasts along the axes where noise_shape is 1.
    rows = values(random.dropout(x, 0.5, noise_shape=(None, 1), seed=2))
    assert np.all((rows == 0).all(axis=1) | (rows != 0).all(axis=1))
    assert 0 < (rows[:, 0] == 0).mean() < 1


def test_shuffle_permutes_along_the_axis():
    x = np.arange(12).reshape(3, 4)
    rows = values(random.shuffle(x, seed=3))
    assert sorted(map(tuple, rows)) == sorted(map(tuple, x.astype("float64")))
    columns = values(random.shuffle(x, axis=-1, seed=3))
    np.testing.assert_array_equal(np.sort(columns, axis=1), x)
    np.testing.assert_array_equal(columns[:, 0] % 4, columns[:, 0] % 4)
    long = values(random.shuffle(np.arange(50), seed=4))
    assert not np.array_equal(long, np.arange(50))
    np.testing.assert_array_equal(values(random.shuffle(np.arange(50), seed=4)), long)


def test_set_random_seed_makes_unseeded_draws_repeat():
    keras_core.utils.set_random_seed(123)
    first = values(random.normal((5,)))
    again = values(random.normal((5,)))
    keras_core.utils.set_random_seed(123)
    np.testing.assert_array_equal(values(random.normal((5,))), first)
    np.testing.assert_array_equal(values(random.normal((5,))), again)
    assert not np.array_equal(first, again)


def test_symbolic_inputs_give_symbolic_outputs():
    x = keras_core.KerasTensor((None, 3), dtype="float16")
    for result in (random.dropout(x, 0.5), random.shuffle(x)):
        assert (result.shape, result.dtype) == ((None, 3), "float16")
    logits = keras_core.KerasTensor((4, 3))
    drawn = random.categorical(logits, 6)
    assert (drawn.shape, drawn.dtype) == ((4, 6), "int32")


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: random.normal((2,), seed="a"), "must be either an integer"),
        (lambda: random.normal((2,), seed=1.5), "must be either an integer"),
        (lambda: random.normal((2,), dtype="int32"), "floating-point"),
        (lambda: random.uniform((2,), dtype="int32"), "randint"),
        (lambda: random.randint((2,), 0, 3, dtype="float32"), "integer dtype"),
        (lambda: random.normal((None, 2)), "fully known"),
        (lambda: random.dropout(np.ones(3), 1.0), r"\[0, 1\)"),
        (lambda: random.categorical(np.ones(3), 2), "2-D"),
        (lambda: random.shuffle(np.ones(3), axis=1), "out of range"),
    ],
)
def test_bad_arguments_are_refused_clearly(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_sampling_inside_the_backend_compiler():
    generator = random.SeedGenerator(5)
    if BACKEND == "jax":
        import jax

        @jax.jit
        def draw(state):
            # Training maps every variable to a traced value the same way.
            with keras_core.StatelessScope([(generator.state, state)]) as scope:
                x = random.normal((3,), seed=generator)
            return x, scope.get_current_value(generator.state)

        first, state = draw(generator.state.value)
        second, state = draw(state)
        assert not np.array_equal(values(first), values(second))
        np.testing.assert_array_equal(np.asarray(state), [5, 2])
        with pytest.raises(ValueError, match="unseeded random op"):
            jax.jit(lambda: random.normal((2,)))()
    elif BACKEND == "tensorflow":
        import tensorflow as tf

        traces = []

        @tf.function(jit_compile=True)
        def draw():
            traces.append(1)
            return random.normal((3,), seed=generator)

        first, second = values(draw()), values(draw())
        assert not np.array_equal(first, second)
        assert len(traces) == 1  # the state is a tf.Variable: no retracing
        np.testing.assert_array_equal(generator.state.numpy(), [5, 2])
    else:
        pytest.skip(f"{BACKEND} samples eagerly: reproducibility is tested above")


@pytest.mark.skipif(
    keras_core.config.backend() != "tensorflow",
    reason="only tf.function traces with dimensions unknown until run time",
)
def test_dynamic_shapes_inside_tf_function():
    import tensorflow as tf

    layer = keras_core.layers.Dropout(0.5, seed=1)
    run = tf.function(
        lambda x: layer(x, training=True),
        input_signature=[tf.TensorSpec((None, None, 3))],
    )
    out = run(tf.ones((2, 4, 3))).numpy()
    assert out.shape == (2, 4, 3)
    assert set(np.unique(out)) <= {0.0, 2.0}
