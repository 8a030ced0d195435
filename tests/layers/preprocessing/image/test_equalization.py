"""keras_core.layers.Equalization."""

import numpy as np
import pytest
from layers.preprocessing.image.image_checks import check_config_round_trip
from layers.preprocessing.image.image_checks import to_numpy

import keras_core
from keras_core import layers


def equalize_reference(images, bins=256, value_range=(0, 255)):
    """NumPy histogram equalization of a channels-last batch, one histogram
    per channel over the whole batch (float32 binning, as the layer)."""
    low, high = value_range
    images = np.asarray(images, "float32")
    out = np.empty_like(images)
    for channel in range(images.shape[-1]):
        values = images[..., channel]
        levels = np.clip((values - low) / np.float32(high - low) * 255, 0, 255)
        levels = levels.astype("float32")
        indices = np.floor(levels / np.float32(255) * np.float32(bins - 1))
        indices = indices.astype(int)
        counts = np.bincount(indices.ravel(), minlength=bins)
        cdf = np.cumsum(counts)
        first = cdf[counts > 0][0]
        if cdf[-1] == first:
            out[..., channel] = values
            continue
        lut = np.round((cdf - first) * 255 / (cdf[-1] - first))
        out[..., channel] = lut[indices] / 255 * (high - low) + low
    return out


# Every test uses these two shapes: eager JAX compiles each op once per shape.
IMAGES = np.random.default_rng(0).integers(0, 40, (2, 6, 6, 3)) * 6.0
IMAGES = IMAGES.astype("float32")
# Hand-computed channels, an 8-pixel pattern repeated 9 times (which
# scales every count by 9 and leaves the lookup tables as they are):
# 0: 0 twice, then 10..60 once each -> (cdf - 2) * 255 / 6 = 42.5 per step,
#    ties rounding to even.
# 1: constant, kept as it is.
# 2: clipped to 0..255 first -> counts 2, 1, 3, 2 at 0, 50, 100, 255.
PATTERN = np.array(
    [
        [0, 0, 10, 20, 30, 40, 50, 60],
        [7, 7, 7, 7, 7, 7, 7, 7],
        [-10, 0, 50, 300, 255, 100, 100, 100],
    ],
    "float32",
).T
EQUALIZED_PATTERN = np.array(
    [
        [0, 0, 42, 85, 128, 170, 212, 255],
        [7, 7, 7, 7, 7, 7, 7, 7],
        [0, 0, 42, 255, 255, 170, 170, 170],
    ],
    "float32",
).T
SMALL = np.tile(PATTERN, (9, 1)).reshape(2, 6, 6, 3)
SMALL_EQUALIZED = np.tile(EQUALIZED_PATTERN, (9, 1)).reshape(2, 6, 6, 3)


@pytest.mark.parametrize("bins", [256, 16])
def test_matches_numpy_equalization(bins):
    out = to_numpy(layers.Equalization(bins=bins)(IMAGES, training=True))
    np.testing.assert_allclose(out, equalize_reference(IMAGES, bins), atol=1e-4)


def test_hand_computed_values():
    out = to_numpy(layers.Equalization()(SMALL, training=True))
    np.testing.assert_array_equal(out, SMALL_EQUALIZED)
    np.testing.assert_array_equal(equalize_reference(SMALL), SMALL_EQUALIZED)


def test_value_range_and_layout():
    images = IMAGES / 255 * 2 - 1
    layer = layers.Equalization(value_range=(-1, 1), bins=16)
    out = to_numpy(layer(images, training=True))
    expected = equalize_reference(images, 16, (-1, 1))
    np.testing.assert_allclose(out, expected, atol=1e-5)
    layer = layers.Equalization(
        value_range=(-1, 1), bins=16, data_format="channels_first"
    )
    out = to_numpy(layer(np.moveaxis(images, -1, 1), training=True))
    np.testing.assert_allclose(np.moveaxis(out, 1, -1), expected, atol=1e-5)


def test_inference_identity_model_and_symbolic():
    layer = layers.Equalization()
    out = layer(IMAGES.astype("uint8"), training=False)
    assert to_numpy(out).dtype == np.float32
    np.testing.assert_array_equal(to_numpy(out), IMAGES.astype("uint8"))
    inputs = keras_core.Input((6, 6, 3))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 6, 6, 3) and outputs.dtype == "float32"
    model = keras_core.Model(inputs, outputs)
    np.testing.assert_array_equal(model.predict(IMAGES, verbose=0), IMAGES)
    np.testing.assert_allclose(
        to_numpy(model(IMAGES, training=True)),
        equalize_reference(IMAGES),
        atol=1e-4,
    )
    data = {"images": IMAGES, "segmentation_masks": IMAGES}
    out = layer(data, training=True)
    np.testing.assert_array_equal(to_numpy(out["segmentation_masks"]), IMAGES)


def test_config_and_errors():
    layer = layers.Equalization(value_range=(0, 1), bins=64)
    config = layer.get_config()
    assert list(config)[3:] == ["data_format", "bins", "value_range"]
    assert config["bins"] == 64 and config["value_range"] == [0, 1]
    check_config_round_trip(layer)
    with pytest.raises(ValueError, match="bins"):
        layers.Equalization(bins=1)
    with pytest.raises(ValueError, match="bins"):
        layers.Equalization(bins=1.5)
    with pytest.raises(ValueError, match="value_range"):
        layers.Equalization(value_range=(1,))
