"""keras_core.layers.RandomGaussianBlur."""

import numpy as np
import pytest
from layers.preprocessing.image.image_checks import check_config_round_trip
from layers.preprocessing.image.image_checks import to_numpy

import keras_core
from keras_core import layers

IMAGES = np.random.default_rng(0).uniform(0, 255, (2, 6, 6, 3)).astype("float32")


def gaussian(taps, sigma):
    offsets = np.arange(taps) - (taps - 1) / 2
    weights = np.exp(-(offsets**2) / (2 * sigma**2))
    return weights / weights.sum()


def blur_reference(image, width_taps, height_taps, sigma_x, sigma_y):
    """Zero-padded 'same' correlation of one (height, width, channels) image
    with the outer product of two 1-D Gaussians."""
    kernel = np.outer(gaussian(height_taps, sigma_y), gaussian(width_taps, sigma_x))
    pad_y, pad_x = height_taps // 2, width_taps // 2
    padded = np.pad(image, ((pad_y, pad_y), (pad_x, pad_x), (0, 0)))
    out = np.zeros_like(image, dtype="float64")
    for dy in range(height_taps):
        for dx in range(width_taps):
            window = padded[dy : dy + image.shape[0], dx : dx + image.shape[1]]
            out += kernel[dy, dx] * window
    return out


TRANSFORM = {
    "should_apply_blur": np.array([True, False]),
    "blur_factor": np.array([0.4, 0.9], "float32"),
}


@pytest.mark.parametrize("kernel_size", [3, (3, 5)])
def test_blur_matches_numpy(kernel_size):
    images = IMAGES.copy()
    images[0, :2, :2, 0] = 1000.0  # outside value_range: clipped once blurred
    layer = layers.RandomGaussianBlur(kernel_size=kernel_size)
    out = to_numpy(layer.transform_images(images, TRANSFORM))
    width_taps, height_taps = layer.kernel_size
    expected = blur_reference(images[0], width_taps, height_taps, 0.4, 0.9)
    assert expected.max() > 255
    np.testing.assert_allclose(out[0], np.clip(expected, 0, 255), atol=1e-3)
    np.testing.assert_array_equal(out[1], images[1])
    layer = layers.RandomGaussianBlur(
        kernel_size=kernel_size, data_format="channels_first"
    )
    out_first = layer.transform_images(np.moveaxis(images, -1, 1), TRANSFORM)
    np.testing.assert_allclose(np.moveaxis(to_numpy(out_first), 1, -1), out, atol=1e-3)


def test_random_draws():
    layer = layers.RandomGaussianBlur(factor=(0.2, 0.6), sigma=(0.3, 0.5), seed=1)
    draws = [layer.get_random_transformation(IMAGES) for _ in range(200)]
    apply = np.stack([to_numpy(draw["should_apply_blur"]) for draw in draws])
    sigmas = np.stack([to_numpy(draw["blur_factor"]) for draw in draws])
    assert apply.shape == (200, 2) and sigmas.shape == (200, 2)
    # P(blur) is the mean of the factor range, 0.4.
    assert 0.32 < apply.mean() < 0.48
    assert np.all((sigmas >= 0.3) & (sigmas <= 0.5)) and sigmas.std() > 0.04
    none = layers.RandomGaussianBlur(factor=0.0, seed=1)
    assert not to_numpy(
        none.get_random_transformation(IMAGES)["should_apply_blur"]
    ).any()
    assert layer.get_random_transformation(IMAGES, training=False) is None


def test_seeded_inference_identity_and_model():
    layer = layers.RandomGaussianBlur(seed=4)
    first = to_numpy(layer(IMAGES, training=True))
    again = layers.RandomGaussianBlur(seed=4)
    np.testing.assert_array_equal(to_numpy(again(IMAGES, training=True)), first)
    assert not np.array_equal(to_numpy(again(IMAGES, training=True)), first)
    out = layer(IMAGES.astype("uint8"), training=False)
    assert to_numpy(out).dtype == np.float32
    np.testing.assert_array_equal(to_numpy(out), IMAGES.astype("uint8"))
    inputs = keras_core.Input((6, 6, 3))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 6, 6, 3) and outputs.dtype == "float32"
    model = keras_core.Model(inputs, outputs)
    np.testing.assert_array_equal(model.predict(IMAGES, verbose=0), IMAGES)
    data = {"images": IMAGES, "labels": np.eye(2), "segmentation_masks": IMAGES}
    out = layer(data, training=True)
    np.testing.assert_array_equal(to_numpy(out["labels"]), np.eye(2))
    np.testing.assert_array_equal(to_numpy(out["segmentation_masks"]), IMAGES)


def test_config_and_errors():
    layer = layers.RandomGaussianBlur(factor=0.5, kernel_size=5, sigma=0.7, seed=2)
    config = layer.get_config()
    assert list(config)[3:] == [
        "data_format",
        "factor",
        "kernel_size",
        "sigma",
        "value_range",
        "seed",
    ]
    assert config["factor"] == (0, 0.5) and config["sigma"] == (0, 0.7)
    assert config["kernel_size"] == (5, 5)
    assert layers.RandomGaussianBlur(kernel_size=(3, 5)).kernel_size == (3, 5)
    check_config_round_trip(layer)
    with pytest.raises(ValueError, match="kernel_size"):
        layers.RandomGaussianBlur(kernel_size=4)
    with pytest.raises(ValueError, match="factor"):
        layers.RandomGaussianBlur(factor=2.0)
    with pytest.raises(ValueError, match="sigma"):
        layers.RandomGaussianBlur(sigma=-0.5)
