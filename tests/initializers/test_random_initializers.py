"""Random initializers: distributions, fans, seeds, dtypes and configs."""

import math

import numpy as np
import pytest

import keras_core
from keras_core import config
from keras_core import initializers
from keras_core import ops
from keras_core import random

TRUNCATED_NORMAL_STDDEV = 0.87962566103423978


def values(tensor):
    return ops.convert_to_numpy(tensor).astype("float64")


def test_random_normal_statistics():
    out = values(initializers.RandomNormal(mean=1.0, stddev=2.0, seed=3)((200, 100)))
    assert out.shape == (200, 100)
    assert abs(out.mean() - 1.0) < 0.05
    assert abs(out.std() - 2.0) < 0.05


def test_random_uniform_statistics():
    out = values(initializers.RandomUniform(minval=-1.0, maxval=3.0, seed=3)((20000,)))
    assert out.min() >= -1.0 and out.max() < 3.0
    assert out.min() < -0.99 and out.max() > 2.99
    assert abs(out.mean() - 1.0) < 0.05
    assert abs(out.var() - 16.0 / 12.0) < 0.05


def test_truncated_normal_statistics():
    out = values(initializers.TruncatedNormal(mean=0.5, stddev=0.1, seed=3)((20000,)))
    assert np.all(np.abs(out - 0.5) <= 0.2 + 1e-6)
    assert abs(out.mean() - 0.5) < 0.005
    assert abs(out.std() - 0.1 * TRUNCATED_NORMAL_STDDEV) < 0.005


@pytest.mark.parametrize(
    "shape, axes, fan_in, fan_out",
    [
        ((200, 300), {}, 200, 300),
        ((3, 3, 40, 50), {}, 360, 450),
        ((20000,), {}, 20000, 20000),
        ((30, 40, 50), {"input_axes": (0,), "output_axes": (1, 2)}, 30, 2000),
        ((30, 40, 50), {"input_axes": [-1], "output_axes": [0, 1]}, 50, 1200),
        ((30, 40, 50), {"input_axes": (), "output_axes": (1,)}, 1, 40),
    ],
)
@pytest.mark.parametrize("mode", ["fan_in", "fan_out", "fan_avg"])
def test_variance_scaling_fans(shape, axes, fan_in, fan_out, mode):
    fan = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2}
    variance = 2.0 / fan[mode]
    out = values(
        initializers.VarianceScaling(
            scale=2.0, mode=mode, distribution="untruncated_normal", seed=1, **axes
        )(shape)
    )
    assert out.shape == shape
    assert abs(out.var() / variance - 1.0) < 0.06


@pytest.mark.parametrize("distribution", ["truncated_normal", "uniform"])
def test_variance_scaling_distributions(distribution):
    variance = 3.0 / 400
    out = values(
        initializers.VarianceScaling(
            scale=3.0, mode="fan_in", distribution=distribution, seed=2
        )((400, 100))
    )
    assert abs(out.var() / variance - 1.0) < 0.05
    if distribution == "uniform":
        limit = math.sqrt(3 * variance)
    else:
        limit = 2 * math.sqrt(variance) / TRUNCATED_NORMAL_STDDEV
    assert np.abs(out).max() <= limit + 1e-6
    assert np.abs(out).max() > 0.95 * limit


def test_variance_scaling_scalar_shape_uses_fan_one():
    for seed in range(5):
        out = values(initializers.GlorotUniform(seed=seed)(()))
        assert out.shape == () and abs(out) <= math.sqrt(3.0)


PRESETS = [
    (initializers.GlorotNormal, 1.0, "fan_avg", "truncated_normal"),
    (initializers.GlorotUniform, 1.0, "fan_avg", "uniform"),
    (initializers.HeNormal, 2.0, "fan_in", "truncated_normal"),
    (initializers.HeUniform, 2.0, "fan_in", "uniform"),
    (initializers.LecunNormal, 1.0, "fan_in", "truncated_normal"),
    (initializers.LecunUniform, 1.0, "fan_in", "uniform"),
]


@pytest.mark.parametrize("cls, scale, mode, distribution", PRESETS)
def test_presets(cls, scale, mode, distribution):
    fan = {"fan_in": 300, "fan_avg": 350}[mode]
    out = values(cls(seed=4)((300, 400)))
    assert abs(out.var() / (scale / fan) - 1.0) < 0.05
    reference = initializers.VarianceScaling(
        scale=scale, mode=mode, distribution=distribution, seed=4
    )((300, 400))
    np.testing.assert_array_equal(out, values(reference))
    axes = {"input_axes": (0,), "output_axes": (1,)}
    assert cls(seed=4, **axes).get_config() == {"seed": 4, **axes}
    assert cls().get_config() == {"seed": None, "input_axes": None, "output_axes": None}
    assert type(cls.from_config(cls(seed=4).get_config())) is cls


RANDOM_CLASSES = [
    initializers.RandomNormal,
    initializers.RandomUniform,
    initializers.TruncatedNormal,
    initializers.VarianceScaling,
    initializers.GlorotUniform,
    initializers.Orthogonal,
]


@pytest.mark.parametrize("cls", RANDOM_CLASSES)
def test_int_seed_repeats_across_calls_and_instances(cls):
    first = values(cls(seed=7)((4, 4)))
    initializer = cls(seed=7)
    np.testing.assert_array_equal(values(initializer((4, 4))), first)
    np.testing.assert_array_equal(values(initializer((4, 4))), first)
    assert not np.array_equal(values(cls(seed=8)((4, 4))), first)


