"""SeedGenerator: its state, sequence, config and arguments."""

import numpy as np
import pytest

import keras_core
from keras_core import random
from keras_core._src.backend import core


def test_state_starts_at_the_seed_and_counts_draws():
    generator = random.SeedGenerator(42)
    assert generator.state.trainable is False
    np.testing.assert_array_equal(generator.state.numpy(), [42, 0])
    first = core.convert_to_numpy(generator.next())
    np.testing.assert_array_equal(first, [42, 0])
    np.testing.assert_array_equal(generator.state.numpy(), [42, 1])
    generator.next()
    np.testing.assert_array_equal(generator.state.numpy(), [42, 2])


def test_names_and_config_round_trip():
    generator = random.SeedGenerator(7, name="noise_seed")
    assert generator.name == "noise_seed"
    assert generator.state.path == "noise_seed/seed_generator_state"
    config = generator.get_config()
    assert config == {"seed": 7, "name": "noise_seed"}
    clone = random.SeedGenerator.from_config(config)
    np.testing.assert_array_equal(clone.state.numpy(), [7, 0])


def test_unseeded_generators_follow_set_random_seed():
    keras_core.utils.set_random_seed(9)
    first = random.SeedGenerator().state.numpy()
    keras_core.utils.set_random_seed(9)
    np.testing.assert_array_equal(random.SeedGenerator().state.numpy(), first)
    assert random.SeedGenerator().get_config()["seed"] is None


def test_bad_arguments():
    with pytest.raises(ValueError, match="integer or None"):
        random.SeedGenerator(seed=1.5)
    with pytest.raises(ValueError, match="active backend"):
        random.SeedGenerator(1, backend="not_a_backend")
    with pytest.raises(ValueError, match="Unrecognized"):
        random.SeedGenerator(1, color="red")
    with pytest.raises(ValueError, match="non-negative integer"):
        keras_core.utils.set_random_seed(-1)
