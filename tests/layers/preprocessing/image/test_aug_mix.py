"""keras_core.layers.AugMix."""

import numpy as np
import pytest
from layers.preprocessing.image.image_checks import check_config_round_trip
from layers.preprocessing.image.image_checks import to_numpy
from layers.preprocessing.image.test_auto_contrast import auto_contrast_reference
from layers.preprocessing.image.test_equalization import equalize_reference

import keras_core
from keras_core import layers

IMAGES = np.random.default_rng(0).integers(20, 200, (2, 6, 6, 3)).astype("float32")
BASIC = 7  # shear, translation, rotation, solarization, posterization,
# auto_contrast, equalization; all_ops adds 4 colour augmentations.


def test_output_mixes_the_chains():
    layer = layers.AugMix(num_chains=2, chain_depth=2, seed=1)
    transformation = layer.get_random_transformation(IMAGES)
    auto_contrast, equalization, skip = 5, 6, BASIC + 4
    chains = transformation["chain_transforms"]
    chosen = [(auto_contrast, skip), (equalization, auto_contrast)]
    for chain, indices in zip(chains, chosen, strict=True):
        for step, index in zip(chain, indices, strict=True):
            step["layer_index"] = np.array(index, "int32")
    transformation["chain_mixing_weights"] = np.array([0.4, 0.6], "float32")
    transformation["weight_sample"] = np.array(0.1, "float32")
    out = to_numpy(layer.transform_images(IMAGES, transformation))
    mixed = 0.4 * auto_contrast_reference(IMAGES) + 0.6 * auto_contrast_reference(
        equalize_reference(IMAGES)
    )
    np.testing.assert_allclose(out, 0.1 * IMAGES + 0.9 * mixed, atol=1e-3)


def test_draws():
    layer = layers.AugMix(num_chains=2, chain_depth=0, alpha=0.5, seed=2)
    weights, originals = [], []
    for _ in range(200):
        transformation = layer.get_random_transformation(IMAGES)
        weights.append(to_numpy(transformation["chain_mixing_weights"]))
        originals.append(to_numpy(transformation["weight_sample"]))
    weights, originals = np.array(weights), np.array(originals)
    np.testing.assert_allclose(weights.sum(1), 1.0, atol=1e-5)
    # Dirichlet(0.5, 0.5) is Beta(0.5, 0.5): mean 1/2, variance 1/8.
    assert np.all(np.abs(weights.mean(0) - 0.5) < 0.09)
    assert np.all(np.abs(weights.var(0) - 1 / 8) < 0.04)
    assert originals.shape == (200,) and np.all((originals >= 0) & (originals <= 1))
    layer = layers.AugMix(num_chains=2, chain_depth=4, all_ops=False, seed=3)
    transformation = layer.get_random_transformation(IMAGES)
    indices = [
        int(step["layer_index"])
        for chain in transformation["chain_transforms"]
        for step in chain
    ]
    assert min(indices) >= 0 and max(indices) <= BASIC  # BASIC: no augmentation
    assert len(set(indices)) > 3


def test_masks_follow_the_chains_and_sub_layers():
    layer = layers.AugMix(num_chains=2, chain_depth=1, all_ops=False, seed=4)
    masks = np.ones((2, 6, 6, 1), "float32")
    out = layer({"images": IMAGES, "segmentation_masks": masks}, training=True)
    np.testing.assert_allclose(to_numpy(out["segmentation_masks"]), 1.0, atol=1e-5)
    assert not hasattr(layer, "random_brightness")
    full = layers.AugMix(factor=0.8, value_range=(0, 1))
    assert full.random_brightness.get_config()["factor"] == (0, 0.8)
    assert full.random_posterization.get_config()["factor"] == (1, 6)
    assert full.random_shear.interpolation == "bilinear"


def test_seeded_inference_identity_and_model():
    layer = layers.AugMix(num_chains=2, chain_depth=2, seed=5)
    first = to_numpy(layer(IMAGES, training=True))
    assert not np.allclose(first, IMAGES)
    again = layers.AugMix(num_chains=2, chain_depth=2, seed=5)
    np.testing.assert_array_equal(to_numpy(again(IMAGES, training=True)), first)
    out = layer(IMAGES.astype("uint8"), training=False)
    assert to_numpy(out).dtype == np.float32
    np.testing.assert_array_equal(to_numpy(out), IMAGES)
    inputs = keras_core.Input((6, 6, 3))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 6, 6, 3) and outputs.dtype == "float32"
    model = keras_core.Model(inputs, outputs)
    np.testing.assert_array_equal(model.predict(IMAGES, verbose=0), IMAGES)


def test_config_and_errors():
    layer = layers.AugMix(
        value_range=(0, 1), num_chains=2, chain_depth=1, factor=0.5, all_ops=False
    )
    config = layer.get_config()
    assert list(config)[3:] == [
        "data_format",
        "value_range",
        "num_chains",
        "chain_depth",
        "factor",
        "alpha",
        "all_ops",
        "interpolation",
        "seed",
    ]
    assert config["factor"] == (0, 0.5) and config["all_ops"] is False
    check_config_round_trip(layer)
    with pytest.raises(ValueError, match="num_chains"):
        layers.AugMix(num_chains=0)
    with pytest.raises(ValueError, match="alpha"):
        layers.AugMix(alpha=0.0)
    with pytest.raises(ValueError, match="interpolation"):
        layers.AugMix(interpolation="bicubic")
    with pytest.raises(ValueError, match="factor"):
        layers.AugMix(factor=1.5)