@pytest.mark.parametrize("cls", RANDOM_CLASSES)
def test_unseeded_repeats_across_calls_but_not_instances(cls):
    initializer = cls()
    first = values(initializer((4, 4)))
    np.testing.assert_array_equal(values(initializer((4, 4))), first)
    assert not np.array_equal(values(cls()((4, 4))), first)
    assert initializer.get_config()["seed"] is None
    assert isinstance(initializer.seed, int)


def test_unseeded_follows_set_random_seed():
    keras_core.utils.set_random_seed(11)
    first = values(initializers.RandomNormal()((5,)))
    keras_core.utils.set_random_seed(11)
    np.testing.assert_array_equal(values(initializers.RandomNormal()((5,))), first)


@pytest.mark.parametrize("cls", RANDOM_CLASSES)
def test_seed_generator_advances(cls):
    initializer = cls(seed=random.SeedGenerator(3))
    first = values(initializer((4, 4)))
    assert not np.array_equal(values(initializer((4, 4))), first)
    fresh = cls(seed=random.SeedGenerator(3))
    np.testing.assert_array_equal(values(fresh((4, 4))), first)


def test_seed_generator_config_round_trip():
    initializer = initializers.RandomNormal(seed=random.SeedGenerator(3))
    first = values(initializer((3,)))
    seed_config = initializer.get_config()["seed"]
    assert seed_config["class_name"] == "SeedGenerator"
    assert seed_config["config"]["seed"] == 3
    restored = initializers.RandomNormal.from_config(initializer.get_config())
    assert isinstance(restored.seed, random.SeedGenerator)
    np.testing.assert_array_equal(values(restored((3,))), first)
    keras_record = {
        "module": "keras.random",
        "class_name": "SeedGenerator",
        "config": {"seed": 3, "name": "seed_generator"},
        "registered_name": None,
    }
    from_keras = initializers.RandomNormal.from_config(
        {"seed": keras_record, "mean": 0.0, "stddev": 0.05}
    )
    np.testing.assert_array_equal(values(from_keras((3,))), first)


@pytest.mark.parametrize("seed", ["a", 1.5, True, [1]])
def test_bad_seed(seed):
    with pytest.raises(ValueError, match=r"RandomNormal: `seed` must be .* seed="):
        initializers.RandomNormal(seed=seed)


@pytest.mark.parametrize("cls", RANDOM_CLASSES)
@pytest.mark.parametrize("dtype", ["int32", "bool"])
def test_non_float_dtype_errors(cls, dtype):
    with pytest.raises(ValueError, match=rf"{cls.__name__}: `dtype` must be .*{dtype}"):
        cls(seed=1)((2, 2), dtype=dtype)


@pytest.mark.parametrize("dtype", ["float16", "bfloat16", "float32"])
def test_float_dtypes(dtype):
    for cls in RANDOM_CLASSES:
        out = cls(seed=1)((3, 3), dtype=dtype)
        assert keras_core.backend.standardize_dtype(out.dtype) == dtype


def test_dtype_defaults_to_floatx():
    config.set_floatx("float16")
    out = initializers.GlorotUniform(seed=1)((2, 2))
    assert keras_core.backend.standardize_dtype(out.dtype) == "float16"


def test_configs_match_keras():
    assert initializers.RandomNormal().get_config() == {
        "seed": None,
        "mean": 0.0,
        "stddev": 0.05,
    }
    assert initializers.RandomUniform(seed=2).get_config() == {
        "seed": 2,
        "minval": -0.05,
        "maxval": 0.05,
    }
    assert initializers.TruncatedNormal().get_config() == {
        "seed": None,
        "mean": 0.0,
        "stddev": 0.05,
    }
    assert initializers.VarianceScaling(
        scale=2, mode="fan_avg", distribution="untruncated_normal", seed=4
    ).get_config() == {
        "seed": 4,
        "scale": 2,
        "mode": "fan_avg",
        "distribution": "untruncated_normal",
        "input_axes": None,
        "output_axes": None,
    }


def test_variance_scaling_distribution_spelling():
    normal = initializers.VarianceScaling(distribution="normal")
    assert normal.get_config()["distribution"] == "truncated_normal"
    upper = initializers.VarianceScaling(distribution="Uniform")
    assert upper.get_config()["distribution"] == "uniform"


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"scale": 0}, r"VarianceScaling: `scale` must be a positive float.*scale=0"),
        ({"mode": "FAN_IN"}, r"VarianceScaling: invalid `mode` 'FAN_IN'"),
        ({"distribution": "x"}, r"VarianceScaling: invalid `distribution` 'x'"),
        ({"input_axes": (0,)}, r"`input_axes` and `output_axes` must be given"),
    ],
)
def test_variance_scaling_argument_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        initializers.VarianceScaling(**kwargs)


def test_variance_scaling_axis_errors():
    with pytest.raises(ValueError, match=r"GlorotUniform: axis 5 of `input_axes`"):
        initializers.GlorotUniform(input_axes=(5,), output_axes=(1,))((3, 4))
    with pytest.raises(ValueError, match=r"`output_axes` must hold integer axes"):
        initializers.GlorotUniform(input_axes=(0,), output_axes=("a",))((3, 4))
