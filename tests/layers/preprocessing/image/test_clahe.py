"""keras_core.layers.ContrastLimitedAdaptiveHistogramEqualization."""

import numpy as np
import pytest
from layers.preprocessing.image.image_checks import check_config_round_trip
from layers.preprocessing.image.image_checks import to_numpy

import keras_core
from keras_core import layers

CLAHE = layers.ContrastLimitedAdaptiveHistogramEqualization


def _tile_lut(bins_of_tile, clip_limit):
    pixels = bins_of_tile.size
    counts = np.bincount(bins_of_tile.ravel(), minlength=256).astype("float64")
    counts = np.minimum(counts, clip_limit * pixels / 256)
    counts += (pixels - counts.sum()) / 256
    cdf = np.cumsum(counts)
    if pixels == cdf[0]:
        return np.zeros(256)
    return (cdf - cdf[0]) / (pixels - cdf[0]) * 255


def clahe_reference(image, clip_limit, grid, value_range=(0, 255)):
    """NumPy CLAHE of one (height, width) channel, pixel by pixel."""
    low, high = value_range
    height, width = image.shape
    grid_height, grid_width = grid
    bins = np.floor(np.clip((image - low) / (high - low) * 255, 0, 255)).astype(int)
    tile_height, tile_width = -(-height // grid_height), -(-width // grid_width)
    padded = np.pad(
        bins,
        ((0, tile_height * grid_height - height), (0, tile_width * grid_width - width)),
        mode="symmetric",
    )
    luts = [
        [
            _tile_lut(
                padded[
                    i * tile_height : (i + 1) * tile_height,
                    j * tile_width : (j + 1) * tile_width,
                ],
                clip_limit,
            )
            for j in range(grid_width)
        ]
        for i in range(grid_height)
    ]
    out = np.zeros((height, width))
    for row in range(height):
        for col in range(width):
            # Tile centers sit at (k + 0.5) * tile_size.
            fy, fx = row / tile_height - 0.5, col / tile_width - 0.5
            y0, x0 = int(np.floor(fy)), int(np.floor(fx))
            wy, wx = fy - y0, fx - x0
            ys = [min(max(y, 0), grid_height - 1) for y in (y0, y0 + 1)]
            xs = [min(max(x, 0), grid_width - 1) for x in (x0, x0 + 1)]
            value = bins[row, col]
            out[row, col] = (1 - wy) * (
                (1 - wx) * luts[ys[0]][xs[0]][value] + wx * luts[ys[0]][xs[1]][value]
            ) + wy * (
                (1 - wx) * luts[ys[1]][xs[0]][value] + wx * luts[ys[1]][xs[1]][value]
            )
    return out / 255 * (high - low) + low


def _reference_batch(images, clip_limit, grid, value_range=(0, 255)):
    return np.stack(
        [
            np.stack(
                [
                    clahe_reference(image[..., c], clip_limit, grid, value_range)
                    for c in range(image.shape[-1])
                ],
                -1,
            )
            for image in images
        ]
    )


# One image shape for most tests: eager JAX compiles each op once per shape.
IMAGES = np.random.default_rng(0).integers(0, 256, (2, 6, 6, 3)).astype("float32")


def test_matches_numpy_clahe():
    # 6 rows in 4 tiles: padded to 8 by mirroring the last rows and columns.
    out = to_numpy(CLAHE(clip_limit=2.0, tile_grid_size=(4, 4))(IMAGES))
    expected = _reference_batch(IMAGES, 2.0, (4, 4))
    np.testing.assert_allclose(out, expected, atol=1e-3)


def test_hand_computed_tiles():
    # Every 3 x 3 tile holds 0 (3 times), 10, 20 and 40 (4 times): counts
    # 3, 1, 1, 4 -> (cdf - 3) / 6 * 255 in every tile, so blending tiles
    # changes nothing.
    tile = np.array([[0, 0, 0], [10, 20, 40], [40, 40, 40]], "float32")
    images = np.broadcast_to(np.tile(tile, (2, 2))[None, :, :, None], IMAGES.shape)
    out = to_numpy(CLAHE(clip_limit=1000.0, tile_grid_size=(2, 2))(images))
    lut = {0: 0.0, 10: 42.5, 20: 85.0, 40: 255.0}
    expected = np.vectorize(lut.get)(images)
    np.testing.assert_allclose(out, expected, atol=1e-3)
    # A clip limit of 0 flattens the histogram: the identity on 0..255.
    out = to_numpy(CLAHE(clip_limit=0.0, tile_grid_size=(2, 2))(IMAGES))
    np.testing.assert_allclose(out, IMAGES, atol=1e-3)
    # Tiles entirely in bin 0 map to 0 (not 0 / 0).
    zeros = np.zeros_like(IMAGES)
    out = to_numpy(CLAHE(clip_limit=1000.0, tile_grid_size=(2, 2))(zeros))
    np.testing.assert_array_equal(out, zeros)


def test_value_range_layout_and_dtypes():
    images = IMAGES / 255 * 2 - 1
    expected = _reference_batch(images, 3.0, (2, 2), (-1, 1))
    layer = CLAHE(value_range=(-1, 1), clip_limit=3.0, tile_grid_size=(2, 2))
    np.testing.assert_allclose(to_numpy(layer(images)), expected, atol=1e-5)
    layer = CLAHE(
        value_range=(-1, 1),
        clip_limit=3.0,
        tile_grid_size=(2, 2),
        data_format="channels_first",
    )
    out = to_numpy(layer(np.moveaxis(images, -1, 1)))
    np.testing.assert_allclose(np.moveaxis(out, 1, -1), expected, atol=1e-5)
    # Integer images keep their dtype; the values are truncated.
    out = CLAHE(clip_limit=3.0, tile_grid_size=(2, 2))(IMAGES.astype("uint8"))
    assert to_numpy(out).dtype == np.uint8
    expected = np.floor(_reference_batch(IMAGES, 3.0, (2, 2)))
    assert np.abs(to_numpy(out).astype(int) - expected).max() <= 1


def test_in_a_model_symbolic_and_config():
    layer = CLAHE(clip_limit=3.0, tile_grid_size=(2, 2))
    inputs = keras_core.Input((6, 6, 3))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 6, 6, 3) and outputs.dtype == "float32"
    assert layer(keras_core.Input((6, 6, 3), dtype="uint8")).dtype == "uint8"
    model = keras_core.Model(inputs, outputs)
    expected = _reference_batch(IMAGES, 3.0, (2, 2))
    np.testing.assert_allclose(model.predict(IMAGES, verbose=0), expected, atol=1e-3)
    config = layer.get_config()
    assert list(config)[3:] == [
        "data_format",
        "value_range",
        "clip_limit",
        "tile_grid_size",
    ]
    assert config["tile_grid_size"] == (2, 2) and config["value_range"] == (0, 255)
    check_config_round_trip(layer)


def test_saved_model_round_trip(tmp_path):
    inputs = keras_core.Input((6, 6, 3))
    layer = CLAHE(clip_limit=3.0, tile_grid_size=(2, 2))
    model = keras_core.Model(inputs, layer(inputs))
    model.save(tmp_path / "model.keras")
    restored = keras_core.saving.load_model(tmp_path / "model.keras")
    assert restored.layers[-1].get_config() == layer.get_config()
    np.testing.assert_allclose(
        restored.predict(IMAGES, verbose=0), model.predict(IMAGES, verbose=0)
    )


def test_errors():
    with pytest.raises(ValueError, match="tile_grid_size"):
        CLAHE(tile_grid_size=(0, 2))
    with pytest.raises(ValueError, match="tile_grid_size"):
        CLAHE(tile_grid_size=3)
    with pytest.raises(ValueError, match="clip_limit"):
        CLAHE(clip_limit=-1.0)
    with pytest.raises(ValueError, match="value_range"):
        CLAHE(value_range=(0, 1, 2))
    unknown_size = keras_core.KerasTensor((1, None, None, 3))
    with pytest.raises(ValueError, match="known height"):
        CLAHE().transform_images(unknown_size, None)
